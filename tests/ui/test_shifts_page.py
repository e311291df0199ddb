"""The Shifts page and the Admin shifts tab in a real (offscreen) QApplication on the demo plant."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from openpyxl import load_workbook  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from desktop.config import defaults  # noqa: E402
from desktop.context import AppContext  # noqa: E402
from desktop.domain.roles import Role  # noqa: E402
from desktop.services.actor import Actor  # noqa: E402
from desktop.tasks import Tasks  # noqa: E402
from ui.pages import admin_shifts  # noqa: E402
from ui.pages.shifts import ShiftsPage, create_area  # noqa: E402


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from desktop.services.database import open_database
    from desktop.services.demo import seed_demo

    url = "sqlite:///" + (tmp_path_factory.mktemp("shifts-ui") / "demo.sqlite").as_posix()
    database = open_database(url)
    seed_demo(database, Actor.system())
    database.dispose()
    return url


@pytest.fixture
def demo_db(demo_url: str):  # noqa: ANN201
    from desktop.services.database import open_database

    database = open_database(demo_url)
    yield database
    database.dispose()


def _page(qtbot, database, actor: Actor) -> ShiftsPage:  # noqa: ANN001
    context = AppContext(database, defaults(), Tasks(), actor, demo=True)
    area = create_area(context)
    assert area is not None and area.key == "shifts"
    page = area.page
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    return page


def test_a_supervisor_sees_planned_against_present_and_the_unacknowledged_handovers(
    qtbot, qtmodeltester, demo_db
) -> None:
    page = _page(qtbot, demo_db, Actor("supervisor", Role.SUPERVISOR, "OFFICE"))
    qtbot.waitUntil(
        lambda: page.loaded is not None and page.loaded.roster is not None, timeout=15_000
    )
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
    page = _page(qtbot, demo_db, Actor("supervisor", Role.SUPERVISOR, "OFFICE"))
    qtbot.waitUntil(
        lambda: page.loaded is not None and page.loaded.roster is not None, timeout=15_000
    )
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
    page = _page(qtbot, demo_db, Actor("supervisor", Role.SUPERVISOR, "OFFICE"))
    qtbot.waitUntil(
        lambda: page.loaded is not None and page.loaded.roster is not None, timeout=15_000
    )
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
    context = AppContext(demo_db, defaults(), Tasks(), Actor.system(), demo=True)
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
            AppContext(demo_db, defaults(), Tasks(), Actor("op", Role.OPERATOR), demo=True)
        )
        is None
    )
