"""Mettler Toledo MT-SICS replies (request/reply, ASCII lines ending CR LF).

A reply is ``ID Status [params]``; weight replies are ``ID Status WeightValue Unit`` with the
value right-aligned in a 10-character field (MT-SICS reference manual, level 0 and 1
commands S, SI, SIR, Z, ZI, T, TAC, @, I2, I4). Parsed by tokens, never by columns, so a
balance set to another field width or a value with its sign still parses. Look-alikes from
other brands (``S A``, ``?`` frames) are rejected with a reason, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hardware.codecs.reading import (
    OVERLOAD_REASON,
    UNDERLOAD_REASON,
    Reading,
    ReadingStatus,
    decode_text,
    parse_value,
)
from hardware.messages import QT_TRANSLATE_NOOP, Reason, reason

TERMINATOR = b"\r\n"

#: Commands this codec knows how to read the reply of.
COMMANDS = ("S", "SI", "SIR", "Z", "ZI", "T", "TAC", "@", "I2", "I4")
#: Reply ID for each command: SI and SIR answer with ``S``, ``@`` with ``I4``.
REPLY_ID = {
    "S": "S",
    "SI": "S",
    "SIR": "S",
    "Z": "Z",
    "ZI": "ZI",
    "T": "T",
    "TAC": "TAC",
    "@": "I4",
    "I2": "I2",
    "I4": "I4",
}
_REPLY_IDS = frozenset(REPLY_ID.values())
_STATUSES = frozenset("SDIA+-")
ERRORS = {
    "ES": QT_TRANSLATE_NOOP("Messages", "The balance did not understand the command (ES)"),
    "ET": QT_TRANSLATE_NOOP(
        "Messages", "The balance received a damaged command: parity or break (ET)"
    ),
    "EL": QT_TRANSLATE_NOOP("Messages", "The balance could not carry out the command (EL)"),
}
_NOT_NOW = QT_TRANSLATE_NOOP(
    "Messages", "The balance cannot do that now: busy, or no stable weight in time ({id} I)"
)
_TOKEN = re.compile(r'"[^"]*"|\S+')


def command(name: str) -> bytes:
    """The bytes to send for a command, e.g. ``command("S") == b"S\\r\\n"``."""
    return name.encode("ascii") + TERMINATOR


@dataclass(frozen=True)
class Reply:
    """One MT-SICS reply line, tokenised; ``error`` says why a line is not MT-SICS."""

    id: str
    status: str
    params: tuple[str, ...]
    raw: bytes
    error: Reason | None = None

    @property
    def text(self) -> str:
        """The quoted text of an ``I2``/``I4`` reply, without its quotes."""
        return " ".join(p.strip('"') for p in self.params)


def _reject(raw: bytes, why: Reason) -> Reply:
    return Reply("", "", (), raw, why)


def parse_reply(line: bytes) -> Reply:
    """Tokenise one line (terminator already removed). Never raises."""
    text, why = decode_text(line)
    if text is None:
        return _reject(line, why)  # type: ignore[arg-type]
    tokens = _TOKEN.findall(text.strip())
    if not tokens:
        return _reject(line, reason(QT_TRANSLATE_NOOP("Messages", "Empty line")))
    head = tokens[0]
    if head in ERRORS:
        if len(tokens) == 1:
            return Reply(head, "", (), line)
        return _reject(line, _not_sics(text))
    if head not in _REPLY_IDS or len(tokens) < 2 or tokens[1] not in _STATUSES:
        return _reject(line, _not_sics(text))
    return Reply(head, tokens[1], tuple(tokens[2:]), line)


def _not_sics(text: str) -> Reason:
    return reason(QT_TRANSLATE_NOOP("Messages", "Not an MT-SICS reply: {line!r}"), line=text[:40])


def reply_reason(reply: Reply) -> Reason | None:
    """Why a non-weight reply failed (``ES``/``ET``/``EL``, ``I``, ``+``, ``-``), or None."""
    if reply.error is not None:
        return reply.error
    if reply.id in ERRORS:
        return reason(ERRORS[reply.id])
    if reply.status == "I":
        return reason(_NOT_NOW, id=reply.id)
    if reply.status == "+":
        return OVERLOAD_REASON
    if reply.status == "-":
        return UNDERLOAD_REASON
    return None


def to_reading(reply: Reply) -> Reading:
    """A weight reading from an ``S``/``SI``/``SIR`` or ``T`` reply."""
    raw = reply.raw
    if reply.error is not None:
        return Reading.error(reply.error, raw)
    if reply.id in ERRORS:
        return Reading.error(reason(ERRORS[reply.id]), raw)
    if reply.id not in ("S", "T"):
        return Reading.error(
            reason(
                QT_TRANSLATE_NOOP("Messages", "Not a weight reply: {line!r}"),
                line=raw.decode("ascii", "replace")[:40],
            ),
            raw,
        )
    if reply.status == "+":
        return Reading.overload(raw) if not reply.params else _bad_params(reply)
    if reply.status == "-":
        return Reading.underload(raw) if not reply.params else _bad_params(reply)
    if reply.status == "I":
        return (
            Reading.error(reason(_NOT_NOW, id=reply.id), raw)
            if not reply.params
            else (_bad_params(reply))
        )
    if reply.status not in ("S", "D"):
        return Reading.error(_not_sics(raw.decode("ascii", "replace")), raw)
    params = list(reply.params)
    # A sign printed apart from its digits ("-   1.23") still belongs to the number.
    if len(params) == 3 and params[0] in ("+", "-"):
        params = [params[0] + params[1], params[2]]
    if len(params) != 2:
        return _bad_params(reply)
    value = parse_value(params[0])
    unit = params[1]
    if value is None or not unit.isprintable() or parse_value(unit) is not None:
        return _bad_params(reply)
    return Reading(value, unit, reply.status == "S", ReadingStatus.OK, None, raw)


def _bad_params(reply: Reply) -> Reading:
    return Reading.error(
        reason(
            QT_TRANSLATE_NOOP(
                "Messages", "MT-SICS weight reply without a valid value and unit: {line!r}"
            ),
            line=reply.raw.decode("ascii", "replace")[:40],
        ),
        reply.raw,
    )


def decode(line: bytes) -> Reading:
    """One line to a reading; anything that is not a weight reply is an error reading."""
    return to_reading(parse_reply(line))


def acknowledged(reply: Reply, command_name: str) -> bool:
    """True when ``reply`` confirms ``command_name`` (``Z A``, ``ZI A|S|D``, ``TAC A``...)."""
    if reply.error is not None or reply.id != REPLY_ID.get(command_name):
        return False
    if command_name == "ZI":
        return reply.status in ("A", "S", "D")
    if command_name == "T":
        return reply.status == "S"
    return reply.status == "A"
