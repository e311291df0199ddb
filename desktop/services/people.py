"""People: employees with effective-dated assignments, headcount toward the staffing target,
certifications per station type, requisitions, the hiring plan, and GDPR rules.

Who sees what (DOMAIN.md, GDPR): HR and admin see contracts and personal details (hire and end
dates), and every such view is recorded in the audit trail; supervisors see names, departments,
jobs, crews and skills; an operator sees only their own record (`app_user.employee_id`). Audit
rows about employees hold the employee id and field names only (`personal=True`), so
anonymising a leaver erases them everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from desktop.domain import headcount as hc
from desktop.domain.messages import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    InputError,
    Message,
    NotFoundError,
    PermissionDenied,
)
from desktop.domain.people import (
    CONTRACTS,
    DEPARTMENTS,
    PLANT_OPENING,
    WORKING_LEVELS,
    Level,
    certificate_state,
    check_badge,
    check_person_name,
    counts_on,
)
from desktop.domain.plant import STATION_TYPES, check_station_type
from desktop.domain.plant_time import plant_date, utc_now, zone
from desktop.domain.roles import Permission, allowed
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.plant import default_site, get_setting, put_setting
from desktop.storage.models import Crew, StationType
from desktop.storage.models.people import (
    Certification,
    Employee,
    EmployeeAssignment,
    HiringPlanPoint,
    Requisition,
)
from desktop.storage.models.security import User

if TYPE_CHECKING:
    from desktop.operations import Job

STAFF_PER_GWH_KEY = "people.staff_per_gwh"
ANONYMISE_AFTER_KEY = "people.anonymise_after_years"
EXPANSION_KEY = "people.expansion_gwh"
DEFAULT_ANONYMISE_AFTER_YEARS = 5
PERSONAL_FIELDS = ("contract", "hire_date", "end_date")
ASSIGNMENT_FIELDS = ("department", "job", "contract", "crew")
ANONYMISED = "anonymised"


# --- views -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmployeeView:
    """An employee as the actor may see them: contract and dates are None unless HR/admin or
    the employee themselves."""

    id: int
    badge: str
    name: str
    department: str
    job: str
    crew: str | None
    status: str
    contract: str | None = None
    hire_date: date | None = None
    end_date: date | None = None


@dataclass(frozen=True)
class CertificationView:
    employee_id: int
    station_type: str
    level: str
    valid_until: date | None
    state: str


@dataclass(frozen=True)
class SkillsMatrix:
    on: date
    station_types: list[tuple[str, str]]  # (code, English name)
    employees: list[EmployeeView]
    cells: dict[tuple[int, str], CertificationView]


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
class RequisitionView:
    code: str
    department: str
    job: str
    contract: str
    positions: int
    opened_on: date
    wanted_by: date | None
    status: str
    closed_on: date | None


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


# --- small helpers -----------------------------------------------------------------------------


def plant_today(session: Session) -> date:
    return plant_date(utc_now(), zone(default_site(session).time_zone))


def _crews(session: Session) -> dict[str, int]:
    site = default_site(session)
    return dict(session.execute(select(Crew.code, Crew.id).where(Crew.site_id == site.id)).all())


def station_type_name(code: str) -> str:
    for info in STATION_TYPES:
        if info.code == code:
            return info.name
    return code


def staff_per_gwh(session: Session) -> float:
    """People per GWh a year; by default the site's target over its capacity (1,000 / 10)."""
    stored = get_setting(session, STAFF_PER_GWH_KEY)
    if stored:
        return float(stored)
    site = default_site(session)
    return site.staffing_target / site.capacity_gwh if site.capacity_gwh else 0.0


def expansion_gwh(session: Session) -> tuple[float, ...]:
    stored = get_setting(session, EXPANSION_KEY)
    if stored:
        return tuple(float(v) for v in stored.split(","))
    return hc.DEFAULT_EXPANSION_GWH


def anonymise_after_years(session: Session) -> int:
    stored = get_setting(session, ANONYMISE_AFTER_KEY)
    return int(stored) if stored else DEFAULT_ANONYMISE_AFTER_YEARS


def save_people_settings(
    session: Session,
    actor: Actor,
    *,
    staff_per_gwh_value: float | None = None,
    anonymise_after: int | None = None,
    expansion: Sequence[float] | None = None,
) -> None:
    """The staff-per-GWh ratio, the years after which leavers are anonymised, the expansion."""
    actor.require(Permission.EDIT_EMPLOYEES)
    changes: dict[str, tuple[object, object]] = {}
    if staff_per_gwh_value is not None:
        if not 0 < staff_per_gwh_value <= 10_000:
            raise InputError(
                QT_TRANSLATE_NOOP("Messages", "Staff per GWh must be between 0 and 10,000")
            )
        changes[STAFF_PER_GWH_KEY] = (staff_per_gwh(session), staff_per_gwh_value)
        put_setting(session, STAFF_PER_GWH_KEY, repr(float(staff_per_gwh_value)))
    if anonymise_after is not None:
        if not 1 <= anonymise_after <= 50:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Leavers are anonymised after 1 to 50 years, not {years}"
                ),
                years=anonymise_after,
            )
        changes[ANONYMISE_AFTER_KEY] = (anonymise_after_years(session), anonymise_after)
        put_setting(session, ANONYMISE_AFTER_KEY, str(anonymise_after))
    if expansion is not None:
        if not expansion or any(not 0 < v <= 1000 for v in expansion):
            raise InputError(
                QT_TRANSLATE_NOOP("Messages", "Capacities must be between 0 and 1,000 GWh")
            )
        changes[EXPANSION_KEY] = (expansion_gwh(session), tuple(expansion))
        put_setting(session, EXPANSION_KEY, ",".join(repr(float(v)) for v in expansion))
    if changes:
        audit.record(session, actor, "update", "setting", "people", changes=changes)


def own_employee_id(session: Session, actor: Actor) -> int | None:
    """The employee record of the signed-in user (None for the system user, or no link)."""
    if actor.user_id is None:
        return None
    return session.scalar(select(User.employee_id).where(User.id == actor.user_id))


def _require_sight_of(session: Session, actor: Actor, employee_id: int) -> None:
    """Supervisors, HR and admin see every employee; anyone else only themselves."""
    if allowed(actor.role, Permission.VIEW_EMPLOYEES):
        return
    if own_employee_id(session, actor) != employee_id:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Messages", "You may see only your own employee record")
        )


def _record_view(session: Session, actor: Actor, object_id: str, fields: Iterable[str]) -> None:
    """GDPR: access to personal details (HR views) is recorded: who, when, which fields."""
    audit.record(
        session, actor, "view", "employee", object_id, changes=dict.fromkeys(fields), personal=True
    )


# --- employees ---------------------------------------------------------------------------------


def _view(employee: Employee, crew_codes: dict[int, str], personal: bool) -> EmployeeView:
    return EmployeeView(
        id=employee.id,
        badge=employee.badge,
        name=employee.name,
        department=employee.department,
        job=employee.job,
        crew=crew_codes.get(employee.crew_id) if employee.crew_id else None,
        status=employee.status,
        contract=employee.contract if personal else None,
        hire_date=employee.hire_date if personal else None,
        end_date=employee.end_date if personal else None,
    )


def list_employees(
    session: Session,
    actor: Actor,
    *,
    on: date | None = None,
    include_leavers: bool = False,
) -> list[EmployeeView]:
    """The employees the actor may see (those employed on `on`, default today, unless
    `include_leavers`), by name. Contracts and dates only for HR/admin; the view is audited."""
    on = on or plant_today(session)
    query = select(Employee).order_by(Employee.name, Employee.badge)
    if not include_leavers:
        query = query.where(
            Employee.hire_date <= on, or_(Employee.end_date.is_(None), Employee.end_date >= on)
        )
    personal = allowed(actor.role, Permission.VIEW_PERSONAL_DATA)
    if not allowed(actor.role, Permission.VIEW_EMPLOYEES):
        own = own_employee_id(session, actor)
        if own is None:
            return []
        query = select(Employee).where(Employee.id == own)
        personal = True
    crew_codes = {v: k for k, v in _crews(session).items()}
    views = [_view(e, crew_codes, personal) for e in session.scalars(query)]
    if personal and views and allowed(actor.role, Permission.VIEW_PERSONAL_DATA):
        _record_view(session, actor, "list", PERSONAL_FIELDS)
    return views


def get_employee(session: Session, actor: Actor, badge: str) -> EmployeeView:
    employee = session.scalar(select(Employee).where(Employee.badge == badge.strip()))
    if employee is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown badge: {badge}"), badge=badge)
    _require_sight_of(session, actor, employee.id)
    own = own_employee_id(session, actor) == employee.id
    personal = own or allowed(actor.role, Permission.VIEW_PERSONAL_DATA)
    if personal and not own:
        _record_view(session, actor, str(employee.id), PERSONAL_FIELDS)
    return _view(employee, {v: k for k, v in _crews(session).items()}, personal)


@dataclass(frozen=True)
class EmployeeInput:
    """What HR enters or an HR file holds for one employee (validated values)."""

    badge: str
    name: str
    department: str
    job: str
    contract: str
    hire_date: date
    end_date: date | None
    crew: str | None


def check_input(item: EmployeeInput, crews: dict[str, int]) -> EmployeeInput:
    """Validate a form's values as an HR file's line would be (same messages)."""
    if item.department not in DEPARTMENTS:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "{what} '{value}' is unknown; known: {known}"),
            what="department",
            value=item.department,
            known=", ".join(DEPARTMENTS),
        )
    if item.contract not in CONTRACTS:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "{what} '{value}' is unknown; known: {known}"),
            what="contract",
            value=item.contract,
            known=", ".join(CONTRACTS),
        )
    if item.crew is not None and item.crew not in crews:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "{what} '{value}' is unknown; known: {known}"),
            what="crew",
            value=item.crew,
            known=", ".join(sorted(crews)),
        )
    if item.end_date is not None and item.end_date < item.hire_date:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "end_date {end} is before hire_date {hire}"),
            end=item.end_date.isoformat(),
            hire=item.hire_date.isoformat(),
        )
    return EmployeeInput(
        check_badge(item.badge),
        check_person_name(item.name),
        item.department,
        " ".join(item.job.split())[:100],
        item.contract,
        item.hire_date,
        item.end_date,
        item.crew,
    )


def save_employee(
    session: Session, actor: Actor, item: EmployeeInput, effective: date | None = None
) -> EmployeeView:
    """Create an employee, or change one: a new department, job, contract or crew takes effect on
    `effective` (default today), so headcounts of earlier days keep the old assignment."""
    from desktop.services.people_import import apply_rows, plan_rows

    actor.require(Permission.EDIT_EMPLOYEES)
    crews = _crews(session)
    item = check_input(item, crews)
    effective = effective or plant_today(session)
    plan = plan_rows(session, [item], effective, crews)
    if plan.errors:
        raise plan.errors[0][1]
    result = apply_rows(session, plan)
    employee = session.scalar(select(Employee).where(Employee.badge == item.badge))
    assert employee is not None
    if result.created or result.changed:
        audit.record(
            session,
            actor,
            "create" if result.created else "update",
            "employee",
            str(employee.id),
            changes=dict.fromkeys(result.fields),
            personal=True,
        )
    return _view(employee, {v: k for k, v in crews.items()}, True)


def assignment_history(
    session: Session, actor: Actor, badge: str
) -> list[tuple[date, str, str, str, str | None]]:
    """(valid_from, department, job, contract, crew) of an employee, oldest first (HR only)."""
    actor.require(Permission.VIEW_PERSONAL_DATA)
    employee = session.scalar(select(Employee).where(Employee.badge == badge))
    if employee is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown badge: {badge}"), badge=badge)
    codes = {v: k for k, v in _crews(session).items()}
    rows = session.scalars(
        select(EmployeeAssignment)
        .where(EmployeeAssignment.employee_id == employee.id)
        .order_by(EmployeeAssignment.valid_from)
    )
    _record_view(session, actor, str(employee.id), ("assignment_history",))
    return [
        (r.valid_from, r.department, r.job, r.contract, codes.get(r.crew_id) if r.crew_id else None)
        for r in rows
    ]


# --- headcount ---------------------------------------------------------------------------------


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


def _open_requisitions(session: Session, day: date) -> dict[str, int]:
    """Open positions on `day` by department: opened on or before it, not yet filled or
    cancelled (closed_on after it)."""
    counts = dict.fromkeys(DEPARTMENTS, 0)
    for department, positions in session.execute(
        select(Requisition.department, func.sum(Requisition.positions))
        .where(Requisition.opened_on <= day)
        .where(or_(Requisition.closed_on.is_(None), Requisition.closed_on > day))
        .group_by(Requisition.department)
    ).all():
        counts[department] = int(positions or 0)
    return counts


def headcount_at(session: Session, actor: Actor, day: date | None = None) -> HeadcountSnapshot:
    """The exact headcount of `day` and its breakdowns, each employee in the assignment in
    force that day. Aggregates only: no names, so supervisors and QA may see it too."""
    actor.require(Permission.VIEW_HEADCOUNT)
    day = day or plant_today(session)
    site = default_site(session)
    in_force = _in_force(session, day)
    crew_codes = {v: k for k, v in _crews(session).items()}
    by_department = dict.fromkeys(DEPARTMENTS, 0)
    by_contract = dict.fromkeys(CONTRACTS, 0)
    by_crew = dict.fromkeys(sorted(crew_codes.values()), 0) | {"none": 0}
    for department, contract, crew_id in in_force.values():
        by_department[department] = by_department.get(department, 0) + 1
        by_contract[contract] = by_contract.get(contract, 0) + 1
        crew = crew_codes.get(crew_id, "none") if crew_id else "none"
        by_crew[crew] = by_crew.get(crew, 0) + 1
    open_by_department = _open_requisitions(session, day)
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


# --- requisitions and the hiring plan ----------------------------------------------------------


def _requisition_view(r: Requisition) -> RequisitionView:
    return RequisitionView(
        r.code,
        r.department,
        r.job,
        r.contract,
        r.positions,
        r.opened_on,
        r.wanted_by,
        r.status,
        r.closed_on,
    )


def list_requisitions(
    session: Session, actor: Actor, *, open_only: bool = False
) -> list[RequisitionView]:
    actor.require(Permission.VIEW_HEADCOUNT)
    query = select(Requisition).order_by(Requisition.opened_on, Requisition.code)
    if open_only:
        query = query.where(Requisition.status == "open")
    return [_requisition_view(r) for r in session.scalars(query)]


def open_requisition(
    session: Session,
    actor: Actor,
    code: str,
    department: str,
    job: str,
    contract: str,
    positions: int = 1,
    opened_on: date | None = None,
    wanted_by: date | None = None,
) -> RequisitionView:
    actor.require(Permission.EDIT_EMPLOYEES)
    code = code.strip().upper()
    if not code or len(code) > 32:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "A requisition id must have 1 to 32 characters")
        )
    if department not in DEPARTMENTS or contract not in CONTRACTS:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Unknown department or contract: {value}"),
            value=f"{department}, {contract}",
        )
    if not 1 <= positions <= 500:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A requisition has 1 to 500 positions"))
    if session.scalar(select(Requisition.id).where(Requisition.code == code)) is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Messages", "Requisition {code} already exists"), code=code
        )
    requisition = Requisition(
        code=code,
        department=department,
        job=" ".join(job.split())[:100],
        contract=contract,
        positions=positions,
        opened_on=opened_on or plant_today(session),
        wanted_by=wanted_by,
        status="open",
    )
    session.add(requisition)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "requisition",
        code,
        changes={"department": department, "job": requisition.job, "positions": positions},
    )
    return _requisition_view(requisition)


def close_requisition(
    session: Session, actor: Actor, code: str, status: str, on: date | None = None
) -> RequisitionView:
    """Mark a requisition filled or cancelled; it stops counting as open after `on`."""
    actor.require(Permission.EDIT_EMPLOYEES)
    if status not in ("filled", "cancelled"):
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "A requisition closes as filled or cancelled")
        )
    requisition = session.scalar(select(Requisition).where(Requisition.code == code))
    if requisition is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown requisition: {code}"), code=code)
    if requisition.status != "open":
        raise ConflictError(
            QT_TRANSLATE_NOOP("Messages", "Requisition {code} is already {status}"),
            code=code,
            status=requisition.status,
        )
    requisition.status, requisition.closed_on = status, on or plant_today(session)
    session.flush()
    audit.record(
        session, actor, "update", "requisition", code, changes={"status": ("open", status)}
    )
    return _requisition_view(requisition)


def hiring_plan(session: Session, actor: Actor) -> list[tuple[date, int]]:
    """(month, planned headcount) points, oldest first."""
    actor.require(Permission.VIEW_HEADCOUNT)
    return [
        (p.month, p.planned_headcount)
        for p in session.scalars(select(HiringPlanPoint).order_by(HiringPlanPoint.month))
    ]


def save_hiring_plan(
    session: Session, actor: Actor, points: Sequence[tuple[date, int]]
) -> list[tuple[date, int]]:
    """Replace the hiring plan with `points` (first day of each month, planned headcount)."""
    actor.require(Permission.EDIT_EMPLOYEES)
    cleaned: dict[date, int] = {}
    for month, planned in points:
        if not 0 <= planned <= 100_000:
            raise InputError(
                QT_TRANSLATE_NOOP("Messages", "A planned headcount of {value} is not possible"),
                value=planned,
            )
        cleaned[month.replace(day=1)] = planned
    old = hiring_plan(session, actor)
    session.execute(delete(HiringPlanPoint))
    if cleaned:
        session.execute(
            HiringPlanPoint.__table__.insert(),
            [{"month": m, "planned_headcount": n} for m, n in sorted(cleaned.items())],
        )
    audit.record(
        session,
        actor,
        "update",
        "hiring_plan",
        "plan",
        changes={"points": (len(old), len(cleaned))},
    )
    return sorted(cleaned.items())


# --- certifications ----------------------------------------------------------------------------


def set_certification(
    session: Session,
    actor: Actor,
    badge: str,
    station_type: str,
    level: str,
    valid_until: date | None,
) -> CertificationView:
    """Record or renew an employee's certification at a station type (HR, admin)."""
    actor.require(Permission.EDIT_EMPLOYEES)
    check_station_type(station_type)
    try:
        chosen = Level(level)
    except ValueError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Unknown certification level '{level}'; known: {known}"),
            level=level,
            known=", ".join(lv.value for lv in Level),
        ) from exc
    employee = session.scalar(select(Employee).where(Employee.badge == badge.strip()))
    if employee is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown badge: {badge}"), badge=badge)
    certification = session.scalar(
        select(Certification).where(
            Certification.employee_id == employee.id,
            Certification.station_type_code == station_type,
        )
    )
    if certification is None:
        certification = Certification(
            employee_id=employee.id,
            station_type_code=station_type,
            level=chosen.value,
            valid_until=valid_until,
            updated_at=utc_now(),
        )
        session.add(certification)
        changes = {"station_type": station_type, "level": chosen.value, "valid_until": valid_until}
        action = "create"
    else:
        changes = audit.diff(
            {"level": certification.level, "valid_until": certification.valid_until},
            {"level": chosen.value, "valid_until": valid_until},
        )
        certification.level, certification.valid_until = chosen.value, valid_until
        certification.updated_at = utc_now()
        action = "update"
    session.flush()
    if changes:
        audit.record(
            session,
            actor,
            action,
            "certification",
            f"{employee.id}/{station_type}",
            changes=changes,
            personal=True,
        )
    on = plant_today(session)
    return CertificationView(
        employee.id, station_type, chosen.value, valid_until, certificate_state(valid_until, on)
    )


def skills_matrix(
    session: Session, actor: Actor, on: date | None = None, department: str | None = None
) -> SkillsMatrix:
    """Employees employed on `on` x station types, each cell a certification and its state.

    Supervisors, HR and admin see everyone; an operator sees their own row only.
    """
    on = on or plant_today(session)
    employees = list_employees(session, actor, on=on)
    if department is not None:
        employees = [e for e in employees if e.department == department]
    ids = [e.id for e in employees]
    cells: dict[tuple[int, str], CertificationView] = {}
    for chunk_start in range(0, len(ids), 900):
        chunk = ids[chunk_start : chunk_start + 900]
        for c in session.scalars(select(Certification).where(Certification.employee_id.in_(chunk))):
            cells[(c.employee_id, c.station_type_code)] = CertificationView(
                c.employee_id,
                c.station_type_code,
                c.level,
                c.valid_until,
                certificate_state(c.valid_until, on),
            )
    types = [
        (t.code, t.name)
        for t in session.scalars(select(StationType).order_by(StationType.sequence))
    ]
    return SkillsMatrix(on, types, employees, cells)


def certification_problem(
    session: Session, employee_id: int, station_type: str, on: date
) -> Message | None:
    """Why this employee may not sign in at a station of `station_type` on `on`, or None.

    None when they are employed that day and hold a qualified or trainer certification for the
    station type, valid on that day (valid_until is the last valid day). Called by the station
    sign-in (DOMAIN.md: an operator works only at stations they are certified for, and
    certificates expire).
    """
    what = Message(station_type_name(station_type))
    employee = session.get(Employee, employee_id)
    if employee is None or employee.status == ANONYMISED:
        return Message(QT_TRANSLATE_NOOP("Messages", "No employee record for this user"))
    if not counts_on(employee.hire_date, employee.end_date, on):
        if employee.hire_date > on:
            return Message(
                QT_TRANSLATE_NOOP("Messages", "Not employed yet: starts on {date}"),
                {"date": employee.hire_date.isoformat()},
            )
        return Message(
            QT_TRANSLATE_NOOP("Messages", "No longer employed: last day was {date}"),
            {"date": employee.end_date.isoformat() if employee.end_date else ""},
        )
    certification = session.scalar(
        select(Certification).where(
            Certification.employee_id == employee_id,
            Certification.station_type_code == station_type,
        )
    )
    if certification is None:
        return Message(
            QT_TRANSLATE_NOOP("Messages", "Not qualified for {station_type}"),
            {"station_type": what},
        )
    if certification.level not in WORKING_LEVELS:
        return Message(
            QT_TRANSLATE_NOOP("Messages", "Only a trainee for {station_type}: not qualified yet"),
            {"station_type": what},
        )
    if certification.valid_until is not None and certification.valid_until < on:
        return Message(
            QT_TRANSLATE_NOOP("Messages", "Certificate for {station_type} expired on {date}"),
            {"station_type": what, "date": certification.valid_until.isoformat()},
        )
    return None


def record_certification_override(
    session: Session, actor: Actor, employee_id: int, station: str, reason: str
) -> None:
    """A supervisor lets an employee work at `station` for this session despite the
    certification problem; the override and its reason go to the audit trail."""
    actor.require(Permission.OVERRIDE_CERTIFICATION)
    reason = " ".join((reason or "").split())
    if len(reason) < 3:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Give a reason for letting this operator work here")
        )
    if session.get(Employee, employee_id) is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown employee: {id}"), id=employee_id)
    audit.record(
        session,
        actor,
        "override",
        "certification",
        str(employee_id),
        changes={"station": station},
        reason=reason,
    )


# --- GDPR: anonymising leavers -----------------------------------------------------------------


def anonymise_leavers(
    session: Session, actor: Actor, today: date | None = None, years: int | None = None
) -> int:
    """Erase the name, badge and job of everyone whose last day worked is more than `years`
    (the setting, default 5) years ago, and their certifications. Dates, department, contract
    and crew stay, so past headcounts stay exact; audit rows already hold ids only. Returns how
    many were anonymised; one audit row for the run."""
    actor.require(Permission.EDIT_EMPLOYEES)
    today = today or plant_today(session)
    years = years if years is not None else anonymise_after_years(session)
    try:
        limit = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year - years, day=28)
    ids = list(
        session.scalars(
            select(Employee.id).where(
                Employee.end_date.is_not(None),
                Employee.end_date < limit,
                Employee.status != ANONYMISED,
            )
        )
    )
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(delete(Certification).where(Certification.employee_id.in_(chunk)))
        session.execute(
            update(EmployeeAssignment)
            .where(EmployeeAssignment.employee_id.in_(chunk))
            .values(job="")
        )
        session.execute(
            update(Employee),
            [
                {
                    "id": i,
                    "badge": f"ANON-{i}",
                    "name": f"Anonymised {i}",
                    "job": "",
                    "status": ANONYMISED,
                }
                for i in chunk
            ],
        )
    if ids:
        audit.record_bulk(
            session,
            actor,
            "anonymise_leavers",
            "employee",
            counts={"anonymised": len(ids)},
            details={"left_before": limit, "employee_ids": ids},
        )
    return len(ids)


# --- the Excel export, as a long job ----------------------------------------------------------


def export_headcount_workbook(job: Job, path: Path, day: date | None = None) -> Path:
    """The headcount workbook (`people_export.export_xlsx`) on the long-job lane: it takes
    seconds on a full plant and must not hold a station's write behind it. Its one unit of work
    records who saw the personal details, as the page's views do."""
    from desktop.services.people_export import export_xlsx

    job.check()
    with job.database.unit_of_work() as session:
        return export_xlsx(session, job.actor, path, day)
