"""The handover panel of the Shifts page: the automatic summary of the shown line and shift, the
four texts the outgoing supervisor writes, hand over, and the incoming supervisor's signed
acknowledgement. Which summary shows (frozen or up to now) is desktop.services.handover's call."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import handover
from desktop.services.handover import STATUS_NAMES, HandoverView
from desktop.services.handover_summary import HandoverSummary
from desktop.services.shifts import ShiftInfo
from desktop.tasks import Ops, Pending
from ui.formatting import percent
from ui.messages import translate
from ui.shifts_models import shift_label
from ui.signature import SignDialog
from ui.style import NOK_RED, OK_GREEN, WARN_AMBER
from ui.typed_text import plain


class ShownShift(Protocol):
    """What the panel asks of the page showing it (ui.pages.shifts.ShiftsPage): the line and
    shift shown, the kernel, and where a write goes so the page shows its outcome."""

    ops: Ops
    shown_shift: ShiftInfo | None

    def line(self) -> str: ...

    def written(self, pending: Pending, release: Callable[[], None]) -> None: ...


class HandoverPanel(QWidget):
    """The handover of the shown line and shift: the automatic summary, the four texts, hand
    over, and the incoming supervisor's signed acknowledgement."""

    def __init__(self, page: ShownShift, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._page = page
        self.status = plain(QLabel())
        self.status.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.notes = QPlainTextEdit()
        self.open_issues = QPlainTextEdit()
        self.safety = QPlainTextEdit()
        self.quality = QPlainTextEdit()
        texts = QFormLayout()
        texts.addRow(self.tr("Notes"), self.notes)
        texts.addRow(self.tr("Open issues"), self.open_issues)
        texts.addRow(self.tr("Safety incidents"), self.safety)
        texts.addRow(self.tr("Quality alerts"), self.quality)
        self.save_button = QPushButton(self.tr("Save draft"))
        self.submit_button = QPushButton(self.tr("Hand over"))
        self.submit_button.setObjectName("primary")
        self.ack_note = QLineEdit()
        self.ack_note.setPlaceholderText(self.tr("Remark of the incoming supervisor (optional)"))
        self.ack_button = QPushButton(self.tr("Acknowledge with signature..."))
        self.save_button.clicked.connect(lambda: self.save(False))
        self.submit_button.clicked.connect(lambda: self.save(True))
        self.ack_button.clicked.connect(self.acknowledge)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.submit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ack_note, 2)
        buttons.addWidget(self.ack_button)
        summary_box = QGroupBox(self.tr("Automatic summary"))
        QVBoxLayout(summary_box).addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(summary_box)
        layout.addLayout(texts, 1)
        layout.addLayout(buttons)
        self._editable = editable
        self._writing = False
        self._may_write = self._may_acknowledge = False
        self.view: HandoverView | None = None

    def show_handover(
        self, line: str, view: HandoverView | None, summary: HandoverSummary | None
    ) -> None:
        """Show the handover of `line` (None: not written yet) with the summary the service
        chose for it."""
        self.view = view
        if not line:
            self.status.setText(self.tr("Choose a line to read or write its handover"))
            self.summary.clear()
            for edit in (self.notes, self.open_issues, self.safety, self.quality):
                edit.clear()
            self._enable(False, False)
            return
        status = view.status if view else "missing"
        words = translate(STATUS_NAMES.get(status, status)) if view else self.tr("not written yet")
        colour = OK_GREEN if status == "acknowledged" else (WARN_AMBER if view else NOK_RED)
        text = self.tr("Handover {line}: {status}").format(line=line, status=words)
        if view is not None:
            text += " - " + self.tr("by {who}").format(who=view.author)
        if view is not None and view.acknowledged_by:
            text += " - " + self.tr("acknowledged by {who}").format(who=view.acknowledged_by)
        self.status.setText(text)
        self.status.setStyleSheet(f"font-size: 18px; font-weight: bold; color: {colour};")
        self.summary.setText(self._summary_html(summary))
        self.notes.setPlainText(view.notes if view else "")
        self.open_issues.setPlainText(view.open_issues if view else "")
        self.safety.setPlainText(view.safety if view else "")
        self.quality.setPlainText(view.quality if view else "")
        final = view is not None and view.acknowledged_at is not None
        self._enable(self._editable and not final, self._editable and status == "submitted")

    @property
    def writing(self) -> bool:
        """A save, hand-over or acknowledgement is on its way to the database."""
        return self._writing

    def _begin_write(self) -> Callable[[], None]:
        """Hold every button that writes until the page shows the outcome: a double click on
        "Hand over" hands over once (a refresh meanwhile does not give the buttons back)."""
        self._writing = True
        self._apply()

        def release() -> None:
            self._writing = False
            self._apply()

        return release

    def _enable(self, write: bool, acknowledge: bool) -> None:
        self._may_write, self._may_acknowledge = write, acknowledge
        self._apply()

    def _apply(self) -> None:
        write = self._may_write and not self._writing
        acknowledge = self._may_acknowledge and not self._writing
        for widget in (self.notes, self.open_issues, self.safety, self.quality):
            widget.setReadOnly(not self._may_write)
        self.save_button.setEnabled(write)
        self.submit_button.setEnabled(write)
        self.ack_button.setEnabled(acknowledge)
        self.ack_note.setEnabled(acknowledge)

    def _summary_html(self, summary: HandoverSummary | None) -> str:
        if summary is None:
            return ""
        attainment = summary.attainment
        share = f" ({percent(attainment, 0)})" if attainment is not None else ""
        lines = [
            self.tr("Output {units} of {plan} planned{share}; NG {ng}").format(
                units=summary.units,
                plan=round(summary.plan),
                share=share,
                ng=summary.ng,
            ),
            self.tr("Downtime {minutes} min").format(minutes=summary.downtime_minutes),
            self.tr("Holds placed: {count}").format(count=len(summary.holds)),
            self.tr("{present} present of {planned} planned; absent: {absent}").format(
                present=summary.present,
                planned=summary.planned,
                absent=", ".join(summary.absent) or "-",
            ),
        ]
        # names of absent people and station codes are typed text: escaped, never markup
        shown = [html.escape(line) for line in lines]
        if summary.uncovered_stations:
            uncovered = self.tr("Without a qualified operator: {stations}").format(
                stations=", ".join(summary.uncovered_stations)
            )
            shown.append(f"<span style='color: {NOK_RED};'>{html.escape(uncovered)}</span>")
        if summary.in_progress:
            shown.append(html.escape(self.tr("Shift in progress: figures up to now")))
        return "<br/>".join(shown)

    def save(self, submit: bool) -> None:
        page = self._page
        line, shift = page.line(), page.shown_shift
        if not line or shift is None or self.writing:
            return
        texts = {
            "notes": self.notes.toPlainText(),
            "open_issues": self.open_issues.toPlainText(),
            "safety": self.safety.toPlainText(),
            "quality": self.quality.toPlainText(),
        }
        pending = page.ops.write(
            handover.save_handover, line, shift.day, shift.code, submit=submit, **texts
        )
        page.written(pending, self._begin_write())

    def acknowledge(self) -> None:
        page = self._page
        line, shift = page.line(), page.shown_shift
        if not line or shift is None or self.view is None or self.writing:
            return
        release = self._begin_write()
        dialog = SignDialog(
            self.tr("Acknowledge the handover"),
            self.tr("I read the handover of {line}, {day} {shift}, written by {who}.").format(
                line=line,
                day=f"{shift.day:%d/%m/%Y}",
                shift=shift_label(shift.code),
                who=self.view.author,
            ),  # fmt: skip
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            release()
            return
        signature, note = dialog.values(), self.ack_note.text()
        pending = page.ops.write(
            handover.acknowledge_handover, line, shift.day, shift.code, note, **signature
        )
        page.written(pending, release)
