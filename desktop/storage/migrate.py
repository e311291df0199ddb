"""Alembic migrations run from code: every command creates and migrates its database.

Each part of Linedesk (security, genealogy, production, people, shifts) keeps its migrations on a
branch of its own that starts from the foundation revision `0001`, labelled with the part's name.
Parts can then grow their schema independently; `upgrade` brings every branch to its head.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revisions() -> frozenset[str]:
    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(engine: Engine) -> frozenset[str]:
    with engine.connect() as connection:
        return frozenset(MigrationContext.configure(connection).get_current_heads())


def _as_tuple(value: str | tuple[str, ...] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def applied_revisions(current: frozenset[str]) -> frozenset[str]:
    """Every revision applied when the database's version table holds `current`.

    Alembic keeps only the tips; a tip implies its ancestors and the revisions it depends on
    (another part's branch), so both are followed.
    """
    script = ScriptDirectory.from_config(alembic_config())
    seen: set[str] = set()
    stack = list(current)
    while stack:
        revision = script.get_revision(stack.pop())
        if revision is None or revision.revision in seen:
            continue
        seen.add(revision.revision)
        stack.extend(_as_tuple(revision.down_revision))
        stack.extend(_as_tuple(revision.dependencies))
    return frozenset(seen)


def is_up_to_date(engine: Engine) -> bool:
    return head_revisions() <= applied_revisions(current_revisions(engine))


def describe(revisions: frozenset[str]) -> str:
    return ", ".join(sorted(revisions)) or "none"


def upgrade(engine: Engine) -> bool:
    """Bring the schema to the newest revision; True when something was applied.

    SQLite batch migrations copy tables, which foreign keys would block or cascade: they are
    switched off for the migration and checked afterwards, as SQLite's documentation advises.
    """
    if is_up_to_date(engine):
        return False
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:  # outside any transaction, where SQLite honours it
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
        connection.commit()
        if sqlite:
            problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            connection.commit()
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = ON")
            if problems:
                raise RuntimeError(f"foreign key violations after migration: {problems[:5]}")
    return True
