"""The composition root of the GUI: config, database, services, devices and the main window.

Imported only by commands that need Qt (lazily, from desktop.cli), so headless commands stay fast.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__, paths
from desktop.context import AppContext
from desktop.domain.messages import LinedeskError
from desktop.logs import configure_logging
from desktop.services.actor import Actor
from desktop.tasks import Tasks

if TYPE_CHECKING:
    from desktop.cli import Context
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


# The areas of the main window in the plant's order of work: (key, module). Each module has
# `create_area(context) -> Area | None` (None when the signed-in user may not see it). A module not
# present is an area whose part is not built yet.
AREAS: tuple[tuple[str, str], ...] = (
    ("station", "ui.pages.station"),
    ("line", "ui.pages.line"),
    ("genealogy", "ui.pages.genealogy"),
    ("shifts", "ui.pages.shifts"),
    ("people", "ui.pages.people"),
    ("admin", "ui.pages.admin"),
)


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with the names QSettings files go under."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("Linedesk")
    QCoreApplication.setApplicationName("Linedesk")
    QCoreApplication.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def build_main_window(context: AppContext) -> MainWindow:
    """Every area whose part is built, in the plant's order of work."""
    from ui.main_window import MainWindow

    areas = []
    for _key, module_name in AREAS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        area = module.create_area(context)
        if area is not None:
            areas.append(area)
    title = QCoreApplication.translate("MainWindow", "Linedesk")
    if context.demo:
        title = QCoreApplication.translate("MainWindow", "Linedesk - demo plant")
    window = MainWindow(areas, title)
    window.set_status(
        station=context.station or QCoreApplication.translate("MainWindow", "office PC"),
        user=context.actor.username,
        database=context.database.describe(),
        devices=QCoreApplication.translate("MainWindow", "No devices configured"),
    )
    context.actor_changed.connect(lambda actor: window.set_status(user=actor.username))
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
    app_context = AppContext(database, context.config, tasks, Actor.system(), demo=demo)
    keep = [translators, reporter]
    window = build_main_window(app_context)
    window.restore_state(QSettings())
    window.show()
    log.info("Linedesk %s started on %s", __version__, database.describe())
    code = app.exec()
    del keep
    tasks.wait()
    database.dispose()
    return code
