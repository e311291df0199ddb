"""Sartorius SBI print lines (stream, or one line per ``ESC P``).

16-character line: sign, space, 8-character value, space, 3-character unit, CR LF
(``+   123.56 g  ``); the 22-character line puts a 6-character identifier in front
(``N     +   123.56 g  ``). A blank unit field means the reading is not stable. Special lines:
``High`` (overload), ``Low`` (underload), ``Err ###``. Parsed by tokens, not columns.
"""

from __future__ import annotations

import re

from hardware.codecs.reading import Reading, ReadingStatus, decode_text, parse_value
from hardware.messages import QT_TRANSLATE_NOOP, reason

ESC = b"\x1b"
PRINT = ESC + b"P"
TARE = ESC + b"T"
ZERO = ESC + b"V"

_LINE = re.compile(
    r"^\s*(?:(?P<ident>[A-Za-z][A-Za-z0-9#.]{0,5})\s+)?"
    r"(?P<sign>[+-])?\s*(?P<value>[0-9]*\.?[0-9]+\.?)"
    r"(?:\s+(?P<unit>[^\s\d+\-.][^\s]{0,2}))?\s*$"
)
_ERR = re.compile(r"^\s*(?:[A-Za-z]{1,6}\s+)?[+-]?\s*Err\s*(?P<code>\d{1,4})\s*$")
_HIGH = re.compile(r"^\s*(?:[A-Za-z]{1,6}\s+)?[+-]?\s*(?:High|H)\s*$")
_LOW = re.compile(r"^\s*(?:[A-Za-z]{1,6}\s+)?[+-]?\s*(?:Low|L)\s*$")


def decode(line: bytes) -> Reading:
    """One SBI line (terminator removed) to a reading. Never raises."""
    text, why = decode_text(line)
    if text is None:
        return Reading.error(why, line)  # type: ignore[arg-type]
    if _HIGH.match(text):
        return Reading.overload(line)
    if _LOW.match(text):
        return Reading.underload(line)
    err = _ERR.match(text)
    if err:
        return Reading.error(
            reason(QT_TRANSLATE_NOOP("Messages", "Balance error {code}"), code=err["code"]), line
        )
    match = _LINE.match(text)
    value = parse_value((match["sign"] or "") + match["value"]) if match else None
    if match is None or value is None:
        return Reading.error(
            reason(
                QT_TRANSLATE_NOOP("Messages", "Not a Sartorius SBI weight line: {line!r}"),
                line=text[:40],
            ),
            line,
        )
    unit = match["unit"] or ""
    return Reading(value, unit, bool(unit), ReadingStatus.OK, None, line)
