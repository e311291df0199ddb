"""What a shift produced, stopped and held: the figures the handover summary and the shift report
share, read through the Production part's public functions and the Genealogy part's holds.

A shift still running is counted up to `now` (Production's throughput does the same).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.domain.oee import clip
from desktop.domain.production import REASONS_BY_CODE, UNEXPLAINED, UNEXPLAINED_NAME
from desktop.services.production.downtime import list_downtime
from desktop.services.production.figures import throughput
from desktop.services.production.plan import PlannedOutput
from desktop.services.roster import stations_by_id
from desktop.storage.models.genealogy import Item, ItemHold


@dataclass(frozen=True)
class StationFigures(PlannedOutput):
    line: str
    station: str
    name: str
    units: int
    plan: float
    ng: int
    fpy: float | None
    oee: float | None
    downtime_minutes: float

    @property
    def scrap_rate(self) -> float | None:
        return self.ng / self.units if self.units else None


@dataclass(frozen=True)
class LineFigures(PlannedOutput):
    line: str
    units: int
    plan: float
    ng: int
    fpy: float | None
    oee: float | None
    downtime_minutes: float
    bottleneck: str | None


@dataclass(frozen=True)
class ReasonFigures:
    reason: str  # code
    name: str  # English template
    planned: bool
    stops: int
    minutes: float


@dataclass(frozen=True)
class HoldFigures:
    item: str
    kind: str
    material: str
    station: str | None
    reason: str
    placed_at: datetime
    placed_by: str
    released_at: datetime | None


@dataclass(frozen=True)
class ShiftFigures:
    start: datetime
    until: datetime  # the end, or now for a shift still running
    stations: list[StationFigures]
    lines: list[LineFigures]
    downtime: list[ReasonFigures]
    holds: list[HoldFigures]


def figures(
    session: Session, start: datetime, end: datetime, line: str | None, now: datetime
) -> ShiftFigures:
    """Production per station against its plan, NG (scrap), downtime by reason and the holds
    placed, over [start, min(end, now))."""
    until = max(min(end, now), start)
    report = throughput(session, start, end, line, now)
    names = {ref.code: ref.name for ref in stations_by_id(session, line).values()}
    stations = [
        StationFigures(
            s.line,
            s.station,
            names.get(s.station, s.station),
            s.units,
            s.plan_units,
            s.ng,
            s.fpy,
            s.oee,
            s.downtime_minutes,
        )
        for s in report.stations
    ]
    lines = [
        LineFigures(
            ln.line,
            ln.units,
            ln.plan_units,
            ln.ng,
            ln.fpy,
            ln.oee,
            ln.downtime_minutes,
            ln.bottleneck,
        )
        for ln in report.lines
    ]
    by_reason: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    if until > start:
        for stop in list_downtime(session, start, until, line, now):
            inside = clip([(stop.start, stop.end or now)], start, until)
            minutes = sum((b - a).total_seconds() for a, b in inside) / 60.0
            if minutes <= 0:
                continue
            by_reason[stop.reason][0] += 1
            by_reason[stop.reason][1] += minutes
    downtime = []
    for code, (count, minutes) in by_reason.items():
        known = REASONS_BY_CODE.get(code)
        name = known.name if known else (UNEXPLAINED_NAME if code == UNEXPLAINED else code)
        downtime.append(
            ReasonFigures(code, name, bool(known and known.planned), int(count), minutes)
        )
    downtime.sort(key=lambda r: (r.planned, -r.minutes))
    return ShiftFigures(
        start, until, stations, lines, downtime, holds_placed(session, start, until, line)
    )


def holds_placed(
    session: Session, start: datetime, end: datetime, line: str | None
) -> list[HoldFigures]:
    """Holds placed in [start, end): on the line's material (made or last seen at one of its
    stations) when a line is given, every hold otherwise."""
    query = (
        select(ItemHold, Item)
        .join(Item, Item.id == ItemHold.item_id)
        .where(ItemHold.placed_at >= start, ItemHold.placed_at < end)
        .order_by(ItemHold.placed_at)
    )
    if line is not None:
        codes = [ref.code for ref in stations_by_id(session, line).values()]
        query = query.where(or_(Item.station.in_(codes), Item.last_station.in_(codes)))
    return [
        HoldFigures(
            item.business_id,
            item.kind,
            item.material,
            item.last_station or item.station,
            hold.reason,
            hold.placed_at,
            hold.placed_by,
            hold.released_at,
        )
        for hold, item in session.execute(query.limit(500)).all()
    ]
