"""Command-line front of the simulators (``linedesk simulate ...``, ``python -m hardware.sim``).

The first line on stdout is the device path (or ``socket://127.0.0.1:PORT``), flushed at once,
so a script or a person can start a client on it. Then stdin drives the device: for a scale a
number puts that many grams on the pan, ``+``/``-`` overload/underload; for a scanner each
line is sent as a scan (``<GS>`` stands for the GS separator).
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hardware.sim.running import DeviceSimulator


class _UsageError(Exception):
    pass


def _non_negative(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0 or value != value:
        raise argparse.ArgumentTypeError(f"must be zero or more, got {text}")
    return value


def _tcp_port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a TCP port number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"TCP port must be 0-65535, got {value}")
    return value


def add_scale_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--protocol", choices=("mt-sics", "sbi", "and"), default="mt-sics")
    parser.add_argument(
        "--tcp",
        type=_tcp_port,
        metavar="PORT",
        help="serve on 127.0.0.1:PORT (0: any free port) instead of a pty",
    )
    parser.add_argument(
        "--noise",
        type=_non_negative,
        default=0.0,
        metavar="G",
        help="Gaussian noise, standard deviation in grams (default 0)",
    )
    parser.add_argument(
        "--settle",
        type=_non_negative,
        default=0.0,
        metavar="SECONDS",
        help="time a new weight takes to settle, unstable meanwhile",
    )
    parser.add_argument("--weight", default="0", metavar="G", help="weight on the pan at start")
    parser.add_argument(
        "--rate",
        type=_non_negative,
        default=10.0,
        metavar="N",
        help="stream lines per second (SIR, SBI/A&D autoprint)",
    )
    parser.add_argument(
        "--no-stream", action="store_true", help="SBI/A&D: answer ESC P / Q only, do not stream"
    )


def add_scanner_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--file", metavar="CODES", help="send each line of this file")
    parser.add_argument(
        "--tcp",
        type=_tcp_port,
        metavar="PORT",
        help="serve on 127.0.0.1:PORT (0: any free port) instead of a pty",
    )
    parser.add_argument("--prefix", default="", help="prefix before each code (default none)")
    parser.add_argument("--suffix", default="CR", help="CR (default), LF, CRLF, TAB or text")
    parser.add_argument(
        "--interval",
        type=_non_negative,
        default=1.0,
        metavar="SECONDS",
        help="pause before each line of --file (default 1)",
    )


def _endpoint(tcp: int | None):  # noqa: ANN202 - Endpoint, imported lazily
    from hardware.sim.endpoints import open_endpoint

    try:
        return open_endpoint(tcp)
    except OSError as exc:
        where = f"TCP port {tcp}" if tcp is not None else "a pseudo-terminal"
        raise _UsageError(f"cannot open {where}: {exc.strerror or exc}") from exc


def _announce(path: str) -> None:
    sys.stdout.write(path + "\n")
    sys.stdout.flush()


def _serve(sim: DeviceSimulator, typed: Callable[[str], None]) -> int:
    """Hand each line typed on stdin to ``typed``, then keep serving until interrupted; the
    simulator stops on the way out."""
    try:
        for line in sys.stdin:
            typed(line)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0


def run_scale(args: argparse.Namespace) -> int:
    """``simulate scale``: serve a balance until interrupted."""
    from hardware.sim.scale import ScaleModel, ScaleSimulator

    try:
        weight = Decimal(str(args.weight))
        if not weight.is_finite():
            raise InvalidOperation
        endpoint = _endpoint(args.tcp)
    except InvalidOperation:
        print(f"error: --weight must be a number of grams, got {args.weight!r}", file=sys.stderr)
        return 2
    except _UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    model = ScaleModel(weight, noise=args.noise, settle=args.settle)
    stream = False if args.no_stream else None
    sim = ScaleSimulator(endpoint, args.protocol, model, stream=stream, rate=args.rate or 10.0)
    sim.start()
    _announce(sim.path)

    def typed(line: str) -> None:
        text = line.strip()
        if not text:
            return
        if text in ("+", "-"):
            model.force(text)
            return
        try:
            value = Decimal(text.replace(",", "."))
            if not value.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            print(f"not a weight: {text!r} (type grams, + or -)", file=sys.stderr)
            return
        model.put(value)

    return _serve(sim, typed)


def run_scanner(args: argparse.Namespace) -> int:
    """``simulate scanner``: send scans from stdin (and ``--file``) until interrupted."""
    from hardware.codecs.scanner import affix
    from hardware.sim.endpoints import TcpEndpoint
    from hardware.sim.scanner import ScannerSimulator, expand

    codes: list[str] = []
    if args.file:
        try:
            with open(args.file, encoding="utf-8") as handle:
                codes = [line.rstrip("\r\n") for line in handle if line.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            print(f"error: cannot read {args.file}: {exc}", file=sys.stderr)
            return 2
    try:
        endpoint = _endpoint(args.tcp)
    except _UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sim = ScannerSimulator(endpoint, affix(args.prefix), affix(args.suffix) or b"\r").start()
    _announce(sim.path)

    def feed_file() -> None:
        if isinstance(endpoint, TcpEndpoint):
            endpoint.connected.wait()
        for code in codes:
            time.sleep(args.interval)
            sim.send(expand(code))

    if codes:
        threading.Thread(target=feed_file, daemon=True).start()

    def typed(line: str) -> None:
        text = line.rstrip("\r\n")
        if text:
            sim.send(expand(text))

    return _serve(sim, typed)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m hardware.sim", description=__doc__)
    sub = parser.add_subparsers(dest="device", required=True)
    scale = sub.add_parser("scale", help="a balance (MT-SICS, SBI or A&D)")
    add_scale_arguments(scale)
    scale.set_defaults(handler=run_scale)
    scanner = sub.add_parser("scanner", help="a serial barcode scanner")
    add_scanner_arguments(scanner)
    scanner.set_defaults(handler=run_scanner)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))
