"""Station speed figures, run by hand (not part of the test run): the limits the station tests
used to assert, measured here and printed with their targets.

1. `DeviceHub.stop()` with a scanner on a pty: how long it blocks the GUI thread; target under
   0.5 s (one read timeout per worker: the GUI thread never waits on a serial port).
2. A balance killed (its simulator stopped, like a pulled cable) to the Station page greying its
   weight: target under 2 s (a balance silent for 1.5 s counts as lost).
3. Twenty scans typed into the wedge field within about 180 ms, to the twentieth verdict: target
   under 15 s on a SQLite file.

    python bench/bench_station_devices.py --repeat 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import tty
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def wait_until(app, done: Callable[[], bool], timeout: float) -> bool:  # noqa: ANN001
    """Run the event loop until `done()` or `timeout` seconds; whether it came true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if done():
            return True
        time.sleep(0.002)
    return done()


def figures(label: str, seconds: list[float], target: float) -> bool:
    worst = max(seconds)
    print(
        f"{label}: p50 {statistics.median(seconds) * 1000:.0f} ms, max {worst * 1000:.0f} ms "
        f"over {len(seconds)} runs; target under {target * 1000:.0f} ms"
    )
    return worst < target


def bench_hub_stop(app, repeat: int) -> bool:  # noqa: ANN001
    from desktop.acquisition import DeviceHub

    taken = []
    for _ in range(repeat):
        master, slave = os.openpty()
        tty.setraw(slave)
        hub = DeviceHub({"scanner": {"port": os.ttyname(slave)}})
        hub.start()
        wait_until(app, lambda hub=hub: "scanner" in hub.last_status, 5)
        started = time.perf_counter()
        hub.stop()
        taken.append(time.perf_counter() - started)
        os.close(master)
        os.close(slave)
    return figures("DeviceHub.stop()", taken, 0.5)


def _floor(folder: Path):  # noqa: ANN202 - Database
    """The demo floor in a database file of its own under `folder`."""
    from desktop.services.actor import Actor
    from desktop.services.demo import seed_plant
    from desktop.services.genealogy_demo import seed_floor, seed_live_floor
    from desktop.startup import open_database

    folder.mkdir(parents=True, exist_ok=True)
    database = open_database("sqlite:///" + (folder / "bench.sqlite").as_posix())
    for seed in (seed_plant, seed_floor, seed_live_floor):
        seed(database, Actor.system())
    return database


def _page(app, database, station: str, devices=None):  # noqa: ANN001, ANN202
    from desktop.domain.roles import Role
    from desktop.operations import Operations
    from desktop.services.actor import Actor
    from desktop.tasks import Ops
    from ui.pages.station import StationPage

    actor = Actor("lucie.martin", Role.OPERATOR, station=station)
    operations = Operations(database)
    ops = Ops(operations, lambda: actor)
    page = StationPage(ops, devices=devices, station=station)
    page.set_operator(actor)
    page.show()
    wait_until(app, lambda: page.state is not None and page.state.station == station, 10)
    return page, ops, operations


def bench_balance_lost(app, folder: Path, repeat: int) -> bool:  # noqa: ANN001
    from desktop.acquisition import DeviceHub
    from hardware.sim.endpoints import PtyEndpoint
    from hardware.sim.scale import ScaleModel, ScaleSimulator

    database = _floor(folder)
    taken = []
    for _ in range(repeat):
        simulator = ScaleSimulator(
            PtyEndpoint(), "and", ScaleModel(weight=0), stream=True, rate=20
        ).start()
        hub = DeviceHub({"scale": {"port": simulator.path, "protocol": "and", "mode": "stream"}})
        hub.start()
        page, ops, operations = _page(app, database, "FILL-1", hub)
        wait_until(app, lambda page=page: page.balance_state == "ok", 5)
        killed = time.perf_counter()
        simulator.stop()
        greyed = wait_until(app, lambda page=page: page.balance_state in ("lost", "silent"), 10)
        taken.append(time.perf_counter() - killed if greyed else float("inf"))
        hub.stop()
        page.close()
        page.deleteLater()
        ops.wait()
        operations.shutdown()
    database.dispose()
    return figures("Balance killed -> weight greyed", taken, 2.0)


def bench_twenty_scans(app, folder: Path, repeat: int) -> bool:  # noqa: ANN001
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    database = _floor(folder)
    taken = []
    for run in range(repeat):
        page, ops, operations = _page(app, database, "STACK-1")
        codes = [f"CELL-26B{run:02d}{i:05d}" for i in range(20)]
        answered: list[str] = []
        page.recent_model.rowsInserted.connect(
            lambda _p, first, _l, page=page, answered=answered: answered.append(
                page.recent_model.record(first).code
            )
        )

        def typed(code: str, page=page) -> None:  # noqa: ANN001
            QTest.keyClicks(page.entry, code)
            QTest.keyClick(page.entry, Qt.Key.Key_Return)

        started = time.perf_counter()
        for index, code in enumerate(codes):
            QTimer.singleShot(index * 9, lambda code=code: typed(code))
        done = wait_until(app, lambda answered=answered: len(answered) == 20, 60)
        taken.append(time.perf_counter() - started if done else float("inf"))
        if answered != codes:
            print(f"   run {run}: verdicts out of order or missing: {len(answered)} of 20")
        page.close()
        page.deleteLater()
        ops.wait()
        operations.shutdown()
    database.dispose()
    return figures("20 scans typed in ~180 ms -> 20th verdict", taken, 15.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each figure (default 5)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="linedesk-bench-") as home:
        os.environ["LINEDESK_HOME"] = home
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs")
        ok = bench_hub_stop(app, args.repeat * 4)
        ok = bench_balance_lost(app, Path(home) / "balance", args.repeat) and ok
        ok = bench_twenty_scans(app, Path(home) / "scans", args.repeat) and ok
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
