"""Production: units completed at stations, throughput, OEE, downtime, and the live event poll.

Writes go through `ingest` (one event from a station scan, or a simulator batch): the events,
their per-minute totals and the stops they reveal are written in the caller's unit of work.
Reads compute a window's figures from the minute totals (a shift of the whole plant is a few
thousand rows whatever the event rate) and the downtime rows, with the pure OEE arithmetic of
desktop.domain.oee.
"""

from __future__ import annotations

import uuid as uuid_module
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.domain import oee as oee_math
from desktop.domain.messages import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    InputError,
    Message,
    NotFoundError,
)
from desktop.domain.plant_time import local_window, plant_date, utc_now, zone
from desktop.domain.production import (
    REASONS_BY_CODE,
    UNEXPLAINED,
    UNEXPLAINED_NAME,
    EventCursor,
    capacity_plan_per_hour,
    check_rate_settings,
    check_reason,
    default_stop_multiple,
    detected_stop,
    ideal_cycle_for,
    stop_threshold_seconds,
)
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.plant import default_site
from desktop.storage.models import Line, ShiftDefinition, ShiftPattern, Station
from desktop.storage.models.production import (
    Downtime,
    ProductionEvent,
    ProductionMinute,
    StationRate,
)

TRAILING_IDS = 2000  # ids below the newest that a fresh live view checks for open transactions
BOTTLENECK_MIN_PLAN = 5.0  # a station planned to make fewer units in the window is too coarse


# --- station rates -----------------------------------------------------------------------------


@dataclass(frozen=True)
class StationRateInfo:
    station: str
    station_id: int
    name: str
    line: str
    station_type: str
    position: int
    ideal_cycle_seconds: float
    target_per_hour: float
    stop_multiple: float
    ideal_is_default: bool
    target_is_default: bool
    last_event_at: datetime | None

    @property
    def stop_after_seconds(self) -> float:
        return stop_threshold_seconds(self.ideal_cycle_seconds, self.stop_multiple)


def station_rates(session: Session, line: str | None = None) -> list[StationRateInfo]:
    """Every active station's rate settings, the defaults coming from the site's capacity."""
    rows = session.execute(
        select(
            Station.id,
            Station.code,
            Station.name,
            Station.station_type_code,
            Station.position,
            Line.code,
            Line.kind,
            Line.id,
            StationRate.ideal_cycle_seconds,
            StationRate.target_per_hour,
            StationRate.stop_multiple,
            StationRate.last_event_at,
        )
        .join(Line, Station.line_id == Line.id)
        .outerjoin(StationRate, StationRate.station_id == Station.id)
        .where(Station.active, Line.active)
        .order_by(Line.code, Station.position, Station.code)
    ).all()
    packs = default_site(session).packs_per_year
    lines_of_kind: dict[str, set[int]] = defaultdict(set)
    parallel: dict[tuple[int, str], int] = defaultdict(int)
    for row in rows:
        lines_of_kind[row[6]].add(row[7])
        parallel[(row[7], row[3])] += 1
    result = []
    for (
        station_id,
        code,
        name,
        station_type,
        position,
        line_code,
        kind,
        line_id,
        ideal,
        target,
        multiple,
        last_at,
    ) in rows:
        if line is not None and line_code != line:
            continue
        plan = capacity_plan_per_hour(
            packs, station_type, len(lines_of_kind[kind]), parallel[(line_id, station_type)]
        )
        effective_ideal = ideal if ideal is not None else ideal_cycle_for(plan)
        result.append(
            StationRateInfo(
                station=code,
                station_id=station_id,
                name=name,
                line=line_code,
                station_type=station_type,
                position=position,
                ideal_cycle_seconds=effective_ideal,
                target_per_hour=target if target is not None else plan,
                stop_multiple=(
                    multiple if multiple is not None else default_stop_multiple(effective_ideal)
                ),
                ideal_is_default=ideal is None,
                target_is_default=target is None,
                last_event_at=last_at,
            )
        )
    return result


def _station_id(session: Session, code: str) -> int:
    station_id = session.scalar(select(Station.id).where(Station.code == code))
    if station_id is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "Unknown station: {station}"), station=code
        )
    return station_id


def set_station_rate(
    session: Session,
    actor: Actor,
    station: str,
    *,
    ideal_cycle_seconds: float | None,
    target_per_hour: float | None,
    stop_multiple: float | None,
) -> StationRateInfo:
    """Set a station's ideal cycle, target rate and stop multiple (None: back to the default)."""
    actor.require(Permission.EDIT_PRODUCTION_TARGETS)
    check_rate_settings(ideal_cycle_seconds, target_per_hour, stop_multiple)
    station_id = _station_id(session, station)
    _ensure_rate_rows(session, [station_id])
    row = session.get(StationRate, station_id)
    assert row is not None
    old = {
        "ideal_cycle_seconds": row.ideal_cycle_seconds,
        "target_per_hour": row.target_per_hour,
        "stop_multiple": row.stop_multiple,
    }
    new = {
        "ideal_cycle_seconds": ideal_cycle_seconds,
        "target_per_hour": target_per_hour,
        "stop_multiple": stop_multiple,
    }
    row.ideal_cycle_seconds = ideal_cycle_seconds
    row.target_per_hour = target_per_hour
    row.stop_multiple = stop_multiple
    session.flush()
    changes = audit.diff(old, new)
    if changes:
        audit.record(session, actor, "update", "station_rate", station, changes=changes)
    return next(r for r in station_rates(session) if r.station == station)


# --- writing events ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EventIn:
    """A unit completed at a station, before it is stored."""

    station_id: int
    at: datetime
    passed: bool
    unit_id: str | None = None
    cycle_seconds: float | None = None


@dataclass
class IngestCounts:
    events: int = 0
    minutes: int = 0
    stops: int = 0


def _dialect_insert(session: Session):  # noqa: ANN202 - the dialect's Insert construct
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def _ensure_rate_rows(session: Session, station_ids: Iterable[int]) -> None:
    """A `station_rate` row for each station (defaults), created race-free on both databases."""
    ids = sorted(set(station_ids))
    if not ids:
        return
    insert = _dialect_insert(session)
    statement = insert(StationRate).on_conflict_do_nothing(index_elements=["station_id"])
    session.execute(statement, [{"station_id": i} for i in ids])


def add_minutes(session: Session, rows: Sequence[dict]) -> int:
    """Add units and NG to minute totals (`station_id`, `minute`, `units`, `ng`), one upsert.

    ON CONFLICT ... DO UPDATE is spelled the same on SQLite and PostgreSQL, but a statement may
    not touch the same key twice, so rows are summed per key first.
    """
    summed: dict[tuple[int, datetime], list[int]] = {}
    for row in rows:
        key = (row["station_id"], row["minute"])
        counts = summed.setdefault(key, [0, 0])
        counts[0] += row["units"]
        counts[1] += row["ng"]
    if not summed:
        return 0
    insert = _dialect_insert(session)
    statement = insert(ProductionMinute)
    statement = statement.on_conflict_do_update(
        index_elements=["station_id", "minute"],
        set_={
            "units": ProductionMinute.units + statement.excluded.units,
            "ng": ProductionMinute.ng + statement.excluded.ng,
        },
    )
    session.execute(
        statement,
        [
            {"station_id": s, "minute": m, "units": u, "ng": n}
            for (s, m), (u, n) in sorted(summed.items())
        ],
    )
    return len(summed)


def _minute(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(second=0, microsecond=0)


def ingest(session: Session, events: Sequence[EventIn], source: str = "station") -> IngestCounts:
    """Store events with their minute totals and detect the stops between them.

    A station that made nothing for longer than its stop multiple x its ideal cycle (at least a
    minute) was stopped: the stop is stored as a downtime row, reason 'unexplained' until a
    supervisor gives one. Each station's newest completion is kept on its rate row, read with a
    row lock, so two writers for one station on PostgreSQL see each other's last event.
    """
    counts = IngestCounts()
    if not events:
        return counts
    for event in events:
        if event.at.tzinfo is None:
            raise InputError(
                QT_TRANSLATE_NOOP("Messages", "A production event needs a time with its zone")
            )
    station_ids = sorted({e.station_id for e in events})
    _ensure_rate_rows(session, station_ids)
    session.execute(
        ProductionEvent.__table__.insert(),
        [
            {
                "uuid": str(uuid_module.uuid4()),
                "station_id": e.station_id,
                "at": e.at,
                "unit_id": e.unit_id,
                "passed": bool(e.passed),
                "cycle_seconds": e.cycle_seconds,
                "source": source,
            }
            for e in events
        ],
    )
    counts.events = len(events)
    counts.minutes = add_minutes(
        session,
        [
            {
                "station_id": e.station_id,
                "minute": _minute(e.at),
                "units": 1,
                "ng": int(not e.passed),
            }
            for e in events
        ],
    )
    by_station: dict[int, list[datetime]] = defaultdict(list)
    for event in events:
        by_station[event.station_id].append(event.at)
    counts.stops = _detect_stops(session, {k: sorted(v) for k, v in by_station.items()}, source)
    return counts


def _detect_stops(session: Session, completions: dict[int, list[datetime]], source: str) -> int:
    rates = {r.station_id: r for r in station_rates(session)}
    locked = {
        row.station_id: row
        for row in session.scalars(
            select(StationRate)
            .where(StationRate.station_id.in_(list(completions)))
            .with_for_update()
        )
    }
    stops = []
    for station_id, times in completions.items():
        row = locked[station_id]
        rate = rates.get(station_id)
        previous = row.last_event_at
        for moment in times:
            if previous is not None and moment > previous and rate is not None:
                stop = detected_stop(previous, moment, rate.ideal_cycle_seconds, rate.stop_multiple)
                if stop is not None:
                    stops.append((station_id, stop))
            if previous is None or moment > previous:
                previous = moment
        row.last_event_at = previous
    if stops:
        now = utc_now()
        session.execute(
            Downtime.__table__.insert(),
            [
                {
                    "uuid": str(uuid_module.uuid4()),
                    "station_id": station_id,
                    "start": start,
                    "end": end,
                    "reason": UNEXPLAINED,
                    "planned": False,
                    "source": "detected",
                    "note": None,
                    "created_by": source,
                    "created_at": now,
                }
                for station_id, (start, end) in stops
            ],
        )
    session.flush()
    return len(stops)


def record_unit_completed(
    session: Session,
    station_code: str,
    unit_id: str | None,
    passed: bool,
    cycle_seconds: float | None,
    at: datetime,
) -> None:
    """One unit completed at a station (pass or NG), in the caller's unit of work.

    Called by station scanning when a unit is made; the caller checked the operator's rights.
    An unknown station code raises NotFoundError; a naive `at` is refused (InputError).
    """
    station_id = _station_id(session, station_code)
    ingest(session, [EventIn(station_id, at, passed, unit_id, cycle_seconds)])


# --- shifts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShiftWindow:
    code: str
    day: date  # the plant date the shift starts on
    start: datetime
    end: datetime


def plant_zone(session: Session) -> ZoneInfo:
    return zone(default_site(session).time_zone)


def shift_codes(session: Session) -> list[tuple[str, object, object]]:
    """The active pattern's shifts: (code, start, end) in plant time."""
    site = default_site(session)
    rows = session.execute(
        select(ShiftDefinition.code, ShiftDefinition.start, ShiftDefinition.end)
        .join(ShiftPattern)
        .where(ShiftPattern.site_id == site.id, ShiftPattern.active)
        .order_by(ShiftDefinition.sequence)
    ).all()
    return [tuple(r) for r in rows]


def shift_window(session: Session, day: date, code: str) -> ShiftWindow:
    tz = plant_zone(session)
    for shift_code, start, end in shift_codes(session):
        if shift_code == code:
            begin, finish = local_window(day, start, end, tz)
            return ShiftWindow(code, day, begin, finish)
    raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown shift: {shift}"), shift=code)


def shift_at(session: Session, moment: datetime) -> ShiftWindow:
    """The shift of the active pattern that `moment` falls in (night shifts start the day
    before)."""
    tz = plant_zone(session)
    today = plant_date(moment, tz)
    for day in (today, today - timedelta(days=1)):
        for code, start, end in shift_codes(session):
            begin, finish = local_window(day, start, end, tz)
            if begin <= moment < finish:
                return ShiftWindow(code, day, begin, finish)
    raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "No shift covers {moment}"), moment=moment)


# --- downtime ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DowntimeInfo:
    uuid: str | None  # None: an ongoing stop detected now, not stored yet
    station: str
    start: datetime
    end: datetime | None
    reason: str
    planned: bool
    source: str
    note: str | None
    created_by: str

    def minutes(self, now: datetime) -> float:
        return ((self.end or now) - self.start).total_seconds() / 60.0


def record_downtime(
    session: Session,
    actor: Actor,
    *,
    start: datetime,
    end: datetime | None,
    reason: str,
    station: str | None = None,
    line: str | None = None,
    note: str | None = None,
) -> list[DowntimeInfo]:
    """A supervisor records a stop of a station, or of every station of a line.

    Planned stops (breaks, changeovers) may be entered ahead; an unplanned stop cannot start in
    the future. An open stop (no end) lasts until someone ends it.
    """
    actor.require(Permission.RECORD_DOWNTIME)
    info = check_reason(reason)
    now = utc_now()
    if start.tzinfo is None or (end is not None and end.tzinfo is None):
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A stop needs times with their zone"))
    if end is not None and end <= start:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A stop must end after it starts"))
    if not info.planned and start > now + timedelta(minutes=5):
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "An unplanned stop cannot start in the future")
        )
    if station:
        targets = [(station, _station_id(session, station))]
    elif line:
        targets = [(r.station, r.station_id) for r in station_rates(session, line)]
        if not targets:
            raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown line: {line}"), line=line)
    else:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "Choose a station or a line"))
    note = (note or "").strip() or None
    for code, station_id in targets:
        _refuse_overlap(session, code, station_id, start, end)
    created = []
    for code, station_id in targets:
        row = Downtime(
            uuid=str(uuid_module.uuid4()),
            station_id=station_id,
            start=start,
            end=end,
            reason=info.code,
            planned=info.planned,
            source="manual",
            note=note,
            created_by=actor.username,
            created_at=now,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "create",
            "downtime",
            row.uuid,
            changes={
                "station": code,
                "start": start,
                "end": end,
                "reason": info.code,
                "planned": info.planned,
                "note": note,
            },
        )
        created.append(_info(row, code))
    return created


def _plant_text(moment: datetime, tz: ZoneInfo, day_of: datetime | None = None) -> str:
    """`14:35` in plant time, with the plant date in front unless it is `day_of`'s."""
    local = moment.astimezone(tz)
    if day_of is not None and local.date() == day_of.astimezone(tz).date():
        return local.strftime("%H:%M")
    return local.strftime("%d/%m/%Y %H:%M")


def _refuse_overlap(
    session: Session, code: str, station_id: int, start: datetime, end: datetime | None
) -> None:
    """Raise when a stop entered at the station shares a moment with [start, end).

    Only stops a person entered count: a stop the application detected from a gap in the
    events is what a supervisor's entry explains (the OEE arithmetic lets the entered one win).
    """
    conditions = [
        Downtime.station_id == station_id,
        Downtime.source == "manual",
        or_(Downtime.end.is_(None), Downtime.end > start),
    ]
    if end is not None:
        conditions.append(Downtime.start < end)
    other = session.scalars(select(Downtime).where(*conditions).order_by(Downtime.start)).first()
    if other is None:
        return
    tz = plant_zone(session)
    known = REASONS_BY_CODE.get(other.reason)
    reason = Message(known.name) if known else Message(UNEXPLAINED_NAME)
    if other.end is None:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{station} is already stopped since {start} ({reason}), not ended yet: "
                "a stop cannot overlap another at the same station",
            ),
            station=code,
            start=_plant_text(other.start, tz),
            reason=reason,
        )
    raise ConflictError(
        QT_TRANSLATE_NOOP(
            "Messages",
            "{station} already has a stop from {start} to {end} ({reason}): "
            "a stop cannot overlap another at the same station",
        ),
        station=code,
        start=_plant_text(other.start, tz),
        end=_plant_text(other.end, tz, other.start),
        reason=reason,
    )


def _info(row: Downtime, station: str) -> DowntimeInfo:
    return DowntimeInfo(
        row.uuid,
        station,
        row.start,
        row.end,
        row.reason,
        row.planned,
        row.source,
        row.note,
        row.created_by,
    )


def _downtime_row(session: Session, uuid: str) -> tuple[Downtime, str]:
    found = session.execute(
        select(Downtime, Station.code).join(Station).where(Downtime.uuid == uuid)
    ).first()
    if found is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown stop: {stop}"), stop=uuid)
    return found[0], found[1]


def explain_downtime(
    session: Session, actor: Actor, uuid: str, reason: str, note: str | None = None
) -> DowntimeInfo:
    """Give a stop its reason (a detected one arrives 'unexplained')."""
    actor.require(Permission.RECORD_DOWNTIME)
    info = check_reason(reason)
    row, station = _downtime_row(session, uuid)
    old = {"reason": row.reason, "planned": row.planned, "note": row.note}
    row.reason, row.planned = info.code, info.planned
    if note is not None:
        row.note = note.strip() or None
    session.flush()
    new = {"reason": row.reason, "planned": row.planned, "note": row.note}
    audit.record(session, actor, "update", "downtime", uuid, changes=audit.diff(old, new))
    return _info(row, station)


def end_downtime(session: Session, actor: Actor, uuid: str, end: datetime) -> DowntimeInfo:
    actor.require(Permission.RECORD_DOWNTIME)
    row, station = _downtime_row(session, uuid)
    if end.tzinfo is None or end <= row.start:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A stop must end after it starts"))
    old_end = row.end
    row.end = end
    session.flush()
    audit.record(session, actor, "update", "downtime", uuid, changes={"end": (old_end, end)})
    return _info(row, station)


def list_downtime(
    session: Session,
    start: datetime,
    end: datetime,
    line: str | None = None,
    now: datetime | None = None,
    rates: Sequence[StationRateInfo] | None = None,
) -> list[DowntimeInfo]:
    """Stops overlapping [start, end), plus the stops going on now that nobody entered yet (a
    station idle for longer than its threshold)."""
    now = now or utc_now()
    rates = list(rates) if rates is not None else station_rates(session, line)
    by_id = {r.station_id: r for r in rates}
    rows = session.execute(
        select(Downtime)
        .where(
            Downtime.station_id.in_(list(by_id)),
            Downtime.start < end,
            or_(Downtime.end.is_(None), Downtime.end > start),
        )
        .order_by(Downtime.start)
    ).scalars()
    stops = [_info(row, by_id[row.station_id].station) for row in rows]
    if start <= now < end + timedelta(seconds=1):
        for rate in rates:
            last = rate.last_event_at
            if last is not None and (now - last).total_seconds() > rate.stop_after_seconds:
                stops.append(
                    DowntimeInfo(
                        None, rate.station, last, None, UNEXPLAINED, False, "detected", None, ""
                    )
                )
    return stops


# --- throughput and OEE ------------------------------------------------------------------------


@dataclass(frozen=True)
class StationThroughput:
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
    def attainment(self) -> float | None:
        return self.units / self.plan_units if self.plan_units > 0 else None


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
    stops: dict[str, list[oee_math.Stop]] = defaultdict(list)
    for stop in list_downtime(session, start, effective_end, line, now, rates):
        stops[stop.station].append(oee_math.Stop(stop.start, stop.end or now, stop.planned))
    stations = []
    for rate in rates:
        units, ng = sums[rate.station_id]
        figures = oee_math.station_figures(
            start,
            effective_end,
            units=units,
            ng=ng,
            ideal_cycle_seconds=rate.ideal_cycle_seconds,
            stops=stops[rate.station],
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
                plan_units=rate.target_per_hour * figures.planned_seconds / 3600.0,
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


# --- live polling ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PolledEvent:
    id: int
    station: str
    at: datetime
    passed: bool


def _repeatable_read(session: Session) -> None:
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
    shift: ShiftWindow
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

    @property
    def live(self) -> bool:
        return self.cursor is not None


def line_snapshot(
    session: Session,
    line: str,
    shift: ShiftWindow,
    now: datetime | None = None,
    chart_hours: float = 8.0,
    lead_minutes: int = 240,
) -> LineSnapshot:
    """The line over a shift in one consistent snapshot (so the live cursor starts exactly where
    the loaded totals end): minute totals of the last `chart_hours` (up to now, or to the end of
    a past shift) plus `lead_minutes` before them (so rolling rates are whole at the left
    edge), the shift's figures and stops."""
    _repeatable_read(session)
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
    )


# --- what the Line page asks, as the operations kernel runs it -------------------------------


def line_choices(session: Session) -> tuple[list[str], list[str]]:
    """The active lines and the active pattern's shift codes, for the page's choosers."""
    lines = list(session.scalars(select(Line.code).where(Line.active).order_by(Line.code)))
    return lines, [code for code, _s, _e in shift_codes(session)]


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
    _repeatable_read(session)
    now = now or utc_now()
    window = shift_window(session, day, shift) if day and shift else shift_at(session, now)
    return line_snapshot(session, line, window, now, chart_hours)


def line_figures(
    session: Session, actor: Actor, line: str, shift: ShiftWindow, now: datetime | None = None
) -> tuple[ThroughputReport, list[DowntimeInfo]]:
    """The shift's figures so far and its stops, recomputed every few seconds while live."""
    actor.require(Permission.VIEW_PRODUCTION)
    _repeatable_read(session)
    now = now or utc_now()
    rates = station_rates(session, line)
    report = throughput(session, shift.start, shift.end, line, now)
    return report, list_downtime(session, shift.start, min(shift.end, now), line, now, rates)
