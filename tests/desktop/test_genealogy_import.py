"""`import genealogy` on real databases: all or nothing, line-numbered errors naming the file,
idempotent re-import, imports into a running database, one audit row per run."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from desktop.domain.messages import InputError, PermissionDenied
from desktop.domain.roles import Role
from desktop.services.actor import Actor
from desktop.services.genealogy_import import import_genealogy
from desktop.services.genealogy_synthetic import SyntheticPlant
from desktop.storage.models.genealogy import GenealogyLink, Item
from desktop.storage.models.security import AuditEntry

LOTS_HEADER = "id,kind,material,quantity,unit,created_at\n"
LINKS_HEADER = "parent_id,child_id,quantity,unit,linked_at,station\n"
LOTS = (
    LOTS_HEADER + "LOT-EL-1,raw,electrolyte,10,kg,2026-03-02T08:00:00\n"
    "LOT-SP-1,raw,separator,100,m,2026-03-02T08:00:00+01:00\n"
    "CELL-A1,cell,P56 cell,1,pcs,2026-03-02T09:00:00\n"
    "CELL-A2,cell,P56 cell,1,pcs,2026-03-02T09:01:00\n"
    "MOD-A,module,M64 module,1,pcs,2026-03-02T10:00:00\n"
)
LINKS = (
    LINKS_HEADER + "LOT-EL-1,CELL-A1,180,g,2026-03-02T09:00:00,FILL-1\n"
    "LOT-EL-1,CELL-A2,0.18,kg,2026-03-02T09:01:00,OLD-MES-FILL\n"
    "LOT-SP-1,CELL-A1,1.5,m,2026-03-02T09:00:00,STACK-1\n"
    "CELL-A1,MOD-A,1,pcs,2026-03-02T10:00:00,MODA-1\n"
    "CELL-A2,MOD-A,1,pcs,2026-03-02T10:00:00,MODA-1\n"
)


def write(folder: Path, lots: str, links: str) -> tuple[Path, Path]:
    (folder / "LOTS.csv").write_text(lots, encoding="utf-8")
    (folder / "LINKS.csv").write_text(links, encoding="utf-8")
    return folder / "LOTS.csv", folder / "LINKS.csv"


def snapshot(database) -> str:
    """A digest of every item and link row, to prove that nothing changed."""
    digest = hashlib.sha256()
    with database.reading() as session:
        for table in ("item", "genealogy_link"):
            for row in session.execute(text(f"SELECT * FROM {table} ORDER BY id")):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def audit_rows(database) -> int:
    with database.reading() as session:
        return session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "bulk")
        )


def test_import_stores_items_links_and_consumption(database, tmp_path: Path) -> None:
    lots, links = write(tmp_path, LOTS, LINKS)
    report = import_genealogy(database, Actor.system(), lots, links)
    assert (report.lots_added, report.links_added) == (5, 5)
    with database.reading() as session:
        items = {i.business_id: i for i in session.scalars(select(Item))}
        electrolyte = items["LOT-EL-1"]
        assert electrolyte.remaining == Decimal("9.64") and electrolyte.status == "available"
        assert items["CELL-A1"].status == "consumed" and items["CELL-A1"].remaining == 0
        assert items["CELL-A1"].station == "STACK-1" or items["CELL-A1"].station == "FILL-1"
        assert items["CELL-A1"].last_station == "MODA-1"
        assert items["MOD-A"].status == "available" and items["MOD-A"].station == "MODA-1"
        # 08:00 plant time on 2 March (winter, UTC+1) is 07:00 UTC; an explicit offset is kept.
        assert electrolyte.created_at == datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
        assert items["LOT-SP-1"].created_at == datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
        stations = set(session.scalars(select(GenealogyLink.station)))
        assert "OLD-MES-FILL" in stations  # an older MES's station is kept as given


def test_reimport_changes_nothing_and_each_run_writes_one_audit_row(database, tmp_path) -> None:
    lots, links = write(tmp_path, LOTS, LINKS)
    before = audit_rows(database)
    import_genealogy(database, Actor.system(), lots, links)
    assert audit_rows(database) == before + 1
    first = snapshot(database)
    again = import_genealogy(database, Actor.system(), lots, links)
    assert (again.lots_added, again.lots_unchanged) == (0, 5)
    assert (again.links_added, again.links_unchanged) == (0, 5)
    assert snapshot(database) == first
    assert audit_rows(database) == before + 2


def test_import_into_a_running_database_links_to_stored_items(database, tmp_path: Path) -> None:
    lots, links = write(tmp_path, LOTS, LINKS)
    import_genealogy(database, Actor.system(), lots, links)
    (tmp_path / "more").mkdir()
    more_lots, more_links = write(
        tmp_path / "more",
        LOTS_HEADER + "CELL-A3,cell,P56 cell,1,pcs,2026-03-02T09:02:00\n",
        LINKS_HEADER + "LOT-EL-1,CELL-A3,0.18,kg,2026-03-02T09:02:00,FILL-1\n"
        "CELL-A3,MOD-A,1,pcs,2026-03-02T10:00:00,MODA-1\n",
    )
    report = import_genealogy(database, Actor.system(), more_lots, more_links)
    assert (report.lots_added, report.links_added) == (1, 2)
    with database.reading() as session:
        remaining = session.scalar(select(Item.remaining).where(Item.business_id == "LOT-EL-1"))
        assert remaining == Decimal("9.46")


def test_semicolons_and_decimal_commas_of_french_spreadsheets(database, tmp_path) -> None:
    lots, links = write(
        tmp_path,
        "id;kind;material;quantity;unit;created_at\n"
        "LOT-EL-9;raw;électrolyte;12,5;kg;2026-07-01 08:00\n"
        "CELL-F1;cell;P56 cell;1;pcs;2026-07-01 09:00\n",
        "parent_id;child_id;quantity;unit;linked_at;station\n"
        "LOT-EL-9;CELL-F1;0,18;kg;2026-07-01 09:00;FILL-1\n",
    )
    import_genealogy(database, Actor.system(), lots, links)
    with database.reading() as session:
        lot = session.scalar(select(Item).where(Item.business_id == "LOT-EL-9"))
        assert lot.material == "électrolyte" and lot.remaining == Decimal("12.32")


BAD = [
    (LOTS.replace("raw,electrolyte", "powder,electrolyte", 1), LINKS,
     "LOTS.csv line 2: unknown kind 'powder'"),
    (LOTS.replace("10,kg", "ten,kg", 1), LINKS, "LOTS.csv line 2: 'ten' is not a quantity"),
    (LOTS + "CELL-A1,cell,P56 cell,1,pcs,2026-03-02T09:00:00\n", LINKS,
     "LOTS.csv line 7: CELL-A1 is on line 4 already"),
    (LOTS.replace("2026-03-02T09:01:00", "02/03/2026 09:01", 1), LINKS,
     "LOTS.csv line 5: '02/03/2026 09:01' is not an ISO 8601 date-time"),
    (LOTS.replace("2026-03-02T10:00:00", "2026-03-29T02:30:00", 1), LINKS,
     "LOTS.csv line 6: 2026-03-29 02:30 does not exist in plant time"),
    (LOTS, LINKS + "LOT-XX,CELL-A1,1,kg,2026-03-02T09:00:00,FILL-1\n",
     "LINKS.csv line 7: unknown parent LOT-XX"),
    (LOTS, LINKS + "CELL-A1,MOD-A,1,pcs,2026-03-02T11:00:00,MODA-1\n",
     "LINKS.csv line 7: CELL-A1 is consumed already"),
    (LOTS, LINKS + "LOT-EL-1,CELL-A2,9.7,kg,2026-03-02T09:05:00,FILL-1\n",
     "LINKS.csv line 7: lot LOT-EL-1 would give more than it holds (9.64 kg left)"),
    (LOTS, LINKS + "LOT-EL-1,CELL-A1,180,g,2026-03-02T09:00:00,FILL-1\n",
     "LINKS.csv line 7: the same link as line 2"),
    (LOTS, LINKS + "MOD-A,CELL-A1,1,pcs,2026-03-02T11:00:00,X\n",
     "LINKS.csv line 7: MOD-A cannot be consumed into CELL-A1"),
    (LOTS, LINKS + "LOT-SP-1,CELL-A2,1,kg,2026-03-02T09:00:00,STACK-1\n",
     "LINKS.csv line 7: kg does not convert to LOT-SP-1's unit m"),
    (LOTS, LINKS + "LOT-SP-1,CELL-A2,1,m\n", "LINKS.csv line 7: 4 fields where the header has 6"),
    (LOTS, LINKS.replace("linked_at", "when"), "LINKS.csv line 1: the header lacks linked_at"),
]  # fmt: skip


@pytest.mark.parametrize(("lots_text", "links_text", "message"), BAD)
def test_bad_files_name_file_line_and_reason_and_change_nothing(
    database, tmp_path: Path, lots_text: str, links_text: str, message: str
) -> None:
    before = snapshot(database)
    audits = audit_rows(database)
    lots, links = write(tmp_path, lots_text, links_text)
    with pytest.raises(InputError) as raised:
        import_genealogy(database, Actor.system(), lots, links)
    assert str(raised.value).startswith(message), str(raised.value)
    assert snapshot(database) == before
    assert audit_rows(database) == audits


def test_stored_lot_with_other_data_is_refused(database, tmp_path: Path) -> None:
    lots, links = write(tmp_path, LOTS, LINKS)
    import_genealogy(database, Actor.system(), lots, links)
    lots, links = write(tmp_path, LOTS.replace("10,kg", "12,kg"), LINKS)
    with pytest.raises(InputError, match="LOTS.csv line 2: LOT-EL-1 is stored already with other"):
        import_genealogy(database, Actor.system(), lots, links)


def test_only_qa_and_admin_import(database, tmp_path: Path) -> None:
    lots, links = write(tmp_path, LOTS, LINKS)
    with pytest.raises(PermissionDenied):
        import_genealogy(database, Actor("op", Role.OPERATOR), lots, links)


def test_progress_reaches_the_end(sqlite_url: str, tmp_path: Path) -> None:
    from desktop.startup import open_database

    database = open_database(sqlite_url)
    plant = SyntheticPlant(1)
    plant.write(tmp_path / "lots.csv", tmp_path / "links.csv")
    seen: list[tuple[int, int]] = []
    import_genealogy(
        database,
        Actor.system(),
        tmp_path / "lots.csv",
        tmp_path / "links.csv",
        lambda done, total: seen.append((done, total)),
    )
    database.dispose()
    assert len(seen) >= 2
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_foreign_keys_are_on_again_after_an_import(sqlite_url: str, tmp_path: Path) -> None:
    from desktop.startup import open_database
    from desktop.storage import maintenance

    database = open_database(sqlite_url)
    lots, links = write(tmp_path, LOTS, LINKS)
    import_genealogy(database, Actor.system(), lots, links)
    bad_lots, bad_links = write(tmp_path, LOTS, LINKS + "LOT-XX,CELL-A1,1,kg,2026-03-02,X\n")
    with pytest.raises(InputError):
        import_genealogy(database, Actor.system(), bad_lots, bad_links)
    assert maintenance.pragma(database.engine, "foreign_keys") == "1"
    assert maintenance.check(database.engine) == []
    database.dispose()


def test_the_terminal_progress_bar_draws_only_on_a_terminal() -> None:
    import io

    from desktop.commands.imports import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    bar = ProgressBar("import genealogy", terminal)
    bar(50, 100)
    bar(100, 100)
    assert "\rimport genealogy [###############...............]  50%" in terminal.getvalue()
    assert terminal.getvalue().endswith("] 100%\n")
    piped = io.StringIO()
    ProgressBar("import genealogy", piped)(100, 100)
    assert piped.getvalue() == ""
