"""The plant's master data vocabulary: the process chain and its station types."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError


class LineKind(StrEnum):
    """What a line makes: cells from powders, modules from cells, packs from modules."""

    CELL = "cell"
    MODULE = "module"
    PACK = "pack"


@dataclass(frozen=True)
class StationTypeInfo:
    code: str
    name: str
    line_kind: LineKind
    sequence: int


# The plant's process chain, in process order. Names are English templates; the UI translates them.
STATION_TYPES: tuple[StationTypeInfo, ...] = (
    StationTypeInfo("mixing", QT_TRANSLATE_NOOP("Messages", "Mixing"), LineKind.CELL, 10),
    StationTypeInfo(
        "coating", QT_TRANSLATE_NOOP("Messages", "Coating and drying"), LineKind.CELL, 20
    ),
    StationTypeInfo("calendering", QT_TRANSLATE_NOOP("Messages", "Calendering"), LineKind.CELL, 30),
    StationTypeInfo("slitting", QT_TRANSLATE_NOOP("Messages", "Slitting"), LineKind.CELL, 40),
    StationTypeInfo(
        "stacking", QT_TRANSLATE_NOOP("Messages", "Stacking and tab welding"), LineKind.CELL, 50
    ),
    StationTypeInfo(
        "filling", QT_TRANSLATE_NOOP("Messages", "Electrolyte filling"), LineKind.CELL, 60
    ),
    StationTypeInfo(
        "formation", QT_TRANSLATE_NOOP("Messages", "Formation and aging"), LineKind.CELL, 70
    ),
    StationTypeInfo("grading", QT_TRANSLATE_NOOP("Messages", "Grading"), LineKind.CELL, 80),
    StationTypeInfo(
        "module_assembly", QT_TRANSLATE_NOOP("Messages", "Module assembly"), LineKind.MODULE, 90
    ),
    StationTypeInfo(
        "pack_assembly", QT_TRANSLATE_NOOP("Messages", "Pack assembly"), LineKind.PACK, 100
    ),
)
STATION_TYPE_CODES = frozenset(t.code for t in STATION_TYPES)

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")


_BAD_CODE = {
    "line": QT_TRANSLATE_NOOP(
        "Messages", "Line id '{value}' is not valid: use 1 to 32 letters, digits, '-' or '_'"
    ),
    "station": QT_TRANSLATE_NOOP(
        "Messages", "Station id '{value}' is not valid: use 1 to 32 letters, digits, '-' or '_'"
    ),
}
_BAD_NAME = {
    "line": QT_TRANSLATE_NOOP("Messages", "A line name must have 1 to 100 characters"),
    "station": QT_TRANSLATE_NOOP("Messages", "A station name must have 1 to 100 characters"),
}


def check_code(value: str, what: str) -> str:
    """Business ids of lines and stations: upper-case letters, digits, `-` and `_` (FILL-1)."""
    code = value.strip().upper()
    if not _CODE.match(code):
        raise InputError(_BAD_CODE[what], value=value)
    return code


def check_name(value: str, what: str) -> str:
    name = value.strip()
    if not name or len(name) > 100:
        raise InputError(_BAD_NAME[what])
    return name


def check_station_type(code: str) -> str:
    if code not in STATION_TYPE_CODES:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Unknown station type '{code}'; known: {known}"),
            code=code,
            known=", ".join(t.code for t in STATION_TYPES),
        )
    return code
