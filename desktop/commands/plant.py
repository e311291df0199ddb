"""`linedesk plant lines|stations`: the master data, as a table, JSON or CSV."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from desktop.commands import command_group, opened
from desktop.commands.output import FORMATS, print_rows


def register(commands: argparse._SubParsersAction) -> None:
    sub = command_group(commands, "plant", "plant master data", "WHAT")
    lines = sub.add_parser("lines", help="the lines of the plant")
    lines.add_argument("--format", choices=FORMATS, default="table")
    lines.set_defaults(handler=_lines)
    stations = sub.add_parser("stations", help="the stations, by line")
    stations.add_argument("--line", metavar="LINE", help="only this line")
    stations.add_argument("--format", choices=FORMATS, default="table")
    stations.set_defaults(handler=_stations)


def _lines(args: argparse.Namespace) -> int:
    from desktop.services import plant

    with opened(args.context.open_database()) as database, database.reading() as session:
        rows = [asdict(line) for line in plant.list_lines(session)]
    print_rows(rows, ["code", "name", "kind", "active", "station_count"], args.format)
    return 0


def _stations(args: argparse.Namespace) -> int:
    from desktop.services import plant

    with opened(args.context.open_database()) as database, database.reading() as session:
        rows = [asdict(s) for s in plant.list_stations(session, args.line)]
    print_rows(rows, ["code", "name", "line", "station_type", "position", "active"], args.format)
    return 0
