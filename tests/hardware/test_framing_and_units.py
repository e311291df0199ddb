"""Line framing with the 4 KiB cap, and unit conversion."""

from decimal import Decimal

import pytest

from hardware.codecs.reading import convert
from hardware.framing import LineFramer, Overlong


def test_lines_split_on_cr_lf():
    assert LineFramer().feed(b"S S 1 g\r\nS S 2 g\r\n") == [b"S S 1 g", b"S S 2 g"]


def test_partial_line_waits_for_its_terminator():
    framer = LineFramer()
    assert framer.feed(b"S S  ") == []
    assert framer.feed(b"1 g\r\n") == [b"S S  1 g"]


def test_cr_lf_split_across_chunks_makes_no_empty_line():
    framer = LineFramer()
    assert framer.feed(b"A\r") == [b"A"]
    assert framer.feed(b"\nB\r\n") == [b"B"]


def test_overlong_line_is_reported_once_then_resyncs():
    framer = LineFramer(max_line=4096)
    out = framer.feed(b"x" * 5000) + framer.feed(b"y" * 3000 + b"\r\nS S 1 g\r\n")
    assert isinstance(out[0], Overlong) and out[1:] == [b"S S 1 g"]
    assert "4096" in str(out[0].reason)


def test_tab_terminator_for_scanners():
    assert LineFramer(b"\t").feed(b"A\tB\t") == [b"A", b"B"]


def test_grams_to_kilograms():
    assert convert(Decimal("1234.5"), "g", "kg") == Decimal("1.2345")


def test_milligrams_to_grams():
    assert convert(Decimal("250"), "mg", "g") == Decimal("0.25")


def test_pound_is_exact():
    assert convert(Decimal("1"), "lb", "g") == Decimal("453.59237")


def test_a_count_is_not_a_mass_and_raises_value_error():
    with pytest.raises(ValueError):
        convert(Decimal(1), "PC", "g")
