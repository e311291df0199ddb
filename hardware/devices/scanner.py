"""Serial barcode scanners: every complete line is a scan (no line is dropped)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from hardware.codecs import scanner as codec
from hardware.codecs.scanner import Scan
from hardware.devices._lines import LineReader
from hardware.framing import BALANCE_TERMINATORS, MAX_LINE, LineFramer, Overlong
from hardware.transport import Transport

_LINE_ENDS = (b"\r", b"\n", b"\r\n")


class Scanner:
    """Scans framed by the configured suffix (CR by default) and optional prefix.

    A CR, LF or CR LF suffix frames on any of the three, so a scanner set to CR LF where
    the station expects CR still reads cleanly; TAB and custom suffixes frame exactly.
    """

    def __init__(
        self,
        transport: Transport,
        prefix: bytes = b"",
        suffix: bytes = b"\r",
        patterns: Mapping[str, str | re.Pattern[str]] | None = None,
        max_line: int = MAX_LINE,
    ) -> None:
        if not suffix:
            raise ValueError("a scanner needs a suffix to tell one scan from the next")
        terminators = BALANCE_TERMINATORS if suffix in _LINE_ENDS else (suffix,)
        self.transport = transport
        self.prefix = prefix
        self.patterns = (
            codec.compile_patterns(
                {k: v if isinstance(v, str) else v.pattern for k, v in patterns.items()}
            )
            if patterns is not None
            else None
        )
        self.lines = LineReader(transport, LineFramer(terminators, max_line))

    def _to_scan(self, frame: bytes | Overlong) -> Scan:
        if isinstance(frame, Overlong):
            text = frame.head.decode("utf-8", "backslashreplace")
            return Scan(text, text, None, "unknown", {}, frame.reason)
        return codec.decode(frame, self.prefix, self.patterns)

    def next_scan(self, timeout: float) -> Scan | None:
        """The next scan within ``timeout`` s, or None."""
        frame = self.lines.read_line(timeout)
        self.lines.reconnected = False
        return None if frame is None else self._to_scan(frame)

    def scans(self, stop: Callable[[], bool] = lambda: False) -> Iterator[Scan]:
        while not stop():
            scan = self.next_scan(0.1)
            if scan is not None:
                yield scan

    def __iter__(self) -> Iterator[Scan]:
        return self.scans()
