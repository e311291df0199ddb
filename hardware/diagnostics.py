"""Commissioning a station: ``devices list`` and ``devices test``.

``devices test`` opens the port first thing (pyserial discards bytes already waiting when it
opens), then prints one JSON object per line for each reading or scan and nothing else on
stdout; status and errors go to stderr. MT-SICS is request/reply: it sends ``S`` one after
another, as fast as the balance answers. SBI and A&D first listen for a stream (autoprint);
if no line arrives within ``listen`` seconds they poll with ``ESC P`` / ``Q`` instead.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

from hardware.codecs.reading import Reading
from hardware.codecs.scanner import Scan
from hardware.transport import DeviceState, DeviceStatus, PortSettings, Transport, TransportError

EXIT_OK = 0
EXIT_SHORT = 1
EXIT_BAD_INPUT = 2


def reading_json(reading: Reading) -> dict[str, Any]:
    """The JSON object of one reading: value (decimal string or null), unit, stable, status."""
    return {
        "value": None if reading.value is None else str(reading.value),
        "unit": reading.unit,
        "stable": reading.stable,
        "status": reading.status.value,
        "reason": None if reading.reason is None else str(reading.reason),
        "raw": reading.raw.decode("latin-1"),
    }


def scan_json(scan: Scan) -> dict[str, Any]:
    """The JSON object of one scan: code, symbology, kind, gs1 (AI -> value) and error."""
    return {
        "code": scan.code,
        "symbology": scan.symbology,
        "kind": scan.kind,
        "gs1": scan.gs1,
        "fields": dict(scan.fields),
        "error": None if scan.error is None else str(scan.error),
        "raw": scan.raw,
    }


class _Output:
    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out, self.err = out, err
        self.count = 0

    def item(self, data: dict[str, Any]) -> None:
        self.out.write(json.dumps(data) + "\n")
        self.out.flush()
        self.count += 1

    def note(self, text: str) -> None:
        self.err.write(text + "\n")
        self.err.flush()


def test_device(
    settings: PortSettings,
    device_type: str,
    protocol: str = "mt-sics",
    count: int | None = None,
    seconds: float | None = None,
    mode: str = "auto",
    listen: float = 1.5,
    prefix: bytes = b"",
    suffix: bytes = b"\r",
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run ``devices test``; exit code 0 done, 1 fewer items than asked, 2 bad input."""
    output = _Output(out or sys.stdout, err or sys.stderr)
    last: list[DeviceStatus] = []

    def on_status(status: DeviceStatus) -> None:
        if status.state is DeviceState.CLOSED:
            return
        if last and last[-1].state == status.state and status.attempt > 1:
            return  # one line per state change, not one per retry
        last.append(status)
        output.note(f"status: {status}")

    transport = Transport(settings, on_status=None)
    try:
        transport.open()
    except TransportError as exc:
        output.note(f"error: {exc.reason}")
        return EXIT_BAD_INPUT
    transport._on_status = on_status  # report reconnects from now on
    output.note(f"opened {settings.describe()}")
    deadline = None if seconds is None else time.monotonic() + seconds

    def remaining() -> float:
        return 3600.0 if deadline is None else deadline - time.monotonic()

    def done() -> bool:
        return (count is not None and output.count >= count) or remaining() <= 0

    try:
        if device_type == "scanner":
            _test_scanner(transport, prefix, suffix, output, done, remaining)
        else:
            _test_scale(transport, protocol, mode, listen, output, done, remaining)
    except KeyboardInterrupt:
        pass
    finally:
        transport.close()
    if count is not None and output.count < count:
        output.note(f"only {output.count} of {count} in {seconds} s")
        return EXIT_SHORT
    return EXIT_OK


def _test_scanner(transport, prefix, suffix, output, done, remaining) -> None:  # noqa: ANN001
    from hardware.devices.scanner import Scanner

    scanner = Scanner(transport, prefix=prefix, suffix=suffix)
    while not done():
        scan = scanner.next_scan(min(0.25, max(0.0, remaining())))
        if scan is not None:
            output.item(scan_json(scan))


def _test_scale(transport, protocol, mode, listen, output, done, remaining) -> None:  # noqa: ANN001
    from hardware.devices.balance import DeviceTimeout, make_balance

    balance = make_balance(protocol, transport)

    def poll(ask: Callable[..., Reading], longest: float) -> None:
        """Ask for one weight at a time until done; a request without reply is a warning."""
        while not done():
            try:
                reading = ask(timeout=max(0.05, min(longest, remaining())))
            except DeviceTimeout as exc:
                output.note(f"warning: {exc.reason}")
                continue
            output.item(reading_json(reading))

    if protocol == "mt-sics" and mode != "stream":
        poll(balance.stable_weight, 10.0)
        return
    polling = mode == "poll"
    if not polling:
        balance.start_stream()
        listen_until = time.monotonic() + (listen if mode == "auto" else float("inf"))
        while not done():
            reading = balance.read_stream(min(0.25, max(0.0, remaining())))
            if reading is not None:
                output.item(reading_json(reading))
                listen_until = float("inf")
            elif time.monotonic() >= listen_until:
                output.note("no stream: polling the balance")
                polling = True
                break
    if polling:
        poll(balance.weight_now, 2.0)


def list_devices() -> list[dict[str, Any]]:
    """Ports present now, as dicts: device, description, vid, pid, serial_number..."""
    from hardware.transport import list_ports

    return [p.as_dict() for p in list_ports()]
