"""Plant time: storage in UTC, people and shifts in the plant's time zone.

The plant runs around the clock in Europe/Paris; night shifts cross midnight and
daylight-saving days have 23 or 25 hours. Every date-time stored is timezone-aware UTC; every naive
date-time given by a person (a CLI option, a CSV cell) is plant time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError

DEFAULT_TIME_ZONE = "Europe/Paris"


def zone(name: str) -> ZoneInfo:
    """The named time zone, or a clear error for a typo in configuration."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Unknown time zone: {zone}"), zone=name
        ) from exc


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime, tz: ZoneInfo) -> datetime:
    """Aware UTC for `moment`; a naive value is read as plant time.

    A naive time inside the autumn overlap (the hour that happens twice) takes the first
    occurrence (fold=0); one inside the spring gap does not exist and is refused.
    """
    if moment.tzinfo is None:
        local = moment.replace(tzinfo=tz)
        round_trip = local.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
        if round_trip != moment:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "Messages", "{moment} does not exist in plant time (clocks moved forward)"
                ),
                moment=moment.isoformat(sep=" ", timespec="minutes"),
            )
        return local.astimezone(UTC)
    return moment.astimezone(UTC)


def to_plant(moment: datetime, tz: ZoneInfo) -> datetime:
    """Plant-time view of a stored UTC moment (for display and shift arithmetic)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz)


def parse_datetime(text: str, tz: ZoneInfo) -> datetime:
    """A person's date-time (ISO 8601, `T` or space; a bare date is midnight) as aware UTC."""
    cleaned = text.strip()
    try:
        if len(cleaned) == 10:
            moment = datetime.combine(date.fromisoformat(cleaned), time())
        else:
            moment = datetime.fromisoformat(cleaned)
    except ValueError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "Not a date-time: {text} (expected YYYY-MM-DD or YYYY-MM-DD HH:MM)"
            ),
            text=text,
        ) from exc
    return as_utc(moment, tz)


def parse_date(text: str) -> date:
    """A calendar date written YYYY-MM-DD; 2026-02-30 is refused."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Not a valid date: {text} (expected YYYY-MM-DD)"),
            text=text,
        ) from exc


def local_window(day: date, start: time, end: time, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC bounds of a plant-time window starting on `day` at `start`.

    An `end` at or before `start` falls on the next day (a night shift, 21:00-05:00). Both ends
    are placed in plant time first, so a window across a clock change lasts 7 or 9 hours of real
    time instead of a naive 8.
    """
    begin_local = datetime.combine(day, start)
    end_day = day if end > start else day + timedelta(days=1)
    end_local = datetime.combine(end_day, end)
    return (
        begin_local.replace(tzinfo=tz).astimezone(UTC),
        end_local.replace(tzinfo=tz).astimezone(UTC),
    )


def plant_day_bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC bounds of a calendar day in plant time (23, 24 or 25 hours long)."""
    return local_window(day, time(), time(), tz)


def plant_date(moment: datetime, tz: ZoneInfo) -> date:
    return to_plant(moment, tz).date()
