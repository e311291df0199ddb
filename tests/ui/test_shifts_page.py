"""The Shifts page and the Admin shifts tab in a real (offscreen) QApplication on the demo plant."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desktop.config import defaults
from desktop.context import AppContext
from desktop.domain.roles import Role
from desktop.services.actor import Actor
from tests.demo_kit import seeded_database, seeded_url
from tests.ui.area_kit import show_area
from ui.pages import admin_shifts
from ui.pages.shifts import ShiftsPage, create_area


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from desktop.services.demo import seed_demo

    return seeded_url(tmp_path_factory.mktemp("shifts-ui"), seed_demo)


@pytest.fixture
def demo_db(demo_url: str):  # noqa: ANN201
    with seeded_database(demo_url) as database:
        yield database


def _page(qtbot, database, actor: Actor) -> ShiftsPage:  # noqa: ANN001
    return show_area(qtbot, create_area, database, actor, "shifts")


def _supervisors_roster(qtbot, database) -> ShiftsPage:  # noqa: ANN001
    """The Shifts page as the office supervisor sees it, once the shift's roster has loaded."""
    page = _page(qtbot, database, Actor("supervisor", Role.SUPERVISOR, "OFFICE"))
    qtbot.waitUntil(
        lambda: page.loaded is not None and page.loaded.roster is not None, timeout=15_000
    )
    return page


def test_a_supervisor_sees_planned_against_present_and_the_unacknowledged_handovers(
    qtbot, qtmodeltester, demo_db
) -> None:
    page = _supervisors_roster(qtbot, demo_db)
    roster = page.loaded.roster
    assert roster.in_progress and roster.planned > 50
    assert page.people_model.rowCount() == len(roster.rows)
    assert page.stations_model.rowCount() == 19
    qtmodeltester.check(page.people_model)
    qtmodeltester.check(page.stations_model)
    assert f"{roster.present}" in page.headline.text()
    # the last finished shift's handovers were submitted and not acknowledged
    assert page.pending.isVisible() and page.pending_button.isVisible()
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Roster and attendance",
        "Badge clock",
        "Handover",
        "Crew calendar",
    ]
    absent = [r for r in roster.rows if r.state == "absent"]
    if absent:
        row = roster.rows.index(absent[0])
        colour = page.people_model.data(
            page.people_model.index(row, 0), Qt.ItemDataRole.ForegroundRole
        )
        assert colour.color().name() == "#c62828"
    page.open_pending()
    qtbot.waitUntil(
        lambda: page.loaded is not None and page.loaded.handover is not None, timeout=15_000
    )
    assert page.tabs.currentWidget() is page.handover
    assert page.loaded.handover.status == "submitted"
    assert page.handover.ack_button.isEnabled()


def test_the_badge_clock_takes_a_wedge_scan(qtbot, demo_db) -> None:
    page = _supervisors_roster(qtbot, demo_db)
    absent = next((r for r in page.loaded.roster.rows if r.state == "absent"), None)
    badge = absent.badge if absent else page.loaded.roster.rows[0].badge
    page.tabs.setCurrentWidget(page.clock)
    qtbot.keyClicks(page.clock.badge, badge)
    qtbot.keyClick(page.clock.badge, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.clock.clockings) == 1, timeout=10_000)
    text = page.clock.result.text()
    assert "clocked" in text or "already recorded" in text
    assert page.badge_scanned("UNKNOWN-1") is True
    qtbot.waitUntil(lambda: "Unknown badge" in page.clock.result.text(), timeout=10_000)


def test_the_shift_report_from_the_page(qtbot, demo_db, tmp_path: Path) -> None:
    page = _supervisors_roster(qtbot, demo_db)
    page.export_xlsx(str(tmp_path / "r.xlsx"))
    qtbot.waitUntil(lambda: getattr(page, "exported", None) == tmp_path / "r.xlsx", timeout=15_000)
    assert "Production per station" in load_workbook(tmp_path / "r.xlsx").sheetnames
    page.export_pdf(str(tmp_path / "r.pdf"))
    qtbot.waitUntil(lambda: getattr(page, "exported", None) == tmp_path / "r.pdf", timeout=15_000)
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_an_operator_gets_only_the_badge_clock(qtbot, demo_db) -> None:
    page = _page(qtbot, demo_db, Actor("operator", Role.OPERATOR, "FILL-1"))
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["Badge clock"]
    assert not page.report_button.isVisible()


def test_the_admin_tab_shows_patterns_rotation_and_holidays(qtbot, demo_db) -> None:
    context = AppContext(demo_db, defaults(), Actor.system(), demo=True)
    label, page = admin_shifts.create_tab(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.holidays_model.rowCount() == 11, timeout=10_000)
    qtbot.waitUntil(lambda: len(page.time_edits) == 3, timeout=10_000)
    assert label == "Shifts and holidays"
    assert page.cycle.text() == "morning,morning,afternoon,afternoon,night,night,-,-,-,-"
    assert page.active_label.text() == "in use"
    page.pattern_combo.setCurrentIndex(page.pattern_combo.findData("2x12"))
    assert sorted(page.time_edits) == ["day", "night"]
    assert (
        admin_shifts.create_tab(
            AppContext(demo_db, defaults(), Actor("op", Role.OPERATOR), demo=True)
        )
        is None
    )


# --- writes are safe against a double click; times in plant time; typed text as typed ----------


@pytest.fixture
def demo_copy(demo_url: str, tmp_path: Path):  # noqa: ANN201
    """A private copy of the demo plant for tests that write."""
    import shutil

    from desktop.startup import open_database

    source = Path(demo_url.removeprefix("sqlite:///"))
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", tmp_path / f"copy.sqlite{suffix}")
    database = open_database("sqlite:///" + (tmp_path / "copy.sqlite").as_posix())
    yield database
    database.dispose()


def _handover_submits(database, uuid: str) -> int:  # noqa: ANN001
    from sqlalchemy import func, select

    from desktop.storage.models.security import AuditEntry

    with database.reading() as session:
        return session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(
                AuditEntry.object_type == "handover",
                AuditEntry.action == "submit",
                AuditEntry.object_id == uuid,
            )
        )


def _choose_first_line(qtbot, page: ShiftsPage) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: page.line_combo.count() > 1, timeout=15_000)
    page.line_combo.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: (
            page.loaded is not None
            and page.loaded.summary is not None
            or (page.loaded is not None and page.loaded.handover is not None)
        ),
        timeout=15_000,
    )


def test_a_double_click_on_hand_over_hands_over_once(qtbot, demo_copy) -> None:
    author = "<b>chef</b> équipe"
    page = _page(qtbot, demo_copy, Actor(author, Role.SUPERVISOR, "OFFICE"))
    _choose_first_line(qtbot, page)
    panel = page.handover
    page.tabs.setCurrentWidget(panel)
    assert panel.submit_button.isEnabled(), panel.status.text()
    panel.notes.setPlainText("Pump P2 <noisy> & hot")
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    # the first click's write is in flight: nothing can send a second one
    assert panel.writing
    assert not panel.submit_button.isEnabled() and not panel.save_button.isEnabled()
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            not panel.writing
            and page.loaded.handover is not None
            and page.loaded.handover.status == "submitted"
        ),
        timeout=15_000,
    )
    assert page.ops.wait(10_000)
    view = page.loaded.handover
    assert _handover_submits(demo_copy, view.uuid) == 1
    assert view.notes == "Pump P2 <noisy> & hot" and view.author == author
    # the buttons are back as the submitted handover allows: still editable, not by its author
    assert panel.submit_button.isEnabled() and panel.save_button.isEnabled()
    # the author's name is shown as typed, not read as markup
    assert panel.status.textFormat() == Qt.TextFormat.PlainText
    assert author in panel.status.text()


def test_a_refused_handover_gives_its_buttons_back(qtbot, demo_copy) -> None:
    page = _page(qtbot, demo_copy, Actor("supervisor", Role.SUPERVISOR, "OFFICE"))
    _choose_first_line(qtbot, page)
    panel = page.handover
    # a shift that has not started yet: nothing to hand over, the service says so
    page.day.setDate(page.day.date().addDays(2))
    qtbot.waitUntil(
        lambda: page.loaded is not None and page.loaded.shift.day == page.day.date().toPython(),
        timeout=15_000,
    )
    assert panel.save_button.isEnabled()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert not panel.save_button.isEnabled()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=15_000)
    assert "has not started" in page.error.text()
    assert not panel.writing and panel.save_button.isEnabled() and panel.submit_button.isEnabled()


def test_a_badge_scanned_twice_while_recorded_clocks_once(qtbot, demo_copy) -> None:
    page = _supervisors_roster(qtbot, demo_copy)
    row = next(r for r in page.loaded.roster.rows if r.clock_in is None)
    page.tabs.setCurrentWidget(page.clock)
    for _ in range(2):  # a double Enter on the wedge, or a scanner bounce
        qtbot.keyClicks(page.clock.badge, row.badge)
        qtbot.keyClick(page.clock.badge, Qt.Key.Key_Return)
    assert page.clock.recording == 1
    qtbot.waitUntil(lambda: page.clock.recording == 0, timeout=10_000)
    assert page.ops.wait(10_000)
    qtbot.wait(50)  # anything still queued for the page is delivered now
    assert len(page.clock.clockings) == 1
    assert "clocked in" in page.clock.clockings[0]
    # the clocking's time is plant time (the site's zone, not UTC nor the PC's)
    from zoneinfo import ZoneInfo

    with demo_copy.reading() as session:
        from desktop.services.roster import employee_by_badge
        from desktop.storage.models.shifts import Attendance

        employee = employee_by_badge(session, row.badge)
        clocked = max(
            a.clock_in for a in session.query(Attendance).filter_by(employee_id=employee.id)
        )
    plant = clocked.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo("Europe/Paris"))
    assert f"at {plant:%H:%M}" in page.clock.clockings[0]
    # once recorded, the badge is taken again (the service calls it the same scan)
    page.clock.badge_scanned(row.badge)
    qtbot.waitUntil(lambda: len(page.clock.clockings) == 2, timeout=10_000)


def test_times_and_days_on_the_page_are_plant_time_and_typed_text_stays_text(
    qtbot, demo_db
) -> None:
    from zoneinfo import ZoneInfo

    from desktop.domain.plant_time import plant_date, utc_now

    page = _supervisors_roster(qtbot, demo_db)
    paris = ZoneInfo("Europe/Paris")
    shift = page.loaded.shift
    assert f"{shift.start.astimezone(paris):%d/%m %H:%M}" in page.headline.text()
    assert f"{shift.end.astimezone(paris):%d/%m %H:%M}" in page.headline.text()
    assert page.calendar.item(0, 0).text().endswith(f"{plant_date(utc_now(), paris):%d/%m/%Y}")
    for label in (page.headline, page.pending, page.error, page.clock.result, page.handover.status):
        assert label.textFormat() == Qt.TextFormat.PlainText
    page.tabs.setCurrentWidget(page.clock)
    assert page.badge_scanned("<script>?%") is True
    qtbot.waitUntil(lambda: "Unknown badge" in page.clock.result.text(), timeout=10_000)
    assert "<script>?%" in page.clock.result.text()
    from desktop.services.handover_summary import HandoverSummary

    summary = page.handover._summary_html(
        HandoverSummary("CELL-1", absent=("<b>Zoé</b>",), uncovered_stations=("S<1>",))
    )
    assert "&lt;b&gt;Zoé&lt;/b&gt;" in summary and "S&lt;1&gt;" in summary
