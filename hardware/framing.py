"""Line framing with a length cap, shared by balances and scanners.

Like pyserial's ``serial.threaded.LineReader`` but pure (no thread) and bounded: a line longer
than ``max_line`` bytes (4 KiB by default) is reported once as overlong and the framer discards
bytes up to the next terminator, then resynchronises (README, "Balances and scanners").
"""

from __future__ import annotations

from dataclasses import dataclass

from hardware.messages import QT_TRANSLATE_NOOP, Reason, reason

MAX_LINE = 4096

#: Terminators a balance may be configured with; any of them ends a line.
BALANCE_TERMINATORS = (b"\r\n", b"\r", b"\n")


@dataclass(frozen=True)
class Overlong:
    """Marker emitted instead of a line that exceeded the cap."""

    head: bytes
    reason: Reason


class LineFramer:
    """Split a byte stream into lines on one terminator (or several, for balances).

    ``feed`` returns complete lines without their terminator. Empty lines are dropped when
    ``skip_empty`` is true (a CR LF split in two chunks on a CR-or-LF framer must not make an
    empty reading). A partial line stays buffered until its terminator arrives: a read that
    times out with a partial line yields nothing.
    """

    def __init__(
        self,
        terminators: tuple[bytes, ...] | bytes = BALANCE_TERMINATORS,
        max_line: int = MAX_LINE,
        skip_empty: bool = True,
    ) -> None:
        if isinstance(terminators, bytes):
            terminators = (terminators,)
        if not terminators or any(not t for t in terminators):
            raise ValueError("a terminator must not be empty")
        # Longest first, so CR LF wins over CR at the same position.
        self._terminators = tuple(sorted(terminators, key=len, reverse=True))
        self._max_line = max_line
        self._skip_empty = skip_empty
        self._buffer = bytearray()
        self._discarding = False

    @property
    def pending(self) -> bytes:
        """Bytes of the current partial line."""
        return bytes(self._buffer)

    def reset(self) -> None:
        """Forget any partial line (after a reconnect or before a new request)."""
        self._buffer.clear()
        self._discarding = False

    def _find(self, start: int) -> tuple[int, int]:
        best, size = -1, 0
        for term in self._terminators:
            pos = self._buffer.find(term, start)
            if pos != -1 and (best == -1 or pos < best):
                best, size = pos, len(term)
        return best, size

    def feed(self, data: bytes) -> list[bytes | Overlong]:
        """Add received bytes; return the complete lines (and overlong markers) they finish."""
        out: list[bytes | Overlong] = []
        self._buffer += data
        while True:
            pos, size = self._find(0)
            if pos == -1:
                if len(self._buffer) > self._max_line:
                    if not self._discarding:
                        out.append(self._overlong())
                        self._discarding = True
                    # Keep a tail so a terminator split across chunks is still found.
                    keep = max(len(t) for t in self._terminators) - 1
                    del self._buffer[: len(self._buffer) - keep]
                return out
            line = bytes(self._buffer[:pos])
            del self._buffer[: pos + size]
            if self._discarding:
                self._discarding = False
                continue
            if len(line) > self._max_line:
                out.append(self._overlong(line))
                continue
            if line or not self._skip_empty:
                out.append(line)

    def _overlong(self, line: bytes | None = None) -> Overlong:
        head = bytes((line if line is not None else self._buffer)[:32])
        return Overlong(
            head,
            reason(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Line longer than {limit} bytes discarded; reading resumes at the next line",
                ),
                limit=self._max_line,
            ),
        )
