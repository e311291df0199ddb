"""Lot genealogy: look up items, trace backward and forward, hold and release, recall.

Traces are one recursive SQL query each (`WITH RECURSIVE`, the same text on SQLite and
PostgreSQL): the reachable set is built by node with UNION, so every item appears once however
many paths lead to it (an electrolyte lot reaches a pack through 256 cells), and the links come
from the same query. Depth (the shortest distance from the root) is computed afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, exists, or_, select, text
from sqlalchemy.orm import Session

from desktop.domain.genealogy import (
    LOT_KINDS,
    ON_HOLD,
    UNIT_KINDS,
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
from desktop.services.csv_files import write_csv
from desktop.services.signatures import SignedChange
from desktop.storage.import_runs import PENDING_STATES
from desktop.storage.models.genealogy import GenealogyLink, ImportRun, Item, ItemHold
from desktop.storage.types import UtcDateTime


class Direction(StrEnum):
    BACKWARD = "backward"
    FORWARD = "forward"


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


class TraceNode(NamedTuple):
    """A reached item (named tuples: a forward trace makes tens of thousands of them)."""

    id: str
    kind: str
    material: str
    status: str
    depth: int
    last_station: str | None = None


class TraceLink(NamedTuple):
    parent: str
    child: str
    quantity: Decimal
    unit: str


@dataclass(frozen=True)
class Trace:
    root: str
    direction: Direction
    nodes: list[TraceNode]
    links: list[TraceLink]

    def as_json(self) -> dict[str, object]:
        """The command line's JSON: every reachable item exactly once, and every link."""
        return {
            "root": self.root,
            "direction": self.direction.value,
            "nodes": [
                {
                    "id": n.id,
                    "kind": n.kind,
                    "material": n.material,
                    "status": n.status,
                    "depth": n.depth,
                }
                for n in self.nodes
            ],
            "links": [
                {
                    "parent": link.parent,
                    "child": link.child,
                    "quantity": _plain_number(link.quantity),
                    "unit": link.unit,
                }
                for link in self.links
            ],
        }

    def children_of(self) -> dict[str, list[TraceLink]]:
        """Links grouped by the node they lead away from the root (for a tree view)."""
        grouped: dict[str, list[TraceLink]] = {}
        for link in self.links:
            key = link.child if self.direction is Direction.BACKWARD else link.parent
            grouped.setdefault(key, []).append(link)
        return grouped


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


@dataclass(frozen=True)
class RecallRow:
    id: str
    kind: str
    material: str
    status: str
    last_station: str | None
    depth: int


def _plain_number(value: Decimal) -> str:
    """12.500000 -> "12.5", 1.000000 -> "1" (no exponent)."""
    text_value = format(value.normalize(), "f")
    return text_value


# -- what readers see ---------------------------------------------------------------------------

# Import runs whose rows no reader sees: PENDING_STATES (desktop/storage/import_runs.py).
_PENDING_SQL = "SELECT id FROM import_run WHERE state IN ('running', 'abandoned')"


def visible_items() -> ColumnElement[bool]:
    """The items every reader may see: not stored by an import run that has not committed."""
    return _visible(Item.import_run)


def visible_links() -> ColumnElement[bool]:
    """The links every reader may see (as `visible_items`)."""
    return _visible(GenealogyLink.import_run)


def _visible(column: object) -> ColumnElement[bool]:
    pending = select(ImportRun.id).where(ImportRun.state.in_(PENDING_STATES))
    return or_(column.is_(None), column.not_in(pending))  # type: ignore[attr-defined]


def _visible_sql(alias: str) -> str:
    """`visible_*` as SQL text for the hand-written recursive queries."""
    return f"({alias}.import_run IS NULL OR {alias}.import_run NOT IN ({_PENDING_SQL}))"


def any_pending_run(session: Session) -> bool:
    """Whether an import run is being stored (or waits to be removed): when none is, the
    trace skips the visibility filter (on SQLite, in the same snapshot as the trace)."""
    return session.scalar(select(exists().where(ImportRun.state.in_(PENDING_STATES)))) is True


# -- look-ups ----------------------------------------------------------------------------------


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


# -- traces ------------------------------------------------------------------------------------

# One query per direction, the same text on SQLite and PostgreSQL. The anchor is found by
# business id; UNION (not UNION ALL) keeps each reachable item once. The reachable set is used
# twice (materialised once): a row per item with its details, then a row per link towards the
# leaves, so item columns are not repeated for each of its links.
_TRACE_TEXT = """
WITH RECURSIVE reach(id) AS (
    SELECT id FROM item i WHERE business_id = {root}{item_filter}
    UNION
    SELECT l.{far} FROM genealogy_link l JOIN reach r ON l.{near} = r.id{link_filter}
)
SELECT 0, i.id, i.business_id, i.kind, i.material, i.status, i.held, i.last_station,
       NULL, NULL, NULL
FROM reach r JOIN item i ON i.id = r.id
UNION ALL
SELECT 1, l.{near}, NULL, NULL, NULL, NULL, NULL, NULL, l.{far}, l.quantity, l.unit
FROM reach r JOIN genealogy_link l ON l.{near} = r.id{link_filter}
"""
_DIRECTION_COLUMNS = {
    Direction.BACKWARD: {"near": "child_id", "far": "parent_id"},
    Direction.FORWARD: {"near": "parent_id", "far": "child_id"},
}
# The DBAPI's own placeholder: traces read tens of thousands of rows, and going straight to the
# driver's cursor skips a per-row layer that would otherwise cost more than the query itself.
_PLACEHOLDER = {"sqlite": ":root", "postgresql": "%(root)s"}
# Filtered: rows of import runs not committed are left out (items at the root, links on every
# step, so a trace never reaches into a run being stored). Unfiltered: while no run is pending.
_TRACE_SQL: dict[tuple[str, Direction, bool], str] = {
    (dialect, direction, filtered): _TRACE_TEXT.format(
        root=placeholder,
        item_filter=f" AND {_visible_sql('i')}" if filtered else "",
        link_filter=f" AND {_visible_sql('l')}" if filtered else "",
        **columns,
    )
    for dialect, placeholder in _PLACEHOLDER.items()
    for direction, columns in _DIRECTION_COLUMNS.items()
    for filtered in (False, True)
}


def _decimal(value: Any, cache: dict[Any, Decimal]) -> Decimal:
    """A stored quantity as Decimal (SQLite hands back floats; few distinct values repeat)."""
    found = cache.get(value)
    if found is None:
        found = value if isinstance(value, Decimal) else Decimal(repr(value))
        found = found.quantize(Decimal("0.000001")).normalize()
        cache[value] = found
    return found


def trace(session: Session, actor: Actor, business_id: str, direction: Direction | str) -> Trace:
    """Everything `business_id` was made from (backward) or everything made from it (forward).

    Every reachable item once, with its shortest depth from the root, and every link between
    reachable items in that direction.
    """
    actor.require(Permission.VIEW_GENEALOGY)
    direction = Direction(direction)
    root = business_id.strip()
    connection = session.connection()
    dialect = connection.dialect.name
    # On SQLite the check and the trace share one snapshot; elsewhere each statement sees the
    # latest commits, so the filter always applies.
    filtered = dialect != "sqlite" or any_pending_run(session)
    cursor = connection.connection.cursor()
    try:
        cursor.execute(_TRACE_SQL[(dialect, direction, filtered)], {"root": root})
        rows = cursor.fetchall()
    finally:
        cursor.close()
    if not rows:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "Unknown lot or serial number: {id}"), id=root
        )
    info: dict[int, tuple] = {}
    names: dict[int, str] = {}
    onward: dict[int, list[int]] = {}
    edges: list[tuple] = []
    root_id = -1
    for row in rows:
        if row[0] == 0:
            info[row[1]] = row
            names[row[1]] = row[2]
            if row[2] == root:
                root_id = row[1]
        else:
            edges.append(row)
            far_list = onward.get(row[1])
            if far_list is None:
                onward[row[1]] = [row[8]]
            else:
                far_list.append(row[8])
    # Breadth first from the root: the depth of an item is its shortest distance, and the
    # order of discovery lists the nodes by depth without sorting tens of thousands of them.
    depth = {root_id: 0}
    order = [root_id]
    position = 0
    while position < len(order):
        current = order[position]
        position += 1
        next_depth = depth[current] + 1
        for far in onward.get(current, ()):
            if far not in depth:
                depth[far] = next_depth
                order.append(far)
    nodes = []
    for item_id in order:
        row = info[item_id]
        nodes.append(
            TraceNode(row[2], row[3], row[4], ON_HOLD if row[6] else row[5], depth[item_id], row[7])
        )
    cache: dict[Any, Decimal] = {}
    if direction is Direction.BACKWARD:
        links = [
            TraceLink(
                names[row[8]], names[row[1]], cache.get(row[9]) or _decimal(row[9], cache), row[10]
            )
            for row in edges
        ]
    else:
        links = [
            TraceLink(
                names[row[1]], names[row[8]], cache.get(row[9]) or _decimal(row[9], cache), row[10]
            )
            for row in edges
        ]
    return Trace(root, direction, nodes, links)


def recall(session: Session, actor: Actor, business_id: str) -> list[RecallRow]:
    """Every cell, module and pack made from a suspect item, with status and last station."""
    result = trace(session, actor, business_id, Direction.FORWARD)
    order = {"cell": 0, "module": 1, "pack": 2}
    rows = [
        RecallRow(n.id, n.kind, n.material, n.status, n.last_station, n.depth)
        for n in result.nodes
        if n.kind in UNIT_KINDS and n.id != result.root
    ]
    rows.sort(key=lambda r: (order[r.kind], r.id))
    return rows


RECALL_COLUMNS = ("id", "kind", "material", "status", "last_station", "depth")


def export_recall(rows: Iterable[RecallRow], path: Path, *, french: bool = False) -> None:
    """The recall report as CSV (desktop/services/csv_files.py: `;` and decimal commas when
    `french`) or XLSX, chosen by the file's extension. The CSV has no byte-order mark, as
    before."""
    records = [asdict(r) for r in rows]
    table = [[record[c] for c in RECALL_COLUMNS] for record in records]
    if path.suffix.lower() != ".xlsx":
        write_csv(path, RECALL_COLUMNS, table, french=french, bom=False)
        return
    try:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("recall")
        sheet.append(list(RECALL_COLUMNS))
        for row in table:
            sheet.append(row)
        book.save(path)
    except OSError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Cannot write {path}: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc


# -- holds -------------------------------------------------------------------------------------

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
    """.format(visible=_visible_sql("l"))
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
