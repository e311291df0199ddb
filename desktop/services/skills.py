"""Skills: certifications per station type (trainee, qualified, trainer; with an expiry), the
skills matrix, and whether an employee may sign in at a station (an operator works
only at stations they are certified for, and certificates expire; a supervisor may override,
with a reason in the audit trail)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, Message, NotFoundError
from desktop.domain.people import WORKING_LEVELS, Level, certificate_state, counts_on
from desktop.domain.plant import STATION_TYPES, check_station_type
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.people import ANONYMISED, EmployeeView, read_employees, record_list_view
from desktop.services.shifts import plant_today
from desktop.storage.models import StationType
from desktop.storage.models.people import Certification, Employee


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
    personal_view: bool = False  # HR's view: recorded by `skills_matrix` (GDPR)


def station_type_name(code: str) -> str:
    for info in STATION_TYPES:
        if info.code == code:
            return info.name
    return code


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

    Supervisors, HR and admin see everyone; an operator sees their own row only. HR's view is
    recorded in the audit trail, as the employees list's is.
    """
    matrix = read_skills_matrix(session, actor, on, department)
    if matrix.personal_view:
        record_list_view(session, actor)
    return matrix


def read_skills_matrix(
    session: Session, actor: Actor, on: date | None = None, department: str | None = None
) -> SkillsMatrix:
    """`skills_matrix` without recording the view (the caller does, with `record_list_view`,
    once the matrix is shown): reads only."""
    on = on or plant_today(session)
    employees, personal_view = read_employees(session, actor, on=on)
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
    return SkillsMatrix(on, types, employees, cells, personal_view)


def certification_problem(
    session: Session, employee_id: int, station_type: str, on: date
) -> Message | None:
    """Why this employee may not sign in at a station of `station_type` on `on`, or None.

    None when they are employed that day and hold a qualified or trainer certification for the
    station type, valid on that day (valid_until is the last valid day). Called by the station
    sign-in (an operator works only at stations they are certified for, and
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
