"""Who is acting: every service takes one, checks it, and records it."""

from __future__ import annotations

import getpass
import socket
from dataclasses import dataclass

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, PermissionDenied
from desktop.domain.roles import ROLE_NAMES, Permission, Role, allowed


class RoleRefused(PermissionDenied):
    """The acting user's role does not allow this action (the permission matrix said no)."""


@dataclass(frozen=True)
class Actor:
    """The signed-in user (or the system user of the command line) and where they act from."""

    username: str
    role: Role
    station: str | None = None
    user_id: int | None = None
    is_system: bool = False
    display_name: str = ""
    employee_id: int | None = None
    override_by: str | None = None
    """The supervisor who let this operator work here without a valid certification."""

    @property
    def name(self) -> str:
        """How the status bar and the station page call this person."""
        return self.display_name or self.username

    @classmethod
    def system(cls) -> Actor:
        """The command line acts as the operating-system account, with admin rights.

        Whoever runs commands on the PC can open the database file anyway; in plant-wide mode the
        PostgreSQL credentials guard it. The audit trail records the account and host.
        """
        try:
            account = getpass.getuser()
        except (KeyError, OSError):
            account = "unknown"
        return cls(
            username=f"system:{account}",
            role=Role.ADMIN,
            station=socket.gethostname(),
            is_system=True,
        )

    def require(self, permission: Permission) -> None:
        if not allowed(self.role, permission):
            raise RoleRefused(
                QT_TRANSLATE_NOOP("Messages", "A {role} may not do this: {permission}"),
                role=Message(ROLE_NAMES[self.role]),
                permission=permission.value,
            )
