"""`linedesk trace backward|forward ID`: everything an item was made from, or made from it."""

from __future__ import annotations

import argparse
import sys

from desktop.commands import opened
from desktop.commands.output import FORMATS, dumps, print_rows


def register(commands: argparse._SubParsersAction) -> None:
    trace = commands.add_parser(
        "trace", help="lot genealogy: what an item was made from, or what was made from it"
    )
    trace.add_argument("direction", choices=("backward", "forward"))
    trace.add_argument("id", metavar="ID", help="lot or serial number")
    trace.add_argument("--format", choices=FORMATS, default="table")
    trace.set_defaults(handler=_trace)


def _trace(args: argparse.Namespace) -> int:
    from desktop.services.actor import Actor
    from desktop.services.genealogy import trace

    with opened(args.context.open_database()) as database, database.reading() as session:
        result = trace(session, Actor.system(), args.id, args.direction)
    if args.format == "json":
        sys.stdout.write(dumps(result.as_json()) + "\n")
        return 0
    via: dict[str, str] = {}
    for link in result.links:
        near = link.child if result.direction.value == "backward" else link.parent
        far = link.parent if result.direction.value == "backward" else link.child
        via.setdefault(far, near)
    rows = [
        {
            "depth": node.depth,
            "id": node.id,
            "kind": node.kind,
            "material": node.material,
            "status": node.status,
            "via": via.get(node.id, ""),
        }
        for node in result.nodes
    ]
    print_rows(rows, ["depth", "id", "kind", "material", "status", "via"], args.format)
    return 0
