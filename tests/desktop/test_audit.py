"""The audit trail: append-only in the database itself, hash-chained, verified from the CLI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from desktop.domain.roles import Role
from desktop.services.actor import Actor, RoleRefused
from desktop.services.audit import AuditFilter, search, verify
from desktop.services.plant import save_line, save_station
from desktop.startup import open_database
from desktop.storage.models.security import AuditEntry
from tests.cli_kit import linedesk

SYSTEM = Actor.system()


def _changes(database, count: int = 3) -> None:
    """Each change its own unit of work, as the Admin page makes them."""
    with database.unit_of_work() as session:
        save_line(session, SYSTEM, "CELL-1", "Cell line 1", "cell")
    for n in range(1, count):
        with database.unit_of_work() as session:
            save_station(
                session, SYSTEM, f"FILL-{n}", f"Filling {n}", "CELL-1", "filling", new=True
            )


def _search(database, actor: Actor, wanted: AuditFilter):  # noqa: ANN001, ANN202
    with database.reading() as session:
        return search(session, actor, wanted)


def _verify(database):  # noqa: ANN001, ANN202
    with database.reading() as session:
        return verify(session)


def test_every_change_leaves_a_row_with_who_what_and_old_new(database) -> None:
    for name in ("Cell line 1", "Cell line one"):
        with database.unit_of_work() as session:
            save_line(session, SYSTEM, "CELL-1", name, "cell")
    rows = _search(database, SYSTEM, AuditFilter(object_id="CELL-1"))
    assert [r.action for r in rows] == ["update", "create"]
    assert rows[0].username == SYSTEM.username
    assert '"name": ["Cell line 1", "Cell line one"]' in rows[0].changes


def test_an_update_through_plain_sql_is_refused(database) -> None:
    _changes(database)
    for statement in ("UPDATE audit SET reason = 'x'", "DELETE FROM audit"):
        with pytest.raises(DBAPIError, match="append-only"), database.unit_of_work() as s:
            s.execute(text(statement))


def test_the_chain_verifies_when_untouched(database) -> None:
    _changes(database, 5)
    assert _verify(database) is None


def _tamper(path: Path, *statements: str) -> None:
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER audit_no_update")
    raw.execute("DROP TRIGGER audit_no_delete")
    for statement in statements:
        raw.execute(statement)
    raw.commit()
    raw.close()


@pytest.mark.parametrize(
    ("statement", "bad_row", "words"),
    [
        ("UPDATE audit SET reason = 'nothing happened' WHERE id = 2", 2, "edited"),
        ("DELETE FROM audit WHERE id = 2", 3, "link to the previous row"),
        ("DELETE FROM audit WHERE id = 4", 4, "newest rows were removed"),
    ],
)
def test_audit_verify_names_the_first_bad_row(sqlite_url, statement, bad_row, words) -> None:
    database = open_database(sqlite_url)
    _changes(database, 4)
    database.dispose()
    intact = linedesk("--database", sqlite_url, "audit", "verify")
    assert intact.returncode == 0 and "4 rows" in intact.stdout
    _tamper(Path(sqlite_url.removeprefix("sqlite:///")), statement)
    broken = linedesk("--database", sqlite_url, "audit", "verify")
    assert broken.returncode == 1
    assert f"row {bad_row}" in broken.stderr and words in broken.stderr


def test_only_qa_and_admins_read_the_trail(database) -> None:
    with pytest.raises(RoleRefused):
        _search(database, Actor("op", Role.OPERATOR), AuditFilter())
    assert _search(database, Actor("q", Role.QA), AuditFilter()) == []


def test_filters_by_user_object_and_time(database) -> None:
    _changes(database, 3)
    assert len(_search(database, SYSTEM, AuditFilter(object_type="station"))) == 2
    assert _search(database, SYSTEM, AuditFilter(username="nobody")) == []
    with database.reading() as session:
        first = session.scalar(select(AuditEntry).order_by(AuditEntry.id))
        since = first.at
    assert len(_search(database, SYSTEM, AuditFilter(since=since))) == 3


def test_seeded_demo_database_carries_audit_rows(demo_database) -> None:
    rows = _search(demo_database, SYSTEM, AuditFilter(username=SYSTEM.username))
    assert "seed-demo" in {r.object_id for r in rows}
    assert _verify(demo_database) is None
