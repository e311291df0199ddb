"""An opened, migrated database and the units of work it hands out.

Session per unit of work (SQLAlchemy's session basics): one Session per user action or device
event, never shared across threads. Repositories never commit; leaving `unit_of_work()` does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError
from desktop.storage import migrate
from desktop.storage.engine import SQLITE_BEGIN, make_engine, parse_database_url, sqlite_file


@dataclass
class Database:
    """An opened, migrated database."""

    url: str
    engine: Engine

    def __post_init__(self) -> None:
        writer = self.engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
        self._sessions = sessionmaker(writer, expire_on_commit=False)
        self._readers = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def describe(self) -> str:
        """The URL without its password, for the status bar and logs."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session in a transaction: committed when the block ends, rolled back on error.

        On SQLite it takes the write lock at once (BEGIN IMMEDIATE); use `reading()` for work
        that only reads, so readers never queue behind a station's writes.
        """
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading: one snapshot, no write lock taken up front (nothing to commit)."""
        with self._readers() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_storage(url: str, *, create: bool = True) -> Database:
    """Open `url`, creating the file and migrating the schema when needed.

    Storage only: the plant defaults and the clean-up of interrupted imports are start-up steps
    (desktop/startup.py `open_database`). `create=False` refuses a SQLite file that does not
    exist yet (for `db check`, `db backup`).
    """
    parsed = parse_database_url(url)
    path = sqlite_file(parsed)
    if not create and path is not None and not path.exists():
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Database file not found: {path}"), path=str(path)
        )
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        migrate.upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Cannot open the database {url}: {reason}"),
            url=parsed.render_as_string(hide_password=True),
            reason=str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc),
        ) from exc
    except SQLAlchemyError:
        engine.dispose()
        raise
    return Database(url=url, engine=engine)
