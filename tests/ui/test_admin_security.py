"""The Users and Audit trail tabs, driven as an administrator would."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale  # noqa: E402

from desktop.services.actor import Actor  # noqa: E402
from desktop.operations import Operations  # noqa: E402
from desktop.services.security import SecurityService  # noqa: E402
from desktop.tasks import Ops, Tasks  # noqa: E402
from ui.pages.admin_audit import AdminAuditPage  # noqa: E402
from ui.pages.admin_users import AdminUsersPage, UserDialog  # noqa: E402


def signed_in_admin(database) -> Actor:
    return SecurityService(database, Actor.system).sign_in_password("admin", "demo-admin", None)


def test_a_new_user_needs_the_admins_signature(qtbot, demo_database) -> None:
    admin = signed_in_admin(demo_database)
    service = SecurityService(demo_database, lambda: admin)
    page = AdminUsersPage(service, Tasks())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=15000)
    dialog: UserDialog = page._open(None)
    dialog.username.setText("new.op")
    dialog.display_name.setText("Noé Nouvel")
    dialog.badge.setText("BADGE-777777")
    dialog.pin.setText("7777")
    dialog.signature.secret.setText("wrong")
    dialog._save()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15000)
    assert "PIN or password is wrong" in dialog.error.text()
    dialog.signature.secret.setText("demo-admin")
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        dialog._save()
    qtbot.waitUntil(lambda: page.model.rowCount() == 6, timeout=15000)
    assert service.sign_in_badge("BADGE-777777", "7777", None).username == "new.op"


def test_audit_page_lists_and_exports_with_the_french_separator(
    qtbot, qtmodeltester, demo_database, tmp_path
) -> None:
    admin = signed_in_admin(demo_database)
    operations = Operations(demo_database)
    page = AdminAuditPage(Ops(operations, lambda: admin))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() >= 2, timeout=15000)
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
