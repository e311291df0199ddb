"""One small kernel for background work (the habit of Anki's taskman and QueryOp).

Work runs on a pool thread and never touches widgets; its result or its exception comes back on
the GUI thread through a queued signal. The GUI thread never waits on a disk flush or a query.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import wait as futures_wait
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from desktop.operations import Job, Operations
from desktop.services.actor import Actor

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call back to the GUI thread."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            outcome, value = self._relay.failed, exc
        else:
            outcome, value = self._relay.done, result
        try:
            outcome.emit(value)
        except RuntimeError:
            pass  # the owner (a page since closed) is gone, and its relay with it


def _deliver(callback: Callable[[Any], None], value: Any) -> None:
    """Call back on the GUI thread; a widget the callback names may have been deleted since the
    work started (its page closed at sign-out): that result has nowhere to go and is dropped."""
    try:
        callback(value)
    except RuntimeError as exc:
        if "already deleted" not in str(exc):
            raise
        log.debug("result dropped: its widget was closed meanwhile (%s)", exc)


class Tasks(QObject):
    """Runs callables off the GUI thread; `pending` counts jobs not yet delivered."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()

    @property
    def pending(self) -> int:
        return len(self._relays)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run `work()` on a pool thread; call `on_done(result)` or `on_error(exc)` on this one.

        The callbacks belong to `owner` (by default the object of a bound-method `on_done`):
        when the owner is destroyed first (a page closed at sign-out), the result is dropped
        instead of reaching a widget that no longer exists.
        """
        if owner is None:
            candidate = getattr(on_done, "__self__", None)
            owner = candidate if isinstance(candidate, QObject) else None
        relay = _Relay(owner)
        self._relays.add(relay)
        relay.destroyed.connect(lambda *_: self._relays.discard(relay))

        @Slot(object)
        def finished(result: Any) -> None:
            self._relays.discard(relay)
            if on_done is not None:
                _deliver(on_done, result)

        @Slot(object)
        def failed(exc: BaseException) -> None:
            self._relays.discard(relay)
            if on_error is not None:
                _deliver(on_error, exc)
            else:
                log.error("background task failed", exc_info=exc)
                raise exc

        relay.done.connect(finished)
        relay.failed.connect(failed)
        self._pool.start(_Job(work, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the pool to drain (shutdown and tests only; never from a live GUI action)."""
        return self._pool.waitForDone(msecs)


# -- the operations kernel on the GUI thread ---------------------------------------------------


class _Arrival(QObject):
    """One submitted operation's way home: lives on the GUI thread as a child of the widget that
    waits for it, so when that widget is destroyed the result has nowhere to go and is dropped by
    Qt itself (no callback into a deleted C++ object, nothing to catch)."""

    arrived = Signal(object)
    progressed = Signal(object)

    def __init__(
        self,
        owner: QObject,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int | None, str], None] | None,
    ) -> None:
        super().__init__(owner)
        self._on_done, self._on_error, self._on_progress = on_done, on_error, on_progress
        queued = Qt.ConnectionType.QueuedConnection
        self.arrived.connect(self._deliver, queued)
        self.progressed.connect(self._report, queued)

    def send(self, future: Future[Any]) -> None:
        """Called on whichever thread finished the future; Qt queues it to the GUI thread."""
        try:
            self.arrived.emit(future)
        except RuntimeError:
            pass  # the owner was destroyed meanwhile: nobody waits for this result any more

    def send_progress(self, done: int, total: int | None, text: str) -> None:
        try:
            self.progressed.emit((done, total, text))
        except RuntimeError:
            pass

    @Slot(object)
    def _report(self, report: tuple[int, int | None, str]) -> None:
        if self._on_progress is not None:
            self._on_progress(*report)

    @Slot(object)
    def _deliver(self, future: Future[Any]) -> None:
        self.deleteLater()
        exc = future.exception()
        if exc is None:
            if self._on_done is not None:
                self._on_done(future.result())
        elif self._on_error is not None:
            self._on_error(exc)
        else:
            log.error("background operation failed", exc_info=exc)


class Pending:
    """A submitted operation; `then()` says where its result goes (on the GUI thread)."""

    def __init__(self, ops: Ops, future: Future[Any], job: Job | None = None) -> None:
        self._ops, self.future, self.job = ops, future, job

    def then(
        self,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
        on_progress: Callable[[int, int | None, str], None] | None = None,
    ) -> Pending:
        """Deliver to `owner`'s callbacks (by default the object of a bound-method `on_done`);
        a result is always delivered later from the event loop, never inside this call."""
        if owner is None:
            for callback in (on_done, on_error):
                candidate = getattr(callback, "__self__", None)
                if isinstance(candidate, QObject):
                    owner = candidate
                    break
        arrival = _Arrival(owner or self._ops, on_done, on_error, on_progress)
        if self.job is not None and on_progress is not None:
            self.job.listen(arrival.send_progress)
        self._ops.track(self.future)
        self.future.add_done_callback(arrival.send)
        return self

    def cancel(self) -> None:
        """Ask a long job to stop at its next clean point (a queued one never starts)."""
        if self.job is not None:
            self.job.cancel()
        self.future.cancel()

    @property
    def done(self) -> bool:
        return self.future.done()


class Ops(QObject):
    """The operations kernel for pages: binds who acts on the GUI thread at submit time, runs the
    work on the kernel's lanes, and brings success or failure back to the GUI thread."""

    def __init__(
        self,
        operations: Operations,
        actor: Callable[[], Actor | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.operations = operations
        self._actor = actor
        self._open: set[Future[Any]] = set()

    @property
    def actor(self) -> Actor | None:
        """Who acts right now (read on the GUI thread)."""
        return self._actor()

    @property
    def pending(self) -> int:
        """Operations submitted and not finished yet."""
        return len(self._open)

    def track(self, future: Future[Any]) -> None:
        self._open.add(future)
        future.add_done_callback(self._open.discard)

    def write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Pending:
        """`fn(session, actor, *args, **kwargs)` on the writer lane, as the user signed in now."""
        return Pending(self, self.operations.write(self._actor(), fn, *args, **kwargs))

    def write_as(
        self, actor: Actor | None, fn: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> Pending:
        """A write by an actor bound earlier (a scan queued before a badge switch)."""
        return Pending(self, self.operations.write(actor, fn, *args, **kwargs))

    def record_as(
        self, actor: Actor | None, fn: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> Pending:
        """A station's record by an actor bound earlier, kept even when that is nobody."""
        return Pending(self, self.operations.record(actor, fn, *args, **kwargs))

    def read(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Pending:
        """`fn(session, *args, **kwargs)` on the reader pool."""
        return Pending(self, self.operations.read(fn, *args, **kwargs))

    def read_as(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Pending:
        """`fn(session, actor, *args, **kwargs)`: a read the service checks permission for."""
        return Pending(self, self.operations.read_as(self._actor(), fn, *args, **kwargs))

    def long(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Pending:
        """`fn(job, *args, **kwargs)` on the long-job lane, with progress and cancel."""
        future, job = self.operations.long(self._actor(), fn, *args, **kwargs)
        return Pending(self, future, job)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait until every submitted operation finished (shutdown and tests only)."""
        done, _ = futures_wait(list(self._open), timeout=msecs / 1000)
        return not (set(self._open) - done)
