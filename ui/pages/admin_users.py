"""Admin: user accounts (role, badge, password and PIN, active or not), and lifting a lock after
failed sign-in attempts: each change signed and audited.

Every read and write goes through the operations kernel as the signed-in administrator."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.roles import ROLE_NAMES, Permission, Role
from desktop.services.plant import SiteInfo, site_info
from desktop.services.user_accounts import (
    UserInfo,
    create_user,
    list_users,
    unlock_user,
    update_user,
)
from desktop.tasks import Ops
from ui.formatting import datetime_text
from ui.forms import FormDialog, Write, text_field
from ui.messages import describe_error, translate
from ui.table_model import Column, RecordTableModel
from ui.widgets import ErrorLine, button_row, page_layout, record_table


def _secret_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


class UserDialog(FormDialog):
    """New user, or changes to one (role, active, a new password or PIN)."""

    def __init__(self, ops: Ops, user: UserInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(
            ops,
            self.tr("New user") if user is None else self.tr("Edit user"),
            signed=True,
            parent=parent,
        )
        self._user = user
        fixed = user is not None
        self.username = text_field(user.username if user else "", fixed=fixed)
        self.display_name = text_field(user.display_name if user else "", fixed=fixed)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(translate(ROLE_NAMES[role]), role.value)
        self.role.setCurrentIndex(self.role.findData(user.role if user else Role.OPERATOR.value))
        self.badge = text_field(user.badge or "" if user else "", "BADGE-001234", fixed=fixed)
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

    def write(self) -> Write:
        password = self.password.text() or None
        pin = self.pin.text() or None
        signature = self.signature_values()
        role = self.role.currentData()
        if self._user is None:
            return Write(
                create_user,
                self.username.text(),
                self.display_name.text(),
                role,
                badge=self.badge.text().strip() or None,
                password=password,
                pin=pin,
                **signature,
            )
        return Write(
            update_user,
            self._user.username,
            role=role,
            active=self.active.isChecked(),
            password=password,
            pin=pin,
            reason=self.reason.text().strip() or None,
            **signature,
        )


class UnlockDialog(FormDialog):
    """Lift a lock after failed sign-in attempts before it runs out (the person called, or is
    standing by the administrator), with a reason and the administrator's signature."""

    def __init__(self, ops: Ops, user: UserInfo, until: str, parent: QWidget | None = None) -> None:
        super().__init__(ops, self.tr("Unlock user"), signed=True, parent=parent)
        self._user = user
        self.who = QLabel(
            self.tr("{user} is locked until {time} after failed sign-in attempts").format(
                user=user.display_name, time=until
            )
        )
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.who.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the lock is lifted now"))
        self.form.addRow(self.who)
        self.form.addRow(self.tr("Reason"), self.reason)

    def write(self) -> Write:
        return Write(
            unlock_user,
            self._user.username,
            reason=self.reason.text().strip() or None,
            **self.signature_values(),
        )


class AdminUsersPage(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._zone: ZoneInfo | None = None
        yes, no = self.tr("Yes"), self.tr("No")
        self.model: RecordTableModel[UserInfo] = RecordTableModel(
            [
                Column(self.tr("User name"), lambda u: u.username),
                Column(self.tr("Name"), lambda u: u.display_name),
                Column(self.tr("Role"), lambda u: translate(ROLE_NAMES[Role(u.role)])),
                Column(self.tr("Badge"), lambda u: u.badge or ""),
                Column(self.tr("Active"), lambda u: yes if u.active else no),
                Column(self.tr("Locked until"), self.locked_text),
            ],
            self,
        )
        self.view = record_table(self.model)
        self.view.doubleClicked.connect(lambda _i: self.edit_user())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.new_button = QPushButton(self.tr("New user"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(lambda: self._open(None))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(self.edit_user)
        self.unlock_button = QPushButton(self.tr("Unlock..."))
        self.unlock_button.setToolTip(
            self.tr("Lift the lock after failed sign-in attempts before it runs out")
        )
        self.unlock_button.clicked.connect(self.unlock_user)
        self.unlock_button.setEnabled(False)
        self.error = ErrorLine()
        buttons = button_row(self.new_button, self.edit_button, self.unlock_button)
        layout = page_layout(self, self.tr("Users"), self.error)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        if self._zone is None:
            self._ops.read(site_info).then(self._site_known, self._failed)
        self._ops.read_as(list_users).then(self._listed, self._failed)

    def _site_known(self, site: SiteInfo) -> None:
        self._zone = ZoneInfo(site.time_zone)
        self.model.set_records(self.model.records())  # the lock times, now in plant time
        self._selection_changed()

    def _listed(self, users: list[UserInfo]) -> None:
        self.error.clear_error()
        self.model.set_records(users)
        self._selection_changed()

    def _failed(self, exc: BaseException) -> None:
        self.error.show_error(describe_error(exc))

    def locked_text(self, user: UserInfo) -> str:
        """When the lock runs out, in plant time; empty for an account that is not locked."""
        return datetime_text(user.locked_until, self._zone) if user.locked_until else ""

    def selected(self) -> UserInfo | None:
        return self.model.current(self.view)

    def _selection_changed(self) -> None:
        user = self.selected()
        self.unlock_button.setEnabled(user is not None and user.locked_until is not None)

    def edit_user(self) -> None:
        user = self.selected()
        if user is not None:
            self._open(user)

    def unlock_user(self) -> UnlockDialog | None:
        user = self.selected()
        if user is None or user.locked_until is None:
            return None
        return UnlockDialog(self._ops, user, self.locked_text(user), self).open_with(self._saved)

    def _saved(self, _user: UserInfo) -> None:
        self.refresh()

    def _open(self, user: UserInfo | None) -> UserDialog:
        return UserDialog(self._ops, user, self).open_with(self._saved)


def create_tab(context: AppContext) -> tuple[str, QWidget] | None:
    if not context.may(Permission.MANAGE_USERS):
        return None
    return QCoreApplication.translate("AdminUsersPage", "Users"), AdminUsersPage(context.ops)
