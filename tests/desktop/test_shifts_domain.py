"""Shift rules in plant time: the rotation, holidays, nights across midnight and both clock
changes of 2026 (29 March: 23-hour day; 25 October: 25-hour day), attendance verdicts."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.domain.messages import InputError
from desktop.domain.shifts import (
    AttendanceState,
    Rotation,
    ShiftDef,
    attribute_clock_in,
    check_pattern,
    check_rotation,
    default_rotation,
    easter_sunday,
    french_holidays,
    judge,
    parse_cycle,
    slot,
    slot_at,
    slots_between,
)

PARIS = ZoneInfo("Europe/Paris")
THREE_BY_EIGHT = [
    ShiftDef("morning", time(5), time(13)),
    ShiftDef("afternoon", time(13), time(21)),
    ShiftDef("night", time(21), time(5)),
]
TWO_BY_TWELVE = [ShiftDef("day", time(5), time(17)), ShiftDef("night", time(17), time(5))]
CREWS = ("A", "B", "C", "D", "E")


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS).astimezone(UTC)


# --- nights across midnight and the clock changes -------------------------------------------------


def test_a_night_belongs_to_the_day_it_starts_and_ends_the_next_morning() -> None:
    night = slot(date(2026, 1, 14), THREE_BY_EIGHT[2], PARIS)
    assert night.start == paris(2026, 1, 14, 21) and night.end == paris(2026, 1, 15, 5)
    assert night.minutes == 480
    assert slot_at(paris(2026, 1, 15, 2, 30), THREE_BY_EIGHT, PARIS).key == (
        date(2026, 1, 14),
        "night",
    )


def test_the_spring_night_lasts_seven_hours_and_the_autumn_night_nine() -> None:
    spring = slot(date(2026, 3, 28), THREE_BY_EIGHT[2], PARIS)
    autumn = slot(date(2026, 10, 24), THREE_BY_EIGHT[2], PARIS)
    assert (spring.start, spring.end) == (
        datetime(2026, 3, 28, 20, tzinfo=UTC),  # 21:00 CET
        datetime(2026, 3, 29, 3, tzinfo=UTC),  # 05:00 CEST
    )
    assert spring.minutes == 420
    assert (autumn.start, autumn.end) == (
        datetime(2026, 10, 24, 19, tzinfo=UTC),  # 21:00 CEST
        datetime(2026, 10, 25, 4, tzinfo=UTC),  # 05:00 CET
    )
    assert autumn.minutes == 540
    # the 2x12 night: 11 and 13 hours; the day shifts around them are 12 hours
    assert slot(date(2026, 3, 28), TWO_BY_TWELVE[1], PARIS).minutes == 660
    assert slot(date(2026, 10, 24), TWO_BY_TWELVE[1], PARIS).minutes == 780
    assert slot(date(2026, 3, 29), TWO_BY_TWELVE[0], PARIS).minutes == 720


def test_the_shifts_of_a_clock_change_day_follow_each_other_without_gap_or_overlap() -> None:
    for first in (date(2026, 3, 27), date(2026, 10, 23)):
        slots = slots_between(first, first + timedelta(days=3), THREE_BY_EIGHT, PARIS)
        for earlier, later in zip(slots, slots[1:], strict=False):
            assert earlier.end == later.start
    day_minutes = sum(
        s.minutes
        for s in slots_between(date(2026, 3, 28), date(2026, 3, 28), THREE_BY_EIGHT, PARIS)
    )
    assert day_minutes == 23 * 60
    day_minutes = sum(
        s.minutes
        for s in slots_between(date(2026, 10, 24), date(2026, 10, 24), THREE_BY_EIGHT, PARIS)
    )
    assert day_minutes == 25 * 60


def test_both_passes_of_the_repeated_autumn_hour_are_in_the_same_night() -> None:
    first_pass = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    second_pass = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET
    for moment in (first_pass, second_pass):
        assert slot_at(moment, THREE_BY_EIGHT, PARIS).key == (date(2026, 10, 24), "night")
    # the morning starts at 05:00 CET = 04:00 UTC
    assert slot_at(datetime(2026, 10, 25, 4, tzinfo=UTC), THREE_BY_EIGHT, PARIS).key == (
        date(2026, 10, 25),
        "morning",
    )
    # in spring 03:30 CEST (01:30 UTC) is still the night of the 28th
    assert slot_at(datetime(2026, 3, 29, 1, 30, tzinfo=UTC), THREE_BY_EIGHT, PARIS).key == (
        date(2026, 3, 28),
        "night",
    )


def test_a_pattern_with_overlapping_shifts_is_refused() -> None:
    assert len(check_pattern(THREE_BY_EIGHT)) == 3
    with pytest.raises(InputError, match="overlap"):
        check_pattern([ShiftDef("morning", time(5), time(14)), *THREE_BY_EIGHT[1:]])
    with pytest.raises(InputError, match="twice"):
        check_pattern([THREE_BY_EIGHT[0], THREE_BY_EIGHT[0]])


# --- the rotation ------------------------------------------------------------------------------


@pytest.mark.parametrize("pattern", [THREE_BY_EIGHT, TWO_BY_TWELVE], ids=["3x8", "2x12"])
def test_the_default_rotation_gives_every_shift_exactly_one_crew(pattern) -> None:
    codes = [s.code for s in pattern]
    rotation = check_rotation(default_rotation(codes, CREWS, date(2025, 6, 3)), codes)
    worked: Counter = Counter()
    for offset in range(-40, 40):
        day = date(2026, 3, 29) + timedelta(days=offset)
        on_duty = rotation.crews_on(day)
        assert sorted(on_duty) == sorted(codes)
        assert len(set(on_duty.values())) == len(codes)
        for crew in on_duty.values():
            worked[crew] += 1
    # over whole cycles every crew works the same number of shifts
    assert len(set(worked.values())) == 1


def test_the_5x8_cycle_is_two_mornings_two_afternoons_two_nights_four_days_off() -> None:
    rotation = default_rotation(["morning", "afternoon", "night"], CREWS, date(2025, 6, 3))
    walk = [rotation.crew_shift("A", date(2025, 6, 3) + timedelta(days=d)) for d in range(10)]
    assert walk == ["morning"] * 2 + ["afternoon"] * 2 + ["night"] * 2 + [None] * 4
    # crew B starts the same walk two days later
    assert rotation.crew_shift("B", date(2025, 6, 5)) == "morning"
    assert rotation.crew_shift("Z", date(2025, 6, 5)) is None


def test_a_rotation_leaving_a_shift_uncovered_is_refused() -> None:
    codes = ["morning", "afternoon", "night"]
    cycle = parse_cycle("morning,afternoon,night,-,-,-,-,-,-,-", codes)
    with pytest.raises(InputError, match="crews instead of one"):
        check_rotation(Rotation(date(2025, 6, 3), cycle, CREWS, 2), codes)
    with pytest.raises(InputError, match="Unknown shift"):
        parse_cycle("morning,evening", codes)


# --- holidays ----------------------------------------------------------------------------------


def test_easter_and_the_french_holidays_that_move_with_it() -> None:
    assert easter_sunday(2024) == date(2024, 3, 31)
    assert easter_sunday(2025) == date(2025, 4, 20)
    assert easter_sunday(2026) == date(2026, 4, 5)
    assert easter_sunday(2038) == date(2038, 4, 25)
    days = dict(french_holidays(2026))
    assert len(days) == 11
    assert days[date(2026, 4, 6)] == "Easter Monday"
    assert days[date(2026, 5, 14)] == "Ascension Day"
    assert days[date(2026, 5, 25)] == "Whit Monday"
    assert days[date(2026, 7, 14)] == "Bastille Day"


# --- attendance --------------------------------------------------------------------------------

NIGHT_AUTUMN = slot(date(2026, 10, 24), THREE_BY_EIGHT[2], PARIS)
NIGHT_SPRING = slot(date(2026, 3, 28), THREE_BY_EIGHT[2], PARIS)
AFTER = datetime(2026, 12, 1, tzinfo=UTC)


def test_a_full_autumn_night_is_nine_hours_worked_and_no_overtime() -> None:
    verdict = judge(
        True, NIGHT_AUTUMN, paris(2026, 10, 24, 20, 55), paris(2026, 10, 25, 5, 3), AFTER
    )
    assert verdict.state is AttendanceState.PRESENT
    assert verdict.worked_minutes == pytest.approx(548)
    assert verdict.overtime_minutes == 0 and verdict.late_minutes == 0


def test_staying_an_hour_after_the_spring_night_is_an_hour_of_overtime() -> None:
    verdict = judge(True, NIGHT_SPRING, paris(2026, 3, 28, 21, 20), paris(2026, 3, 29, 6), AFTER)
    assert verdict.state is AttendanceState.LATE and verdict.late_minutes == pytest.approx(20)
    assert verdict.overtime_minutes == pytest.approx(60)
    assert verdict.worked_minutes == pytest.approx(7 * 60 + 40 - 60 + 60)  # 21:20 CET-06:00 CEST


def test_absent_expected_extra_and_missing_clock_out() -> None:
    running = NIGHT_AUTUMN.start + timedelta(hours=2)
    assert judge(True, NIGHT_AUTUMN, None, None, running).state is AttendanceState.ABSENT
    before = NIGHT_AUTUMN.start + timedelta(minutes=3)
    assert judge(True, NIGHT_AUTUMN, None, None, before).state is AttendanceState.EXPECTED
    assert judge(False, NIGHT_AUTUMN, None, None, running) is None
    extra = judge(False, NIGHT_AUTUMN, NIGHT_AUTUMN.start, NIGHT_AUTUMN.end, AFTER)
    assert extra.state is AttendanceState.EXTRA and extra.overtime_minutes == 540
    forgot = judge(True, NIGHT_AUTUMN, NIGHT_AUTUMN.start, None, AFTER)
    assert forgot.missing_clock_out and forgot.worked_minutes == 540
    still_there = judge(True, NIGHT_AUTUMN, NIGHT_AUTUMN.start, None, running)
    assert not still_there.missing_clock_out and still_there.worked_minutes == 120
    early = judge(
        True, NIGHT_AUTUMN, NIGHT_AUTUMN.start, NIGHT_AUTUMN.end - timedelta(hours=1), AFTER
    )
    assert early.early_leave_minutes == 60


def test_a_clock_in_goes_to_the_rostered_shift_else_the_nearest_start() -> None:
    slots = slots_between(date(2026, 6, 1), date(2026, 6, 2), THREE_BY_EIGHT, PARIS)
    moment = paris(2026, 6, 1, 12, 50)
    afternoon = (date(2026, 6, 1), "afternoon")
    morning = (date(2026, 6, 1), "morning")
    assert attribute_clock_in(moment, slots, [afternoon]).key == afternoon
    assert attribute_clock_in(moment, slots, [morning]).key == morning
    assert attribute_clock_in(moment, slots, []).key == afternoon
    # 20:40 on the autumn Saturday: the night of the 24th, rostered or not
    autumn = slots_between(date(2026, 10, 24), date(2026, 10, 25), THREE_BY_EIGHT, PARIS)
    assert attribute_clock_in(paris(2026, 10, 24, 20, 40), autumn).key == (
        date(2026, 10, 24),
        "night",
    )
