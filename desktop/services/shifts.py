"""Shift patterns, the crew rotation, public holidays and the shift calendar.

The patterns and crews live in the foundation's tables (`shift_pattern`, `shift_definition`,
`crew`); the rotation of each pattern and the holidays are this part's. Reading them is open to
everyone (the calendar is posted on the shop floor); editing them is master data
(desktop.services.shift_master_data).

A shift is named by its plant-time start day and its code; its UTC bounds come from
domain.shifts (night shifts across midnight and clock changes are placed in plant time first).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import shifts as rules
from desktop.domain.messages import QT_TRANSLATE_NOOP, ConflictError, InputError, NotFoundError
from desktop.domain.plant_time import local_window, plant_date, utc_now, zone
from desktop.services.plant import CREWS, default_site
from desktop.storage.models import Crew, ShiftPattern
from desktop.storage.models.shifts import PublicHoliday, ShiftRotation

MAX_CALENDAR_DAYS = 400


@dataclass(frozen=True)
class RotationInfo:
    anchor: date
    cycle: tuple[str | None, ...]
    crews: tuple[str, ...]
    step: int
    stored: bool  # False: the default rotation, nobody edited it yet

    @property
    def cycle_text(self) -> str:
        return rules.format_cycle(self.cycle)


@dataclass(frozen=True)
class PatternInfo:
    code: str
    name: str
    active: bool
    shifts: tuple[rules.ShiftDef, ...]
    rotation: RotationInfo


@dataclass(frozen=True)
class HolidayInfo:
    day: date
    name: str
    closed: bool


@dataclass(frozen=True)
class ShiftInfo:
    """One shift of the active pattern on one day, with its crew and holiday."""

    day: date
    code: str
    start: datetime
    end: datetime
    crew: str | None
    holiday: str | None
    closed: bool

    @property
    def slot(self) -> rules.ShiftSlot:
        return rules.ShiftSlot(self.day, self.code, self.start, self.end)

    @property
    def minutes(self) -> float:
        return self.slot.minutes


@dataclass(frozen=True)
class CalendarDay:
    day: date
    holiday: str | None
    closed: bool
    shifts: tuple[ShiftInfo, ...]


# --- reading ------------------------------------------------------------------------------------


def plant_zone(session: Session) -> ZoneInfo:
    return zone(default_site(session).time_zone)


def find_pattern(session: Session, code: str | None = None) -> ShiftPattern:
    """The site's pattern `code` (None: the active one), or a NotFoundError in words."""
    site = default_site(session)
    query = select(ShiftPattern).where(ShiftPattern.site_id == site.id)
    query = query.where(ShiftPattern.code == code) if code else query.where(ShiftPattern.active)
    pattern = session.scalars(query.order_by(ShiftPattern.code)).first()
    if pattern is None:
        if code:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Messages", "Unknown shift pattern: {pattern}"), pattern=code
            )
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "No shift pattern is active"))
    return pattern


def _defs(pattern: ShiftPattern) -> list[rules.ShiftDef]:
    return [rules.ShiftDef(s.code, s.start, s.end) for s in pattern.shifts]


def pattern_shifts(session: Session) -> list[rules.ShiftDef]:
    """The active pattern's shifts in order (morning, afternoon, night for the 3x8)."""
    return _defs(find_pattern(session))


def crew_codes(session: Session) -> list[str]:
    """The site's crews (A-E on a fresh database), in order."""
    site = default_site(session)
    return list(
        session.scalars(select(Crew.code).where(Crew.site_id == site.id).order_by(Crew.code))
    )


def _rotation_anchor(session: Session) -> date:
    """Day 0 of the default rotation: the site's production start (3 June 2025)."""
    try:
        return date.fromisoformat(default_site(session).production_start)
    except ValueError:
        return date(2025, 6, 3)


def rotation_info(session: Session, pattern: ShiftPattern) -> RotationInfo:
    """The crews' rotation through `pattern`: the stored one, else the default from the crews."""
    row = session.scalar(select(ShiftRotation).where(ShiftRotation.pattern_id == pattern.id))
    codes = [s.code for s in pattern.shifts]
    if row is not None:
        cycle = rules.parse_cycle(row.cycle, codes)
        crews = tuple(c for c in row.crews.split(",") if c)
        return RotationInfo(row.anchor, cycle, crews, row.step_days, True)
    crews = tuple(crew_codes(session)) or CREWS
    default = rules.default_rotation(codes, crews, _rotation_anchor(session))
    return RotationInfo(default.anchor, default.cycle, default.crews, default.step, False)


def rotation(session: Session) -> rules.Rotation:
    info = rotation_info(session, find_pattern(session))
    return rules.Rotation(info.anchor, info.cycle, info.crews, info.step)


def holidays_between(session: Session, first: date, last: date) -> dict[date, PublicHoliday]:
    """The site's public holidays from `first` to `last` included, by day."""
    site = default_site(session)
    rows = session.scalars(
        select(PublicHoliday).where(
            PublicHoliday.site_id == site.id, PublicHoliday.day >= first, PublicHoliday.day <= last
        )
    )
    return {row.day: row for row in rows}


def unknown_shift(code: str, known: Sequence[str]) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP("Messages", "Unknown shift: {shift}; known: {known}"),
        shift=code,
        known=", ".join(known),
    )


def calendar(session: Session, first: date, days: int) -> list[CalendarDay]:
    """The active pattern's shifts from `first` on, each with its crew and holiday; a closed
    holiday has no crew on its shifts."""
    if not 1 <= days <= MAX_CALENDAR_DAYS:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "A calendar spans 1 to {most} days"),
            most=MAX_CALENDAR_DAYS,
        )
    pattern = find_pattern(session)
    defs = _defs(pattern)
    info = rotation_info(session, pattern)
    turn = rules.Rotation(info.anchor, info.cycle, info.crews, info.step)
    tz = plant_zone(session)
    last = first + timedelta(days=days - 1)
    holidays = holidays_between(session, first, last)
    result = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        holiday = holidays.get(day)
        closed = bool(holiday and holiday.closed)
        crews = {} if closed else turn.crews_on(day)
        shifts = tuple(
            ShiftInfo(
                day,
                d.code,
                *local_window(day, d.start, d.end, tz),
                crews.get(d.code),
                holiday.name if holiday else None,
                closed,
            )
            for d in defs
        )
        result.append(CalendarDay(day, holiday.name if holiday else None, closed, shifts))
    return result


def shift_info(session: Session, day: date, code: str) -> ShiftInfo:
    """The shift `code` starting on plant day `day` (unknown code: NotFoundError naming the
    known ones)."""
    code = (code or "").strip().lower()
    found = calendar(session, day, 1)[0]
    for item in found.shifts:
        if item.code == code:
            return item
    raise unknown_shift(code, [s.code for s in found.shifts])


def shift_at(session: Session, moment: datetime) -> ShiftInfo | None:
    """The shift running at `moment` (a night started the day before), None in a gap."""
    tz = plant_zone(session)
    found = rules.slot_at(moment, pattern_shifts(session), tz)
    return shift_info(session, found.day, found.code) if found else None


def previous_shift(session: Session, shift: ShiftInfo) -> ShiftInfo:
    """The shift that ended last before `shift` started (the one handing over to it)."""
    defs = pattern_shifts(session)
    tz = plant_zone(session)
    candidates = rules.slots_between(shift.day - timedelta(days=2), shift.day, defs, tz)
    earlier = [s for s in candidates if s.end <= shift.start]
    last = max(earlier, key=lambda s: s.end)
    return shift_info(session, last.day, last.code)


def current_shift(session: Session, now: datetime | None = None) -> ShiftInfo | None:
    """The shift running now (None in a gap between shifts)."""
    return shift_at(session, now or utc_now())


def shift_codes(session: Session) -> list[str]:
    """The active pattern's shift ids in order, for a choice of shift."""
    return [s.code for s in pattern_shifts(session)]


def list_patterns(session: Session) -> list[PatternInfo]:
    site = default_site(session)
    patterns = session.scalars(
        select(ShiftPattern).where(ShiftPattern.site_id == site.id).order_by(ShiftPattern.code)
    )
    return [
        PatternInfo(p.code, p.name, p.active, tuple(_defs(p)), rotation_info(session, p))
        for p in patterns
    ]


def list_holidays(session: Session, year: int | None = None) -> list[HolidayInfo]:
    first = date(year, 1, 1) if year else date(1900, 1, 1)
    last = date(year, 12, 31) if year else date(2999, 12, 31)
    rows = holidays_between(session, first, last)
    return [HolidayInfo(d, rows[d].name, rows[d].closed) for d in sorted(rows)]


def plant_today(session: Session, now: datetime | None = None) -> date:
    return plant_date(now or utc_now(), plant_zone(session))


def ensure_not_closed(shift: ShiftInfo) -> None:
    if shift.closed:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Messages", "{day} is a holiday with the plant closed: no shift"),
            day=shift.day.isoformat(),
        )
