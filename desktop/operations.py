"""The operations kernel: every piece of work off the GUI thread goes through one of three lanes.

In the spirit of Anki's `CollectionOp` / `QueryOp` (ARCHITECTURE.md, "Where a scan becomes a
verdict"):

- **writes** run one at a time, first in first out, on one writer thread, each in its own unit
  of work: a station scan is never reordered, and never waits behind anything but earlier writes;
- **reads** run on a small pool, each in a reading session, so a slow query never holds a scan;
- **long jobs** (imports, exports, reports, seeding) run on a lane of their own, with progress and
  cancel, and manage their own transactions in short slices.

Who acts is bound by the caller when the work is submitted, never looked up when it runs. The
kernel is Qt-free: the command line (`station scan`) uses it as it is, the GUI through the QtCore
bridge in `desktop.tasks`, which brings results back to the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from sqlalchemy.exc import OperationalError

from desktop.domain.messages import QT_TRANSLATE_NOOP, LinedeskError, PermissionDenied
from desktop.services.actor import Actor
from desktop.services.storage_failures import storage_failure
from desktop.storage.database import Database

log = logging.getLogger(__name__)
T = TypeVar("T")

Progress = Callable[[int, "int | None", str], None]


class Cancelled(LinedeskError):
    """A long job stopped because somebody asked it to; what it committed was cleaned up."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Messages", "Cancelled."))


def nobody_signed_in() -> PermissionDenied:
    return PermissionDenied(QT_TRANSLATE_NOOP("Messages", "Nobody is signed in"))


class ShuttingDown(LinedeskError):
    """Work submitted after the kernel stopped taking any (the application is closing)."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Messages", "Linedesk is closing: nothing recorded."))


class Job:
    """What a long job is handed: the database, who acts, and a way to report and be stopped.

    The job calls `progress(done, total, text)` between slices; once `cancel()` was called,
    the next `progress()` (or `check()`) raises `Cancelled`, so the job stops at a clean point.
    """

    def __init__(self, database: Database, actor: Actor | None) -> None:
        self.database = database
        self.actor = actor
        self._cancel = threading.Event()
        self._listeners: list[Progress] = []
        self._last: tuple[int, int | None, str] | None = None
        self._lock = threading.Lock()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def listen(self, listener: Progress) -> None:
        """Hear progress from now on (and the last report at once, if there was one)."""
        with self._lock:
            self._listeners.append(listener)
            last = self._last
        if last is not None:
            listener(*last)

    def progress(self, done: int, total: int | None = None, text: str = "") -> None:
        with self._lock:
            self._last = (done, total, text)
            listeners = list(self._listeners)
        for listener in listeners:
            listener(done, total, text)
        self.check()


class Operations:
    """The three lanes over one database; `shutdown()` lets queued writes finish first."""

    def __init__(self, database: Database, *, readers: int = 2) -> None:
        self.database = database
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="linedesk-write")
        self._readers = ThreadPoolExecutor(readers, thread_name_prefix="linedesk-read")
        self._long = ThreadPoolExecutor(1, thread_name_prefix="linedesk-long")
        self._queued_writes = 0
        self._count_lock = threading.Lock()

    @property
    def queued_writes(self) -> int:
        """Writes submitted and not finished yet (the one running included)."""
        return self._queued_writes

    def write(
        self, actor: Actor | None, fn: Callable[..., T], *args: Any, **kwargs: Any
    ) -> Future[T]:
        """Run `fn(session, actor, *args, **kwargs)` in its own unit of work, after every write
        submitted before it. A database that refuses to store raises `StorageFailure`."""
        return self._submit_write(self._write, actor, fn, args, kwargs)

    def record(
        self, actor: Actor | None, fn: Callable[..., T], *args: Any, **kwargs: Any
    ) -> Future[T]:
        """A write on the same lane for what a station saw, even with nobody signed in: the
        station service stores such a scan as refused ("No operator signed in"), so it is kept."""
        return self._submit_write(self._unit_of_work, actor, fn, args, kwargs)

    def _submit_write(self, run: Callable[..., T], *args: Any) -> Future[T]:
        future = _submit(self._writer, run, *args)
        with self._count_lock:
            self._queued_writes += 1
        future.add_done_callback(self._write_done)
        return future

    def _write_done(self, _future: Future[Any]) -> None:
        with self._count_lock:
            self._queued_writes -= 1

    def _write(self, actor: Actor | None, fn: Callable[..., T], args: Any, kwargs: Any) -> T:
        if actor is None:
            raise nobody_signed_in()
        return self._unit_of_work(actor, fn, args, kwargs)

    def _unit_of_work(self, actor: Actor | None, fn: Callable[..., T], args: Any, kwargs: Any) -> T:
        try:
            with self.database.unit_of_work() as session:
                return fn(session, actor, *args, **kwargs)
        except OperationalError as exc:
            raise storage_failure(exc) from exc

    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        """Run `fn(session, *args, **kwargs)` in a reading session on the reader pool."""
        return _submit(self._readers, self._read, fn, args, kwargs)

    def read_as(
        self, actor: Actor | None, fn: Callable[..., T], *args: Any, **kwargs: Any
    ) -> Future[T]:
        """A read whose service checks who asks: `fn(session, actor, *args, **kwargs)`."""
        if actor is None:
            return _failed(nobody_signed_in())
        return _submit(self._readers, self._read, fn, (actor, *args), kwargs)

    def _read(self, fn: Callable[..., T], args: Any, kwargs: Any) -> T:
        with self.database.reading() as session:
            return fn(session, *args, **kwargs)

    def long(
        self, actor: Actor | None, fn: Callable[..., T], *args: Any, **kwargs: Any
    ) -> tuple[Future[T], Job]:
        """Run `fn(job, *args, **kwargs)` on the long-job lane; the job carries database, actor,
        progress and cancel. The job opens its own (short) transactions."""
        job = Job(self.database, actor)
        if actor is None:
            return _failed(nobody_signed_in()), job
        return _submit(self._long, fn, job, *args, **kwargs), job

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking work; with `wait`, finish what was queued (writes are never dropped)."""
        for lane in (self._long, self._readers, self._writer):
            lane.shutdown(wait=wait, cancel_futures=lane is not self._writer)


def _submit(lane: ThreadPoolExecutor, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
    """Queue on `lane`; after shutdown, a future that fails with words instead of a raise."""
    try:
        return lane.submit(fn, *args, **kwargs)
    except RuntimeError:
        return _failed(ShuttingDown())


def _failed(exc: BaseException) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_exception(exc)
    return future
