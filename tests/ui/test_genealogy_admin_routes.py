"""The Admin tab for routes and recipes: a signed recipe change is saved, listed and audited."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.domain.roles import Role
from desktop.operations import Operations
from desktop.services.actor import Actor
from desktop.services.demo import seed_plant
from desktop.services.genealogy_demo import seed_floor
from desktop.storage.models.genealogy import Route
from desktop.storage.models.security import AuditEntry
from desktop.tasks import Ops
from ui.pages.admin_routes import AdminRoutesPage


@pytest.fixture
def kernel(qtbot, database):  # noqa: ANN001, ANN201
    """The operations kernel with whoever `signed_in["actor"]` names signed in."""
    operations = Operations(database)
    signed_in = {"actor": Actor.system()}
    ops = Ops(operations, lambda: signed_in["actor"])
    yield ops, signed_in
    ops.wait()
    operations.shutdown()


def route_x(qtbot, ops: Ops, name: str):  # noqa: ANN001, ANN201
    """The Routes page and its New route dialog, route CELL-X (stacking > filling) named
    `name` typed in; the page is returned too, since it owns the dialog."""
    page = AdminRoutesPage(ops)
    qtbot.addWidget(page)
    dialog = page._route_dialog(None)
    dialog.code.setText("CELL-X")
    dialog.name.setText(name)
    dialog.steps.setText("stacking > filling")
    return page, dialog


def test_a_signed_recipe_change_is_listed_and_audited(
    qtbot, qtmodeltester, database, kernel
) -> None:
    seed_plant(database, Actor.system())
    seed_floor(database, Actor.system())
    page = AdminRoutesPage(kernel[0])
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.recipes_model.rowCount() > 10 and page.routes_model.rowCount() > 0)
    qtmodeltester.check(page.recipes_model)
    qtmodeltester.check(page.routes_model)
    row = next(i for i, r in enumerate(page.recipes_model.records()) if r.station_type == "filling")
    dialog = page._recipe_dialog(page.recipes_model.record(row))
    dialog.tolerance.setText("1,2")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(
        lambda: any(r.tolerance == Decimal("1.2") for r in page.recipes_model.records())
    )
    with database.reading() as session:
        entry = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.object_type == "recipe")
            .order_by(AuditEntry.id.desc())
        ).first()
    assert entry.object_id == "filling/P56 cell/electrolyte fill"
    assert json.loads(entry.changes) == {"tolerance": ["1.5", "1.2"]}
    assert entry.signature_meaning == "approve"


def test_an_operator_cannot_save_a_route(qtbot, database, kernel) -> None:
    seed_plant(database, Actor.system())
    ops, signed_in = kernel
    signed_in["actor"] = Actor("op", Role.OPERATOR)
    _page, dialog = route_x(qtbot, ops, "X")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.error.isHidden())
    assert "may not do this" in dialog.error.text()


def test_a_double_click_on_sign_and_save_saves_the_route_once(qtbot, database, kernel) -> None:
    seed_plant(database, Actor.system())
    _page, dialog = route_x(qtbot, kernel[0], "Cell route X")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        dialog.buttons.accepted.emit()  # and Enter on top of it
    assert kernel[0].wait(10_000)
    assert not dialog.isVisible() and dialog.save_button.isEnabled()
    with database.reading() as session:
        routes = session.scalar(select(func.count()).where(Route.code == "CELL-X"))
        created = session.scalar(
            select(func.count()).where(
                AuditEntry.object_type == "route", AuditEntry.object_id == "CELL-X"
            )
        )
    assert (routes, created) == (1, 1)
