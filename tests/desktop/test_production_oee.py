"""OEE, FPY, takt, the capacity plan, stop detection, the event cursor and the minute series:
pure arithmetic against hand-computed cases."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from desktop.domain import oee
from desktop.domain.plant_time import local_window
from desktop.domain.production import (
    EventCursor,
    capacity_plan_per_hour,
    check_reason,
    detected_stop,
    ideal_cycle_for,
)
from desktop.domain.production_series import MinuteSeries

PARIS = ZoneInfo("Europe/Paris")
T0 = datetime(2026, 1, 12, 5, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_intervals_union_clip_and_subtract() -> None:
    assert oee.union([(at(10), at(20)), (at(0), at(5)), (at(15), at(30))]) == [
        (at(0), at(5)),
        (at(10), at(30)),
    ]
    assert oee.clip([(at(-5), at(5)), (at(50), at(70))], at(0), at(60)) == [
        (at(0), at(5)),
        (at(50), at(60)),
    ]
    assert oee.subtract([(at(0), at(60))], [(at(10), at(20)), (at(15), at(30))]) == [
        (at(0), at(10)),
        (at(30), at(60)),
    ]
    assert oee.seconds([(at(0), at(1)), (at(2), at(4))]) == 180


def test_oee_with_a_planned_stop_overlapping_a_breakdown() -> None:
    """8 h shift; a 30 min break (planned); a 45 min breakdown, 15 min of it inside the break.
    Ideal cycle 60 s, 380 units of which 19 NG.

    planned time = 28800 - 1800 = 27000 s; downtime = 45 - 15 = 30 min = 1800 s;
    run = 25200 s; A = 25200/27000 = 0.93333; P = 380*60/25200 = 0.904762;
    Q = 361/380 = 0.95; OEE = 0.802222.
    """
    stops = [oee.Stop(at(240), at(270), planned=True), oee.Stop(at(255), at(300), planned=False)]
    figures = oee.station_figures(
        at(0), at(480), units=380, ng=19, ideal_cycle_seconds=60, stops=stops
    )
    assert figures.planned_seconds == 27000
    assert figures.downtime_seconds == 1800
    assert figures.availability == pytest.approx(25200 / 27000)
    assert figures.performance == pytest.approx(22800 / 25200)
    assert figures.quality == pytest.approx(0.95)
    assert figures.fpy == pytest.approx(0.95)
    assert figures.oee == pytest.approx(0.8022222, abs=1e-6)


def test_performance_is_capped_and_empty_windows_are_none() -> None:
    fast = oee.station_figures(at(0), at(60), units=100, ng=0, ideal_cycle_seconds=60)
    assert fast.performance == 1.0 and fast.oee == 1.0
    nothing = oee.station_figures(at(0), at(60), units=0, ng=0, ideal_cycle_seconds=60)
    assert nothing.quality is None and nothing.oee == 0.0
    all_planned = oee.station_figures(
        at(0), at(60), units=0, ng=0, ideal_cycle_seconds=60, stops=[oee.Stop(at(0), at(60), True)]
    )
    assert all_planned.availability is None and all_planned.oee is None


@pytest.mark.parametrize(
    ("day", "hours"),
    [
        (date(2026, 1, 10), 8),  # an ordinary night across midnight
        (date(2026, 3, 28), 7),  # clocks go forward at 02:00 on the 29th
        (date(2026, 10, 24), 9),  # clocks go back at 03:00 on the 25th
    ],
)
def test_night_shift_oee_across_midnight_and_daylight_saving(day: date, hours: int) -> None:
    """21:00-05:00 plant time. 20 min planned changeover at 23:50-00:10 (across midnight), 1 h
    breakdown at 02:30 UTC-free arithmetic: units at 50 s ideal cycle, 2 % NG."""
    start, end = local_window(day, time(21), time(5), PARIS)
    assert (end - start).total_seconds() == hours * 3600
    changeover = local_window(day, time(23, 50), time(0, 10), PARIS)
    breakdown = (start + timedelta(hours=4), start + timedelta(hours=5))
    units, ng = 400, 8
    stops = [oee.Stop(*changeover, planned=True), oee.Stop(*breakdown, planned=False)]
    figures = oee.station_figures(
        start, end, units=units, ng=ng, ideal_cycle_seconds=50, stops=stops
    )
    planned = hours * 3600 - 20 * 60
    run = planned - 3600
    assert figures.planned_seconds == planned
    assert figures.availability == pytest.approx(run / planned)
    assert figures.performance == pytest.approx(units * 50 / run)
    assert figures.oee == pytest.approx((run / planned) * (units * 50 / run) * (392 / 400))


def test_a_line_combines_time_weighted_and_rolls_its_yield() -> None:
    a = oee.station_figures(at(0), at(60), units=60, ng=6, ideal_cycle_seconds=30)
    b = oee.station_figures(
        at(0),
        at(60),
        units=50,
        ng=0,
        ideal_cycle_seconds=60,
        stops=[oee.Stop(at(0), at(10), False)],
    )
    line = oee.combine([a, b])
    assert line.availability == pytest.approx((3600 + 3000) / 7200)
    assert line.performance == pytest.approx((1800 + 3000) / (3600 + 3000))
    assert line.quality == pytest.approx(104 / 110)
    assert oee.rolled_yield([0.9, None, 0.5]) == pytest.approx(0.45)
    assert oee.rolled_yield([None]) is None
    assert oee.takt_seconds(2922.4) == pytest.approx(1.2319, abs=1e-4)
    assert oee.takt_seconds(0) is None


def test_the_plan_comes_from_the_site_capacity() -> None:
    """200,000 packs x 256 cells a year over 8760 h = 5844.7 cells/h, two cell lines share it;
    two module stations on the module line share its 91.3 modules/h; one pack station."""
    assert capacity_plan_per_hour(200_000, "filling", 2, 1) == pytest.approx(2922.37, abs=0.01)
    assert capacity_plan_per_hour(200_000, "module_assembly", 1, 2) == pytest.approx(
        45.66, abs=0.01
    )
    assert capacity_plan_per_hour(200_000, "pack_assembly", 1, 1) == pytest.approx(22.83, abs=0.01)
    assert ideal_cycle_for(2922.37) == pytest.approx(3600 * 0.85 / 2922.37)


def test_a_stop_is_detected_after_the_set_multiple_of_the_cycle() -> None:
    # ideal 10 s x multiple 10 = 100 s: 99 s idle is a minor stop, 300 s is a stop
    assert detected_stop(at(0), at(0) + timedelta(seconds=99), 10, 10) is None
    stop = detected_stop(at(0), at(5), 10, 10)
    assert stop == (at(0), at(5) - timedelta(seconds=10))
    # never under a minute, even for a 1 s cycle
    assert detected_stop(at(0), at(0) + timedelta(seconds=59), 1, 10) is None
    assert check_reason("Breakdown").code == "breakdown"
    with pytest.raises(Exception, match="Unknown downtime reason 'coffee'"):
        check_reason("coffee")


def test_the_cursor_asks_again_for_ids_committed_out_of_order() -> None:
    clock = [0.0]
    cursor = EventCursor(clock=lambda: clock[0], grace_seconds=60)
    assert cursor.accept([1, 2, 3]) == [1, 2, 3]
    assert cursor.accept([6, 7]) == [6, 7]  # 4 and 5 are still in open transactions
    assert cursor.ranges() == [(4, 5)]
    assert cursor.accept([5, 6, 7, 8]) == [5, 8]  # re-reads are filtered
    assert cursor.ranges() == [(4, 4)]
    clock[0] = 61.0  # 4 was rolled back: given up after the grace period
    assert cursor.accept([]) == []
    assert cursor.ranges() == []
    assert cursor.high == 8


def test_many_gaps_merge_into_one_range_and_a_snapshot_starts_with_its_holes() -> None:
    cursor = EventCursor(max_ranges=2)
    cursor.accept([2, 4, 6, 8])
    assert cursor.ranges() == [(1, 8)]  # three gaps: one range from the lowest
    assert cursor.accept([1, 2, 3, 4]) == [1, 3]
    fresh = EventCursor()
    fresh.start_at(100, [101, 102, 105])
    assert fresh.high == 105 and fresh.ranges() == [(103, 104)]


def test_minute_series_counts_slides_and_rates() -> None:
    series = MinuteSeries(["A", "B"], T0, 30)
    assert series.add("A", at(0), 3, 1)
    assert not series.add("A", at(30), 1, 0)  # outside
    added = series.add_events(
        ["A", "B", "B", "Z"], [at(1.5), at(1.2), at(29.9), at(2)], [True, False, True, True]
    )
    assert added == 3
    assert series.units[0, :3].tolist() == [3, 1, 0]
    assert series.ng[1, 1] == 1
    rates = series.per_hour(2)
    assert rates[0, 0] == 180.0  # 3 units in the first (only) minute
    assert rates[0, 1] == 120.0  # 4 units over 2 minutes
    assert series.totals() == {"A": (4, 1), "B": (2, 1)}
    assert series.cumulative("A", at(1)).tolist()[:3] == [0, 1, 1]
    assert series.advance(at(31)) == 2
    assert series.start == at(2)
    assert series.units[1, -3] == 1 and series.units[:, -2:].sum() == 0
    assert np.array_equal(series.x()[:2], [at(2).timestamp(), at(3).timestamp()])
    assert MinuteSeries.window_for(1.0) == 15 and MinuteSeries.window_for(5000) == 240
