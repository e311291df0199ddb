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
import gc
import io
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from itertools import islice
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, bindparam, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.domain.genealogy import KNOWN_UNITS, UNIT_KINDS, ItemStatus, convert_quantity
from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, LinedeskError, Message
from desktop.domain.plant_time import as_utc, zone
from desktop.domain.roles import Permission
from desktop.services import audit, plant
from desktop.services.actor import Actor
from desktop.services.database import Database
from desktop.storage.engine import SQLITE_BEGIN
from desktop.storage.models.genealogy import GenealogyLink, Item

LOT_COLUMNS = ("id", "kind", "material", "quantity", "unit", "created_at")
LINK_COLUMNS = ("parent_id", "child_id", "quantity", "unit", "linked_at", "station")
BATCH = 10_000
IMPORT_CACHE_KIB = 512 * 1024
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
        header = [h.strip().lower() for h in next(csv.reader([header_line], **self._dialect()))]
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

    def chunks(self, size: int = 10_000) -> Iterator[tuple[int, list[list[str]]]]:
        """Rows in lists of `size`, each with the line number of its first row; rows are in
        the order of `columns`. Blank rows come as empty lists (a spreadsheet counts them)."""
        reader = csv.reader(self._text, **self._dialect())
        line = 2
        positions = self.positions
        natural = positions == list(range(len(positions))) and self.width == len(positions)
        while True:
            try:
                rows = list(islice(reader, size))
            except UnicodeDecodeError as exc:
                raise _file_error(
                    self.path, line, Message(QT_TRANSLATE_NOOP("Messages", "not UTF-8 text"))
                ) from exc
            except csv.Error as exc:
                raise _file_error(self.path, line, Message(str(exc))) from exc
            if not rows:
                return
            if not natural:
                rows = [[row[p] for p in positions] if len(row) == self.width else row
                        for row in rows]  # fmt: skip
            yield line, rows
            line += len(rows)

    def row_error(self, line: int, row: list[str]) -> InputError:
        """The error of a row that does not unpack into the expected columns."""
        return _file_error(
            self.path,
            line,
            Message(
                QT_TRANSLATE_NOOP("Messages", "{found} fields where the header has {expected}"),
                {"found": len(row), "expected": self.width},
            ),
        )

    def position(self) -> int:
        return self._raw.tell()

    def close(self) -> None:
        self._text.close()


class _Values:
    """Text from the files to values in the columns' storage form.

    Rows repeat their time (a cell's five links share it) and plant-time offsets change only at
    clock changes, so the last conversion is kept and offsets are cached per local hour.
    """

    def __init__(self, tz: ZoneInfo, sqlite: bool) -> None:
        self.tz = tz
        self.sqlite = sqlite
        self._hours: dict[str, tuple[timedelta, str] | None] = {}
        self._quantities: dict[str, tuple[Decimal, Any]] = {}
        self._last_raw = ""
        self._last_value: Any = None

    def moment(self, raw: str) -> Any:
        """ISO 8601; without an offset, plant time. SQLite: naive UTC text as SQLAlchemy's
        DateTime stores it; PostgreSQL: aware UTC."""
        if raw == self._last_raw:
            return self._last_value
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
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
            hour = self._hours.get(key, False)
            if hour is False:
                hour = self._hour(moment)
                self._hours[key] = hour
            if hour is None:  # an hour with a clock change inside: exact conversion
                try:
                    utc = as_utc(moment, self.tz).replace(tzinfo=None)
                except LinedeskError as exc:
                    raise _LineError(exc.message.template, **exc.message.params) from None
            elif self.sqlite and len(raw) == 19 and raw[10] in "T ":
                # Whole-hour offset: only the hour changes; minutes and seconds are as given.
                value = f"{hour[1]}{raw[13:]}.000000"
                self._last_raw, self._last_value = raw, value
                return value
            else:
                utc = moment - hour[0]
        else:
            utc = moment.astimezone(UTC).replace(tzinfo=None)
        value = (
            utc.isoformat(sep=" ", timespec="microseconds")
            if self.sqlite
            else utc.replace(tzinfo=UTC)
        )
        self._last_raw, self._last_value = raw, value
        return value

    def _hour(self, moment: datetime) -> tuple[timedelta, str] | None:
        """(offset, UTC hour as "YYYY-MM-DD HH") of a local hour without a clock change."""
        start = moment.replace(minute=0, second=0, microsecond=0)
        end = start + timedelta(minutes=59, seconds=59, microseconds=999_999)
        try:
            first = start - as_utc(start, self.tz).replace(tzinfo=None)
            last = end - as_utc(end, self.tz).replace(tzinfo=None)
        except LinedeskError:
            return None
        if first != last:
            return None
        if first % timedelta(hours=1):
            return first, ""  # a zone with a half-hour offset: no text shortcut
        return first, (start - first).isoformat(sep=" ")[:13]

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

    def amount(self, value: Decimal) -> Any:
        return format(value, "f") if self.sqlite else value


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
                 "last_station", "event_id")  # fmt: skip
_LINK_COLUMNS = ("parent_id", "child_id", "quantity", "unit", "linked_at", "station")
_COMPILED: dict[tuple[str, tuple[str, ...]], str] = {}


def _bulk_insert(connection: Connection, table: Any, columns: tuple[str, ...], rows: list) -> None:
    """Insert `rows` (tuples in `columns` order, in storage form) in one executemany: on
    SQLite the Core statement compiled once and the driver's executemany; elsewhere Core's
    executemany (insertmanyvalues) with the column types."""
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


def _defer_foreign_keys(connection: Connection) -> None:
    """Check the links' foreign keys at commit: links are stored before the items they name,
    so each new item is written once, with its final state. SQLite defers every foreign key
    for this transaction; PostgreSQL defers the DEFERRABLE ones (the links')."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        # A bigger page cache for this connection while it builds the indexes of a big run.
        connection.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    else:
        connection.execute(text("SET CONSTRAINTS ALL DEFERRED"))


@contextmanager
def _bulk_unit_of_work(database: Database) -> Iterator[Session]:
    """The import's transaction. On SQLite, the connection's foreign-key checks are off for it:
    the run resolves every link's parent and child to an item of the file or of the database
    (read under the write lock) before storing it, so the per-row checks would only repeat
    that work. They are switched back on before the connection returns to the pool.
    Elsewhere, the ordinary unit of work (the links' keys are deferred to the commit)."""
    if not database.is_sqlite:
        with database.unit_of_work() as session:
            yield session
        return
    with database.engine.connect() as connection:
        driver = connection.connection.driver_connection
        driver.execute("PRAGMA foreign_keys = OFF")  # outside any transaction, where it counts
        try:
            writer = connection.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
            with Session(bind=writer, expire_on_commit=False) as session, session.begin():
                yield session
        finally:
            if connection.in_transaction():
                connection.rollback()
            driver.execute("PRAGMA foreign_keys = ON")


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
    # Millions of small objects and no cycles among them: the cyclic garbage collector would
    # walk them all again and again for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with _bulk_unit_of_work(database) as session:
            tz = zone(plant.site_info(session).time_zone)
            run = _Run(session, tz, lots, links, total, progress)
            counts = run.execute()
            audit.record_bulk(
                session,
                actor,
                "import genealogy",
                "item",
                counts={
                    "lots_added": counts[0],
                    "lots_unchanged": counts[1],
                    "links_added": counts[2],
                    "links_unchanged": counts[3],
                },
                details={"lots_file": lots_path.name, "links_file": links_path.name},
            )
    finally:
        if collecting:
            gc.enable()
        lots.close()
        links.close()
    if progress is not None:
        progress(total, total)
    return ImportReport(*counts, seconds=time.perf_counter() - started)


class _Run:
    """One import: read and check the lots, reserve their ids, store the links (checking and
    counting consumption), then store the new items in their final state."""

    def __init__(
        self,
        session: Session,
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

    def execute(self) -> tuple[int, int, int, int]:
        _defer_foreign_keys(self.connection)
        parsed = self.read_lots()
        unchanged = 0
        if not self.empty:
            parsed, unchanged = self._skip_stored_lots(parsed)
        ids = _reserve_ids(self.connection, len(parsed))
        known = self.known
        for item_id, entry in zip(ids, parsed, strict=True):
            known[entry[0]] = _Known(item_id, RANK[entry[1]], entry[5], entry[3], True)
        links_added, links_unchanged = self.store_links()
        self.store_items(parsed, ids)
        self.update_stored_items()
        if self.sqlite:
            self.connection.exec_driver_sql("PRAGMA cache_size = -2000")  # SQLite's default
        return len(parsed), unchanged, links_added, links_unchanged

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
                        raise _LineError(
                            QT_TRANSLATE_NOOP(
                                "Messages", "'{value}' is not a lot or serial number"
                            ),
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
                            QT_TRANSLATE_NOOP(
                                "Messages", "the material must have 1 to 64 characters"
                            )
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
            self.tick()
        return parsed

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
                capacity = row.remaining if row.status == ItemStatus.AVAILABLE else ZERO
                self.known[bid] = _Known(row.id, RANK[row.kind], row.unit, capacity, False)
        return fresh, unchanged

    def store_items(self, parsed: list[tuple], ids: list[int] | range) -> None:
        """The new items, with what the links consumed from them and where they were made."""
        available, consumed = ItemStatus.AVAILABLE.value, ItemStatus.CONSUMED.value
        known = self.known
        amount = self.values.amount
        rows = []
        for item_id, (bid, kind, material, _q, stored, unit, at, _line) in zip(
            ids, parsed, strict=True
        ):
            entry = known[bid]
            if entry.consumed:
                left = entry.capacity - entry.consumed
                remaining = amount(left)
                status = consumed if left <= 0 else available
            else:
                remaining, status = stored, available
            rows.append((item_id, bid, kind, material, stored, remaining, unit, status, False, at,
                         entry.station, None, None, entry.last or entry.station, None))  # fmt: skip
            if len(rows) == BATCH:
                _bulk_insert(self.connection, Item.__table__, _ITEM_COLUMNS, rows)
                rows = []
                self.tick()
        _bulk_insert(self.connection, Item.__table__, _ITEM_COLUMNS, rows)

    def update_stored_items(self) -> None:
        """Items stored before this run that its links consumed from."""
        rows = [
            {
                "remaining": entry.capacity - entry.consumed,
                "status": ItemStatus.CONSUMED.value
                if entry.capacity - entry.consumed <= 0
                else ItemStatus.AVAILABLE.value,
                "last": entry.last,
                "item_id": entry.id,
            }
            for entry in self.known.values()
            if not entry.new and entry.consumed
        ]
        statement = (
            update(Item)
            .where(Item.id == bindparam("item_id"))
            .values(remaining=bindparam("remaining"), status=bindparam("status"),
                    last_station=bindparam("last"))
        )  # fmt: skip
        for start in range(0, len(rows), BATCH):
            self.connection.execute(statement, rows[start : start + BATCH])

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
                capacity = row.remaining if row.status == ItemStatus.AVAILABLE else ZERO
                self.known[row.business_id] = _Known(
                    row.id, RANK.get(row.kind, 0), row.unit, capacity, False
                )

    def store_links(self) -> tuple[int, int]:
        added = unchanged = 0
        for first, rows in self.links.chunks(BATCH):
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
        if isinstance(exc, _LineError):
            return _file_error(self.links.path, line, exc.message)
        return self.links.row_error(line, row)

    def _find(self, business_id: str, which: str) -> _Known:
        entry = self.known.get(business_id) or self.known.get(business_id.strip())
        if entry is None:
            if which == "parent":
                raise _LineError(
                    QT_TRANSLATE_NOOP(
                        "Messages", "unknown parent {id} (not in the lots file nor stored)"
                    ),
                    id=business_id,
                )
            raise _LineError(
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
        quantities = values._quantities
        path = self.links.path
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
                    raise _LineError(
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
                    raise _file_error(path, line, self._overdrawn(parent))
                parent.consumed = total
                if child.station is None:
                    child.station = station
                if parent.last_at is None or last_at >= parent.last_at:
                    parent.last, parent.last_at = station, last_at
                append((parent.id, child.id, stored_amount, unit, last_at, station))
        except (_LineError, ValueError) as exc:
            raise self._link_error(line, row, exc) from None
        skipped = 0
        if old:
            stored = self._stored_links(old)
            for parent, child, amount, stored_amount, unit, at, station, line in old:
                if (child.id, parent.id, at) in stored:
                    skipped += 1
                    continue
                total = parent.consumed + amount
                if total > parent.capacity:
                    raise _file_error(path, line, self._overdrawn(parent))
                parent.consumed = total
                if parent.last_at is None or at >= parent.last_at:
                    parent.last, parent.last_at = station, at
                append((parent.id, child.id, stored_amount, unit, at, station))
        try:
            _bulk_insert(self.connection, GenealogyLink.__table__, _LINK_COLUMNS, out)
        except IntegrityError:
            raise self._duplicate() from None
        return len(out), skipped

    @staticmethod
    def _convert(amount: Decimal, unit: str, parent_id: str, parent_unit: str) -> Decimal:
        if unit not in KNOWN_UNITS:
            raise _LineError(QT_TRANSLATE_NOOP("Messages", "unknown unit '{unit}'"), unit=unit)
        converted = convert_quantity(amount, unit, parent_unit)
        if converted is None:
            raise _LineError(
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
            for child_id, parent_id, linked_at in self.session.execute(
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
        again = _CsvFile(self.links.path, LINK_COLUMNS)
        try:
            for first, rows in again.chunks():
                for line, row in enumerate(rows, start=first):
                    if len(row) != 6:
                        continue
                    key = (row[0].strip(), row[1].strip(), self.values.moment(row[4]))
                    if key in seen:
                        return _file_error(
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
        return _file_error(
            self.links.path,
            0,
            Message(QT_TRANSLATE_NOOP("Messages", "a link is stored twice")),
        )
