"""Units, NG, first-pass yield, OEE and downtime per station and line over a window, and the
line's bottleneck: what the Line page, the shift report and `linedesk report throughput` show.

Units count by minute total (a minute belongs to the window when it starts in it); the arithmetic
is desktop/domain/oee.py's, the plan desktop/services/production/plan.py's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain import oee as oee_math
from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, NotFoundError
from desktop.domain.plant_time import utc_now
from desktop.services.production.downtime import DowntimeInfo, list_downtime
from desktop.services.production.plan import PlannedOutput, oee_stops, planned_units
from desktop.services.production.rates import station_rates
from desktop.storage.models import Line
from desktop.storage.models.production import ProductionMinute

BOTTLENECK_MIN_PLAN = 5.0  # a station planned to make fewer units in the window is too coarse


@dataclass(frozen=True)
class StationThroughput(PlannedOutput):
    station: str
    line: str
    units: int
    ng: int
    fpy: float | None
    oee: float | None
    availability: float | None
    performance: float | None
    quality: float | None
    downtime_minutes: float
    planned_stop_minutes: float
    target_per_hour: float
    plan_units: float
    per_hour: float
    ideal_cycle_seconds: float
    figures: oee_math.Figures = field(repr=False)

    @property
    def plan(self) -> float:
        """Units the target rate asks for in the window (`plan_units`)."""
        return self.plan_units


@dataclass(frozen=True)
class LineThroughput:
    line: str
    units: int
    ng: int
    fpy: float | None
    oee: float | None
    downtime_minutes: float
    plan_units: float
    target_per_hour: float
    takt_seconds: float | None
    bottleneck: str | None


@dataclass(frozen=True)
class ThroughputReport:
    start: datetime
    end: datetime
    stations: list[StationThroughput]
    lines: list[LineThroughput]

    def as_json(self) -> dict:
        """The shape `linedesk report throughput --format json` prints."""

        def r(value: float | None, digits: int = 4) -> float | None:
            return None if value is None else round(value, digits)

        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "stations": [
                {
                    "station": s.station,
                    "line": s.line,
                    "units": s.units,
                    "ng": s.ng,
                    "fpy": r(s.fpy),
                    "oee": r(s.oee),
                    "downtime_minutes": round(s.downtime_minutes, 1),
                }
                for s in self.stations
            ],
            "lines": [
                {
                    "line": ln.line,
                    "units": ln.units,
                    "ng": ln.ng,
                    "fpy": r(ln.fpy),
                    "oee": r(ln.oee),
                    "downtime_minutes": round(ln.downtime_minutes, 1),
                    "bottleneck": ln.bottleneck,
                }
                for ln in self.lines
            ],
        }


def throughput(
    session: Session,
    start: datetime,
    end: datetime,
    line: str | None = None,
    now: datetime | None = None,
) -> ThroughputReport:
    """Units, NG, FPY, OEE and downtime per station and line over [start, end).

    Time after `now` is not counted (a shift still running is judged on its elapsed part).
    Units count by minute: a minute belongs to the window when it starts in it.
    """
    if start.tzinfo is None or end.tzinfo is None:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A report window needs zoned times"))
    if end <= start:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "The report window must end after it starts")
        )
    now = now or utc_now()
    rates = station_rates(session, line)
    if line is not None and not rates:
        if session.scalar(select(Line.id).where(Line.code == line)) is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown line: {line}"), line=line)
    effective_end = max(min(end, now), start)
    ids = [r.station_id for r in rates]
    sums = dict.fromkeys(ids, (0, 0))
    if ids:
        for station_id, units, ng in session.execute(
            select(
                ProductionMinute.station_id,
                func.sum(ProductionMinute.units),
                func.sum(ProductionMinute.ng),
            )
            .where(
                ProductionMinute.station_id.in_(ids),
                ProductionMinute.minute > start - timedelta(minutes=1),
                ProductionMinute.minute < effective_end,
            )
            .group_by(ProductionMinute.station_id)
        ):
            sums[station_id] = (int(units or 0), int(ng or 0))
    stops: dict[str, list[DowntimeInfo]] = defaultdict(list)
    for stop in list_downtime(session, start, effective_end, line, now, rates):
        stops[stop.station].append(stop)
    stations = []
    for rate in rates:
        units, ng = sums[rate.station_id]
        figures = oee_math.station_figures(
            start,
            effective_end,
            units=units,
            ng=ng,
            ideal_cycle_seconds=rate.ideal_cycle_seconds,
            stops=oee_stops(stops[rate.station], now),
        )
        hours = figures.window_seconds / 3600.0
        stations.append(
            StationThroughput(
                station=rate.station,
                line=rate.line,
                units=units,
                ng=ng,
                fpy=figures.fpy,
                oee=figures.oee,
                availability=figures.availability,
                performance=figures.performance,
                quality=figures.quality,
                downtime_minutes=figures.downtime_seconds / 60.0,
                planned_stop_minutes=figures.planned_stop_seconds / 60.0,
                target_per_hour=rate.target_per_hour,
                plan_units=planned_units(rate.target_per_hour, figures),
                per_hour=units / hours if hours > 0 else 0.0,
                ideal_cycle_seconds=rate.ideal_cycle_seconds,
                figures=figures,
            )
        )
    return ThroughputReport(start, effective_end, stations, _lines(stations))


def bottleneck(stations: Sequence[StationThroughput]) -> str | None:
    """The station furthest behind its plan (lowest units / plan) among those planned to make
    enough units in the window for the ratio to mean something."""
    candidates = [s for s in stations if s.plan_units >= BOTTLENECK_MIN_PLAN]
    if not candidates:
        return None
    return min(candidates, key=lambda s: (s.attainment or 0.0, s.station)).station


def _lines(stations: Sequence[StationThroughput]) -> list[LineThroughput]:
    grouped: dict[str, list[StationThroughput]] = defaultdict(list)
    for item in stations:
        grouped[item.line].append(item)
    lines = []
    for code, items in grouped.items():
        last = items[-1]  # ordered by position: the line's output is its last station's
        combined = oee_math.combine([s.figures for s in items])
        lines.append(
            LineThroughput(
                line=code,
                units=last.units,
                ng=sum(s.ng for s in items),
                fpy=oee_math.rolled_yield(s.fpy for s in items),
                oee=combined.oee,
                downtime_minutes=sum(s.downtime_minutes for s in items),
                plan_units=last.plan_units,
                target_per_hour=last.target_per_hour,
                takt_seconds=oee_math.takt_seconds(last.target_per_hour),
                bottleneck=bottleneck(items),
            )
        )
    return lines
