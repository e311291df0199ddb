"""`linedesk users list|add|set`: user accounts, from the command line (as the system user)."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from desktop.commands import command_group, opened
from desktop.commands.output import FORMATS, print_rows

T = TypeVar("T")


def register(commands: argparse._SubParsersAction) -> None:
    sub = command_group(commands, "users", "user accounts and sign-in")
    listing = sub.add_parser("list", help="every user with role, badge and state")
    listing.add_argument("--format", choices=FORMATS, default="table")
    listing.set_defaults(handler=_list)
    add = sub.add_parser("add", help="add a user; asks for the password and PIN")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="full name")
    add.add_argument(
        "--role", required=True, choices=["operator", "supervisor", "qa", "hr", "admin"]
    )
    add.add_argument("--badge", help="badge number (for sign-in by badge + PIN at stations)")
    add.add_argument("--no-password", action="store_true", help="badge + PIN only")
    add.set_defaults(handler=_add)
    change = sub.add_parser("set", help="change a user's role, state, password or PIN")
    change.add_argument("username")
    change.add_argument("--role", choices=["operator", "supervisor", "qa", "hr", "admin"])
    change.add_argument("--active", choices=["yes", "no"])
    change.add_argument("--password", action="store_true", help="ask for a new password")
    change.add_argument("--pin", action="store_true", help="ask for a new PIN")
    change.add_argument("--reason", help="why (kept in the audit trail)")
    change.set_defaults(handler=_set)


def _ask(prompt: str) -> str:
    """A secret from the terminal, typed twice; from stdin when it is not a terminal."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(f"{prompt}: ")
    if getpass.getpass(f"{prompt} again: ") != first:
        from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError

        raise InputError(QT_TRANSLATE_NOOP("Messages", "The two entries differ"))
    return first


def _list(args: argparse.Namespace) -> int:
    from desktop.services.actor import Actor
    from desktop.services.user_accounts import list_users

    with opened(args.context.open_database()) as database, database.reading() as session:
        rows = [u.__dict__ for u in list_users(session, Actor.system())]
    print_rows(
        rows,
        [
            "username",
            "display_name",
            "role",
            "badge",
            "active",
            "locked_until",
            "has_password",
            "has_pin",
        ],
        args.format,
    )
    return 0


def _as_system(
    args: argparse.Namespace, change: Callable[..., T], *values: Any, **fields: Any
) -> T:
    """`change(session, system actor, username, ...)` in one unit of work: how `add` and `set`
    change the account named on the command line."""
    from desktop.services.actor import Actor

    with opened(args.context.open_database()) as database, database.unit_of_work() as session:
        return change(session, Actor.system(), args.username, *values, **fields)


def _add(args: argparse.Namespace) -> int:
    from desktop.services.user_accounts import create_user

    password = None if args.no_password else _ask("Password")
    pin = _ask("PIN") if args.badge else None
    user = _as_system(
        args, create_user, args.name, args.role, badge=args.badge, password=password, pin=pin
    )
    print(f"user {user.username} added ({user.role})")
    return 0


def _set(args: argparse.Namespace) -> int:
    from desktop.services.user_accounts import update_user

    password = _ask("New password") if args.password else None
    pin = _ask("New PIN") if args.pin else None
    active = None if args.active is None else args.active == "yes"
    user = _as_system(
        args,
        update_user,
        role=args.role,
        active=active,
        password=password,
        pin=pin,
        reason=args.reason,
    )
    print(f"user {user.username} updated")
    return 0
