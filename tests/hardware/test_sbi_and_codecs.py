"""Sartorius SBI and A&D lines, exact bytes, one behaviour per test."""

from decimal import Decimal

import pytest

from hardware.codecs import aandd, sbi
from hardware.codecs.reading import ReadingStatus


def test_sbi_16_character_line():
    reading = sbi.decode(b"+   123.56 g  ")
    assert (reading.value, reading.unit, reading.stable) == (Decimal("123.56"), "g", True)


def test_sbi_22_character_line_with_identifier():
    reading = sbi.decode(b"N     +   123.56 g  ")
    assert (reading.value, reading.unit) == (Decimal("123.56"), "g")


def test_sbi_negative_value():
    assert sbi.decode(b"-     0.52 g  ").value == Decimal("-0.52")


def test_sbi_blank_unit_means_unstable():
    reading = sbi.decode(b"+   123.56     ")
    assert reading.value == Decimal("123.56") and not reading.stable and reading.unit == ""


@pytest.mark.parametrize(
    ("decode", "line", "status"),
    [
        (sbi.decode, b"    High      ", ReadingStatus.OVERLOAD),
        (sbi.decode, b"    Low       ", ReadingStatus.UNDERLOAD),
        (aandd.decode, b"OL,+9999999E+19", ReadingStatus.OVERLOAD),
        (aandd.decode, b"OL,-9999999E+19", ReadingStatus.UNDERLOAD),
    ],
    ids=["sbi-high-is-overload", "sbi-low-is-underload", "and-overload", "and-minus-is-underload"],
)
def test_out_of_range(decode, line: bytes, status: ReadingStatus):  # noqa: ANN001
    assert decode(line).status is status


def test_sbi_err_carries_its_number():
    reading = sbi.decode(b"  Err 101     ")
    assert reading.status is ReadingStatus.ERROR and str(reading.reason) == "Balance error 101"


def test_sbi_garbage_is_rejected():
    reading = sbi.decode(b"+ 12.3.4 g")
    assert reading.status is ReadingStatus.ERROR and "SBI" in str(reading.reason)


def test_and_stable():
    reading = aandd.decode(b"ST,+00123.45  g")
    assert (reading.value, reading.unit, reading.stable) == (Decimal("123.45"), "g", True)


def test_and_unstable():
    reading = aandd.decode(b"US,-00001.20  g")
    assert reading.value == Decimal("-1.20") and not reading.stable


def test_and_counting_is_stable_pieces():
    reading = aandd.decode(b"QT,+00000123 PC")
    assert (reading.value, reading.unit, reading.stable) == (Decimal("123"), "PC", True)


def test_and_unknown_header_is_rejected_with_it():
    assert str(aandd.decode(b"XX,+00001.00  g").reason) == (
        "Unknown A&D header 'XX' in 'XX,+00001.00  g'"
    )


def test_and_missing_unit_is_rejected():
    assert aandd.decode(b"ST,+00123.45").status is ReadingStatus.ERROR
