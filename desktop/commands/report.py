"""`linedesk report ...`: reports printed as a table, JSON or CSV.

This module creates the `report` command group and its `throughput` report; any other module of
desktop.commands may add its own report by defining `register_report(report_commands)`.
"""

from __future__ import annotations

import argparse

from desktop.commands import command_group, extend_group, opened
from desktop.commands.output import FORMATS, dumps, print_rows

COLUMNS = ["station", "line", "units", "ng", "fpy", "oee", "downtime_minutes"]


def register(commands: argparse._SubParsersAction) -> None:
    report_commands = command_group(commands, "report", "reports: throughput, shifts...", "WHAT")
    throughput = report_commands.add_parser(
        "throughput",
        help="units, NG, FPY, OEE and downtime per station and line",
        description="Units, NG, first-pass yield, OEE and downtime per station and per line. "
        "Default window: the current shift up to now. Times without a zone are plant time. "
        "A line's units are its last station's; its FPY is the product of its stations'.",
    )
    throughput.add_argument("--from", dest="start", metavar="T", help="window start")
    throughput.add_argument("--to", dest="end", metavar="T", help="window end (default: now)")
    throughput.add_argument("--line", metavar="LINE", help="only this line")
    throughput.add_argument("--format", choices=FORMATS, default="table")
    throughput.set_defaults(handler=_throughput)
    extend_group(report_commands, "register_report")


def _throughput(args: argparse.Namespace) -> int:
    from desktop.domain.plant_time import parse_datetime, utc_now
    from desktop.services.production.figures import throughput
    from desktop.services.production.live import shift_to_show
    from desktop.services.shifts import plant_zone

    with opened(args.context.open_database()) as database:
        with database.reading() as session:
            tz = plant_zone(session)
            now = utc_now()
            end = parse_datetime(args.end, tz) if args.end else now
            if args.start:
                start = parse_datetime(args.start, tz)
            else:
                start = shift_to_show(session, min(end, now) - _tick()).start
            line = args.line.strip().upper() if args.line else None
            report = throughput(session, start, end, line, now=max(end, now))
    if args.format == "json":
        print(dumps(report.as_json()))
        return 0
    data = report.as_json()
    station_rows = data["stations"]
    line_rows = [{**row, "station": ""} for row in data["lines"]]
    if args.format == "csv":
        print_rows(station_rows + line_rows, COLUMNS, "csv")
        return 0
    print(f"from {data['from']} to {data['to']}")
    print_rows(station_rows, COLUMNS, "table")
    print()
    print_rows(
        data["lines"],
        ["line", "units", "ng", "fpy", "oee", "downtime_minutes", "bottleneck"],
        "table",
    )
    return 0


def _tick():  # noqa: ANN202
    from datetime import timedelta

    return timedelta(microseconds=1)
