"""`linedesk devices list|test`: commissioning balances and scanners at a station.

`devices test` prints one JSON object per line per reading or scan and nothing else on
stdout (hardware/diagnostics.py has the rules); bad input prints one line on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import sys

from desktop.commands import command_group


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {text}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    commands = command_group(subparsers, "devices", "list serial ports, test a balance or scanner")

    listing = commands.add_parser("list", help="serial ports with USB vendor/product/serial")
    listing.add_argument("--format", choices=("table", "json", "csv"), default="table")
    listing.set_defaults(handler=run_list)

    test = commands.add_parser(
        "test",
        help="read a balance or scanner and print one JSON object per reading or scan",
        description="Opens the port at once, prints one JSON object per line per reading "
        "or scan on stdout (status and errors on stderr) and exits after --count items or "
        "--seconds. MT-SICS: sends S after S. SBI/A&D: reads the stream, or polls "
        "(ESC P / Q) when nothing streams within 1.5 s.",
    )
    test.add_argument(
        "--port",
        help="COM3, /dev/ttyUSB0, socket://host:port "
        "(default: the device in the workstation config)",
    )
    test.add_argument("--type", dest="device_type", choices=("scale", "scanner"), required=True)
    test.add_argument(
        "--protocol",
        choices=("mt-sics", "sbi", "and"),
        default=None,
        help="balance protocol (default mt-sics, or the configured one)",
    )
    test.add_argument("--baud", type=_positive_int, help="baud rate (default: protocol's)")
    test.add_argument("--bytesize", type=int, choices=(7, 8))
    test.add_argument("--parity", choices=("N", "E", "O"))
    test.add_argument("--stopbits", type=int, choices=(1, 2))
    test.add_argument("--rtscts", action="store_true", default=None, help="RTS/CTS handshake")
    test.add_argument("--xonxoff", action="store_true", default=None, help="XON/XOFF handshake")
    test.add_argument("--count", type=_positive_int, help="stop after N readings or scans")
    test.add_argument("--seconds", type=_positive_float, help="stop after S seconds")
    test.add_argument(
        "--mode",
        choices=("auto", "stream", "poll"),
        default="auto",
        help="balances: listen to the stream, poll, or listen then poll (auto)",
    )
    test.add_argument("--prefix", default=None, help="scanner prefix (default none)")
    test.add_argument("--suffix", default=None, help="scanner suffix: CR (default), LF, CRLF, TAB")
    test.set_defaults(handler=run_test)


def run_list(args: argparse.Namespace) -> int:
    from desktop.commands.output import print_rows
    from hardware.diagnostics import list_devices

    rows = list_devices()
    columns = ["device", "vid", "pid", "serial_number", "description", "manufacturer"]
    print_rows(rows, columns, args.format)
    return 0


def _configured(args: argparse.Namespace) -> object | None:
    context = getattr(args, "context", None)
    if context is None:
        return None
    try:
        return context.config.devices.get(args.device_type)
    except Exception:  # noqa: BLE001 - a broken config is reported by the caller's own path
        return None


def test_settings(args: argparse.Namespace):  # noqa: ANN201 - (PortSettings, protocol, prefix, suffix)
    """Port settings from the options, over the configured device, over protocol defaults."""
    from dataclasses import replace

    from hardware.codecs.scanner import affix
    from hardware.settings import PROTOCOL_DEFAULTS
    from hardware.transport import PortSettings

    configured = _configured(args)
    if args.device_type == "scale":
        protocol = args.protocol or getattr(configured, "protocol", None) or "mt-sics"
        base = PortSettings(**PROTOCOL_DEFAULTS[protocol])
    else:
        protocol = ""
        base = PortSettings()
    if configured is not None and (args.protocol is None or args.protocol == protocol):
        base = configured.port  # type: ignore[attr-defined]
    overrides = {
        key: value
        for key, value in (
            ("baudrate", args.baud),
            ("bytesize", args.bytesize),
            ("parity", args.parity),
            ("stopbits", args.stopbits),
            ("rtscts", args.rtscts),
            ("xonxoff", args.xonxoff),
        )
        if value is not None
    }
    if args.port:
        overrides.update(port=args.port, usb_vid=None, usb_pid=None, usb_serial=None)
    settings = replace(base, silence_timeout=None, **overrides)
    prefix = affix(args.prefix) if args.prefix is not None else getattr(configured, "prefix", b"")
    suffix = affix(args.suffix) if args.suffix is not None else getattr(configured, "suffix", b"\r")
    return settings, protocol, prefix, suffix


def run_test(args: argparse.Namespace) -> int:
    from hardware.diagnostics import test_device

    settings, protocol, prefix, suffix = test_settings(args)
    if not settings.port and not settings.usb_bound:
        print(
            "linedesk: devices test needs --port (no such device in the workstation config)",
            file=sys.stderr,
        )
        return 2
    if not suffix:
        print("linedesk: --suffix must not be empty", file=sys.stderr)
        return 2
    return test_device(
        settings,
        args.device_type,
        protocol=protocol,
        count=args.count,
        seconds=args.seconds,
        mode=args.mode,
        prefix=prefix,
        suffix=suffix,
    )
