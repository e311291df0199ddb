"""Genealogy traces: the recursive query, what it returns, and the recall list made from it.

A trace is one recursive SQL query (`WITH RECURSIVE`, the same text on SQLite and PostgreSQL):
the reachable set is built by node with UNION, so every item appears once however many paths
lead to it (an electrolyte lot reaches a pack through 256 cells), and the links come from the
same query. Depth (the shortest distance from the root) is computed afterwards. `walk` is the
query; the service that checks who asks is `trace` in desktop/services/genealogy.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from desktop.domain.genealogy import ON_HOLD, UNIT_KINDS
from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, NotFoundError
from desktop.services.csv_files import write_csv
from desktop.services.genealogy_visibility import any_pending_run, visible_sql


class Direction(StrEnum):
    BACKWARD = "backward"
    FORWARD = "forward"


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
        item_filter=f" AND {visible_sql('i')}" if filtered else "",
        link_filter=f" AND {visible_sql('l')}" if filtered else "",
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


def walk(session: Session, business_id: str, direction: Direction | str) -> Trace:
    """Everything `business_id` was made from (backward) or everything made from it (forward).

    Every reachable item once, with its shortest depth from the root, and every link between
    reachable items in that direction. The query itself: `genealogy.trace` checks who asks.
    """
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


def recall_rows(result: Trace) -> list[RecallRow]:
    """The cells, modules and packs of a forward trace, cells first, each list by id."""
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
