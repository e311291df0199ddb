"""The operations kernel on a real database: writes in order on one lane, bound actors, reads
beside writes, long jobs with progress and cancel, storage refusals by error code."""

from __future__ import annotations

import sqlite3
import threading
import time
from concurrent.futures import wait

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from desktop.domain.messages import PermissionDenied
from desktop.domain.roles import Role
from desktop.operations import Cancelled, Job, Operations, ShuttingDown
from desktop.services.actor import Actor
from desktop.services.plant import get_setting, put_setting, site_info
from desktop.services.storage_failures import StorageFailure, storage_failure
from desktop.startup import open_database

ALICE = Actor("alice", Role.OPERATOR, station="FILL-1")
BOB = Actor("bob", Role.OPERATOR, station="FILL-1")


@pytest.fixture
def ops(database):  # noqa: ANN201
    operations = Operations(database)
    yield operations
    operations.shutdown()


def _append(session, actor: Actor, value: str) -> str:  # noqa: ANN001
    """A write that reads, waits a little and writes: interleaving would lose entries."""
    before = get_setting(session, "trail") or ""
    time.sleep(0.002)
    put_setting(session, "trail", f"{before}{actor.username}:{value};")
    return value


def test_writes_run_one_at_a_time_in_submission_order(ops: Operations) -> None:
    futures = [ops.write(ALICE if i % 2 else BOB, _append, str(i)) for i in range(30)]
    assert [f.result(timeout=30) for f in futures] == [str(i) for i in range(30)]
    trail = ops.read(get_setting, "trail").result(timeout=10)
    expected = "".join(f"{'alice' if i % 2 else 'bob'}:{i};" for i in range(30))
    assert trail == expected
    assert ops.queued_writes == 0


def test_the_actor_is_the_one_given_at_submit_not_at_run(ops: Operations) -> None:
    gate = threading.Event()
    blocker = ops.write(ALICE, lambda s, a: gate.wait(10))
    current = {"actor": ALICE}
    queued = ops.write(current["actor"], lambda s, a: a.username)
    current["actor"] = BOB  # the badge switches while the write waits
    gate.set()
    blocker.result(timeout=10)
    assert queued.result(timeout=10) == "alice"


def test_a_write_with_nobody_signed_in_is_refused_and_changes_nothing(ops: Operations) -> None:
    future = ops.write(None, _append, "x")
    with pytest.raises(PermissionDenied):
        future.result(timeout=10)
    assert ops.read(get_setting, "trail").result(timeout=10) is None


def test_a_station_record_with_nobody_signed_in_reaches_the_service(ops: Operations) -> None:
    """The station service stores such a scan as refused; the kernel must not drop it."""
    assert ops.record(None, lambda s, a: a is None).result(timeout=10) is True
    order = [ops.record(None, lambda s, a, i=i: i) for i in range(3)]
    assert [f.result(timeout=10) for f in order] == [0, 1, 2]


def test_work_after_shutdown_fails_in_words(database) -> None:  # noqa: ANN001
    operations = Operations(database)
    operations.shutdown()
    for future in (
        operations.write(ALICE, _append, "late"),
        operations.read(site_info),
        operations.long(ALICE, lambda job: None)[0],
    ):
        with pytest.raises(ShuttingDown):
            future.result(timeout=5)


def test_a_failed_write_rolls_back_and_the_lane_goes_on(ops: Operations) -> None:
    def half(session, actor: Actor) -> None:  # noqa: ANN001
        put_setting(session, "trail", "half")
        raise ValueError("broken in the middle")

    failed = ops.write(ALICE, half)
    after = ops.write(ALICE, _append, "next")
    with pytest.raises(ValueError):
        failed.result(timeout=10)
    assert after.result(timeout=10) == "next"
    assert ops.read(get_setting, "trail").result(timeout=10) == "alice:next;"


def test_reads_do_not_wait_behind_a_long_write(ops: Operations) -> None:
    gate = threading.Event()
    slow = ops.write(ALICE, lambda s, a: gate.wait(10))
    site = ops.read(site_info).result(timeout=5)  # answered while the writer is held
    assert site.time_zone
    assert not slow.done()
    gate.set()
    slow.result(timeout=10)


def test_read_as_refuses_nobody_and_passes_the_actor(ops: Operations) -> None:
    with pytest.raises(PermissionDenied):
        ops.read_as(None, lambda s, a: a).result(timeout=5)
    assert ops.read_as(ALICE, lambda s, a: a.username).result(timeout=5) == "alice"


def test_a_long_job_reports_progress_and_stops_when_cancelled(ops: Operations) -> None:
    started, seen = threading.Event(), []

    def slices(job: Job, total: int) -> int:
        for done in range(total):
            started.set()
            time.sleep(0.01)
            job.progress(done + 1, total, "slice")
        return total

    future, job = ops.long(ALICE, slices, 10_000)
    job.listen(lambda done, total, text: seen.append((done, total)))
    assert started.wait(5)
    scan = ops.write(ALICE, _append, "scan")  # a write is not queued behind the long job
    assert scan.result(timeout=5) == "scan"
    job.cancel()
    with pytest.raises(Cancelled):
        future.result(timeout=10)
    assert seen and seen[-1][1] == 10_000 and seen[-1][0] < 10_000


def test_shutdown_finishes_queued_writes(database) -> None:  # noqa: ANN001
    operations = Operations(database)
    futures = [operations.write(ALICE, _append, str(i)) for i in range(5)]
    operations.shutdown(wait=True)
    wait(futures, timeout=10)
    assert all(f.result() for f in futures)


def _sqlite_error(code: int, message: str) -> OperationalError:
    orig = sqlite3.OperationalError(message)
    orig.sqlite_errorcode = code  # what the sqlite3 module sets from SQLite's result code
    return OperationalError("INSERT ...", {}, orig)


@pytest.mark.parametrize(
    ("code", "words"),
    [(8, "read-only"), (13, "disk is full"), (5, "busy"), (6, "busy"), (1, "refused")],
)
def test_storage_failures_are_told_by_code_not_by_words(code: int, words: str) -> None:
    failure = storage_failure(_sqlite_error(code, "a message that says full and readonly"))
    assert words in failure.render()


def test_a_message_mentioning_full_is_not_a_full_disk() -> None:
    failure = storage_failure(_sqlite_error(1, "no such column: fullname"))
    assert "disk is full" not in failure.render()
    assert "fullname" in failure.render()


def test_a_real_read_only_sqlite_database_refuses_by_code(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    event.listen(database.engine, "connect", lambda c, _r: c.execute("PRAGMA query_only = ON"))
    database.engine.dispose()  # reconnect with the pragma
    operations = Operations(database)
    try:
        with pytest.raises(StorageFailure, match="read-only"):
            operations.write(ALICE, _append, "x").result(timeout=10)
    finally:
        operations.shutdown()
        database.dispose()
