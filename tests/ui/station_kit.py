"""The station page built as the application builds it, on its own kernel, and driven as an
operator drives it (typing into the wedge field, clicking), for the station tests (fixtures are
in conftest.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.domain.roles import Role
from desktop.operations import Operations
from desktop.services.actor import Actor
from desktop.storage.database import Database
from desktop.tasks import Ops
from ui.pages.station import StationPage

OPERATOR = Actor("lucie.martin", Role.OPERATOR, station="FILL-1")
KERNELS: list[tuple[Ops, Operations]] = []


class Signed:
    """Who is signed in, as the application context holds it (switchable by a badge)."""

    def __init__(self, actor: Actor | None) -> None:
        self.actor = actor


class Ticks:
    """The page's monotonic clock in tests: it moves a microsecond each time it is read (so
    readings keep their order) and by `advance`, never by the wall clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        self.now += 1e-6
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_page(
    qtbot,
    database: Database,
    actor=OPERATOR,
    devices=None,
    station="FILL-1",
    who=None,
    clock=None,
):
    operations = Operations(database)
    signed = who or Signed(actor)
    ops = Ops(operations, lambda: signed.actor)
    page = StationPage(ops, devices=devices, station=station, clock=clock or Ticks())
    KERNELS.append((ops, operations))
    page.set_operator(signed.actor)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.state is not None and page.state.station == station)
    return page


def type_code(qtbot, page: StationPage, code: str) -> None:
    """What a keyboard-wedge scanner does: the code's keys into the field, then Enter.

    QTest types only ASCII by itself; a character of another layout (`é`, `à`) goes as the key
    event such a keyboard sends: an unknown key with that text.
    """
    for char in code:
        if char.isascii():
            qtbot.keyClicks(page.entry, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, page.entry, Qt.Key.Key_unknown, char, Qt.KeyboardModifier(0)
            )
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)


def click(qtbot, button) -> None:  # noqa: ANN001 - a QAbstractButton
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def idle(page: StationPage) -> bool:
    return not page.recording and page.verdict_kind != "busy"
