"""Scans that arrive faster than they are recorded, typed into the wedge field: every one queued
in arrival order, each with its own verdict and row, each under the user signed in when it was
scanned. How long the twenty take is bench/bench_station_devices.py's figure, not a test's."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.services.actor import Actor
from desktop.storage.models.genealogy import ScanEvent
from tests.ui.station_kit import Signed, idle, make_page, type_code

LUCIE = Actor("lucie.martin", Role.OPERATOR, station="STACK-1")
KARIM = Actor("karim.benali", Role.OPERATOR, station="STACK-1")


def _stored(database, prefix: str) -> list[tuple[str, str, str]]:
    with database.reading() as session:
        rows = session.execute(
            select(ScanEvent.code, ScanEvent.verdict, ScanEvent.username)
            .where(ScanEvent.code.like(f"{prefix}%"))
            .order_by(ScanEvent.id)
        ).all()
    return [tuple(row) for row in rows]


def test_twenty_scans_within_200_ms_get_twenty_verdicts_in_order(qtbot, floor) -> None:
    page = make_page(qtbot, floor, actor=LUCIE, station="STACK-1")
    codes = [f"CELL-26Q{i:07d}" for i in range(20)]
    verdicts: list[str] = []  # each new row of the last scans, as it appears on top
    page.recent_model.rowsInserted.connect(
        lambda _parent, first, _last: verdicts.append(page.recent_model.record(first).code)
    )
    seen_waiting: list[int] = []
    for index, code in enumerate(codes):  # 20 in ~180 ms
        QTimer.singleShot(index * 9, lambda code=code: type_code(qtbot, page, code))
    qtbot.waitUntil(lambda: len(seen_waiting) or page.waiting_count > 1, timeout=2000)
    seen_waiting.append(page.waiting_count)
    assert page.waiting.isVisible()
    assert str(page.waiting_count) in page.waiting.text()
    qtbot.waitUntil(lambda: len(verdicts) == 20 and idle(page), timeout=30_000)
    assert verdicts == codes
    assert page.recent_model.rowCount() == 20
    assert [page.recent_model.record(r).code for r in range(20)] == codes[::-1]
    assert [code for code, *_ in _stored(floor, "CELL-26Q")] == codes
    assert all(verdict == "ok" for _c, verdict, _u in _stored(floor, "CELL-26Q"))
    assert not page.waiting.isVisible()


def test_a_badge_switch_leaves_queued_scans_with_who_scanned_them(qtbot, floor) -> None:
    signed = Signed(LUCIE)
    page = make_page(qtbot, floor, station="STACK-1", who=signed)
    for i in range(5):
        type_code(qtbot, page, f"CELL-26R{i:07d}")
    signed.actor = KARIM  # the next operator badges in while Lucie's scans are queued
    page.set_operator(KARIM)
    for i in range(5, 8):
        type_code(qtbot, page, f"CELL-26R{i:07d}")
    qtbot.waitUntil(lambda: idle(page), timeout=10_000)
    users = [user for _code, _verdict, user in _stored(floor, "CELL-26R")]
    assert users == ["lucie.martin"] * 5 + ["karim.benali"] * 3


def test_a_sign_out_with_scans_queued_still_records_them(qtbot, floor) -> None:
    signed = Signed(LUCIE)
    page = make_page(qtbot, floor, station="STACK-1", who=signed)
    for i in range(4):
        type_code(qtbot, page, f"CELL-26S{i:07d}")
    signed.actor = None
    page.set_operator(None)
    qtbot.waitUntil(lambda: idle(page), timeout=10_000)
    assert [user for *_rest, user in _stored(floor, "CELL-26S")] == ["lucie.martin"] * 4


def test_typed_markup_is_shown_as_typed(qtbot, floor) -> None:
    page = make_page(qtbot, floor, actor=LUCIE, station="STACK-1")
    type_code(qtbot, page, "<script>?%")
    qtbot.waitUntil(lambda: idle(page) and page.verdict_kind == "nok")
    assert "<script>?%" in page.verdict_text()
    assert page.verdict.words.textFormat().name == "PlainText"


def test_last_scans_show_plant_time(qtbot, floor) -> None:
    page = make_page(qtbot, floor, actor=LUCIE, station="STACK-1")
    type_code(qtbot, page, "CELL-26T0000001")
    qtbot.waitUntil(lambda: idle(page) and page.recent_model.rowCount() > 0)
    record = page.recent_model.record(0)
    shown = page.recent_model.index(0, 0).data()
    assert shown == record.at.astimezone(ZoneInfo("Europe/Paris")).strftime("%H:%M:%S")
