"""Genealogy benchmark (README, "Performance"): import, traces and scan-to-verdict, with figures.

    python bench/bench_genealogy.py                      # 0.6 M links and 10 M links
    python bench/bench_genealogy.py --sizes 389          # the small size only
    python bench/bench_genealogy.py --sizes 389,6485,19500 --folder /big/disk

A size is a number of packs of the synthetic plant (desktop/services/genealogy_synthetic.py):
389 packs is about 0.6 M links, 6,485 packs about 10 M links (a plant year is 200,000 packs,
300 M links). For each size:

1. import: the whole `linedesk import genealogy` command (a fresh process: start-up, creating
   and migrating the database, reading, checking, storing, commit) against bare `sqlite3`
   inserting the same rows into a two-table schema (items with a text primary key, links with
   an index on parent and on child, the indexes a trace needs) in one transaction, WAL and
   synchronous=FULL like Linedesk, in the same run;
2. traces on the imported file: backward from random packs (p50/p95) and forward from raw
   powder lots to all their packs (p50/max), through `desktop.services.genealogy.trace`
   (nodes, depths, links) against the bare recursive SQL that only lists the reachable ids;
3. scan-to-verdict (the small size only): scans recorded through the station service, each
   including its durable commit, while another process reads like the Line page.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE = textwrap.dedent(
    """
    import csv, sqlite3, sys
    db = sqlite3.connect(sys.argv[3], isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE item (id TEXT PRIMARY KEY, kind TEXT, material TEXT, "
               "quantity NUMERIC, unit TEXT, created_at TEXT)")
    db.execute("CREATE TABLE link (parent_id TEXT, child_id TEXT, quantity NUMERIC, "
               "unit TEXT, linked_at TEXT, station TEXT)")
    db.execute("CREATE INDEX ix_link_parent ON link (parent_id)")
    db.execute("CREATE INDEX ix_link_child ON link (child_id)")
    db.execute("BEGIN")
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        rows = csv.reader(f); next(rows)
        db.executemany("INSERT INTO item VALUES (?, ?, ?, ?, ?, ?)", rows)
    with open(sys.argv[2], newline="", encoding="utf-8") as f:
        rows = csv.reader(f); next(rows)
        db.executemany("INSERT INTO link VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.execute("COMMIT")
    """
)

_BARE_REACH = """
        WITH RECURSIVE reach(id) AS (
            SELECT id FROM item WHERE business_id = ?
            UNION
            SELECT l.{to} FROM genealogy_link l JOIN reach r ON l.{start} = r.id)
        SELECT i.business_id FROM reach JOIN item i ON i.id = reach.id"""
BARE_TRACE = {
    "backward": _BARE_REACH.format(to="parent_id", start="child_id"),
    "forward": _BARE_REACH.format(to="child_id", start="parent_id"),
}

READER = textwrap.dedent(
    """
    import sys, time
    from sqlalchemy import select
    from desktop.domain.plant_time import utc_now
    from desktop.services.production.live import line_snapshot, shift_to_show
    from desktop.services.station.state import recent_scans
    from desktop.startup import open_database
    from desktop.storage.models.plant import Line
    database = open_database(sys.argv[1])
    with database.reading() as session:
        line = session.scalars(select(Line.code).order_by(Line.code)).first()
    def read():
        # what the Line page loads (its snapshot of the current shift) and the station's list
        with database.reading() as session:
            line_snapshot(session, line, shift_to_show(session, utc_now()))
        with database.reading() as session:
            recent_scans(session, "STACK-1")
    reads = 0
    deadline = time.monotonic() + float(sys.argv[2])
    while time.monotonic() < deadline:
        read()
        reads += 1
    print(reads)
    """
)


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def run(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr}")
    return seconds


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def bench_import(folder: Path, packs: int, repeat: int) -> Path:
    from desktop.services.genealogy_synthetic import SyntheticPlant

    lots, links = folder / f"lots-{packs}.csv", folder / f"links-{packs}.csv"
    started = time.perf_counter()
    n_lots, n_links = SyntheticPlant(packs).write(lots, links)
    print(
        f"\n== {packs} packs: {n_lots:,} items, {n_links:,} links "
        f"({(lots.stat().st_size + links.stat().st_size) / 1e6:.0f} MB of CSV, "
        f"written in {time.perf_counter() - started:.1f} s)"
    )
    database = folder / f"linedesk-{packs}.sqlite"
    bare_db = folder / f"bare-{packs}.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ours, bare = [], []
    for _ in range(repeat):
        remove(bare_db)
        bare.append(run([sys.executable, "-c", BARE, str(lots), str(links), str(bare_db)]))
        remove(database)
        ours.append(
            run(
                [
                    sys.executable,
                    "-m",
                    "desktop.cli",
                    "--database",
                    f"sqlite:///{database}",
                    "import",
                    "genealogy",
                    "--lots",
                    str(lots),
                    "--links",
                    str(links),
                ],
                env,
            )
        )
    remove(bare_db)
    best_ours, best_bare = min(ours), min(bare)
    print(
        f"import: linedesk import genealogy {best_ours:.2f} s, bare sqlite3 {best_bare:.2f} s "
        f"-> ratio {best_ours / best_bare:.2f} (target <= 2.0); runs: ours "
        f"{', '.join(f'{s:.2f}' for s in ours)}; bare {', '.join(f'{s:.2f}' for s in bare)}"
    )
    print(f"        {n_links / best_ours:,.0f} links/s through linedesk")
    return database


def powder_lots(plant: object) -> int:
    """NMC powder lots of the synthetic plant: 1 feeds 4 slurry batches, 8 rolls, 32 reels."""
    reels = -(-plant.cells // 1000)  # type: ignore[attr-defined]
    calendered = -(-reels // 4)
    batches = -(-calendered // 2)
    return -(-batches // 4)


def bench_traces(database: Path, packs: int, samples: int) -> None:
    """The service against two bare queries through sqlite3 on the same file: the recursive
    query listing the reachable ids only, and the service's own SQL (reachable items with their
    details and every link with its quantity: the same answer, without the Python around it)."""
    import sqlite3

    from desktop.services.actor import Actor
    from desktop.services.genealogy import trace
    from desktop.services.genealogy_synthetic import SyntheticPlant
    from desktop.services.genealogy_trace import _TRACE_SQL, Direction
    from desktop.startup import open_database

    plant = SyntheticPlant(packs)
    chance = random.Random(5)
    roots = {
        "backward": [plant.pack_id(chance.randrange(packs)) for _ in range(samples)],
        "forward": [plant.lot_id("PC", i) for i in range(powder_lots(plant))],
    }
    db = open_database(f"sqlite:///{database}")
    bare = sqlite3.connect(database)
    actor = Actor.system()
    for direction, ids in roots.items():
        same_sql = _TRACE_SQL[("sqlite", Direction(direction), False)]
        ours, plain, same, sizes, links = [], [], [], [], []
        for root in ids[:3]:  # warm the page cache the same way for all three
            with db.reading() as session:
                trace(session, actor, root, direction)
            bare.execute(BARE_TRACE[direction], (root,)).fetchall()
            bare.execute(same_sql, {"root": root}).fetchall()
        for root in ids:
            started = time.perf_counter()
            with db.reading() as session:
                result = trace(session, actor, root, direction)
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            rows = bare.execute(BARE_TRACE[direction], (root,)).fetchall()
            plain.append(time.perf_counter() - started)
            started = time.perf_counter()
            bare.execute(same_sql, {"root": root}).fetchall()
            same.append(time.perf_counter() - started)
            assert len(rows) == len(result.nodes), (root, len(rows), len(result.nodes))
            sizes.append(len(result.nodes))
            links.append(len(result.links))
        reached = sum(n.kind == "pack" for n in result.nodes)

        def figures(values: list[float]) -> str:
            return (
                f"p50 {percentile(values, 0.5) * 1e3:.1f} ms, "
                f"p95 {percentile(values, 0.95) * 1e3:.1f} ms, "
                f"max {max(values) * 1e3:.1f} ms"
            )

        p95 = percentile(ours, 0.95)
        print(
            f"trace {direction}: {len(ids)} roots, {statistics.mean(sizes):,.0f} items and "
            f"{statistics.mean(links):,.0f} links each"
            f"{f' (the last reaches {reached} packs)' if direction == 'forward' else ''}"
        )
        print(f"    service                     {figures(ours)}")
        print(
            f"    bare SQL, same answer       {figures(same)}  -> service/bare at p95 "
            f"{p95 / percentile(same, 0.95):.2f}"
        )
        print(
            f"    bare SQL, reachable ids     {figures(plain)}  -> service/bare at p95 "
            f"{p95 / percentile(plain, 0.95):.2f}"
        )
    bare.close()
    db.dispose()


def bench_scans(database: Path, scans: int) -> None:
    from desktop.domain.roles import Role
    from desktop.operations import Operations
    from desktop.services.actor import Actor
    from desktop.services.station.pipeline import record_scan
    from desktop.services.station.scan import ScanResult
    from desktop.startup import open_database
    from tests.floor_kit import stock_floor

    url = f"sqlite:///{database}"
    db = open_database(url)
    reels = (
        ("LOT-2026-800001", "raw", "cathode reel", 10_000_000, "m"),
        ("LOT-2026-800002", "raw", "anode reel", 10_000_000, "m"),
        ("LOT-2026-800003", "raw", "separator", 10_000_000, "m"),
    )
    stock_floor(db, reels)
    operator = Actor("bench.operator", Role.OPERATOR, "STACK-1")
    operations = Operations(db)

    def scan(code: str) -> ScanResult:
        return operations.write(operator, record_scan, "STACK-1", code).result()

    for bid, *_rest in reels:
        assert scan(bid).ok
    seconds = max(30.0, scans * 0.05)
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, url, str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    time.sleep(2.0)  # the reader is reading
    timings = []
    for n in range(scans):
        started = time.perf_counter()
        result = scan(f"CELL-BENCH{n:08d}")
        timings.append(time.perf_counter() - started)
        assert result.ok, result.message
    reads = reader.communicate()[0].strip()
    operations.shutdown()
    db.dispose()
    print(
        f"scan-to-verdict ({scans} cells made at STACK-1, durable commit included, while "
        f"another process read the Line page {reads} times): p50 "
        f"{percentile(timings, 0.5) * 1e3:.1f} ms, p95 {percentile(timings, 0.95) * 1e3:.1f} ms, "
        f"p99 {percentile(timings, 0.99) * 1e3:.1f} ms, max {max(timings) * 1e3:.1f} ms "
        f"(target p99 <= 50 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="389,6485", help="packs per size, comma separated")
    parser.add_argument("--folder", type=Path, help="where files go (default: a temp folder)")
    parser.add_argument("--repeat-small", type=int, default=3, help="import runs below 1 M links")
    parser.add_argument("--traces", type=int, default=200, help="packs traced backward")
    parser.add_argument("--scans", type=int, default=1000)
    args = parser.parse_args()
    os.environ.setdefault("LINEDESK_HOME", tempfile.mkdtemp(prefix="bench-genealogy-home-"))
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench-genealogy-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"files in {folder}; {os.cpu_count()} CPUs")
    sizes = [int(s) for s in args.sizes.split(",")]
    for index, packs in enumerate(sizes):
        repeat = args.repeat_small if packs * 1543 < 1_000_000 else 1
        database = bench_import(folder, packs, repeat)
        bench_traces(database, packs, args.traces)
        if index == 0:
            bench_scans(database, args.scans)
        for path in folder.glob(f"*-{packs}.csv"):
            path.unlink()
        remove(database)


if __name__ == "__main__":
    main()
