"""Plant time: UTC storage, plant-time input, shifts across midnight and clock changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from desktop.domain.messages import InputError
from desktop.domain.plant_time import (
    as_utc,
    local_window,
    parse_date,
    parse_datetime,
    plant_date,
    plant_day_bounds,
    to_plant,
    zone,
)

PARIS = zone("Europe/Paris")


def test_naive_time_from_a_person_is_plant_time() -> None:
    assert parse_datetime("2026-07-01 08:00", PARIS) == datetime(2026, 7, 1, 6, 0, tzinfo=UTC)
    assert parse_datetime("2026-01-15T08:00", PARIS) == datetime(2026, 1, 15, 7, 0, tzinfo=UTC)


def test_time_with_offset_keeps_its_offset() -> None:
    assert parse_datetime("2026-07-01T08:00+00:00", PARIS) == datetime(2026, 7, 1, 8, tzinfo=UTC)


def test_bare_date_is_plant_midnight() -> None:
    assert parse_datetime("2026-07-01", PARIS) == datetime(2026, 6, 30, 22, 0, tzinfo=UTC)


@pytest.mark.parametrize("text", ["2026-02-30", "yesterday", "2026-13-01 10:00", ""])
def test_bad_dates_are_refused_with_the_text(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_datetime(text, PARIS)
    assert repr(text)[1:-1] in str(caught.value)


def test_calendar_date_refuses_february_30() -> None:
    with pytest.raises(InputError, match="2026-02-30"):
        parse_date("2026-02-30")
    assert parse_date("2026-02-28") == date(2026, 2, 28)


def test_time_in_the_spring_gap_does_not_exist() -> None:
    with pytest.raises(InputError, match="does not exist"):
        as_utc(datetime(2026, 3, 29, 2, 30), PARIS)


def test_time_in_the_autumn_overlap_takes_the_first_occurrence() -> None:
    assert as_utc(datetime(2026, 10, 25, 2, 30), PARIS) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_night_shift_crosses_midnight() -> None:
    start, end = local_window(date(2026, 7, 1), time(21), time(5), PARIS)
    assert start == datetime(2026, 7, 1, 19, tzinfo=UTC)
    assert end == datetime(2026, 7, 2, 3, tzinfo=UTC)


def test_night_shift_over_spring_forward_lasts_seven_hours() -> None:
    start, end = local_window(date(2026, 3, 28), time(21), time(5), PARIS)
    assert end - start == timedelta(hours=7)


def test_night_shift_over_fall_back_lasts_nine_hours() -> None:
    start, end = local_window(date(2026, 10, 24), time(21), time(5), PARIS)
    assert end - start == timedelta(hours=9)


def test_day_shift_is_eight_hours_on_a_clock_change_day() -> None:
    start, end = local_window(date(2026, 3, 29), time(5), time(13), PARIS)
    assert end - start == timedelta(hours=8)


@pytest.mark.parametrize(
    ("day", "hours"),
    [(date(2026, 3, 29), 23), (date(2026, 10, 25), 25), (date(2026, 7, 1), 24)],
)
def test_plant_days_have_23_24_or_25_hours(day: date, hours: int) -> None:
    start, end = plant_day_bounds(day, PARIS)
    assert end - start == timedelta(hours=hours)


def test_a_utc_moment_after_midnight_belongs_to_the_next_plant_day() -> None:
    moment = datetime(2026, 7, 1, 22, 30, tzinfo=UTC)
    assert plant_date(moment, PARIS) == date(2026, 7, 2)
    assert to_plant(moment, PARIS).hour == 0


def test_unknown_time_zone_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="Unknown time zone: Europe/Pariss"):
        zone("Europe/Pariss")
