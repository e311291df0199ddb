"""MT-SICS replies, exact bytes, one behaviour per test."""

from decimal import Decimal

import pytest

from hardware.codecs import mtsics
from hardware.codecs.reading import ReadingStatus


def test_stable_weight_reply():
    reading = mtsics.decode(b"S S     100.00 g")
    assert (reading.value, reading.unit, reading.stable, reading.status) == (
        Decimal("100.00"),
        "g",
        True,
        ReadingStatus.OK,
    )


def test_dynamic_weight_reply_is_unstable():
    reading = mtsics.decode(b"S D     129.07 g")
    assert reading.value == Decimal("129.07") and not reading.stable


def test_negative_value_keeps_its_sign():
    assert mtsics.decode(b"S S     -12.50 g").value == Decimal("-12.50")


def test_sign_printed_apart_from_digits_still_belongs_to_the_number():
    assert mtsics.decode(b"S S    -  1.23 g").value == Decimal("-1.23")


def test_value_in_kilograms_keeps_unit():
    reading = mtsics.decode(b"S S     1.2345 kg")
    assert (reading.value, reading.unit) == (Decimal("1.2345"), "kg")


@pytest.mark.parametrize(
    ("line", "status"),
    [(b"S +", ReadingStatus.OVERLOAD), (b"S -", ReadingStatus.UNDERLOAD)],
    ids=["overload", "underload"],
)
def test_out_of_range(line: bytes, status: ReadingStatus):
    assert mtsics.decode(line).status is status


def test_not_executable_is_an_error_with_reason():
    reading = mtsics.decode(b"S I")
    assert reading.status is ReadingStatus.ERROR
    assert "cannot do that now" in str(reading.reason)


def test_syntax_error():
    assert str(mtsics.decode(b"ES").reason) == "The balance did not understand the command (ES)"


@pytest.mark.parametrize("code", ["ET", "EL"], ids=["transmission", "logical"])
def test_transmission_or_logical_error_names_its_code(code: str):
    assert f"({code})" in str(mtsics.decode(code.encode()).reason)


def test_tare_reply_is_a_weight():
    reading = mtsics.decode(b"T S      2.486 g")
    assert reading.value == Decimal("2.486") and reading.stable


def test_look_alike_status_a_is_rejected():
    reading = mtsics.decode(b"S A")
    assert reading.status is ReadingStatus.ERROR
    assert str(reading.reason) == "Not an MT-SICS reply: 'S A'"


def test_look_alike_question_mark_frame_is_rejected():
    reading = mtsics.decode(b"?     100.00 g")
    assert reading.status is ReadingStatus.ERROR and reading.value is None


def test_weight_reply_without_unit_is_rejected():
    assert mtsics.decode(b"S S     100.00").status is ReadingStatus.ERROR


def test_zero_acknowledged():
    assert mtsics.acknowledged(mtsics.parse_reply(b"Z A"), "Z")


def test_zero_immediately_accepts_a_s_and_d():
    for line in (b"ZI A", b"ZI S", b"ZI D"):
        assert mtsics.acknowledged(mtsics.parse_reply(line), "ZI")


def test_clear_tare_acknowledged():
    assert mtsics.acknowledged(mtsics.parse_reply(b"TAC A"), "TAC")


def test_serial_number_text_without_quotes():
    assert mtsics.parse_reply(b'I4 A "0123456789"').text == "0123456789"


def test_reset_answers_with_serial_number():
    reply = mtsics.parse_reply(b'I4 A "B123"')
    assert mtsics.acknowledged(reply, "@") and reply.text == "B123"


def test_model_data():
    assert mtsics.parse_reply(b'I2 A "WMS404C-L/10 4.1 kg"').text == "WMS404C-L/10 4.1 kg"


def test_command_bytes():
    assert mtsics.command("SIR") == b"SIR\r\n"


def test_raw_line_is_kept():
    assert mtsics.decode(b"S S     100.00 g").raw == b"S S     100.00 g"
