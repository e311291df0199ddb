"""Set up the checkout's own virtual environment on first use, then run Linedesk or its tests.

Why a script rather than a list of commands: a newcomer on a fresh machine has only Python 3.11+,
and the README promises two commands. This file needs nothing but the standard library; it creates
`.venv` beside `pyproject.toml`, installs the project (editable, with the test extras) at the
exact versions of `installer/constraints.txt`, and re-installs only when `pyproject.toml` or the
constraints changed since the last install (or the Python version did).

    python3 installer/bootstrap.py demo      # starts `linedesk demo`
    python3 installer/bootstrap.py test      # runs the whole test suite
    python3 installer/bootstrap.py linedesk ARGS...   # any linedesk command
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".linedesk-installed"
CONSTRAINTS = ROOT / "installer" / "constraints.txt"


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _wanted_stamp() -> str:
    """What the installed .venv was made from: a changed dependency range or lock reinstalls."""
    digest = hashlib.sha256()
    for source in (ROOT / "pyproject.toml", CONSTRAINTS):
        digest.update(source.read_bytes())
    return f"{digest.hexdigest()} {sys.version_info[:2]}"


def ensure_venv() -> Path:
    """Create `.venv` and install the project into it when missing or out of date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs before any check
        sys.exit("Linedesk needs Python 3.11 or newer; this is " + sys.version.split()[0])
    python = _venv_python()
    if not python.exists():
        print("Creating the virtual environment .venv (first use only)...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != _wanted_stamp():
        print("Installing Linedesk and its dependencies into .venv...", flush=True)
        pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
               "-c", str(CONSTRAINTS)]
        subprocess.check_call([*pip, "--upgrade", "pip"])
        subprocess.check_call([*pip, "-e", f"{ROOT}[test]"])
        STAMP.write_text(_wanted_stamp())
    return python


def run_tests(python: Path, extra: list[str]) -> int:
    """Lint, check the layer contracts, then run pytest offscreen."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    bin_dir = python.parent
    steps = [
        [str(python), "-m", "ruff", "check", "desktop", "ui", "hardware", "tests", "bench",
         "installer"],
        [str(bin_dir / ("lint-imports.exe" if os.name == "nt" else "lint-imports"))],
        [str(python), "-m", "pytest", *extra],
    ]
    for step in steps:
        print("$ " + " ".join(Path(step[0]).name if i == 0 else a for i, a in enumerate(step)),
              flush=True)
        code = subprocess.call(step, cwd=ROOT, env=env)
        if code != 0:
            return code
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test", "linedesk"}:
        print(__doc__)
        return 2
    python = ensure_venv()
    command, rest = argv[0], argv[1:]
    if command == "test":
        return run_tests(python, rest)
    linedesk_args = rest if command == "linedesk" else ["demo", *rest]
    return subprocess.call([str(python), "-m", "desktop.cli", *linedesk_args], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
