"""`import genealogy` in short committed slices, invisible until its run commits (README, "Stations
and lot genealogy"): readers during an import see none of it and all of it after; a SIGKILLed import
process leaves nothing visible and is removed by the next import; a station scan in another process
goes through while an import runs; bad input late in a big file, and a cancel, change nothing anyone
sees."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.messages import InputError, NotFoundError
from desktop.domain.roles import Role
from desktop.operations import Cancelled, Operations
from desktop.services import genealogy
from desktop.services.actor import Actor
from desktop.services.genealogy import item_info, trace
from desktop.services.genealogy_import import import_genealogy
from desktop.services.genealogy_synthetic import SyntheticPlant
from desktop.services.genealogy_trace import Direction
from desktop.services.genealogy_visibility import visible_items, visible_links
from desktop.services.station.scan import ScanResult
from desktop.startup import open_database
from desktop.storage.database import Database
from desktop.storage.import_lock import ImportBusy, import_lock
from desktop.storage.import_runs import clean_interrupted_imports
from desktop.storage.models.genealogy import GenealogyLink, ImportRun, Item
from tests.cli_kit import start_linedesk
from tests.floor_kit import stock_floor

LOTS_HEADER = "id,kind,material,quantity,unit,created_at\n"
LINKS_HEADER = "parent_id,child_id,quantity,unit,linked_at,station\n"


def counts(database: Database) -> tuple[int, int, int, int]:
    """(visible items, visible links, all item rows, all link rows)."""
    with database.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(Item).where(visible_items())),
            session.scalar(select(func.count()).select_from(GenealogyLink).where(visible_links())),
            session.scalar(select(func.count()).select_from(Item)),
            session.scalar(select(func.count()).select_from(GenealogyLink)),
        )


def run_states(database: Database) -> list[str]:
    with database.reading() as session:
        return list(session.scalars(select(ImportRun.state).order_by(ImportRun.id)))


def cells_from_a_stored_lot(folder: Path, cells: int) -> tuple[Path, Path]:
    """Cells that each take 1 g from LOT-EL-STORED, a lot stored before the import."""
    lots = [LOTS_HEADER] + [
        f"CELL-R{n:06d},cell,P56 cell,1,pcs,2026-03-02T09:00:00\n" for n in range(cells)
    ]
    links = [LINKS_HEADER] + [
        f"LOT-EL-STORED,CELL-R{n:06d},1,g,2026-03-02T09:00:00,FILL-1\n" for n in range(cells)
    ]
    (folder / "lots.csv").write_text("".join(lots), encoding="utf-8")
    (folder / "links.csv").write_text("".join(links), encoding="utf-8")
    return folder / "lots.csv", folder / "links.csv"


def test_a_reader_during_the_import_sees_none_of_it_and_all_of_it_after(
    database: Database, tmp_path: Path
) -> None:
    actor = Actor.system()
    with database.unit_of_work() as session:
        genealogy.receive_lot(
            session, actor, "LOT-EL-STORED", "raw", "electrolyte", Decimal(100), "kg"
        )
    lots, links = cells_from_a_stored_lot(tmp_path, 6000)
    before = counts(database)
    seen: list[tuple] = []

    def look(_done: int, _total: int) -> None:
        with database.reading() as session:
            lot = item_info(session, actor, "LOT-EL-STORED")
            reached = trace(session, actor, "LOT-EL-STORED", Direction.FORWARD)
            try:
                item_info(session, actor, "CELL-R000000")
                cell_seen = True
            except NotFoundError:
                cell_seen = False
        seen.append((counts(database), lot.remaining, len(reached.nodes), cell_seen))

    report = import_genealogy(database, actor, lots, links, look)
    assert report.links_added == 6000
    stored_meanwhile = [c for c, *_ in seen if c[2] > before[2] and c[3] > before[3]]
    assert stored_meanwhile, "the run stored nothing before its last commit"
    for visible, remaining, nodes, cell_seen in seen[:-1]:
        assert visible[:2] == before[:2]
        assert remaining == Decimal(100) and nodes == 1 and not cell_seen
    assert counts(database)[:2] == (before[0] + 6000, before[1] + 6000)
    with database.reading() as session:
        assert item_info(session, actor, "LOT-EL-STORED").remaining == Decimal(94)
        assert len(trace(session, actor, "LOT-EL-STORED", Direction.FORWARD).nodes) == 6001
    assert run_states(database) == ["committed"]


def test_bad_input_late_in_a_big_file_changes_nothing(database: Database, tmp_path: Path) -> None:
    plant = SyntheticPlant(3, prefix="B")
    lots, links = tmp_path / "lots.csv", tmp_path / "links.csv"
    _, n_links = plant.write(lots, links)
    good = links.read_text(encoding="utf-8")
    with links.open("a", encoding="utf-8") as out:
        out.write("LOT-NOWHERE,CELL-NOWHERE,1,pcs,2026-03-02T09:00:00,X\n")
    before = counts(database)
    with pytest.raises(InputError, match="unknown parent LOT-NOWHERE"):
        import_genealogy(database, Actor.system(), lots, links)
    assert counts(database) == before  # the rows of the slices stored were removed
    assert run_states(database) == ["removed"]
    links.write_text(good, encoding="utf-8")  # corrected: imports whole, nothing in the way
    assert import_genealogy(database, Actor.system(), lots, links).links_added == n_links


def test_a_cancel_removes_what_the_run_stored(database: Database, tmp_path: Path) -> None:
    operations = Operations(database)
    plant, lots, links = _plant_files(tmp_path, 3, "C")
    before = counts(database)

    def importing(job, lots_path: Path, links_path: Path):  # noqa: ANN001, ANN202
        def progress(done: int, total: int) -> None:
            if links_path.stat().st_size // 2 < done:  # halfway: the user presses Cancel
                job.cancel()
            job.progress(done, total, "")

        return import_genealogy(job.database, job.actor, lots_path, links_path, progress)

    future, _job = operations.long(Actor.system(), importing, lots, links)
    with pytest.raises(Cancelled):
        future.result(timeout=60)
    operations.shutdown()
    assert counts(database) == before
    assert run_states(database) == ["removed"]


def test_a_second_import_while_one_runs_is_refused(database: Database, tmp_path: Path) -> None:
    lots, links = cells_from_a_stored_lot(tmp_path, 10)
    with import_lock(database.engine), pytest.raises(ImportBusy, match="Another genealogy import"):
        import_genealogy(database, Actor.system(), lots, links)


def _cli_import(url: str, lots: Path, links: Path) -> subprocess.Popen:
    files = ("--lots", str(lots), "--links", str(links))
    return start_linedesk("--database", url, "import", "genealogy", *files, text=True)


def _wait_for_rows(database: Database, process: subprocess.Popen, before: int) -> None:
    deadline = time.monotonic() + 120
    while counts(database)[3] <= before + 2000:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the import stored nothing"
        time.sleep(0.05)


def _kill_mid_import(database: Database, url: str, lots: Path, links: Path, before: int) -> None:
    """The import command SIGKILLed once it has stored a few thousand link rows."""
    process = _cli_import(url, lots, links)
    _wait_for_rows(database, process, before)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def _plant_files(folder: Path, packs: int, prefix: str) -> tuple[SyntheticPlant, Path, Path]:
    """A synthetic plant written as the two files of an import."""
    plant = SyntheticPlant(packs, prefix=prefix)
    lots, links = folder / "lots.csv", folder / "links.csv"
    plant.write(lots, links)
    return plant, lots, links


def test_a_killed_import_leaves_nothing_visible_and_the_next_import_removes_it(
    database_url: str, tmp_path: Path
) -> None:
    database = open_database(database_url)
    try:
        plant, lots, links = _plant_files(tmp_path, 40, "K")
        before = counts(database)
        _kill_mid_import(database, database_url, lots, links, before[3])
        after = counts(database)
        assert after[:2] == before[:2] and after[3] > before[3]  # stored, and invisible
        with database.reading() as session, pytest.raises(NotFoundError):
            trace(session, Actor.system(), plant.pack_id(0), Direction.BACKWARD)
        assert run_states(database) == ["running"]
        assert clean_interrupted_imports(database) == 1  # what the next start does
        assert counts(database) == before
        assert run_states(database) == ["removed"]
        report = import_genealogy(database, Actor.system(), lots, links)
        assert counts(database)[1] == before[1] + report.links_added
    finally:
        database.dispose()


def test_the_next_import_itself_removes_a_killed_run(sqlite_url: str, tmp_path: Path) -> None:
    database = open_database(sqlite_url)
    try:
        plant, lots, links = _plant_files(tmp_path, 40, "N")
        _kill_mid_import(database, sqlite_url, lots, links, 0)
        report = import_genealogy(database, Actor.system(), lots, links)
        assert run_states(database) == ["removed", "committed"]
        visible_items_, visible_links_, all_items, all_links = counts(database)
        assert (all_items, all_links) == (visible_items_, visible_links_)
        assert visible_links_ == report.links_added
    finally:
        database.dispose()


REELS = (
    ("LOT-2026-800001", "raw", "cathode reel", 1_000_000, "m"),
    ("LOT-2026-800002", "raw", "anode reel", 1_000_000, "m"),
    ("LOT-2026-800003", "raw", "separator", 1_000_000, "m"),
)


@contextmanager
def _stacking(url: str, lots: tuple = ()) -> Iterator[tuple[Database, Callable[..., ScanResult]]]:
    """The floor stocked with `lots` and a kernel for STACK-1's operator: the database and a
    scan at STACK-1, back once committed. The kernel is shut and the database closed after."""
    from desktop.services.station.pipeline import record_scan

    database = open_database(url)
    operations = Operations(database)
    operator = Actor("test.operator", Role.OPERATOR, "STACK-1")

    def scan(code: str, timeout: float | None = None) -> ScanResult:
        return operations.write(operator, record_scan, "STACK-1", code).result(timeout=timeout)

    try:
        stock_floor(database, lots)
        yield database, scan
    finally:
        operations.shutdown()
        database.dispose()


def test_a_station_scan_in_another_process_goes_through_during_an_import(
    sqlite_url: str, tmp_path: Path
) -> None:
    with _stacking(sqlite_url, REELS) as (database, scan):
        for bid, *_rest in REELS:
            assert scan(bid).ok
        plant, lots, links = _plant_files(tmp_path, 40, "S")
        before = counts(database)
        process = _cli_import(sqlite_url, lots, links)
        _wait_for_rows(database, process, before[3])
        # every scan is recorded while the import runs (speed: bench/bench_scans_during_import.py)
        n = 0
        while process.poll() is None:
            result = scan(f"CELL-T{n:07d}", timeout=30)
            assert result.ok, result.message
            n += 1
            time.sleep(0.05)
        out, err = process.communicate()
        assert process.returncode == 0, err
        assert n >= 5
        assert plant_links(out) > 0 and run_states(database) == ["committed"]
        with database.reading() as session:
            assert trace(session, Actor.system(), plant.pack_id(0), Direction.BACKWARD).nodes


def plant_links(cli_output: str) -> int:
    """Links added, from the command's summary line."""
    part = cli_output.split("links: ")[1]
    return int(part.split(" added")[0])


def test_a_station_refuses_an_id_of_a_killed_import_and_the_next_start_removes_the_run(
    sqlite_url: str, tmp_path: Path
) -> None:
    with _stacking(sqlite_url) as (database, scan):
        plant, lots, links = _plant_files(tmp_path, 40, "V")
        before = counts(database)
        _kill_mid_import(database, sqlite_url, lots, links, before[3])
        with database.reading() as session:  # an item the killed run stored, unseen
            cell = session.scalar(select(Item.business_id).where(Item.import_run.is_not(None)))
        assert cell is not None
        result = scan(cell)
        assert not result.ok
        assert "genealogy import that is still running" in result.message.render()
        with database.reading() as session:  # the refused scan made no second item
            assert (
                session.scalar(
                    select(func.count()).select_from(Item).where(Item.business_id == cell)
                )
                == 1
            )
    reopened = open_database(sqlite_url)  # what every start does
    try:
        assert run_states(reopened) == ["removed"]
        assert counts(reopened)[2:] == before[2:]
    finally:
        reopened.dispose()


def test_the_command_refuses_a_second_import_with_one_line_and_exit_2(
    sqlite_url: str, tmp_path: Path
) -> None:
    database = open_database(sqlite_url)
    try:
        lots, links = cells_from_a_stored_lot(tmp_path, 3)
        with import_lock(database.engine):  # another import runs
            process = _cli_import(sqlite_url, lots, links)
            out, err = process.communicate(timeout=60)
        assert process.returncode == 2, err
        assert err.strip().count("\n") == 0 and "Another genealogy import" in err, err
        assert "Traceback" not in err and out == ""
        assert run_states(database) == []
    finally:
        database.dispose()
