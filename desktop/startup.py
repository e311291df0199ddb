"""The start-up steps every command and the window take before the first unit of work.

Opening a database is storage (desktop/storage/database.py: connect, migrate); making it ready for
the plant is composed here, once, in order: the plant defaults (site, crews A-E, the 3x8 pattern)
so a fresh database is usable at once, then the removal of the rows an interrupted import left.
Qt-free, so headless commands stay fast.
"""

from __future__ import annotations

import gc

from desktop.services.actor import Actor
from desktop.services.plant import ensure_defaults
from desktop.storage.database import Database, open_storage
from desktop.storage.engine import sqlite_file
from desktop.storage.import_runs import clean_interrupted_imports
from desktop.storage.instance_lock import InstanceLock


def open_database(url: str, *, create: bool = True) -> Database:
    """Open `url`, creating and migrating it when needed, with the plant defaults in place.

    `create=False` refuses a SQLite file that does not exist yet (for `db check`, `db backup`).
    """
    database = open_storage(url, create=create)
    with database.unit_of_work() as session:
        ensure_defaults(session)
    # Rows of an import whose process died stay invisible but take room: removed here, unless
    # the import still runs in another process (it holds the import lock).
    clean_interrupted_imports(database)
    return database


def open_workstation_database(url: str, *, demo: bool) -> tuple[Database, InstanceLock | None]:
    """The window's database: opened as above, the demo plant seeded on first use of the demo
    file, and on SQLite the instance lock taken (a second window on the same PC is allowed; a
    restore checks the lock). The caller releases the lock at exit."""
    database = open_database(url)
    if demo:
        from desktop.services.demo import is_demo, seed_demo

        try:
            if not is_demo(database):
                seed_demo(database, Actor.system())
        except BaseException:
            database.dispose()
            raise
    lock = None
    database_file = sqlite_file(database.engine.url)
    if database_file is not None:
        lock = InstanceLock(database_file)
        lock.acquire()
    return database, lock


def freeze_startup_objects() -> None:
    """Move everything built at start-up out of the garbage collector's sight: the long-lived
    widgets, plots and ORM metadata are never garbage, and scanning them made full collections
    the longest stalls of the live Line page."""
    gc.collect()
    gc.freeze()
