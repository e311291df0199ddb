"""The shape of every edit dialog: a form, an electronic signature when the change is signed,
red words for what went wrong, Save and Cancel. The service call runs off the GUI thread; the
dialog closes only once the service accepted the change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from desktop.tasks import Tasks
from ui.messages import describe_error
from ui.signature import SignatureBox
from ui.widgets import ErrorLine


class FormDialog(QDialog):
    saved = Signal(object)

    def __init__(
        self, tasks: Tasks, title: str, *, signed: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.signature = SignatureBox() if signed else None
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        if self.signature is not None:
            layout.addWidget(self.signature)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def signature_values(self) -> dict[str, str]:
        return self.signature.values() if self.signature is not None else {}

    def work(self) -> Callable[[], Any]:
        """The service call, with the form's values read now (on the GUI thread)."""
        raise NotImplementedError

    def _save(self) -> None:
        self.error.clear_error()
        self.buttons.setEnabled(False)
        self._tasks.run(self.work(), self._done, self._failed)

    def _done(self, result: object) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_error(describe_error(exc))
