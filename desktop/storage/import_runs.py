"""Import runs whose rows no reader may see, and the removal of the rows of runs that never
committed (a process killed, a run cancelled or refused).

Each row an import stores is marked with its run (`import_run`); the run's id range starts above
`items_after` / `links_after`, so its rows are found and deleted by id range in short slices.
"""

from __future__ import annotations

import time
from typing import Protocol

from sqlalchemy import Connection, Engine, func, select, update

from desktop.domain.plant_time import utc_now
from desktop.storage.bulk import bulk_connection, transaction, yield_lock
from desktop.storage.import_lock import ImportBusy, import_lock
from desktop.storage.models.genealogy import GenealogyLink, ImportRun, Item

# Still being stored in slices, or interrupted and not yet removed. Rows made at stations have
# no run.
PENDING_STATES = ("running", "abandoned")


class HasEngine(Protocol):
    engine: Engine


def clean_interrupted_imports(database: HasEngine) -> int:
    """Remove the rows of every import run that never committed; returns how many runs were
    removed. Nothing happens while another process imports (its run is alive). Safe at every
    start: the rows were never visible.

    Called by `open_database`: when no run is pending (the usual case) it is one query."""
    engine = database.engine
    with engine.connect() as connection:
        pending = connection.execute(
            select(ImportRun.id).where(ImportRun.state.in_(PENDING_STATES)).limit(1)
        ).first()
    if pending is None:
        return 0
    try:
        with import_lock(engine), bulk_connection(engine) as connection:
            return clean_runs(connection)
    except ImportBusy:
        return 0


def clean_runs(connection: Connection) -> int:
    """On the bulk connection, with the import lock held: remove every pending run's rows."""
    with transaction(connection, write=False):
        runs = connection.execute(
            select(ImportRun.id, ImportRun.items_after, ImportRun.links_after).where(
                ImportRun.state.in_(PENDING_STATES)
            )
        ).all()
    for run in runs:
        remove_run_rows(connection, run.id, run.items_after, run.links_after)
    return len(runs)


def remove_run_rows(
    connection: Connection, run_id: int, items_after: int, links_after: int
) -> None:
    """Delete one run's rows in short slices by id range (the run's rows lie above the ids it
    started after), links first, then mark the run removed."""
    with transaction(connection, write=True):
        connection.execute(
            update(ImportRun).where(ImportRun.id == run_id).values(state="abandoned")
        )
    for table, after in ((GenealogyLink.__table__, links_after), (Item.__table__, items_after)):
        with transaction(connection, write=False):
            top = connection.execute(select(func.max(table.c.id))).scalar() or 0
        start = after
        window = 20_000
        while start < top:
            began = time.perf_counter()
            with transaction(connection, write=True):
                connection.execute(
                    table.delete().where(
                        table.c.id > start,
                        table.c.id <= start + window,
                        table.c.import_run == run_id,
                    )
                )
            start += window
            yield_lock(time.perf_counter() - began)
    with transaction(connection, write=True):
        connection.execute(
            update(ImportRun)
            .where(ImportRun.id == run_id)
            .values(state="removed", finished_at=utc_now())
        )
