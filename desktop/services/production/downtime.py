"""Stops: a supervisor records, explains and ends them; the figures list them with the stops
going on now that nobody entered yet. Planned stops (breaks, changeovers) never count against
availability, nor against the plan (desktop/services/production/plan.py).
"""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.domain.messages import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    InputError,
    Message,
    NotFoundError,
)
from desktop.domain.plant_time import utc_now
from desktop.domain.production import (
    REASONS_BY_CODE,
    UNEXPLAINED,
    UNEXPLAINED_NAME,
    check_reason,
)
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.production.rates import StationRateInfo, station_id_of, station_rates
from desktop.services.shifts import plant_zone
from desktop.storage.models import Station
from desktop.storage.models.production import Downtime


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
        targets = [(station, station_id_of(session, station))]
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
        created.append(downtime_info(row, code))
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


def downtime_info(row: Downtime, station: str) -> DowntimeInfo:
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
    return downtime_info(row, station)


def end_downtime(session: Session, actor: Actor, uuid: str, end: datetime) -> DowntimeInfo:
    actor.require(Permission.RECORD_DOWNTIME)
    row, station = _downtime_row(session, uuid)
    if end.tzinfo is None or end <= row.start:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A stop must end after it starts"))
    old_end = row.end
    row.end = end
    session.flush()
    audit.record(session, actor, "update", "downtime", uuid, changes={"end": (old_end, end)})
    return downtime_info(row, station)


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
    stops = [downtime_info(row, by_id[row.station_id].station) for row in rows]
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
