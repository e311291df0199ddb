"""The one table of mass units: exact factors from their legal definitions, and every codec
reading a weight in each unit a balance may report."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hardware.codecs import aandd, mtsics, sbi
from hardware.codecs.reading import Reading, ReadingStatus
from hardware.sim.scale import and_line, sbi_line, sics_weight
from hardware.units import BALANCE_UNITS, GRAMS_PER_UNIT, MASS_UNITS, convert_mass, is_mass


def test_the_imperial_and_troy_units_come_from_the_pound_exactly() -> None:
    grams = GRAMS_PER_UNIT
    assert grams["lb"] == Decimal("453.59237")
    assert grams["oz"] * 16 == grams["lb"] and grams["oz"] == Decimal("28.349523125")
    assert grams["GN"] * 7000 == grams["lb"] and grams["GN"] == Decimal("0.06479891")
    assert grams["ozt"] == Decimal("31.1034768") and grams["dwt"] == Decimal("1.55517384")
    assert (grams["ct"], grams["mom"], grams["kg"]) == (Decimal("0.2"), Decimal("3.75"), 1000)


def test_conversions_are_exact_where_the_numbers_allow() -> None:
    assert convert_mass(Decimal("0.4"), "lb", "g") == Decimal("181.436948")
    assert convert_mass(Decimal("2"), "lb", "oz") == Decimal("32")
    assert convert_mass(Decimal("181.436948"), "g", "lb") == Decimal("0.4")
    assert convert_mass(Decimal("5"), "ct", "g") == Decimal("1")


@pytest.mark.parametrize("unit", ["PC", "%", "m", "l", "", "G", "kgs"])
def test_what_is_not_a_mass_converts_to_nothing(unit: str) -> None:
    assert not is_mass(unit)
    assert convert_mass(Decimal(1), unit, "g") is None
    assert convert_mass(Decimal(1), "g", unit) is None


def test_no_reading_is_taken_in_tonnes() -> None:
    """MT-SICS prints the tola as ``t``: a balance's ``t`` must never pass for a tonne."""
    assert "t" in MASS_UNITS and "t" not in BALANCE_UNITS


def _decoded(codec: str, unit: str, value: Decimal) -> Reading:
    if codec == "mtsics":
        return mtsics.decode(sics_weight("ok", value, True, unit).rstrip(b"\r\n"))
    if codec == "sbi":
        return sbi.decode(sbi_line("ok", value, True, unit).rstrip(b"\r\n"))
    return aandd.decode(and_line("ok", value, True, unit).rstrip(b"\r\n"))


@pytest.mark.parametrize("codec", ["mtsics", "sbi", "aandd"])
@pytest.mark.parametrize("unit", sorted(BALANCE_UNITS))
def test_every_codec_reads_a_weight_in_every_balance_unit(codec: str, unit: str) -> None:
    reading = _decoded(codec, unit, Decimal("12.5"))
    assert reading.status is ReadingStatus.OK, reading.reason
    assert (reading.value, reading.unit, reading.stable) == (Decimal("12.5"), unit, True)
    assert reading.is_mass
    assert reading.to("g").value == Decimal("12.5") * GRAMS_PER_UNIT[unit]


def test_a_count_is_read_but_is_no_mass() -> None:
    counted = aandd.decode(b"QT,+00000012 PC")
    assert counted.ok and counted.unit == "PC" and not counted.is_mass
    with pytest.raises(ValueError):
        counted.to("g")
