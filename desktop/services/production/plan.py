"""The plan so far: what a station's target rate asks for in the time planned to run, and
whether the output is ahead of it, on it or behind it.

Planned stops (breaks, changeovers) are no time planned to run: the plan stands still through
them, as OEE's planned time does (desktop/domain/oee.py). The figures (`throughput`, which the
shift report reads) and the Line page's plan tile both count the plan here, so the two agree
during a break.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.domain import oee as oee_math
from desktop.services.production.downtime import DowntimeInfo

ON_PLAN_SHARE = 0.95  # output this close under the plan still counts as on plan


class PlanState(StrEnum):
    AHEAD = "ahead"
    ON_PLAN = "on plan"
    BEHIND = "behind"


class PlannedOutput:
    """Units made against a plan: a station's, a line's or a shift's handover. The attainment
    rule lives here once; the Line page's bottleneck and the shift report both read it."""

    units: int
    plan: float

    @property
    def attainment(self) -> float | None:
        """Output as a share of the plan (None without a plan)."""
        return self.units / self.plan if self.plan > 0 else None


@dataclass(frozen=True)
class PlanProgress:
    """A station's (or a line's output station's) units made against its plan so far."""

    made: int
    plan: float  # units the target rate asks for in the planned time elapsed
    state: PlanState


def oee_stops(stops: Iterable[DowntimeInfo], now: datetime) -> list[oee_math.Stop]:
    """Stops as the OEE arithmetic takes them (one still open lasts until `now`)."""
    return [oee_math.Stop(s.start, s.end or now, s.planned) for s in stops]


def planned_units(target_per_hour: float, figures: oee_math.Figures) -> float:
    """The target rate over the window's planned time (the window minus planned stops)."""
    return target_per_hour * figures.planned_seconds / 3600.0


def plan_state(made: int, plan: float) -> PlanState:
    if made >= plan:
        return PlanState.AHEAD
    if made >= plan * ON_PLAN_SHARE:
        return PlanState.ON_PLAN
    return PlanState.BEHIND


def _planned_stops(
    stops: Iterable[DowntimeInfo], station: str, now: datetime
) -> list[oee_math.Stop]:
    """`station`'s own planned stops (a stop listed twice counts once in the arithmetic)."""
    return oee_stops((s for s in stops if s.station == station and s.planned), now)


def _plan_until(
    start: datetime, until: datetime, target_per_hour: float, planned: list[oee_math.Stop]
) -> float:
    figures = oee_math.station_figures(
        start, until, units=0, ng=0, ideal_cycle_seconds=0.0, stops=planned
    )
    return planned_units(target_per_hour, figures)


def plan_so_far(
    start: datetime,
    end: datetime,
    now: datetime,
    *,
    station: str,
    target_per_hour: float,
    made: int,
    stops: Iterable[DowntimeInfo] = (),
) -> PlanProgress:
    """`station`'s output over [start, min(end, now)) against its plan."""
    until = max(min(end, now), start)
    plan = _plan_until(start, until, target_per_hour, _planned_stops(stops, station, now))
    return PlanProgress(made, plan, plan_state(made, plan))


def plan_curve(
    start: datetime,
    end: datetime,
    now: datetime,
    *,
    station: str,
    target_per_hour: float,
    stops: Iterable[DowntimeInfo] = (),
) -> list[tuple[datetime, float]]:
    """The plan over the whole shift as its corners (time, units planned by then): rising at
    the target rate, flat through `station`'s planned stops (one still open lasts until now)."""
    planned = _planned_stops(stops, station, now)
    corners = sorted(
        {start, end, *(t for s in planned for t in (s.start, s.end) if start < t < end)}
    )
    return [(t, _plan_until(start, t, target_per_hour, planned)) for t in corners]
