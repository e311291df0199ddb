"""`linedesk audit verify|list`: the audit trail's hash chain, and its rows."""

from __future__ import annotations

import argparse
import sys

from desktop.commands import command_group, opened
from desktop.commands.output import FORMATS, print_rows


def register(commands: argparse._SubParsersAction) -> None:
    sub = command_group(commands, "audit", "the audit trail")
    verify = sub.add_parser("verify", help="check the hash chain; exit 1 naming the first bad row")
    verify.set_defaults(handler=_verify)
    listing = sub.add_parser("list", help="rows of the trail, newest first")
    listing.add_argument("--user", help="only this user name")
    listing.add_argument("--object", help="only this object type (station, user, item...)")
    listing.add_argument("--id", dest="object_id", help="only this object id")
    listing.add_argument("--from", dest="since", metavar="T", help="from this time (plant time)")
    listing.add_argument("--to", dest="until", metavar="T", help="until this time (plant time)")
    listing.add_argument("--limit", type=int, default=200)
    listing.add_argument("--format", choices=FORMATS, default="table")
    listing.set_defaults(handler=_list)


def _verify(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from desktop.services.audit import verify
    from desktop.storage.models.security import AuditEntry

    with opened(args.context.open_database(create=False)) as database:
        with database.reading() as session:
            problem = verify(session)
            rows = session.scalar(select(func.count()).select_from(AuditEntry))
    if problem is not None:
        print(f"audit trail broken at row {problem.row_id}: {problem.reason}", file=sys.stderr)
        return 1
    print(f"audit trail intact: {rows} rows, hash chain verified")
    return 0


def _list(args: argparse.Namespace) -> int:
    from desktop.domain.plant_time import parse_datetime, to_plant, zone
    from desktop.services.actor import Actor
    from desktop.services.audit import AuditFilter, search
    from desktop.services.plant import site_info

    with opened(args.context.open_database()) as database:
        with database.reading() as session:
            tz = zone(site_info(session).time_zone)
            wanted = AuditFilter(
                username=args.user,
                object_type=args.object,
                object_id=args.object_id,
                since=parse_datetime(args.since, tz) if args.since else None,
                until=parse_datetime(args.until, tz) if args.until else None,
                limit=args.limit,
            )
            rows = search(session, Actor.system(), wanted)
    print_rows(
        [
            {**row.__dict__, "at": to_plant(row.at, tz).isoformat(timespec="seconds")}
            for row in rows
        ],
        [
            "id",
            "at",
            "username",
            "station",
            "action",
            "object_type",
            "object_id",
            "changes",
            "reason",
            "signature_meaning",
        ],
        args.format,
    )
    return 0
