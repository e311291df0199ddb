"""One small kernel for background work (the habit of Anki's taskman and QueryOp).

Work runs on a pool thread and never touches widgets; its result or its exception comes back on
the GUI thread through a queued signal. The GUI thread never waits on a disk flush or a query.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

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
