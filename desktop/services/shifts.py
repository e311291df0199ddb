"""Shift patterns, the crew rotation, public holidays and the shift calendar.

The patterns and crews live in the foundation's tables (`shift_pattern`, `shift_definition`,
`crew`); the rotation of each pattern and the holidays are this part's. Editing them is master
data: administrators, with an electronic signature, audited. Reading them is open to everyone
(the calendar is posted on the shop floor).

A shift is named by its plant-time start day and its code; its UTC bounds come from
domain.shifts (night shifts across midnight and clock changes are placed in plant time first).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import shifts as rules
from desktop.domain.messages import QT_TRANSLATE_NOOP, ConflictError, InputError, NotFoundError
from desktop.domain.plant_time import local_window, plant_date, utc_now, zone
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.plant import CREWS, default_site
from desktop.services.signatures import Meaning, sign
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


def _pattern(session: Session, code: str | None = None) -> ShiftPattern:
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
    return _defs(_pattern(session))


def _crew_codes(session: Session) -> list[str]:
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


def _rotation(session: Session, pattern: ShiftPattern) -> RotationInfo:
    row = session.scalar(select(ShiftRotation).where(ShiftRotation.pattern_id == pattern.id))
    codes = [s.code for s in pattern.shifts]
    if row is not None:
        cycle = rules.parse_cycle(row.cycle, codes)
        crews = tuple(c for c in row.crews.split(",") if c)
        return RotationInfo(row.anchor, cycle, crews, row.step_days, True)
    crews = tuple(_crew_codes(session)) or CREWS
    default = rules.default_rotation(codes, crews, _rotation_anchor(session))
    return RotationInfo(default.anchor, default.cycle, default.crews, default.step, False)


def rotation(session: Session) -> rules.Rotation:
    info = _rotation(session, _pattern(session))
    return rules.Rotation(info.anchor, info.cycle, info.crews, info.step)


def _holidays(session: Session, first: date, last: date) -> dict[date, PublicHoliday]:
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
    pattern = _pattern(session)
    defs = _defs(pattern)
    info = _rotation(session, pattern)
    turn = rules.Rotation(info.anchor, info.cycle, info.crews, info.step)
    tz = plant_zone(session)
    last = first + timedelta(days=days - 1)
    holidays = _holidays(session, first, last)
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


def next_shift(session: Session, shift: ShiftInfo) -> ShiftInfo:
    defs = pattern_shifts(session)
    tz = plant_zone(session)
    candidates = rules.slots_between(shift.day, shift.day + timedelta(days=2), defs, tz)
    later = [s for s in candidates if s.start >= shift.end]
    first = min(later, key=lambda s: s.start)
    return shift_info(session, first.day, first.code)


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
        PatternInfo(p.code, p.name, p.active, tuple(_defs(p)), _rotation(session, p))
        for p in patterns
    ]


def list_holidays(session: Session, year: int | None = None) -> list[HolidayInfo]:
    first = date(year, 1, 1) if year else date(1900, 1, 1)
    last = date(year, 12, 31) if year else date(2999, 12, 31)
    rows = _holidays(session, first, last)
    return [HolidayInfo(d, rows[d].name, rows[d].closed) for d in sorted(rows)]


def plant_today(session: Session, now: datetime | None = None) -> date:
    return plant_date(now or utc_now(), plant_zone(session))


# --- editing (master data: signed and audited) ---------------------------------------------------


def save_pattern(
    session: Session,
    actor: Actor,
    code: str,
    shifts: Sequence[tuple[str, time, time]],
    name: str | None = None,
    *,
    secret: str = "",
    meaning: Meaning | str = Meaning.APPROVE,
) -> PatternInfo:
    """New start and end times for the shifts of a pattern (its shift ids stay: rosters and
    attendance refer to them)."""
    actor.require(Permission.EDIT_MASTER_DATA)
    pattern = _pattern(session, code)
    proposed = rules.check_pattern([rules.ShiftDef(c, s, e) for c, s, e in shifts])
    if sorted(s.code for s in proposed) != sorted(s.code for s in pattern.shifts):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "The shifts of pattern {pattern} stay {known}; only their times change"
            ),
            pattern=pattern.code,
            known=", ".join(s.code for s in pattern.shifts),
        )
    signed = sign(session, actor, secret, meaning)
    wanted = {s.code: s for s in proposed}
    changes: dict[str, tuple[object, object]] = {}
    for definition in pattern.shifts:
        new = wanted[definition.code]
        old_text = f"{definition.start:%H:%M}-{definition.end:%H:%M}"
        new_text = f"{new.start:%H:%M}-{new.end:%H:%M}"
        if old_text != new_text:
            changes[definition.code] = (old_text, new_text)
            definition.start, definition.end = new.start, new.end
    if name is not None and name.strip() and name.strip() != pattern.name:
        changes["name"] = (pattern.name, name.strip()[:100])
        pattern.name = name.strip()[:100]
    session.flush()
    if changes:
        audit.record(
            session,
            actor,
            "update",
            "shift_pattern",
            pattern.code,
            changes=changes,
            signature_meaning=signed.value,
        )
    return next(p for p in list_patterns(session) if p.code == pattern.code)


def activate_pattern(
    session: Session,
    actor: Actor,
    code: str,
    *,
    secret: str = "",
    meaning: Meaning | str = Meaning.APPROVE,
) -> PatternInfo:
    """Make `code` the site's pattern (3x8 or 2x12): the calendar and rosters follow it."""
    actor.require(Permission.EDIT_MASTER_DATA)
    chosen = _pattern(session, code)
    signed = sign(session, actor, secret, meaning)
    site = default_site(session)
    before = session.scalar(
        select(ShiftPattern.code).where(ShiftPattern.site_id == site.id, ShiftPattern.active)
    )
    for pattern in session.scalars(select(ShiftPattern).where(ShiftPattern.site_id == site.id)):
        pattern.active = pattern.id == chosen.id
    session.flush()
    if before != chosen.code:
        audit.record(
            session,
            actor,
            "update",
            "shift_pattern",
            "active",
            changes={"active": (before, chosen.code)},
            signature_meaning=signed.value,
        )
    return next(p for p in list_patterns(session) if p.code == chosen.code)


def save_rotation(
    session: Session,
    actor: Actor,
    pattern_code: str,
    cycle: str,
    crews: str,
    step: int,
    anchor: date,
    *,
    secret: str = "",
    meaning: Meaning | str = Meaning.APPROVE,
) -> RotationInfo:
    """The crews' rotation through a pattern: refused when any shift of any day would have no
    crew or two."""
    actor.require(Permission.EDIT_MASTER_DATA)
    pattern = _pattern(session, pattern_code)
    codes = [s.code for s in pattern.shifts]
    parsed = rules.parse_cycle(cycle, codes)
    known_crews = set(_crew_codes(session))
    crew_list = tuple(c.strip().upper() for c in crews.split(",") if c.strip())
    unknown = [c for c in crew_list if c not in known_crews]
    if unknown:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "{what} '{value}' is unknown; known: {known}"),
            what="crew",
            value=", ".join(unknown),
            known=", ".join(sorted(known_crews)),
        )
    rules.check_rotation(rules.Rotation(anchor, parsed, crew_list, int(step)), codes)
    signed = sign(session, actor, secret, meaning)
    old = _rotation(session, pattern)
    row = session.scalar(select(ShiftRotation).where(ShiftRotation.pattern_id == pattern.id))
    if row is None:
        row = ShiftRotation(pattern_id=pattern.id, updated_at=utc_now())
        session.add(row)
    row.anchor, row.cycle = anchor, rules.format_cycle(parsed)
    row.crews, row.step_days, row.updated_at = ",".join(crew_list), int(step), utc_now()
    session.flush()
    changes = audit.diff(
        {
            "anchor": old.anchor,
            "cycle": old.cycle_text,
            "crews": ",".join(old.crews),
            "step": old.step,
        },
        {"anchor": anchor, "cycle": row.cycle, "crews": row.crews, "step": row.step_days},
    )
    if changes or not old.stored:
        audit.record(
            session,
            actor,
            "update" if old.stored else "create",
            "shift_rotation",
            pattern.code,
            changes=changes,
            signature_meaning=signed.value,
        )
    return _rotation(session, pattern)


def save_holiday(
    session: Session,
    actor: Actor,
    day: date,
    name: str,
    closed: bool = False,
    *,
    secret: str = "",
    meaning: Meaning | str = Meaning.APPROVE,
) -> HolidayInfo:
    actor.require(Permission.EDIT_MASTER_DATA)
    name = " ".join((name or "").split())[:100]
    if not name:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A holiday needs a name"))
    signed = sign(session, actor, secret, meaning)
    site = default_site(session)
    row = session.scalar(
        select(PublicHoliday).where(PublicHoliday.site_id == site.id, PublicHoliday.day == day)
    )
    old = {"name": row.name, "closed": row.closed} if row is not None else {}
    if row is None:
        row = PublicHoliday(site_id=site.id, day=day, name=name, closed=closed)
        session.add(row)
    else:
        row.name, row.closed = name, closed
    session.flush()
    changes = audit.diff(old, {"name": name, "closed": closed})
    if changes:
        audit.record(
            session,
            actor,
            "update" if old else "create",
            "public_holiday",
            day.isoformat(),
            changes=changes,
            signature_meaning=signed.value,
        )
    return HolidayInfo(day, name, closed)


def delete_holiday(
    session: Session,
    actor: Actor,
    day: date,
    *,
    secret: str = "",
    meaning: Meaning | str = Meaning.APPROVE,
) -> None:
    actor.require(Permission.EDIT_MASTER_DATA)
    site = default_site(session)
    row = session.scalar(
        select(PublicHoliday).where(PublicHoliday.site_id == site.id, PublicHoliday.day == day)
    )
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "No holiday on {day}"), day=day.isoformat()
        )
    signed = sign(session, actor, secret, meaning)
    changes = {"name": (row.name, None), "closed": (row.closed, None)}
    session.delete(row)
    session.flush()
    audit.record(
        session,
        actor,
        "delete",
        "public_holiday",
        day.isoformat(),
        changes=changes,
        signature_meaning=signed.value,
    )


def add_french_holidays(
    session: Session,
    actor: Actor,
    year: int,
    *,
    secret: str = "",
    meaning: Meaning | str = Meaning.APPROVE,
) -> int:
    """Add France's eleven public holidays of `year` (the plant keeps running: not closed);
    days already listed are left as they are. Returns how many were added."""
    actor.require(Permission.EDIT_MASTER_DATA)
    if not 2000 <= year <= 2100:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Holidays are computed for 2000 to 2100, not {year}"),
            year=year,
        )
    signed = sign(session, actor, secret, meaning)
    site = default_site(session)
    known = _holidays(session, date(year, 1, 1), date(year, 12, 31))
    added = 0
    for day, name in rules.french_holidays(year):
        if day not in known:
            session.add(PublicHoliday(site_id=site.id, day=day, name=name, closed=False))
            added += 1
    session.flush()
    if added:
        audit.record(
            session,
            actor,
            "create",
            "public_holiday",
            f"france-{year}",
            changes={"year": year, "added": added},
            signature_meaning=signed.value,
        )
    return added


def ensure_not_closed(shift: ShiftInfo) -> None:
    if shift.closed:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Messages", "{day} is a holiday with the plant closed: no shift"),
            day=shift.day.isoformat(),
        )
