"""What the running application holds and every page is given: the database, the workstation
config, the operations kernel, the devices and the acting user.

A QObject (QtCore only) so pages can follow sign-in and sign-out by signal.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.acquisition import StationDevices
from desktop.config import WorkstationConfig
from desktop.domain.messages import QT_TRANSLATE_NOOP, PermissionDenied
from desktop.domain.roles import Permission, allowed
from desktop.operations import Operations
from desktop.services.actor import Actor
from desktop.storage.database import Database
from desktop.tasks import Ops


class AppContext(QObject):
    actor_changed = Signal(object)

    def __init__(
        self,
        database: Database,
        config: WorkstationConfig,
        actor: Actor | None,
        *,
        demo: bool = False,
        devices: StationDevices | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.config = config
        self._actor = actor
        self.operations = Operations(database)
        self.ops = Ops(self.operations, lambda: self._actor, self)
        self.demo = demo
        self.devices = devices
        self.simulators: Any = None

    @property
    def actor(self) -> Actor | None:
        """The signed-in user, None while the sign-in screen shows."""
        return self._actor

    def current_actor(self) -> Actor:
        """For services, which ask at each call, so a user switch applies at once."""
        if self._actor is None:
            raise PermissionDenied(QT_TRANSLATE_NOOP("Messages", "Nobody is signed in"))
        return self._actor

    def close(self) -> None:
        """Finish the queued writes and stop the kernel's threads (at exit)."""
        self.ops.wait()
        self.operations.shutdown(wait=True)

    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor
        self.actor_changed.emit(actor)

    def may(self, permission: Permission) -> bool:
        """For the UI, which shows only what the user may do (the services enforce it)."""
        return self._actor is not None and allowed(self._actor.role, permission)

    @property
    def station(self) -> str | None:
        stations = self.config.stations
        return stations[0] if stations else None
