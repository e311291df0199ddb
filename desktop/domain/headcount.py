"""Headcount arithmetic: the daily series, hiring and attrition rates, the forecast of the date the
staffing target is reached, and the capacity-linked plan. Pure functions over dates.

The rule (README, "People"): an employee counts on day D when hire_date <= D and (no end_date or
D <= end_date), the end date being the last day worked. So the count on D is the number of hire
dates on or before D minus the number of end dates strictly before D.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

RATE_WINDOW_DAYS = 90
# The forecast stops looking after this many years: beyond it, "not at the current rates".
FORECAST_HORIZON_YEARS = 30
DEFAULT_EXPANSION_GWH = (24.0, 30.0)


@dataclass(frozen=True)
class Spans:
    """Sorted hire dates and sorted end dates of a population (answering counts in log time)."""

    hires: tuple[date, ...]
    ends: tuple[date, ...]

    @classmethod
    def of(cls, spans: Iterable[tuple[date, date | None]]) -> Spans:
        hires: list[date] = []
        ends: list[date] = []
        for hire, end in spans:
            hires.append(hire)
            if end is not None:
                ends.append(end)
        return cls(tuple(sorted(hires)), tuple(sorted(ends)))

    def count(self, day: date) -> int:
        """Headcount on `day` (end dates are last days worked, so they count on that day)."""
        return bisect_right(self.hires, day) - bisect_left(self.ends, day)

    def hires_between(self, first: date, last: date) -> int:
        """Hires with first <= hire_date <= last."""
        return bisect_right(self.hires, last) - bisect_left(self.hires, first)

    def leavers_between(self, first: date, last: date) -> int:
        """Leavers whose last day worked is first <= end_date <= last."""
        return bisect_right(self.ends, last) - bisect_left(self.ends, first)

    def series(self, first: date, last: date) -> list[tuple[date, int]]:
        """The headcount of every day from `first` to `last` inclusive."""
        days = (last - first).days + 1
        return [(first + timedelta(d), self.count(first + timedelta(d))) for d in range(days)]

    def average(self, first: date, last: date) -> float:
        values = [n for _d, n in self.series(first, last)]
        return sum(values) / len(values) if values else 0.0


@dataclass(frozen=True)
class Rates:
    """Hires per month and leavers per month over the window, and the attrition they make."""

    window_days: int
    hires: int
    leavers: int
    average_headcount: float

    @property
    def hires_per_month(self) -> float:
        return self.hires / self.window_days * 365.25 / 12

    @property
    def leavers_per_month(self) -> float:
        return self.leavers / self.window_days * 365.25 / 12

    @property
    def annual_attrition(self) -> float:
        """Leavers per year as a share of the average headcount (0.08 = 8 % a year)."""
        if self.average_headcount <= 0:
            return 0.0
        return self.leavers / self.window_days * 365.25 / self.average_headcount


def rates(spans: Spans, today: date, window_days: int = RATE_WINDOW_DAYS) -> Rates:
    """Hiring and attrition over the `window_days` days ending with `today`."""
    first = today - timedelta(days=window_days - 1)
    # A leaver's end date is their last day worked: one who left yesterday shows today.
    return Rates(
        window_days,
        spans.hires_between(first, today),
        spans.leavers_between(first - timedelta(days=1), today - timedelta(days=1)),
        spans.average(first, today),
    )


def forecast_date(current: int, target: int, rates_now: Rates, today: date) -> date | None:
    """When the headcount reaches `target` if hiring and attrition go on as in `rates_now`.

    Hires arrive at h a day and each employee leaves with probability a a day, so
    dH/dt = h - a H and H(t) = H* + (H0 - H*) e^(-a t) with H* = h / a: the headcount tends to H*
    and reaches the target only if H* > target. None: not within the horizon at these rates.
    """
    if current >= target:
        return today
    h = rates_now.hires / rates_now.window_days
    a = rates_now.annual_attrition / 365.25
    if h <= 0:
        return None
    if a <= 0:
        days = (target - current) / h
    else:
        ceiling = h / a
        if ceiling <= target:
            return None
        days = math.log((ceiling - current) / (ceiling - target)) / a
    if days > FORECAST_HORIZON_YEARS * 365.25:
        return None
    return today + timedelta(days=math.ceil(days))


def forecast_series(
    current: int, target: int, rates_now: Rates, today: date, until: date
) -> list[tuple[date, float]]:
    """The forecast curve every 30 days from today, ending on `until` (for the chart)."""
    h = rates_now.hires / rates_now.window_days
    a = rates_now.annual_attrition / 365.25

    def at(day: date) -> float:
        t = (day - today).days
        if a > 0:
            ceiling = h / a
            return ceiling + (current - ceiling) * math.exp(-a * t)
        return current + h * t

    days = [today + timedelta(days=30 * n) for n in range(max(0, (until - today).days) // 30 + 1)]
    if days[-1] < until:
        days.append(until)
    return [(day, at(day)) for day in days]


@dataclass(frozen=True)
class CapacityNeed:
    gwh: float
    staff: int


def capacity_plan(staff_per_gwh: float, capacities: Sequence[float]) -> list[CapacityNeed]:
    """Staff needed at each capacity, at `staff_per_gwh` people per GWh a year."""
    return [CapacityNeed(gwh, math.ceil(gwh * staff_per_gwh - 1e-9)) for gwh in capacities]


def plan_at(points: Sequence[tuple[date, int]], day: date) -> int | None:
    """The planned headcount in force on `day`: the last plan point on or before it."""
    months = [p[0] for p in points]
    index = bisect_right(months, day) - 1
    return points[index][1] if index >= 0 else None
