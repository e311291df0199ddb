"""The Admin page for lines and stations on the operations kernel: a double click on a button
that writes records once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop.operations import Operations
from desktop.services import plant
from desktop.services.actor import Actor
from desktop.services.demo import seed_plant
from desktop.storage.models.security import AuditEntry
from desktop.tasks import Ops
from ui.pages.admin_plant import AdminPlantPage
from ui.signature import SignDialog


@pytest.fixture
def page(qtbot, database):  # noqa: ANN001, ANN201
    seed_plant(database, Actor.system())
    operations = Operations(database)
    ops = Ops(operations, Actor.system)
    page = AdminPlantPage(ops)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.stations_model.rowCount() > 0, timeout=10_000)
    yield page
    ops.wait()
    operations.shutdown()


def _audit_rows(database, action: str, object_id: str) -> int:  # noqa: ANN001
    with database.reading() as session:
        return session.scalar(
            select(func.count()).where(
                AuditEntry.action == action,
                AuditEntry.object_type == "station",
                AuditEntry.object_id == object_id,
            )
        )


def _double_click(qtbot, button) -> None:  # noqa: ANN001
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_double_click_on_save_creates_the_station_once(qtbot, database, page) -> None:
    dialog = page._open_dialog(None)
    dialog.code.setText("FILL-9")
    dialog.name.setText("Filling 9")
    dialog.station_type.setCurrentIndex(dialog.station_type.findData("filling"))
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        _double_click(qtbot, dialog.save_button)
        assert dialog.in_flight and not dialog.save_button.isEnabled()
        dialog.reject()  # Escape while saving does not hide a change about to be made
        assert dialog.isVisible()
    assert page._ops.wait(10_000)
    qtbot.wait(50)
    # a second "New station FILL-9" would have been refused as existing, in red
    assert dialog.error.isHidden() and not dialog.isVisible()
    assert _audit_rows(database, "create", "FILL-9") == 1
    qtbot.waitUntil(lambda: "FILL-9" in [s.code for s in page.stations_model.records()])


def test_a_double_click_on_delete_deletes_once(qtbot, database, page) -> None:
    page.stations_view.selectRow(0)
    station = page.current_station()
    assert station is not None
    signed = []

    def sign_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SignDialog):
            signed.append(dialog)
            dialog.accept()

    signer = QTimer()
    signer.timeout.connect(sign_the_dialog)
    signer.start(10)
    try:
        _double_click(qtbot, page.delete_button)
        assert page._ops.wait(10_000)
        qtbot.waitUntil(page.delete_button.isEnabled, timeout=10_000)
    finally:
        signer.stop()
    assert len(signed) == 1
    assert page.error.isHidden()  # a second delete would have said "Unknown station"
    assert _audit_rows(database, "delete", station.code) == 1
    with database.reading() as session:
        assert station.code not in [s.code for s in plant.list_stations(session)]
