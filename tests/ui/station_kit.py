"""The station page built as the application builds it, on its own kernel, for the station
tests (fixtures are in conftest.py)."""

from __future__ import annotations

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


def make_page(qtbot, database: Database, actor=OPERATOR, devices=None, station="FILL-1", who=None):
    operations = Operations(database)
    signed = who or Signed(actor)
    ops = Ops(operations, lambda: signed.actor)
    page = StationPage(ops, devices=devices, station=station)
    KERNELS.append((ops, operations))
    page.set_operator(signed.actor)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._state is not None and page._state.station == station)
    return page


def idle(page: StationPage) -> bool:
    return page.waiting_count == 0 and page._in_flight is None and page.verdict_kind != "busy"
