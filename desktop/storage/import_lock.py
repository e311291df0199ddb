"""One import at a time per database: a lock file next to a SQLite database, a session advisory
lock on PostgreSQL. Whoever holds it knows that a run still marked "running" was interrupted
(desktop/storage/import_runs.py removes its rows)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, text

from desktop.domain.messages import QT_TRANSLATE_NOOP, ConflictError
from desktop.storage.engine import sqlite_file

_PG_KEY = 0x4C494E45  # "LINE": the advisory lock of genealogy imports
_LOCAL_LOCKS: dict[str, threading.Lock] = {}


class ImportBusy(ConflictError):
    """Another import runs on this database (its run stays invisible until it commits)."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages", "Another genealogy import is running on this database; try again later"
            )
        )


@contextmanager
def import_lock(engine: Engine) -> Iterator[None]:
    """One import at a time per database, held by the importing process and released by the
    operating system or the server when that process dies (even by SIGKILL). SQLite: an
    exclusive lock on a file next to the database (a lock in this process for an in-memory
    one); PostgreSQL: a session advisory lock. Raises ImportBusy when it is taken."""
    if engine.dialect.name == "sqlite":
        path = sqlite_file(engine.url)
        if path is None:
            key = engine.url.render_as_string(hide_password=False)
            lock = _LOCAL_LOCKS.setdefault(key, threading.Lock())
            if not lock.acquire(blocking=False):
                raise ImportBusy()
            try:
                yield
            finally:
                lock.release()
            return
        handle = open(f"{path}.import-lock", "a+b")  # noqa: SIM115 - held for the whole run
        try:
            try:
                _lock_file(handle)
            except OSError:
                raise ImportBusy() from None
            yield
        finally:
            handle.close()  # closing releases the lock
        return
    with engine.connect() as connection:
        got = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": _PG_KEY})
        if not got.scalar():
            connection.rollback()
            raise ImportBusy()
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_KEY})
            connection.commit()


def _lock_file(handle: Any) -> None:
    """An exclusive, non-blocking lock on an open file (raises OSError when it is taken)."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
