"""The audit trail page on the operations kernel: every time and day on it is the plant's."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QLocale

from desktop.domain.plant_time import plant_date, utc_now
from desktop.domain.roles import Role
from desktop.operations import Operations
from desktop.services import plant
from desktop.services.actor import Actor
from desktop.tasks import Ops
from ui.pages.admin_audit import AdminAuditPage

TOKYO = "Asia/Tokyo"  # a plant far from UTC and from the test machine's zone


@pytest.fixture
def kernel(qtbot, database):  # noqa: ANN001, ANN201
    with database.unit_of_work() as session:
        plant.default_site(session).time_zone = TOKYO
    operations = Operations(database)
    ops = Ops(operations, lambda: Actor("qa", Role.QA))
    yield ops
    ops.wait()
    operations.shutdown()


def _page(qtbot, ops: Ops) -> AdminAuditPage:  # noqa: ANN001
    page = AdminAuditPage(ops)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.time_zone is not None, timeout=10_000)
    return page


def test_times_and_days_are_the_plants(qtbot, database, kernel) -> None:
    ops = kernel
    with database.unit_of_work() as session:
        plant.save_line(session, Actor.system(), "CELL-1", "Cell line 1", "cell")
    page = _page(qtbot, ops)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    row = page.model.record(0)
    shown = page.model.data(page.model.index(0, 0))
    tokyo = row.at.astimezone(ZoneInfo(TOKYO))
    day = QLocale().toString(
        QDate(tokyo.year, tokyo.month, tokyo.day), QLocale.FormatType.ShortFormat
    )
    assert shown.startswith(day) and tokyo.strftime("%H:%M") in shown
    assert row.at.astimezone(ZoneInfo("UTC")).strftime("%H:%M") not in shown
    today = plant_date(utc_now(), ZoneInfo(TOKYO))
    assert page.until.date().toPython() == today
    assert page.since.date().toPython() == today - timedelta(days=30)
