"""Dialogs of the Genealogy page: place a hold, release it (signed), import from an ERP.

Each writes through the operations kernel and refuses a second submit while its write is in
flight (a double click records once)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
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

from desktop.operations import Cancelled, Job
from desktop.services.genealogy import place_hold, release_hold
from desktop.services.genealogy_import import ImportReport, import_genealogy
from ui.messages import describe_error
from ui.signature import SignatureBox
from ui.widgets import ErrorLine


class HoldDialog(QDialog):
    """Place a hold (a reason) or release one (a reason and an electronic signature)."""

    saved = Signal(object)

    def __init__(self, item: str, release: bool, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._release, self._ops, self._item = release, ops, item
        self.saving = False
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
        if self.saving:
            return  # the first submit is on its way: a double click records once
        self.saving = True
        self.error.clear_error()
        self.buttons.setEnabled(False)
        reason = self.reason.text()
        if self._release and self.signature is not None:
            secret = self.signature.values()["secret"]
            pending = self._ops.write(release_hold, self._item, reason, secret)
        else:
            pending = self._ops.write(place_hold, self._item, reason)
        pending.then(self._saved, self._failed)

    def _saved(self, hold: Any) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        self.saved.emit(hold)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        self.error.show_error(describe_error(exc))


def run_import(job: Job, lots: Path, links: Path) -> ImportReport:
    """`import genealogy` on the long-job lane, by the user who started it, with the job's
    progress and cancel (a cancel removes what the run stored; nobody ever saw it)."""
    return import_genealogy(
        job.database, job.actor, lots, links, lambda done, total: job.progress(done, total, "")
    )


class ImportDialog(QDialog):
    """`import genealogy` from the GUI: two files, a progress bar, the result or the error."""

    imported = Signal(object)

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._pending: Any = None
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
        self.cancel_button = QPushButton(self.tr("Cancel the import"))
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addLayout(form)
        layout.addLayout(progress_row)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.running = False

    def _choose(self, field: QLineEdit) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a CSV file"), field.text(), self.tr("CSV files (*.csv)")
        )
        if name:
            field.setText(name)

    def _moved(self, done: int, total: int | None, _text: str = "") -> None:
        if self.running:
            self.progress.setValue(int(1000 * done / total) if total else 1000)

    def start(self) -> None:
        if self.running:
            return  # one import at a time from this dialog (a double click starts one)
        self.error.clear_error()
        self.result.clear()
        lots, links = Path(self.lots.text().strip()), Path(self.links.text().strip())
        self.running = True
        self.buttons.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self._pending = self._ops.long(run_import, lots, links).then(
            self._done, self._failed, on_progress=self._moved
        )

    def cancel(self) -> None:
        """Stop the import at its next slice; what it stored is removed (it was never seen)."""
        if self._pending is not None and self.running:
            self.cancel_button.setEnabled(False)
            self._pending.cancel()

    def reject(self) -> None:
        """Closing the dialog while importing cancels the import (nothing is left half done)."""
        self.cancel()
        super().reject()

    def _finished(self) -> None:
        self.running = False
        self._pending = None
        self.cancel_button.setEnabled(False)
        self.buttons.setEnabled(True)

    def _done(self, report: ImportReport) -> None:
        self._finished()
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
        self._finished()
        self.progress.setValue(0)
        if isinstance(exc, Cancelled):
            self.error.show_error(self.tr("Import cancelled: nothing was stored."))
        else:
            self.error.show_error(describe_error(exc))
