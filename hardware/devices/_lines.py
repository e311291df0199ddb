"""Line reading over a transport, shared by balances and scanners."""

from __future__ import annotations

import time
from collections import deque

from hardware.framing import LineFramer, Overlong
from hardware.transport import Transport


class LineReader:
    """Complete lines from a transport, resynchronised after every reconnect.

    ``reconnected`` is set when the transport reopened since the last call, so a streaming
    device can drop its first (possibly partial) line and re-arm its stream.
    """

    def __init__(self, transport: Transport, framer: LineFramer) -> None:
        self.transport = transport
        self.framer = framer
        self._lines: deque[bytes | Overlong] = deque()
        self._generation = transport.generation
        self.reconnected = False

    def clear(self) -> None:
        self._lines.clear()
        self.framer.reset()

    def sync(self) -> None:
        """Take note of any reconnect now, before a request is sent on this connection."""
        self._check_generation()
        self.reconnected = False

    def _check_generation(self) -> None:
        if self.transport.generation != self._generation:
            self._generation = self.transport.generation
            self.clear()
            self.reconnected = True

    def read_line(self, timeout: float) -> bytes | Overlong | None:
        """The next complete line within ``timeout`` s, or None (a partial line stays put)."""
        deadline = time.monotonic() + timeout
        while True:
            self._check_generation()
            if self._lines:
                return self._lines.popleft()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            data = self.transport.read(remaining)
            self._check_generation()
            if data:
                self._lines.extend(self.framer.feed(data))
            elif time.monotonic() >= deadline:
                return None
