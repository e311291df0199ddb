"""A simulated serial barcode scanner: each code sent becomes ``prefix + code + suffix``."""

from __future__ import annotations

import queue

from hardware.sim.endpoints import Endpoint
from hardware.sim.running import DeviceSimulator


def expand(text: str) -> str:
    """Let a person type a GS separator: ``<GS>`` or ``\\x1d`` in a typed code becomes 0x1D."""
    return text.replace("<GS>", "\x1d").replace("\\x1d", "\x1d").replace("\\x1D", "\x1d")


class ScannerSimulator(DeviceSimulator):
    """Sends queued codes over an endpoint from its own thread (the only writer)."""

    thread_name = "scanner-sim"

    def __init__(self, endpoint: Endpoint, prefix: bytes = b"", suffix: bytes = b"\r") -> None:
        super().__init__(endpoint)
        self.prefix = prefix
        self.suffix = suffix
        self._queue: queue.Queue[bytes | None] = queue.Queue()

    def send(self, code: str | bytes) -> None:
        """Queue one scan (text without prefix/suffix; AIM identifier included if wanted)."""
        data = code.encode("utf-8") if isinstance(code, str) else code
        self._queue.put(self.prefix + data + self.suffix)

    def send_raw(self, data: bytes) -> None:
        """Queue bytes exactly as given (for garbage and split-frame tests)."""
        self._queue.put(data)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.endpoint.read(0)  # accept a TCP client; scanners ignore what they receive
            try:
                data = self._queue.get(timeout=0.01)
            except queue.Empty:
                continue
            if data is None:
                break
            # A scan typed before the TCP client connected waits for it instead of vanishing.
            while not self.endpoint.has_client and not self._stop.is_set():
                self.endpoint.read(0.01)
            self.endpoint.write(data)

    def _wake(self) -> None:
        self._queue.put(None)
