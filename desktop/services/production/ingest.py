"""Storing completed units: the events, their per-minute totals (one upsert) and the stops the
gaps between them reveal, all in the caller's unit of work.
"""

from __future__ import annotations

import uuid as uuid_module
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError
from desktop.domain.plant_time import utc_now
from desktop.domain.production import UNEXPLAINED, detected_stop
from desktop.services.production.rates import (
    dialect_insert,
    ensure_rate_rows,
    station_id_of,
    station_rates,
)
from desktop.storage.models.production import (
    Downtime,
    ProductionEvent,
    ProductionMinute,
    StationRate,
)


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
    insert = dialect_insert(session)
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
    ensure_rate_rows(session, station_ids)
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
    station_id = station_id_of(session, station_code)
    ingest(session, [EventIn(station_id, at, passed, unit_id, cycle_seconds)])
