"""`linedesk station scan`, run as a PLC or a test rig runs it: a separate process on a real
SQLite file seeded with the live floor, codes by arguments and by standard input, one JSON line
per scan, and exit 2 (nothing recorded) for a station or user that may not scan."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.services.genealogy_demo import HELD_LOT, HELD_REASON

COMMAND = [sys.executable, "-m", "desktop.cli"]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The live floor once per module: 12 cells made at STACK-1, the first 6 filled, a held
    electrolyte lot; users who may and may not scan."""
    from desktop.services import skills
    from desktop.services import user_accounts as security
    from desktop.services.actor import Actor
    from desktop.services.demo import seed_plant
    from desktop.services.genealogy_demo import seed_floor, seed_live_floor
    from desktop.startup import open_database

    path = tmp_path_factory.mktemp("station-cli") / "floor.sqlite"
    database = open_database(f"sqlite:///{path.as_posix()}")
    system = Actor.system()
    seed_plant(database, system)
    seed_floor(database, system)
    seed_live_floor(database, system)
    with database.unit_of_work() as session:
        for username, role, badge in (
            ("olga.operator", "operator", "BADGE-100001"),
            ("theo.trainee", "operator", "BADGE-100002"),
            ("harper.hr", "hr", None),
            ("ivan.left", "supervisor", None),
        ):
            security.create_user(
                session,
                system,
                username,
                username.split(".")[0].title(),
                role,
                badge=badge,
                password="a long password",
                pin="1234" if badge else None,
            )
        until = date.today() + timedelta(days=365)
        for station_type in ("formation", "filling"):
            skills.set_certification(
                session, system, "BADGE-100001", station_type, "qualified", until
            )
    with database.unit_of_work() as session:
        security.update_user(session, system, "ivan.left", active=False, reason="left the plant")
    database.dispose()
    return path


@pytest.fixture
def floor(template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "floor.sqlite"
    shutil.copyfile(template, copy)
    return copy


def station_scan(floor: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*COMMAND, "--database", f"sqlite:///{floor.as_posix()}", "station", "scan", *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )


def verdicts(done: subprocess.CompletedProcess) -> list[dict]:
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    for line in lines:
        assert set(line) == {"code", "ok", "reason", "latency_ms"}
        assert isinstance(line["latency_ms"], float) and line["latency_ms"] > 0
        assert (line["reason"] is None) == line["ok"]
    return lines


def rows(floor: Path, sql: str, *params: object) -> list[tuple]:
    connection = sqlite3.connect(floor)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def scan_rows(floor: Path, station: str) -> list[tuple]:
    return rows(
        floor,
        "SELECT code, verdict, rejection, username, action FROM scan_event "
        "WHERE station = ? ORDER BY id",
        station,
    )


def test_codes_from_the_arguments_are_recorded_in_order(floor: Path) -> None:
    done = station_scan(
        floor,
        "--station",
        "FORM-1",
        "--user",
        "olga.operator",
        "CELL-26L0000000",
        "CELL-26L0000000",
        "CELL-NOSUCH",
        "CELL-26L0000007",
        "CELL-26L0000001",
    )
    lines = verdicts(done)
    assert [(v["code"], v["ok"]) for v in lines] == [
        ("CELL-26L0000000", True),
        ("CELL-26L0000000", False),
        ("CELL-NOSUCH", False),
        ("CELL-26L0000007", False),
        ("CELL-26L0000001", True),
    ]
    assert "was scanned" in lines[1]["reason"] and "recorded once" in lines[1]["reason"]
    assert lines[2]["reason"] == "Unknown lot or serial number: CELL-NOSUCH"
    assert lines[3]["reason"] == "CELL-26L0000007 skipped a step: it must pass filling first"
    assert scan_rows(floor, "FORM-1") == [
        ("CELL-26L0000000", "ok", None, "olga.operator", "passed"),
        ("CELL-26L0000000", "nok", "duplicate", "olga.operator", None),
        ("CELL-NOSUCH", "nok", "unknown_id", "olga.operator", None),
        ("CELL-26L0000007", "nok", "step_skipped", "olga.operator", None),
        ("CELL-26L0000001", "ok", None, "olga.operator", "passed"),
    ]
    passed = rows(
        floor,
        "SELECT business_id, route_position, last_station FROM item "
        "WHERE business_id IN ('CELL-26L0000000', 'CELL-26L0000001') ORDER BY business_id",
    )
    assert passed == [("CELL-26L0000000", 3, "FORM-1"), ("CELL-26L0000001", 3, "FORM-1")]
    user_id = rows(floor, "SELECT id FROM app_user WHERE username = 'olga.operator'")[0][0]
    assert rows(floor, "SELECT DISTINCT user_id FROM scan_event WHERE station = 'FORM-1'") == [
        (user_id,)
    ]


def test_codes_from_standard_input_one_per_line_until_its_end(floor: Path) -> None:
    """A held lot is refused with its reason and the command goes on; blank lines and the
    spaces and CR of a scanner are no codes."""
    done = station_scan(
        floor,
        "--station",
        "FILL-2",
        "--user",
        "olga.operator",
        stdin=f"{HELD_LOT}\r\n\n  CELL-26L0000007 \nCELL-26L0000008\n",
    )
    lines = verdicts(done)
    assert [(v["code"], v["ok"]) for v in lines] == [
        (HELD_LOT, False),
        ("CELL-26L0000007", False),
        ("CELL-26L0000008", False),
    ]
    assert lines[0]["reason"] == f"{HELD_LOT} is on hold: {HELD_REASON}"
    assert lines[1]["reason"] == "Load electrolyte first"
    assert [r[:3] for r in scan_rows(floor, "FILL-2")] == [
        (HELD_LOT, "nok", "on_hold"),
        ("CELL-26L0000007", "nok", "not_loaded"),
        ("CELL-26L0000008", "nok", "not_loaded"),
    ]


def test_each_verdict_is_printed_as_soon_as_its_scan_is_committed(floor: Path) -> None:
    """The rig waits for the verdict of one scan before it sends the next: each line comes
    while standard input is still open."""
    process = subprocess.Popen(
        [*COMMAND, "--database", f"sqlite:///{floor.as_posix()}", "station", "scan"]
        + ["--station", "FORM-1", "--user", "olga.operator"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        seen = []
        for code in ("CELL-26L0000002", "CELL-26L0000003", "CELL-26L0000002"):
            process.stdin.write(code + "\n")
            process.stdin.flush()
            seen.append(json.loads(process.stdout.readline()))
        process.stdin.close()
        assert process.wait(timeout=60) == 0
        assert process.stdout.read() == ""
    finally:
        process.kill()
        process.wait()
    assert [(v["code"], v["ok"]) for v in seen] == [
        ("CELL-26L0000002", True),
        ("CELL-26L0000003", True),
        ("CELL-26L0000002", False),
    ]
    assert len(scan_rows(floor, "FORM-1")) == 3


@pytest.mark.parametrize(
    ("station", "user", "words"),
    [
        ("FORM-9", "olga.operator", "Unknown station: FORM-9"),
        ("FORM-1", "nobody", "Unknown user: nobody"),
        ("FORM-1", "theo.trainee", "may not work here: Not qualified for"),
        ("FORM-1", "harper.hr", "may not do this: operate_station"),
        ("FORM-1", "ivan.left", "is no longer active"),
    ],
)
def test_a_station_or_user_that_may_not_scan_is_one_line_and_exit_2(
    floor: Path, station: str, user: str, words: str
) -> None:
    before = rows(floor, "SELECT count(*) FROM scan_event")
    for stdin in (None, "CELL-26L0000004\n"):
        done = station_scan(
            floor,
            "--station",
            station,
            "--user",
            user,
            *(["CELL-26L0000004"] if stdin is None else []),
            stdin=stdin,
        )
        assert done.returncode == 2
        assert done.stdout == ""
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], done.stderr
        assert "Traceback" not in done.stderr
    assert rows(floor, "SELECT count(*) FROM scan_event") == before


def test_an_operator_signs_in_by_name_the_same_way_as_at_the_station(floor: Path) -> None:
    """The username is taken as the sign-in takes it (trimmed, lower case)."""
    done = station_scan(
        floor, "--station", "FORM-1", "--user", " Olga.Operator ", "CELL-26L0000005"
    )
    assert [v["ok"] for v in verdicts(done)] == [True]
    assert scan_rows(floor, "FORM-1")[0][3] == "olga.operator"


def test_a_refused_scan_changes_no_lot(floor: Path) -> None:
    """A held lot scanned again and again: refused each time, its quantity untouched."""
    before = rows(floor, "SELECT business_id, remaining FROM item WHERE kind = 'raw' ORDER BY 1")
    done = station_scan(floor, "--station", "FILL-2", "--user", "olga.operator", HELD_LOT)
    assert [v["ok"] for v in verdicts(done)] == [False]
    after = rows(floor, "SELECT business_id, remaining FROM item WHERE kind = 'raw' ORDER BY 1")
    assert after == before and Decimal(str(after[0][1])) > 0
