"""Integrity checks and online backups of the database file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError
from desktop.storage import migrate


def check(engine: Engine) -> list[str]:
    """Problems found (empty when sound): SQLite integrity and foreign keys, schema revision."""
    problems: list[str] = []
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            for (row,) in connection.execute(text("PRAGMA integrity_check")):
                if row != "ok":
                    problems.append(f"integrity: {row}")
            for table, rowid, parent, _fk in connection.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
        tables = set(inspect(connection).get_table_names())
    current, heads = migrate.current_revisions(engine), migrate.head_revisions()
    if not migrate.is_up_to_date(engine):
        problems.append(
            f"schema at revision {migrate.describe(current)}, expected {migrate.describe(heads)}"
        )
    if "site" not in tables:
        problems.append("the site table is missing")
    return problems


def pragma(engine: Engine, name: str) -> str:
    with engine.connect() as connection:
        return str(connection.exec_driver_sql(f"PRAGMA {name}").scalar())


def backup(engine: Engine, target: Path) -> None:
    """Copy a live SQLite database with its online backup API (safe while the app writes)."""
    if engine.dialect.name != "sqlite":
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Backups of a PostgreSQL database are made with pg_dump on the server",
            )
        )
    if target.exists():
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "{path} exists already; choose a new file name"),
            path=str(target),
        )
    if not target.parent.is_dir():
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Folder not found: {path}"), path=str(target.parent)
        )
    partial = target.with_name(target.name + ".partial")
    raw = engine.raw_connection()
    try:
        destination = sqlite3.connect(partial)
        try:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
        finally:
            destination.close()
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Backup to {path} failed: {reason}"),
            path=str(target),
            reason=str(exc),
        ) from exc
    finally:
        raw.close()
