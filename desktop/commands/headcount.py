"""`linedesk headcount [--at DATE] [--format table|json] [--xlsx FILE]`: the exact headcount of a
day against the staffing target, by department, contract and crew (codes as keys)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands import opened
from desktop.commands.output import dumps, print_rows


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "headcount", help="headcount of a day against the staffing target, with breakdowns"
    )
    parser.add_argument("--at", metavar="DATE", help="the day (YYYY-MM-DD); default today")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--xlsx",
        type=Path,
        metavar="FILE",
        help="also write the headcount tables and the skills matrix to an Excel workbook",
    )
    parser.set_defaults(handler=_headcount)


def _headcount(args: argparse.Namespace) -> int:
    from desktop.domain.plant_time import parse_date
    from desktop.services.actor import Actor
    from desktop.services.headcount import headcount_at
    from desktop.services.people_export import export_xlsx

    day = parse_date(args.at) if args.at else None
    actor = Actor.system()
    with opened(args.context.open_database()) as database:
        with database.reading() as session:
            snapshot = headcount_at(session, actor, day)
        if args.xlsx is not None:
            export_xlsx(database, actor, args.xlsx, snapshot.date)
    if args.format == "json":
        sys.stdout.write(dumps(snapshot.as_json()) + "\n")
        return 0
    out = sys.stdout
    out.write(
        f"headcount on {snapshot.date.isoformat()}: {snapshot.headcount} "
        f"(target {snapshot.target}, gap {snapshot.target - snapshot.headcount}; "
        f"open requisitions {snapshot.open_requisitions})\n\n"
    )
    for title, counts in (
        ("department", snapshot.by_department),
        ("contract", snapshot.by_contract),
        ("crew", snapshot.by_crew),
    ):
        print_rows(
            [{title: key, "headcount": value} for key, value in counts.items()],
            [title, "headcount"],
            "table",
        )
        out.write("\n")
    return 0
