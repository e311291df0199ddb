"""The composition root of the GUI: config, database, services, devices and the main window.

Imported only by commands that need Qt (lazily, from desktop.cli), so headless commands stay fast.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__, paths
from desktop.config import WorkstationConfig
from desktop.domain.messages import LinedeskError
from desktop.logs import configure_logging
from desktop.services.actor import Actor
from desktop.services.database import Database
from desktop.services.plant import PlantService
from desktop.tasks import Tasks

if TYPE_CHECKING:
    from desktop.cli import Context
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass
class Session:
    """What the running application holds: the database, the current actor, the services."""

    database: Database
    config: WorkstationConfig
    tasks: Tasks
    actor: Actor
    demo: bool = False
    keep: list[Any] = field(default_factory=list)

    def current_actor(self) -> Actor:
        return self.actor


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with the names QSettings files go under."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("Linedesk")
    QCoreApplication.setApplicationName("Linedesk")
    QCoreApplication.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def build_main_window(session: Session) -> MainWindow:
    """Every area whose part is built, in the plant's order of work."""
    from ui.main_window import Area, MainWindow
    from ui.pages.admin_plant import AdminPlantPage

    plant = PlantService(session.database, session.current_actor)
    areas = [
        Area(
            "admin",
            QCoreApplication.translate("MainWindow", "Admin"),
            AdminPlantPage(plant, session.tasks, lambda: True),
        ),
    ]
    title = QCoreApplication.translate("MainWindow", "Linedesk")
    if session.demo:
        title = QCoreApplication.translate("MainWindow", "Linedesk - demo plant")
    window = MainWindow(areas, title)
    stations = ", ".join(session.config.stations) or QCoreApplication.translate(
        "MainWindow", "office PC"
    )
    window.set_status(
        station=stations,
        user=session.actor.username,
        database=session.database.describe(),
        devices=QCoreApplication.translate("MainWindow", "No devices configured"),
    )
    return window


def run_gui(context: Context, *, demo: bool, simulators: bool) -> int:
    """Start the window on the plant database, or on the demo database with `demo`."""
    from ui.errors import CrashReporter
    from ui.i18n import choose_language, install_translators
    from ui.style import STYLESHEET

    log_file = configure_logging()
    app = ensure_application()
    language = choose_language(os.environ.get("LINEDESK_LANGUAGE") or context.config.language)
    translators = install_translators(
        app, language, paths.RESOURCES / "translations", paths.data_dir() / "translations"
    )
    reporter = CrashReporter(str(log_file))
    reporter.install()
    app.setStyleSheet(STYLESHEET)
    try:
        url = context.demo_database_url() if demo else context.database_url()
        database = context.open_database(url)
        if demo:
            from desktop.services.demo import is_demo, seed_demo

            if not is_demo(database):
                seed_demo(database, Actor.system())
    except LinedeskError as exc:
        from ui.messages import render

        QMessageBox.critical(None, "Linedesk", render(exc))
        return 2
    tasks = Tasks()
    session = Session(
        database, context.config, tasks, Actor.system(), demo=demo, keep=[translators, reporter]
    )
    window = build_main_window(session)
    window.restore_state(QSettings())
    window.show()
    log.info("Linedesk %s started on %s", __version__, database.describe())
    code = app.exec()
    tasks.wait()
    database.dispose()
    return code
