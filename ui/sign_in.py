"""The sign-in screen: badge + PIN at a station, user name + password at an office PC, and the
first administrator of a new plant database.

Shown at start, after sign-out, and when the station locks after idle time; a badge scanned at
any moment brings it up with the badge filled in, so switching user is one step. Each time it
shows, every field is empty again: the previous user's name stays nowhere.

A sign-in is a write through the operations kernel by the workstation (nobody is signed in yet):
one at a time, a second press while one is on its way submits nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import ROLE_NAMES
from desktop.services.actor import Actor
from desktop.services.demo_users import DemoUser
from desktop.services.security import (
    Attempt,
    NotCertified,
    override_certification,
    sign_in_badge,
    sign_in_password,
    workstation,
)
from desktop.services.user_accounts import create_first_admin, needs_first_admin
from desktop.tasks import Ops
from ui.messages import describe_error, translate
from ui.widgets import ErrorLine, InFlight

B = TypeVar("B", bound=QWidget)


def _form(box: B, *rows: tuple[str, QWidget]) -> B:
    """`box` laid out as a form, one labelled field a row."""
    form = QFormLayout()
    for label, field in rows:
        form.addRow(label, field)
    box.setLayout(form)
    return box


def _big(widget: QWidget, size: int = 22) -> QWidget:
    font = widget.font()
    font.setPointSize(size)
    widget.setFont(font)
    return widget


class SignInPage(QWidget):
    signed_in = Signal(object)

    def __init__(
        self,
        ops: Ops,
        station: str | None,
        demo_users: Sequence[DemoUser] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops, self._station = ops, station
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _big(self.title, 26)
        self.notice = QLabel()
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setWordWrap(True)

        self.badge = _big(QLineEdit(), 20)
        self.badge.setPlaceholderText(self.tr("Scan your badge"))
        self.pin = _big(QLineEdit(), 20)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.badge.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.submit)
        badge_box = _form(QWidget(), (self.tr("Badge"), self.badge), (self.tr("PIN"), self.pin))

        self.username = _big(QLineEdit(), 18)
        self.password = _big(QLineEdit(), 18)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        password_box = _form(
            QWidget(),
            (self.tr("User name"), self.username),
            (self.tr("Password"), self.password),
        )

        self.admin_username = _big(QLineEdit("admin"), 18)
        self.admin_name = _big(QLineEdit(), 18)
        self.admin_password = _big(QLineEdit(), 18)
        self.admin_again = _big(QLineEdit(), 18)
        for field in (self.admin_password, self.admin_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_again.returnPressed.connect(self.submit)
        admin_box = _form(
            QWidget(),
            (self.tr("User name"), self.admin_username),
            (self.tr("Full name"), self.admin_name),
            (self.tr("Password (8 characters or more)"), self.admin_password),
            (self.tr("Password again"), self.admin_again),
        )

        self.override_badge = _big(QLineEdit(), 16)
        self.override_badge.setPlaceholderText(self.tr("Supervisor badge"))
        self.override_pin = _big(QLineEdit(), 16)
        self.override_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.override_reason = _big(QLineEdit(), 16)
        self.override_button = QPushButton(self.tr("Let this operator work here"))
        self.override_button.clicked.connect(self.submit_override)
        self.override_box = _form(
            QFrame(),
            (self.tr("Supervisor badge"), self.override_badge),
            (self.tr("Supervisor PIN"), self.override_pin),
            (self.tr("Reason"), self.override_reason),
            ("", self.override_button),
        )
        self.override_box.hide()
        self._pending_operator: Actor | None = None

        self.modes = QStackedWidget()
        for box in (badge_box, password_box, admin_box):
            self.modes.addWidget(box)
        self.error = ErrorLine()
        self.submit_button = _big(QPushButton(self.tr("Sign in")), 18)
        self.submit_button.setObjectName("primary")
        self.submit_button.setMinimumHeight(56)
        self.submit_button.clicked.connect(self.submit)
        self._sending = InFlight(self.submit_button, self.override_button)
        self.switch_button = QPushButton()
        self.switch_button.setFlat(True)
        self.switch_button.clicked.connect(self._switch_mode)

        card = QFrame()
        card.setObjectName("signInCard")
        card.setMaximumWidth(620)
        card.setStyleSheet("#signInCard { background: white; border-radius: 8px; }")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 28, 36, 28)
        inner.addWidget(self.title)
        inner.addWidget(self.notice)
        inner.addWidget(self.modes)
        inner.addWidget(self.error)
        inner.addWidget(self.override_box)
        inner.addWidget(self.submit_button)
        inner.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignCenter)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        self.demo_panel = self._demo_panel(demo_users) if demo_users else None
        if self.demo_panel is not None:
            row.addSpacing(24)
            row.addWidget(self.demo_panel, 2)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.prepare()

    def _demo_panel(self, users: Sequence[DemoUser]) -> QWidget:
        panel = QFrame()
        panel.setObjectName("demoPanel")
        panel.setStyleSheet("#demoPanel { background: #fff7e0; border-radius: 8px; }")
        grid = QGridLayout(panel)
        heading = QLabel(self.tr("Demo plant: sign in as"))
        heading.setObjectName("sectionTitle")
        grid.addWidget(heading, 0, 0, 1, 4)
        headers = (self.tr("Role"), self.tr("User / password"), self.tr("Badge / PIN"))
        for column, text in enumerate(headers):
            label = QLabel(f"<b>{text}</b>")
            grid.addWidget(label, 1, column)
        self.demo_buttons: list[QPushButton] = []
        for row, user in enumerate(users, start=2):
            grid.addWidget(QLabel(translate(ROLE_NAMES[user.role])), row, 0)
            grid.addWidget(QLabel(f"{user.username} / {user.password}"), row, 1)
            grid.addWidget(QLabel(f"{user.badge} / {user.pin}"), row, 2)
            button = QPushButton(self.tr("Use"))
            button.setObjectName(f"demo-{user.username}")
            button.clicked.connect(lambda _c=False, u=user: self.fill_demo(u))
            grid.addWidget(button, row, 3)
            self.demo_buttons.append(button)
        return panel

    # -- modes -----------------------------------------------------------------------------
    def prepare(self, notice: str = "", badge: str = "") -> None:
        """Ready for the next person: first admin, badge (station) or password (office), with
        every field empty (only a badge just scanned is filled in)."""
        self.error.clear_error()
        self._hide_override()
        self._clear_fields()
        self.badge.setText(badge)
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self._ops.read(needs_first_admin).then(self._show_mode, self._failed)

    def _clear_fields(self) -> None:
        for field in (
            self.badge,
            self.pin,
            self.username,
            self.password,
            self.admin_name,
            self.admin_password,
            self.admin_again,
        ):
            field.clear()

    def _show_mode(self, needs_admin: bool) -> None:
        if needs_admin:
            self.modes.setCurrentIndex(2)
            self.title.setText(self.tr("Create the first administrator"))
            self.submit_button.setText(self.tr("Create and sign in"))
            self.switch_button.hide()
            self.admin_name.setFocus()
            return
        use_badge = self._station is not None or bool(self.badge.text())
        self._set_badge_mode(use_badge)

    def _set_badge_mode(self, badge: bool) -> None:
        self.modes.setCurrentIndex(0 if badge else 1)
        self.title.setText(self.tr("Scan your badge") if badge else self.tr("Sign in"))
        self.submit_button.setText(self.tr("Sign in"))
        self.switch_button.show()
        self.switch_button.setText(
            self.tr("Sign in with a user name instead")
            if badge
            else self.tr("Sign in with a badge instead")
        )
        if badge:
            (self.pin if self.badge.text() else self.badge).setFocus()
        else:
            self.username.setFocus()

    def _switch_mode(self) -> None:
        self.error.clear_error()
        self._set_badge_mode(self.modes.currentIndex() != 0)

    def badge_scanned(self, badge: str) -> None:
        """A badge from the serial scanner: fill it in and ask for the PIN."""
        self.prepare(badge=badge)
        self._set_badge_mode(True)

    def fill_demo(self, user: DemoUser) -> None:
        if self.modes.currentIndex() == 0:
            self.badge.setText(user.badge)
            self.pin.setText(user.pin)
        else:
            self.username.setText(user.username)
            self.password.setText(user.password)
        self.submit()

    # -- submit ----------------------------------------------------------------------------
    @property
    def in_flight(self) -> bool:
        """A sign-in was submitted and has not come back yet."""
        return self._sending.active

    def submit(self) -> None:
        """Sign in with what is typed; a second press while the first is on its way (a double
        click, Enter and a click) submits nothing."""
        if self._sending.active:
            return
        self.error.clear_error()
        mode = self.modes.currentIndex()
        here = workstation(self._station)
        if mode == 0:
            pending = self._ops.write_as(
                here, sign_in_badge, self.badge.text().strip(), self.pin.text()
            )
            pending.then(self._attempted, self._failed)
        elif mode == 1:
            pending = self._ops.write_as(
                here, sign_in_password, self.username.text(), self.password.text()
            )
            pending.then(self._attempted, self._failed)
        else:
            if self.admin_password.text() != self.admin_again.text():
                self.error.show_error(self.tr("The two passwords differ"))
                return
            pending = self._ops.write_as(
                here,
                create_first_admin,
                self.admin_username.text(),
                self.admin_name.text(),
                self.admin_password.text(),
            )
            pending.then(self._done, self._failed)
        self._sending.set(True)

    def _attempted(self, attempt: Attempt) -> None:
        """The attempt was committed (a failure counted, perhaps a lock): in, or why not."""
        if attempt.refusal is not None:
            self._failed(attempt.refusal)
            return
        assert attempt.actor is not None
        self._done(attempt.actor)

    def _done(self, actor: Actor) -> None:
        self._sending.set(False)
        self._clear_fields()
        self.signed_in.emit(actor)

    def _failed(self, exc: BaseException) -> None:
        self._sending.set(False)
        self.pin.clear()
        self.password.clear()
        self.override_pin.clear()
        self.error.show_error(describe_error(exc))
        if isinstance(exc, NotCertified):
            self._pending_operator = exc.operator
            self.override_box.show()
            self.override_badge.setFocus()
        elif self.modes.currentIndex() == 0:
            (self.pin if self.badge.text().strip() else self.badge).setFocus()
        elif self.modes.currentIndex() == 1:
            (self.password if self.username.text().strip() else self.username).setFocus()

    def _hide_override(self) -> None:
        self._pending_operator = None
        self.override_box.hide()
        for field in (self.override_badge, self.override_pin, self.override_reason):
            field.clear()

    def submit_override(self) -> None:
        """A supervisor lets the operator in for this session, with a reason (audited)."""
        operator = self._pending_operator
        if operator is None or self._sending.active:
            return
        self._ops.write_as(
            operator,
            override_certification,
            self.override_badge.text().strip(),
            self.override_pin.text(),
            self.override_reason.text(),
        ).then(self._overridden, self._failed)
        self._sending.set(True)

    def _overridden(self, actor: Actor) -> None:
        self._sending.set(False)
        self._hide_override()
        self._clear_fields()
        self.signed_in.emit(actor)
