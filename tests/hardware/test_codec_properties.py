"""Random bytes into every codec: a reading or scan comes back, never an exception."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hardware.codecs import aandd, mtsics, sbi
from hardware.codecs import scanner as scanner_codec
from hardware.codecs.reading import Reading, ReadingStatus
from hardware.framing import LineFramer, Overlong

lines = st.binary(max_size=200)
wire = st.lists(st.binary(max_size=300), max_size=20)


@pytest.mark.parametrize("codec", [mtsics, sbi, aandd], ids=["mtsics", "sbi", "and"])
@settings(max_examples=300, deadline=None)
@given(lines)
def test_balance_codec_never_raises(codec, line):  # noqa: ANN001
    reading = codec.decode(line)
    assert isinstance(reading, Reading)
    assert reading.status is not ReadingStatus.ERROR or reading.reason is not None


@settings(max_examples=300, deadline=None)
@given(lines)
def test_scanner_never_raises(line):
    scan = scanner_codec.decode(line)
    assert isinstance(scan.code, str) and isinstance(scan.kind, str)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_scanner_never_raises_on_text(text):
    scanner_codec.decode(text.encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(wire)
def test_framer_never_loses_the_line_after_garbage(chunks):
    framer = LineFramer(max_line=256)
    for chunk in chunks:
        framer.feed(chunk)
    out = framer.feed(b"\r\nS S     1.00 g\r\n")
    assert out[-1] == b"S S     1.00 g"
    assert all(isinstance(x, bytes | Overlong) for x in out)
