"""Scans at stations on real databases: every rejection with its own message, stored with who,
what and why; weighing against recipes; holds blocking descendants at once; storage failures.

The scans go through the operations kernel as the station page sends them (each one unit of
work on the writer lane, by the actor bound at submit).
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import event, func, select

from desktop.domain.messages import ConflictError, InputError, PermissionDenied
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Role
from desktop.domain.station import Action, Rejection, Verdict
from desktop.operations import Operations
from desktop.services import genealogy
from desktop.services.actor import Actor
from desktop.services.station.pipeline import record_scan
from desktop.services.station.scan import ScanResult
from desktop.services.station.state import StationState, station_state
from desktop.services.station.weighing import record_addition, record_fill
from desktop.services.storage_failures import StorageFailure
from desktop.storage.database import Database
from desktop.storage.engine import make_engine
from desktop.storage.models.genealogy import GenealogyLink, Item, ScanEvent
from desktop.storage.models.production import ProductionEvent
from desktop.storage.models.security import AuditEntry
from tests.floor_kit import rows_pointing_at, stock_floor

OPERATOR = Actor("lucie.martin", Role.OPERATOR, station="STACK-1", user_id=None)
QA = Actor("qa.engineer", Role.QA)
LOTS = (
    ("LOT-2026-000001", "intermediate", "cathode reel", "500", "m"),
    ("LOT-2026-000002", "intermediate", "anode reel", "500", "m"),
    ("LOT-2026-000003", "raw", "separator", "3", "m"),
    ("LOT-2026-000004", "raw", "electrolyte", "200", "kg"),
    ("LOT-2026-000005", "raw", "electrolyte", "200", "kg"),
    ("LOT-2026-000006", "raw", "NMC811 powder", "2000", "kg"),
)


def scan(ops: Operations, station: str, code: str, actor: Actor = OPERATOR, **kw) -> ScanResult:
    """One scan through the kernel, as the station page sends it; back once committed."""
    return ops.write(actor, record_scan, station, code, **kw).result(timeout=60)


def fill(
    ops: Operations, station: str, code: str, before: Decimal, after: Decimal, unit: str, **kw
) -> ScanResult:
    return ops.write(OPERATOR, record_fill, station, code, before, after, unit, **kw).result(
        timeout=60
    )


def addition(ops: Operations, station: str, code: str, weight: Decimal, unit: str) -> ScanResult:
    return ops.write(OPERATOR, record_addition, station, code, weight, unit).result(timeout=60)


def state(ops: Operations, station: str) -> StationState:
    return ops.read(station_state, OPERATOR, station).result(timeout=60)


@pytest.fixture
def floor(database: Database) -> Iterator[Operations]:
    stock_floor(database, LOTS)
    ops = Operations(database)
    for code in ("LOT-2026-000001", "LOT-2026-000002", "LOT-2026-000003"):
        assert scan(ops, "STACK-1", code).action is Action.LOADED
    assert scan(ops, "FILL-1", "LOT-2026-000004").action is Action.LOADED
    yield ops
    ops.shutdown()


def events(database: Database) -> list[ScanEvent]:
    with database.reading() as session:
        return list(session.scalars(select(ScanEvent).order_by(ScanEvent.id)))


def make_cell(ops: Operations, code: str, through: str = "stacking") -> None:
    assert scan(ops, "STACK-1", code).ok
    if through == "stacking":
        return
    assert scan(ops, "FILL-1", code).ok
    assert fill(ops, "FILL-1", code, Decimal("800"), Decimal("980.2"), "g").ok
    if through == "filling":
        return
    assert scan(ops, "FORM-1", code).ok
    if through == "formation":
        return
    assert scan(ops, "GRADE-1", code).ok


def test_a_made_cell_consumes_the_loaded_lots(floor: Operations, database) -> None:
    result = scan(floor, "STACK-1", "CELL-26A0000001")
    assert result.verdict is Verdict.OK and result.action is Action.CREATED
    with database.reading() as session:
        cell = session.scalar(select(Item).where(Item.business_id == "CELL-26A0000001"))
        assert (cell.kind, cell.material, cell.station, cell.created_by, cell.route_position) == (
            "cell",
            "P56 cell",
            "STACK-1",
            "lucie.martin",
            1,
        )
        reel = session.scalar(select(Item).where(Item.business_id == "LOT-2026-000001"))
        assert reel.remaining == Decimal("499.5")
        links = session.scalars(select(GenealogyLink).where(GenealogyLink.child_id == cell.id))
        assert {(link.quantity, link.unit, link.operator, link.event_id) for link in links} == {
            (Decimal("0.5"), "m", "lucie.martin", result.event_id),
            (Decimal("1"), "m", "lucie.martin", result.event_id),
        }
    uuid.UUID(result.event_id)


def rejected(result, rejection: Rejection, words: str) -> None:
    assert result.verdict is Verdict.NOK, result.message
    assert result.rejection is rejection
    assert words in str(result.message), str(result.message)


def test_every_rejection_has_its_message_and_is_stored(floor: Operations, database) -> None:
    with database.unit_of_work() as session:  # the kernel refuses to run without an actor
        nobody = record_scan(session, None, "STACK-1", "CELL-26A0000009")
    rejected(nobody, Rejection.NO_OPERATOR, "No operator")
    rejected(scan(floor, "FORM-1", "CELL-NOSUCH"), Rejection.UNKNOWN_ID, "Unknown lot or serial")
    rejected(scan(floor, "STACK-1", "BANANA"), Rejection.UNKNOWN_ID, "BANANA")
    rejected(
        scan(floor, "FILL-1", "LOT-2026-000006"),
        Rejection.WRONG_KIND,
        "is NMC811 powder; this station loads electrolyte",
    )
    make_cell(floor, "CELL-26A0000001")
    rejected(
        scan(floor, "FORM-1", "CELL-26A0000001"), Rejection.STEP_SKIPPED, "must pass filling first"
    )
    make_cell(floor, "CELL-26A0000002", through="formation")
    rejected(
        scan(floor, "FORM-1", "CELL-26A0000002", event_id=None),
        Rejection.DUPLICATE,
        "recorded once",
    )
    stored = events(database)
    nok = [e for e in stored if e.verdict == "nok"]
    assert [e.rejection for e in nok] == [
        "no_operator",
        "unknown_id",
        "unknown_id",
        "wrong_kind",
        "step_skipped",
        "duplicate",
    ]
    assert nok[0].username is None and nok[1].username == "lucie.martin"
    assert nok[1].code == "CELL-NOSUCH" and "Unknown lot" in nok[1].message
    # Past the duplicate window, the same scan is a repeated step.
    with database.unit_of_work() as session:
        later = record_scan(
            session, OPERATOR, "FORM-1", "CELL-26A0000002", at=utc_now() + timedelta(seconds=10)
        )
    rejected(later, Rejection.STEP_REPEATED, "has passed formation already")


def test_duplicate_scan_records_nothing_twice(floor: Operations, database) -> None:
    first = scan(floor, "STACK-1", "CELL-26A0000003")
    second = scan(floor, "STACK-1", "CELL-26A0000003")
    assert first.ok
    rejected(second, Rejection.DUPLICATE, "recorded once")
    with database.reading() as session:
        cells = session.scalar(select(func.count()).select_from(Item).where(Item.kind == "cell"))
        links = session.scalar(select(func.count()).select_from(GenealogyLink))
    assert (cells, links) == (1, 3)


def test_the_same_event_id_is_recorded_once(floor: Operations, database) -> None:
    event_id = str(uuid.uuid4())
    first = scan(floor, "STACK-1", "CELL-26A0000004", event_id=event_id)
    again = scan(floor, "STACK-1", "CELL-26A0000004", event_id=event_id)
    assert first == again and first.ok
    assert sum(e.event_id == event_id for e in events(database)) == 1


def test_consumed_units_and_empty_lots_are_refused(floor: Operations, database) -> None:
    for index in range(3):  # the separator lot holds 3 m: three cells
        assert scan(floor, "STACK-1", f"CELL-26B000000{index}").ok
    rejected(scan(floor, "STACK-1", "CELL-26B0000009"), Rejection.NOT_LOADED, "Load separator")
    with database.unit_of_work() as session:  # past the duplicate window of its loading
        empty = record_scan(
            session, OPERATOR, "STACK-1", "LOT-2026-000003", at=utc_now() + timedelta(seconds=10)
        )
    rejected(empty, Rejection.EMPTY, "Lot LOT-2026-000003 is empty")
    with database.unit_of_work() as session:
        used = record_scan(session, OPERATOR, "FILL-1", "CELL-26B0000000")
    assert used.ok  # the cell itself is fine ...
    with database.unit_of_work() as session:
        genealogy.scrap(session, Actor.system(), "CELL-26B0000001", "Dropped", "")
    rejected(scan(floor, "FILL-1", "CELL-26B0000001"), Rejection.SCRAPPED, "is scrapped")


def test_fill_weight_within_and_out_of_tolerance(floor: Operations, database) -> None:
    make_cell(floor, "CELL-26C0000001")
    make_cell(floor, "CELL-26C0000002")
    checked = scan(floor, "FILL-1", "CELL-26C0000001")
    assert checked.action is Action.CHECKED and "180 +/- 1.5 g" in str(checked.message)
    assert str(checked.next_step) == "Put the cell on the balance"
    ok = fill(floor, "FILL-1", "CELL-26C0000001", Decimal("812.30"), Decimal("993.70"), "g")
    assert ok.ok and ok.action is Action.FILLED
    assert str(ok.message) == "Fill 181.4 g: within 180 +/- 1.5 g"
    nok = fill(floor, "FILL-1", "CELL-26C0000002", Decimal("0.8123"), Decimal("0.9941"), "kg")
    rejected(
        nok,
        Rejection.OUT_OF_TOLERANCE,
        "Fill out of tolerance: measured 181.8 g, target 180 +/- 1.5 g",
    )
    assert nok.details["fill"] == "181.8" and nok.details["before"] == "0.8123"
    unstable = fill(
        floor, "FILL-1", "CELL-26C0000002", Decimal("800"), Decimal("980"), "g", stable=False
    )
    rejected(unstable, Rejection.UNSTABLE, "Only a stable weight counts")
    with database.reading() as session:
        electrolyte = session.scalar(select(Item).where(Item.business_id == "LOT-2026-000004"))
        assert electrolyte.remaining == Decimal("199.8186")  # 181.4 g taken, the NOK took none
        cells = {
            i.business_id: i.route_position
            for i in session.scalars(select(Item).where(Item.kind == "cell"))
        }
    assert cells == {"CELL-26C0000001": 2, "CELL-26C0000002": 1}


def test_mixing_additions_against_the_recipe(floor: Operations, database) -> None:
    opened = scan(floor, "MIX-1", "LOT-2026-900001", product="cathode slurry")
    assert opened.action is Action.OPENED
    assert scan(floor, "MIX-1", "LOT-2026-000006").action is Action.CHECKED
    low = addition(floor, "MIX-1", "LOT-2026-000006", Decimal("498.9"), "kg")
    rejected(
        low,
        Rejection.OUT_OF_TOLERANCE,
        "Addition out of tolerance: measured 498.9 kg, target 500 +/- 0.5 kg",
    )
    good = addition(floor, "MIX-1", "LOT-2026-000006", Decimal("500.2"), "kg")
    assert good.ok and good.action is Action.ADDED
    with database.reading() as session:
        batch = session.scalar(select(Item).where(Item.business_id == "LOT-2026-900001"))
        assert (batch.material, batch.quantity) == ("cathode slurry", Decimal("500.2"))


def test_a_hold_blocks_descendants_at_once_from_another_pc(floor, database, database_url) -> None:
    make_cell(floor, "CELL-26D0000001", through="filling")
    other_pc = Database(database_url, make_engine(database_url))
    try:
        with other_pc.unit_of_work() as session:
            genealogy.place_hold(session, QA, "LOT-2026-000004", "Water above 20 ppm")
    finally:
        other_pc.dispose()
    rejected(
        scan(floor, "FORM-1", "CELL-26D0000001"),
        Rejection.ON_HOLD,
        "CELL-26D0000001 is blocked: it is made from LOT-2026-000004, on hold: Water above 20 ppm",
    )
    rejected(
        scan(floor, "FILL-2", "LOT-2026-000004"),
        Rejection.ON_HOLD,
        "LOT-2026-000004 is on hold: Water above 20 ppm",
    )
    with database.unit_of_work() as session:
        with pytest.raises(PermissionDenied):
            genealogy.release_hold(session, OPERATOR, "LOT-2026-000004", "ok", "")
        with pytest.raises(InputError):
            genealogy.release_hold(session, QA, "LOT-2026-000004", "  ", "")
    with database.unit_of_work() as session:
        with pytest.raises(ConflictError):
            genealogy.place_hold(session, QA, "LOT-2026-000004", "again")
    with database.unit_of_work() as session:
        genealogy.release_hold(session, Actor.system(), "LOT-2026-000004", "Retest 12 ppm", "")
    assert scan(floor, "FORM-1", "CELL-26D0000001").ok
    with database.reading() as session:
        rows = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.object_id == "LOT-2026-000004")
            .order_by(AuditEntry.id)
        ).all()
    assert [(r.action, r.reason, r.signature_meaning) for r in rows[-2:]] == [
        ("hold", "Water above 20 ppm", None),
        ("release", "Retest 12 ppm", "approve"),
    ]


def test_module_assembly_consumes_64_graded_cells(floor: Operations, database) -> None:
    with database.unit_of_work() as session:
        genealogy.receive_lot(
            session, Actor.system(), "LOT-2026-000013", "raw", "separator", Decimal("100"), "m"
        )
    assert scan(floor, "STACK-1", "LOT-2026-000013").ok
    cells = [f"CELL-26E{i:07d}" for i in range(65)]
    for code in cells:
        make_cell(floor, code, through="grading")
    assert scan(floor, "MODA-1", "MOD-26E0001").action is Action.OPENED
    rejected(scan(floor, "MODA-1", "LOT-2026-000004"), Rejection.WRONG_KIND, "takes a cell")
    for code in cells[:64]:
        result = scan(floor, "MODA-1", code)
        assert result.ok, result.message
    assert result.action is Action.COMPLETED
    assert str(result.message) == "MOD-26E0001 complete: 64 cells"
    rejected(scan(floor, "MODA-1", cells[0]), Rejection.DUPLICATE, "recorded once")
    assert state(floor, "MODA-1").container is None
    with database.reading() as session:
        trace = genealogy.trace(session, Actor.system(), "MOD-26E0001", "backward")
    assert sum(n.kind == "cell" for n in trace.nodes) == 64
    assert {n.status for n in trace.nodes if n.kind == "cell"} == {"consumed"}


def _broken(database_url: str, pragma: str) -> Database:
    engine = make_engine(database_url)

    @event.listens_for(engine, "connect")
    def _limit(dbapi_connection, _record) -> None:  # noqa: ANN001
        cursor = dbapi_connection.cursor()
        cursor.execute(pragma)
        cursor.close()

    return Database(database_url, engine)


@pytest.mark.parametrize(
    ("pragma", "words"),
    [
        ("PRAGMA query_only = ON", "database is read-only"),
        ("PRAGMA max_page_count = 1", "disk is full"),
    ],
)
def test_read_only_or_full_database_is_an_alarm_and_nothing_is_acknowledged(
    sqlite_url: str, pragma: str, words: str
) -> None:
    from desktop.startup import open_database

    healthy = open_database(sqlite_url)
    stock_floor(healthy)
    before = len(events(healthy))
    if "max_page_count" in pragma:
        with healthy.reading() as session:
            pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()
        pragma = f"PRAGMA max_page_count = {pages}"
    broken = _broken(sqlite_url, pragma)
    ops = Operations(broken)
    acknowledged = []
    with pytest.raises(StorageFailure, match=f"NOT RECORDED: the {words}"):
        for index in range(400):
            acknowledged.append(scan(ops, "STACK-1", f"CELL-26F{index:07d}").event_id)
    ops.shutdown()
    broken.dispose()
    stored = events(healthy)
    assert len(stored) == before + len(acknowledged)
    assert {e.event_id for e in stored} >= set(acknowledged)
    if "query_only" in pragma:
        assert acknowledged == []
    healthy.dispose()


def test_stored_messages_keep_their_template_for_translation(floor, database) -> None:
    scan(floor, "FORM-1", "CELL-NOSUCH")
    stored = events(database)[-1]
    details = json.loads(stored.details)
    assert details["message"]["template"] == "Unknown lot or serial number: {id}"
    assert state(floor, "FORM-1").recent[0].message.params == {"id": "CELL-NOSUCH"}


def test_scans_under_a_supervisor_override_are_marked(floor: Operations, database) -> None:
    covered = replace(OPERATOR, override_by="sam.supervisor")
    result = scan(floor, "STACK-1", "CELL-26G0000001", actor=covered)
    assert result.ok and result.override_by == "sam.supervisor"
    assert events(database)[-1].override_by == "sam.supervisor"
    assert scan(floor, "STACK-1", "CELL-26G0000002").override_by is None


def _lot(database: Database, bid: str, material: str, quantity: str, unit: str) -> None:
    with database.unit_of_work() as session:
        genealogy.receive_lot(
            session, Actor.system(), bid, "raw", material, Decimal(quantity), unit
        )


def _item(database: Database, bid: str) -> Item:
    with database.reading() as session:
        return session.scalar(select(Item).where(Item.business_id == bid))


def test_a_balance_in_a_unit_that_is_no_mass_is_its_own_rejection(floor, database) -> None:
    make_cell(floor, "CELL-26H0000001")
    assert scan(floor, "FILL-1", "CELL-26H0000001").action is Action.CHECKED
    counted = fill(floor, "FILL-1", "CELL-26H0000001", Decimal("800"), Decimal("980"), "PC")
    rejected(counted, Rejection.UNIT, "The balance weighs in PC, the recipe in g")
    assert events(database)[-1].rejection == "unit"
    assert _item(database, "LOT-2026-000004").remaining == Decimal("200")
    assert _item(database, "CELL-26H0000001").route_position == 1  # it did not pass filling


def test_a_lot_counted_in_a_unit_that_does_not_convert_is_refused_not_mixed(
    floor, database
) -> None:
    """Litres of electrolyte are not grams: the fill is refused, the lot keeps its litres."""
    _lot(database, "LOT-2026-000020", "electrolyte", "150", "l")
    assert scan(floor, "FILL-2", "LOT-2026-000020").action is Action.LOADED
    make_cell(floor, "CELL-26H0000002")
    refused = fill(floor, "FILL-2", "CELL-26H0000002", Decimal("800"), Decimal("980.5"), "g")
    rejected(
        refused,
        Rejection.UNIT,
        "Lot LOT-2026-000020 is counted in l, which g does not convert to",
    )
    assert _item(database, "LOT-2026-000020").remaining == Decimal("150")
    taken = rows_pointing_at(database, GenealogyLink.parent_id, "LOT-2026-000020")
    assert taken == 0


def test_a_recipe_in_metres_takes_nothing_from_a_lot_in_kilograms(floor, database) -> None:
    _lot(database, "LOT-2026-000021", "separator", "40", "kg")
    assert scan(floor, "STACK-1", "LOT-2026-000021").action is Action.LOADED  # replaces 000003
    refused = scan(floor, "STACK-1", "CELL-26H0000003")
    rejected(
        refused, Rejection.UNIT, "Lot LOT-2026-000021 is counted in kg, which m does not convert to"
    )
    assert _item(database, "CELL-26H0000003") is None
    assert _item(database, "LOT-2026-000021").remaining == Decimal("40")
    assert _item(database, "LOT-2026-000001").remaining == Decimal("500")


def test_a_fill_weighed_in_pounds_is_recorded_exactly(floor, database) -> None:
    """0.4 lb is 181.436948 g exactly (1 lb = 453.59237 g): within 180 +/- 1.5 g."""
    make_cell(floor, "CELL-26H0000004")
    assert scan(floor, "FILL-1", "CELL-26H0000004").ok
    filled = fill(floor, "FILL-1", "CELL-26H0000004", Decimal("1.8"), Decimal("2.2"), "lb")
    assert filled.ok and filled.action is Action.FILLED, filled.message
    assert filled.details["fill"] == "181.436948" and filled.details["weighed_in"] == "lb"
    with database.reading() as session:
        link = session.scalar(
            select(GenealogyLink).where(GenealogyLink.event_id == filled.event_id)
        )
        assert (link.quantity, link.unit) == (Decimal("181.436948"), "g")
    # 0.181436948 kg taken from the 200 kg lot (stored to the column's six decimals).
    assert _item(database, "LOT-2026-000004").remaining == Decimal("199.818563")
    assert _item(database, "CELL-26H0000004").route_position == 2


def test_completed_units_reach_production_in_the_scans_unit_of_work(floor, database) -> None:
    made = scan(floor, "STACK-1", "CELL-26H0000005")
    assert made.ok
    with database.reading() as session:
        units = session.scalars(select(ProductionEvent.unit_id)).all()
    assert units == ["CELL-26H0000005"]


def test_a_broken_production_module_fails_the_import_loudly() -> None:
    """No silent fallback: without production, station scanning does not load at all."""
    code = (
        "import sys; sys.modules['desktop.services.production'] = None; "
        "import desktop.services.station.pipeline"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "ModuleNotFoundError" in done.stderr and "desktop.services.production" in done.stderr
