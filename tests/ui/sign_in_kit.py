"""The real main window opened on its sign-in screen, for the sign-in tests: nobody signed in
yet, the password form filled and submitted as a person does."""

from __future__ import annotations

from typing import Any

from desktop.config import defaults
from desktop.context import AppContext
from ui.main import build_main_window


def make_window(qtbot: Any, database: Any, demo: bool = True) -> tuple[AppContext, Any]:
    """The app context with nobody signed in, and its main window, shown."""
    context = AppContext(database, defaults(), None, demo=demo)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    return context, window


def password_form(qtbot: Any, database: Any) -> tuple[AppContext, Any, Any]:
    """The window on its sign-in screen, once that shows the password form; the context, the
    window and its sign-in page."""
    context, window = make_window(qtbot, database)
    page = window.sign_in
    qtbot.waitUntil(lambda: page.modes.currentIndex() == 1, timeout=15000)
    return context, window, page


def submit_password(page: Any, username: str, password: str) -> None:
    page.username.setText(username)
    page.password.setText(password)
    page.submit()
