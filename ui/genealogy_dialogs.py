"""Dialogs of the Genealogy page: place a hold, release it (signed), import from an ERP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.messages import describe_error
from ui.signature import SignatureBox
from ui.widgets import ErrorLine


class HoldDialog(QDialog):
    """Place a hold (a reason) or release one (a reason and an electronic signature)."""

    saved = Signal(object)

    def __init__(
        self, item: str, release: bool, run: Any, tasks: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._release, self._run, self._tasks, self._item = release, run, tasks, item
        self.setWindowTitle(
            self.tr("Release the hold on {id}").format(id=item)
            if release
            else self.tr("Put {id} on hold").format(id=item)
        )
        self.setMinimumWidth(480)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why (required)"))
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr("Releasing needs the QA role and your signature.")
            if release
            else self.tr("The item and everything made from it are blocked at every station.")
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addLayout(form)
        self.signature = SignatureBox() if release else None
        if self.signature is not None:
            layout.addWidget(self.signature)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Release") if release else self.tr("Put on hold")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        self.error.clear_error()
        self.buttons.setEnabled(False)
        reason = self.reason.text()
        secret = self.signature.values()["secret"] if self.signature else ""
        if self._release:
            work = lambda: self._run.release_hold(self._item, reason, secret)  # noqa: E731
        else:
            work = lambda: self._run.place_hold(self._item, reason)  # noqa: E731
        self._tasks.run(work, self._saved, self._failed)

    def _saved(self, hold: Any) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(hold)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_error(describe_error(exc))


class _Progress(QObject):
    """Carries the import's progress from the worker thread to the dialog (queued)."""

    moved = Signal(int, int)


class ImportDialog(QDialog):
    """`import genealogy` from the GUI: two files, a progress bar, the result or the error."""

    imported = Signal(object)

    def __init__(self, importer: Any, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._importer, self._tasks = importer, tasks
        self.setWindowTitle(self.tr("Import genealogy"))
        self.setMinimumWidth(620)
        self.lots = QLineEdit()
        self.links = QLineEdit()
        form = QFormLayout()
        for label, field in (
            (self.tr("Lots file"), self.lots),
            (self.tr("Links file"), self.links),
        ):
            row = QHBoxLayout()
            row.addWidget(field, 1)
            browse = QPushButton(self.tr("Choose..."))
            browse.clicked.connect(lambda _c=False, f=field: self._choose(f))
            row.addWidget(browse)
            form.addRow(label, row)
        help_text = QLabel(
            self.tr(
                "Lots: id,kind,material,quantity,unit,created_at. Links: parent_id,child_id,"
                "quantity,unit,linked_at,station. Separator , or ; - all or nothing; importing "
                "the same files again changes nothing."
            )
        )
        help_text.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.result = QLabel()
        self.result.setObjectName("okText")
        self.result.setWordWrap(True)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._relay = _Progress(self)
        self._relay.moved.connect(self._moved)
        self.running = False

    def _choose(self, field: QLineEdit) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a CSV file"), field.text(), self.tr("CSV files (*.csv)")
        )
        if name:
            field.setText(name)

    def _moved(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 1000)

    def start(self) -> None:
        self.error.clear_error()
        self.result.clear()
        lots, links = Path(self.lots.text().strip()), Path(self.links.text().strip())
        self.running = True
        self.buttons.setEnabled(False)
        self.progress.setValue(0)
        relay = self._relay
        self._tasks.run(
            lambda: self._importer(lots, links, relay.moved.emit), self._done, self._failed
        )

    def _done(self, report: Any) -> None:
        self.running = False
        self.buttons.setEnabled(True)
        self.progress.setValue(1000)
        self.result.setText(
            self.tr(
                "Lots: {lots_added} added, {lots_unchanged} unchanged. "
                "Links: {links_added} added, {links_unchanged} unchanged."
            ).format(
                lots_added=report.lots_added,
                lots_unchanged=report.lots_unchanged,
                links_added=report.links_added,
                links_unchanged=report.links_unchanged,
            )
        )
        self.imported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.buttons.setEnabled(True)
        self.progress.setValue(0)
        self.error.show_error(describe_error(exc))
