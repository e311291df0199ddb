"""The weight reading every balance codec produces, and unit conversion with Decimal."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from hardware.messages import QT_TRANSLATE_NOOP, Reason, reason
from hardware.units import convert_mass, is_mass


class ReadingStatus(enum.Enum):
    """What a balance reported, beyond the number."""

    OK = "ok"
    OVERLOAD = "overload"
    UNDERLOAD = "underload"
    ERROR = "error"


@dataclass(frozen=True)
class Reading:
    """One weight reply or stream line.

    ``value`` keeps the sign the balance sent; it is None for overload, underload and errors.
    ``raw`` is the line as received (without terminator), for logs and diagnostics.
    """

    value: Decimal | None
    unit: str
    stable: bool
    status: ReadingStatus
    reason: Reason | None
    raw: bytes

    @property
    def ok(self) -> bool:
        return self.status is ReadingStatus.OK and self.value is not None

    @property
    def is_mass(self) -> bool:
        """A weight in a unit of mass (not a piece count or a percentage)."""
        return self.ok and is_mass(self.unit)

    def to(self, unit: str) -> Reading:
        """The same reading in ``unit`` (any unit of `hardware.units`); ValueError otherwise."""
        if self.value is None:
            return self
        return Reading(
            convert(self.value, self.unit, unit),
            unit,
            self.stable,
            self.status,
            self.reason,
            self.raw,
        )

    @classmethod
    def error(cls, why: Reason, raw: bytes) -> Reading:
        return cls(None, "", False, ReadingStatus.ERROR, why, raw)

    @classmethod
    def overload(cls, raw: bytes) -> Reading:
        return cls(None, "", False, ReadingStatus.OVERLOAD, OVERLOAD_REASON, raw)

    @classmethod
    def underload(cls, raw: bytes) -> Reading:
        return cls(None, "", False, ReadingStatus.UNDERLOAD, UNDERLOAD_REASON, raw)


OVERLOAD_REASON = reason(
    QT_TRANSLATE_NOOP("Messages", "Overload: the load is above the balance's capacity")
)
UNDERLOAD_REASON = reason(
    QT_TRANSLATE_NOOP("Messages", "Underload: the pan is missing or the load is below zero range")
)


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal:
    """Convert between units of mass exactly (the table of `hardware.units`); ValueError names
    a unit that is not a mass (``PC``, ``%``) or not known."""
    converted = convert_mass(value, from_unit, to_unit)
    if converted is None:
        raise ValueError(f"cannot convert {from_unit!r} to {to_unit!r}")
    return converted


def decode_text(raw: bytes) -> tuple[str | None, Reason | None]:
    """Decode a line as printable ASCII, the character set of every balance protocol here.

    Invalid UTF-8, NUL and other control bytes come from a wrong baud rate or parity, or
    line noise: the line is rejected with a reason that says so.
    """
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        return None, reason(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Unreadable line (bytes that are not ASCII): check baud rate, data bits and parity",
            )
        )
    if any((ord(c) < 32 and c != "\t") or ord(c) == 127 for c in text):
        return None, reason(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Unreadable line (control characters): check baud rate, data bits and parity",
            )
        )
    return text, None


def parse_value(token: str) -> Decimal | None:
    """A signed decimal number as a balance prints it (``-12.5``, ``+00123.45``, ``.5``)."""
    if not token or len(token) > 32:
        return None
    body = token[1:] if token[0] in "+-" else token
    if not body or body.count(".") > 1 or not body.replace(".", "").isdigit():
        return None
    if not body.replace(".", "").isascii():
        return None
    try:
        return Decimal(token)
    except InvalidOperation:
        return None
