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
    """`station`'s output over [start, min(end, now)) against its plan; only its own planned
    stops count (a stop listed twice counts once)."""
    until = max(min(end, now), start)
    figures = oee_math.station_figures(
        start,
        until,
        units=made,
        ng=0,
        ideal_cycle_seconds=0.0,
        stops=oee_stops((s for s in stops if s.station == station and s.planned), now),
    )
    plan = planned_units(target_per_hour, figures)
    return PlanProgress(made, plan, plan_state(made, plan))
