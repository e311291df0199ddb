"""Barcode scanner lines: framing, AIM symbology identifiers, GS1 and plant codes.

Wire format: ``[prefix][AIM symbology identifier][data][suffix]`` (ISO/IEC 15424 for the
``]Xn`` identifiers). GS1 element strings and GS1 Digital Link URIs are parsed with ``biip``;
check digits are verified and a bad one is a rejection that says so. Plant-internal codes
(badge, lot, cell, module, pack) are plain text recognised by patterns from configuration.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hardware.messages import QT_TRANSLATE_NOOP, Reason, reason

GS = "\x1d"

#: Named affixes accepted in configuration; anything else is taken literally.
AFFIXES: dict[str, bytes] = {
    "": b"",
    "NONE": b"",
    "CR": b"\r",
    "LF": b"\n",
    "CRLF": b"\r\n",
    "CR LF": b"\r\n",
    "TAB": b"\t",
    "STX": b"\x02",
    "ETX": b"\x03",
}

#: AIM symbology identifier letters (ISO/IEC 15424); the modifier digit is reported as sent.
SYMBOLOGIES: dict[str, str] = {
    "A": "Code 39",
    "B": "Telepen",
    "C": "Code 128",
    "D": "Code One",
    "E": "EAN/UPC",
    "F": "Codabar",
    "G": "Code 93",
    "H": "Code 11",
    "I": "ITF",
    "K": "Code 16K",
    "L": "PDF417",
    "M": "MSI",
    "N": "Anker",
    "O": "Codablock",
    "P": "Plessey",
    "Q": "QR Code",
    "R": "Straight 2 of 5 (2 bar start/stop)",
    "S": "Straight 2 of 5 (3 bar start/stop)",
    "U": "MaxiCode",
    "X": "Other",
    "Z": "Non-barcode",
    "d": "Data Matrix",
    "e": "GS1 DataBar",
    "z": "Aztec",
}
#: Identifiers whose data is a GS1 element string (FNC1 in first position).
GS1_ELEMENT_STRINGS = frozenset({"]C1", "]e0", "]d2", "]Q3", "]J1", "]z1"})
#: Identifiers whose data is a bare GTIN (EAN-13/UPC-A, EAN-8, ITF-14).
GTIN_SYMBOLOGIES = frozenset({"]E0", "]E4", "]I1"})

#: GS1 primary keys: a code without identifier is taken as GS1 only if it starts with one of
#: these or carries a GS separator, so that a plant code such as ``10ABC`` stays plain text.
_PRIMARY_AIS = (
    "00",
    "01",
    "02",
    "253",
    "255",
    "401",
    "402",
    "414",
    "417",
    "8003",
    "8004",
    "8006",
    "8010",
    "8017",
    "8018",
)

DEFAULT_PATTERNS: dict[str, str] = {
    "badge": r"BADGE-(?P<number>\d{4,8})",
    "lot": r"LOT-(?P<year>\d{4})-(?P<sequence>\d{4,6})",
    "cell": r"CELL-(?P<serial>[0-9A-Z]{6,20})",
    "module": r"MOD-(?P<serial>[0-9A-Z]{6,20})",
    "pack": r"PACK-(?P<serial>[0-9A-Z]{6,20})",
}

_AIM = re.compile(r"^\](?P<letter>[A-Za-z])(?P<modifier>[0-9A-Za-z])")
_URL = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True)
class Scan:
    """One decoded scan, or a rejection with its reason in ``error``.

    ``code`` is the data without prefix, suffix and AIM identifier; ``fields`` maps GS1
    Application Identifiers to their values exactly as encoded (GTINs as 14 digits) for
    ``kind == "gs1"``, or a plant pattern's named groups.
    """

    raw: str
    code: str
    symbology: str | None
    kind: str
    fields: dict[str, str] = field(default_factory=dict)
    error: Reason | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def gs1(self) -> dict[str, str] | None:
        return dict(self.fields) if self.kind == "gs1" else None


def affix(value: str) -> bytes:
    """Bytes for a configured prefix/suffix: a name (CR, LF, CRLF, TAB...) or literal text."""
    key = value.strip().upper() if value.strip() else value
    if key in AFFIXES:
        return AFFIXES[key]
    return value.encode("utf-8").decode("unicode_escape").encode("latin-1")


def compile_patterns(patterns: Mapping[str, str]) -> dict[str, re.Pattern[str]]:
    """Compile plant patterns (kind -> regex, matched against the whole code)."""
    return {kind: re.compile(regex) for kind, regex in patterns.items()}


_DEFAULT_COMPILED = compile_patterns(DEFAULT_PATTERNS)


def gs1_check_digit(digits: str) -> int:
    """The GS1 mod-10 check digit for ``digits`` (without their check digit)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def _check_digit_error(label: str, number: str) -> Reason | None:
    if not number.isdigit() or len(number) < 2:
        return None
    expected = gs1_check_digit(number[:-1])
    got = int(number[-1])
    if expected == got:
        return None
    return reason(
        QT_TRANSLATE_NOOP(
            "Messages", "{label} check digit is wrong: expected {expected}, got {got}"
        ),
        label=label,
        expected=expected,
        got=got,
    )


def _refused(raw: str, code: str, symbology: str | None, why: Reason) -> Scan:
    """A scan the codec cannot use, kept with what was read and why it is refused."""
    return Scan(raw, code, symbology, "unknown", {}, why)


def _gs1(raw: str, text: str, symbology: str | None, element_strings: Any) -> Scan:
    """A parsed GS1 message as a scan, refused where a check digit or a date is wrong."""
    fields = _fields(element_strings)
    return Scan(raw, text, symbology, "gs1", fields, _element_errors(element_strings))


def decode(
    line: bytes,
    prefix: bytes = b"",
    patterns: Mapping[str, re.Pattern[str] | str] | None = None,
) -> Scan:
    """One scanner line (suffix already removed by the framer) to a scan. Never raises."""
    try:
        return _decode(line, prefix, patterns)
    except Exception as exc:  # noqa: BLE001 - a scan must never crash the reader
        text = line.decode("utf-8", "backslashreplace")
        return _refused(
            text,
            text,
            None,
            reason(
                QT_TRANSLATE_NOOP("Messages", "Could not decode the scan: {detail}"),
                detail=f"{type(exc).__name__}: {exc}",
            ),
        )


def _decode(
    line: bytes, prefix: bytes, patterns: Mapping[str, re.Pattern[str] | str] | None
) -> Scan:
    raw = line.decode("utf-8", "backslashreplace")
    if prefix:
        if not line.startswith(prefix):
            return _refused(
                raw,
                raw,
                None,
                reason(
                    QT_TRANSLATE_NOOP(
                        "Messages", "The scan does not start with the configured prefix {prefix!r}"
                    ),
                    prefix=prefix.decode("latin-1"),
                ),
            )
        line = line[len(prefix) :]
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return _refused(
            raw,
            raw,
            None,
            reason(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Unreadable scan (not UTF-8): check the scanner's baud rate, data bits and parity",  # noqa: E501
                )
            ),
        )
    if any(ord(c) < 32 and c not in "\x1d\x1e\x04" or ord(c) == 127 for c in text):
        return _refused(
            raw,
            text,
            None,
            reason(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Unreadable scan (control characters): check the scanner's baud rate and parity",  # noqa: E501
                )
            ),
        )
    symbology: str | None = None
    aim = _AIM.match(text)
    if aim:
        symbology = aim.group(0)
        text = text[3:]
    if not text:
        return _refused(raw, text, symbology, reason(QT_TRANSLATE_NOOP("Messages", "Empty scan")))
    if symbology is not None and aim and aim["letter"] not in SYMBOLOGIES:
        return _refused(
            raw,
            text,
            symbology,
            reason(
                QT_TRANSLATE_NOOP("Messages", "Unknown symbology identifier {symbology}"),
                symbology=symbology,
            ),
        )
    if symbology in GS1_ELEMENT_STRINGS and not _URL.match(text):
        return _gs1_element_string(raw, text, symbology)
    if symbology in GTIN_SYMBOLOGIES:
        return _gtin(raw, text, symbology)
    compiled = (
        _DEFAULT_COMPILED
        if patterns is None
        else {k: (re.compile(v) if isinstance(v, str) else v) for k, v in patterns.items()}
    )
    for kind, pattern in compiled.items():
        match = pattern.fullmatch(text)
        if match:
            fields = {k: v for k, v in match.groupdict().items() if v is not None}
            return Scan(raw, text, symbology, kind, fields)
    if _URL.match(text):
        return _digital_link(raw, text, symbology)
    if symbology is None:
        return _guess_gs1(raw, text)
    return Scan(raw, text, symbology, "unknown")


def _fields(element_strings: Any) -> dict[str, str]:
    fields: dict[str, str] = {}
    for element in element_strings:
        fields.setdefault(element.ai.ai, element.value)
    return fields


def _element_errors(element_strings: Any) -> Reason | None:
    for element in element_strings:
        if element.ai.ai in ("01", "02") or element.gtin_error:
            why = _check_digit_error("GTIN", element.value)
            if why:
                return why
        if element.ai.ai == "00":
            why = _check_digit_error("SSCC", element.value)
            if why:
                return why
        detail = element.gtin_error or element.sscc_error or element.gln_error
        if detail:
            return _invalid_gs1(detail)
    return None


def _invalid_gs1(detail: str) -> Reason:
    return reason(QT_TRANSLATE_NOOP("Messages", "Not a valid GS1 code: {detail}"), detail=detail)


def _gs1_element_string(raw: str, text: str, symbology: str | None) -> Scan:
    import biip

    if text.startswith("("):
        return _gs1_hri(raw, text, symbology)
    result = biip.parse(text.strip(GS) if symbology is None else f"{symbology}{text}")
    message = result.gs1_message
    if message is None:
        detail = result.gs1_message_error or "no GS1 Application Identifier found"
        return _refused(raw, text, symbology, _invalid_gs1(detail))
    return _gs1(raw, text, symbology, message.element_strings)


def _gs1_hri(raw: str, text: str, symbology: str | None) -> Scan:
    from biip.gs1_messages import GS1Message

    try:
        message = GS1Message.parse_hri(text)
    except Exception as exc:  # noqa: BLE001 - biip raises its ParseError here
        return _refused(raw, text, symbology, _invalid_gs1(str(exc)))
    return _gs1(raw, text, symbology, message.element_strings)


def _gtin(raw: str, text: str, symbology: str | None) -> Scan:
    if not text.isdigit() or len(text) not in (8, 12, 13, 14):
        return _refused(
            raw,
            text,
            symbology,
            reason(
                QT_TRANSLATE_NOOP("Messages", "Not a valid EAN/UPC/ITF-14 code: {code!r}"),
                code=text[:40],
            ),
        )
    gtin = text.zfill(14)
    return Scan(raw, text, symbology, "gs1", {"01": gtin}, _check_digit_error("GTIN", gtin))


def _digital_link(raw: str, text: str, symbology: str | None) -> Scan:
    import biip

    result = biip.parse(text)
    uri = result.gs1_digital_link_uri
    if uri is None:
        return Scan(raw, text, symbology, "unknown")
    fields = _fields(uri.element_strings)
    return Scan(raw, text, symbology, "gs1", fields, _element_errors(uri.element_strings))


def _guess_gs1(raw: str, text: str) -> Scan:
    """A code without AIM identifier is GS1 when it parses as GS1 and looks like it."""
    if text.startswith("(") and re.match(r"^\(\d{2,4}\)", text):
        return _gs1_hri(raw, text, None)
    if not all(c.isdigit() or c.isascii() and c.isprintable() or c == GS for c in text):
        return Scan(raw, text, None, "unknown")
    if text.isdigit() and len(text) in (8, 12, 13, 14):
        return _gtin(raw, text, None)
    if GS in text or text.startswith(_PRIMARY_AIS):
        scan = _gs1_element_string(raw, text, None)
        if scan.kind == "gs1":
            return scan
    return Scan(raw, text, None, "unknown")


# Keyboard wedge on a French AZERTY layout: the digit row without Shift.
_AZERTY_DIGITS = {
    "&": "1",
    "é": "2",
    '"': "3",
    "'": "4",
    "(": "5",
    "-": "6",
    "è": "7",
    "_": "8",
    "ç": "9",
    "à": "0",
}
_AZERTY_TELLTALE = frozenset("&é\"'(è_çà")


def unmangle_azerty(text: str, keep_dash: bool = False) -> str:
    """What a QWERTY-configured wedge scanner meant to type on an AZERTY layout.

    ``-`` is both the AZERTY 6 key and a real dash in plant codes: ``keep_dash`` leaves it.
    """
    return "".join(c if keep_dash and c == "-" else _AZERTY_DIGITS.get(c, c) for c in text)


def looks_azerty_mangled(text: str, expected: re.Pattern[str] | None = None) -> bool:
    """True when wedge input has the AZERTY digit-row characters where digits were expected.

    With ``expected`` (a pattern the code should match), the input is mangled when it does not
    match but its unmangled form does. Without it: at least two telltale characters and no
    digit at all (a code with real digits was typed on a layout that produces digits).
    """
    if expected is not None:
        return expected.fullmatch(text) is None and any(
            expected.fullmatch(unmangle_azerty(text, keep)) is not None for keep in (False, True)
        )
    telltales = sum(1 for c in text if c in _AZERTY_TELLTALE)
    return telltales >= 2 and not any(c.isdigit() for c in text)
