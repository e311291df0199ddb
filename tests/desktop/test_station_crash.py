"""Crash safety (README, "Stations and lot genealogy"): a process records scans through the
operations kernel (the station page's path) as fast as it can and is killed with SIGKILL at random
moments, 50 times. After each kill the database passes `integrity_check`, every scan the process
acknowledged (written to its stdout only after the commit returned) is stored with its cell and
links, and the lots' remaining quantities add up with their links.

The writers are forked from one warm server process (imports paid once), each opening its own
database connection after the fork, so 50 rounds fit in a few seconds of CI.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest

ROUNDS = 50
STATION = "STACK-1"
LOTS = (
    ("LOT-2026-700001", "intermediate", "cathode reel", "1000000", "m"),
    ("LOT-2026-700002", "intermediate", "anode reel", "1000000", "m"),
    ("LOT-2026-700003", "raw", "separator", "1000000", "m"),
)


def _writer(url: str) -> None:
    """Record cells at STACK-1 forever; acknowledge each after its commit returned."""
    from desktop.domain.roles import Role
    from desktop.operations import Operations
    from desktop.services.actor import Actor
    from desktop.services.station.pipeline import record_scan
    from desktop.startup import open_database

    database = open_database(url)
    operations = Operations(database)  # its threads start after the fork
    actor = Actor("crash.test", Role.OPERATOR, STATION)
    pid = os.getpid()
    os.write(1, f"ready {pid}\n".encode())
    n = 0
    while True:
        code = f"CELL-K{pid}N{n:06d}"
        result = operations.write(actor, record_scan, STATION, code).result()
        if not result.ok:
            os.write(1, f"nok {result.message}\n".encode())
            os._exit(3)
        os.write(1, f"ack {result.event_id} {code}\n".encode())  # one write: atomic on a pipe
        n += 1


def _serve(url: str) -> None:
    """Fork a writer for each `go` on stdin; report its pid, then its death."""
    import desktop.operations  # noqa: F401 - warm the imports before forking
    import desktop.services.station.pipeline  # noqa: F401

    for line in sys.stdin:
        if line.strip() != "go":
            continue
        pid = os.fork()
        if pid == 0:
            try:
                _writer(url)
            finally:
                os._exit(1)
        os.write(1, f"pid {pid}\n".encode())
        os.waitpid(pid, 0)
        os.write(1, f"dead {pid}\n".encode())


def _prepare(url: str) -> None:
    from desktop.services.actor import Actor
    from desktop.services.station.pipeline import record_scan
    from desktop.startup import open_database
    from tests.floor_kit import stock_floor

    database = open_database(url)
    stock_floor(database, LOTS)
    for bid, *_rest in LOTS:
        with database.unit_of_work() as session:
            assert record_scan(session, Actor.system(), STATION, bid).ok
    database.dispose()


def _check(path: Path, acknowledged: dict[str, str]) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = dict(
            connection.execute(
                "SELECT event_id, code FROM scan_event WHERE verdict = 'ok' AND action = 'created'"
            ).fetchall()
        )
        missing = {e: c for e, c in acknowledged.items() if stored.get(e) != c}
        assert not missing, f"acknowledged but lost: {list(missing.items())[:3]}"
        cells = connection.execute(
            "SELECT count(*) FROM item WHERE kind = 'cell' AND business_id LIKE 'CELL-K%'"
        ).fetchone()[0]
        assert cells == len(stored)  # a cell exists exactly when its scan does
        links = connection.execute(
            "SELECT count(*) FROM genealogy_link l JOIN item c ON c.id = l.child_id "
            "WHERE c.business_id LIKE 'CELL-K%'"
        ).fetchone()[0]
        assert links == 3 * cells
        for lot, *_rest in LOTS:
            quantity, remaining, taken = connection.execute(
                "SELECT i.quantity, i.remaining, (SELECT sum(l.quantity) FROM genealogy_link l "
                "WHERE l.parent_id = i.id) FROM item i WHERE i.business_id = ?",
                (lot,),
            ).fetchone()
            left = Decimal(str(quantity)) - Decimal(str(taken or 0)) - Decimal(str(remaining))
            assert abs(left) < Decimal("0.000001"), (lot, quantity, taken, remaining)
    finally:
        connection.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_acknowledged_scans_survive_50_sigkills(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite"
    url = f"sqlite:///{path}"
    _prepare(url)
    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    server = subprocess.Popen(
        [sys.executable, __file__, "serve", url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert server.stdout is not None
        for raw in server.stdout:
            lines.put(raw.decode())
        lines.put("")

    threading.Thread(target=pump, daemon=True).start()

    def expect(prefix: str) -> tuple[str, list[str]]:
        acks = []
        while True:
            line = lines.get(timeout=60)
            assert line, "the server ended"
            if line.startswith("ack "):
                acks.append(line)
            elif line.startswith(prefix):
                return line.split()[1], acks
            elif line.startswith("nok "):
                raise AssertionError(f"writer refused a scan: {line}")

    acknowledged: dict[str, str] = {}
    killed_with_acks = 0
    try:
        assert server.stdin is not None
        for _round in range(ROUNDS):
            server.stdin.write(b"go\n")
            server.stdin.flush()
            pid, _ = expect("pid ")
            _ready, early = expect("ready ")
            assert not early
            time.sleep(chance.uniform(0.02, 0.3))  # the random moment of the kill
            os.kill(int(pid), signal.SIGKILL)
            _dead, acks = expect("dead ")
            for line in acks:
                _word, event_id, code = line.split()
                acknowledged[event_id] = code
            killed_with_acks += bool(acks)
            _check(path, acknowledged)
    finally:
        server.kill()
        server.wait()
    assert killed_with_acks >= ROUNDS // 2, f"too few rounds wrote anything (seed {seed})"
    assert len(acknowledged) > ROUNDS


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "serve":
    _serve(sys.argv[2])
