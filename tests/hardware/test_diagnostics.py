"""`devices test` against independent fake devices on ptys: the JSON lines, exactly."""

from __future__ import annotations

import io
import json
import threading

from hardware.diagnostics import test_device as run_device_test
from hardware.transport import PortSettings


class StderrWatch(io.StringIO):
    """stderr that lets a fake device start talking once the port is open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened = threading.Event()

    def write(self, text: str) -> int:
        if text.startswith("opened "):
            self.opened.set()
        return super().write(text)


def talks_once_opened(peer, data: bytes) -> StderrWatch:  # noqa: ANN001
    """The stderr for `run`: the device end writes `data` once the port is open."""
    err = StderrWatch()

    def device() -> None:
        err.opened.wait(5)
        peer.write(data)

    threading.Thread(target=device, daemon=True).start()
    return err


def run(port: str, device_type: str, **kw) -> tuple[int, list[dict], str]:
    out, err = io.StringIO(), kw.pop("err", None) or StderrWatch()
    code = run_device_test(PortSettings(port=port), device_type, out=out, err=err, **kw)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_mtsics_sends_s_after_s_and_prints_each_reading(pty_peer, scripted):
    device = scripted({b"S": [b"S S     100.00 g\r\n", b"S +\r\n", b"S -\r\n"]})
    code, lines, _ = run(pty_peer.path, "scale", protocol="mt-sics", count=3, seconds=10)
    assert code == 0 and device.requests == [b"S", b"S", b"S"]
    assert lines == [
        {
            "value": "100.00",
            "unit": "g",
            "stable": True,
            "status": "ok",
            "reason": None,
            "raw": "S S     100.00 g",
        },
        {
            "value": None,
            "unit": "",
            "stable": False,
            "status": "overload",
            "reason": "Overload: the load is above the balance's capacity",
            "raw": "S +",
        },
        {
            "value": None,
            "unit": "",
            "stable": False,
            "status": "underload",
            "reason": "Underload: the pan is missing or the load is below zero range",
            "raw": "S -",
        },
    ]


def test_mtsics_stream_mode_reports_unstable(pty_peer, scripted):
    scripted({b"SIR": [b"S D   12.0 g\r\nS D     -12.34 g\r\nS S     -12.35 g\r\n"]})
    code, lines, _ = run(
        pty_peer.path, "scale", protocol="mt-sics", count=2, seconds=10, mode="stream"
    )
    assert code == 0
    assert [(x["value"], x["stable"], x["status"]) for x in lines] == [
        ("-12.34", False, "ok"),
        ("-12.35", True, "ok"),
    ]


def test_sbi_polls_with_esc_p_when_nothing_streams(pty_peer, scripted):
    scripted({b"\x1bP": [b"+   123.56     \r\n", b"-     0.50 g  \r\n", b"    High      \r\n"]})
    code, lines, err = run(pty_peer.path, "scale", protocol="sbi", count=3, seconds=10, listen=0.2)
    assert code == 0 and "polling" in err
    assert [(x["value"], x["unit"], x["stable"], x["status"]) for x in lines] == [
        ("123.56", "", False, "ok"),
        ("-0.50", "g", True, "ok"),
        (None, "", False, "overload"),
    ]


def test_sbi_reads_a_stream_dropping_its_first_line(pty_peer):
    err = talks_once_opened(pty_peer, b"  3.00 g  \r\n+     1.00 g  \r\nN     +     2.00 g  \r\n")
    code, lines, _ = run(pty_peer.path, "scale", protocol="sbi", count=2, seconds=10, err=err)
    assert code == 0 and [x["value"] for x in lines] == ["1.00", "2.00"]


def test_and_polls_with_q(pty_peer, scripted):
    device = scripted(
        {b"Q": [b"US,+00010.20  g\r\n", b"ST,+00010.25  g\r\n", b"OL,+9999999E+19\r\n"]}
    )
    code, lines, _ = run(pty_peer.path, "scale", protocol="and", count=3, seconds=10, mode="poll")
    assert code == 0 and device.requests == [b"Q", b"Q", b"Q"]
    assert [(x["value"], x["stable"], x["status"]) for x in lines] == [
        ("10.20", False, "ok"),
        ("10.25", True, "ok"),
        (None, False, "overload"),
    ]


def test_scanner_lines_including_a_bad_gs1_check_digit(pty_peer):
    err = talks_once_opened(
        pty_peer, b"]d2010590123412345710LOT42\x1d21SN7\r]d20105901234123458\rLOT-2025-0001\r"
    )
    code, lines, _ = run(pty_peer.path, "scanner", count=3, seconds=10, err=err)
    assert code == 0
    assert [{k: x[k] for k in ("code", "symbology", "kind", "gs1", "error")} for x in lines] == [
        {
            "code": "010590123412345710LOT42\x1d21SN7",
            "symbology": "]d2",
            "kind": "gs1",
            "gs1": {"01": "05901234123457", "10": "LOT42", "21": "SN7"},
            "error": None,
        },
        {
            "code": "0105901234123458",
            "symbology": "]d2",
            "kind": "gs1",
            "gs1": {"01": "05901234123458"},
            "error": "GTIN check digit is wrong: expected 7, got 8",
        },
        {"code": "LOT-2025-0001", "symbology": None, "kind": "lot", "gs1": None, "error": None},
    ]


def test_unknown_port_exits_2_with_one_line():
    code, lines, err = run("/dev/no-such-port", "scale", count=1, seconds=1)
    assert code == 2 and lines == []
    assert err.splitlines() == ["error: Cannot open /dev/no-such-port: No such file or directory"]


def test_too_few_items_in_time_exits_1(pty_peer, scripted):
    scripted({})
    code, lines, _ = run(pty_peer.path, "scale", protocol="mt-sics", count=1, seconds=0.3)
    assert code == 1 and lines == []
