"""Signing out and in again, many times, as every role: pages built at each sign-in and torn
down at each sign-out leave nothing behind that fires into a deleted widget.

The real main window on the seeded demo plant, the real crash reporter installed: any error
dialog, uncaught exception or logged error fails the test.
"""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services.demo_users import DEMO_USERS
from tests.ui.sign_in_kit import password_form, submit_password
from ui.errors import CrashReporter

ROUNDS = 10


class ErrorRecords(logging.Handler):
    """Every record at ERROR or above, from any logger (a traceback logged by a slot)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def reporter(tmp_path):  # noqa: ANN001, ANN201
    """The application's crash reporter, installed as at start-up, and every error logged."""
    hooks = sys.excepthook, threading.excepthook
    errors = ErrorRecords()
    root = logging.getLogger()
    root.addHandler(errors)
    crash = CrashReporter(str(tmp_path / "linedesk.log"))
    crash.install()
    yield crash, errors
    sys.excepthook, threading.excepthook = hooks
    root.removeHandler(errors)


def _error_dialogs() -> list[str]:
    return [
        box.text()
        for box in QApplication.topLevelWidgets()
        if isinstance(box, QMessageBox) and box.isVisible()
    ]


def _problems(crash: CrashReporter, errors: ErrorRecords) -> list[str]:
    return (
        [f"dialog: {text}" for text in crash.shown]
        + [f"open dialog: {text}" for text in _error_dialogs()]
        + [f"log: {r.getMessage()} {r.exc_text or ''}" for r in errors.records]
    )


# Sixty sign-ins, each building every page of its role: about 80 s on 2 idle cores, more on a
# loaded machine, so it gets more than the suite's 120 s per test.
@pytest.mark.timeout(600)
def test_sign_out_and_in_ten_times_as_every_role_shows_no_error(
    qtbot, demo_database, reporter
) -> None:
    crash, errors = reporter
    context, window, page = password_form(qtbot, demo_database)
    for round_ in range(ROUNDS):
        for user in DEMO_USERS:
            submit_password(page, user.username, user.password)
            qtbot.waitUntil(window.signed_in_view, timeout=15_000)
            assert context.actor is not None and context.actor.username == user.username
            for area in window.areas:  # every page of the role shown once, as a user would
                window.show_area(area.key)
                qtbot.wait(20)
            qtbot.waitUntil(lambda: context.ops.pending == 0, timeout=15_000)
            window.sign_out_button.click()
            assert not window.signed_in_view() and context.actor is None
            assert page.username.text() == "" and page.password.text() == ""
            qtbot.wait(20)
            problems = _problems(crash, errors)
            assert not problems, f"round {round_ + 1}, {user.username}: {problems}"
    context.ops.wait()
    qtbot.wait(50)
    assert not _problems(crash, errors)
    context.close()
