"""Editing the shifts' master data: a pattern's shift times, which pattern the site works, the
crews' rotation and the public holidays. Administrators only, each change with an electronic
signature and audited; the calendar, rosters and attendance read the result through
desktop.services.shifts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import shifts as rules
from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, NotFoundError
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.plant import default_site
from desktop.services.shifts import (
    HolidayInfo,
    PatternInfo,
    RotationInfo,
    crew_codes,
    find_pattern,
    holidays_between,
    list_patterns,
    rotation_info,
)
from desktop.services.signatures import Meaning, SignedChange
from desktop.storage.models import ShiftPattern
from desktop.storage.models.shifts import PublicHoliday, ShiftRotation


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
    change = SignedChange(session, actor, Permission.EDIT_MASTER_DATA)
    pattern = find_pattern(session, code)
    proposed = rules.check_pattern([rules.ShiftDef(c, s, e) for c, s, e in shifts])
    if sorted(s.code for s in proposed) != sorted(s.code for s in pattern.shifts):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "The shifts of pattern {pattern} stay {known}; only their times change"
            ),
            pattern=pattern.code,
            known=", ".join(s.code for s in pattern.shifts),
        )
    change.sign(secret, meaning)
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
        change.record("update", "shift_pattern", pattern.code, changes=changes)
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
    change = SignedChange(session, actor, Permission.EDIT_MASTER_DATA)
    chosen = find_pattern(session, code)
    change.sign(secret, meaning)
    site = default_site(session)
    before = session.scalar(
        select(ShiftPattern.code).where(ShiftPattern.site_id == site.id, ShiftPattern.active)
    )
    for pattern in session.scalars(select(ShiftPattern).where(ShiftPattern.site_id == site.id)):
        pattern.active = pattern.id == chosen.id
    session.flush()
    if before != chosen.code:
        change.record(
            "update",
            "shift_pattern",
            "active",
            changes={"active": (before, chosen.code)},
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
    change = SignedChange(session, actor, Permission.EDIT_MASTER_DATA)
    pattern = find_pattern(session, pattern_code)
    codes = [s.code for s in pattern.shifts]
    parsed = rules.parse_cycle(cycle, codes)
    known_crews = set(crew_codes(session))
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
    change.sign(secret, meaning)
    old = rotation_info(session, pattern)
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
        change.record(
            "update" if old.stored else "create",
            "shift_rotation",
            pattern.code,
            changes=changes,
        )
    return rotation_info(session, pattern)


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
    change = SignedChange(session, actor, Permission.EDIT_MASTER_DATA)
    name = " ".join((name or "").split())[:100]
    if not name:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A holiday needs a name"))
    change.sign(secret, meaning)
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
        change.record(
            "update" if old else "create",
            "public_holiday",
            day.isoformat(),
            changes=changes,
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
    change = SignedChange(session, actor, Permission.EDIT_MASTER_DATA)
    site = default_site(session)
    row = session.scalar(
        select(PublicHoliday).where(PublicHoliday.site_id == site.id, PublicHoliday.day == day)
    )
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "No holiday on {day}"), day=day.isoformat()
        )
    change.sign(secret, meaning)
    changes = {"name": (row.name, None), "closed": (row.closed, None)}
    session.delete(row)
    session.flush()
    change.record("delete", "public_holiday", day.isoformat(), changes=changes)


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
    change = SignedChange(session, actor, Permission.EDIT_MASTER_DATA)
    if not 2000 <= year <= 2100:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Holidays are computed for 2000 to 2100, not {year}"),
            year=year,
        )
    change.sign(secret, meaning)
    site = default_site(session)
    known = holidays_between(session, date(year, 1, 1), date(year, 12, 31))
    added = 0
    for day, name in rules.french_holidays(year):
        if day not in known:
            session.add(PublicHoliday(site_id=site.id, day=day, name=name, closed=False))
            added += 1
    session.flush()
    if added:
        change.record(
            "create",
            "public_holiday",
            f"france-{year}",
            changes={"year": year, "added": added},
        )
    return added
