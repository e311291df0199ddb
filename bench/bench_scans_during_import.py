"""Station scans during a genealogy import on one SQLite file (README: "Stations keep working
during an import").

    python bench/bench_scans_during_import.py                 # about 4.6 M links
    python bench/bench_scans_during_import.py --packs 389     # about 0.6 M links, quicker

The synthetic plant of desktop/services/genealogy_synthetic.py (2,981 packs: 4.6 M links,
0.78 M items) is imported by `linedesk import genealogy` in another process, on the same file
as a seeded plant (demo stations and lots), while this process records a cell at STACK-1 every
100-200 ms through the operations kernel (`Operations.write` with
`station.pipeline.record_scan`, the station page's path, durable commit included). It prints
the number of scans, their scan-to-verdict p50/p99/max, the failures ("database is locked" or
any other), and the import's seconds and ratio to bare sqlite3 inserting the same rows in one
transaction (the baseline of bench/bench_genealogy.py, run alone, before) twice: the import
alone (no scans) on a freshly seeded file, and the import with the scans alongside. Each figure
comes with the machine's load average (the machine may be shared: compare figures taken at a
similar load).

Targets: p99 <= 250 ms, max <= 1 s, no failure, ratio <= 2.0.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_genealogy import BARE, percentile, remove  # noqa: E402

STATION = "STACK-1"
LOTS = (
    ("LOT-2026-800001", "cathode reel"),
    ("LOT-2026-800002", "anode reel"),
    ("LOT-2026-800003", "separator"),
)


def seed(url: str) -> None:
    """A plant with stations (seed_plant), the floor's lots, and three reels loaded at
    stacking, so that each scanned cell code makes a cell there."""
    from desktop.operations import Operations
    from desktop.services.station.pipeline import record_scan
    from desktop.startup import open_database
    from tests.floor_kit import stock_floor

    database = open_database(url)
    stock_floor(database, [(bid, "raw", material, 100_000_000, "m") for bid, material in LOTS])
    operations = Operations(database)
    operator = operator_actor()
    for bid, _material in LOTS:
        assert operations.write(operator, record_scan, STATION, bid).result().ok
    operations.shutdown()
    database.dispose()


def operator_actor():  # noqa: ANN201 - an Actor, imported lazily
    from desktop.domain.roles import Role
    from desktop.services.actor import Actor

    return Actor("bench.operator", Role.OPERATOR, STATION)


def load() -> str:
    """The 1-minute load average (other work on the machine slows both sides)."""
    return f"{os.getloadavg()[0]:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packs", type=int, default=2981, help="2,981 packs: 4.6 M links")
    parser.add_argument("--folder", type=Path, help="where files go (default: a temp folder)")
    parser.add_argument("--every", default="0.1,0.2", help="seconds between scans: min,max")
    parser.add_argument(
        "--no-alone", action="store_true", help="skip the import alone (without scans)"
    )
    args = parser.parse_args()
    os.environ.setdefault("LINEDESK_HOME", tempfile.mkdtemp(prefix="bench-scans-home-"))
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench-scans-"))
    folder.mkdir(parents=True, exist_ok=True)
    low, high = (float(v) for v in args.every.split(","))

    from desktop.operations import Operations
    from desktop.services.genealogy_synthetic import SyntheticPlant
    from desktop.services.station.pipeline import record_scan
    from desktop.startup import open_database

    lots, links = folder / "lots.csv", folder / "links.csv"
    n_items, n_links = SyntheticPlant(args.packs).write(lots, links)
    print(f"{os.cpu_count()} CPUs; {args.packs} packs: {n_items:,} items, {n_links:,} links")

    bare_db = folder / "bare.sqlite"
    remove(bare_db)
    load_bare = load()
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", BARE, str(lots), str(links), str(bare_db)], check=True)
    bare = time.perf_counter() - started
    load_bare = f"{load_bare} -> {load()}"
    remove(bare_db)
    print(f"bare sqlite3 alone: {bare:.1f} s (load {load_bare})")

    database_path = folder / "linedesk.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    url = f"sqlite:///{database_path}"
    command = [sys.executable, "-m", "desktop.cli", "--database", url, "import", "genealogy",
               "--lots", str(lots), "--links", str(links)]  # fmt: skip
    if not args.no_alone:
        remove(database_path)
        seed(url)
        load_alone = load()
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        alone = time.perf_counter() - started
        print(
            f"import alone (no scans): {alone:.1f} s -> ratio {alone / bare:.2f} "
            f"(target <= 2.0; load {load_alone} -> {load()})"
        )

    remove(database_path)
    seed(url)
    database = open_database(url)
    operations = Operations(database)
    operator = operator_actor()
    chance = random.Random(12)
    load_scans = load()
    started = time.perf_counter()
    importer = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    timings: list[float] = []
    failures: list[str] = []
    n = 0
    while importer.poll() is None:
        began = time.perf_counter()
        try:
            result = operations.write(operator, record_scan, STATION, f"CELL-BI{n:08d}").result()
            if not result.ok:
                failures.append(str(result.message))
        except Exception as exc:  # noqa: BLE001 - every failure is counted and shown
            failures.append(f"{type(exc).__name__}: {exc}")
        timings.append(time.perf_counter() - began)
        n += 1
        time.sleep(max(0.0, chance.uniform(low, high) - (time.perf_counter() - began)))
    seconds = time.perf_counter() - started
    out, err = importer.communicate()
    operations.shutdown()
    database.dispose()
    if importer.returncode != 0:
        raise SystemExit(f"the import failed:\n{err.decode()}")
    locked = sum("locked" in f for f in failures)
    print(f"import: {out.decode().strip()}")
    print(
        f"import with scans alongside: {seconds:.1f} s; bare sqlite3 alone {bare:.1f} s -> ratio "
        f"{seconds / bare:.2f} (target <= 2.0; load {load_scans} -> {load()})"
    )
    print(
        f"scans during the import: {len(timings)}, scan-to-verdict p50 "
        f"{percentile(timings, 0.5) * 1e3:.1f} ms, p99 {percentile(timings, 0.99) * 1e3:.1f} ms, "
        f"max {max(timings) * 1e3:.1f} ms (targets p99 <= 250 ms, max <= 1 s); failures "
        f"{len(failures)} ({locked} 'database is locked')"
    )
    for failure in failures[:5]:
        print(f"    {failure}")
    remove(database_path)


if __name__ == "__main__":
    main()
