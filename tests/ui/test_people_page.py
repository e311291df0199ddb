"""The People page in a real (offscreen) QApplication on the demo database."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.services.actor import Actor
from desktop.storage.models.people import Employee
from desktop.storage.models.security import AuditEntry
from tests.demo_kit import seeded_database
from tests.people_kit import add_user
from tests.ui.area_kit import show_area
from ui.pages.people import PeoplePage, create_area


@pytest.fixture
def people_database(sqlite_url: str):  # noqa: ANN201
    """Only the demo's people (the whole demo plant takes longer to seed)."""
    from desktop.services.people_demo import seed_people

    with seeded_database(sqlite_url, seed_people) as database:
        yield database


def _page(qtbot, database, actor: Actor) -> PeoplePage:  # noqa: ANN001
    return show_area(qtbot, create_area, database, actor, "people", (1370, 900))


def test_hr_sees_the_trajectory_to_1000(qtbot, qtmodeltester, people_database, tmp_path) -> None:
    page = _page(qtbot, people_database, Actor("hr", Role.HR))
    tab = page.headcount
    assert tab is not None
    qtbot.waitUntil(lambda: tab.overview is not None, timeout=10_000)
    xs, ys = tab.chart.history.getData()
    assert ys[-1] == 650 and len(xs) == len(tab.overview.history)
    assert tab.chart.target.value() == 1000
    _px, plan = tab.chart.plan.getData()
    assert plan[-1] == 1000
    _fx, forecast = tab.chart.forecast.getData()
    assert forecast[0] == 650 and forecast[-1] >= 1000
    assert tab.headcount_tile.value.text() == "650"
    assert tab.target_tile.value.text() == "1,000"
    assert tab.departments.rowCount() == 6 and tab.contracts.rowCount() == 4
    assert sum(r.count for r in tab.departments.records()) == 650
    for model in (tab.departments, tab.contracts, tab.crews, tab.capacity, tab.requisitions):
        qtmodeltester.check(model)
    page.grab().save(str(tmp_path / "people.png"))

    # breakdowns of a past day
    tab.day.setDate(tab.day.date().addDays(-365))
    qtbot.waitUntil(lambda: sum(r.count for r in tab.departments.records()) < 650, timeout=5000)

    book = tmp_path / "people.xlsx"
    tab.export_to(book)
    qtbot.waitUntil(lambda: tab.export_button.isEnabled() and book.exists(), timeout=10_000)
    assert load_workbook(book)["Headcount"]["B3"].value == 1000

    page.tabs.setCurrentWidget(page.skills)
    qtbot.waitUntil(lambda: page.skills.model.rowCount() > 100, timeout=10_000)
    qtmodeltester.check(page.skills.model)
    counts = page.skills.model.counts()
    assert all(counts.values())  # some expired, some expiring soon, most valid
    page.tabs.setCurrentWidget(page.employees)
    qtbot.waitUntil(lambda: page.employees.model.rowCount() == 650, timeout=10_000)
    assert page.employees.model.columnCount() == 8  # contract and dates for HR
    with people_database.reading() as session:
        viewers = set(
            session.scalars(select(AuditEntry.username).where(AuditEntry.action == "view"))
        )
    assert viewers == {"hr"}


def test_a_supervisor_sees_names_crews_and_skills_but_no_contracts(qtbot, people_database) -> None:
    page = _page(qtbot, people_database, Actor("sup", Role.SUPERVISOR))
    page.tabs.setCurrentWidget(page.employees)
    qtbot.waitUntil(lambda: page.employees.model.rowCount() == 650, timeout=10_000)
    assert page.employees.model.columnCount() == 5
    assert page.employees.model.record(0).contract is None


def test_an_operator_sees_only_their_own_record(qtbot, people_database) -> None:
    with people_database.reading() as session:
        employee_id = session.scalar(select(Employee.id).where(Employee.badge == "E10001"))
    operator = add_user(people_database, "op-test", Role.OPERATOR, employee_id, display_name="Op")
    page = _page(qtbot, people_database, operator)
    assert page.headcount is None
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["My record", "My skills"]
    qtbot.waitUntil(lambda: page.employees.model.rowCount() == 1, timeout=10_000)
    assert page.employees.model.record(0).badge == "E10001"
    page.tabs.setCurrentWidget(page.skills)
    page.skills.department.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.skills.model.rowCount() == 1, timeout=10_000)
