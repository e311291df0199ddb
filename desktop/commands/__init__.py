"""Command-line subcommands, each a small module with `register(subparsers)`.

Modules here are cheap to import (no Qt, nothing heavy at module top), so `linedesk --help` and
headless commands start fast; the work is imported inside each handler. A command group open to
other modules (`simulate`, `import`, `report`) calls `register_<group>(subparsers)` on every module
that defines it (`extend_group`), so each part adds its sub-command from its own file.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from desktop.storage.database import Database


def modules_with(hook: str) -> list[ModuleType]:
    """Every module of this package defining `hook`, in name order."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, hook):
            found.append(module)
    return found


def command_group(
    commands: argparse._SubParsersAction, name: str, summary: str, metavar: str = "ACTION"
) -> argparse._SubParsersAction:
    """`linedesk NAME ...`: a group whose sub-commands go in the subparsers returned; one of
    them is required, and the one chosen lands in `args.<name>_command`."""
    parser = commands.add_parser(name, help=summary)
    return parser.add_subparsers(dest=f"{name}_command", metavar=metavar, required=True)


def extend_group(group: argparse._SubParsersAction, hook: str) -> None:
    """Every module of this package defining `hook` adds its sub-commands to `group`, after the
    group's own ones, so `--help` lists those first."""
    for module in modules_with(hook):
        getattr(module, hook)(group)


@contextmanager
def opened(database: Database) -> Iterator[Database]:
    """A command's database, disposed when the command is done, whatever happened: its
    connections closed, so the file is free (Windows keeps an open file locked)."""
    try:
        yield database
    finally:
        database.dispose()
