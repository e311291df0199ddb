"""Bulk writes that share the database with stations: an import's own connection, short
transactions that take SQLite's write lock in turn, compiled inserts, id reservation, and slices
sized so that a station's write never waits long.

Bulk path: SQLAlchemy Core statements compiled from the tables and executed in
batches. On SQLite the statement is compiled once and handed to the driver's executemany with
values already in the column's storage form; on PostgreSQL the rows go through Core's
insertmanyvalues with the column types. What the rows mean is the services' business
(desktop/services/genealogy_import.py); this module only moves them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, insert, text

from desktop.storage.engine import SQLITE_BEGIN

BATCH = 10_000  # rows per slice at the most
IMPORT_CACHE_KIB = 512 * 1024
SLICE_SECONDS = 0.05  # the write lock is held this long at most, about, per slice
YIELD_SECONDS = 0.015  # then let go of it this long when no parsing happens in between

T = TypeVar("T")

_COMPILED: dict[tuple[str, tuple[str, ...]], str] = {}


@contextmanager
def bulk_connection(engine: Engine) -> Iterator[Connection]:
    """A bulk writer's own connection, on which each slice is a transaction of its own.

    On SQLite, foreign-key checks are off for it (the importer resolves every link's parent and
    child to an item of the file or of the database before storing it, so the per-row checks
    would only repeat that work), its page cache is larger, and its slices are written with
    `synchronous=NORMAL`: they are invisible until the last commit, which is FULL, and WAL
    syncs the log before any checkpoint, so what a reader can see is durable as before.
    Everything is set back before the connection returns to the pool."""
    with engine.connect() as connection:
        if engine.dialect.name != "sqlite":
            yield connection
            return
        driver = connection.connection.driver_connection
        for pragma in ("foreign_keys = OFF", "synchronous = NORMAL",
                       f"cache_size = -{IMPORT_CACHE_KIB}"):  # fmt: skip
            driver.execute(f"PRAGMA {pragma}")  # outside any transaction, where it counts
        try:
            yield connection
        finally:
            if connection.in_transaction():
                connection.rollback()
            for pragma in ("foreign_keys = ON", "synchronous = FULL", "cache_size = -2000"):
                driver.execute(f"PRAGMA {pragma}")


def durable_commits(connection: Connection) -> None:
    """SQLite: the next commits on the bulk connection are synced in full again (the run's
    last commit, the one readers notice)."""
    if connection.dialect.name == "sqlite":
        connection.connection.driver_connection.execute("PRAGMA synchronous = FULL")


@contextmanager
def transaction(connection: Connection, write: bool) -> Iterator[Connection]:
    """One short transaction on the bulk connection; writing ones take SQLite's write lock
    at once (BEGIN IMMEDIATE), so a slice waits its turn like a station's write does."""
    if connection.dialect.name == "sqlite":
        connection.execution_options(**{SQLITE_BEGIN: "IMMEDIATE" if write else "DEFERRED"})
    with connection.begin():
        yield connection


def bulk_insert(connection: Connection, table: Any, columns: tuple[str, ...], rows: list) -> None:
    """Insert `rows` (tuples in `columns` order, in storage form) in one executemany: on
    SQLite the Core statement compiled once and the driver's executemany; elsewhere Core's
    executemany (insertmanyvalues) with the column types."""
    if not rows:
        return
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(insert_sql(connection, table, columns), rows)
    else:
        connection.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])


def insert_sql(connection: Connection, table: Any, columns: tuple[str, ...]) -> str:
    """SQLite: the Core insert of `columns`, compiled once (positional `?` in that order)."""
    key = (table.name, columns)
    sql = _COMPILED.get(key)
    if sql is None:
        compiled = insert(table).compile(dialect=connection.dialect, column_keys=list(columns))
        if list(compiled.positiontup or ()) != list(columns):
            raise AssertionError(f"unexpected column order {compiled.positiontup}")
        sql = _COMPILED[key] = str(compiled)
    return sql


def reserve_ids(connection: Connection, count: int) -> list[int] | range:
    """`count` new item ids. SQLite: called under the write lock (BEGIN IMMEDIATE), so
    max(id)+1... is free until that transaction ends; PostgreSQL: values from the id sequence,
    safe with other writers."""
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


class Slices:
    """How many rows the next slice takes so that it holds the write lock about
    `SLICE_SECONDS` (the machine, the disk and the table sizes decide, so it is measured)."""

    def __init__(self, first: int = 2_000) -> None:
        self.size = first

    def measured(self, rows: int, seconds: float) -> None:
        if rows < self.size or seconds <= 0:
            return
        wanted = int(rows * SLICE_SECONDS / seconds)
        self.size = max(500, min(BATCH, wanted, self.size * 2))

    def over(self, rows: Sequence[T]) -> Iterator[Sequence[T]]:
        """`rows` in slices, each as large as the slices before it say."""
        start = 0
        while start < len(rows):
            chunk = rows[start : start + self.size]
            start += len(chunk)
            yield chunk

    @contextmanager
    def holding(self, rows: int) -> Iterator[None]:
        """A slice of `rows` holding the write lock: timed to size the next one, then the lock
        left free for a moment (`yield_lock`). A slice that fails is neither."""
        began = time.perf_counter()
        yield
        held = time.perf_counter() - began
        self.measured(rows, held)
        yield_lock(held)


def yield_lock(held: float) -> None:
    """Leave the write lock free for a moment after a slice with no parsing behind it: a
    station waiting in SQLite's busy handler polls every few milliseconds at first, then
    every 25-100 ms, and must find it free."""
    time.sleep(min(YIELD_SECONDS, max(0.003, held / 3)))
