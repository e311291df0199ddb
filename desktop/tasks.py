"""The Qt side of the operations kernel (`desktop.operations`), in the habit of Anki's
CollectionOp / QueryOp: pages submit through `Ops`, which binds who acts on the GUI thread, and
get success or failure back on the GUI thread through one queued signal. The GUI thread never
waits on a disk flush or a query.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import wait as futures_wait
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from desktop.domain.messages import LinedeskError
from desktop.operations import Cancelled, Job, Operations
from desktop.services.actor import Actor

log = logging.getLogger(__name__)


@dataclass
class _Waiting:
    """Where one operation's result goes. Lives only on the GUI thread: the worker threads know
    it by number, so no widget reference is ever dropped (or freed) on a worker thread."""

    owner: QObject | None
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int | None, str], None] | None


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
        """Deliver to `owner`'s callbacks (by default the object of a bound-method callback);
        a result is always delivered later from the event loop, never inside this call, and
        never once `owner` was destroyed (a page closed at sign-out)."""
        if owner is None:
            for callback in (on_done, on_error):
                candidate = getattr(callback, "__self__", None)
                if isinstance(candidate, QObject):
                    owner = candidate
                    break
        self._ops.expect(self.future, self.job, _Waiting(owner, on_done, on_error, on_progress))
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

    _arrived = Signal(int, object)
    _progressed = Signal(int, object)

    def __init__(
        self,
        operations: Operations,
        actor: Callable[[], Actor | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.operations = operations
        self._actor = actor
        self._waiting: dict[int, _Waiting] = {}
        self._open: set[Future[Any]] = set()
        self._numbers = itertools.count(1)
        queued = Qt.ConnectionType.QueuedConnection
        self._arrived.connect(self._deliver, queued)
        self._progressed.connect(self._report, queued)

    @property
    def actor(self) -> Actor | None:
        """Who acts right now (read on the GUI thread)."""
        return self._actor()

    @property
    def pending(self) -> int:
        """Operations submitted and not finished yet."""
        return len(self._open)

    def expect(self, future: Future[Any], job: Job | None, waiting: _Waiting) -> None:
        """Note where `future`'s result goes; the worker thread sends back only its number."""
        number = next(self._numbers)
        self._waiting[number] = waiting
        self._open.add(future)
        if job is not None and waiting.on_progress is not None:
            job.listen(lambda done, total, text: self._send_progress(number, (done, total, text)))
        future.add_done_callback(lambda finished: self._send(number, finished))

    def _send(self, number: int, future: Future[Any]) -> None:
        """On whichever thread finished the future; Qt queues the call to the GUI thread."""
        self._open.discard(future)
        try:
            self._arrived.emit(number, future)
        except RuntimeError:
            pass  # the application is closing and this object with it

    def _send_progress(self, number: int, report: tuple[int, int | None, str]) -> None:
        try:
            self._progressed.emit(number, report)
        except RuntimeError:
            pass

    @Slot(int, object)
    def _report(self, number: int, report: tuple[int, int | None, str]) -> None:
        waiting = self._waiting.get(number)
        if waiting is not None and waiting.on_progress is not None and _alive(waiting.owner):
            waiting.on_progress(*report)

    @Slot(int, object)
    def _deliver(self, number: int, future: Future[Any]) -> None:
        waiting = self._waiting.pop(number, None)
        if waiting is None:
            return
        exc = None if future.cancelled() else future.exception()
        if future.cancelled():
            exc = Cancelled()
        if not _alive(waiting.owner):
            if exc is not None and not isinstance(exc, LinedeskError):
                log.error("background operation failed after its page closed", exc_info=exc)
            return
        if exc is None:
            if waiting.on_done is not None:
                waiting.on_done(future.result())
        elif waiting.on_error is not None:
            waiting.on_error(exc)
        else:
            log.error("background operation failed", exc_info=exc)

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
        return self.long_as(self._actor(), fn, *args, **kwargs)

    def long_as(
        self, actor: Actor | None, fn: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> Pending:
        """A long job by a given actor (the daily backup runs as the system, signed in or not)."""
        future, job = self.operations.long(actor, fn, *args, **kwargs)
        return Pending(self, future, job)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait until every submitted operation finished (shutdown and tests only)."""
        done, _ = futures_wait(list(self._open), timeout=msecs / 1000)
        return not (set(self._open) - done)


def _alive(owner: QObject | None) -> bool:
    """Whether the C++ side of `owner` still exists (a page closed at sign-out does not)."""
    return owner is None or shiboken6.isValid(owner)
