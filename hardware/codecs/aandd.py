"""A&D weighing data lines (stream, or one line per ``Q``).

``ST,+00123.45  g`` CR LF: a 2-letter header, a comma, the sign and 8 characters with the
decimal point, a 3-character unit. Header ``ST`` stable, ``US`` unstable, ``OL`` out of range
(overload, or underload when the sign is minus), ``QT`` counting (stable, unit ``PC``).
"""

from __future__ import annotations

import re

from hardware.codecs.reading import Reading, ReadingStatus, decode_text, parse_value
from hardware.messages import QT_TRANSLATE_NOOP, reason

WEIGH_NOW = b"Q\r\n"
STABLE = b"S\r\n"
REPEAT = b"SIR\r\n"
ZERO = b"Z\r\n"
TARE = b"T\r\n"

_HEADERS = {"ST": True, "US": False, "QT": True}
_LINE = re.compile(r"^\s*(?P<header>[A-Z]{2}),(?P<body>.*)$")
_BODY = re.compile(
    r"^\s*(?P<sign>[+-])?\s*(?P<value>[0-9.E+\-]+?)\s*(?P<unit>[^\s\d.+\-]\S{0,2})?\s*$"
)


def decode(line: bytes) -> Reading:
    """One A&D line (terminator removed) to a reading. Never raises."""
    text, why = decode_text(line)
    if text is None:
        return Reading.error(why, line)  # type: ignore[arg-type]
    match = _LINE.match(text)
    if match is None:
        return _reject(text, line)
    header, body = match["header"], match["body"]
    if header == "OL":
        return Reading.underload(line) if body.strip().startswith("-") else Reading.overload(line)
    if header not in _HEADERS:
        return Reading.error(
            reason(
                QT_TRANSLATE_NOOP("Messages", "Unknown A&D header {header!r} in {line!r}"),
                header=header,
                line=text[:40],
            ),
            line,
        )
    fields = _BODY.match(body)
    value = parse_value((fields["sign"] or "") + fields["value"]) if fields else None
    if fields is None or value is None or not fields["unit"]:
        return _reject(text, line)
    return Reading(value, fields["unit"], _HEADERS[header], ReadingStatus.OK, None, line)


def _reject(text: str, line: bytes) -> Reading:
    return Reading.error(
        reason(QT_TRANSLATE_NOOP("Messages", "Not an A&D weight line: {line!r}"), line=text[:40]),
        line,
    )
