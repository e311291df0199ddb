"""The `linedesk` command line, the composition root of the program.

`linedesk [--config FILE] [--database URL] COMMAND ...`. Headless commands never import Qt, so they
start in well under a second; the commands that open the window import the GUI's composition root
`ui.main` (and with it Qt) lazily, and `--self-test` imports `ui.selftest` the same way: the only
two places desktop/ reaches ui/. Bad input prints one line to stderr and exits 2, with no
traceback and nothing written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__
from desktop.commands import modules_with
from desktop.domain.messages import LinedeskError
from desktop.launch import Launch

EXIT_BAD_INPUT = 2


def _add_gui_commands(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser("demo", help="start the application on the demo plant")
    demo.add_argument(
        "--no-simulators",
        action="store_true",
        help="do not start the simulated balance and scanner",
    )
    demo.set_defaults(handler=_run_demo)


def _run_demo(args: argparse.Namespace) -> int:
    from ui.main import run_gui

    return run_gui(args.context, demo=True, simulators=not args.no_simulators)


def _run_plant_gui(args: argparse.Namespace) -> int:
    from ui.main import run_gui

    return run_gui(args.context, demo=False, simulators=False)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="linedesk",
        description="Linedesk, the shop-floor application of the cell plant. "
        "Without a command, starts the application on the plant database.",
    )
    parser.add_argument("--version", action="version", version=f"linedesk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (database, Qt plugins, translations, devices) and exit",
    )
    parser.add_argument(
        "--config", type=Path, metavar="FILE", help="workstation config file (TOML)"
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database URL (sqlite:///FILE or postgresql://USER@HOST/DB)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_gui_commands(commands)
    simulate = commands.add_parser("simulate", help="simulated devices and production")
    simulate_commands = simulate.add_subparsers(
        dest="simulate_command", metavar="WHAT", required=True
    )
    for module in modules_with("register"):
        module.register(commands)
    for module in modules_with("register_simulate"):
        module.register_simulate(simulate_commands)
    parser.set_defaults(handler=_run_plant_gui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from ui.selftest import main as self_test

        return self_test()
    args.context = Launch(args.config, args.database)
    try:
        _ = args.context.config  # a wrong config file is reported before anything is written
        return int(args.handler(args))
    except LinedeskError as exc:
        print(f"linedesk: {exc.render()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def entry_point() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
