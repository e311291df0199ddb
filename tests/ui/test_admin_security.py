"""The Users and Audit trail tabs, driven as an administrator would."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from sqlalchemy import select

from desktop.operations import Operations
from desktop.services import security
from desktop.services.actor import Actor
from desktop.storage.models.security import AuditEntry
from desktop.tasks import Ops
from ui.pages.admin_audit import AdminAuditPage
from ui.pages.admin_users import AdminUsersPage, UserDialog


def sign_in(operations: Operations, username: str, password: str) -> security.Attempt:
    here = security.workstation(None)
    return operations.write(here, security.sign_in_password, username, password).result()


def signed_in_admin(database) -> Actor:  # noqa: ANN001
    operations = Operations(database)
    try:
        return sign_in(operations, "admin", "demo-admin").actor
    finally:
        operations.shutdown()


def admin_tab(qtbot, database, tab, loaded):  # noqa: ANN001, ANN201
    """The Admin tab `tab` for the signed-in demo admin, shown, once `loaded(page)` holds; the
    page and its kernel (for the test to shut)."""
    admin = signed_in_admin(database)
    operations = Operations(database)
    page = tab(Ops(operations, lambda: admin))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: loaded(page), timeout=15000)
    return page, operations


def users_page(qtbot, database):  # noqa: ANN001, ANN201
    return admin_tab(qtbot, database, AdminUsersPage, lambda page: page.model.rowCount() == 5)


def refused_with_a_wrong_signature(qtbot, dialog) -> None:  # noqa: ANN001
    """The admin's signature mistyped: the dialog refuses it, in red."""
    dialog.signature.secret.setText("wrong")
    dialog._save()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15000)
    assert "PIN or password is wrong" in dialog.error.text()


def test_a_new_user_needs_the_admins_signature(qtbot, demo_database) -> None:
    page, operations = users_page(qtbot, demo_database)
    dialog: UserDialog = page._open(None)
    dialog.username.setText("new.op")
    dialog.display_name.setText("Noé Nouvel")
    dialog.badge.setText("BADGE-777777")
    dialog.pin.setText("7777")
    refused_with_a_wrong_signature(qtbot, dialog)
    dialog.signature.secret.setText("demo-admin")
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        dialog._save()
        dialog._save()  # a double click on Save creates the user once
    qtbot.waitUntil(lambda: page.model.rowCount() == 6, timeout=15000)
    here = security.workstation(None)
    attempt = operations.write(here, security.sign_in_badge, "BADGE-777777", "7777").result()
    assert attempt.actor.username == "new.op"
    operations.shutdown()


def test_an_administrator_unlocks_a_locked_account_signed_and_audited(qtbot, demo_database) -> None:
    page, operations = users_page(qtbot, demo_database)
    for _ in range(5):
        assert sign_in(operations, "qa", "not the password").refusal is not None
    page.refresh()
    qtbot.waitUntil(lambda: any(u.locked_until for u in page.model.records()), timeout=15000)
    row = next(i for i, u in enumerate(page.model.records()) if u.username == "qa")
    assert page.model.index(row, 5).data()  # the time the lock runs out, in plant time
    assert not page.unlock_button.isEnabled()
    page.view.selectRow(row)
    assert page.unlock_button.isEnabled()
    dialog = page.unlock_user()
    assert "Quinn Quality is locked until" in dialog.who.text()
    dialog.reason.setText("identity checked at the office")
    refused_with_a_wrong_signature(qtbot, dialog)
    assert sign_in(operations, "qa", "demo-quality").refusal is not None  # still locked
    dialog.signature.secret.setText("demo-admin")
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        dialog._save()
        dialog._save()
    qtbot.waitUntil(lambda: not any(u.locked_until for u in page.model.records()), timeout=15000)
    assert not page.unlock_button.isEnabled()
    assert sign_in(operations, "qa", "demo-quality").actor.username == "qa"
    with demo_database.reading() as session:
        unlocks = session.scalars(select(AuditEntry).where(AuditEntry.action == "unlock")).all()
    assert [(u.username, u.object_id, u.reason, u.signature_meaning) for u in unlocks] == [
        ("admin", "qa", "identity checked at the office", "approve")
    ]
    operations.shutdown()


def test_audit_page_lists_and_exports_with_the_french_separator(
    qtbot, qtmodeltester, demo_database, tmp_path
) -> None:
    page, operations = admin_tab(
        qtbot, demo_database, AdminAuditPage, lambda page: page.model.rowCount() >= 2
    )
    qtmodeltester.check(page.model)
    QLocale.setDefault(QLocale("fr_FR"))
    try:
        target = tmp_path / "audit.csv"
        page.export(str(target))
    finally:
        QLocale.setDefault(QLocale("en_GB"))
    header = target.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(";")[:3] == ["When", "User", "Station"]
    page.verify()
    qtbot.waitUntil(lambda: "intact" in page.chain.text(), timeout=15000)
    operations.shutdown()
