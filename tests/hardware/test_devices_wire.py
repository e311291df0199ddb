"""Balance and scanner verbs: the exact bytes sent and received over a real pty."""

from __future__ import annotations

from decimal import Decimal

import pytest
from peers import wait_for

from hardware.codecs.reading import ReadingStatus
from hardware.devices import AndBalance, DeviceTimeout, SbiBalance, Scanner, SicsBalance
from hardware.transport import PortSettings, Transport


@pytest.fixture
def transport(pty_peer):
    transport = Transport(PortSettings(port=pty_peer.path))
    transport.open()
    yield transport
    transport.close()


def test_sics_stable_weight_sends_s(scripted, transport):
    device = scripted({b"S": [b"S S     100.00 g\r\n"]})
    reading = SicsBalance(transport).stable_weight(2)
    assert device.requests == [b"S"] and reading.value == Decimal("100.00") and reading.stable


def test_sics_weight_now_sends_si(scripted, transport):
    device = scripted({b"SI": [b"S D     129.07 g\r\n"]})
    reading = SicsBalance(transport).weight_now(2)
    assert device.requests == [b"SI"] and not reading.stable


def test_sics_zero_acknowledged(scripted, transport):
    scripted({b"Z": [b"Z A\r\n"]})
    assert SicsBalance(transport).zero(2).ok


def test_sics_zero_refused_says_why(scripted, transport):
    scripted({b"Z": [b"Z I\r\n"]})
    result = SicsBalance(transport).zero(2)
    assert not result.ok and "cannot do that now" in str(result.reason)


def test_sics_tare_returns_the_tare_weight(scripted, transport):
    scripted({b"T": [b"T S      2.486 g\r\n"]})
    assert SicsBalance(transport).tare(2).reading.value == Decimal("2.486")


def test_sics_clear_tare_sends_tac(scripted, transport):
    device = scripted({b"TAC": [b"TAC A\r\n"]})
    assert SicsBalance(transport).clear_tare(2).ok and device.requests == [b"TAC"]


def test_sics_identify_sends_i2_then_i4(scripted, transport):
    device = scripted({b"I2": [b'I2 A "WMS404C 4.1 kg"\r\n'], b"I4": [b'I4 A "B123"\r\n']})
    info = SicsBalance(transport).identify(2)
    assert device.requests == [b"I2", b"I4"]
    assert info == {"model": "WMS404C 4.1 kg", "serial_number": "B123"}


def test_sics_unknown_command_error_becomes_error_reading(scripted, transport):
    scripted({b"S": [b"ES\r\n"]})
    assert SicsBalance(transport).stable_weight(2).status is ReadingStatus.ERROR


def test_sics_no_reply_raises_device_timeout(scripted, transport):
    scripted({})
    with pytest.raises(DeviceTimeout, match="No reply to S within 0.2 s"):
        SicsBalance(transport).stable_weight(0.2)


def test_sics_stream_sends_sir_and_drops_the_first_line(pty_peer, scripted, transport):
    device = scripted({b"SIR": [b"  1.00 g\r\nS D      2.00 g\r\nS S      3.00 g\r\n"]})
    balance = SicsBalance(transport)
    balance.start_stream()
    readings = [balance.read_stream(2), balance.read_stream(2)]
    assert device.requests == [b"SIR"]
    assert [(r.value, r.stable) for r in readings] == [
        (Decimal("2.00"), False),
        (Decimal("3.00"), True),
    ]


def test_partial_line_that_times_out_is_not_a_reading(pty_peer, transport):
    balance = SicsBalance(transport)
    balance.streaming = True
    pty_peer.write(b"S S     1.00 g\r\nS S     2.0")
    assert balance.read_stream(1).value == Decimal("1.00")
    assert balance.read_stream(0.2) is None
    pty_peer.write(b"0 g\r\n")
    assert balance.read_stream(1).value == Decimal("2.00")


def test_overlong_line_gives_a_reason_then_reading_resumes(pty_peer, transport):
    balance = SicsBalance(transport)
    balance.streaming = True
    pty_peer.write(b"x" * 5000 + b"\r\nS S     1.00 g\r\n")
    first = balance.read_stream(2)
    assert first.status is ReadingStatus.ERROR and "4096" in str(first.reason)
    assert balance.read_stream(2).value == Decimal("1.00")


def test_garbage_from_wrong_baud_rate_is_an_error_reading_and_reading_goes_on(pty_peer, transport):
    balance = SicsBalance(transport)
    balance.streaming = True
    pty_peer.write(b"\xf8\x00\x9e\xfe\r\nS S     1.00 g\r\n")
    assert "baud rate" in str(balance.read_stream(2).reason)
    assert balance.read_stream(2).value == Decimal("1.00")


def test_sbi_weight_now_sends_esc_p(scripted, transport):
    device = scripted({b"\x1bP": [b"+   123.56 g  \r\n"]})
    assert SbiBalance(transport).weight_now(2).value == Decimal("123.56")
    assert device.requests == [b"\x1bP"]


def test_sbi_tare_sends_esc_t(pty_peer, transport):
    assert SbiBalance(transport).tare().ok
    assert pty_peer.read_until(b"T", 2) == b"\x1bT"


def test_sbi_zero_sends_esc_v(pty_peer, transport):
    assert SbiBalance(transport).zero().ok
    assert pty_peer.read_until(b"V", 2) == b"\x1bV"


def test_sbi_stable_weight_prints_until_the_unit_appears(scripted, transport):
    device = scripted({b"\x1bP": [b"+   120.00     \r\n", b"+   123.56 g  \r\n"]})
    assert SbiBalance(transport).stable_weight(2).stable
    assert device.requests == [b"\x1bP", b"\x1bP"]


def test_sbi_has_no_clear_tare(transport):
    assert "no clear tare" in str(SbiBalance(transport).clear_tare().reason)


def test_and_weight_now_sends_q(scripted, transport):
    device = scripted({b"Q": [b"US,+00123.40  g\r\n"]})
    assert not AndBalance(transport).weight_now(2).stable and device.requests == [b"Q"]


def test_and_stable_weight_sends_s(scripted, transport):
    device = scripted({b"S": [b"ST,+00123.45  g\r\n"]})
    assert AndBalance(transport).stable_weight(2).stable and device.requests == [b"S"]


def test_and_stream_drops_first_line(pty_peer, transport):
    balance = AndBalance(transport)
    balance.start_stream()
    pty_peer.write(b"0123.45  g\r\nST,+00001.00  g\r\n")
    assert balance.read_stream(2).value == Decimal("1.00")


def test_scanner_every_line_counts(pty_peer, transport):
    scanner = Scanner(transport)
    pty_peer.write(b"LOT-2025-0001\r]d20105901234123457\r")
    assert [scanner.next_scan(2).kind, scanner.next_scan(2).kind] == ["lot", "gs1"]


def test_scanner_frame_split_across_writes(pty_peer, transport):
    scanner = Scanner(transport)
    pty_peer.write(b"BADGE-")
    assert scanner.next_scan(0.1) is None
    pty_peer.write(b"1234\r")
    assert scanner.next_scan(2).fields == {"number": "1234"}


def test_scanner_tab_suffix_and_prefix(pty_peer, transport):
    scanner = Scanner(transport, prefix=b"#", suffix=b"\t")
    pty_peer.write(b"#CELL-AB12345678\t")
    scan = scanner.next_scan(2)
    assert (scan.code, scan.kind) == ("CELL-AB12345678", "cell")


def test_scanner_crlf_suffix_read_with_cr_setting(pty_peer, transport):
    scanner = Scanner(transport, suffix=b"\r")
    pty_peer.write(b"LOT-2025-0001\r\nLOT-2025-0002\r\n")
    assert [scanner.next_scan(2).code for _ in range(2)] == ["LOT-2025-0001", "LOT-2025-0002"]
    assert not wait_for(lambda: scanner.next_scan(0.05) is not None, 0.2)


def test_first_request_after_a_late_open_keeps_its_reply(pty_peer, scripted):
    transport = Transport(PortSettings(port=pty_peer.path))
    balance = SicsBalance(transport)  # built before the port opens, as a worker does
    transport.open()
    try:
        device = scripted({b"T": [b"T S      2.486 g\r\n"]})
        assert balance.tare(2).ok and device.requests == [b"T"]
    finally:
        transport.close()
