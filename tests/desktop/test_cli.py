"""The command line, run as a person runs it: a separate process, real files."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_kit import linedesk


def test_db_upgrade_creates_the_schema_and_check_calls_it_sound(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'X.db'}"
    done = linedesk("--database", url, "db", "upgrade")
    assert done.returncode == 0, done.stderr
    assert "schema at revision" in done.stdout
    tables = {
        r[0]
        for r in sqlite3.connect(tmp_path / "X.db").execute(
            "SELECT name FROM sqlite_master WHERE type='table'"
        )
    }
    assert {"site", "line", "station", "crew", "shift_pattern"} <= tables
    check = linedesk("--database", url, "db", "check")
    assert check.returncode == 0, check.stderr
    assert "database is sound" in check.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--database", "nonsense://x", "db", "upgrade"], "Unsupported database URL scheme"),
        (
            ["--database", "sqlite:////nonexistent-dir/x/y.db", "db", "check"],
            "Database file not found",
        ),
        (["--config", "/nonexistent.toml", "plant", "lines"], "Config file not found"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(args: list[str], message: str) -> None:
    done = linedesk(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], done.stderr
    assert "Traceback" not in done.stderr


def test_nothing_is_written_for_a_bad_config(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[workstation]\nlanguage = "klingon"\n')
    target = tmp_path / "never.db"
    done = linedesk("--config", str(bad), "--database", f"sqlite:///{target}", "plant", "lines")
    assert done.returncode == 2 and "language" in done.stderr
    assert not target.exists()


def test_the_database_comes_from_option_then_environment_then_config(tmp_path: Path) -> None:
    from_env, from_config = tmp_path / "env.db", tmp_path / "config.db"
    config = tmp_path / "ws.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{from_config.as_posix()}"\n')
    linedesk("--config", str(config), "db", "upgrade")
    assert from_config.exists()
    linedesk(
        "--config",
        str(config),
        "db",
        "upgrade",
        env={"LINEDESK_DATABASE_URL": f"sqlite:///{from_env}"},
    )
    assert from_env.exists()


def test_seed_demo_goes_to_the_demo_file_and_plant_lines_prints_json(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"LINEDESK_HOME": str(home)}
    done = linedesk("db", "seed-demo", env=env)
    assert done.returncode == 0, done.stderr
    assert (home / "data" / "demo.sqlite").exists()
    assert not (home / "data" / "linedesk.sqlite").exists()
    url = f"sqlite:///{home / 'data' / 'demo.sqlite'}"
    lines = json.loads(linedesk("--database", url, "plant", "lines", "--format", "json").stdout)
    assert {line["code"] for line in lines} >= {"CELL-1", "CELL-2", "MOD-1", "PACK-1"}
    csv_out = linedesk(
        "--database", url, "plant", "stations", "--line", "PACK-1", "--format", "csv"
    ).stdout
    assert csv_out.splitlines()[0] == "code,name,line,station_type,position,active"


def test_headless_commands_do_not_load_qt(tmp_path: Path) -> None:
    script = (
        "import sys; from desktop.cli import main; "
        f"code = main(['--database', 'sqlite:///{tmp_path / 'h.db'}', 'plant', 'lines']); "
        "assert code == 0; "
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]; "
        "print('QT', qt)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "QT []" in done.stdout


def test_version() -> None:
    from desktop import __version__

    done = linedesk("--version")
    assert done.stdout.strip() == f"linedesk {__version__}"


def test_backup_writes_a_readable_copy(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    linedesk("--database", url, "db", "upgrade")
    done = linedesk("--database", url, "db", "backup", str(tmp_path / "copy.db"))
    assert done.returncode == 0, done.stderr
    assert sqlite3.connect(tmp_path / "copy.db").execute(
        "SELECT time_zone FROM site"
    ).fetchone() == ("Europe/Paris",)
