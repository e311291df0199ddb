"""`linedesk db ...`: create and migrate, check, back up, seed the demo plant."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands import command_group, opened


def register(commands: argparse._SubParsersAction) -> None:
    sub = command_group(commands, "db", "database maintenance")
    sub.add_parser(
        "upgrade", help="create the database or migrate it to this version"
    ).set_defaults(handler=_upgrade)
    sub.add_parser("check", help="integrity and foreign-key checks").set_defaults(handler=_check)
    backup = sub.add_parser("backup", help="copy the live database to FILE (online backup)")
    backup.add_argument("file", type=Path, metavar="FILE")
    backup.set_defaults(handler=_backup)
    restore = sub.add_parser(
        "restore", help="replace the database with a backup (refused while Linedesk runs on it)"
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.set_defaults(handler=_restore)
    seed = sub.add_parser(
        "seed-demo",
        help="fill the demo database (or the one given by --database) with the demo plant",
    )
    seed.set_defaults(handler=_seed_demo)


def _upgrade(args: argparse.Namespace) -> int:
    from desktop.storage import migrate

    with opened(args.context.open_database()) as database:
        revisions = migrate.describe(migrate.current_revisions(database.engine))
        print(f"{database.describe()}: schema at revision {revisions}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from desktop.storage import maintenance

    with opened(args.context.open_database(create=False)) as database:
        problems = maintenance.check(database.engine)
    if problems:
        for problem in problems:
            print(f"problem: {problem}")
        return 1
    print(f"{database.describe()}: database is sound (integrity and foreign keys checked)")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from desktop.storage import maintenance

    with opened(args.context.open_database(create=False)) as database:
        maintenance.backup(database.engine, args.file)
    print(f"backup written to {args.file}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from desktop.services.backups import restore

    kept = restore(args.context.database_url(), args.file)
    print(f"restored {args.file}; the replaced database is kept as {kept}")
    return 0


def _seed_demo(args: argparse.Namespace) -> int:
    from desktop.services.actor import Actor
    from desktop.services.demo import seed_demo

    with opened(args.context.open_database(args.context.demo_database_url())) as database:
        report = seed_demo(database, Actor.system())
    for step, summary in report.steps.items():
        print(f"{step}: {summary}")
    print(f"demo plant ready in {database.describe()} ({report.seconds:.1f} s)", file=sys.stderr)
    return 0
