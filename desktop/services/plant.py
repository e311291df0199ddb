"""Plant master data: the site, its lines and stations, crews and shift patterns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, ConflictError, InputError, NotFoundError
from desktop.domain.plant import (
    STATION_TYPES,
    LineKind,
    check_code,
    check_name,
    check_station_type,
)
from desktop.domain.plant_time import DEFAULT_TIME_ZONE, utc_now
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.signatures import Meaning, SignedChange
from desktop.storage.models import (
    Crew,
    Line,
    Setting,
    ShiftDefinition,
    ShiftPattern,
    Site,
    Station,
    StationType,
)

DEFAULT_SITE = "PLANT"
CREWS = ("A", "B", "C", "D", "E")
# Plant time. The 3x8 is the default; the 2x12 is the alternative a site may switch to.
SHIFT_PATTERNS: dict[str, tuple[str, tuple[tuple[str, time, time], ...]]] = {
    "3x8": (
        "3 x 8 h",
        (
            ("morning", time(5), time(13)),
            ("afternoon", time(13), time(21)),
            ("night", time(21), time(5)),
        ),
    ),
    "2x12": ("2 x 12 h", (("day", time(5), time(17)), ("night", time(17), time(5)))),
}


@dataclass(frozen=True)
class SiteInfo:
    code: str
    name: str
    time_zone: str
    staffing_target: int
    capacity_gwh: float
    packs_per_year: int
    production_start: str


@dataclass(frozen=True)
class LineInfo:
    code: str
    name: str
    kind: str
    active: bool
    station_count: int


@dataclass(frozen=True)
class StationInfo:
    code: str
    name: str
    line: str
    station_type: str
    position: int
    active: bool


def ensure_defaults(session: Session) -> None:
    """A fresh database holds the default site, the station types, crews A-E and the 3x8."""
    site = session.scalar(select(Site).where(Site.code == DEFAULT_SITE))
    if site is None:
        site = Site(
            code=DEFAULT_SITE,
            name="Cell plant",
            time_zone=DEFAULT_TIME_ZONE,
            staffing_target=1000,
            capacity_gwh=10.0,
            packs_per_year=200_000,
            production_start="2025-06-03",
        )
        session.add(site)
        session.flush()
    known_types = set(session.scalars(select(StationType.code)))
    for info in STATION_TYPES:
        if info.code not in known_types:
            session.add(
                StationType(
                    code=info.code,
                    name=info.name,
                    line_kind=info.line_kind.value,
                    sequence=info.sequence,
                )
            )
    known_crews = set(session.scalars(select(Crew.code).where(Crew.site_id == site.id)))
    for code in CREWS:
        if code not in known_crews:
            session.add(Crew(site_id=site.id, code=code, name=code))
    known_patterns = set(
        session.scalars(select(ShiftPattern.code).where(ShiftPattern.site_id == site.id))
    )
    for code, (name, shifts) in SHIFT_PATTERNS.items():
        if code in known_patterns:
            continue
        pattern = ShiftPattern(site_id=site.id, code=code, name=name, active=code == "3x8")
        session.add(pattern)
        for sequence, (shift_code, start, end) in enumerate(shifts):
            pattern.shifts.append(
                ShiftDefinition(code=shift_code, sequence=sequence, start=start, end=end)
            )
    session.flush()


def default_site(session: Session) -> Site:
    site = session.scalar(select(Site).where(Site.code == DEFAULT_SITE))
    if site is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "The database has no site"))
    return site


def site_info(session: Session) -> SiteInfo:
    site = default_site(session)
    return SiteInfo(
        site.code,
        site.name,
        site.time_zone,
        site.staffing_target,
        site.capacity_gwh,
        site.packs_per_year,
        site.production_start,
    )


def list_lines(session: Session) -> list[LineInfo]:
    counts = dict(
        session.execute(select(Station.line_id, func.count()).group_by(Station.line_id)).all()
    )
    return [
        LineInfo(line.code, line.name, line.kind, line.active, counts.get(line.id, 0))
        for line in session.scalars(select(Line).order_by(Line.code))
    ]


def list_stations(session: Session, line: str | None = None) -> list[StationInfo]:
    query = (
        select(Station, Line.code).join(Line).order_by(Line.code, Station.position, Station.code)
    )
    if line is not None:
        query = query.where(Line.code == line)
    return [
        StationInfo(s.code, s.name, line_code, s.station_type_code, s.position, s.active)
        for s, line_code in session.execute(query).all()
    ]


def _line(session: Session, code: str) -> Line:
    line = session.scalar(select(Line).where(Line.code == code))
    if line is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown line: {line}"), line=code)
    return line


def _line_values(line: Line) -> dict[str, object]:
    return {"name": line.name, "kind": line.kind, "active": line.active}


def _station_values(station: Station, line_code: str) -> dict[str, object]:
    return {
        "name": station.name,
        "line": line_code,
        "station_type": station.station_type_code,
        "position": station.position,
        "active": station.active,
    }


def put_line(session: Session, code: str, name: str, kind: str, active: bool) -> Line:
    """Validate and write a line (no permission check, no audit: callers do both)."""
    code = check_code(code, "line")
    name = check_name(name, "line")
    if kind not in {k.value for k in LineKind}:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Unknown line kind '{kind}'; known: cell, module, pack"),
            kind=kind,
        )
    line = session.scalar(select(Line).where(Line.code == code))
    if line is None:
        line = Line(
            site_id=default_site(session).id, code=code, name=name, kind=kind, active=active
        )
        session.add(line)
    else:
        line.name, line.kind, line.active = name, kind, active
    session.flush()
    return line


def put_station(
    session: Session,
    code: str,
    name: str,
    line: str,
    station_type: str,
    position: int | None,
    active: bool,
    new: bool,
) -> Station:
    """Validate and write a station (no permission check, no audit: callers do both)."""
    code = check_code(code, "station")
    if new and session.scalar(select(Station.id).where(Station.code == code)) is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Messages", "Station {station} already exists"), station=code
        )
    name = check_name(name, "station")
    check_station_type(station_type)
    target = _line(session, check_code(line, "line"))
    station = session.scalar(select(Station).where(Station.code == code))
    if position is None:
        position = station.position if station is not None else len(target.stations) + 1
    if station is None:
        station = Station(
            code=code,
            name=name,
            line_id=target.id,
            station_type_code=station_type,
            position=position,
            active=active,
        )
        session.add(station)
    else:
        station.name, station.line_id, station.station_type_code = name, target.id, station_type
        station.position, station.active = position, active
    session.flush()
    return station


def save_line(
    session: Session,
    actor: Actor,
    code: str,
    name: str,
    kind: str,
    active: bool = True,
    *,
    secret: str = "",
    meaning: Meaning | str = Meaning.APPROVE,
) -> LineInfo:
    """Create a line, or update the one with this id (signed, audited)."""
    change = SignedChange(session, actor, Permission.EDIT_MASTER_DATA).sign(secret, meaning)
    before = session.scalar(select(Line).where(Line.code == code.strip().upper()))
    old = _line_values(before) if before is not None else {}
    line = put_line(session, code, name, kind, active)
    changes = audit.diff(old, _line_values(line))
    if changes:
        change.record("update" if old else "create", "line", line.code, changes=changes)
    return LineInfo(line.code, line.name, line.kind, line.active, len(line.stations))


def save_station(
    session: Session,
    actor: Actor,
    code: str,
    name: str,
    line: str,
    station_type: str,
    position: int | None = None,
    active: bool = True,
    new: bool = False,
    *,
    secret: str = "",
    meaning: Meaning | str = Meaning.APPROVE,
) -> StationInfo:
    """Create a station, or update the one with this id (it may move to another line).

    `new=True` (the Admin page's "New station") refuses an id that exists instead of editing it.
    Master data: signed and audited.
    """
    change = SignedChange(session, actor, Permission.EDIT_MASTER_DATA).sign(secret, meaning)
    before = session.execute(
        select(Station, Line.code).join(Line).where(Station.code == code.strip().upper())
    ).first()
    old = _station_values(*before) if before is not None and not new else {}
    station = put_station(session, code, name, line, station_type, position, active, new)
    line_code = check_code(line, "line")
    changes = audit.diff(old, _station_values(station, line_code))
    if changes:
        change.record("update" if old else "create", "station", station.code, changes=changes)
    return StationInfo(
        station.code,
        station.name,
        line_code,
        station.station_type_code,
        station.position,
        station.active,
    )


def delete_station(
    session: Session,
    actor: Actor,
    code: str,
    *,
    secret: str = "",
    meaning: Meaning | str = Meaning.APPROVE,
) -> None:
    """Remove a station nothing refers to; one with records must be set out of service."""
    change = SignedChange(session, actor, Permission.EDIT_MASTER_DATA).sign(secret, meaning)
    found = session.execute(
        select(Station, Line.code).join(Line).where(Station.code == code)
    ).first()
    if found is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "Unknown station: {station}"), station=code
        )
    station, line_code = found
    old = _station_values(station, line_code)
    try:
        with session.begin_nested():
            session.delete(station)
            session.flush()
    except IntegrityError as exc:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "Messages", "Station {station} has records; set it out of service instead"
            ),
            station=code,
        ) from exc
    change.record("delete", "station", code, changes={k: (v, None) for k, v in old.items()})


def get_setting(session: Session, key: str) -> str | None:
    """The text stored under `key`, as it is: services read plant settings typed, through their
    declarations (desktop/services/plant_settings.py), which come here for the row."""
    row = session.get(Setting, key)
    return row.value if row else None


def put_setting(session: Session, key: str, value: str) -> None:
    """Store the text `value` under `key` (plant_settings.write checks it first)."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value, updated_at=utc_now()))
    else:
        row.value, row.updated_at = value, utc_now()
    session.flush()
