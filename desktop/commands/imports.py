"""`linedesk import WHAT`: bulk imports from an ERP or an older MES.

This module owns the `import` command group and its `genealogy` sub-command. Other modules of
desktop.commands add their own sub-commands by defining `register_import(import_commands)`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from desktop.commands import command_group, extend_group, opened


def register(commands: argparse._SubParsersAction) -> None:
    import_commands = command_group(commands, "import", "bulk imports (genealogy, ...)", "WHAT")
    genealogy = import_commands.add_parser(
        "genealogy",
        help="lots and genealogy links from CSV files (all or nothing; again changes nothing)",
        description="LOTS.csv: id,kind,material,quantity,unit,created_at. "
        "LINKS.csv: parent_id,child_id,quantity,unit,linked_at,station. "
        "Separator ',' or ';'; times without offset are plant time.",
    )
    genealogy.add_argument("--lots", type=Path, required=True, metavar="LOTS.csv")
    genealogy.add_argument("--links", type=Path, required=True, metavar="LINKS.csv")
    genealogy.set_defaults(handler=_import_genealogy)
    extend_group(import_commands, "register_import")


class ProgressBar:
    """A progress bar on stderr when it is a terminal (redrawn at most 10 times a second)."""

    def __init__(self, label: str, stream=None) -> None:  # noqa: ANN001 - a text stream
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        share = done / total if total else 1.0
        filled = int(share * 30)
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {share:4.0%}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def _import_genealogy(args: argparse.Namespace) -> int:
    from desktop.services.actor import Actor
    from desktop.services.genealogy_import import import_genealogy

    with opened(args.context.open_database()) as database:
        report = import_genealogy(
            database, Actor.system(), args.lots, args.links, ProgressBar("import genealogy")
        )
    print(
        f"lots: {report.lots_added} added, {report.lots_unchanged} unchanged; "
        f"links: {report.links_added} added, {report.links_unchanged} unchanged "
        f"({report.seconds:.1f} s)"
    )
    return 0
