"""A signed-in person for the People tests, stored straight as a row: no password nor PIN to
hash (the user accounts have tests of their own), linked to an employee when given one."""

from __future__ import annotations

from typing import Any

from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Role
from desktop.services.actor import Actor
from desktop.storage.models.security import User


def add_user(
    database: Any,
    username: str,
    role: Role,
    employee_id: int | None = None,
    station: str | None = None,
    display_name: str | None = None,
) -> Actor:
    """The user's row, committed, and the actor acting as them at `station`."""
    with database.unit_of_work() as session:
        user = User(
            username=username,
            display_name=display_name or username,
            role=role.value,
            employee_id=employee_id,
            active=True,
            failed_attempts=0,
            created_at=utc_now(),
        )
        session.add(user)
        session.flush()
        return Actor(username, role, station, user.id)
