"""Background work comes back on the GUI thread, with its result or its error."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.tasks import Tasks  # noqa: E402


def test_work_runs_off_the_gui_thread_and_returns_on_it(qtbot) -> None:
    tasks = Tasks()
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["done"] = threading.get_ident()
        seen["result"] = result

    tasks.run(work, done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["worker"] != gui
    assert seen["done"] == gui and seen["result"] == 42
    assert tasks.pending == 0


def test_an_error_comes_back_to_the_error_callback(qtbot) -> None:
    tasks = Tasks()
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("balance unplugged")

    tasks.run(work, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "balance unplugged"


def test_a_result_for_a_destroyed_owner_is_dropped(qtbot) -> None:
    from PySide6.QtCore import QObject
    from shiboken6 import delete

    tasks = Tasks()
    owner = QObject()
    delivered: list[int] = []
    release = threading.Event()

    def work() -> int:
        release.wait(5)
        return 7

    tasks.run(work, delivered.append, owner=owner)
    delete(owner)
    release.set()
    assert tasks.wait(5000)
    qtbot.wait(50)
    assert delivered == []


def test_a_callback_into_a_deleted_widget_is_dropped(qtbot) -> None:
    from PySide6.QtWidgets import QLabel
    from shiboken6 import delete

    tasks = Tasks()
    label = QLabel()
    errors: list[BaseException] = []
    release = threading.Event()

    def work() -> str:
        release.wait(5)
        return "late result"

    tasks.run(work, lambda text: label.setText(text), errors.append)
    delete(label)
    release.set()
    assert tasks.wait(5000)
    qtbot.wait(50)
    assert errors == [] and tasks.pending == 0
