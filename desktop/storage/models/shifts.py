"""Shifts: the crew rotation of each pattern, public holidays, standing station posts, the roster
of each shift, attendance (badge clock-in and clock-out) and the handover log.

A shift is named by its plant-time start day and its code (`2026-03-28`, `night`); its UTC bounds
are computed from the pattern (domain.shifts), never stored.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.models.base import Base


class ShiftRotation(Base):
    """How the crews walk a pattern: a cycle of days (shift codes, `-` for rest), the crews in
    order, and the days between two crews' starts, counted from `anchor`."""

    __tablename__ = "shift_rotation"

    id: Mapped[int] = mapped_column(primary_key=True)
    pattern_id: Mapped[int] = mapped_column(ForeignKey("shift_pattern.id"), unique=True)
    anchor: Mapped[date] = mapped_column(Date)
    cycle: Mapped[str] = mapped_column(String(2000))
    crews: Mapped[str] = mapped_column(String(200))
    step_days: Mapped[int] = mapped_column(Integer, default=2)
    updated_at: Mapped[datetime]


class PublicHoliday(Base):
    """A public holiday of the site; shifts starting on a `closed` one are not worked."""

    __tablename__ = "public_holiday"
    __table_args__ = (UniqueConstraint("site_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(100))
    closed: Mapped[bool] = mapped_column(Boolean, default=False)


class StationPost(Base):
    """The station an employee usually works at (their post in their crew's shifts)."""

    __tablename__ = "station_post"

    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"), index=True)
    updated_at: Mapped[datetime]


class RosterShift(Base):
    """The roster of one shift once a supervisor changed it (or the demo wrote it): from then on
    its entries are the plan. Without this row the plan is the rotation's crew at their posts."""

    __tablename__ = "roster_shift"
    __table_args__ = (UniqueConstraint("day", "shift_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    shift_code: Mapped[str] = mapped_column(String(16))
    crew_id: Mapped[int | None] = mapped_column(ForeignKey("crew.id"))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(64))


class RosterEntry(Base):
    """One employee planned on a shift, at a station (or at none: floating, team leader)."""

    __tablename__ = "roster_entry"
    __table_args__ = (UniqueConstraint("roster_shift_id", "employee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    roster_shift_id: Mapped[int] = mapped_column(ForeignKey("roster_shift.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"))


class Attendance(Base):
    """An employee's clock-in and clock-out for one shift (badge scans, or a supervisor's
    correction with its reason: `corrected_by`, and the audit trail holds old and new)."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("employee_id", "day", "shift_code"),
        Index("ix_attendance_day_shift", "day", "shift_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"))
    day: Mapped[date] = mapped_column(Date)
    shift_code: Mapped[str] = mapped_column(String(16))
    clock_in: Mapped[datetime | None]
    clock_out: Mapped[datetime | None]
    station: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16))
    corrected_by: Mapped[str | None] = mapped_column(String(64))
    correction_reason: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime]


class Handover(Base):
    """What the outgoing supervisor of a line hands over at the end of a shift, and the incoming
    supervisor's signed acknowledgement. `summary` is the automatic summary (JSON) frozen when
    the handover was submitted."""

    __tablename__ = "handover"
    __table_args__ = (UniqueConstraint("line_id", "day", "shift_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    shift_code: Mapped[str] = mapped_column(String(16))
    author: Mapped[str] = mapped_column(String(64))
    notes: Mapped[str] = mapped_column(Text, default="")
    open_issues: Mapped[str] = mapped_column(Text, default="")
    safety: Mapped[str] = mapped_column(Text, default="")
    quality: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    submitted_at: Mapped[datetime | None]
    acknowledged_by: Mapped[str | None] = mapped_column(String(64))
    acknowledged_at: Mapped[datetime | None]
    acknowledgement_note: Mapped[str | None] = mapped_column(Text)
    signature_meaning: Mapped[str | None] = mapped_column(String(16))
