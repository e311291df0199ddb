"""Weighing you can trust, driven by a real simulated balance on a pseudo-terminal through the
device hub, and by typing and clicking on the page: the before weight is taken after the scan and
after the pan was emptied, a stray scan leaves the weighing alone, a lost balance greys the panel.
How fast the panel greys is bench/bench_station_devices.py's figure, not a test's."""

from __future__ import annotations

import sys

import pytest

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("pseudo-terminals need POSIX", allow_module_level=True)

import json
import logging
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from desktop.acquisition import DeviceHub
from desktop.domain.roles import Role
from desktop.services.actor import Actor
from desktop.storage.models.genealogy import Item, ItemHold, ScanEvent
from hardware.sim.endpoints import PtyEndpoint
from hardware.sim.scale import ScaleModel, ScaleSimulator
from tests.ui.station_kit import click, idle, make_page, type_code

QA = Actor("claire.dubois", Role.QA, station="FILL-1")
OPERATOR = Actor("lucie.martin", Role.OPERATOR, station="FILL-1")


@pytest.fixture
def balance(qtbot):
    """A&D balance streaming 20 readings a second on a pty, read by the real device hub."""
    model = ScaleModel(weight=0)
    simulator = ScaleSimulator(PtyEndpoint(), "and", model, stream=True, rate=20).start()
    hub = DeviceHub({"scale": {"port": simulator.path, "protocol": "and", "mode": "stream"}})
    hub.start()
    qtbot.waitUntil(lambda: hub.last_reading is not None, timeout=5000)
    yield model, simulator, hub
    hub.stop()
    simulator.stop()


def _fills(database, code: str) -> list[ScanEvent]:
    with database.reading() as session:
        return list(
            session.scalars(
                select(ScanEvent)
                .where(ScanEvent.code == code, ScanEvent.action == "filled")
                .order_by(ScanEvent.id)
            )
        )


def _scan(qtbot, page, code: str) -> None:
    type_code(qtbot, page, code)
    qtbot.waitUntil(lambda: idle(page), timeout=5000)


def _stage(page) -> str | None:
    return page.weighing_stage


def _readings(qtbot, hub, count: int) -> None:
    """Let `count` more readings reach the page (instead of waiting a time)."""
    seen: list[object] = []
    hub.reading.connect(seen.append)
    try:
        qtbot.waitUntil(lambda: len(seen) >= count, timeout=5000)
    finally:
        hub.reading.disconnect(seen.append)


def _answer(qtbot, text: str) -> None:
    """Type `text` into the next input dialog, as the user does, and press Enter."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        field = dialog.findChild(QLineEdit) if dialog is not None else None
        if field is None:
            QTimer.singleShot(20, answer)  # not open yet
            return
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def _put(qtbot, page, model, grams: str, stage: str | None) -> None:
    """Put `grams` on the simulated pan; wait until the weighing reached `stage` (None: the
    weighing ended, its record answered)."""
    model.put(grams)
    if stage is None:
        qtbot.waitUntil(lambda: idle(page) and page.weighing_stage is None, timeout=5000)
    else:
        qtbot.waitUntil(lambda: _stage(page) == stage, timeout=3000)


def _weighing(qtbot, floor, balance, actor: Actor, code: str):  # noqa: ANN001, ANN202
    """The station page with `code` scanned, its weighing waiting for the empty cell; the page,
    the simulated pan and the device hub."""
    model, _simulator, hub = balance
    page = make_page(qtbot, floor, actor=actor, devices=hub)
    _scan(qtbot, page, code)
    qtbot.waitUntil(lambda: _stage(page) == "before", timeout=3000)
    return page, model, hub


def test_the_filled_cell_left_on_the_pan_is_not_the_next_cells_empty_weight(
    qtbot, floor, balance
) -> None:
    page, model, hub = _weighing(qtbot, floor, balance, OPERATOR, "CELL-26L0000007")
    _put(qtbot, page, model, "812.30", "emptied")
    assert "812" in page.weight_panel.empty_weight.text()
    _put(qtbot, page, model, "0", "after")
    _put(qtbot, page, model, "992.70", None)
    assert page.verdict_kind == "ok", page.verdict_text()
    assert len(_fills(floor, "CELL-26L0000007")) == 1

    # Cell 7, filled, stays on the pan (992.70 g) while cell 8 is scanned.
    _scan(qtbot, page, "CELL-26L0000008")
    assert _stage(page) == "clear"
    assert "Take the previous cell off" in page.instruction.text()
    # Stable readings of cell 7 keep coming: none is cell 8's empty weight.
    _readings(qtbot, hub, 10)
    assert _stage(page) == "clear" and page.weight_panel.empty_weight.text() == ""
    assert _fills(floor, "CELL-26L0000008") == []

    model.put("0")  # cell 7 off the pan
    qtbot.waitUntil(lambda: _stage(page) == "before", timeout=3000)
    model.put("811.90")  # cell 8 on the pan, empty
    qtbot.waitUntil(lambda: _stage(page) == "emptied", timeout=3000)
    assert "811.9" in page.weight_panel.empty_weight.text()
    _put(qtbot, page, model, "0", "after")
    _put(qtbot, page, model, "991.90", None)
    (fill,) = _fills(floor, "CELL-26L0000008")
    assert page.verdict_kind == "ok" and "Fill 180 g" in page.verdict_text()
    assert Decimal(str(json.loads(fill.details)["values"]["before"])) == Decimal("811.90")


def test_a_stray_scan_during_a_weighing_is_refused_and_the_weighing_goes_on(
    qtbot, floor, balance
) -> None:
    page, model, hub = _weighing(qtbot, floor, balance, OPERATOR, "CELL-26L0000009")
    _put(qtbot, page, model, "812.10", "emptied")
    for stray in ("NOPE-123", "CELL-26L0000009", "LOT-2026-100201"):
        _scan(qtbot, page, stray)
        assert page.verdict_kind == "nok"
        assert f"{stray} refused: cell CELL-26L0000009 is being weighed" in page.verdict_text()
        assert _stage(page) == "emptied"
    with floor.reading() as session:
        stored = session.scalars(select(ScanEvent.code).where(ScanEvent.code == "NOPE-123")).all()
    assert stored == []  # a stray scan records nothing
    _put(qtbot, page, model, "0", "after")
    _put(qtbot, page, model, "992.40", None)
    assert page.verdict_kind == "ok"
    assert len(_fills(floor, "CELL-26L0000009")) == 1


def test_an_out_of_tolerance_fill_offers_a_reweigh_once_then_hold(qtbot, floor, balance) -> None:
    page, model, hub = _weighing(qtbot, floor, balance, QA, "CELL-26L0000010")
    _put(qtbot, page, model, "812.00", "emptied")
    _put(qtbot, page, model, "0", "after")
    model.put("995.00")  # 183 g: out of 180 +/- 1.5 g
    qtbot.waitUntil(lambda: idle(page) and page.verdict_kind == "nok", timeout=5000)
    assert "out of tolerance" in page.verdict_text()
    actions = page.next_actions
    assert not actions.reweigh_button.isHidden() and not actions.hold_button.isHidden()
    assert "812" in page.weight_panel.empty_weight.text()

    click(qtbot, actions.reweigh_button)  # off the pan and back on
    _put(qtbot, page, model, "0", "after")
    _put(qtbot, page, model, "994.50", None)
    assert page.verdict_kind == "nok"
    assert actions.reweigh_button.isHidden()  # once only
    assert not actions.hold_button.isHidden()  # QA may hold
    assert len(_fills(floor, "CELL-26L0000010")) == 0

    # The reason is typed into Qt's input dialog; the hold itself is the real write.
    _answer(qtbot, "Fill 182.5 g twice: check the nozzle")
    click(qtbot, actions.hold_button)
    click(qtbot, actions.hold_button)  # a double click holds once
    qtbot.waitUntil(lambda: page.verdict_text().endswith("is on hold"), timeout=5000)
    with floor.reading() as session:
        cell = session.scalar(select(Item).where(Item.business_id == "CELL-26L0000010"))
        holds = session.scalars(select(ItemHold).where(ItemHold.item_id == cell.id)).all()
    assert cell.held and [h.reason for h in holds] == ["Fill 182.5 g twice: check the nozzle"]
    assert actions.hold_button.isHidden()


def test_an_operator_is_not_offered_hold_or_scrap(qtbot, floor, balance) -> None:
    page, model, hub = _weighing(qtbot, floor, balance, OPERATOR, "CELL-26L0000011")
    for grams, stage in (("812.00", "emptied"), ("0", "after")):
        model.put(grams)
        qtbot.waitUntil(lambda stage=stage: _stage(page) == stage, timeout=3000)
    model.put("1000.00")
    qtbot.waitUntil(lambda: idle(page) and page.verdict_kind == "nok", timeout=5000)
    actions = page.next_actions
    assert not actions.reweigh_button.isHidden()
    assert actions.hold_button.isHidden() and actions.scrap_button.isHidden()


def test_killing_the_balance_greys_the_panel_and_is_logged(qtbot, floor, balance, caplog) -> None:
    model, simulator, hub = balance
    page = make_page(qtbot, floor, actor=OPERATOR, devices=hub)
    _scan(qtbot, page, "CELL-26L0000006")
    qtbot.waitUntil(lambda: page.balance_state == "ok", timeout=3000)
    panel = page.weight_panel
    assert panel.weight.text() != "--"
    caplog.set_level(logging.INFO, logger="desktop.acquisition")
    simulator.stop()  # the balance's end of the line is gone, like a pulled cable
    qtbot.waitUntil(lambda: page.balance_state in ("lost", "silent"), timeout=5000)
    assert panel.weight.text() == "--"
    assert "stable" not in panel.stable.text()
    assert "Balance" in panel.stable.text()
    assert "#9aa3b0" in panel.weight.styleSheet()  # greyed
    model.put("812.00")
    qtbot.wait(300)
    assert _stage(page) == "before"  # weighing waits for the balance
    qtbot.waitUntil(
        lambda: any(
            "balance" in r.getMessage().lower() or "scale" in r.getMessage()
            for r in caplog.records
            if r.levelno >= logging.WARNING
        ),
        timeout=3000,
    )
