"""Units of mass: the one table the balances and the plant's records both convert with.

A balance can be set to print in pounds or carats as easily as in grams; a fill weighed in
pounds must come out the same as one weighed in grams, to the last digit. So every factor is
an exact Decimal number of grams, from its legal definition:

- the pound is 0.45359237 kg exactly (international yard and pound agreement, 1959); the
  avoirdupois ounce is 1/16 lb and the grain 1/7000 lb;
- the troy ounce is 480 grains and the pennyweight 24 grains;
- the metric carat is 200 mg (CGPM 1907); the momme 3.75 g (Japanese measurement law).

The spellings are the ones balances print (MT-SICS, Sartorius SBI and A&D manuals): ``GN`` for
the grain, ``ozt`` for the troy ounce, ``mom`` for the momme. The tonne (``t``) is here for
lots counted in tonnes; no balance reading may be taken in it, since MT-SICS uses ``t`` for the
tola, so it is not in `BALANCE_UNITS`. Counting units (``PC``) and percentages are not masses
and convert to nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

POUND_G = Decimal("453.59237")
GRAIN_G = POUND_G / 7000  # 0.06479891 exactly

GRAMS_PER_UNIT: Mapping[str, Decimal] = MappingProxyType(
    {
        "mg": Decimal("0.001"),
        "g": Decimal(1),
        "kg": Decimal(1000),
        "t": Decimal(1_000_000),
        "ct": Decimal("0.2"),
        "lb": POUND_G,
        "oz": POUND_G / 16,  # 28.349523125
        "GN": GRAIN_G,
        "dwt": GRAIN_G * 24,  # 1.55517384
        "ozt": GRAIN_G * 480,  # 31.1034768
        "mom": Decimal("3.75"),
    }
)
"""Grams in one of each unit of mass, exactly."""

MASS_UNITS = frozenset(GRAMS_PER_UNIT)
BALANCE_UNITS = MASS_UNITS - {"t"}
"""The units of mass a balance may report a weight in."""


def is_mass(unit: str) -> bool:
    return unit in GRAMS_PER_UNIT


def convert_mass(value: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """`value` in `from_unit` expressed in `to_unit`, exactly; None unless both are masses."""
    source, target = GRAMS_PER_UNIT.get(from_unit), GRAMS_PER_UNIT.get(to_unit)
    if source is None or target is None:
        return None
    if from_unit == to_unit:
        return value
    return value * source / target
