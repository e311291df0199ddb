"""What comes after an out-of-tolerance fill, by role: weigh again once (anyone), put on hold with
a reason (supervisor, QA), scrap with a reason and a signature (QA); and "Cancel the weighing".

The decisions are real writes through the operations kernel, as the user signed in now; each
button is held until its answer comes, so a double click decides once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLineEdit, QPushButton, QWidget

from desktop.domain.roles import Permission, allowed
from desktop.services.genealogy import place_hold, scrap
from desktop.services.station.scan import ScanResult
from desktop.tasks import Ops
from ui.messages import describe_error, render


def _tr(text: str) -> str:
    return QCoreApplication.translate("StationPage", text)


class ToleranceActions(QWidget):
    """The buttons offered under the verdict, and the dialogs they open.

    `result` is the out-of-tolerance fill being decided (None when there is none); the page
    hears `decided(words)`, `failed(error)`, `reweigh(result)` and `cancel()`.
    """

    decided = Signal(str)
    failed = Signal(str)
    reweigh = Signal(object)
    cancel = Signal()

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.result: ScanResult | None = None
        self.reweighed = False  # the last fill was a re-weigh: no second one
        self.reweigh_button = QPushButton(_tr("Weigh again"))
        self.reweigh_button.clicked.connect(self._reweigh)
        self.hold_button = QPushButton(_tr("Put on hold..."))
        self.hold_button.clicked.connect(self._hold)
        self.scrap_button = QPushButton(_tr("Scrap..."))
        self.scrap_button.clicked.connect(self._scrap)
        self.cancel_button = QPushButton(_tr("Cancel the weighing"))
        self.cancel_button.clicked.connect(self.cancel)
        actions = QHBoxLayout(self)
        actions.setContentsMargins(0, 0, 0, 0)
        for button in self._buttons() + (self.cancel_button,):
            button.setMinimumHeight(48)
            button.setStyleSheet("font-size: 18px;")
            actions.addWidget(button)
        actions.addStretch(1)

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.reweigh_button, self.hold_button, self.scrap_button)

    def offer(self, weighing: bool) -> None:
        """Show what the signed-in user may do now; `weighing`: a cell is being weighed."""
        result = self.result
        actor = self._ops.actor
        role = actor.role if actor is not None else None
        may_hold = role is not None and allowed(role, Permission.PLACE_HOLD)
        may_scrap = role is not None and allowed(role, Permission.RELEASE_HOLD)
        self.reweigh_button.setVisible(result is not None and not self.reweighed)
        self.hold_button.setVisible(result is not None and may_hold)
        self.scrap_button.setVisible(result is not None and may_scrap)
        self.cancel_button.setVisible(weighing)
        self.setVisible(any(not b.isHidden() for b in self._buttons()) or weighing)

    def _reweigh(self) -> None:
        result = self.result
        if result is None or "before" not in result.details:
            return
        self.result = None
        self.reweighed = True
        self.reweigh.emit(result)

    def _ask_reason(self, title: str, question: str) -> str | None:
        """The reason for a decision on the out-of-tolerance cell; the verdict is offered."""
        result = self.result
        if result is None:
            return None
        reason, ok = QInputDialog.getText(
            self, title, question.format(code=result.code), text=render(result.message)
        )
        return reason if ok else None

    def _hold(self) -> None:
        result = self.result
        reason = self._ask_reason(_tr("Put on hold"), _tr("Why is {code} put on hold?"))
        if result is None or reason is None:
            return
        words = _tr("{code} is on hold").format(code=result.code)
        self._decide(self.hold_button, words, place_hold, result.code, reason)

    def _scrap(self) -> None:
        result = self.result
        reason = self._ask_reason(_tr("Scrap"), _tr("Why is {code} scrapped?"))
        if result is None or reason is None:
            return
        secret, ok = QInputDialog.getText(
            self, _tr("Scrap"), _tr("Sign with your PIN or password"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return
        words = _tr("{code} is scrapped").format(code=result.code)
        self._decide(self.scrap_button, words, scrap, result.code, reason, secret)

    def _decide(self, button: QPushButton, words: str, fn: Callable[..., Any], *args: Any) -> None:
        """One signed-in decision on the cell, its button held until the answer comes."""
        button.setEnabled(False)
        self._ops.write(fn, *args).then(
            lambda _done: self._decided(words), self._failed, owner=self
        )

    def _decided(self, words: str) -> None:
        self.result = None
        self._release()
        self.decided.emit(words)

    def _failed(self, exc: BaseException) -> None:
        self._release()
        self.failed.emit(describe_error(exc))

    def _release(self) -> None:
        self.hold_button.setEnabled(True)
        self.scrap_button.setEnabled(True)
