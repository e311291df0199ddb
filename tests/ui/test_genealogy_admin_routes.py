"""The Admin tab for routes and recipes: a signed recipe change is saved, listed and audited."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json  # noqa: E402
from decimal import Decimal  # noqa: E402

from sqlalchemy import select  # noqa: E402

from desktop.domain.roles import Role  # noqa: E402
from desktop.services.actor import Actor  # noqa: E402
from desktop.services.demo import seed_plant  # noqa: E402
from desktop.services.genealogy_demo import seed_floor  # noqa: E402
from desktop.services.station_routes import RoutesService  # noqa: E402
from desktop.storage.models.security import AuditEntry  # noqa: E402
from desktop.tasks import Tasks  # noqa: E402
from ui.pages.admin_routes import AdminRoutesPage  # noqa: E402


def test_a_signed_recipe_change_is_listed_and_audited(qtbot, qtmodeltester, database) -> None:
    seed_plant(database, Actor.system())
    seed_floor(database, Actor.system())
    page = AdminRoutesPage(RoutesService(database, Actor.system), Tasks())
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


def test_an_operator_cannot_save_a_route(qtbot, database) -> None:
    seed_plant(database, Actor.system())
    page = AdminRoutesPage(RoutesService(database, lambda: Actor("op", Role.OPERATOR)), Tasks())
    qtbot.addWidget(page)
    dialog = page._route_dialog(None)
    dialog.code.setText("CELL-X")
    dialog.name.setText("X")
    dialog.steps.setText("stacking > filling")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.error.isHidden())
    assert "may not do this" in dialog.error.text()
