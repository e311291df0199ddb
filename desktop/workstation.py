"""What runs beside the window on this workstation: the device workers and the daily backup.

A QtCore bridge (no widgets): the devices deliver readings by signal (desktop/acquisition.py) and
the backup runs on the operations kernel's long-job lane (desktop/tasks.py), both started by the
GUI's composition root (ui/main.py) once the database is open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer

from desktop import paths
from desktop.context import AppContext
from desktop.services.actor import Actor

log = logging.getLogger(__name__)


def start_devices(context: AppContext, *, simulate: bool) -> list[Callable[[], None]]:
    """The station's device workers from the workstation config; in the demo, the simulated
    balance and scanner (when the config names no devices) and the line simulator, so the
    dashboard moves. Returns what to stop at exit, in start order."""
    from desktop.acquisition import DeviceHub

    stops: list[Callable[[], None]] = []
    sections: dict[str, Any] = dict(context.config.devices)
    if simulate:
        from desktop.demo_devices import DemoDevices
        from desktop.services.line_simulator import start_background

        if not sections:
            context.simulators = DemoDevices()
            sections = context.simulators.device_sections()
            stops.append(context.simulators.stop)
        stops.append(start_background(context.database, speed=1.0).stop)
    if sections:
        hub = DeviceHub(sections)
        hub.start()
        context.devices = hub
        stops.append(hub.stop)
    return stops


def start_daily_backups(context: AppContext, parent: QObject) -> QTimer:
    """One online backup a day into the data folder (checked at start, then every hour)."""
    from desktop.services.backups import daily_backup_job

    def written(made: object) -> None:
        if made:
            log.info("daily backup written: %s", made)

    def failed(exc: BaseException) -> None:
        log.error("daily backup failed: %s", exc)

    def run() -> None:
        # on the long-job lane, by the application itself (it runs whoever is signed in, and
        # while nobody is)
        today = datetime.now().date()
        context.ops.long_as(
            Actor.system(), daily_backup_job, paths.data_dir() / "backups", today
        ).then(written, failed, owner=parent)

    timer = QTimer(parent)
    timer.timeout.connect(run)
    timer.start(3_600_000)
    run()
    return timer
