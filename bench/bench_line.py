"""Line page benchmark: prints figures, run by hand (not part of the tests).

    python bench/bench_line.py                      # redraw, live ingest + stall, short soak
    python bench/bench_line.py --soak-minutes 60    # the one-hour memory soak
    python bench/bench_line.py --year               # shift aggregates over a year (10.5 M rows)
    python bench/bench_line.py --year --database postgresql://postgres@127.0.0.1:5432/test

1. Redraw: a line of 20 stations with 24 h of per-minute data, the real LineDashboard (20 small
   plots of 1440 points, cumulative and OEE charts): frames per second of redraw + repaint.
2. Live: 50 events a second written by another thread (one transaction per event, as stations
   do), the dashboard polling every second on the pool, redrawing at 30 fps, figures every 5 s;
   a 5 ms heartbeat timer measures the longest stall of the GUI event loop; at the end the
   dashboard's counts must equal the database's.
3. Soak: the same for N minutes, resident memory sampled every 30 s.
4. Year: 20 stations x 365 days of minute totals; `throughput()` over 50 random 8 h shifts.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from desktop.operations import Operations  # noqa: E402
from desktop.services import plant  # noqa: E402
from desktop.services.actor import Actor  # noqa: E402
from desktop.services.production.figures import throughput  # noqa: E402
from desktop.services.production.ingest import record_unit_completed  # noqa: E402
from desktop.services.production.rates import set_station_rate  # noqa: E402
from desktop.startup import open_database  # noqa: E402
from desktop.storage.database import Database  # noqa: E402
from desktop.storage.models import Station  # noqa: E402
from desktop.storage.models.production import ProductionMinute  # noqa: E402
from desktop.tasks import Ops  # noqa: E402
from ui.line_dashboard import LineDashboard  # noqa: E402

ADMIN = Actor.system()
LINE = "BENCH-1"
TYPES = ("stacking", "filling", "formation", "grading")


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def build_line(database: Database, stations: int) -> list[str]:
    codes = [f"B{i + 1:02d}" for i in range(stations)]
    with database.unit_of_work() as session:
        plant.save_line(session, ADMIN, LINE, "Bench line", "cell")
        for position, code in enumerate(codes, start=1):
            plant.save_station(
                session, ADMIN, code, f"Station {code}", LINE, TYPES[position % 4], position
            )
        session.flush()
        for code in codes:
            set_station_rate(
                session,
                ADMIN,
                code,
                ideal_cycle_seconds=1.2,
                target_per_hour=2500,
                stop_multiple=None,
            )
    return codes


def fill_minutes(
    database: Database, codes: list[str], start: datetime, minutes: int, chunk: int = 50_000
) -> int:
    """Per-minute totals, about 42 units a minute per station, with Core batch inserts."""
    with database.reading() as session:
        ids = dict(session.execute(select(Station.code, Station.id)).all())
    rng = np.random.default_rng(1)
    rows: list[dict] = []
    written = 0
    with database.unit_of_work() as session:
        for m in range(minutes):
            minute = start + timedelta(minutes=m)
            counts = rng.poisson(42, len(codes))
            for code, units in zip(codes, counts, strict=True):
                rows.append(
                    {
                        "station_id": ids[code],
                        "minute": minute,
                        "units": int(units),
                        "ng": int(units // 40),
                    }
                )
            if len(rows) >= chunk:
                session.execute(ProductionMinute.__table__.insert(), rows)
                written += len(rows)
                rows = []
        if rows:
            session.execute(ProductionMinute.__table__.insert(), rows)
            written += len(rows)
    return written


def wait_for(app: QApplication, condition, seconds: float = 30.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark step timed out")
        app.processEvents()
        time.sleep(0.002)


class Ingest(threading.Thread):
    """`rate` events a second, one unit of work each, round-robin over the stations."""

    def __init__(self, database: Database, codes: list[str], rate: float) -> None:
        super().__init__(daemon=True)
        self.database, self.codes, self.rate = database, codes, rate
        self.stop_event = threading.Event()
        self.count = 0

    def run(self) -> None:
        started = time.monotonic()
        while not self.stop_event.is_set():
            due = started + self.count / self.rate
            delay = due - time.monotonic()
            if delay > 0:
                self.stop_event.wait(delay)
                continue
            with self.database.unit_of_work() as session:
                record_unit_completed(
                    session,
                    self.codes[self.count % len(self.codes)],
                    None,
                    self.count % 50 != 0,
                    1.3,
                    datetime.now(UTC),
                )
            self.count += 1


def bench_redraw(app: QApplication, dashboard: LineDashboard, frames: int = 150) -> None:
    times = []
    for _ in range(frames):
        started = time.perf_counter()
        dashboard.redraw(force=True)
        dashboard.repaint()
        app.processEvents()
        times.append(time.perf_counter() - started)
    points = dashboard.series.minutes - dashboard.lead
    print(
        f"redraw: {len(dashboard.rates_chart.curves)} stations x {points} points, "
        f"{frames} frames: {1 / statistics.mean(times):.1f} fps "
        f"(mean {1000 * statistics.mean(times):.1f} ms, "
        f"p95 {1000 * sorted(times)[int(0.95 * frames)]:.1f} ms, max {1000 * max(times):.1f} ms)"
    )


def bench_live(
    app: QApplication,
    database: Database,
    dashboard: LineDashboard,
    codes: list[str],
    seconds: float,
    rate: float,
    sample_every: float = 0.0,
    forced: bool = True,
) -> None:
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def beat() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    frames = [0]

    def frame() -> None:
        dashboard.redraw(force=forced)
        frames[0] += 1

    painter = QTimer()
    painter.setTimerType(Qt.TimerType.PreciseTimer)
    painter.setInterval(33)
    painter.timeout.connect(frame)
    seen_events = [0]

    def count(added: int) -> None:
        seen_events[0] += added

    dashboard.polled.connect(count)
    ingest = Ingest(database, codes, rate)
    samples: list[tuple[float, float]] = [(0.0, rss_mb())]
    started = time.monotonic()
    heartbeat.start()
    painter.start()
    ingest.start()
    next_sample = started + sample_every if sample_every else float("inf")
    while time.monotonic() - started < seconds:
        app.processEvents()
        time.sleep(0.001)
        if time.monotonic() >= next_sample:
            samples.append((time.monotonic() - started, rss_mb()))
            next_sample += sample_every
    ingest.stop_event.set()
    ingest.join()
    elapsed = time.monotonic() - started
    wait_for(app, lambda: seen_events[0] >= ingest.count, 15)
    painter.stop()
    heartbeat.stop()
    seen = seen_events[0]
    dashboard.polled.disconnect(count)
    mode = "every frame redrawn" if forced else "redrawn when data changed"
    gaps.sort()
    print(
        f"live ({mode}): {ingest.count / elapsed:.1f} events/s ingested for {elapsed:.0f} s, "
        f"{frames[0] / elapsed:.1f} frames/s drawn (30 asked), dashboard saw {seen} of "
        f"{ingest.count} events"
    )
    print(
        f"GUI event loop (5 ms heartbeat): longest gap {gaps[-1]:.1f} ms, "
        f"p99 {gaps[int(0.99 * len(gaps))]:.1f} ms, median {gaps[len(gaps) // 2]:.1f} ms"
    )
    if sample_every:
        first, peak, final = (
            samples[1][1] if len(samples) > 1 else samples[0][1],
            max(s[1] for s in samples),
            samples[-1][1],
        )
        print(
            f"soak: RSS {samples[0][1]:.0f} MB at start, {first:.0f} MB after "
            f"{sample_every:.0f} s, {final:.0f} MB after {samples[-1][0] / 60:.0f} min, "
            f"peak {peak:.0f} MB"
        )


def bench_year(url: str | None, reuse: bool = False) -> None:
    """With `reuse`, time the queries on the year database an earlier run wrote at `url`."""
    folder = tempfile.mkdtemp(prefix="bench-line-year-")
    database = open_database(url or f"sqlite:///{folder}/year.sqlite")
    if reuse:
        with database.reading() as session:
            end = session.scalar(select(func.max(ProductionMinute.minute))) + timedelta(minutes=1)
        start = end - timedelta(days=365)
    else:
        codes = build_line(database, 20)
        end = datetime.now(UTC).replace(second=0, microsecond=0)
        start = end - timedelta(days=365)
        started = time.perf_counter()
        rows = fill_minutes(database, codes, start, 365 * 24 * 60)
        print(
            f"year: {rows:,} minute totals written in {time.perf_counter() - started:.0f} s "
            f"({database.describe()})"
        )
    rng = random.Random(3)
    times = []
    with database.reading() as session:
        for _ in range(50):
            shift_start = start + timedelta(hours=8 * rng.randrange(3 * 364))
            t0 = time.perf_counter()
            report = throughput(
                session, shift_start, shift_start + timedelta(hours=8), LINE, now=end
            )
            times.append(time.perf_counter() - t0)
            assert report.stations[0].units > 0
    times.sort()
    print(
        f"shift aggregates over a year: median {1000 * times[25]:.1f} ms, "
        f"max {1000 * times[-1]:.1f} ms (50 random shifts, 20 stations)"
    )
    database.dispose()


def freeze_startup_objects() -> None:
    from desktop.startup import freeze_startup_objects as freeze

    freeze()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, default=20)
    parser.add_argument("--live-seconds", type=float, default=60)
    parser.add_argument("--soak-minutes", type=float, default=10)
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--year", action="store_true")
    parser.add_argument("--database", help="for --year: a PostgreSQL URL instead of SQLite")
    parser.add_argument("--reuse", action="store_true", help="for --year: --database holds it")
    args = parser.parse_args()
    if args.year:
        bench_year(args.database, args.reuse)
        return
    app = QApplication([])
    folder = tempfile.mkdtemp(prefix="bench-line-")
    database = open_database(f"sqlite:///{folder}/line.sqlite")
    codes = build_line(database, args.stations)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    fill_minutes(database, codes, now - timedelta(hours=28), 28 * 60)
    operations = Operations(database)
    ops = Ops(operations, Actor.system)
    dashboard = LineDashboard(ops, figures_ms=5000, chart_hours=24, columns=5)
    dashboard.resize(1600, 1000)
    dashboard.show()
    loaded = []
    dashboard.loaded.connect(loaded.append)
    dashboard.show_line(LINE)
    wait_for(app, lambda: loaded)
    freeze_startup_objects()  # as ui.main.run_gui does once the window is up
    bench_redraw(app, dashboard)
    bench_live(app, database, dashboard, codes, args.live_seconds, args.rate)
    bench_live(app, database, dashboard, codes, args.live_seconds, args.rate, forced=False)
    if args.soak_minutes > 0:
        bench_live(
            app, database, dashboard, codes, args.soak_minutes * 60, args.rate, sample_every=30
        )
    dashboard.stop()
    ops.wait()
    operations.shutdown()
    database.dispose()


if __name__ == "__main__":
    main()
