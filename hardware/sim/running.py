"""What every device simulator shares: its loop runs on a daemon thread of its own (the one
reader and writer of its endpoint), started and stopped by hand or by a `with` block, and its
endpoint is closed when it stops."""

from __future__ import annotations

import threading
from typing import Self

from hardware.sim.endpoints import Endpoint


class DeviceSimulator:
    """A subclass writes `_run`, which loops until `_stop` is set, and `_wake` where the loop
    waits on something other than the endpoint (a queue)."""

    thread_name = "device-sim"

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def path(self) -> str:
        return self.endpoint.path

    def start(self) -> Self:
        self._thread = threading.Thread(target=self._run, name=self.thread_name, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._wake()
        if self._thread is not None:
            self._thread.join(2.0)
        self.endpoint.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        raise NotImplementedError

    def _wake(self) -> None:
        """Unblock the loop so it sees `_stop` (nothing to do when it polls the endpoint)."""
