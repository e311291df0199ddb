"""The composition root of the GUI: the QApplication, the database, the devices, the main window.

Reached only by the command line (desktop/cli.py), lazily, for the commands that open the window
(`linedesk`, `linedesk demo`), so headless commands never load Qt. Everything Qt-free it needs is
composed in desktop/startup.py (database, defaults, instance lock); what runs beside the window
(devices, daily backups) in desktop/workstation.py.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__, paths
from desktop.context import AppContext
from desktop.domain.messages import LinedeskError
from desktop.launch import Launch
from desktop.logs import configure_logging
from desktop.startup import freeze_startup_objects, open_workstation_database
from desktop.workstation import start_daily_backups, start_devices
from ui.areas import create_areas
from ui.main_window import MainWindow
from ui.sign_in import SignInPage
from ui.sign_in_flow import SignInFlow

log = logging.getLogger(__name__)


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with the names QSettings files go under."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("Linedesk")
    QCoreApplication.setApplicationName("Linedesk")
    QCoreApplication.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def build_main_window(context: AppContext, *, sign_in: bool = True) -> MainWindow:
    """The window; with `sign_in`, it opens on the sign-in screen and locks when idle."""
    title = QCoreApplication.translate("MainWindow", "Linedesk")
    if context.demo:
        title = QCoreApplication.translate("MainWindow", "Linedesk - demo plant")
    page = None
    if sign_in:
        from desktop.services.demo_users import DEMO_USERS

        page = SignInPage(context.ops, context.station, DEMO_USERS if context.demo else ())
    window = MainWindow(title, lambda: create_areas(context), page)
    window.set_status(
        station=context.station or QCoreApplication.translate("MainWindow", "office PC"),
        user=context.actor.name if context.actor else "",
        database=context.database.describe(),
        devices=QCoreApplication.translate("MainWindow", "No devices configured"),
    )
    nobody = QCoreApplication.translate("MainWindow", "nobody signed in")
    context.actor_changed.connect(
        lambda actor: window.set_status(user=actor.name if actor else nobody)
    )
    if page is None:
        return window

    window.sign_in_flow = SignInFlow(context, window, page)  # type: ignore[attr-defined]
    return window


def connect_devices(context: AppContext, window: MainWindow) -> None:
    """Device states in the status bar; a badge scanned switches user."""
    from ui.devices_status import summary_html

    hub = context.devices
    if hub is None:
        return
    window.set_status(
        devices=summary_html(hub.last_status)
        if hub.last_status
        else QCoreApplication.translate("MainWindow", "Devices starting...")
    )
    hub.status.connect(
        lambda _name, _status: window.set_status(devices=summary_html(hub.last_status))
    )
    flow = getattr(window, "sign_in_flow", None)
    if flow is not None:
        hub.scan.connect(
            lambda scan: (
                flow.badge_scanned(scan.code)
                if scan.error is None and scan.kind == "badge"
                else None
            )
        )


def run_gui(launch: Launch, *, demo: bool, simulators: bool) -> int:
    """Start the window on the plant database, or on the demo database with `demo`."""
    from ui.errors import CrashReporter
    from ui.i18n import choose_language, install_translators
    from ui.style import STYLESHEET

    log_file = configure_logging()
    app = ensure_application()
    language = choose_language(os.environ.get("LINEDESK_LANGUAGE") or launch.config.language)
    translators = install_translators(
        app, language, paths.RESOURCES / "translations", paths.data_dir() / "translations"
    )
    reporter = CrashReporter(str(log_file))
    reporter.install()
    app.setStyleSheet(STYLESHEET)
    try:
        url = launch.demo_database_url() if demo else launch.database_url()
        database, lock = open_workstation_database(url, demo=demo)
    except LinedeskError as exc:
        from ui.messages import render

        QMessageBox.critical(None, "Linedesk", render(exc))
        return 2
    app_context = AppContext(database, launch.config, None, demo=demo)
    running = start_devices(app_context, simulate=demo and simulators)
    window = build_main_window(app_context)
    connect_devices(app_context, window)
    keep = [translators, reporter, lock, start_daily_backups(app_context, window)]
    window.restore_state(QSettings())
    window.show()
    freeze_startup_objects()
    log.info("Linedesk %s started on %s", __version__, database.describe())
    code = app.exec()
    for stop in reversed(running):
        stop()
    app_context.close()
    if lock is not None:
        lock.release()
    del keep
    database.dispose()
    return code
