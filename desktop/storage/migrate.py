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


def describe(revisions: frozenset[str]) -> str:
    return ", ".join(sorted(revisions)) or "none"


def upgrade(engine: Engine) -> bool:
    """Bring the schema to the newest revision; True when something was applied.

    SQLite batch migrations copy tables, which foreign keys would block or cascade: they are
    switched off for the migration and checked afterwards, as SQLite's documentation advises.
    """
    if current_revisions(engine) == head_revisions():
        return False
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
        connection.commit()
        if sqlite:
            problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            connection.exec_driver_sql("PRAGMA foreign_keys = ON")
            if problems:
                raise RuntimeError(f"foreign key violations after migration: {problems[:5]}")
    return True
