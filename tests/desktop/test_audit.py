"""The audit trail: append-only in the database itself, hash-chained, verified from the CLI."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from desktop.domain.roles import Role
from desktop.services.actor import Actor, RoleRefused
from desktop.services.audit import AuditFilter, AuditService
from desktop.services.database import open_database
from desktop.services.plant import PlantService
from desktop.storage.models.security import AuditEntry

SYSTEM = Actor.system()


def linedesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
        stdin=subprocess.DEVNULL,
    )


def _changes(database, count: int = 3) -> None:
    plant = PlantService(database, lambda: SYSTEM)
    plant.save_line("CELL-1", "Cell line 1", "cell")
    for n in range(1, count):
        plant.save_station(f"FILL-{n}", f"Filling {n}", "CELL-1", "filling", new=True)


def test_every_change_leaves_a_row_with_who_what_and_old_new(database) -> None:
    plant = PlantService(database, lambda: SYSTEM)
    plant.save_line("CELL-1", "Cell line 1", "cell")
    plant.save_line("CELL-1", "Cell line one", "cell")
    rows = AuditService(database, lambda: SYSTEM).search(AuditFilter(object_id="CELL-1"))
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
    assert AuditService(database, lambda: SYSTEM).verify() is None


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
    service = AuditService(database, lambda: Actor("op", Role.OPERATOR))
    with pytest.raises(RoleRefused):
        service.search(AuditFilter())
    assert AuditService(database, lambda: Actor("q", Role.QA)).search(AuditFilter()) == []


def test_filters_by_user_object_and_time(database) -> None:
    _changes(database, 3)
    service = AuditService(database, lambda: SYSTEM)
    assert len(service.search(AuditFilter(object_type="station"))) == 2
    assert service.search(AuditFilter(username="nobody")) == []
    with database.reading() as session:
        first = session.scalar(select(AuditEntry).order_by(AuditEntry.id))
        since = first.at
    assert len(service.search(AuditFilter(since=since))) == 3


def test_seeded_demo_database_carries_audit_rows(demo_database) -> None:
    rows = AuditService(demo_database, lambda: SYSTEM).search(AuditFilter(username=SYSTEM.username))
    assert "seed-demo" in {r.object_id for r in rows}
    assert AuditService(demo_database, lambda: SYSTEM).verify() is None
