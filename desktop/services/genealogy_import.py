"""`linedesk import genealogy`: lots and links from an ERP or an older MES, all or nothing.

LOTS.csv: `id,kind,material,quantity,unit,created_at`. LINKS.csv:
`parent_id,child_id,quantity,unit,linked_at,station`. Separator `,` or `;` (French Excel, which
also writes decimal commas); a naive `created_at`/`linked_at` is plant time. The header is line 1,
as a spreadsheet shows it; an error names the file, the line and the reason, and nothing is
written. Importing the same files again changes nothing: lots already stored with the same data
and links already stored are skipped (a lot stored with other data is an error).

This module holds the rules: what a valid lot and link are, what a lot can still give, the
counts and the refusals. How the rows reach the database (the import's own connection, its short
transactions, compiled inserts, id reservation, the import lock, removing the rows of runs that
never committed) is desktop/storage/bulk.py, import_lock.py and import_runs.py; reading the
files is genealogy_files.py and turning their text into storage values genealogy_values.py.
Lots are consumed by quantity (never beyond what they hold), units once.

Over 500 lines because the run is one class whose steps (lots, links, settling, the last commit)
share what is known of every item of the run; split further, each piece would reach into the
others' state.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.domain.genealogy import KNOWN_UNITS, UNIT_KINDS, ItemStatus, convert_quantity
from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, Message
from desktop.domain.plant_time import utc_now, zone
from desktop.domain.roles import Permission
from desktop.services import audit, plant
from desktop.services.actor import Actor
from desktop.services.genealogy_files import LINK_COLUMNS, LOT_COLUMNS, ImportFile, file_error
from desktop.services.genealogy_values import BadValue, StoredValues
from desktop.services.genealogy_visibility import visible_items
from desktop.storage.bulk import (
    Slices,
    bulk_connection,
    bulk_insert,
    durable_commits,
    insert_sql,
    reserve_ids,
    transaction,
)
from desktop.storage.database import Database
from desktop.storage.import_lock import import_lock
from desktop.storage.import_runs import clean_runs, remove_run_rows
from desktop.storage.models.genealogy import GenealogyLink, ImportRun, Item

LOOKUP = 500  # business ids per IN (...) look-up
RANK = {"raw": 0, "intermediate": 1, "cell": 2, "module": 3, "pack": 4}

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportReport:
    lots_added: int
    lots_unchanged: int
    links_added: int
    links_unchanged: int
    seconds: float


class _Known:
    """What the import knows of one item: its id, kind rank, unit, what it can still give, what
    this run consumed from it, and where it was made and last used."""

    __slots__ = ("id", "rank", "unit", "capacity", "consumed", "station", "last", "last_at",
                 "new", "consumer_line")  # fmt: skip

    def __init__(self, item_id: int, rank: int, unit: str, capacity: Decimal, new: bool) -> None:
        self.id = item_id
        self.rank = rank
        self.unit = unit
        self.capacity = capacity
        self.consumed = ZERO
        self.station: str | None = None
        self.last: str | None = None
        self.last_at: Any = None
        self.new = new
        self.consumer_line = 0


ZERO = Decimal(0)
_ITEM_COLUMNS = ("id", "business_id", "kind", "material", "quantity", "remaining", "unit",
                 "status", "held", "created_at", "station", "created_by", "route_position",
                 "last_station", "event_id", "import_run")  # fmt: skip
_LINK_COLUMNS = ("parent_id", "child_id", "quantity", "unit", "linked_at", "station",
                 "import_run")  # fmt: skip


def import_genealogy(
    database: Database,
    actor: Actor,
    lots_path: Path,
    links_path: Path,
    progress: Progress | None = None,
) -> ImportReport:
    """Import LOTS.csv and LINKS.csv as one run, all or nothing as every reader sees it.

    The run is stored in short committed slices (so a station's write never waits more than
    one slice), each row marked with the run; readers skip the rows of runs not committed, and
    the run's last, tiny commit (the lots it consumed from, the audit row, its state) makes it
    visible at once. Bad input, a cancel (from `progress`) or any failure removes what the run
    stored; a run cut short by a killed process is removed by the next import.
    """
    actor.require(Permission.IMPORT_GENEALOGY)
    started = time.perf_counter()
    lots = ImportFile(lots_path, LOT_COLUMNS)
    try:
        links = ImportFile(links_path, LINK_COLUMNS)
    except BaseException:
        lots.close()
        raise
    total = lots.size + links.size
    # Millions of small objects and no cycles among them: the cyclic garbage collector would
    # walk them all again and again for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with import_lock(database.engine), bulk_connection(database.engine) as connection:
            clean_runs(connection)
            run = _Run(connection, actor, lots, links, total, progress)
            try:
                counts = run.execute()
            except BaseException:
                if run.run_id is not None:
                    remove_run_rows(connection, run.run_id, run.items_after, run.links_after)
                raise
    finally:
        if collecting:
            gc.enable()
        lots.close()
        links.close()
    if progress is not None:
        progress(total, total)
    return ImportReport(*counts, seconds=time.perf_counter() - started)


class _Run:
    """One import: read and check the lots, store the new items, store the links (checking and
    counting consumption), settle the new items' final state, then commit the run."""

    def __init__(
        self,
        connection: Connection,
        actor: Actor,
        lots: ImportFile,
        links: ImportFile,
        total: int,
        progress: Progress | None,
    ) -> None:
        self.connection = connection
        self.actor = actor
        self.sqlite = connection.dialect.name == "sqlite"
        self.lots = lots
        self.links = links
        self.total = total
        self.progress = progress
        self.known: dict[str, _Known] = {}
        self.slices = Slices()
        self.run_id: int | None = None
        self.items_after = self.links_after = 0
        self.empty = True
        self.values: StoredValues

    def tick(self) -> None:
        if self.progress is not None:
            self.progress(self.lots.position() + self.links.position(), self.total)

    def execute(self) -> tuple[int, int, int, int]:
        self.begin()
        parsed = self.read_lots()
        unchanged = 0
        if not self.empty:
            parsed, unchanged = self._skip_stored_lots(parsed)
        if self.sqlite:
            # One pass: item ids are reserved first, the links stored, then the items in
            # their final state (FK checks are off on the import's connection).
            self.reserve_items(parsed)
            links_added, links_unchanged = self.store_links()
            self.store_settled_items(parsed)
        else:
            # PostgreSQL checks each link's items at once: items first, settled afterwards.
            self.store_items(parsed)
            links_added, links_unchanged = self.store_links()
            self.settle_items()
        self.commit(len(parsed), unchanged, links_added, links_unchanged)
        return len(parsed), unchanged, links_added, links_unchanged

    def begin(self) -> None:
        """The run's row, in state "running", with the highest ids stored before it."""
        connection = self.connection
        with transaction(connection, write=True):
            session = Session(bind=connection)
            tz = zone(plant.site_info(session).time_zone)
            session.close()
            self.items_after = connection.execute(select(func.max(Item.id))).scalar() or 0
            self.links_after = connection.execute(select(func.max(GenealogyLink.id))).scalar() or 0
            self.run_id = connection.execute(
                insert(ImportRun).returning(ImportRun.id),
                {
                    "kind": "genealogy",
                    "state": "running",
                    "started_at": utc_now(),
                    "started_by": self.actor.username,
                    "items_after": self.items_after,
                    "links_after": self.links_after,
                },
            ).scalar_one()
        self.empty = self.items_after == 0
        self.values = StoredValues(tz, self.sqlite)

    def _write(self, table: Any, columns: tuple[str, ...], rows: list) -> None:
        """One slice: its rows in a transaction of their own."""
        began = time.perf_counter()
        with transaction(self.connection, write=True):
            bulk_insert(self.connection, table, columns, rows)
        self.slices.measured(len(rows), time.perf_counter() - began)

    # -- lots ----------------------------------------------------------------------------------
    def read_lots(self) -> list[tuple]:
        """(id, kind, material, quantity, stored quantity, unit, stored created_at, line)."""
        values = self.values
        parsed: list[tuple] = []
        lines: dict[str, int] = {}
        path = self.lots.path
        for first, rows in self.lots.chunks():
            for line, row in enumerate(rows, start=first):
                if not row:
                    continue
                try:
                    bid, kind, material, quantity, unit, created_at = row
                except ValueError:
                    raise self.lots.row_error(line, row) from None
                try:
                    bid = bid.strip()
                    if not bid or len(bid) > 64:
                        raise BadValue(
                            QT_TRANSLATE_NOOP(
                                "Messages", "'{value}' is not a lot or serial number"
                            ),
                            value=bid,
                        )
                    if bid in lines:
                        raise BadValue(
                            QT_TRANSLATE_NOOP("Messages", "{id} is on line {first} already"),
                            id=bid,
                            first=lines[bid],
                        )
                    kind = kind.strip()
                    if kind not in RANK:
                        raise BadValue(
                            QT_TRANSLATE_NOOP(
                                "Messages",
                                "unknown kind '{kind}' (raw, intermediate, cell, module, pack)",
                            ),
                            kind=kind,
                        )
                    material = material.strip()
                    if not material or len(material) > 64:
                        raise BadValue(
                            QT_TRANSLATE_NOOP(
                                "Messages", "the material must have 1 to 64 characters"
                            )
                        )
                    unit = unit.strip()
                    if unit not in KNOWN_UNITS:
                        raise BadValue(
                            QT_TRANSLATE_NOOP("Messages", "unknown unit '{unit}'"), unit=unit
                        )
                    amount, stored_amount = values.quantity(quantity)
                    if kind in UNIT_KINDS and amount != 1:
                        raise BadValue(
                            QT_TRANSLATE_NOOP("Messages", "a {kind} is one unit, not {quantity}"),
                            kind=kind,
                            quantity=quantity,
                        )
                    stored_at = values.moment(created_at)
                except BadValue as exc:
                    raise file_error(path, line, exc.message) from None
                lines[bid] = line
                parsed.append((bid, kind, material, amount, stored_amount, unit, stored_at, line))
            self.tick()
        return parsed

    def _skip_stored_lots(self, parsed: list[tuple]) -> tuple[list[tuple], int]:
        """Lots already stored with the same data are skipped; with other data, an error."""
        fresh: list[tuple] = []
        unchanged = 0
        for start in range(0, len(parsed), LOOKUP):
            chunk = parsed[start : start + LOOKUP]
            with transaction(self.connection, write=False):
                stored = {
                    row.business_id: row
                    for row in self.connection.execute(
                        select(
                            Item.id, Item.business_id, Item.kind, Item.material, Item.quantity,
                            Item.remaining, Item.unit, Item.status, Item.created_at,
                        ).where(Item.business_id.in_([r[0] for r in chunk]))
                    )
                }  # fmt: skip
            for entry in chunk:
                bid, kind, material, amount, _stored, unit, at, line = entry
                row = stored.get(bid)
                if row is None:
                    fresh.append(entry)
                    continue
                same = (
                    row.kind == kind
                    and row.material == material
                    and row.quantity == amount
                    and row.unit == unit
                    and self.values.stored_moment(row.created_at) == at
                )
                if not same:
                    raise file_error(
                        self.lots.path,
                        line,
                        Message(
                            QT_TRANSLATE_NOOP(
                                "Messages",
                                "{id} is stored already with other data ({kind}, {material}, "
                                "{quantity} {unit}, made {created_at})",
                            ),
                            {
                                "id": bid,
                                "kind": row.kind,
                                "material": row.material,
                                "quantity": format(row.quantity.normalize(), "f"),
                                "unit": row.unit,
                                "created_at": row.created_at.isoformat(),
                            },
                        ),
                    )
                unchanged += 1
                capacity = row.remaining if row.status == ItemStatus.AVAILABLE else ZERO
                self.known[bid] = _Known(row.id, RANK[row.kind], row.unit, capacity, False)
        return fresh, unchanged

    def store_items(self, parsed: list[tuple]) -> None:
        """The new items in their first state (nothing consumed from them yet), in slices.
        Each slice takes its ids under the write lock (SQLite: above the highest stored;
        PostgreSQL: from the id sequence), so items a station makes meanwhile never collide."""
        known = self.known
        run = self.run_id
        available = ItemStatus.AVAILABLE.value
        self.slices = Slices()
        for chunk in self.slices.over(parsed):
            with self.slices.holding(len(chunk)):
                try:
                    with transaction(self.connection, write=True):
                        ids = reserve_ids(self.connection, len(chunk))
                        rows = [(item_id, bid, kind, material, stored, stored, unit, available,
                                 False, at, None, None, None, None, None, run)
                                for item_id, (bid, kind, material, _q, stored, unit, at, _line)
                                in zip(ids, chunk, strict=True)]  # fmt: skip
                        bulk_insert(self.connection, Item.__table__, _ITEM_COLUMNS, rows)
                except IntegrityError:
                    raise self._taken(chunk) from None
            for item_id, entry in zip(ids, chunk, strict=True):
                known[entry[0]] = _Known(item_id, RANK[entry[1]], entry[5], entry[3], True)
            self.tick()

    def reserve_items(self, parsed: list[tuple]) -> None:
        """SQLite: ids for the new items, taken under the write lock above the highest stored,
        kept by storing the last of them at once (a station's new item then gets an id above
        it, as SQLite takes max(id)+1), so the others can be stored last, settled."""
        if not parsed:
            return
        entry = parsed[-1]
        bid, kind, material, _q, stored, unit, at, _line = entry
        try:
            with transaction(self.connection, write=True):
                top = reserve_ids(self.connection, len(parsed))
                last = (top[-1], bid, kind, material, stored, stored, unit,
                        ItemStatus.AVAILABLE.value, False, at, None, None, None, None, None,
                        self.run_id)  # fmt: skip
                bulk_insert(self.connection, Item.__table__, _ITEM_COLUMNS, [last])
        except IntegrityError:
            raise self._taken([entry]) from None
        known = self.known
        for item_id, entry in zip(top, parsed, strict=True):
            known[entry[0]] = _Known(item_id, RANK[entry[1]], entry[5], entry[3], True)

    def store_settled_items(self, parsed: list[tuple]) -> None:
        """SQLite: the new items in their final state (what the links consumed from them, where
        they were made and last used), in slices; the last one, stored by `reserve_items`,
        gets its final state in the last slice."""
        if not parsed:
            return
        known = self.known
        run = self.run_id
        amount = self.values.amount
        available, consumed = ItemStatus.AVAILABLE.value, ItemStatus.CONSUMED.value
        connection = self.connection
        sql = insert_sql(connection, Item.__table__, _ITEM_COLUMNS)
        self.slices = Slices()
        done = 0
        for chunk in self.slices.over(parsed):
            done += len(chunk)
            rows = []
            for bid, kind, material, _q, stored, unit, at, _line in chunk:
                entry = known[bid]
                if entry.consumed:
                    left = entry.capacity - entry.consumed
                    remaining, status = amount(left), consumed if left <= 0 else available
                else:
                    remaining, status = stored, available
                rows.append((entry.id, bid, kind, material, stored, remaining, unit, status,
                             False, at, entry.station, None, None, entry.last or entry.station,
                             None, run))  # fmt: skip
            with self.slices.holding(len(chunk)):
                try:
                    with transaction(connection, write=True):
                        if done == len(parsed):  # the last slice: the reserved row's final state
                            reserved = rows.pop()
                            connection.exec_driver_sql(
                                "UPDATE item SET remaining = ?, status = ?, station = ?, "
                                "last_station = ? WHERE id = ?",
                                (reserved[5], reserved[7], reserved[10], reserved[13], reserved[0]),
                            )
                        if rows:
                            connection.exec_driver_sql(sql, rows)
                except IntegrityError:
                    raise self._taken(chunk) from None
            self.tick()

    def _taken(self, chunk: Sequence[tuple]) -> InputError:
        """A lot or serial number of the file that a station stored while the run went on."""
        with transaction(self.connection, write=False):
            stored = set(
                self.connection.execute(
                    select(Item.business_id).where(
                        Item.business_id.in_([entry[0] for entry in chunk[:LOOKUP]]),
                        Item.import_run.is_(None),
                    )
                ).scalars()
            )
        for entry in chunk:
            if entry[0] in stored:
                return file_error(
                    self.lots.path,
                    entry[7],
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "{id} was stored meanwhile at a station"),
                        {"id": entry[0]},
                    ),
                )
        return file_error(
            self.lots.path,
            chunk[0][7],
            Message(QT_TRANSLATE_NOOP("Messages", "a lot of this file was stored meanwhile")),
        )

    def settle_items(self) -> None:
        """The new items' final state: what the links consumed from them, where they were made
        and last used. Their rows are still invisible, so these slices change nothing anyone
        sees."""
        available, consumed = ItemStatus.AVAILABLE.value, ItemStatus.CONSUMED.value
        amount = self.values.amount
        rows = []
        for entry in self.known.values():
            if not entry.new or not (entry.consumed or entry.station):
                continue
            left = entry.capacity - entry.consumed
            rows.append((amount(left), consumed if left <= 0 else available, entry.station,
                         entry.last or entry.station, entry.id))  # fmt: skip
        if self.sqlite:
            sql = (
                "UPDATE item SET remaining = ?, status = ?, station = ?, last_station = ? "
                "WHERE id = ?"
            )
        statement = (
            update(Item)
            .where(Item.id == bindparam("item_id"))
            .values(remaining=bindparam("remaining"), status=bindparam("status"),
                    station=bindparam("made_at"), last_station=bindparam("last"))
        )  # fmt: skip
        self.slices = Slices()
        for chunk in self.slices.over(rows):
            with self.slices.holding(len(chunk)), transaction(self.connection, write=True):
                if self.sqlite:
                    self.connection.exec_driver_sql(sql, chunk)
                else:
                    self.connection.execute(
                        statement,
                        [{"remaining": r[0], "status": r[1], "made_at": r[2], "last": r[3],
                          "item_id": r[4]} for r in chunk],
                    )  # fmt: skip
            self.tick()

    def commit(self, lots_added: int, lots_unchanged: int, added: int, unchanged: int) -> None:
        """The run's last commit, the only one readers notice: the lots stored before the run
        that its links consumed from (read again under the write lock, as stations may have
        consumed from them meanwhile), the audit row, and the run's state, all at once."""
        connection = self.connection
        durable_commits(connection)
        stored = {
            entry.id: entry for entry in self.known.values() if not entry.new and entry.consumed
        }
        ids = sorted(stored)
        overdrawn: _Known | None = None
        with transaction(connection, write=True):
            updates = []
            for start in range(0, len(ids), LOOKUP):
                for row in connection.execute(
                    select(Item.id, Item.remaining, Item.status).where(
                        Item.id.in_(ids[start : start + LOOKUP])
                    )
                ):
                    entry = stored[row.id]
                    entry.capacity = row.remaining if row.status == ItemStatus.AVAILABLE else ZERO
                    left = entry.capacity - entry.consumed
                    if left < 0:
                        overdrawn = entry
                        break
                    updates.append({
                        "remaining": left,
                        "status": ItemStatus.CONSUMED.value if left <= 0
                        else ItemStatus.AVAILABLE.value,
                        "last": entry.last,
                        "item_id": entry.id,
                    })  # fmt: skip
                if overdrawn is not None:
                    break
            if overdrawn is None:
                if updates:
                    connection.execute(
                        update(Item)
                        .where(Item.id == bindparam("item_id"))
                        .values(remaining=bindparam("remaining"), status=bindparam("status"),
                                last_station=bindparam("last")),
                        updates,
                    )  # fmt: skip
                session = Session(bind=connection)
                audit.record_bulk(
                    session,
                    self.actor,
                    "import genealogy",
                    "item",
                    counts={
                        "lots_added": lots_added,
                        "lots_unchanged": lots_unchanged,
                        "links_added": added,
                        "links_unchanged": unchanged,
                    },
                    details={
                        "lots_file": self.lots.path.name,
                        "links_file": self.links.path.name,
                        "run": self.run_id,
                    },
                )
                session.flush()
                session.close()
                connection.execute(
                    update(ImportRun)
                    .where(ImportRun.id == self.run_id)
                    .values(state="committed", finished_at=utc_now())
                )
        if overdrawn is not None:
            message = self._overdrawn(overdrawn)
            raise InputError(message.template, **message.params)

    # -- links ---------------------------------------------------------------------------------
    def _resolve(self, bids: set[str]) -> None:
        """Items the links name that the lots file did not: look them up in the database."""
        missing = [b for b in bids if b not in self.known]
        if not missing:
            return
        with transaction(self.connection, write=False):
            for start in range(0, len(missing), LOOKUP):
                for row in self.connection.execute(
                    select(
                        Item.id, Item.business_id, Item.kind, Item.unit, Item.remaining,
                        Item.status,
                    ).where(
                        Item.business_id.in_(missing[start : start + LOOKUP]),
                        visible_items(),
                    )
                ):  # fmt: skip
                    capacity = row.remaining if row.status == ItemStatus.AVAILABLE else ZERO
                    self.known[row.business_id] = _Known(
                        row.id, RANK.get(row.kind, 0), row.unit, capacity, False
                    )

    def store_links(self) -> tuple[int, int]:
        added = unchanged = 0
        self.slices = Slices()
        for first, rows in self.links.chunks(lambda: self.slices.size):
            if not self.empty:
                self._resolve(
                    {r[0].strip() for r in rows if len(r) > 1}
                    | {r[1].strip() for r in rows if len(r) > 1}
                )
            a, u = self._links_chunk(first, rows)
            added, unchanged = added + a, unchanged + u
            self.tick()
        return added, unchanged

    def _link_error(self, line: int, row: list[str], exc: BaseException) -> InputError:
        if isinstance(exc, BadValue):
            return file_error(self.links.path, line, exc.message)
        return self.links.row_error(line, row)

    def _find(self, business_id: str, which: str) -> _Known:
        entry = self.known.get(business_id) or self.known.get(business_id.strip())
        if entry is None:
            if which == "parent":
                raise BadValue(
                    QT_TRANSLATE_NOOP(
                        "Messages", "unknown parent {id} (not in the lots file nor stored)"
                    ),
                    id=business_id,
                )
            raise BadValue(
                QT_TRANSLATE_NOOP(
                    "Messages", "unknown child {id} (not in the lots file nor stored)"
                ),
                id=business_id,
            )
        return entry

    def _links_chunk(self, first: int, rows: list[list[str]]) -> tuple[int, int]:
        """Check, count and store one chunk of links (the hot loop of a big import).

        A link between two items stored before this run may be stored already (a re-import):
        those are set aside and looked up together at the end of the chunk.
        """
        known = self.known
        values = self.values
        quantities = values.quantities
        path = self.links.path
        run = self.run_id
        out: list[tuple] = []
        append = out.append
        old: list[tuple] = []
        line = first - 1
        row: list[str] = []
        last_raw, last_at = "", None
        try:
            for row in rows:
                line += 1
                if not row:
                    continue
                parent_id, child_id, amount_text, unit, linked_at, station = row
                parent = known.get(parent_id) or self._find(parent_id, "parent")
                child = known.get(child_id) or self._find(child_id, "child")
                if parent.rank >= child.rank and (
                    parent.rank > child.rank or parent.rank != 1 or parent is child
                ):
                    raise BadValue(
                        QT_TRANSLATE_NOOP("Messages", "{parent} cannot be consumed into {child}"),
                        parent=parent_id,
                        child=child_id,
                    )
                amount, stored_amount = quantities.get(amount_text) or values.quantity(amount_text)
                if unit != parent.unit:
                    unit = unit.strip()
                    amount = self._convert(amount, unit, parent_id, parent.unit)
                if linked_at != last_raw:
                    last_raw, last_at = linked_at, values.moment(linked_at)
                station = station.strip() or None
                if not (parent.new or child.new):
                    old.append((parent, child, amount, stored_amount, unit, last_at, station,
                                line))  # fmt: skip
                    continue
                total = parent.consumed + amount
                if total > parent.capacity:
                    raise file_error(path, line, self._overdrawn(parent))
                parent.consumed = total
                if child.station is None:
                    child.station = station
                if parent.last_at is None or last_at >= parent.last_at:
                    parent.last, parent.last_at = station, last_at
                append((parent.id, child.id, stored_amount, unit, last_at, station, run))
        except (BadValue, ValueError) as exc:
            raise self._link_error(line, row, exc) from None
        skipped = 0
        if old:
            with transaction(self.connection, write=False):
                stored = self._stored_links(old)
            for parent, child, amount, stored_amount, unit, at, station, line in old:
                if (child.id, parent.id, at) in stored:
                    skipped += 1
                    continue
                total = parent.consumed + amount
                if total > parent.capacity:
                    raise file_error(path, line, self._overdrawn(parent))
                parent.consumed = total
                if parent.last_at is None or at >= parent.last_at:
                    parent.last, parent.last_at = station, at
                append((parent.id, child.id, stored_amount, unit, at, station, run))
        try:
            self._write(GenealogyLink.__table__, _LINK_COLUMNS, out)
        except IntegrityError:
            raise self._duplicate() from None
        return len(out), skipped

    @staticmethod
    def _convert(amount: Decimal, unit: str, parent_id: str, parent_unit: str) -> Decimal:
        if unit not in KNOWN_UNITS:
            raise BadValue(QT_TRANSLATE_NOOP("Messages", "unknown unit '{unit}'"), unit=unit)
        converted = convert_quantity(amount, unit, parent_unit)
        if converted is None:
            raise BadValue(
                QT_TRANSLATE_NOOP("Messages", "{unit} does not convert to {parent}'s unit {other}"),
                unit=unit,
                parent=parent_id,
                other=parent_unit,
            )
        return converted

    def _overdrawn(self, parent: _Known) -> Message:
        bid = next(b for b, k in self.known.items() if k is parent)
        if parent.rank >= RANK["cell"]:
            return Message(
                QT_TRANSLATE_NOOP("Messages", "{id} is consumed already (a unit is used once)"),
                {"id": bid},
            )
        return Message(
            QT_TRANSLATE_NOOP(
                "Messages", "lot {id} would give more than it holds ({capacity} {unit} left)"
            ),
            {
                "id": bid,
                "capacity": format((parent.capacity - parent.consumed).normalize(), "f"),
                "unit": parent.unit,
            },
        )

    def _stored_links(self, old: list[tuple]) -> set[tuple[int, int, Any]]:
        """(child id, parent id, time) of the stored links among `old` links' children."""
        found: set[tuple[int, int, Any]] = set()
        children = sorted({entry[1].id for entry in old})
        for start in range(0, len(children), LOOKUP):
            for child_id, parent_id, linked_at in self.connection.execute(
                select(
                    GenealogyLink.child_id, GenealogyLink.parent_id, GenealogyLink.linked_at
                ).where(GenealogyLink.child_id.in_(children[start : start + LOOKUP]))
            ):
                found.add((child_id, parent_id, self.values.stored_moment(linked_at)))
        return found

    def _duplicate(self) -> InputError:
        """A link given twice: find both lines (a rare path, so reading the file again is
        fine)."""
        seen: dict[tuple[str, str, Any], int] = {}
        again = ImportFile(self.links.path, LINK_COLUMNS)
        try:
            for first, rows in again.chunks():
                for line, row in enumerate(rows, start=first):
                    if len(row) != 6:
                        continue
                    key = (row[0].strip(), row[1].strip(), self.values.moment(row[4]))
                    if key in seen:
                        return file_error(
                            self.links.path,
                            line,
                            Message(
                                QT_TRANSLATE_NOOP("Messages", "the same link as line {first}"),
                                {"first": seen[key]},
                            ),
                        )
                    seen[key] = line
        finally:
            again.close()
        return file_error(
            self.links.path,
            0,
            Message(QT_TRANSLATE_NOOP("Messages", "a link is stored twice")),
        )
