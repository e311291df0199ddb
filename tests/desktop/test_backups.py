"""Online backups, daily retention, and a restore that keeps off a running application."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.domain.messages import ConflictError, InputError
from desktop.services.actor import Actor
from desktop.services.backups import daily_backup, restore
from desktop.services.plant import list_lines, save_line
from desktop.startup import open_database
from desktop.storage.instance_lock import InstanceLock


def test_one_backup_a_day_and_only_the_newest_are_kept(sqlite_url: str, tmp_path: Path) -> None:
    database = open_database(sqlite_url)
    folder = tmp_path / "backups"
    start = date(2026, 11, 1)
    for n in range(5):
        assert daily_backup(database, folder, start + timedelta(days=n), keep=3) is not None
    assert daily_backup(database, folder, start + timedelta(days=4), keep=3) is None
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"linedesk-linedesk-2026-11-0{d}.sqlite" for d in (3, 4, 5)]
    database.dispose()


def test_restore_brings_back_the_backup_and_keeps_the_replaced_file(
    sqlite_url: str, tmp_path: Path
) -> None:
    database = open_database(sqlite_url)
    backup = daily_backup(database, tmp_path / "b", date(2026, 11, 1))
    with database.unit_of_work() as session:
        save_line(session, Actor.system(), "CELL-9", "Added after the backup", "cell")
    database.dispose()
    kept = restore(sqlite_url, backup)
    again = open_database(sqlite_url)
    with again.reading() as session:
        assert list_lines(session) == []
    again.dispose()
    assert kept.exists()


def test_restore_refuses_while_an_application_holds_the_database(
    sqlite_url: str, tmp_path: Path
) -> None:
    database = open_database(sqlite_url)
    backup = daily_backup(database, tmp_path / "b", date(2026, 11, 1))
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; "
            "from desktop.storage.instance_lock import InstanceLock; "
            f"lock = InstanceLock(Path({str(path)!r})); assert lock.acquire(); "
            "print('held', flush=True); sys.stdin.readline()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(ConflictError, match="close it on this PC"):
            restore(sqlite_url, backup)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    lock = InstanceLock(path)
    assert lock.acquire()
    lock.release()
    database.dispose()


def test_restore_refuses_a_file_that_is_not_a_linedesk_database(
    sqlite_url: str, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(InputError, match="not a Linedesk database"):
        restore(sqlite_url, junk)
    with pytest.raises(InputError, match="Backup file not found"):
        restore(sqlite_url, tmp_path / "missing.sqlite")


def test_the_daily_backup_runs_as_a_long_job_of_the_kernel(sqlite_url: str, tmp_path: Path) -> None:
    from desktop.operations import Operations
    from desktop.services.backups import daily_backup_job

    database = open_database(sqlite_url)
    operations = Operations(database)
    heard = []
    future, job = operations.long(
        Actor.system(), daily_backup_job, tmp_path / "backups", date(2026, 11, 1)
    )
    job.listen(lambda done, total, _text: heard.append((done, total)))
    made = future.result(timeout=30)
    assert made is not None and made.exists()
    assert heard[-1] == (1, 1)
    again, _job = operations.long(
        Actor.system(), daily_backup_job, tmp_path / "backups", date(2026, 11, 1)
    )
    assert again.result(timeout=30) is None  # today's exists already
    operations.shutdown()
    database.dispose()
