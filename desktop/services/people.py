"""Employees and what each role may see of them, with effective-dated assignments
(desktop/services/employee_history.py) and the GDPR rules.

Who sees what (GDPR; README, "People"): HR and admin see contracts and personal details (hire and
end dates), and every such view is recorded in the audit trail; supervisors see names, departments,
jobs, crews and skills; an operator sees only their own record (`app_user.employee_id`). Audit rows
about employees hold the employee id and field names only (`personal=True`), so anonymising a leaver
erases them everywhere. Headcount, requisitions, skills and the People settings have modules of
their own (headcount.py, requisitions.py, skills.py, people_settings.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, NotFoundError, PermissionDenied
from desktop.domain.people import EmployeeInput, check_employee
from desktop.domain.roles import Permission, allowed
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.employee_history import apply_rows, crew_ids, plan_rows
from desktop.services.people_settings import anonymise_after_years
from desktop.services.shifts import plant_today
from desktop.storage.models.people import Certification, Employee, EmployeeAssignment
from desktop.storage.models.security import User

PERSONAL_FIELDS = ("contract", "hire_date", "end_date")
ANONYMISED = "anonymised"


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


def own_employee_id(session: Session, actor: Actor) -> int | None:
    """The employee record of the signed-in user (None for the system user, or no link)."""
    if actor.user_id is None:
        return None
    return session.scalar(select(User.employee_id).where(User.id == actor.user_id))


def require_sight_of(session: Session, actor: Actor, employee_id: int) -> None:
    """Supervisors, HR and admin see every employee; anyone else only themselves."""
    if allowed(actor.role, Permission.VIEW_EMPLOYEES):
        return
    if own_employee_id(session, actor) != employee_id:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Messages", "You may see only your own employee record")
        )


def record_view(session: Session, actor: Actor, object_id: str, fields: Iterable[str]) -> None:
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


def read_employees(
    session: Session,
    actor: Actor,
    *,
    on: date | None = None,
    include_leavers: bool = False,
) -> tuple[list[EmployeeView], bool]:
    """The employees the actor may see (those employed on `on`, default today, unless
    `include_leavers`), by name, and whether this is HR's view of personal details, which the
    caller records (`record_list_view`) once what was read is shown. Reads only."""
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
            return [], False
        query = select(Employee).where(Employee.id == own)
        personal = True
    crew_codes = {v: k for k, v in crew_ids(session).items()}
    views = [_view(e, crew_codes, personal) for e in session.scalars(query)]
    return views, bool(personal and views and allowed(actor.role, Permission.VIEW_PERSONAL_DATA))


def record_list_view(session: Session, actor: Actor) -> None:
    """GDPR: HR saw the list of employees with their personal details."""
    record_view(session, actor, "list", PERSONAL_FIELDS)


def list_employees(
    session: Session,
    actor: Actor,
    *,
    on: date | None = None,
    include_leavers: bool = False,
) -> list[EmployeeView]:
    """The employees the actor may see (`read_employees`). Contracts and dates only for
    HR/admin; their view is audited."""
    views, personal_view = read_employees(session, actor, on=on, include_leavers=include_leavers)
    if personal_view:
        record_list_view(session, actor)
    return views


def get_employee(session: Session, actor: Actor, badge: str) -> EmployeeView:
    employee = session.scalar(select(Employee).where(Employee.badge == badge.strip()))
    if employee is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown badge: {badge}"), badge=badge)
    require_sight_of(session, actor, employee.id)
    own = own_employee_id(session, actor) == employee.id
    personal = own or allowed(actor.role, Permission.VIEW_PERSONAL_DATA)
    if personal and not own:
        record_view(session, actor, str(employee.id), PERSONAL_FIELDS)
    return _view(employee, {v: k for k, v in crew_ids(session).items()}, personal)


def save_employee(
    session: Session, actor: Actor, item: EmployeeInput, effective: date | None = None
) -> EmployeeView:
    """Create an employee, or change one: a new department, job, contract or crew takes effect on
    `effective` (default today), so headcounts of earlier days keep the old assignment."""
    actor.require(Permission.EDIT_EMPLOYEES)
    crews = crew_ids(session)
    item = check_employee(item, crews)
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
    codes = {v: k for k, v in crew_ids(session).items()}
    rows = session.scalars(
        select(EmployeeAssignment)
        .where(EmployeeAssignment.employee_id == employee.id)
        .order_by(EmployeeAssignment.valid_from)
    )
    record_view(session, actor, str(employee.id), ("assignment_history",))
    return [
        (r.valid_from, r.department, r.job, r.contract, codes.get(r.crew_id) if r.crew_id else None)
        for r in rows
    ]


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
