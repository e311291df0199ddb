"""The Genealogy page on the demo's genealogy: a tree, details, holds, the recall report and its
exports, and the import dialog with its progress bar."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.operations import Operations
from desktop.services.actor import Actor
from desktop.services.demo import seed_plant
from desktop.services.genealogy_demo import seed_demo_genealogy
from desktop.services.genealogy_synthetic import SyntheticPlant
from desktop.storage.database import Database
from desktop.tasks import Ops
from tests.demo_kit import seeded_database, seeded_url
from tests.floor_kit import rows_pointing_at
from ui.pages.genealogy import GenealogyPage


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    return seeded_url(tmp_path_factory.mktemp("genealogy"), seed_plant, seed_demo_genealogy)


@pytest.fixture
def database(demo_file: str) -> Database:
    with seeded_database(demo_file) as db:
        yield db


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


def recall(qtbot, page: GenealogyPage, code: str) -> None:  # noqa: ANN001
    """The recall list of `code`, once it has rows."""
    page.search.setText(code)
    page.run_recall()
    qtbot.waitUntil(lambda: page.recall_model.rowCount() > 0)


def hold_dialog(qtbot, page: GenealogyPage, code: str, reason: str):  # noqa: ANN001, ANN201
    """`code` traced, its Put on hold dialog open with `reason` typed in."""
    trace(qtbot, page, code)
    qtbot.waitUntil(lambda: page.hold_button.isEnabled())
    dialog = page._hold(release=False)
    dialog.reason.setText(reason)
    return dialog


def import_dialog(page: GenealogyPage, plant: SyntheticPlant, folder: Path):  # noqa: ANN201
    """The import dialog open on `plant`'s two files, written into `folder`."""
    plant.write(folder / "lots.csv", folder / "links.csv")
    dialog = page.open_import()
    dialog.lots.setText(str(folder / "lots.csv"))
    dialog.links.setText(str(folder / "links.csv"))
    return dialog


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
    recall(qtbot, page, "LOT-ELD-000001")
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
    recall(qtbot, page, "LOT-BMD-000000")
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
    dialog = hold_dialog(qtbot, page, "LOT-SPD-000000", "Wrinkles on the roll")
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
    dialog = import_dialog(page, SyntheticPlant(1, prefix="U"), tmp_path)
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
    recall(qtbot, page, "LOT-BMD-000000")
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
    from desktop.storage.models.genealogy import ItemHold

    page = make_page(qtbot, ops)
    dialog = hold_dialog(qtbot, page, "LOT-PFD-000000", "Film scratched")
    dialog.buttons.accepted.emit()
    dialog.buttons.accepted.emit()  # the second click of a double click
    qtbot.waitUntil(lambda: page.release_button.isEnabled())
    assert dialog.error.isHidden(), dialog.error.text()
    holds = rows_pointing_at(database, ItemHold.item_id, "LOT-PFD-000000")
    assert holds == 1


def test_cancelling_the_import_stores_nothing(qtbot, ops, database, tmp_path: Path) -> None:
    from sqlalchemy import select

    from desktop.storage.models.genealogy import ImportRun, Item

    plant = SyntheticPlant(8, prefix="X")
    page = make_page(qtbot, ops)
    dialog = import_dialog(page, plant, tmp_path)
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
