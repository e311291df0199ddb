"""Attendance: a badge scanned at the supervisor PC or at a station clocks in, and the next scan
clocks out; a supervisor corrects a clocking with a reason (audited).

A clock-in belongs to the shift the person is rostered on among those running or about to start
(domain.shifts.attribute_clock_in); the next scan within 18 hours closes it, whatever the clock
did in between (the times are UTC). A second scan within two minutes is the same scan again and
changes nothing. Scans are time records like production events: the row keeps the station and
its source; corrections go to the audit trail with old and new times and the reason.
"""

from __future__ import annotations

import uuid as uuid_module
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import shifts as rules
from desktop.domain.messages import QT_TRANSLATE_NOOP, ConflictError, InputError
from desktop.domain.people import counts_on
from desktop.domain.plant_time import plant_date, utc_now
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.roster import employee_by_badge, is_planned
from desktop.services.shifts import pattern_shifts, plant_zone, shift_info
from desktop.storage.models.shifts import Attendance

CORRECTION_MARGIN = timedelta(hours=6)


@dataclass(frozen=True)
class ClockResult:
    """What a badge scan did: `in`, `out`, or `repeat` (the same scan twice, nothing changed)."""

    badge: str
    name: str
    action: str
    day: date
    shift: str
    at: datetime
    planned: bool
    verdict: rules.Verdict | None


def clock(
    session: Session,
    actor: Actor,
    badge: str,
    at: datetime | None = None,
    station: str | None = None,
) -> ClockResult:
    """Clock the badge's owner in or out at `at` (default now) at `station` (default the
    actor's)."""
    actor.require(Permission.CLOCK_ATTENDANCE)
    at = at or utc_now()
    if at.tzinfo is None:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A clocking needs a time with its zone"))
    employee = employee_by_badge(session, badge)
    tz = plant_zone(session)
    if not counts_on(employee.hire_date, employee.end_date, plant_date(at, tz)):
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "{badge} is not employed on {day}"),
            badge=employee.badge,
            day=plant_date(at, tz).isoformat(),
        )
    station = station or actor.station
    latest = session.scalars(
        select(Attendance)
        .where(
            Attendance.employee_id == employee.id,
            Attendance.clock_in.is_not(None),
            Attendance.clock_in > at - rules.OPEN_CLOCK_IN_LIMIT,
            Attendance.clock_in <= at + timedelta(minutes=1),
        )
        .order_by(Attendance.clock_in.desc())
    ).first()
    if latest is not None:
        shift = shift_info(session, latest.day, latest.shift_code)
        planned = is_planned(session, employee.id, shift)
        if latest.clock_out is None:
            if at - latest.clock_in < rules.REPEATED_SCAN:
                return _result(employee, "repeat", latest, at, planned, shift)
            latest.clock_out = at
            latest.updated_at = utc_now()
            session.flush()
            return _result(employee, "out", latest, at, planned, shift)
        if abs(at - latest.clock_out) < rules.REPEATED_SCAN:
            return _result(employee, "repeat", latest, at, planned, shift)
    today = plant_date(at, tz)
    slots = rules.slots_between(
        today - timedelta(days=1), today + timedelta(days=1), pattern_shifts(session), tz
    )
    candidates = [s for s in slots if s.start - rules.CLOCK_IN_EARLY <= at < s.end]
    infos = {s.key: shift_info(session, s.day, s.code) for s in candidates}
    rostered = [key for key, info in infos.items() if is_planned(session, employee.id, info)]
    chosen = rules.attribute_clock_in(at, candidates, rostered)
    if chosen is None:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "No shift to clock in to at {moment}"),
            moment=at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
        )
    existing = _attendance_on(session, employee.id, chosen.day, chosen.code)
    if existing is not None and existing.clock_in is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{name} already clocked out of this shift; a supervisor corrects the times",
            ),
            name=employee.name,
        )
    if existing is None:
        existing = _new_attendance(session, employee.id, chosen.day, chosen.code, "badge")
    existing.clock_in, existing.clock_out = at, None
    existing.station, existing.updated_at = station, utc_now()
    session.flush()
    shift = infos[chosen.key]
    return _result(employee, "in", existing, at, chosen.key in set(rostered), shift)


def _attendance_on(session: Session, employee_id: int, day: date, code: str) -> Attendance | None:
    """A person's one attendance row on a shift (one per person, day and shift)."""
    return session.scalar(
        select(Attendance).where(
            Attendance.employee_id == employee_id,
            Attendance.day == day,
            Attendance.shift_code == code,
        )
    )


def _new_attendance(
    session: Session,
    employee_id: int,
    day: date,
    code: str,
    source: str,
    station: str | None = None,
) -> Attendance:
    """A person's attendance row on a shift, with the UUID that lets stations' rows merge."""
    row = Attendance(
        uuid=str(uuid_module.uuid4()),
        employee_id=employee_id,
        day=day,
        shift_code=code,
        source=source,
        station=station,
    )
    session.add(row)
    return row


def _result(employee, action, row, at, planned, shift) -> ClockResult:  # noqa: ANN001
    verdict = rules.judge(planned, shift.slot, row.clock_in, row.clock_out, at)
    return ClockResult(
        employee.badge, employee.name, action, row.day, row.shift_code, at, planned, verdict
    )


def correct(
    session: Session,
    actor: Actor,
    badge: str,
    day: date,
    code: str,
    clock_in: datetime | None,
    clock_out: datetime | None,
    reason: str,
) -> None:
    """A supervisor sets a person's clock-in and clock-out on a shift (a forgotten badge, a
    scan at the wrong terminal); both empty records them as not there. Audited with the
    reason."""
    actor.require(Permission.CORRECT_ATTENDANCE)
    reason = " ".join((reason or "").split())
    if len(reason) < 3:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "Give a reason for the correction"))
    shift = shift_info(session, day, code)
    employee = employee_by_badge(session, badge)
    for moment in (clock_in, clock_out):
        if moment is None:
            continue
        if moment.tzinfo is None:
            raise InputError(QT_TRANSLATE_NOOP("Messages", "A clocking needs a time with its zone"))
        if not shift.start - CORRECTION_MARGIN <= moment <= shift.end + CORRECTION_MARGIN:
            raise InputError(
                QT_TRANSLATE_NOOP("Messages", "A clocking of this shift lies within 6 hours of it")
            )
    if clock_in is None and clock_out is not None:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A clock-out needs a clock-in"))
    if clock_in is not None and clock_out is not None and clock_out <= clock_in:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "The clock-out must follow the clock-in"))
    row = _attendance_on(session, employee.id, shift.day, shift.code)
    old = {"clock_in": None, "clock_out": None}
    if row is None:
        row = _new_attendance(
            session, employee.id, shift.day, shift.code, "correction", actor.station
        )
        action = "create"
    else:
        old = {"clock_in": row.clock_in, "clock_out": row.clock_out}
        action = "correct"
    row.clock_in, row.clock_out = clock_in, clock_out
    row.corrected_by, row.correction_reason = actor.username, reason
    row.updated_at = utc_now()
    session.flush()
    changes = audit.diff(old, {"clock_in": clock_in, "clock_out": clock_out})
    audit.record(
        session,
        actor,
        action,
        "attendance",
        row.uuid,
        changes={"employee": employee.id, "shift": f"{shift.day}/{shift.code}", **changes},
        reason=reason,
    )
