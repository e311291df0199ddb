"""One table of mass units for the balances and the domain: whatever unit a balance reports,
the domain converts it, and a fill weighed in pounds is recorded to the same grams."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.domain.genealogy import KNOWN_UNITS, check_unit, convert_quantity
from desktop.domain.roles import Role
from desktop.domain.station import Action, FillSequence
from desktop.operations import Operations
from desktop.services.actor import Actor
from desktop.services.station.pipeline import record_scan
from desktop.services.station.weighing import record_fill
from desktop.storage.database import Database
from desktop.storage.models.genealogy import GenealogyLink, Item
from hardware.codecs import aandd, mtsics, sbi
from hardware.codecs.reading import Reading
from hardware.sim.scale import and_line, sbi_line, sics_weight
from hardware.units import BALANCE_UNITS, GRAMS_PER_UNIT
from tests.floor_kit import stock_floor

OPERATOR = Actor("lucie.martin", Role.OPERATOR, station="FILL-1")
DECODERS = {
    "mtsics": lambda v, stable, unit: mtsics.decode(sics_weight("ok", v, stable, unit)[:-2]),
    "sbi": lambda v, stable, unit: sbi.decode(sbi_line("ok", v, stable, unit)[:-2]),
    "aandd": lambda v, stable, unit: aandd.decode(and_line("ok", v, stable, unit)[:-2]),
}


@pytest.mark.parametrize("codec", sorted(DECODERS))
@pytest.mark.parametrize("unit", sorted(BALANCE_UNITS))
def test_every_unit_a_codec_reports_converts_in_the_domain(codec: str, unit: str) -> None:
    reading: Reading = DECODERS[codec](Decimal("3.5"), True, unit)
    assert reading.ok and reading.unit == unit
    assert check_unit(reading.unit) == unit and reading.unit in KNOWN_UNITS
    grams = convert_quantity(reading.value, reading.unit, "g")
    assert grams == Decimal("3.5") * GRAMS_PER_UNIT[unit]
    assert convert_quantity(grams, "g", unit) == Decimal("3.5")


@pytest.fixture
def filling(database: Database) -> Iterator[Operations]:
    stock_floor(
        database,
        [
            ("LOT-2026-000001", "raw", "cathode reel", "500", "m"),
            ("LOT-2026-000002", "raw", "anode reel", "500", "m"),
            ("LOT-2026-000003", "raw", "separator", "30", "m"),
            ("LOT-2026-000004", "raw", "electrolyte", "200", "kg"),
        ],
    )
    ops = Operations(database)
    for station, code in (
        ("STACK-1", "LOT-2026-000001"),
        ("STACK-1", "LOT-2026-000002"),
        ("STACK-1", "LOT-2026-000003"),
        ("FILL-1", "LOT-2026-000004"),
        ("STACK-1", "CELL-26U0000001"),
        ("FILL-1", "CELL-26U0000001"),
    ):
        assert ops.write(OPERATOR, record_scan, station, code).result(timeout=60).ok
    yield ops
    ops.shutdown()


def test_a_fill_read_from_a_balance_set_to_pounds_finishes_and_is_correct(
    filling: Operations, database: Database
) -> None:
    """MT-SICS lines in lb, from the cell on the pan to the filled cell back on it."""
    sequence = FillSequence(scanned_at=0.0, pan_cleared=True)
    lines = [
        (Decimal("1.7"), False),  # settling
        (Decimal("1.8"), True),  # the empty cell: 816.466266 g
        (Decimal("0.000"), True),  # off the pan to be filled
        (Decimal("2.2"), True),  # back on, filled: 997.903214 g
    ]
    done = False
    for at, (value, stable) in enumerate(lines, start=1):
        reading = DECODERS["mtsics"](value, stable, "lb")
        done = sequence.feed(reading.value, reading.unit, reading.stable, float(at))
    assert done, sequence.stage
    assert (sequence.before, sequence.after, sequence.unit) == (
        Decimal("1.8"),
        Decimal("2.2"),
        "lb",
    )
    result = filling.write(
        OPERATOR,
        record_fill,
        "FILL-1",
        "CELL-26U0000001",
        sequence.before,
        sequence.after,
        sequence.unit,
    ).result(timeout=60)
    assert result.ok and result.action is Action.FILLED, result.message
    assert str(result.message) == "Fill 181.436948 g: within 180 +/- 1.5 g"
    with database.reading() as session:
        link = session.scalar(
            select(GenealogyLink).where(GenealogyLink.event_id == result.event_id)
        )
        lot = session.scalar(select(Item).where(Item.business_id == "LOT-2026-000004"))
    assert (link.quantity, link.unit) == (Decimal("181.436948"), "g")
    assert lot.remaining == Decimal("199.818563")
