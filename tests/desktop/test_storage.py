"""The data layer on real databases: migrations, pragmas, defaults, checks and backups."""

from __future__ import annotations

import sqlite3
from datetime import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text

from desktop.domain.messages import InputError
from desktop.startup import open_database
from desktop.storage import maintenance, migrate
from desktop.storage.engine import make_engine
from desktop.storage.models import Base, Crew, ShiftPattern, Site


def test_migrated_schema_equals_the_models(database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_every_branch_is_at_its_head(database) -> None:
    assert migrate.is_up_to_date(database.engine)
    applied = migrate.applied_revisions(migrate.current_revisions(database.engine))
    assert migrate.head_revisions() <= applied and "0001" in applied
    assert migrate.upgrade(database.engine) is False


def test_sqlite_connections_are_durable_and_checked(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    assert maintenance.pragma(database.engine, "journal_mode") == "wal"
    assert maintenance.pragma(database.engine, "foreign_keys") == "1"
    assert maintenance.pragma(database.engine, "synchronous") == "2"  # FULL
    assert int(maintenance.pragma(database.engine, "busy_timeout")) >= 5000
    database.dispose()


def test_foreign_keys_are_enforced(database) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        session.execute(text("INSERT INTO crew (site_id, code, name) VALUES (999, 'Z', 'Z')"))


def test_a_fresh_database_holds_the_plant_defaults(database) -> None:
    with database.unit_of_work() as session:
        site = session.scalar(select(Site))
        assert (site.time_zone, site.staffing_target) == ("Europe/Paris", 1000)
        crews = session.scalars(select(Crew.code).order_by(Crew.code)).all()
        assert crews == ["A", "B", "C", "D", "E"]
        pattern = session.scalar(select(ShiftPattern).where(ShiftPattern.active))
        assert pattern.code == "3x8"
        assert [(s.code, s.start, s.end) for s in pattern.shifts] == [
            ("morning", time(5), time(13)),
            ("afternoon", time(13), time(21)),
            ("night", time(21), time(5)),
        ]


def test_opening_twice_adds_no_second_set_of_defaults(database_url: str) -> None:
    open_database(database_url).dispose()
    database = open_database(database_url)
    with database.unit_of_work() as session:
        assert len(session.scalars(select(Crew)).all()) == 5
        assert len(session.scalars(select(Site)).all()) == 1
    database.dispose()


def test_check_finds_a_sound_database_sound(database) -> None:
    assert maintenance.check(database.engine) == []


def test_check_reports_a_broken_foreign_key(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    path = sqlite_url.removeprefix("sqlite:///")
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("INSERT INTO crew (site_id, code, name) VALUES (42, 'Z', 'Z')")
    raw.commit()
    raw.close()
    problems = maintenance.check(database.engine)
    assert any("foreign key: crew" in p for p in problems)
    database.dispose()


def test_online_backup_copies_the_live_database(sqlite_url: str, tmp_path: Path) -> None:
    database = open_database(sqlite_url)
    target = tmp_path / "copy.sqlite"
    maintenance.backup(database.engine, target)
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT count(*) FROM crew").fetchone() == (5,)
    copy.close()
    with pytest.raises(InputError, match="exists already"):
        maintenance.backup(database.engine, target)
    database.dispose()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("nonsense://x", "Unsupported database URL scheme 'nonsense'"),
        ("not a url", "Not a database URL"),
        ("sqlite+weird:///x.db", "Unsupported SQLite driver"),
    ],
)
def test_bad_urls_are_refused_with_a_reason(url: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        make_engine(url)


def test_a_missing_file_is_not_created_when_creation_is_off(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Database file not found"):
        open_database("sqlite:///" + (tmp_path / "absent.sqlite").as_posix(), create=False)
    assert not (tmp_path / "absent.sqlite").exists()


def test_an_unreachable_postgresql_server_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="Cannot open the database"):
        open_database("postgresql://nobody@127.0.0.1:9/none?connect_timeout=2")
