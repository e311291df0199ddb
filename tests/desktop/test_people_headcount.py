"""Headcount on past dates is exact: the rule, effective-dated breakdowns, rates and forecast."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from desktop.domain import headcount as hc
from desktop.domain.messages import PermissionDenied
from desktop.domain.people import EmployeeInput, counts_on
from desktop.domain.roles import Role
from desktop.services import headcount, people, people_settings, requisitions
from desktop.services.actor import Actor

ADMIN = Actor.system()
OPERATOR = Actor("op", Role.OPERATOR)


def _hire(database, badge, hire, end=None, department="production", contract="CDI", crew="A",
          effective=None):  # fmt: skip
    with database.unit_of_work() as session:
        people.save_employee(
            session,
            ADMIN,
            EmployeeInput(
                badge, f"Person {badge}", department, "Opérateur", contract, hire, end, crew
            ),  # fmt: skip
            effective,
        )


def test_an_employee_counts_from_the_hire_date_to_the_last_day_worked() -> None:
    assert not counts_on(date(2025, 6, 3), None, date(2025, 6, 2))
    assert counts_on(date(2025, 6, 3), None, date(2025, 6, 3))
    assert counts_on(date(2025, 6, 3), date(2025, 7, 1), date(2025, 7, 1))
    assert not counts_on(date(2025, 6, 3), date(2025, 7, 1), date(2025, 7, 2))


def test_the_daily_series_equals_the_rule_applied_to_everyone() -> None:
    rng = random.Random(7)
    spans = []
    for _ in range(400):
        hire = date(2024, 1, 1) + timedelta(rng.randrange(900))
        end = hire + timedelta(rng.randrange(400)) if rng.random() < 0.3 else None
        spans.append((hire, end))
    series = hc.Spans.of(spans).series(date(2024, 1, 1), date(2026, 12, 31))
    for day, count in series[::7]:
        assert count == sum(counts_on(h, e, day) for h, e in spans)


def test_breakdowns_on_past_dates_use_the_assignment_in_force_then(database) -> None:
    _hire(database, "E1", date(2025, 1, 6), contract="interim", crew="A")
    _hire(database, "E2", date(2025, 6, 3), department="quality", crew=None)
    _hire(database, "E3", date(2025, 7, 1), end=date(2025, 12, 31), contract="CDD", crew="B")
    # E1 becomes a CDI in crew C on 1 October 2025; E2 moves to maintenance in 2026
    _hire(database, "E1", date(2025, 1, 6), contract="CDI", crew="C", effective=date(2025, 10, 1))
    _hire(database, "E2", date(2025, 6, 3), department="maintenance", crew=None,
          effective=date(2026, 2, 1))  # fmt: skip
    with database.reading() as session:
        before_opening = headcount.headcount_at(session, ADMIN, date(2025, 6, 2))
        opening = headcount.headcount_at(session, ADMIN, date(2025, 6, 3))
        autumn = headcount.headcount_at(session, ADMIN, date(2025, 10, 1))
        last_day = headcount.headcount_at(session, ADMIN, date(2025, 12, 31))
        new_year = headcount.headcount_at(session, ADMIN, date(2026, 1, 1))
        later = headcount.headcount_at(session, ADMIN, date(2026, 3, 1))
    assert before_opening.headcount == 1 and before_opening.by_contract["interim"] == 1
    assert opening.headcount == 2 and opening.target == 1000
    assert opening.by_department == {
        "production": 1, "quality": 1, "maintenance": 0, "logistics": 0, "engineering": 0,
        "support": 0,
    }  # fmt: skip
    assert autumn.headcount == 3
    assert autumn.by_contract == {"CDI": 2, "CDD": 1, "interim": 0, "apprentice": 0}
    assert autumn.by_crew["C"] == 1 and autumn.by_crew["A"] == 0 and autumn.by_crew["none"] == 1
    assert last_day.headcount == 3 and new_year.headcount == 2
    assert new_year.by_department["quality"] == 1
    assert later.by_department["maintenance"] == 1 and later.by_department["quality"] == 0


def test_a_change_cannot_take_effect_before_one_already_recorded(database) -> None:
    _hire(database, "E1", date(2025, 1, 6), contract="CDD")
    _hire(database, "E1", date(2025, 1, 6), contract="CDI", effective=date(2025, 9, 1))
    with pytest.raises(Exception, match="a change from 2025-09-01 is recorded already"):
        _hire(database, "E1", date(2025, 1, 6), contract="interim", effective=date(2025, 8, 1))


def test_open_requisitions_count_on_the_days_they_were_open(database) -> None:
    with database.unit_of_work() as session:
        requisitions.open_requisition(
            session, ADMIN, "req-1", "production", "Opérateur", "CDI", 3, date(2025, 5, 1)
        )
        requisitions.close_requisition(session, ADMIN, "REQ-1", "filled", date(2025, 7, 1))
        requisitions.open_requisition(
            session, ADMIN, "REQ-2", "quality", "Technicien", "CDI", 1, date(2025, 6, 15)
        )
    with database.reading() as session:
        june = headcount.headcount_at(session, ADMIN, date(2025, 6, 20))
        july = headcount.headcount_at(session, ADMIN, date(2025, 7, 1))
    assert june.open_requisitions == 4 and june.open_requisitions_by_department["production"] == 3
    assert july.open_requisitions == 1


def test_an_operator_may_not_see_the_headcount(database) -> None:
    with database.reading() as session, pytest.raises(PermissionDenied):
        headcount.headcount_at(session, OPERATOR, date(2025, 6, 3))


def test_forecast_at_current_rates() -> None:
    today = date(2026, 11, 25)
    steady = hc.Rates(90, hires=90, leavers=0, average_headcount=650)  # 1 hire a day
    assert hc.forecast_date(650, 1000, steady, today) == today + timedelta(days=350)
    with_attrition = hc.Rates(90, hires=90, leavers=9, average_headcount=650)
    reached = hc.forecast_date(650, 1000, with_attrition, today)
    assert reached is not None and reached > today + timedelta(days=350)
    # the curve of the forecast crosses the target on the forecast date
    curve = hc.forecast_series(650, 1000, with_attrition, today, reached + timedelta(days=60))
    assert curve[0][1] == pytest.approx(650)
    crossing = next(d for d, v in curve if v >= 1000)
    assert abs((crossing - reached).days) <= 30
    # attrition balancing hiring below the target: never at these rates
    stuck = hc.Rates(90, hires=9, leavers=9, average_headcount=650)
    assert hc.forecast_date(650, 1000, stuck, today) is None
    assert hc.forecast_date(1000, 1000, stuck, today) == today


def test_capacity_plan_uses_the_staff_per_gwh_ratio(database) -> None:
    with database.unit_of_work() as session:
        overview = headcount.headcount_overview(session, ADMIN, date(2026, 1, 1))
        assert [(n.gwh, n.staff) for n in overview.capacity_plan] == [
            (10.0, 1000), (24.0, 2400), (30.0, 3000)
        ]  # fmt: skip
        people_settings.save_people_settings(session, ADMIN, staff_per_gwh_value=80)
        overview = headcount.headcount_overview(session, ADMIN, date(2026, 1, 1))
    assert [n.staff for n in overview.capacity_plan] == [800, 1920, 2400]


def test_the_demo_has_650_people_today_and_a_plan_to_1000(demo_database) -> None:
    with demo_database.reading() as session:
        overview = headcount.headcount_overview(session, ADMIN)
    snapshot = overview.snapshot
    assert snapshot.headcount == 650 and snapshot.target == 1000
    assert overview.history[0][0] == date(2025, 6, 3) and 0 < overview.history[0][1] < 650
    assert overview.history[-1][1] == 650
    assert overview.plan[-1][1] == 1000
    assert snapshot.by_department["production"] > snapshot.by_department["quality"] > 0
    assert snapshot.by_contract["CDI"] > snapshot.by_contract["CDD"] > 0
    assert overview.forecast_date is not None and overview.forecast_date > snapshot.date
    assert snapshot.open_requisitions > 0
