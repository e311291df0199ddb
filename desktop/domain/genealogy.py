"""Lot genealogy vocabulary: items (lots and serialised units), their kinds and statuses.

The plant's flow: batch at the start, continuous in the middle, discrete serialised units at the
end. Lots (raw material, intermediates) are consumed partially, by quantity, until empty; units
(cell, module, pack) are consumed once. A genealogy link says a parent was consumed into a child.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError
from hardware.units import MASS_UNITS, convert_mass


class ItemKind(StrEnum):
    RAW = "raw"
    INTERMEDIATE = "intermediate"
    CELL = "cell"
    MODULE = "module"
    PACK = "pack"


LOT_KINDS = frozenset({ItemKind.RAW, ItemKind.INTERMEDIATE})
UNIT_KINDS = frozenset({ItemKind.CELL, ItemKind.MODULE, ItemKind.PACK})
KIND_CODES = frozenset(k.value for k in ItemKind)


class ItemStatus(StrEnum):
    """Stored status. "on hold" is not stored here: a hold is its own record (who, why, when),
    and an item shows as on hold while a hold on it is active (see `effective_status`)."""

    AVAILABLE = "available"
    CONSUMED = "consumed"
    SCRAPPED = "scrapped"
    SHIPPED = "shipped"


ON_HOLD = "on_hold"

KIND_NAMES = {
    ItemKind.RAW: QT_TRANSLATE_NOOP("Messages", "raw material lot"),
    ItemKind.INTERMEDIATE: QT_TRANSLATE_NOOP("Messages", "intermediate lot"),
    ItemKind.CELL: QT_TRANSLATE_NOOP("Messages", "cell"),
    ItemKind.MODULE: QT_TRANSLATE_NOOP("Messages", "module"),
    ItemKind.PACK: QT_TRANSLATE_NOOP("Messages", "pack"),
}
STATUS_NAMES = {
    "available": QT_TRANSLATE_NOOP("Messages", "available"),
    "on_hold": QT_TRANSLATE_NOOP("Messages", "on hold"),
    "consumed": QT_TRANSLATE_NOOP("Messages", "consumed"),
    "scrapped": QT_TRANSLATE_NOOP("Messages", "scrapped"),
    "shipped": QT_TRANSLATE_NOOP("Messages", "shipped"),
}


def effective_status(status: str, held: bool) -> str:
    return ON_HOLD if held else status


def is_unit(kind: str) -> bool:
    return kind in UNIT_KINDS


_ITEM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./:-]{0,63}$")


def check_item_id(value: str) -> str:
    """Business ids of lots and units: 1 to 64 letters, digits and `_ . / : -`, as printed on
    the label (kept as written: an older MES may use lower case)."""
    code = value.strip()
    if not _ITEM_ID.match(code):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "'{value}' is not a lot or serial number: use 1 to 64 letters, digits or _ . / : -",
            ),
            value=value,
        )
    return code


# Units of quantity. Masses are the balances' table (`hardware.units`: g, kg, lb, oz...), so
# every unit a balance reports converts here too, exactly; a link's unit must be the parent
# lot's unit or convert to it (a fill weighed in lb taken from an electrolyte lot in kg).
_LENGTH = {"mm": Decimal("0.001"), "m": Decimal(1), "km": Decimal(1000)}
_COUNT = {"pcs": Decimal(1)}
KNOWN_UNITS = MASS_UNITS | frozenset(_LENGTH) | frozenset(_COUNT) | {"l"}


def convert_quantity(value: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """`value` in `to_unit`, or None when the units do not convert (kg into m)."""
    if from_unit == to_unit:
        return value
    mass = convert_mass(value, from_unit, to_unit)
    if mass is not None:
        return mass
    if from_unit in _LENGTH and to_unit in _LENGTH:
        return value * _LENGTH[from_unit] / _LENGTH[to_unit]
    return None


def check_unit(unit: str) -> str:
    cleaned = unit.strip()
    if cleaned not in KNOWN_UNITS:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Unknown unit '{unit}'; known: {known}"),
            unit=unit,
            known=", ".join(sorted(KNOWN_UNITS)),
        )
    return cleaned
