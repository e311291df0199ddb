"""The Station page in a real (offscreen) QApplication on a real database, driven through its
widgets: verdicts after the commit, held lots refused with their reason, the fill weighed from
balance readings, alarms, a code mangled by the keyboard layout refused."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QObject, Signal
from sqlalchemy import event, select

from desktop.acquisition import StationDevices
from desktop.storage.database import Database
from desktop.storage.engine import make_engine
from desktop.storage.models.genealogy import Item, ScanEvent
from hardware.codecs.reading import Reading, ReadingStatus
from tests.ui.station_kit import Ticks, click, idle, make_page, type_code
from ui.pages.station import StationPage


class Balance(QObject):
    """A balance as the device hub delivers it (the page's `StationDevices`): readings, scans and
    status by signal, zero and tare heard."""

    reading = Signal(object)
    scan = Signal(object)
    status = Signal(str, object)

    def __init__(self) -> None:
        super().__init__()
        self.commands: list[str] = []
        self.last_status: dict = {}

    def zero(self) -> None:
        self.commands.append("zero")

    def tare(self) -> None:
        self.commands.append("tare")

    def put(self, grams: str, stable: bool = True) -> None:
        self.reading.emit(
            Reading(Decimal(grams), "g", stable, ReadingStatus.OK, None, grams.encode())
        )


def scan(qtbot, page: StationPage, code: str, stored: bool = True) -> None:
    before = page.recent_model.rowCount()
    type_code(qtbot, page, code)
    qtbot.waitUntil(lambda: idle(page))
    expected = min(before + 1, 20) if stored else before
    assert page.recent_model.rowCount() == expected


def test_a_held_lot_is_refused_in_red_with_its_reason(qtbot, floor) -> None:
    page = make_page(qtbot, floor, station="FILL-2")
    scan(qtbot, page, "LOT-2026-100202")
    assert page.verdict_kind == "nok"
    assert "LOT-2026-100202 is on hold: Water content 31 ppm" in page.verdict_text()
    assert "NOK" in page.verdict_text()


def test_a_fill_out_of_tolerance_is_nok_with_the_numbers(qtbot, floor) -> None:
    balance = Balance()
    assert isinstance(balance, StationDevices)
    page = make_page(qtbot, floor, devices=balance)
    assert not page.weight_panel.isHidden()
    balance.put("0.0")  # an empty pan before the first cell
    scan(qtbot, page, "CELL-26L0000010")
    assert page.verdict_kind == "ok"
    assert page.instruction.text() == "Put the cell on the balance"
    balance.put("811.9", stable=False)
    balance.put("812.3")
    assert page.instruction.text() == "Fill the cell, then put it back on the balance"
    balance.put("0.1")
    balance.put("995.0", stable=False)
    balance.put("994.1")
    qtbot.waitUntil(lambda: page.verdict_kind in ("ok", "nok") and idle(page))
    assert page.verdict_kind == "nok"
    assert "measured 181.8 g, target 180 +/- 1.5 g" in page.verdict_text()
    click(qtbot, page.weight_panel.zero_button)
    click(qtbot, page.weight_panel.tare_button)
    assert balance.commands == ["zero", "tare"]


def test_a_fill_within_tolerance_is_green_after_the_commit(qtbot, floor) -> None:
    balance = Balance()
    page = make_page(qtbot, floor, devices=balance)
    balance.put("0.0")
    scan(qtbot, page, "CELL-26L0000011")
    for grams in ("812.0", "0.0", "992.4"):
        balance.put(grams)
    qtbot.waitUntil(lambda: page.verdict_kind == "ok" and "Fill 180.4 g" in page.verdict_text())
    with floor.reading() as session:
        cell = session.scalar(select(Item).where(Item.business_id == "CELL-26L0000011"))
        assert cell.route_position == 2  # filled: the record was committed before the green


def test_without_a_balance_the_weight_panel_is_hidden(qtbot, floor) -> None:
    page = make_page(qtbot, floor)
    assert page.weight_panel.isHidden()


def test_no_operator_signed_in(qtbot, floor) -> None:
    page = make_page(qtbot, floor, actor=None, station="STACK-1")
    assert page.header.operator.text() == "No operator signed in"
    scan(qtbot, page, "CELL-26X0000001")
    assert page.verdict_kind == "nok" and "No operator signed in" in page.verdict_text()


def test_read_only_database_raises_the_alarm(qtbot, floor, sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    event.listen(engine, "connect", lambda c, _r: c.execute("PRAGMA query_only = ON"))
    broken = Database(sqlite_url, engine)
    page = make_page(qtbot, broken, station="STACK-1")
    scan(qtbot, page, "CELL-26X0000002", stored=False)
    assert page.verdict_kind == "alarm"
    assert "NOT RECORDED" in page.verdict_text() and "read-only" in page.verdict_text()
    broken.dispose()


def test_recent_scans_model(qtbot, qtmodeltester, floor) -> None:
    page = make_page(qtbot, floor, station="STACK-1")
    scan(qtbot, page, "CELL-26X0000003")
    scan(qtbot, page, "NOPE")
    assert page.recent_model.rowCount() >= 2
    qtmodeltester.check(page.recent_model)


def test_a_balance_silent_for_a_second_and_a_half_greys_the_weight(qtbot, floor) -> None:
    balance, clock = Balance(), Ticks()
    page = make_page(qtbot, floor, devices=balance, clock=clock)
    balance.put("12.5")
    qtbot.waitUntil(lambda: page.balance_state == "ok" and page.weight_panel.weight.text() != "--")
    clock.advance(1.4)
    qtbot.wait(250)  # two redraws of the panel: 1.4 s without a reading is still a balance
    assert page.balance_state == "ok"
    clock.advance(0.2)
    qtbot.waitUntil(lambda: page.balance_state == "silent")
    assert page.weight_panel.weight.text() == "--"
    assert "No reading from the balance" in page.weight_panel.stable.text()


def test_a_code_mangled_by_an_azerty_keyboard_is_refused_not_recorded(qtbot, floor) -> None:
    page = make_page(qtbot, floor, station="STACK-1")
    shown = page.recent_model.rowCount()
    mangled = "CELL-é-Xàààààà&"  # CELL-26X0000001 typed through the wrong keyboard layout
    type_code(qtbot, page, mangled)
    assert page.verdict_kind == "warn"
    words = page.verdict_text()
    assert "AZERTY" in words and "did you mean CELL-26X0000001?" in words, words
    assert "Nothing was recorded" in words
    assert page.recent_model.rowCount() == shown and page.entry.text() == ""
    with floor.reading() as session:
        codes = [mangled, "CELL-26X0000001"]
        assert session.scalars(select(ScanEvent).where(ScanEvent.code.in_(codes))).all() == []
    scan(qtbot, page, "CELL-26X0000001")  # scanned again on the right layout: recorded
    assert page.verdict_kind == "ok", page.verdict_text()
