"""`linedesk import genealogy`: lots and links from an ERP or an older MES, all or nothing.

LOTS.csv: `id,kind,material,quantity,unit,created_at`. LINKS.csv:
`parent_id,child_id,quantity,unit,linked_at,station`. Separator `,` or `;` (French Excel, which
also writes decimal commas); a naive `created_at`/`linked_at` is plant time. The header is line 1,
as a spreadsheet shows it; an error names the file, the line and the reason, and nothing is
written. Importing the same files again changes nothing: lots already stored with the same data
and links already stored are skipped (a lot stored with other data is an error).

Bulk path (DESIGN.md): SQLAlchemy Core statements compiled from the tables, executed in batches of
`BATCH` rows in one transaction, with one audit row for the run. Values are converted once to the
column's storage form (on SQLite, UTC text as SQLAlchemy's DateTime writes it) and handed to the
driver's executemany; on PostgreSQL the rows go through Core's insertmanyvalues with the column
types. Lots are consumed by quantity (never beyond what they hold), units once.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.domain.genealogy import KNOWN_UNITS, UNIT_KINDS, ItemStatus, convert_quantity
from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, LinedeskError, Message
from desktop.domain.plant_time import as_utc, zone
from desktop.domain.roles import Permission
from desktop.services import audit, plant
from desktop.services.actor import Actor
from desktop.services.database import Database
from desktop.storage.models.genealogy import GenealogyLink, Item

LOT_COLUMNS = ("id", "kind", "material", "quantity", "unit", "created_at")
LINK_COLUMNS = ("parent_id", "child_id", "quantity", "unit", "linked_at", "station")
BATCH = 10_000
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


class _LineError(Exception):
    """A bad value on the current line; the reader adds the file and line number."""

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template)
        self.message = Message(template, params)


def _file_error(path: Path, line: int, reason: Message) -> InputError:
    return InputError(
        QT_TRANSLATE_NOOP("Messages", "{file} line {line}: {reason}"),
        file=path.name,
        line=line,
        reason=reason,
    )


class _CsvFile:
    """A CSV file with a known header, read row by row with its spreadsheet line number and
    the bytes read so far (for the progress bar)."""

    def __init__(self, path: Path, columns: tuple[str, ...]) -> None:
        self.path = path
        try:
            self.size = path.stat().st_size
            self._raw = path.open("rb")
        except OSError as exc:
            raise InputError(
                QT_TRANSLATE_NOOP("Messages", "Cannot read {path}: {reason}"),
                path=str(path),
                reason=exc.strerror or str(exc),
            ) from exc
        self._text = io.TextIOWrapper(self._raw, encoding="utf-8-sig", newline="")
        try:
            header_line = self._text.readline()
        except UnicodeDecodeError as exc:
            raise _file_error(
                path, 1, Message(QT_TRANSLATE_NOOP("Messages", "not UTF-8 text"))
            ) from exc
        self.delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
        header = [h.strip().lower() for h in next(csv.reader([header_line], self._dialect()))]
        missing = [c for c in columns if c not in header]
        if missing:
            raise _file_error(
                path,
                1,
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "the header lacks {missing} (expected the columns {expected})"
                    ),
                    {"missing": ", ".join(missing), "expected": ",".join(columns)},
                ),
            )
        self.positions = [header.index(c) for c in columns]
        self.width = len(header)

    def _dialect(self) -> dict[str, Any]:
        return {"delimiter": self.delimiter, "skipinitialspace": False}

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        reader = csv.reader(self._text, **self._dialect())
        line = 1
        positions = self.positions
        natural = positions == list(range(len(positions))) and self.width == len(positions)
        try:
            for row in reader:
                line += 1
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                if len(row) != self.width:
                    raise _file_error(
                        self.path,
                        line,
                        Message(
                            QT_TRANSLATE_NOOP(
                                "Messages", "{found} fields where the header has {expected}"
                            ),
                            {"found": len(row), "expected": self.width},
                        ),
                    )
                yield line, (row if natural else [row[p] for p in positions])
        except UnicodeDecodeError as exc:
            raise _file_error(
                self.path, line + 1, Message(QT_TRANSLATE_NOOP("Messages", "not UTF-8 text"))
            ) from exc
        except csv.Error as exc:
            raise _file_error(self.path, line + 1, Message(str(exc))) from exc

    def position(self) -> int:
        return self._raw.tell()

    def close(self) -> None:
        self._text.close()


class _Values:
    """Text from the files to values in the columns' storage form, with small caches: plant
    time offsets per local hour (so each row needs no time-zone arithmetic) and repeated
    quantities."""

    def __init__(self, tz: ZoneInfo, sqlite: bool) -> None:
        self.tz = tz
        self.sqlite = sqlite
        self._offsets: dict[str, timedelta | None] = {}
        self._quantities: dict[str, tuple[Decimal, Any]] = {}

    def moment(self, raw: str) -> Any:
        """ISO 8601; without an offset, plant time. SQLite: naive UTC text; else aware UTC."""
        try:
            moment = datetime.fromisoformat(raw.strip())
        except ValueError:
            raise _LineError(
                QT_TRANSLATE_NOOP(
                    "Messages", "'{text}' is not an ISO 8601 date-time (YYYY-MM-DDTHH:MM:SS)"
                ),
                text=raw,
            ) from None
        if moment.tzinfo is None:
            key = raw[:13]
            offset = self._offsets.get(key, False)
            if offset is False:
                offset = self._hour_offset(moment)
                self._offsets[key] = offset
            if offset is None:  # an hour with a clock change inside: exact conversion
                try:
                    utc = as_utc(moment, self.tz).replace(tzinfo=None)
                except LinedeskError as exc:
                    raise _LineError(exc.message.template, **exc.message.params) from None
            else:
                utc = moment - offset
        else:
            utc = moment.astimezone(UTC).replace(tzinfo=None)
        if self.sqlite:
            return utc.isoformat(sep=" ", timespec="microseconds")
        return utc.replace(tzinfo=UTC)

    def _hour_offset(self, moment: datetime) -> timedelta | None:
        start = moment.replace(minute=0, second=0, microsecond=0)
        end = start + timedelta(minutes=59, seconds=59, microseconds=999_999)
        try:
            first = start - as_utc(start, self.tz).replace(tzinfo=None)
            last = end - as_utc(end, self.tz).replace(tzinfo=None)
        except LinedeskError:
            return None
        return first if first == last else None

    def quantity(self, raw: str) -> tuple[Decimal, Any]:
        """(value, storage form); `12,5` is read as 12.5 (French spreadsheets)."""
        cached = self._quantities.get(raw)
        if cached is not None:
            return cached
        try:
            value = Decimal(raw.strip().replace(",", "."))
        except InvalidOperation:
            raise _LineError(
                QT_TRANSLATE_NOOP("Messages", "'{text}' is not a quantity"), text=raw
            ) from None
        if not value.is_finite() or value < 0:
            raise _LineError(QT_TRANSLATE_NOOP("Messages", "'{text}' is not a quantity"), text=raw)
        result = (value, format(value, "f") if self.sqlite else value)
        if len(self._quantities) < 10_000:
            self._quantities[raw] = result
        return result

    def stored_moment(self, value: datetime) -> Any:
        """A datetime read from the database in the same form as `moment` returns."""
        utc = value.astimezone(UTC)
        if self.sqlite:
            return utc.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
        return utc


class _Known:
    """What the import knows of one item: its id, kind rank, unit, what it can still give, what
    this run consumed from it, and where it was made / last seen."""

    __slots__ = ("id", "rank", "unit", "capacity", "consumed", "station", "last", "last_at",
                 "new", "line", "consumer_line", "touched")  # fmt: skip

    def __init__(self, item_id: int, rank: int, unit: str, capacity: Decimal, new: bool,
                 line: int) -> None:  # fmt: skip
        self.id = item_id
        self.rank = rank
        self.unit = unit
        self.capacity = capacity
        self.consumed = Decimal(0)
        self.station: str | None = None
        self.last: str | None = None
        self.last_at: Any = None
        self.new = new
        self.line = line
        self.consumer_line = 0
        self.touched = False


_ITEM_COLUMNS = ("id", "business_id", "kind", "material", "quantity", "remaining", "unit",
                 "status", "held", "created_at", "station", "created_by", "route_position",
                 "last_station", "event_id")  # fmt: skip
_LINK_COLUMNS = ("parent_id", "child_id", "quantity", "unit", "linked_at", "station")
_COMPILED: dict[tuple[str, tuple[str, ...]], str] = {}


def _bulk_insert(connection: Connection, table: Any, columns: tuple[str, ...], rows: list) -> None:
    """Insert `rows` (tuples in `columns` order, in storage form) in one executemany."""
    if not rows:
        return
    statement = insert(table)
    if connection.dialect.name == "sqlite":
        key = (table.name, columns)
        sql = _COMPILED.get(key)
        if sql is None:
            compiled = statement.compile(dialect=connection.dialect, column_keys=list(columns))
            if list(compiled.positiontup or ()) != list(columns):
                raise AssertionError(f"unexpected column order {compiled.positiontup}")
            sql = _COMPILED[key] = str(compiled)
        connection.exec_driver_sql(sql, rows)
    else:
        connection.execute(statement, [dict(zip(columns, row, strict=True)) for row in rows])


def _reserve_ids(connection: Connection, count: int) -> list[int] | range:
    """`count` new item ids. SQLite: the write lock is held (BEGIN IMMEDIATE), so max(id)+1...
    is free; PostgreSQL: values from the id sequence, safe with other writers."""
    if count == 0:
        return range(0)
    if connection.dialect.name == "sqlite":
        top = connection.execute(text("SELECT max(id) FROM item")).scalar() or 0
        return range(top + 1, top + 1 + count)
    rows = connection.execute(
        text("SELECT nextval(pg_get_serial_sequence('item', 'id')) FROM generate_series(1, :n)"),
        {"n": count},
    )
    return [int(r[0]) for r in rows]


def import_genealogy(
    database: Database,
    actor: Actor,
    lots_path: Path,
    links_path: Path,
    progress: Progress | None = None,
) -> ImportReport:
    """Import LOTS.csv and LINKS.csv in one transaction; see the module docstring."""
    actor.require(Permission.IMPORT_GENEALOGY)
    started = time.perf_counter()
    lots = _CsvFile(lots_path, LOT_COLUMNS)
    try:
        links = _CsvFile(links_path, LINK_COLUMNS)
    except BaseException:
        lots.close()
        raise
    total = lots.size + links.size
    try:
        with database.unit_of_work() as session:
            tz = zone(plant.site_info(session).time_zone)
            run = _Run(session, actor, tz, lots, links, total, progress)
            report = run.execute()
            audit.record_bulk(
                session,
                actor,
                "import genealogy",
                "item",
                counts={
                    "lots_added": report[0],
                    "lots_unchanged": report[1],
                    "links_added": report[2],
                    "links_unchanged": report[3],
                },
                details={"lots_file": lots_path.name, "links_file": links_path.name},
            )
    finally:
        lots.close()
        links.close()
    if progress is not None:
        progress(total, total)
    return ImportReport(*report, seconds=time.perf_counter() - started)


class _Run:
    def __init__(
        self,
        session: Session,
        actor: Actor,
        tz: ZoneInfo,
        lots: _CsvFile,
        links: _CsvFile,
        total: int,
        progress: Progress | None,
    ) -> None:
        self.session = session
        self.connection = session.connection()
        self.sqlite = self.connection.dialect.name == "sqlite"
        self.values = _Values(tz, self.sqlite)
        self.lots = lots
        self.links = links
        self.total = total
        self.progress = progress
        self.known: dict[str, _Known] = {}
        self.empty = self.connection.execute(text("SELECT max(id) FROM item")).scalar() is None

    def tick(self) -> None:
        if self.progress is not None:
            self.progress(self.lots.position() + self.links.position(), self.total)

    # -- lots ----------------------------------------------------------------------------------
    def read_lots(self) -> list[tuple]:
        values = self.values
        parsed: list[tuple] = []
        lines: dict[str, int] = {}
        path = self.lots.path
        for line, (bid, kind, material, quantity, unit, created_at) in self.lots.rows():
            try:
                bid = bid.strip()
                if not bid or len(bid) > 64:
                    raise _LineError(
                        QT_TRANSLATE_NOOP("Messages", "'{value}' is not a lot or serial number"),
                        value=bid,
                    )
                if bid in lines:
                    raise _LineError(
                        QT_TRANSLATE_NOOP("Messages", "{id} is on line {first} already"),
                        id=bid,
                        first=lines[bid],
                    )
                kind = kind.strip()
                if kind not in RANK:
                    raise _LineError(
                        QT_TRANSLATE_NOOP(
                            "Messages",
                            "unknown kind '{kind}' (raw, intermediate, cell, module, pack)",
                        ),
                        kind=kind,
                    )
                material = material.strip()
                if not material or len(material) > 64:
                    raise _LineError(
                        QT_TRANSLATE_NOOP("Messages", "the material must have 1 to 64 characters")
                    )
                unit = unit.strip()
                if unit not in KNOWN_UNITS:
                    raise _LineError(
                        QT_TRANSLATE_NOOP("Messages", "unknown unit '{unit}'"), unit=unit
                    )
                amount, stored_amount = values.quantity(quantity)
                if kind in UNIT_KINDS and amount != 1:
                    raise _LineError(
                        QT_TRANSLATE_NOOP("Messages", "a {kind} is one unit, not {quantity}"),
                        kind=kind,
                        quantity=quantity,
                    )
                stored_at = values.moment(created_at)
            except _LineError as exc:
                raise _file_error(path, line, exc.message) from None
            lines[bid] = line
            parsed.append((bid, kind, material, amount, stored_amount, unit, stored_at, line))
            if len(parsed) % BATCH == 0:
                self.tick()
        return parsed

    def store_lots(self, parsed: list[tuple]) -> tuple[int, int]:
        unchanged = 0
        if not self.empty:
            parsed, unchanged = self._skip_stored_lots(parsed)
        ids = _reserve_ids(self.connection, len(parsed))
        available = ItemStatus.AVAILABLE.value
        rows = []
        known = self.known
        for item_id, (bid, kind, material, amount, stored, unit, at, line) in zip(
            ids, parsed, strict=True
        ):
            rows.append((item_id, bid, kind, material, stored, stored, unit, available, False,
                         at, None, None, None, None, None))  # fmt: skip
            known[bid] = _Known(item_id, RANK[kind], unit, amount, True, line)
            if len(rows) == BATCH:
                _bulk_insert(self.connection, Item.__table__, _ITEM_COLUMNS, rows)
                rows = []
                self.tick()
        _bulk_insert(self.connection, Item.__table__, _ITEM_COLUMNS, rows)
        return len(parsed), unchanged

    def _skip_stored_lots(self, parsed: list[tuple]) -> tuple[list[tuple], int]:
        """Lots already stored with the same data are skipped; with other data, an error."""
        fresh: list[tuple] = []
        unchanged = 0
        for start in range(0, len(parsed), LOOKUP):
            chunk = parsed[start : start + LOOKUP]
            stored = {
                row.business_id: row
                for row in self.session.execute(
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
                    raise _file_error(
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
                capacity = row.remaining if row.status == ItemStatus.AVAILABLE else Decimal(0)
                self.known[bid] = _Known(row.id, RANK[row.kind], row.unit, capacity, False, line)
        return fresh, unchanged

    # -- links ---------------------------------------------------------------------------------
    def _resolve(self, bids: set[str]) -> None:
        """Items the links name that the lots file did not: look them up in the database."""
        missing = [b for b in bids if b not in self.known]
        for start in range(0, len(missing), LOOKUP):
            for row in self.session.execute(
                select(
                    Item.id, Item.business_id, Item.kind, Item.unit, Item.remaining, Item.status
                ).where(Item.business_id.in_(missing[start : start + LOOKUP]))
            ):
                capacity = row.remaining if row.status == ItemStatus.AVAILABLE else Decimal(0)
                self.known[row.business_id] = _Known(
                    row.id, RANK.get(row.kind, 0), row.unit, capacity, False, 0
                )

    def store_links(self) -> tuple[int, int]:
        added = unchanged = 0
        chunk: list[tuple[int, list[str]]] = []
        names: set[str] = set()
        for line, row in self.links.rows():
            chunk.append((line, row))
            if not self.empty:
                names.add(row[0].strip())
                names.add(row[1].strip())
            if len(chunk) == BATCH:
                a, u = self._links_chunk(chunk, names)
                added, unchanged = added + a, unchanged + u
                chunk, names = [], set()
                self.tick()
        a, u = self._links_chunk(chunk, names)
        return added + a, unchanged + u

    def _links_chunk(self, chunk: list[tuple[int, list[str]]], names: set[str]) -> tuple[int, int]:
        if not chunk:
            return 0, 0
        if names:
            self._resolve(names)
        known = self.known
        values = self.values
        path = self.links.path
        parsed: list[tuple] = []
        old_pairs: list[int] = []  # positions in `parsed` whose two items were stored before
        for line, (parent_id, child_id, quantity, unit, linked_at, station) in chunk:
            try:
                parent = known.get(parent_id) or known.get(parent_id.strip())
                if parent is None:
                    raise _LineError(
                        QT_TRANSLATE_NOOP(
                            "Messages", "unknown parent {id} (not in the lots file nor stored)"
                        ),
                        id=parent_id,
                    )
                child = known.get(child_id) or known.get(child_id.strip())
                if child is None:
                    raise _LineError(
                        QT_TRANSLATE_NOOP(
                            "Messages", "unknown child {id} (not in the lots file nor stored)"
                        ),
                        id=child_id,
                    )
                if parent is child:
                    raise _LineError(
                        QT_TRANSLATE_NOOP("Messages", "{id} cannot be made from itself"),
                        id=child_id,
                    )
                if parent.rank > child.rank or (parent.rank == child.rank and parent.rank != 1):
                    raise _LineError(
                        QT_TRANSLATE_NOOP(
                            "Messages", "{parent} cannot be consumed into {child} (kinds)"
                        ),
                        parent=parent_id,
                        child=child_id,
                    )
                amount, stored_amount = values.quantity(quantity)
                unit = unit.strip()
                if unit == parent.unit:
                    taken = amount
                else:
                    if unit not in KNOWN_UNITS:
                        raise _LineError(
                            QT_TRANSLATE_NOOP("Messages", "unknown unit '{unit}'"), unit=unit
                        )
                    converted = convert_quantity(amount, unit, parent.unit)
                    if converted is None:
                        raise _LineError(
                            QT_TRANSLATE_NOOP(
                                "Messages", "{unit} does not convert to {parent}'s unit {other}"
                            ),
                            unit=unit,
                            parent=parent_id,
                            other=parent.unit,
                        )
                    taken = converted
                stored_at = values.moment(linked_at)
            except _LineError as exc:
                raise _file_error(path, line, exc.message) from None
            station = station.strip() or None
            parsed.append((parent, child, taken, stored_amount, unit, stored_at, station, line))
            if not (parent.new or child.new):
                old_pairs.append(len(parsed) - 1)
        skip = self._stored_links(parsed, old_pairs) if old_pairs else set()
        rows = []
        for position, (parent, child, taken, stored_amount, unit, at, station, line) in enumerate(
            parsed
        ):
            if position in skip:
                continue
            parent.consumed += taken
            if parent.consumed > parent.capacity:
                raise _file_error(path, line, self._overdrawn(parent, line))
            parent.consumer_line = line
            parent.touched = child.touched = True
            if child.station is None:
                child.station = station
            if parent.last_at is None or at >= parent.last_at:
                parent.last, parent.last_at = station, at
            if child.last_at is None or at >= child.last_at:
                child.last, child.last_at = station, at
            rows.append((parent.id, child.id, stored_amount, unit, at, station))
        try:
            _bulk_insert(self.connection, GenealogyLink.__table__, _LINK_COLUMNS, rows)
        except IntegrityError:
            raise self._duplicate(parsed) from None
        return len(rows), len(skip)

    def _overdrawn(self, parent: _Known, line: int) -> Message:
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
            {"id": bid, "capacity": format(parent.capacity.normalize(), "f"), "unit": parent.unit},
        )

    def _stored_links(self, parsed: list[tuple], positions: list[int]) -> set[int]:
        """Positions of links between items stored before this run that are stored already."""
        found: set[tuple[int, int, Any]] = set()
        children = sorted({parsed[p][1].id for p in positions})
        for start in range(0, len(children), LOOKUP):
            for child_id, parent_id, linked_at in self.session.execute(
                select(
                    GenealogyLink.child_id, GenealogyLink.parent_id, GenealogyLink.linked_at
                ).where(GenealogyLink.child_id.in_(children[start : start + LOOKUP]))
            ):
                found.add((child_id, parent_id, self.values.stored_moment(linked_at)))
        return {p for p in positions if (parsed[p][1].id, parsed[p][0].id, parsed[p][5]) in found}

    def _duplicate(self, parsed: list[tuple]) -> InputError:
        """A link given twice: find its two lines (rare path, so a second reading is fine)."""
        seen: dict[tuple[int, int, Any], int] = {}
        for _start_line, row in self._reread_links():
            key = row
            if key in seen:
                return _file_error(
                    self.links.path,
                    _start_line,
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "the same link as line {first}"),
                        {"first": seen[key]},
                    ),
                )
            seen[key] = _start_line
        line = parsed[0][7] if parsed else 0
        return _file_error(
            self.links.path,
            line,
            Message(
                QT_TRANSLATE_NOOP("Messages", "a link of this part of the file is stored twice")
            ),
        )

    def _reread_links(self) -> Iterator[tuple[int, tuple]]:
        again = _CsvFile(self.links.path, LINK_COLUMNS)
        try:
            for line, row in again.rows():
                key = (row[0].strip(), row[1].strip(), self.values.moment(row[4]))
                yield line, key
        finally:
            again.close()

    def store_item_states(self) -> None:
        """Remaining quantity and status of consumed items, where new items were made and last
        seen: one executemany over the items this run touched."""
        consumed = ItemStatus.CONSUMED.value
        available = ItemStatus.AVAILABLE.value
        rows: list[dict[str, Any]] = []
        sql = text(
            "UPDATE item SET remaining = :remaining, status = :status, "
            "station = COALESCE(station, :station), last_station = :last WHERE id = :item_id"
        )
        for entry in self.known.values():
            if not entry.touched:
                continue
            left = entry.capacity - entry.consumed
            status = consumed if entry.consumed > 0 and left <= 0 else None
            rows.append(
                {
                    "remaining": format(left, "f") if self.sqlite else left,
                    "status": status or available,
                    "station": entry.station if entry.new else None,
                    "last": entry.last,
                    "item_id": entry.id,
                    "keep": entry.new or entry.consumed > 0,
                }
            )
        rows = [r for r in rows if r.pop("keep")]
        for start in range(0, len(rows), BATCH):
            self.connection.execute(sql, rows[start : start + BATCH])
            self.tick()

    def execute(self) -> tuple[int, int, int, int]:
        parsed = self.read_lots()
        lots_added, lots_unchanged = self.store_lots(parsed)
        del parsed
        links_added, links_unchanged = self.store_links()
        self.store_item_states()
        return lots_added, lots_unchanged, links_added, links_unchanged
