"""The engine for a database URL, with the SQLite settings an acknowledged record needs.

On every SQLite connection: WAL (readers never block the station writing), foreign keys on,
`synchronous=FULL` (an acknowledged scan must survive a power cut; NORMAL in WAL mode can lose the
last commits) and a busy timeout, so two processes sharing the file wait instead of failing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError

BUSY_TIMEOUT_MS = 10_000
SQLITE_BEGIN = "linedesk_sqlite_begin"
SUPPORTED = ("sqlite", "postgresql")


def parse_database_url(text: str) -> URL:
    """A database URL we can open, or a clear error naming what is wrong."""
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Not a database URL: {url} (expected sqlite:///FILE or postgresql://HOST/DB)",
            ),
            url=text,
        ) from exc
    backend = url.get_backend_name()
    if backend not in SUPPORTED:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Unsupported database URL scheme '{scheme}': use sqlite:///FILE or "
                "postgresql://HOST/DB",
            ),
            scheme=url.drivername,
        )
    if backend == "postgresql" and url.drivername in ("postgresql", "postgresql+psycopg2"):
        url = url.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and url.drivername != "sqlite":
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "Unsupported SQLite driver '{driver}': use sqlite:///FILE"
            ),
            driver=url.drivername,
        )
    return url


def sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for an in-memory database."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event below emit BEGIN itself (the pysqlite recipe), so a unit of
    # work that writes can start with BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    """BEGIN IMMEDIATE for units of work that write: in WAL mode a deferred transaction that
    read first and writes later fails at once (SQLITE_BUSY_SNAPSHOT) when another process wrote
    in between; taking the write lock up front makes it wait for the busy timeout instead."""
    mode = connection.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url_text: str, **kwargs: Any) -> Engine:
    """An engine for `url_text`; a SQLite file's folder is created when missing."""
    url = parse_database_url(url_text)
    path = sqlite_file(url)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(
                QT_TRANSLATE_NOOP("Messages", "Cannot create the folder of {path}: {reason}"),
                path=str(path),
                reason=exc.strerror or str(exc),
            ) from exc
    if url.get_backend_name() == "sqlite":
        kwargs.setdefault("connect_args", {}).setdefault("timeout", BUSY_TIMEOUT_MS / 1000)
    else:
        kwargs.setdefault("pool_pre_ping", True)
    engine = create_engine(url, **kwargs)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    return engine
