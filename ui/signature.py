"""The electronic signature in a form: re-enter one's PIN or password and choose a meaning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.signatures import Meaning


class SignatureBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Electronic signature"), parent)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("Your PIN or password"))
        self.meaning = QComboBox()
        self.meaning.addItem(self.tr("Approve"), Meaning.APPROVE.value)
        self.meaning.addItem(self.tr("Reject"), Meaning.REJECT.value)
        form = QFormLayout(self)
        form.addRow(self.tr("PIN or password"), self.secret)
        form.addRow(self.tr("Meaning"), self.meaning)

    def values(self) -> dict[str, str]:
        """Keyword arguments for a signed service call."""
        return {"secret": self.secret.text(), "meaning": self.meaning.currentData()}

    def clear(self) -> None:
        self.secret.clear()


class SignDialog(QDialog):
    """Confirm an action with a signature: `values()` after `exec()` returned Accepted."""

    def __init__(self, title: str, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.signature = SignatureBox()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(question)
        label.setTextFormat(Qt.TextFormat.PlainText)  # names and codes in it show as typed
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.signature)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return self.signature.values()
