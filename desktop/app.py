"""The composition root of the GUI: config, database, services, devices and the main window.

Imported only by commands that need Qt (lazily, from desktop.cli), so headless commands stay fast.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__, paths
from desktop.context import AppContext
from desktop.domain.messages import LinedeskError
from desktop.logs import configure_logging
from desktop.services.actor import Actor
from desktop.storage.engine import sqlite_file
from desktop.storage.instance_lock import InstanceLock

if TYPE_CHECKING:
    from desktop.cli import Context
    from ui.main_window import Area, MainWindow
    from ui.sign_in import SignInPage

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


def _areas(context: AppContext) -> list[Area]:
    """Every area whose part is built and the signed-in user may see, in order of work."""
    from ui.pages import optional_module

    areas = []
    for _key, module_name in AREAS:
        module = optional_module(module_name)
        if module is None:
            continue
        area = module.create_area(context)
        if area is not None:
            areas.append(area)
    return areas


def build_main_window(context: AppContext, *, sign_in: bool = True) -> MainWindow:
    """The window; with `sign_in`, it opens on the sign-in screen and locks when idle."""
    from ui.main_window import MainWindow
    from ui.sign_in import SignInPage

    title = QCoreApplication.translate("MainWindow", "Linedesk")
    if context.demo:
        title = QCoreApplication.translate("MainWindow", "Linedesk - demo plant")
    page = None
    if sign_in:
        from desktop.services.demo_users import DEMO_USERS

        page = SignInPage(context.ops, context.station, DEMO_USERS if context.demo else ())
    window = MainWindow(title, lambda: _areas(context), page)
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


class SignInFlow(QObject):
    """Who is at the keyboard: sign-in, sign-out, the idle lock, and a badge switching user."""

    def __init__(self, context: AppContext, window: MainWindow, page: SignInPage) -> None:
        from ui.idle import IdleWatch

        super().__init__(window)
        self._context, self._window, self._page = context, window, page
        page.signed_in.connect(self.signed_in)
        window.sign_out_requested.connect(lambda: self.lock())
        self.idle = IdleWatch(context.config.get("workstation", "idle_lock_minutes"), self)
        QApplication.instance().installEventFilter(self.idle)  # type: ignore[union-attr]
        self.idle.idle.connect(self._idle)
        self.lock()

    def signed_in(self, actor: Actor) -> None:
        self._context.set_actor(actor)
        self._window.rebuild_areas()
        self._window.show_workspace()
        self.idle.poke()

    def lock(self, notice: str = "", badge: str = "") -> None:
        """Sign out: nobody acts any more, the pages close, the sign-in screen shows empty."""
        self._context.set_actor(None)
        self._window.clear_areas()
        self._window.show_sign_in()
        self._page.prepare(notice, badge)

    def _idle(self) -> None:
        if self._context.actor is not None:
            self.lock(
                QCoreApplication.translate("MainWindow", "Locked after idle time: sign in to go on")
            )

    def badge_scanned(self, badge: str) -> None:
        """A badge scanned anywhere switches user in one step: badge filled in, PIN asked."""
        self.lock(badge=badge)


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


def freeze_startup_objects() -> None:
    """Move everything built at start-up out of the garbage collector's sight: the long-lived
    widgets, plots and ORM metadata are never garbage, and scanning them made full collections
    the longest stalls of the live Line page."""
    gc.collect()
    gc.freeze()


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
    lock = None
    database_file = sqlite_file(database.engine.url)
    if database_file is not None:
        lock = InstanceLock(database_file)
        lock.acquire()  # a second window on the same PC is allowed; restore checks the lock
    app_context = AppContext(database, context.config, None, demo=demo)
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
