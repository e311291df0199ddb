"""Changing the roster (supervisors, audited): plan someone on a shift at a station or take them
off it, an employee's usual station, and their crew from a day on.

The first change to a shift writes its whole plan down (`roster_shift` and its entries, see
desktop.services.roster), so every change applies to explicit rows and reading never writes.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, NotFoundError
from desktop.domain.people import EmployeeInput, counts_on
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.employee_history import crew_ids
from desktop.services.roster import (
    employee_by_badge,
    planned,
    station_ref,
    stations_by_id,
)
from desktop.services.shifts import ShiftInfo, ensure_not_closed, plant_today, shift_info
from desktop.storage.models.shifts import RosterEntry, RosterShift, StationPost


def _materialise(session: Session, actor: Actor, shift: ShiftInfo) -> RosterShift:
    """Write the shift's plan down (once), so a change applies to explicit rows."""
    people, stored = planned(session, shift)
    row = session.scalar(
        select(RosterShift).where(
            RosterShift.day == shift.day, RosterShift.shift_code == shift.code
        )
    )
    if stored and row is not None:
        return row
    row = RosterShift(
        day=shift.day,
        shift_code=shift.code,
        crew_id=crew_ids(session).get(shift.crew or ""),
        created_at=utc_now(),
        created_by=actor.username,
    )
    session.add(row)
    session.flush()
    session.add_all(
        RosterEntry(
            roster_shift_id=row.id,
            employee_id=p.employee_id,
            station_id=p.station.id if p.station else None,
        )
        for p in people
    )
    session.flush()
    return row


def assign(
    session: Session,
    actor: Actor,
    day: date,
    code: str,
    badge: str,
    station: str | None = None,
) -> None:
    """Plan an employee on a shift at a station (or move them there; no station: floating)."""
    actor.require(Permission.EDIT_ROSTER)
    shift = shift_info(session, day, code)
    ensure_not_closed(shift)
    employee = employee_by_badge(session, badge)
    if not counts_on(employee.hire_date, employee.end_date, shift.day):
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "{badge} is not employed on {day}"),
            badge=employee.badge,
            day=shift.day.isoformat(),
        )
    target = station_ref(session, station) if station else None
    roster = _materialise(session, actor, shift)
    entry = session.scalar(
        select(RosterEntry).where(
            RosterEntry.roster_shift_id == roster.id, RosterEntry.employee_id == employee.id
        )
    )
    stations = stations_by_id(session)
    old = None
    if entry is None:
        entry = RosterEntry(roster_shift_id=roster.id, employee_id=employee.id)
        session.add(entry)
        action = "create"
    else:
        old = stations[entry.station_id].code if entry.station_id in stations else None
        action = "update"
    entry.station_id = target.id if target else None
    session.flush()
    audit.record(
        session,
        actor,
        action,
        "roster_entry",
        f"{shift.day.isoformat()}/{shift.code}/{employee.id}",
        changes={"station": (old, target.code if target else None)},
    )


def unassign(session: Session, actor: Actor, day: date, code: str, badge: str) -> None:
    """Take an employee off a shift's plan (they are then neither expected nor absent)."""
    actor.require(Permission.EDIT_ROSTER)
    shift = shift_info(session, day, code)
    employee = employee_by_badge(session, badge)
    roster = _materialise(session, actor, shift)
    entry = session.scalar(
        select(RosterEntry).where(
            RosterEntry.roster_shift_id == roster.id, RosterEntry.employee_id == employee.id
        )
    )
    if entry is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "{badge} is not planned on this shift"),
            badge=employee.badge,
        )
    stations = stations_by_id(session)
    old = stations[entry.station_id].code if entry.station_id in stations else None
    session.execute(delete(RosterEntry).where(RosterEntry.id == entry.id))
    session.flush()
    audit.record(
        session,
        actor,
        "delete",
        "roster_entry",
        f"{shift.day.isoformat()}/{shift.code}/{employee.id}",
        changes={"station": (old, None)},
    )


def set_post(session: Session, actor: Actor, badge: str, station: str | None) -> None:
    """An employee's usual station (where the rotation's plan puts them)."""
    actor.require(Permission.EDIT_ROSTER)
    employee = employee_by_badge(session, badge)
    target = station_ref(session, station) if station else None
    row = session.get(StationPost, employee.id)
    stations = stations_by_id(session)
    old = stations[row.station_id].code if row is not None and row.station_id in stations else None
    if target is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(
            StationPost(employee_id=employee.id, station_id=target.id, updated_at=utc_now())
        )
    else:
        row.station_id, row.updated_at = target.id, utc_now()
    session.flush()
    new = target.code if target else None
    if old != new:
        audit.record(
            session,
            actor,
            "update" if old else "create",
            "station_post",
            str(employee.id),
            changes={"station": (old, new)},
        )


def set_crew(
    session: Session, actor: Actor, badge: str, crew: str | None, effective: date | None = None
) -> None:
    """Move an employee to another crew from `effective` on (default: today), through the People
    part's effective-dated assignments, so earlier shifts keep their plan."""
    from desktop.services.employee_history import apply_rows, plan_rows

    actor.require(Permission.EDIT_ROSTER)
    employee = employee_by_badge(session, badge)
    crews = crew_ids(session)
    crew = crew.strip().upper() if crew and crew.strip() else None
    if crew is not None and crew not in crews:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "{what} '{value}' is unknown; known: {known}"),
            what="crew",
            value=crew,
            known=", ".join(sorted(crews)),
        )
    effective = effective or plant_today(session)
    item = EmployeeInput(
        employee.badge,
        employee.name,
        employee.department,
        employee.job,
        employee.contract,
        employee.hire_date,
        employee.end_date,
        crew,
    )
    plan = plan_rows(session, [item], effective, crews)
    if plan.errors:
        raise plan.errors[0][1]
    result = apply_rows(session, plan)
    if result.changed:
        audit.record(
            session,
            actor,
            "update",
            "employee",
            str(employee.id),
            changes={"crew": None},
            personal=True,
        )
