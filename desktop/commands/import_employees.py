"""`linedesk import employees FILE.csv [--effective DATE]`: an HR export, all or nothing.

Columns `badge,name,department,job,contract,hire_date,end_date,crew` (UTF-8 with or without BOM,
`,` or `;`). A bad file prints every bad line (`FILE: line N: reason`, the header being line 1)
on stderr, exits 2 and imports nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands import opened

EXIT_BAD_INPUT = 2


def register_import(import_commands: argparse._SubParsersAction) -> None:
    parser = import_commands.add_parser(
        "employees", help="employees from an HR file (CSV), all or nothing"
    )
    parser.add_argument("file", type=Path, metavar="FILE.csv")
    parser.add_argument(
        "--effective",
        metavar="DATE",
        help="day from which changed departments, jobs, contracts and crews apply "
        "(YYYY-MM-DD; default today)",
    )
    parser.set_defaults(handler=_import_employees)


def _import_employees(args: argparse.Namespace) -> int:
    from desktop.domain.people import FileRefused
    from desktop.domain.plant_time import parse_date
    from desktop.services.actor import Actor
    from desktop.services.csv_files import file_bytes
    from desktop.services.people_import import import_employees

    effective = parse_date(args.effective) if args.effective else None
    data = file_bytes(args.file)
    try:
        with opened(args.context.open_database()) as database, database.unit_of_work() as session:
            report = import_employees(session, Actor.system(), data, str(args.file), effective)
    except FileRefused as refused:
        for error in refused.errors:
            print(f"linedesk: {args.file}: {error.render()}", file=sys.stderr)
        if refused.more:
            print(f"linedesk: {args.file}: {refused.more} more bad lines", file=sys.stderr)
        print(
            f"linedesk: {args.file}: {len(refused.errors) + refused.more} bad lines; "
            "nothing imported",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    print(
        f"{args.file}: {report.lines} lines; {report.created} hired, {report.changed} changed "
        f"(effective {report.effective.isoformat()}), {report.unchanged} unchanged"
    )
    return 0
