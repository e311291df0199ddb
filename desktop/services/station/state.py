"""What a station holds and asks for: the lots loaded on it, the container it fills, the
instruction for the next scan, the recent scans, and taking a lot off (unloading).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.domain.genealogy import ItemKind, effective_status
from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, NotFoundError
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.domain.station import Mode, StationProgram, instruction
from desktop.services.actor import Actor
from desktop.services.genealogy_visibility import visible_items
from desktop.services.station.checks import children_of, loads_at, products, station_program
from desktop.services.station.scan import ScanResult, result_of
from desktop.storage.models.genealogy import Item, ScanEvent, StationLoad
from desktop.storage.models.plant import Station

RECENT = 20  # the scans a station page lists


@dataclass(frozen=True)
class LoadedLot:
    id: str
    material: str
    remaining: Decimal
    unit: str
    status: str


@dataclass(frozen=True)
class StationState:
    """What the station page shows besides the verdict: the step, the loads, the container."""

    station: str
    name: str
    station_type: str
    mode: str
    weighs: bool
    instruction: Message
    loaded: list[LoadedLot]
    container: str | None = None
    container_count: int = 0
    container_size: int = 0
    products: list[str] = field(default_factory=list)
    recent: list[ScanResult] = field(default_factory=list)


def unload(session: Session, actor: Actor, station: str, code: str) -> None:
    """Take a lot off a station (or abandon an open container)."""
    actor.require(Permission.OPERATE_STATION)
    station_program(session, station)
    item = session.scalar(select(Item).where(Item.business_id == code.strip(), visible_items()))
    if item is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "Unknown lot or serial number: {id}"), id=code
        )
    session.execute(
        update(StationLoad)
        .where(
            StationLoad.station == station,
            StationLoad.item_id == item.id,
            StationLoad.unloaded_at.is_(None),
        )
        .values(unloaded_at=utc_now())
    )


def next_instruction(session: Session, station: Station, program: StationProgram) -> Message:
    if program.mode is Mode.ASSEMBLE:
        assert program.assembles is not None and program.makes is not None
        rows = loads_at(session, station.code, "container")
        if not rows:
            return instruction("scan_container", kind=program.makes.value)
        kind, size = program.assembles
        return instruction(
            "scan_child",
            kind=kind.value,
            number=children_of(session, rows[0][1].id) + 1,
            total=size,
        )
    if program.mode is Mode.MIX:
        rows = loads_at(session, station.code, "container")
        return instruction("scan_powder" if rows else "scan_batch")
    loaded = {lot.material for _l, lot in loads_at(session, station.code)}
    if program.loads and not set(program.loads) <= loaded:
        return instruction("scan_load")
    if program.loads is None and not loaded:
        return instruction("scan_load")
    if program.mode is Mode.PASS:
        return instruction("scan_cell")
    if program.makes is ItemKind.CELL:
        return instruction("scan_new_cell")
    return instruction("scan_new_lot")


def recent_scans(session: Session, station: str, limit: int = RECENT) -> list[ScanResult]:
    events = session.scalars(
        select(ScanEvent)
        .where(ScanEvent.station == station)
        .order_by(ScanEvent.at.desc(), ScanEvent.id.desc())
        .limit(limit)
    )
    return [result_of(e) for e in events]


def station_state(session: Session, actor: Actor, station: str) -> StationState:
    actor.require(Permission.VIEW_PLANT)
    row, program = station_program(session, station)
    loaded = [
        LoadedLot(
            lot.business_id,
            lot.material,
            lot.remaining,
            lot.unit,
            effective_status(lot.status, lot.held),
        )
        for _l, lot in loads_at(session, station)
    ]
    containers = loads_at(session, station, "container")
    container = containers[0][1] if containers else None
    size = program.assembles[1] if program.assembles else 0
    return StationState(
        station=row.code,
        name=row.name,
        station_type=row.station_type_code,
        mode=program.mode.value,
        weighs=program.weighs,
        instruction=next_instruction(session, row, program),
        loaded=loaded,
        container=container.business_id if container else None,
        container_count=children_of(session, container.id) if container else 0,
        container_size=size,
        products=products(session, program.station_type),
        recent=recent_scans(session, station),
    )
