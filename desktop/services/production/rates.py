"""Each station's rate settings: ideal cycle, target per hour and stop multiple, set by a
supervisor or defaulted from the site's yearly capacity (desktop/domain/production.py).

A `station_rate` row also keeps the station's newest completion, which stop detection reads
(desktop/services/production/ingest.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, NotFoundError
from desktop.domain.production import (
    capacity_plan_per_hour,
    check_rate_settings,
    default_stop_multiple,
    ideal_cycle_for,
    stop_threshold_seconds,
)
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.plant import default_site
from desktop.storage.models import Line, Station
from desktop.storage.models.production import StationRate


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


def station_id_of(session: Session, code: str) -> int:
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
    station_id = station_id_of(session, station)
    ensure_rate_rows(session, [station_id])
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


def dialect_insert(session: Session):  # noqa: ANN202 - the dialect's Insert construct
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def ensure_rate_rows(session: Session, station_ids: Iterable[int]) -> None:
    """A `station_rate` row for each station (defaults), created race-free on both databases."""
    ids = sorted(set(station_ids))
    if not ids:
        return
    insert = dialect_insert(session)
    statement = insert(StationRate).on_conflict_do_nothing(index_elements=["station_id"])
    session.execute(statement, [{"station_id": i} for i in ids])
