"""`linedesk simulate scale|scanner`: a balance or scanner without hardware, on a pty or TCP.

The first stdout line is the device path to give to a client; stdin then drives the device
(hardware/sim/cli.py).
"""

from __future__ import annotations

import argparse


def register_simulate(simulate_subparsers: argparse._SubParsersAction) -> None:
    from hardware.sim.cli import add_scale_arguments, add_scanner_arguments

    scale = simulate_subparsers.add_parser(
        "scale",
        help="a simulated balance: MT-SICS, SBI or A&D",
        description="Prints the device path, then reads stdin: a number puts that many grams "
        "on the pan, + overload, - underload.",
    )
    add_scale_arguments(scale)
    scale.set_defaults(handler=_run_scale)
    scanner = simulate_subparsers.add_parser(
        "scanner",
        help="a simulated serial barcode scanner",
        description="Prints the device path, then sends each line typed on stdin (or read "
        "from --file) as a scan; <GS> stands for the GS separator.",
    )
    add_scanner_arguments(scanner)
    scanner.set_defaults(handler=_run_scanner)


def _run_scale(args: argparse.Namespace) -> int:
    from hardware.sim.cli import run_scale

    return run_scale(args)


def _run_scanner(args: argparse.Namespace) -> int:
    from hardware.sim.cli import run_scanner

    return run_scanner(args)
