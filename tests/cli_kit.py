"""The `linedesk` command line run as a person runs it, for the command-line tests: a separate
process of the same interpreter, this test run's environment, nothing to read on its input."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
COMMAND = (sys.executable, "-m", "desktop.cli")


def cli_env(env: Mapping[str, str] | None = None, without: Iterable[str] = ()) -> dict[str, str]:
    """This process's environment with `env` laid over it and the names in `without` dropped."""
    dropped = set(without)
    merged = {k: v for k, v in os.environ.items() if k not in dropped}
    merged.update(env or {})
    return merged


def linedesk(
    *args: str,
    env: Mapping[str, str] | None = None,
    without: Iterable[str] = (),
    **kw: Any,
) -> subprocess.CompletedProcess[str]:
    """Run `linedesk ARGS` to its end; its output read as text."""
    options: dict[str, Any] = {"capture_output": True, "text": True, "timeout": 120}
    options.update(kw)
    return subprocess.run(
        [*COMMAND, *args],
        env=cli_env(env, without),
        stdin=subprocess.DEVNULL,
        **options,
    )


def start_linedesk(*args: str, **kw: Any) -> subprocess.Popen:
    """Start `linedesk ARGS` from the repository's root with pipes on all three streams, so a
    test can talk to it while it runs (a simulator, a device test waiting for a scan)."""
    return subprocess.Popen(
        [*COMMAND, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env({"PYTHONPATH": str(ROOT)}),
        cwd=ROOT,
        **kw,
    )
