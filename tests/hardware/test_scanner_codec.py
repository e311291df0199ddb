"""Scanner lines: AIM identifiers, GS1 (biip), plant patterns, rejections in words."""

from hardware.codecs import scanner as codec

GS = "\x1d"


def test_gs1_datamatrix_fields_as_encoded():
    scan = codec.decode(f"]d2010590123412345710LOT42{GS}21SN7".encode())
    assert (scan.symbology, scan.kind, scan.error) == ("]d2", "gs1", None)
    assert scan.fields == {"01": "05901234123457", "10": "LOT42", "21": "SN7"}


def test_gs1_128_net_weight_value_exactly_as_encoded():
    scan = codec.decode(b"]C101059012341234573103001234")
    assert scan.gs1 == {"01": "05901234123457", "3103": "001234"}


def test_bad_gtin_check_digit_is_a_rejection_that_says_so():
    scan = codec.decode(b"]d20105901234123458")
    assert str(scan.error) == "GTIN check digit is wrong: expected 7, got 8"


def test_code_is_data_without_aim_identifier():
    assert codec.decode(b"]C0BADGE-1234").code == "BADGE-1234"


def test_ean13_becomes_a_14_digit_gtin():
    assert codec.decode(b"]E05901234123457").gs1 == {"01": "05901234123457"}


def test_ean8():
    assert codec.decode(b"]E496385074").gs1 == {"01": "00000096385074"}


def test_itf14():
    assert codec.decode(b"]I115901234123454").gs1 == {"01": "15901234123454"}


def test_gs1_without_aim_identifier_is_still_gs1():
    scan = codec.decode(b"0105901234123457")
    assert (scan.symbology, scan.kind, scan.fields) == (None, "gs1", {"01": "05901234123457"})


def test_plant_lot_code_is_not_mistaken_for_gs1():
    scan = codec.decode(b"LOT-2025-0001")
    assert (scan.kind, scan.fields) == ("lot", {"year": "2025", "sequence": "0001"})


def test_short_text_that_parses_as_gs1_ai_10_stays_plain():
    assert codec.decode(b"10ABC").kind == "unknown"


def test_digital_link_in_qr():
    scan = codec.decode(b"]Q1https://id.gs1.org/01/05901234123457/10/ABC")
    assert (scan.kind, scan.fields) == ("gs1", {"01": "05901234123457", "10": "ABC"})


def test_digital_link_bad_check_digit():
    scan = codec.decode(b"https://id.gs1.org/01/05901234123458")
    assert str(scan.error) == "GTIN check digit is wrong: expected 7, got 8"


def test_human_readable_parentheses_form():
    assert codec.decode(b"(01)05901234123457(3103)001234").gs1 == {
        "01": "05901234123457",
        "3103": "001234",
    }


def test_unknown_symbology_identifier_is_flagged():
    scan = codec.decode(b"]W0ABC")
    assert (scan.symbology, str(scan.error)) == ("]W0", "Unknown symbology identifier ]W0")


def test_other_known_identifier_reported_as_is():
    scan = codec.decode(b"]A0CELL-AB12345678")
    assert (scan.symbology, scan.kind, scan.error) == ("]A0", "cell", None)


def test_patterns_come_from_configuration():
    scan = codec.decode(b"E-00042", patterns={"badge": r"E-(?P<number>\d{5})"})
    assert (scan.kind, scan.fields) == ("badge", {"number": "00042"})


def test_invalid_gs1_is_rejected_with_biip_detail():
    scan = codec.decode(b"]C1foo")
    assert str(scan.error).startswith("Not a valid GS1 code: ")


def test_prefix_is_stripped():
    assert codec.decode(b"#LOT-2025-0001", prefix=b"#").code == "LOT-2025-0001"


def test_missing_prefix_is_rejected():
    assert codec.decode(b"LOT-2025-0001", prefix=b"#").error is not None


def test_invalid_utf8_is_rejected():
    assert "not UTF-8" in str(codec.decode(b"\xff\xfeABC").error)


def test_nul_byte_is_rejected():
    assert "control characters" in str(codec.decode(b"AB\x00C").error)


def test_affix_names():
    assert [codec.affix(n) for n in ("CR", "LF", "CRLF", "TAB", "")] == [
        b"\r",
        b"\n",
        b"\r\n",
        b"\t",
        b"",
    ]


def test_azerty_mangled_digits_are_detected():
    assert codec.looks_azerty_mangled("BADGE-&é\"'(")


def test_real_digits_are_not_mangled():
    assert not codec.looks_azerty_mangled("BADGE-12345")


def test_azerty_unmangle():
    assert codec.unmangle_azerty("&é\"'(-è_çà") == "1234567890"


def test_azerty_with_expected_pattern():
    import re

    assert codec.looks_azerty_mangled("BADGE-&éà", re.compile(r"BADGE-\d{3}"))
