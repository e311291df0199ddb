"""Shifts in plant time: patterns, the continuous crew rotation, French public holidays, and the
rules that judge attendance against the roster.

Pure: no SQL, no Qt. The plant runs around the clock in Europe/Paris;
a shift's date is the plant-time day it starts on (the night shift of 28 March 2026 starts at
21:00 on the 28th and ends at 05:00 on the 29th); its bounds are placed in plant time first and
only then converted to UTC, so a night across a clock change lasts 7 or 9 hours of real time,
and every duration below is real (UTC) time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, Message
from desktop.domain.plant_time import local_window, plant_date

# The shift codes of the default patterns and their English names (the French catalogue says
# matin, après-midi, nuit, jour).
SHIFT_NAMES: dict[str, str] = {
    "morning": QT_TRANSLATE_NOOP("Messages", "morning"),
    "afternoon": QT_TRANSLATE_NOOP("Messages", "afternoon"),
    "night": QT_TRANSLATE_NOOP("Messages", "night"),
    "day": QT_TRANSLATE_NOOP("Messages", "day"),
}
MAX_SHIFT_CODE = 16


def shift_name(code: str) -> Message:
    """The shift's name for people (a translatable template for the known codes)."""
    return Message(SHIFT_NAMES.get(code, code))


# --- patterns ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShiftDef:
    """One shift of a pattern in plant time; an end at or before the start is the next day."""

    code: str
    start: time
    end: time

    @property
    def nominal_minutes(self) -> int:
        """Length on an ordinary day (a DST night differs: see ShiftSlot.minutes)."""
        begin = self.start.hour * 60 + self.start.minute
        finish = self.end.hour * 60 + self.end.minute
        return (finish - begin) % 1440 or 1440


def _clock_minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def check_pattern(shifts: Sequence[ShiftDef]) -> list[ShiftDef]:
    """A pattern's shifts, checked: codes unique, whole minutes, no two shifts overlapping on
    the 24-hour clock, at most a day in all. Gaps are allowed (a plant that stops at night)."""
    if not shifts:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A shift pattern needs at least one shift"))
    seen: set[str] = set()
    for shift in shifts:
        code = shift.code
        if not code or len(code) > MAX_SHIFT_CODE or not code.replace("-", "").isalnum():
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Shift id '{code}': 1 to 16 letters or digits, no spaces"
                ),
                code=code,
            )
        if code in seen:
            raise InputError(QT_TRANSLATE_NOOP("Messages", "Shift {code} twice"), code=code)
        seen.add(code)
        if shift.start.second or shift.end.second or shift.start == shift.end:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Shift {code}: start and end must differ, in whole minutes"
                ),
                code=code,
            )
    occupied: dict[int, str] = {}
    for shift in shifts:
        begin = _clock_minutes(shift.start)
        for offset in range(shift.nominal_minutes):
            minute = (begin + offset) % 1440
            if minute in occupied:
                raise InputError(
                    QT_TRANSLATE_NOOP("Messages", "Shifts {first} and {second} overlap"),
                    first=occupied[minute],
                    second=shift.code,
                )
            occupied[minute] = shift.code
    return list(shifts)


# --- concrete shifts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ShiftSlot:
    """One shift on one day: its code, its plant-time start day and its UTC bounds."""

    day: date
    code: str
    start: datetime
    end: datetime

    @property
    def minutes(self) -> float:
        """Real length: 420 for a 21:00-05:00 night across the spring change, 540 in autumn."""
        return (self.end - self.start).total_seconds() / 60.0

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment < self.end

    @property
    def key(self) -> tuple[date, str]:
        return (self.day, self.code)


def slot(day: date, shift: ShiftDef, tz: ZoneInfo) -> ShiftSlot:
    start, end = local_window(day, shift.start, shift.end, tz)
    return ShiftSlot(day, shift.code, start, end)


def slots_between(
    first_day: date, last_day: date, shifts: Sequence[ShiftDef], tz: ZoneInfo
) -> list[ShiftSlot]:
    """Every shift starting on the days first_day..last_day, in time order."""
    found = []
    day = first_day
    while day <= last_day:
        found.extend(slot(day, shift, tz) for shift in shifts)
        day += timedelta(days=1)
    return sorted(found, key=lambda s: s.start)


def slot_at(moment: datetime, shifts: Sequence[ShiftDef], tz: ZoneInfo) -> ShiftSlot | None:
    """The shift `moment` falls in (a night started the plant-time day before), or None in a
    gap of the pattern."""
    today = plant_date(moment, tz)
    for candidate in slots_between(today - timedelta(days=1), today, shifts, tz):
        if candidate.contains(moment):
            return candidate
    return None


# --- crew rotation -----------------------------------------------------------------------------

REST = None


@dataclass(frozen=True)
class Rotation:
    """A continuous rotation: every crew walks the same cycle of days (a shift code, or None for
    a rest day), crew number i starting `step * i` days after crew 0.

    The French 5-crew 3x8 ("5x8") is 2 mornings, 2 afternoons, 2 nights, 4 days off: a 10-day
    cycle, crews two days apart, so each shift of each day has exactly one crew.
    """

    anchor: date
    cycle: tuple[str | None, ...]
    crews: tuple[str, ...]
    step: int = 2

    def crew_shift(self, crew: str, day: date) -> str | None:
        """The shift `crew` works on the shift day `day`, or None (rest, or not a rotating crew)."""
        if crew not in self.crews:
            return None
        position = ((day - self.anchor).days - self.step * self.crews.index(crew)) % len(self.cycle)
        return self.cycle[position]

    def crews_on(self, day: date) -> dict[str, str]:
        """Shift code -> the crew working it on `day` (the first one, if a rotation doubles)."""
        working: dict[str, str] = {}
        for crew in self.crews:
            code = self.crew_shift(crew, day)
            if code is not None:
                working.setdefault(code, crew)
        return working

    @property
    def period(self) -> int:
        """Days after which every crew's position repeats."""
        return len(self.cycle)


def default_rotation(shift_codes: Sequence[str], crews: Sequence[str], anchor: date) -> Rotation:
    """Each shift twice in the pattern's order (forward rotation: mornings, afternoons, nights),
    then rest days, in a cycle of twice the number of crews, crews two days apart.

    With 3 shifts and crews A-E: M M A A N N - - - - ; with 2 shifts (2x12): D D N N and six
    rest days. Every shift of every day is then worked by exactly one crew.
    """
    work = [code for code in shift_codes for _ in range(2)]
    length = 2 * len(crews)
    if len(work) > length:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "{crews} crews cannot cover {shifts} shifts a day in rotation"
            ),
            crews=len(crews),
            shifts=len(shift_codes),
        )
    return Rotation(anchor, tuple(work) + (REST,) * (length - len(work)), tuple(crews), 2)


def parse_cycle(text: str, shift_codes: Iterable[str]) -> tuple[str | None, ...]:
    """A cycle written as comma-separated shift codes, `-` or nothing for a rest day
    (`morning,morning,afternoon,afternoon,night,night,-,-,-,-`)."""
    known = set(shift_codes)
    cycle: list[str | None] = []
    for part in text.split(","):
        code = part.strip()
        if code in ("", "-"):
            cycle.append(REST)
        elif code in known:
            cycle.append(code)
        else:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Unknown shift in the rotation: {code}; known: {known}"
                ),
                code=code,
                known=", ".join(sorted(known)),
            )
    if not 1 <= len(cycle) <= 366:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A rotation cycle has 1 to 366 days"))
    return tuple(cycle)


def format_cycle(cycle: Sequence[str | None]) -> str:
    return ",".join(code or "-" for code in cycle)


def check_rotation(rotation: Rotation, shift_codes: Sequence[str]) -> Rotation:
    """Refuse a rotation that leaves a shift without a crew, or gives it two, on any day of its
    period (a continuous plant staffs every shift with exactly one crew)."""
    if not rotation.crews:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A rotation needs at least one crew"))
    if len(set(rotation.crews)) != len(rotation.crews):
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A crew appears twice in the rotation"))
    if not 0 <= rotation.step <= 366:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "Crews start 0 to 366 days apart"))
    unknown = {c for c in rotation.cycle if c is not None} - set(shift_codes)
    if unknown:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Unknown shift in the rotation: {code}; known: {known}"),
            code=", ".join(sorted(unknown)),
            known=", ".join(shift_codes),
        )
    for offset in range(rotation.period):
        day = rotation.anchor + timedelta(days=offset)
        counts = dict.fromkeys(shift_codes, 0)
        for crew in rotation.crews:
            code = rotation.crew_shift(crew, day)
            if code is not None:
                counts[code] += 1
        for code, count in counts.items():
            if count != 1:
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "Rotation day {day}: shift {shift} has {count} crews instead of one",
                    ),
                    day=offset + 1,
                    shift=shift_name(code),
                    count=count,
                )
    return rotation


# --- public holidays (France) ------------------------------------------------------------------


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous algorithm of Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def french_holidays(year: int) -> list[tuple[date, str]]:
    """The eleven public holidays of France (Code du travail L3133-1), by date; names are
    English templates for translation. Alsace-Moselle's two extra days are not included."""
    easter = easter_sunday(year)
    days = [
        (date(year, 1, 1), QT_TRANSLATE_NOOP("Messages", "New Year's Day")),
        (easter + timedelta(days=1), QT_TRANSLATE_NOOP("Messages", "Easter Monday")),
        (date(year, 5, 1), QT_TRANSLATE_NOOP("Messages", "Labour Day")),
        (date(year, 5, 8), QT_TRANSLATE_NOOP("Messages", "Victory in Europe Day")),
        (easter + timedelta(days=39), QT_TRANSLATE_NOOP("Messages", "Ascension Day")),
        (easter + timedelta(days=50), QT_TRANSLATE_NOOP("Messages", "Whit Monday")),
        (date(year, 7, 14), QT_TRANSLATE_NOOP("Messages", "Bastille Day")),
        (date(year, 8, 15), QT_TRANSLATE_NOOP("Messages", "Assumption Day")),
        (date(year, 11, 1), QT_TRANSLATE_NOOP("Messages", "All Saints' Day")),
        (date(year, 11, 11), QT_TRANSLATE_NOOP("Messages", "Armistice Day")),
        (date(year, 12, 25), QT_TRANSLATE_NOOP("Messages", "Christmas Day")),
    ]
    return sorted(days)


# --- attendance --------------------------------------------------------------------------------

LATE_GRACE = timedelta(minutes=5)
OVERTIME_THRESHOLD = timedelta(minutes=15)
CLOCK_IN_EARLY = timedelta(hours=3)
OPEN_CLOCK_IN_LIMIT = timedelta(hours=18)
REPEATED_SCAN = timedelta(minutes=2)


class AttendanceState(StrEnum):
    EXPECTED = "expected"  # planned, the shift has not started yet (or within the grace)
    PRESENT = "present"  # planned, came on time
    LATE = "late"  # planned, came after the start plus the grace
    ABSENT = "absent"  # planned, did not come
    EXTRA = "extra"  # came without being planned (all of it overtime)


STATE_NAMES = {
    AttendanceState.EXPECTED: QT_TRANSLATE_NOOP("Messages", "expected"),
    AttendanceState.PRESENT: QT_TRANSLATE_NOOP("Messages", "present"),
    AttendanceState.LATE: QT_TRANSLATE_NOOP("Messages", "late"),
    AttendanceState.ABSENT: QT_TRANSLATE_NOOP("Messages", "absent"),
    AttendanceState.EXTRA: QT_TRANSLATE_NOOP("Messages", "not planned"),
}


@dataclass(frozen=True)
class Verdict:
    """One person on one shift, judged against the roster. Minutes are real time."""

    state: AttendanceState
    late_minutes: float = 0.0
    early_leave_minutes: float = 0.0
    overtime_minutes: float = 0.0
    worked_minutes: float = 0.0
    missing_clock_out: bool = False

    @property
    def present(self) -> bool:
        return self.state in (AttendanceState.PRESENT, AttendanceState.LATE, AttendanceState.EXTRA)


def _minutes(delta: timedelta) -> float:
    return max(delta.total_seconds(), 0.0) / 60.0


def judge(
    planned: bool,
    shift: ShiftSlot,
    clock_in: datetime | None,
    clock_out: datetime | None,
    now: datetime,
    *,
    grace: timedelta = LATE_GRACE,
    overtime_threshold: timedelta = OVERTIME_THRESHOLD,
) -> Verdict | None:
    """Late, absent, overtime of one person on one shift (None: neither planned nor came).

    Late: clocked in after the start plus `grace`. Absent: planned, no clock-in and the start
    plus grace has passed (a shift in progress already counts them absent). Overtime: time
    after the planned end when it reaches `overtime_threshold`, or all of a shift worked
    without being planned. A clock-in without a clock-out counts up to the shift's end (or
    now) and is flagged once the shift is over.
    """
    if clock_in is None:
        if not planned:
            return None
        if now < shift.start + grace:
            return Verdict(AttendanceState.EXPECTED)
        return Verdict(AttendanceState.ABSENT)
    until = clock_out if clock_out is not None else min(now, shift.end)
    worked = _minutes(until - clock_in)
    missing_out = clock_out is None and now >= shift.end
    if not planned:
        return Verdict(
            AttendanceState.EXTRA,
            overtime_minutes=worked,
            worked_minutes=worked,
            missing_clock_out=missing_out,
        )
    late = clock_in - shift.start
    state = AttendanceState.LATE if late > grace else AttendanceState.PRESENT
    early = shift.end - clock_out if clock_out is not None else timedelta()
    after = (clock_out - shift.end) if clock_out is not None else timedelta()
    return Verdict(
        state,
        late_minutes=_minutes(late) if state is AttendanceState.LATE else 0.0,
        early_leave_minutes=_minutes(early) if early > grace else 0.0,
        overtime_minutes=_minutes(after) if after >= overtime_threshold else 0.0,
        worked_minutes=worked,
        missing_clock_out=missing_out,
    )


def attribute_clock_in(
    moment: datetime,
    slots: Iterable[ShiftSlot],
    rostered: Iterable[tuple[date, str]] = (),
    *,
    early: timedelta = CLOCK_IN_EARLY,
) -> ShiftSlot | None:
    """The shift a clock-in at `moment` belongs to.

    Candidates are the shifts running at `moment` or starting within `early` after it. One the
    person is rostered on wins (an afternoon worker badging at 12:50 starts the afternoon, not
    the morning's last ten minutes); otherwise the candidate whose start is nearest.
    """
    candidates = [s for s in slots if s.start - early <= moment < s.end]
    if not candidates:
        return None
    planned = set(rostered)
    mine = [s for s in candidates if s.key in planned]
    pool = mine or candidates
    return min(pool, key=lambda s: (abs((s.start - moment).total_seconds()), s.start))


def utc(moment: datetime) -> datetime:
    """An aware moment in UTC (storage reads may come back in another zone)."""
    return moment.astimezone(UTC)
