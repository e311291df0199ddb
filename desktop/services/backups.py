"""Daily automatic backups with retention, and restoring a backup.

The running application makes one online backup a day into `backups/` in the data folder (the
first time it runs that day, then every day it stays up) and keeps the newest `KEEP` files.
Restoring refuses while an application has the database open (desktop.storage.instance_lock).
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.messages import QT_TRANSLATE_NOOP, ConflictError, InputError
from desktop.storage import instance_lock, maintenance
from desktop.storage.database import Database
from desktop.storage.engine import parse_database_url, sqlite_file

if TYPE_CHECKING:
    from desktop.operations import Job

KEEP = 14
PREFIX = "linedesk-"


def backup_name(day: date, stem: str) -> str:
    return f"{PREFIX}{stem}-{day.isoformat()}.sqlite"


def daily_backup(database: Database, folder: Path, today: date, keep: int = KEEP) -> Path | None:
    """Today's backup of a SQLite database, unless it exists; then prune to the newest `keep`."""
    path = sqlite_file(database.engine.url)
    if path is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / backup_name(today, path.stem)
    made = None
    if not target.exists():
        maintenance.backup(database.engine, target)
        made = target
    backups = sorted(folder.glob(f"{PREFIX}{path.stem}-*.sqlite"))
    for old in backups[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return made


def daily_backup_job(job: Job, folder: Path, today: date, keep: int = KEEP) -> Path | None:
    """`daily_backup` as a long job of the operations kernel: a copy of a big database file
    takes seconds, and must never hold a station's write behind it."""
    job.progress(0, 1)
    made = daily_backup(job.database, folder, today, keep)
    job.progress(1, 1)
    return made


def _check_backup_file(source: Path) -> None:
    if not source.is_file():
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Backup file not found: {path}"), path=str(source)
        )
    try:
        connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            (result,) = connection.execute("PRAGMA integrity_check").fetchone()
            tables = {
                r[0]
                for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "{path} is not a Linedesk database: {reason}"),
            path=str(source),
            reason=str(exc),
        ) from exc
    if result != "ok" or "site" not in tables or "alembic_version" not in tables:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "{path} is not a sound Linedesk database"),
            path=str(source),
        )


def restore(url: str, source: Path) -> Path:
    """Replace the database at `url` with `source`; the replaced file is kept beside it.

    Returns the path of the kept copy. Refuses while an application has the database open.
    """
    target = sqlite_file(parse_database_url(url))
    if target is None:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "Restore works on SQLite files; restore PostgreSQL with pg_restore"
            )
        )
    _check_backup_file(source)
    if instance_lock.held_elsewhere(target):
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "Messages", "Linedesk is running on {path}: close it on this PC before restoring"
            ),
            path=str(target),
        )
    kept = target.with_name(target.name + ".before-restore")
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        shutil.copy2(target, kept)
    for suffix in ("-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    partial = target.with_name(target.name + ".restoring")
    source_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    destination = sqlite3.connect(partial)
    try:
        source_db.backup(destination)
    finally:
        destination.close()
        source_db.close()
    partial.replace(target)
    return kept
