"""Headcount: the exact count of a day toward the staffing target, each employee in the
assignment in force that day, its history since the plant opened, rates, forecast and the
capacity plan. Aggregates only (no names), so supervisors and QA may see them too."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.domain import headcount as hc
from desktop.domain.people import CONTRACTS, DEPARTMENTS, PLANT_OPENING
from desktop.domain.roles import Permission
from desktop.services.actor import Actor
from desktop.services.employee_history import crew_ids
from desktop.services.people_settings import expansion_gwh, staff_per_gwh
from desktop.services.plant import default_site
from desktop.services.requisitions import (
    RequisitionView,
    hiring_plan,
    list_requisitions,
    open_positions,
)
from desktop.services.shifts import plant_today
from desktop.storage.models.people import Employee, EmployeeAssignment


@dataclass(frozen=True)
class HeadcountSnapshot:
    """The figures of one day, keyed by codes (`production`, `CDI`, crew `A`, `none`)."""

    date: date
    headcount: int
    target: int
    by_department: dict[str, int]
    by_contract: dict[str, int]
    by_crew: dict[str, int]
    open_requisitions: int
    open_requisitions_by_department: dict[str, int]

    def as_json(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "headcount": self.headcount,
            "target": self.target,
            "gap": self.target - self.headcount,
            "by_department": self.by_department,
            "by_contract": self.by_contract,
            "by_crew": self.by_crew,
            "open_requisitions": self.open_requisitions,
            "open_requisitions_by_department": self.open_requisitions_by_department,
        }


@dataclass(frozen=True)
class HeadcountOverview:
    """Everything the People page's headcount view shows."""

    snapshot: HeadcountSnapshot
    history: list[tuple[date, int]]
    plan: list[tuple[date, int]]
    rates: hc.Rates
    forecast_date: date | None
    forecast: list[tuple[date, float]]
    capacity_gwh: float
    staff_per_gwh: float
    capacity_plan: list[hc.CapacityNeed]
    hires_12_months: int
    leavers_12_months: int
    annual_attrition_12_months: float
    requisitions: list[RequisitionView] = field(default_factory=list)


def _spans(session: Session) -> hc.Spans:
    return hc.Spans.of(session.execute(select(Employee.hire_date, Employee.end_date)).all())


def _in_force(session: Session, day: date) -> dict[int, tuple[str, str, int | None]]:
    """Employee id -> (department, contract, crew_id) in force on `day`, for those counted.

    The assignment in force is the latest with valid_from <= day; the first one holds when all
    start after `day` (a hire date corrected to an earlier day than the first assignment). An
    employee without assignments (a minimal record made with a user account) counts with the
    values of its row.
    """
    counted = (
        select(Employee.id, Employee.department, Employee.contract, Employee.crew_id)
        .where(Employee.hire_date <= day)
        .where(or_(Employee.end_date.is_(None), Employee.end_date >= day))
    )
    in_force: dict[int, tuple[str, str, int | None]] = {
        employee_id: (department, contract, crew_id)
        for employee_id, department, contract, crew_id in session.execute(counted)
    }
    rows = session.execute(
        select(
            EmployeeAssignment.employee_id,
            EmployeeAssignment.valid_from,
            EmployeeAssignment.department,
            EmployeeAssignment.contract,
            EmployeeAssignment.crew_id,
        )
        .where(
            EmployeeAssignment.employee_id.in_(select(counted.subquery().c.id).scalar_subquery())
        )
        .order_by(EmployeeAssignment.employee_id, EmployeeAssignment.valid_from)
    ).all()
    seen: set[int] = set()
    for employee_id, valid_from, department, contract, crew_id in rows:
        if employee_id not in seen or valid_from <= day:
            in_force[employee_id] = (department, contract, crew_id)
            seen.add(employee_id)
    return in_force


def headcount_at(session: Session, actor: Actor, day: date | None = None) -> HeadcountSnapshot:
    """The exact headcount of `day` and its breakdowns, each employee in the assignment in
    force that day. Aggregates only: no names, so supervisors and QA may see it too."""
    actor.require(Permission.VIEW_HEADCOUNT)
    day = day or plant_today(session)
    site = default_site(session)
    in_force = _in_force(session, day)
    crew_codes = {v: k for k, v in crew_ids(session).items()}
    by_department = dict.fromkeys(DEPARTMENTS, 0)
    by_contract = dict.fromkeys(CONTRACTS, 0)
    by_crew = dict.fromkeys(sorted(crew_codes.values()), 0) | {"none": 0}
    for department, contract, crew_id in in_force.values():
        by_department[department] = by_department.get(department, 0) + 1
        by_contract[contract] = by_contract.get(contract, 0) + 1
        crew = crew_codes.get(crew_id, "none") if crew_id else "none"
        by_crew[crew] = by_crew.get(crew, 0) + 1
    open_by_department = open_positions(session, day)
    return HeadcountSnapshot(
        date=day,
        headcount=len(in_force),
        target=site.staffing_target,
        by_department=by_department,
        by_contract=by_contract,
        by_crew=by_crew,
        open_requisitions=sum(open_by_department.values()),
        open_requisitions_by_department=open_by_department,
    )


def headcount_history(
    session: Session, actor: Actor, first: date | None = None, last: date | None = None
) -> list[tuple[date, int]]:
    """The headcount of every day since the plant opened (3 June 2025) or `first`."""
    actor.require(Permission.VIEW_HEADCOUNT)
    last = last or plant_today(session)
    return _spans(session).series(first or PLANT_OPENING, last)


def headcount_overview(
    session: Session, actor: Actor, today: date | None = None
) -> HeadcountOverview:
    """Today's figures, the history since opening, the plan, rates, forecast, capacity plan."""
    actor.require(Permission.VIEW_HEADCOUNT)
    today = today or plant_today(session)
    site = default_site(session)
    snapshot = headcount_at(session, actor, today)
    spans = _spans(session)
    history = spans.series(min(PLANT_OPENING, today), today)
    plan = hiring_plan(session, actor)
    rates_now = hc.rates(spans, today)
    forecast_on = hc.forecast_date(snapshot.headcount, site.staffing_target, rates_now, today)
    plan_end = plan[-1][0] if plan else today
    horizon = max(forecast_on or today, plan_end, today + timedelta(days=365))
    year_ago = today - timedelta(days=365)
    year = hc.rates(spans, today, 365)
    ratio = staff_per_gwh(session)
    return HeadcountOverview(
        snapshot=snapshot,
        history=history,
        plan=plan,
        rates=rates_now,
        forecast_date=forecast_on,
        forecast=hc.forecast_series(
            snapshot.headcount, site.staffing_target, rates_now, today, horizon
        ),
        capacity_gwh=site.capacity_gwh,
        staff_per_gwh=ratio,
        capacity_plan=hc.capacity_plan(ratio, (site.capacity_gwh, *expansion_gwh(session))),
        hires_12_months=spans.hires_between(year_ago + timedelta(days=1), today),
        leavers_12_months=year.leavers,
        annual_attrition_12_months=year.annual_attrition,
        requisitions=list_requisitions(session, actor, open_only=True),
    )
