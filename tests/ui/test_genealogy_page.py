"""The Genealogy page on the demo's genealogy: a tree, details, holds, the recall report and its
exports, and the import dialog with its progress bar."""

from __future__ import annotations

import csv
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

from desktop.operations import Operations  # noqa: E402
from desktop.services.actor import Actor  # noqa: E402
from desktop.services.demo import seed_plant  # noqa: E402
from desktop.services.genealogy_demo import seed_demo_genealogy  # noqa: E402
from desktop.services.genealogy_synthetic import SyntheticPlant  # noqa: E402
from desktop.startup import open_database  # noqa: E402
from desktop.storage.database import Database  # noqa: E402
from desktop.tasks import Ops  # noqa: E402
from ui.pages.genealogy import GenealogyPage  # noqa: E402


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = "sqlite:///" + (tmp_path_factory.mktemp("genealogy") / "demo.sqlite").as_posix()
    database = open_database(url)
    seed_plant(database, Actor.system())
    seed_demo_genealogy(database, Actor.system())
    database.dispose()
    return url


@pytest.fixture
def database(demo_file: str) -> Database:
    db = open_database(demo_file)
    yield db
    db.dispose()


@pytest.fixture
def ops(qapp, database: Database) -> Ops:
    operations = Operations(database)
    bridge = Ops(operations, Actor.system)
    yield bridge
    bridge.wait()
    operations.shutdown()


def make_page(qtbot, ops: Ops) -> GenealogyPage:
    page = GenealogyPage(ops)
    qtbot.addWidget(page)
    page.show()
    return page


def trace(qtbot, page: GenealogyPage, code: str, forward: bool = False) -> None:
    page.direction.setCurrentIndex(1 if forward else 0)
    page.search.setText(code)
    page.search.returnPressed.emit()
    qtbot.waitUntil(lambda: page.trace_result is not None and page.trace_result.root == code)


def test_backward_tree_of_a_pack_opens_level_by_level(qtbot, ops) -> None:
    page = make_page(qtbot, ops)
    trace(qtbot, page, "PACK-D000000")
    root = page.tree.topLevelItem(0)
    assert root.text(0) == "PACK-D000000" and root.text(1) == "pack"
    assert [root.child(i).text(0) for i in range(root.childCount())] == [
        "LOT-BMD-000000",
        "LOT-HSD-000000",
        "MOD-D0000000",
        "MOD-D0000001",
        "MOD-D0000002",
        "MOD-D0000003",
    ]
    module = root.child(2)
    module.setExpanded(True)
    assert module.childCount() == 64 and module.child(0).text(4) == "1 pcs"
    qtbot.waitUntil(lambda: "PACK-D000000" in page.details.text())
    assert "P52 pack" in page.details.text()


def test_held_electrolyte_shows_and_recall_lists_units(qtbot, ops, tmp_path: Path) -> None:
    page = make_page(qtbot, ops)
    page.search.setText("LOT-ELD-000001")
    page.run_recall()
    qtbot.waitUntil(lambda: page.recall_model.rowCount() > 0)
    qtbot.waitUntil(lambda: page.trace_result is not None)
    rows = page.recall_model.records()
    cells = [r for r in rows if r.kind == "cell"]
    assert len(cells) == 1000  # one electrolyte lot fills a thousand cells
    assert {r.kind for r in rows} == {"cell", "module", "pack"}
    assert "1000 cells" in page.recall_summary.text()
    qtbot.waitUntil(lambda: "on hold" in page.details.text())
    assert "Electrolyte lot under investigation" in page.details.text()
    assert page.release_button.isEnabled() and not page.hold_button.isEnabled()
    page.export(".csv", tmp_path / "recall.csv")
    page.export(".xlsx", tmp_path / "recall.xlsx")
    qtbot.waitUntil(lambda: (tmp_path / "recall.xlsx").exists())
    qtbot.waitUntil(lambda: page._ops.pending == 0)
    with (tmp_path / "recall.csv").open(encoding="utf-8") as handle:
        exported = list(csv.DictReader(handle))
    assert len(exported) == len(rows) and exported[0]["id"] == rows[0].id
    sheet = load_workbook(tmp_path / "recall.xlsx").active
    assert sheet.max_row == len(rows) + 1


def test_recall_csv_from_a_french_screen_is_semicolon_separated(qtbot, ops, tmp_path: Path) -> None:
    from PySide6.QtCore import QLocale

    page = make_page(qtbot, ops)
    page.search.setText("LOT-BMD-000000")
    page.run_recall()
    qtbot.waitUntil(lambda: page.recall_model.rowCount() > 0)
    QLocale.setDefault(QLocale("fr_FR"))
    try:
        page.export(".csv", tmp_path / "recall.csv")
    finally:
        QLocale.setDefault(QLocale("en_GB"))
    qtbot.waitUntil(lambda: page._ops.pending == 0)
    lines = (tmp_path / "recall.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id;kind;material;status;last_station;depth"
    assert len(lines) == page.recall_model.rowCount() + 1 and lines[1].count(";") == 5


def test_unknown_id_is_a_red_line(qtbot, ops) -> None:
    page = make_page(qtbot, ops)
    page.search.setText("LOT-NOPE")
    page.run_trace()
    qtbot.waitUntil(lambda: not page.error.isHidden())
    assert page.error.text() == "Unknown lot or serial number: LOT-NOPE"


def test_hold_and_signed_release_through_the_dialogs(qtbot, ops) -> None:
    page = make_page(qtbot, ops)
    trace(qtbot, page, "LOT-SPD-000000")
    qtbot.waitUntil(lambda: page.hold_button.isEnabled())
    dialog = page._hold(release=False)
    dialog.reason.setText("Wrinkles on the roll")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: page.release_button.isEnabled())
    assert "Wrinkles on the roll" in page.details.text()
    dialog = page._hold(release=True)
    dialog.buttons.accepted.emit()  # no reason: refused, in red, nothing changes
    qtbot.waitUntil(lambda: not dialog.error.isHidden())
    assert "Give a reason" in dialog.error.text()
    dialog.reason.setText("Roll inspected: wrinkles outside the used width")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: page.hold_button.isEnabled())


def test_import_dialog_shows_progress_and_result(qtbot, ops, tmp_path: Path) -> None:
    page = make_page(qtbot, ops)
    plant = SyntheticPlant(1, prefix="U")
    plant.write(tmp_path / "lots.csv", tmp_path / "links.csv")
    dialog = page.open_import()
    dialog.lots.setText(str(tmp_path / "lots.csv"))
    dialog.links.setText(str(tmp_path / "links.csv"))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert dialog.error.isHidden(), dialog.error.text()
    assert dialog.progress.value() == 1000
    assert "Links: 1558 added" in dialog.result.text()
    dialog.links.setText(str(tmp_path / "missing.csv"))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running)
    assert "Cannot read" in dialog.error.text()


def test_recall_model(qtbot, qtmodeltester, ops) -> None:
    page = make_page(qtbot, ops)
    page.search.setText("LOT-BMD-000000")
    page.run_recall()
    qtbot.waitUntil(lambda: page.recall_model.rowCount() > 0)
    qtmodeltester.check(page.recall_model)


def test_made_is_shown_on_the_plant_clock(qtbot, ops, database) -> None:
    from zoneinfo import ZoneInfo

    from desktop.services.genealogy import item_info
    from ui.formatting import datetime_text

    with database.reading() as session:
        made = item_info(session, Actor.system(), "PACK-D000000").created_at
    page = make_page(qtbot, ops)
    trace(qtbot, page, "PACK-D000000")
    plant = datetime_text(made, ZoneInfo("Europe/Paris"))
    qtbot.waitUntil(lambda: plant in page.details.text())
    assert datetime_text(made, ZoneInfo("UTC")) not in page.details.text()


def test_a_double_click_on_put_on_hold_holds_once(qtbot, ops, database) -> None:
    from sqlalchemy import func, select

    from desktop.storage.models.genealogy import Item, ItemHold

    page = make_page(qtbot, ops)
    trace(qtbot, page, "LOT-PFD-000000")
    qtbot.waitUntil(lambda: page.hold_button.isEnabled())
    dialog = page._hold(release=False)
    dialog.reason.setText("Film scratched")
    dialog.buttons.accepted.emit()
    dialog.buttons.accepted.emit()  # the second click of a double click
    qtbot.waitUntil(lambda: page.release_button.isEnabled())
    assert dialog.error.isHidden(), dialog.error.text()
    with database.reading() as session:
        holds = session.scalar(
            select(func.count())
            .select_from(ItemHold)
            .join(Item, Item.id == ItemHold.item_id)
            .where(Item.business_id == "LOT-PFD-000000")
        )
    assert holds == 1


def test_cancelling_the_import_stores_nothing(qtbot, ops, database, tmp_path: Path) -> None:
    from sqlalchemy import select

    from desktop.storage.models.genealogy import ImportRun, Item

    plant = SyntheticPlant(8, prefix="X")
    plant.write(tmp_path / "lots.csv", tmp_path / "links.csv")
    page = make_page(qtbot, ops)
    dialog = page.open_import()
    dialog.lots.setText(str(tmp_path / "lots.csv"))
    dialog.links.setText(str(tmp_path / "links.csv"))
    dialog.start()
    dialog.start()  # a double click starts one import
    assert dialog.cancel_button.isEnabled()
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert "cancelled" in dialog.error.text()
    with database.reading() as session:
        assert session.scalar(select(Item.id).where(Item.business_id == plant.pack_id(0))) is None
        states = session.scalars(select(ImportRun.state).order_by(ImportRun.id)).all()
    assert states and states[-1] == "removed"
