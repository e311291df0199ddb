"""The demo plant's users, one per role, documented in the README and shown on the demo sign-in.

Never created in a plant database: only the demo seeding calls this.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.domain.roles import Permission, Role
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.user_accounts import _new_user
from desktop.storage.database import Database
from desktop.storage.models.security import User


@dataclass(frozen=True)
class DemoUser:
    username: str
    display_name: str
    role: Role
    password: str
    badge: str
    pin: str


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser(
        "operator", "Camille Operator", Role.OPERATOR, "demo-operator", "BADGE-900001", "1111"
    ),
    DemoUser(
        "supervisor", "Sam Supervisor", Role.SUPERVISOR, "demo-supervisor", "BADGE-900002", "2222"
    ),
    DemoUser("qa", "Quinn Quality", Role.QA, "demo-quality", "BADGE-900003", "3333"),
    DemoUser("hr", "Harper HR", Role.HR, "demo-hr-1234", "BADGE-900004", "4444"),
    DemoUser("admin", "Alex Admin", Role.ADMIN, "demo-admin", "BADGE-900005", "5555"),
)


def seed_users(database: Database, actor: Actor) -> str:
    actor.require(Permission.MANAGE_USERS)
    made = 0
    with database.unit_of_work() as session:
        known = set(session.scalars(select(User.username)))
        for user in DEMO_USERS:
            if user.username in known:
                continue
            _new_user(
                session,
                user.username,
                user.display_name,
                user.role,
                user.badge,
                user.password,
                user.pin,
            )
            made += 1
        audit.record_bulk(session, actor, "seed-demo", "user", {"users": made})
    return f"{made} demo users"
