"""The `linedesk` command line, one of the two composition roots.

`linedesk [--config FILE] [--database URL] COMMAND ...`. Headless commands never import Qt, so they
start in well under a second; the GUI commands import `desktop.app` (and with it Qt) lazily. Bad
input prints one line to stderr and exits 2, with no traceback and nothing written.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.commands import modules_with
from desktop.domain.messages import LinedeskError

if TYPE_CHECKING:
    from desktop.config import WorkstationConfig
    from desktop.services.database import Database

EXIT_BAD_INPUT = 2


@dataclass
class Context:
    """What every command needs, resolved lazily from the global options."""

    config_file: Path | None
    database_option: str | None
    _config: WorkstationConfig | None = field(default=None, init=False)

    @property
    def config(self) -> WorkstationConfig:
        if self._config is None:
            from desktop import config, paths

            if self.config_file is not None:
                self._config = config.load(self.config_file)
            elif paths.default_config_file().exists():
                self._config = config.load(paths.default_config_file())
            else:
                self._config = config.defaults()
        return self._config

    def database_url(self) -> str:
        """First found wins: --database, LINEDESK_DATABASE_URL, the config file, the default."""
        from desktop import paths

        if self.database_option:
            return self.database_option
        if os.environ.get("LINEDESK_DATABASE_URL"):
            return os.environ["LINEDESK_DATABASE_URL"]
        if self.config.database_url:
            return self.config.database_url
        return paths.sqlite_url(paths.plant_database_file())

    def demo_database_url(self) -> str:
        """The demo plant's own file, unless --database names another database explicitly."""
        from desktop import paths

        return self.database_option or paths.sqlite_url(paths.demo_database_file())

    def open_database(self, url: str | None = None, *, create: bool = True) -> Database:
        from desktop.services.database import open_database

        return open_database(url or self.database_url(), create=create)


def _add_gui_commands(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser("demo", help="start the application on the demo plant")
    demo.add_argument(
        "--no-simulators",
        action="store_true",
        help="do not start the simulated balance and scanner",
    )
    demo.set_defaults(handler=_run_demo)


def _run_demo(args: argparse.Namespace) -> int:
    from desktop.app import run_gui

    return run_gui(args.context, demo=True, simulators=not args.no_simulators)


def _run_plant_gui(args: argparse.Namespace) -> int:
    from desktop.app import run_gui

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
        from desktop.selftest import main as self_test

        return self_test()
    args.context = Context(args.config, args.database)
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
