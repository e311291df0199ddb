"""What the Line page loads once for a line and a shift, and what it polls while the shift runs:
the minute totals, the figures and stops, a cursor over the production events, and the plan tile.

The shift is the Shifts part's (desktop/services/shifts.py), as the shift report's: between two
shifts the page shows the one that ended last instead of failing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, NotFoundError
from desktop.domain.plant_time import utc_now
from desktop.domain.production import EventCursor
from desktop.domain.roles import Permission
from desktop.services.actor import Actor
from desktop.services.plant import default_site
from desktop.services.production.downtime import DowntimeInfo, list_downtime
from desktop.services.production.figures import ThroughputReport, throughput
from desktop.services.production.plan import PlanProgress, plan_curve, plan_so_far, plan_state
from desktop.services.production.rates import StationRateInfo, station_rates
from desktop.services.shifts import (
    ShiftInfo,
    calendar,
    plant_today,
    shift_at,
    shift_codes,
    shift_info,
)
from desktop.storage.models import Line, Station
from desktop.storage.models.production import ProductionEvent, ProductionMinute

TRAILING_IDS = 2000  # ids below the newest that a fresh live view checks for open transactions


def shift_to_show(session: Session, moment: datetime) -> ShiftInfo:
    """The shift running at `moment`; in a gap between shifts, the one that ended last (its
    figures are whole), so neither the Line page nor a report fails between two shifts."""
    running = shift_at(session, moment)
    if running is not None:
        return running
    today = plant_today(session, moment)
    ended = [
        shift
        for day in calendar(session, today - timedelta(days=2), 3)
        for shift in day.shifts
        if shift.end <= moment
    ]
    if not ended:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "No shift covers {moment}"), moment=moment
        )
    return max(ended, key=lambda shift: shift.end)


def minute_counts(
    session: Session, station_ids: Sequence[int], start: datetime, end: datetime
) -> list[tuple[int, datetime, int, int]]:
    """(station_id, minute, units, ng) for the minutes that start in (start - 1 min, end)."""
    if not station_ids:
        return []
    rows = session.execute(
        select(
            ProductionMinute.station_id,
            ProductionMinute.minute,
            ProductionMinute.units,
            ProductionMinute.ng,
        ).where(
            ProductionMinute.station_id.in_(list(station_ids)),
            ProductionMinute.minute > start - timedelta(minutes=1),
            ProductionMinute.minute < end,
        )
    ).all()
    return [tuple(r) for r in rows]


@dataclass(frozen=True)
class PolledEvent:
    id: int
    station: str
    at: datetime
    passed: bool


def repeatable_read(session: Session) -> None:
    """One snapshot for every statement of a read (PostgreSQL's default is per statement;
    SQLite's read transaction already is one). Once per session: the isolation of a
    transaction that began cannot change."""
    if session.info.get("repeatable_read"):
        return
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    session.info["repeatable_read"] = True


def start_cursor(session: Session, cursor: EventCursor) -> None:
    """Point `cursor` at the newest events of the session's snapshot (ids missing in the
    trailing window are transactions still open: they are asked for again)."""
    high = session.scalar(select(func.max(ProductionEvent.id))) or 0
    floor = max(high - TRAILING_IDS, 0)
    present = session.scalars(select(ProductionEvent.id).where(ProductionEvent.id > floor)).all()
    cursor.start_at(floor, present)


def poll_events(session: Session, cursor: EventCursor, limit: int = 5000) -> list[PolledEvent]:
    """The events not seen yet by `cursor`, oldest first; the cursor moves past them.

    The query asks for ids above the highest seen and for the gap ranges below it: an index range
    scan on the primary key, a handful of rows per second. Never a reload.
    """
    conditions = [ProductionEvent.id > cursor.high]
    conditions += [ProductionEvent.id.between(lo, hi) for lo, hi in cursor.ranges()]
    rows = session.execute(
        select(ProductionEvent.id, Station.code, ProductionEvent.at, ProductionEvent.passed)
        .join(Station, Station.id == ProductionEvent.station_id)
        .where(or_(*conditions))
        .order_by(ProductionEvent.id)
        .limit(limit)
    ).all()
    fresh = set(cursor.accept(r[0] for r in rows))
    return [PolledEvent(r[0], r[1], r[2], bool(r[3])) for r in rows if r[0] in fresh]


@dataclass
class LineSnapshot:
    """What the Line page loads once for a line and a shift; live ticks add to it."""

    line: str
    shift: ShiftInfo
    now: datetime
    chart_start: datetime
    chart_end: datetime
    rates: list[StationRateInfo]
    minutes: list[tuple[str, datetime, int, int]]  # station code, minute, units, ng
    report: ThroughputReport
    downtime: list[DowntimeInfo]
    cursor: EventCursor | None  # None for a shift that is over (nothing live to follow)
    time_zone: str = "Europe/Paris"
    lead_minutes: int = 240  # minute totals loaded before chart_start
    # the shift's planned stops, those still ahead included: the plan stands still through them
    planned_stops: list[DowntimeInfo] = field(default_factory=list)

    @property
    def live(self) -> bool:
        return self.cursor is not None


def line_snapshot(
    session: Session,
    line: str,
    shift: ShiftInfo,
    now: datetime | None = None,
    chart_hours: float = 8.0,
    lead_minutes: int = 240,
) -> LineSnapshot:
    """The line over a shift in one consistent snapshot (so the live cursor starts exactly where
    the loaded totals end): minute totals of the last `chart_hours` (up to now, or to the end of
    a past shift) plus `lead_minutes` before them (so rolling rates are whole at the left
    edge), the shift's figures and stops."""
    repeatable_read(session)
    now = now or utc_now()
    live = shift.start <= now < shift.end
    cursor = None
    if live:
        cursor = EventCursor()
        start_cursor(session, cursor)
    chart_end = now if live else shift.end
    chart_start = min(chart_end - timedelta(hours=chart_hours), shift.start)
    rates = station_rates(session, line)
    if not rates and session.scalar(select(Line.id).where(Line.code == line)) is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown line: {line}"), line=line)
    codes = {r.station_id: r.station for r in rates}
    minutes = [
        (codes[s], m, u, n)
        for s, m, u, n in minute_counts(
            session,
            list(codes),
            chart_start - timedelta(minutes=lead_minutes),
            # a live view also takes what simulators wrote ahead of the clock, to show it
            # when the clock gets there (the poll will not return those events again)
            chart_end + timedelta(hours=24) if live else chart_end,
        )
    ]
    report = throughput(session, shift.start, shift.end, line, now)
    downtime = list_downtime(session, shift.start, min(shift.end, now), line, now, rates)
    planned = [
        s for s in list_downtime(session, shift.start, shift.end, line, now, rates) if s.planned
    ]
    return LineSnapshot(
        line,
        shift,
        now,
        chart_start,
        chart_end,
        rates,
        minutes,
        report,
        downtime,
        cursor,
        default_site(session).time_zone,
        lead_minutes,
        planned,
    )


# --- what the Line page asks, as the operations kernel runs it -------------------------------


def line_choices(session: Session) -> tuple[list[str], list[str]]:
    """The active lines and the active pattern's shift codes, for the page's choosers."""
    lines = list(session.scalars(select(Line.code).where(Line.active).order_by(Line.code)))
    return lines, shift_codes(session)


def line_view(
    session: Session,
    actor: Actor,
    line: str,
    day: date | None = None,
    shift: str | None = None,
    *,
    chart_hours: float = 8.0,
    now: datetime | None = None,
) -> LineSnapshot:
    """The line over the shift `shift` of plant day `day`, or over the current shift."""
    actor.require(Permission.VIEW_PRODUCTION)
    repeatable_read(session)
    now = now or utc_now()
    window = shift_info(session, day, shift) if day and shift else shift_to_show(session, now)
    return line_snapshot(session, line, window, now, chart_hours)


def line_figures(
    session: Session, actor: Actor, line: str, shift: ShiftInfo, now: datetime | None = None
) -> tuple[ThroughputReport, list[DowntimeInfo]]:
    """The shift's figures so far and its stops, recomputed every few seconds while live."""
    actor.require(Permission.VIEW_PRODUCTION)
    repeatable_read(session)
    now = now or utc_now()
    rates = station_rates(session, line)
    report = throughput(session, shift.start, shift.end, line, now)
    return report, list_downtime(session, shift.start, min(shift.end, now), line, now, rates)


def line_plan_so_far(
    snapshot: LineSnapshot, made: int, now: datetime, stops: Iterable[DowntimeInfo] = ()
) -> PlanProgress:
    """The plan tile: the line's output (its last station's units, as in the figures) against the
    plan so far, the snapshot's planned stops and `stops` (a later reading) counted out."""
    if not snapshot.rates:
        return PlanProgress(made, 0.0, plan_state(made, 0.0))
    last = snapshot.rates[-1]
    return plan_so_far(
        snapshot.shift.start,
        snapshot.shift.end,
        now,
        station=last.station,
        target_per_hour=last.target_per_hour,
        made=made,
        stops=[*snapshot.planned_stops, *stops],
    )


def line_plan_curve(
    snapshot: LineSnapshot, now: datetime, stops: Iterable[DowntimeInfo] = ()
) -> list[tuple[datetime, float]]:
    """The plan line of the output chart, the tile's plan at every moment of the shift."""
    shift = snapshot.shift
    if not snapshot.rates:
        return [(shift.start, 0.0), (shift.end, 0.0)]
    last = snapshot.rates[-1]
    return plan_curve(
        shift.start,
        shift.end,
        now,
        station=last.station,
        target_per_hour=last.target_per_hour,
        stops=[*snapshot.planned_stops, *stops],
    )
