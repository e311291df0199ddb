"""Who is at the keyboard: sign-in, sign-out, the idle lock, and a badge switching user.

A controller between the sign-in page (ui/sign_in.py), the main window and the application
context: the pages are built for the user who signs in and closed when the window locks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication

from desktop.context import AppContext
from desktop.services.actor import Actor
from ui.idle import IdleWatch
from ui.main_window import MainWindow
from ui.sign_in import SignInPage


class SignInFlow(QObject):
    """Who is at the keyboard: sign-in, sign-out, the idle lock, and a badge switching user."""

    def __init__(self, context: AppContext, window: MainWindow, page: SignInPage) -> None:
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
