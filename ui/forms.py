"""The shape of every edit dialog: a form, an electronic signature when the change is signed,
red words for what went wrong, Save and Cancel.

A form submits exactly one write through the operations kernel (`Ops.write`): the values are
read on the GUI thread when Save is pressed, the signed-in user is bound then, and the dialog
closes only once the service accepted the change. While the write is in flight Save and Cancel
are disabled and a second press (a double click, Enter, Escape) submits or hides nothing, so a
change is never recorded twice; the buttons come back on success or failure.

A subclass builds its fields into `self.form` and says what to write:

    class LineDialog(FormDialog):
        def __init__(self, ops: Ops, line: LineInfo | None, parent=None) -> None:
            super().__init__(ops, self.tr("Edit line"), signed=True, parent=parent)
            self.name = QLineEdit(...)
            self.form.addRow(self.tr("Name"), self.name)

        def write(self) -> Write:
            return Write(plant.save_line, code, self.name.text(), **self.signature_values())

`write()` may raise `FormInvalid` (already translated words) or a `LinedeskError` (a plant time
that does not exist) when a field cannot be read; the words show in red and nothing is sent.
`saved` carries the service's result. Any object with `fn`, `args` and `kwargs` serves as the
write (`ui.write_guard.Write` too).

For a page button that writes by itself (Delete, Anonymise), `disable_while(button, pending)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Self

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.messages import LinedeskError
from desktop.tasks import Ops, Pending
from ui.messages import describe_error
from ui.signature import SignatureBox
from ui.widgets import ErrorLine


class Write:
    """One service write, with the form's values as they were when Save was pressed: the
    kernel runs `fn(session, actor, *args, **kwargs)` in its own unit of work."""

    __slots__ = ("args", "fn", "kwargs")

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.fn, self.args, self.kwargs = fn, args, kwargs


class FormInvalid(Exception):
    """A field the form cannot read (a number that is none); the text is already translated."""


class FormDialog(QDialog):
    saved = Signal(object)

    def __init__(
        self,
        ops: Ops,
        title: str,
        *,
        signed: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._in_flight = False
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.signature = SignatureBox() if signed else None
        self.error = ErrorLine()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # a typed value shows as typed
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        if self.signature is not None:
            layout.addWidget(self.signature)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @property
    def save_button(self) -> QAbstractButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    @property
    def in_flight(self) -> bool:
        """A write was submitted and has not come back yet."""
        return self._in_flight

    def open_with(self, on_saved: Callable[[Any], None]) -> Self:
        """Open without blocking (the page stays live); `on_saved` gets what the write
        returned."""
        self.saved.connect(on_saved)
        self.open()
        return self

    def signature_values(self) -> dict[str, str]:
        return self.signature.values() if self.signature is not None else {}

    def write(self) -> Write:
        """The one service write, with the form's values read now (on the GUI thread)."""
        raise NotImplementedError

    def _save(self) -> None:
        if self._in_flight:
            return  # the first press is being saved: a second one must not save it again
        self.error.clear_error()
        try:
            submit = self._submission()
        except FormInvalid as exc:
            self.error.show_error(str(exc))
            return
        except LinedeskError as exc:
            self.error.show_error(describe_error(exc))
            return
        self._set_in_flight(True)
        submit()

    def _submission(self) -> Callable[[], object]:
        """Read the form now; what it returns sends what was read."""
        ops, write = self._ops, self.write()
        return lambda: ops.write(write.fn, *write.args, **write.kwargs).then(
            self._done, self._failed, owner=self
        )

    def _set_in_flight(self, flying: bool) -> None:
        self._in_flight = flying
        self.buttons.setEnabled(not flying)

    def reject(self) -> None:
        """Escape or Cancel while saving would hide a change that is about to be made."""
        if not self._in_flight:
            super().reject()

    def _done(self, result: object) -> None:
        self._set_in_flight(False)
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_in_flight(False)
        self.error.show_error(describe_error(exc))


def text_field(text: str = "", placeholder: str = "", *, fixed: bool = False) -> QLineEdit:
    """A line of text in a form, with an example as its placeholder; `fixed` for a record's
    identifier once the record exists (the services look it up by that key)."""
    field = QLineEdit(text)
    if placeholder:
        field.setPlaceholderText(placeholder)
    field.setReadOnly(fixed)
    return field


def disable_while(
    button: QAbstractButton,
    pending: Pending,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> Pending:
    """For a page button that writes by itself (Delete, Anonymise): `button` stays disabled
    until `pending` came back, so a double click submits one write; then the result goes to
    `on_done` or `on_error` (dropped if the button was closed meanwhile)."""
    button.setEnabled(False)

    def done(result: Any) -> None:
        button.setEnabled(True)
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        button.setEnabled(True)
        if on_error is not None:
            on_error(exc)

    return pending.then(done, failed, owner=button)
