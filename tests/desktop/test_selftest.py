"""`linedesk --self-test`: passes on a whole installation, names what is missing otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_the_self_test_passes_in_the_source_tree(tmp_path: Path) -> None:
    env = dict(os.environ, LINEDESK_HOME=str(tmp_path))
    env.pop("QT_QPA_PLATFORM", None)  # the self-test switches to offscreen by itself
    env.pop("DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "self-test passed"
    checks = [line.split(":")[0] for line in lines[1:-1]]
    assert checks == [
        "ok   modules",
        "ok   database",
        "ok   qt platform",
        "ok   image formats",
        "ok   pdf writer",
        "ok   translations",
        "ok   balance",
        "ok   scanner",
    ]
    assert not list(tmp_path.rglob("*.sqlite")), "the self-test writes nothing in the home"


def test_the_self_test_names_what_is_missing(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop import paths
    from ui import selftest

    monkeypatch.setattr(paths, "RESOURCES", tmp_path / "nothing-here")
    assert selftest.main() == 1
    out = capsys.readouterr().out
    assert "FAIL image formats: resource missing" in out
    assert "FAIL translations: no French catalogue" in out
    assert "ok   database" in out and "ok   balance" in out
    assert out.splitlines()[-1] == "self-test FAILED: image formats, translations"
