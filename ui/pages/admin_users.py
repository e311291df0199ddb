"""Admin: user accounts (role, badge, password and PIN, active or not), signed and audited."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.roles import ROLE_NAMES, Permission, Role
from desktop.services.security import SecurityService, UserInfo
from desktop.tasks import Tasks
from ui.forms import FormDialog
from ui.messages import describe_error, translate
from ui.table_model import Column, RecordTableModel
from ui.widgets import ErrorLine, record_table, title_label


def _secret_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


class UserDialog(FormDialog):
    """New user, or changes to one (role, active, a new password or PIN)."""

    def __init__(
        self,
        service: SecurityService,
        tasks: Tasks,
        user: UserInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            tasks,
            self.tr("New user") if user is None else self.tr("Edit user"),
            signed=True,
            parent=parent,
        )
        self._service, self._user = service, user
        self.username = QLineEdit(user.username if user else "")
        self.username.setReadOnly(user is not None)
        self.display_name = QLineEdit(user.display_name if user else "")
        self.display_name.setReadOnly(user is not None)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(translate(ROLE_NAMES[role]), role.value)
        self.role.setCurrentIndex(self.role.findData(user.role if user else Role.OPERATOR.value))
        self.badge = QLineEdit(user.badge or "" if user else "")
        self.badge.setReadOnly(user is not None)
        self.badge.setPlaceholderText("BADGE-001234")
        hint = self.tr("leave empty to keep") if user else ""
        self.password = _secret_field(hint)
        self.pin = _secret_field(hint)
        self.active = QCheckBox(self.tr("May sign in"))
        self.active.setChecked(user.active if user else True)
        self.reason = QLineEdit()
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Full name"), self.display_name)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Badge"), self.badge)
        self.form.addRow(self.tr("Password (office PCs)"), self.password)
        self.form.addRow(self.tr("PIN (stations, 4 to 8 digits)"), self.pin)
        self.form.addRow("", self.active)
        if user is not None:
            self.form.addRow(self.tr("Reason"), self.reason)

    def work(self) -> Callable[[], UserInfo]:
        password = self.password.text() or None
        pin = self.pin.text() or None
        signature = self.signature_values()
        role = self.role.currentData()
        if self._user is None:
            username, name = self.username.text(), self.display_name.text()
            badge = self.badge.text().strip() or None
            return lambda: self._service.create_user(
                username, name, role, badge=badge, password=password, pin=pin, **signature
            )
        username = self._user.username
        active, reason = self.active.isChecked(), self.reason.text().strip() or None
        return lambda: self._service.update_user(
            username,
            role=role,
            active=active,
            password=password,
            pin=pin,
            reason=reason,
            **signature,
        )


class AdminUsersPage(QWidget):
    def __init__(
        self, service: SecurityService, tasks: Tasks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._tasks = service, tasks
        yes, no = self.tr("Yes"), self.tr("No")
        self.model: RecordTableModel[UserInfo] = RecordTableModel(
            [
                Column(self.tr("User name"), lambda u: u.username),
                Column(self.tr("Name"), lambda u: u.display_name),
                Column(self.tr("Role"), lambda u: translate(ROLE_NAMES[Role(u.role)])),
                Column(self.tr("Badge"), lambda u: u.badge or ""),
                Column(self.tr("Active"), lambda u: yes if u.active else no),
                Column(self.tr("Locked"), lambda u: yes if u.locked_until else ""),
            ],
            self,
        )
        self.view = record_table(self.model)
        self.view.doubleClicked.connect(lambda _i: self.edit_user())
        self.new_button = QPushButton(self.tr("New user"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(lambda: self._open(None))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(self.edit_user)
        self.error = ErrorLine()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Users")))
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        self._tasks.run(
            self._service.users,
            self.model.set_records,
            lambda exc: self.error.show_error(describe_error(exc)),
        )

    def edit_user(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._open(self.model.record(index.row()))

    def _open(self, user: UserInfo | None) -> UserDialog:
        dialog = UserDialog(self._service, self._tasks, user, self)
        dialog.saved.connect(lambda _u: self.refresh())
        dialog.open()
        return dialog


def create_tab(context: AppContext) -> tuple[str, QWidget] | None:
    if not context.may(Permission.MANAGE_USERS):
        return None
    page = AdminUsersPage(SecurityService(context.database, context.current_actor), context.tasks)
    return QCoreApplication.translate("AdminUsersPage", "Users"), page
