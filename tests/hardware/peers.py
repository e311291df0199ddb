"""Real peers for wire-level tests: a raw pseudo-terminal pair (POSIX) and scripted devices.

No test mocks serial: the code under test opens a real device path with pyserial, and the
peer on the other side of the pty writes and reads exact bytes.
"""

from __future__ import annotations

import os
import select
import threading
import time
from collections.abc import Callable


class PtyPeer:
    """The device end of a raw pty; ``path`` is what the code under test opens."""

    def __init__(self) -> None:
        import tty

        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.path = os.ttyname(self.slave)
        self.closed = False

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def read_until(self, terminator: bytes, timeout: float = 5.0) -> bytes:
        data = b""
        deadline = time.monotonic() + timeout
        while terminator not in data and time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                data += os.read(self.master, 1)
        return data

    def close(self) -> None:
        """Close both ends: the next read of the code under test raises (an unplug)."""
        if not self.closed:
            self.closed = True
            for fd in (self.master, self.slave):
                try:
                    os.close(fd)
                except OSError:
                    pass


class ScriptedDevice:
    """Answers each request line (or ``ESC x``) with the next scripted reply for it."""

    def __init__(self, peer: PtyPeer, answer: Callable[[bytes], bytes | None]) -> None:
        self.peer = peer
        self.answer = answer
        self.requests: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        buffer = b""
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self.peer.master], [], [], 0.02)
                if not ready:
                    continue
                buffer += os.read(self.peer.master, 4096)
            except (OSError, ValueError):
                return
            while True:
                if buffer.startswith(b"\x1b") and len(buffer) >= 2:
                    request, buffer = buffer[:2], buffer[2:]
                elif b"\r\n" in buffer:
                    request, _, buffer = buffer.partition(b"\r\n")
                else:
                    break
                self.requests.append(request)
                reply = self.answer(request)
                if reply:
                    try:
                        os.write(self.peer.master, reply)
                    except OSError:
                        return

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)


def replies(script: dict[bytes, list[bytes]]) -> Callable[[bytes], bytes | None]:
    """An answer function giving, per request, the scripted replies in order (last repeats)."""
    counters: dict[bytes, int] = {}

    def answer(request: bytes) -> bytes | None:
        options = script.get(request)
        if not options:
            return None
        index = counters.get(request, 0)
        counters[request] = index + 1
        return options[min(index, len(options) - 1)]

    return answer


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return condition()
