"""What readers of the genealogy see: nothing an import run has not committed yet.

An import run stores its items and links in short transactions of its own
(desktop/services/genealogy_import.py); until it is committed, its rows carry its id and every
reader leaves them out, as a filter on the ORM queries (`visible_items`, `visible_links`) or as
SQL text in the hand-written recursive ones (`visible_sql`).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import Session

from desktop.storage.import_runs import PENDING_STATES
from desktop.storage.models.genealogy import GenealogyLink, ImportRun, Item

# Import runs whose rows no reader sees: PENDING_STATES (desktop/storage/import_runs.py).
_PENDING_SQL = "SELECT id FROM import_run WHERE state IN ('running', 'abandoned')"


def visible_items() -> ColumnElement[bool]:
    """The items every reader may see: not stored by an import run that has not committed."""
    return _visible(Item.import_run)


def visible_links() -> ColumnElement[bool]:
    """The links every reader may see (as `visible_items`)."""
    return _visible(GenealogyLink.import_run)


def _visible(column: object) -> ColumnElement[bool]:
    pending = select(ImportRun.id).where(ImportRun.state.in_(PENDING_STATES))
    return or_(column.is_(None), column.not_in(pending))  # type: ignore[attr-defined]


def visible_sql(alias: str) -> str:
    """`visible_*` as SQL text for the hand-written recursive queries."""
    return f"({alias}.import_run IS NULL OR {alias}.import_run NOT IN ({_PENDING_SQL}))"


def any_pending_run(session: Session) -> bool:
    """Whether an import run is being stored (or waits to be removed): when none is, the
    trace skips the visibility filter (on SQLite, in the same snapshot as the trace)."""
    return session.scalar(select(exists().where(ImportRun.state.in_(PENDING_STATES)))) is True
