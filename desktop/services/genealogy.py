"""Lot genealogy: look up and receive items, trace them, hold and release, scrap.

The services the station, the Genealogy page and the command line call, each checking who acts.
The trace query and the recall list are desktop/services/genealogy_trace.py; what readers may
see while an import run is being stored, desktop/services/genealogy_visibility.py. A hold blocks
the held item and everything made from it: `blocking_hold` walks up from an item at every scan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import exists, select, text
from sqlalchemy.orm import Session

from desktop.domain.genealogy import (
    LOT_KINDS,
    ON_HOLD,
    ItemStatus,
    check_item_id,
    check_unit,
    effective_status,
)
from desktop.domain.messages import QT_TRANSLATE_NOOP, ConflictError, InputError, NotFoundError
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.genealogy_trace import Direction, RecallRow, Trace, recall_rows, walk
from desktop.services.genealogy_visibility import visible_items, visible_sql
from desktop.services.signatures import SignedChange
from desktop.storage.models.genealogy import Item, ItemHold
from desktop.storage.types import UtcDateTime


@dataclass(frozen=True)
class ItemInfo:
    id: str
    kind: str
    material: str
    quantity: Decimal
    remaining: Decimal
    unit: str
    status: str
    created_at: datetime
    station: str | None
    created_by: str | None
    last_station: str | None
    hold_reason: str | None = None


@dataclass(frozen=True)
class HoldInfo:
    item: str
    reason: str
    placed_at: datetime
    placed_by: str
    released_at: datetime | None = None
    released_by: str | None = None
    release_reason: str | None = None
    signature_meaning: str | None = None


@dataclass(frozen=True)
class BlockingHold:
    """The hold that blocks an item: on the item itself or on one of its ancestors."""

    item: str
    reason: str
    since: datetime


def _item(session: Session, business_id: str) -> Item:
    item = session.scalar(
        select(Item).where(Item.business_id == business_id.strip(), visible_items())
    )
    if item is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "Unknown lot or serial number: {id}"),
            id=business_id.strip(),
        )
    return item


def _active_hold(session: Session, item_id: int) -> ItemHold | None:
    return session.scalar(
        select(ItemHold)
        .where(ItemHold.item_id == item_id, ItemHold.released_at.is_(None))
        .order_by(ItemHold.placed_at)
        .limit(1)
    )


def item_info(session: Session, actor: Actor, business_id: str) -> ItemInfo:
    actor.require(Permission.VIEW_PLANT)
    item = _item(session, business_id)
    hold = _active_hold(session, item.id) if item.held else None
    return ItemInfo(
        item.business_id,
        item.kind,
        item.material,
        item.quantity,
        item.remaining,
        item.unit,
        effective_status(item.status, item.held),
        item.created_at,
        item.station,
        item.created_by,
        item.last_station,
        hold.reason if hold else None,
    )


def receive_lot(
    session: Session,
    actor: Actor,
    business_id: str,
    kind: str,
    material: str,
    quantity: Decimal,
    unit: str,
    station: str | None = None,
) -> ItemInfo:
    """A lot received into the plant (raw material) or recorded by hand; audited."""
    actor.require(Permission.OPERATE_STATION)
    bid = check_item_id(business_id)
    if kind not in {k.value for k in LOT_KINDS}:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "{kind} is not a kind of lot"), kind=kind)
    material = material.strip()
    if not material or len(material) > 64:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "The material must have 1 to 64 characters"))
    unit = check_unit(unit)
    if quantity <= 0:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "The quantity must be above zero"))
    if session.scalar(select(Item.id).where(Item.business_id == bid)) is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Messages", "{id} exists already"), id=bid)
    now = utc_now()
    item = Item(
        business_id=bid,
        kind=kind,
        material=material,
        quantity=quantity,
        remaining=quantity,
        unit=unit,
        status=ItemStatus.AVAILABLE.value,
        held=False,
        created_at=now,
        station=station,
        created_by=actor.username,
        last_station=station,
    )
    session.add(item)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "item",
        bid,
        changes={"kind": kind, "material": material, "quantity": quantity, "unit": unit},
    )
    return item_info(session, actor, bid)


def trace(session: Session, actor: Actor, business_id: str, direction: Direction | str) -> Trace:
    """Everything `business_id` was made from (backward) or everything made from it (forward):
    every reachable item once, with its shortest depth, and the links between them."""
    actor.require(Permission.VIEW_GENEALOGY)
    return walk(session, business_id, direction)


def recall(session: Session, actor: Actor, business_id: str) -> list[RecallRow]:
    """Every cell, module and pack made from a suspect item, with status and last station."""
    return recall_rows(trace(session, actor, business_id, Direction.FORWARD))


_BLOCKING_SQL = text(
    """
    WITH RECURSIVE reach(id) AS (
        SELECT id FROM item WHERE id = :item
        UNION
        SELECT l.parent_id FROM genealogy_link l JOIN reach r ON l.child_id = r.id
        WHERE {visible}
    )
    SELECT i.business_id, h.reason, h.placed_at
    FROM reach r
    JOIN item i ON i.id = r.id AND i.held
    JOIN item_hold h ON h.item_id = i.id AND h.released_at IS NULL
    ORDER BY h.placed_at, h.id
    LIMIT 1
    """.format(visible=visible_sql("l"))
).columns(placed_at=UtcDateTime())


def blocking_hold(session: Session, item_id: int) -> BlockingHold | None:
    """The active hold on the item or any of its ancestors, or None.

    Read at every scan from the shared database, so a hold placed on another PC blocks at once.
    Without any active hold in the plant (the usual case) no ancestry is walked.
    """
    if not session.scalar(select(exists().where(ItemHold.released_at.is_(None)))):
        return None
    row = session.execute(_BLOCKING_SQL, {"item": item_id}).first()
    if row is None:
        return None
    return BlockingHold(row[0], row[1], row[2])


def _hold_info(item: Item, hold: ItemHold) -> HoldInfo:
    return HoldInfo(
        item.business_id,
        hold.reason,
        hold.placed_at,
        hold.placed_by,
        hold.released_at,
        hold.released_by,
        hold.release_reason,
        hold.signature_meaning,
    )


def _reason(text_value: str) -> str:
    cleaned = text_value.strip()
    if not cleaned:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "Give a reason"))
    return cleaned


def place_hold(session: Session, actor: Actor, business_id: str, reason: str) -> HoldInfo:
    """Put an item on hold: it and everything made from it are blocked at every station."""
    actor.require(Permission.PLACE_HOLD)
    why = _reason(reason)
    item = _item(session, check_item_id(business_id))
    if item.held:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Messages", "{id} is on hold already"), id=item.business_id
        )
    hold = ItemHold(item_id=item.id, reason=why, placed_at=utc_now(), placed_by=actor.username)
    session.add(hold)
    item.held = True
    session.flush()
    audit.record(
        session,
        actor,
        "hold",
        "item",
        item.business_id,
        changes={"status": (item.status, ON_HOLD)},
        reason=why,
    )
    return _hold_info(item, hold)


def release_hold(
    session: Session, actor: Actor, business_id: str, reason: str, secret: str
) -> HoldInfo:
    """Release a hold: QA role, a reason and an electronic signature (PIN or password)."""
    change = SignedChange(session, actor, Permission.RELEASE_HOLD)
    why = _reason(reason)
    item = _item(session, check_item_id(business_id))
    hold = _active_hold(session, item.id)
    if hold is None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Messages", "{id} is not on hold"), id=item.business_id
        )
    change.sign(secret)
    hold.released_at = utc_now()
    hold.released_by = actor.username
    hold.release_reason = why
    hold.signature_meaning = change.meaning.value
    item.held = False
    session.flush()
    change.record(
        "release",
        "item",
        item.business_id,
        changes={"status": (ON_HOLD, item.status)},
        reason=why,
    )
    return _hold_info(item, hold)


def list_holds(session: Session, actor: Actor, active_only: bool = True) -> list[HoldInfo]:
    actor.require(Permission.VIEW_GENEALOGY)
    query = select(Item, ItemHold).join(ItemHold, ItemHold.item_id == Item.id)
    if active_only:
        query = query.where(ItemHold.released_at.is_(None))
    query = query.order_by(ItemHold.placed_at.desc())
    return [_hold_info(item, hold) for item, hold in session.execute(query).all()]


def scrap(session: Session, actor: Actor, business_id: str, reason: str, secret: str) -> None:
    """Scrap a unit or what is left of a lot (signed); it can no longer be consumed."""
    change = SignedChange(session, actor, Permission.RELEASE_HOLD)
    why = _reason(reason)
    item = _item(session, check_item_id(business_id))
    if item.status != ItemStatus.AVAILABLE:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Messages", "{id} is {status}: it cannot be scrapped"),
            id=item.business_id,
            status=item.status,
        )
    change.sign(secret)
    item.status = ItemStatus.SCRAPPED.value
    session.flush()
    change.record(
        "scrap",
        "item",
        item.business_id,
        changes={"status": (ItemStatus.AVAILABLE.value, ItemStatus.SCRAPPED.value)},
        reason=why,
    )
