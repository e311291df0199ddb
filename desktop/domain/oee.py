"""OEE, first-pass yield and takt time: pure arithmetic over time intervals and unit counts.

OEE = availability x performance x quality (French plants say TRS, taux de rendement
synthétique), the usual definitions:

- planned time = the window minus planned stops (breaks, changeovers), which never count
  against availability;
- run time = planned time minus unplanned downtime (a stop recorded by a supervisor, or
  detected when a station made nothing for too long) that falls inside planned time;
- availability = run time / planned time;
- performance = ideal cycle time x units / run time (capped at 1: a station faster than its
  ideal cycle means the ideal is set too slow, not that it made more than 100 %);
- quality = good units / units; with the events recorded at the first pass, this is also the
  station's first-pass yield (FPY).

A line combines its stations time-weighted (sums of planned, run and ideal time, and of units),
so a station stopped for an hour weighs the same wherever it sits in the line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

Interval = tuple[datetime, datetime]


def clip(intervals: Iterable[Interval], start: datetime, end: datetime) -> list[Interval]:
    """The parts of `intervals` inside [start, end); empty ones are dropped."""
    clipped = []
    for begin, finish in intervals:
        begin, finish = max(begin, start), min(finish, end)
        if finish > begin:
            clipped.append((begin, finish))
    return clipped


def union(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, non-overlapping intervals covering the same time (overlaps counted once)."""
    merged: list[Interval] = []
    for begin, finish in sorted(i for i in intervals if i[1] > i[0]):
        if merged and begin <= merged[-1][1]:
            if finish > merged[-1][1]:
                merged[-1] = (merged[-1][0], finish)
        else:
            merged.append((begin, finish))
    return merged


def subtract(intervals: Iterable[Interval], holes: Iterable[Interval]) -> list[Interval]:
    """`intervals` minus `holes` (both may overlap themselves)."""
    result: list[Interval] = []
    cut = union(holes)
    for begin, finish in union(intervals):
        cursor = begin
        for hole_begin, hole_end in cut:
            if hole_end <= cursor or hole_begin >= finish:
                continue
            if hole_begin > cursor:
                result.append((cursor, hole_begin))
            cursor = max(cursor, hole_end)
            if cursor >= finish:
                break
        if cursor < finish:
            result.append((cursor, finish))
    return result


def _share(part: float, whole: float) -> float | None:
    """part / whole, or None when there is no whole to take a share of."""
    if whole <= 0:
        return None
    return part / whole


def seconds(intervals: Iterable[Interval]) -> float:
    return sum((finish - begin).total_seconds() for begin, finish in intervals)


@dataclass(frozen=True)
class Figures:
    """What OEE is computed from, for a station or summed over a line."""

    window_seconds: float
    planned_stop_seconds: float
    downtime_seconds: float
    units: int
    ng: int
    ideal_seconds: float  # ideal cycle time x units: the time the units needed at best

    @property
    def planned_seconds(self) -> float:
        return max(self.window_seconds - self.planned_stop_seconds, 0.0)

    @property
    def run_seconds(self) -> float:
        return max(self.planned_seconds - self.downtime_seconds, 0.0)

    @property
    def good(self) -> int:
        return self.units - self.ng

    @property
    def availability(self) -> float | None:
        """None when the whole window was a planned stop (nothing was asked of the station)."""
        return _share(self.run_seconds, self.planned_seconds)

    @property
    def performance(self) -> float | None:
        if self.planned_seconds <= 0:
            return None
        if self.run_seconds <= 0:
            return 0.0
        return min(self.ideal_seconds / self.run_seconds, 1.0)

    @property
    def quality(self) -> float | None:
        """Good units / units; None when nothing was made (there is no yield to speak of)."""
        return _share(self.good, self.units)

    @property
    def fpy(self) -> float | None:
        return self.quality

    @property
    def oee(self) -> float | None:
        availability, performance = self.availability, self.performance
        if availability is None or performance is None:
            return None
        return availability * performance * (self.quality if self.units else 0.0)

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.window_seconds + other.window_seconds,
            self.planned_stop_seconds + other.planned_stop_seconds,
            self.downtime_seconds + other.downtime_seconds,
            self.units + other.units,
            self.ng + other.ng,
            self.ideal_seconds + other.ideal_seconds,
        )


@dataclass(frozen=True)
class Stop:
    """A stop of a station: planned (break, changeover) or not (breakdown, detected stop)."""

    start: datetime
    end: datetime
    planned: bool


def station_figures(
    start: datetime,
    end: datetime,
    *,
    units: int,
    ng: int,
    ideal_cycle_seconds: float,
    stops: Iterable[Stop] = (),
) -> Figures:
    """The figures of one station over [start, end).

    Overlapping stops count once; an unplanned stop inside a planned one is not downtime (the
    station was not asked to run), which is why planned stops are cut out first.
    """
    stops = list(stops)
    planned = union(clip(((s.start, s.end) for s in stops if s.planned), start, end))
    unplanned = subtract(
        clip(((s.start, s.end) for s in stops if not s.planned), start, end), planned
    )
    return Figures(
        window_seconds=max((end - start).total_seconds(), 0.0),
        planned_stop_seconds=seconds(planned),
        downtime_seconds=seconds(unplanned),
        units=units,
        ng=ng,
        ideal_seconds=ideal_cycle_seconds * units,
    )


def combine(figures: Sequence[Figures]) -> Figures:
    """Time-weighted figures of a line from its stations' figures."""
    total = Figures(0.0, 0.0, 0.0, 0, 0, 0.0)
    for item in figures:
        total = total + item
    return total


def rolled_yield(yields: Iterable[float | None]) -> float | None:
    """A line's first-pass yield: the product of its stations' (rolled throughput yield);
    stations that made nothing are left out; None when none made anything."""
    product, any_yield = 1.0, False
    for value in yields:
        if value is not None:
            product *= value
            any_yield = True
    return product if any_yield else None


def takt_seconds(demand_per_hour: float) -> float | None:
    """Takt time: the available time divided by the demand, here one hour / units per hour."""
    return 3600.0 / demand_per_hour if demand_per_hour > 0 else None
