"""The Shifts area: a supervisor's view of one shift (planned against present, stations without a
qualified operator, clockings and corrections), the badge clock, the handover log with its
signed acknowledgement, the crews' calendar, and the shift report as PDF or Excel.

Handovers the current shift should have acknowledged and has not are shown in red on top.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.plant_time import DEFAULT_TIME_ZONE, as_utc, zone
from desktop.domain.roles import Permission
from desktop.services import attendance, handover, roster, shift_report
from desktop.services.attendance import ClockResult
from desktop.services.handover import STATUS_NAMES, HandoverView
from desktop.services.roster import RosterRow, StationRef
from desktop.services.shift_overview import (
    ShiftChoices,
    ShiftOverview,
    shift_choices,
    shift_overview,
)
from desktop.services.shifts import CalendarDay, ShiftInfo, current_shift
from desktop.tasks import Ops, Pending
from ui.forms import FormDialog, Write
from ui.main_window import Area
from ui.messages import describe_error, translate
from ui.shifts_models import people_model, shift_label, stations_model
from ui.signature import SignDialog
from ui.style import NOK_RED, OK_GREEN, WARN_AMBER
from ui.widgets import ErrorLine, record_table, title_label
from ui.write_guard import hold

ALL_LINES = ""
CALENDAR_DAYS = 14
PLAIN = Qt.TextFormat.PlainText


def plain(label: QLabel) -> QLabel:
    """Names, notes and badges typed by people are shown as typed, never read as markup."""
    label.setTextFormat(PLAIN)
    return label


class AssignDialog(FormDialog):
    """Plan someone on the shown shift at a station (or move them)."""

    def __init__(
        self, ops: Ops, shift: ShiftInfo, stations: list[str], badge: str = "",
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ops, self.tr("Plan on this shift"), signed=False, parent=parent)
        self._shift = shift
        self.badge = QLineEdit(badge)
        self.badge.setPlaceholderText(self.tr("Scan or type the badge"))
        self.station = QComboBox()
        self.station.addItem(self.tr("No station (floating)"), None)
        for code in stations:
            self.station.addItem(code, code)
        self.form.addRow(self.tr("Badge"), self.badge)
        self.form.addRow(self.tr("Station"), self.station)

    def write(self) -> Write:
        badge, station = self.badge.text().strip(), self.station.currentData()
        return Write(roster.assign, self._shift.day, self._shift.code, badge, station)


class CorrectDialog(FormDialog):
    """A supervisor sets a person's clock-in and clock-out (plant time), with a reason."""

    def __init__(
        self, ops: Ops, shift: ShiftInfo, tz: ZoneInfo, row: RosterRow | None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ops, self.tr("Correct a clocking"), signed=False, parent=parent)
        self._shift, self._tz = shift, tz
        self.badge = QLineEdit(row.badge if row else "")
        start = (row.clock_in if row and row.clock_in else shift.start).astimezone(tz)
        end = (row.clock_out if row and row.clock_out else shift.end).astimezone(tz)
        self.clock_in = QDateTimeEdit(QDateTime(start.replace(tzinfo=None)))
        self.clock_out = QDateTimeEdit(QDateTime(end.replace(tzinfo=None)))
        for edit in (self.clock_in, self.clock_out):
            edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.came = QCheckBox(self.tr("Was there"))
        self.came.setChecked(True)
        self.left = QCheckBox(self.tr("Clocked out"))
        self.left.setChecked(row is None or row.clock_out is not None)
        self.came.toggled.connect(self.clock_in.setEnabled)
        self.left.toggled.connect(self.clock_out.setEnabled)
        self.clock_out.setEnabled(self.left.isChecked())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the clocking is corrected"))
        self.form.addRow(self.tr("Badge"), self.badge)
        self.form.addRow("", self.came)
        self.form.addRow(self.tr("Clock-in (plant time)"), self.clock_in)
        self.form.addRow("", self.left)
        self.form.addRow(self.tr("Clock-out (plant time)"), self.clock_out)
        self.form.addRow(self.tr("Reason"), self.reason)

    def _moment(self, edit: QDateTimeEdit) -> datetime:
        return as_utc(edit.dateTime().toPython().replace(second=0, microsecond=0), self._tz)

    def write(self) -> Write:
        """A plant time that does not exist (the spring gap) is refused here, in words."""
        came = self.came.isChecked()
        clock_in = self._moment(self.clock_in) if came else None
        clock_out = self._moment(self.clock_out) if came and self.left.isChecked() else None
        badge, reason = self.badge.text().strip(), self.reason.text()
        day, code = self._shift.day, self._shift.code
        return Write(attendance.correct, badge, day, code, clock_in, clock_out, reason)


class ClockPanel(QWidget):
    """The badge clock: a scanner in keyboard mode (wedge) types the badge and Enter here; a
    serial scanner's badge comes in through `badge_scanned`."""

    def __init__(self, ops: Ops, tz: Callable[[], ZoneInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._tz = ops, tz
        self._recording: set[str] = set()
        self.badge = QLineEdit()
        self.badge.setObjectName("badgeClock")
        self.badge.setPlaceholderText(self.tr("Scan a badge to clock in or out"))
        self.badge.setStyleSheet("font-size: 28px; padding: 12px;")
        self.badge.returnPressed.connect(lambda: self.badge_scanned(self.badge.text()))
        self.result = plain(QLabel(self.tr("Scan a badge")))
        self.result.setStyleSheet("font-size: 26px; font-weight: bold;")
        self.result.setWordWrap(True)
        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        self.clockings: list[str] = []
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Clock in and out"), section=True))
        layout.addWidget(self.badge)
        layout.addWidget(self.result)
        layout.addWidget(QLabel(self.tr("Last clockings")))
        layout.addWidget(self.history, 1)
        self.on_clocked = None

    @property
    def recording(self) -> int:
        """Badges whose clocking is on its way to the database."""
        return len(self._recording)

    def badge_scanned(self, badge: str) -> None:
        """Clock the badge as the user signed in now. The same badge again while its clocking
        is being recorded (a double Enter, a scanner bounce) is the same clocking and is taken
        once; other badges queue behind it in scan order, none is refused for being early."""
        badge = badge.strip()
        self.badge.clear()
        if not badge or badge in self._recording:
            return
        self._recording.add(badge)
        self._ops.write(attendance.clock, badge).then(
            lambda result: self._clocked(badge, result),
            lambda exc: self._failed(badge, exc),
            owner=self,
        )

    def _clocked(self, badge: str, result: ClockResult) -> None:
        self._recording.discard(badge)
        when = result.at.astimezone(self._tz()).strftime("%H:%M")
        shift = f"{result.day:%d/%m} {shift_label(result.shift)}"
        if result.action == "in":
            text = self.tr("{name}: clocked in at {time}, {shift}")
            colour = OK_GREEN if result.planned else WARN_AMBER
            if not result.planned:
                text += " - " + self.tr("not planned on this shift")
        elif result.action == "out":
            text, colour = self.tr("{name}: clocked out at {time}, {shift}"), OK_GREEN
        else:
            text, colour = self.tr("{name}: already recorded ({shift})"), OK_GREEN
        shown = text.format(name=result.name, time=when, shift=shift)
        self.result.setText(shown)
        self.result.setStyleSheet(f"font-size: 26px; font-weight: bold; color: {colour};")
        self.clockings = [shown, *self.clockings[:49]]
        self.history.setPlainText("\n".join(self.clockings))
        if self.on_clocked is not None:
            self.on_clocked()

    def _failed(self, badge: str, exc: BaseException) -> None:
        self._recording.discard(badge)
        self.result.setText(describe_error(exc))
        self.result.setStyleSheet(f"font-size: 26px; font-weight: bold; color: {NOK_RED};")


class HandoverPanel(QWidget):
    """The handover of the shown line and shift: the automatic summary, the four texts, hand
    over, and the incoming supervisor's signed acknowledgement."""

    def __init__(self, page: ShiftsPage, editable: bool) -> None:
        super().__init__(page)
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

    def show_handover(self, line: str, view: HandoverView | None, summary: dict | None) -> None:
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
        self.summary.setText(self._summary_html(view.summary if view and view.summary else summary))
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

    def _summary_html(self, summary: dict | None) -> str:
        if not summary:
            return ""
        plan = summary.get("plan") or 0
        share = f" ({summary['units'] / plan:.0%})" if plan else ""
        lines = [
            self.tr("Output {units} of {plan} planned{share}; NG {ng}").format(
                units=summary.get("units", 0),
                plan=round(plan),
                share=share,
                ng=summary.get("ng", 0),
            ),
            self.tr("Downtime {minutes} min").format(minutes=summary.get("downtime_minutes", 0)),
            self.tr("Holds placed: {count}").format(count=len(summary.get("holds", []))),
            self.tr("{present} present of {planned} planned; absent: {absent}").format(
                present=summary.get("present", 0),
                planned=summary.get("planned", 0),
                absent=", ".join(summary.get("absent", [])) or "-",
            ),
        ]
        # names of absent people and station codes are typed text: escaped, never markup
        shown = [html.escape(line) for line in lines]
        if summary.get("uncovered_stations"):
            uncovered = self.tr("Without a qualified operator: {stations}").format(
                stations=", ".join(summary["uncovered_stations"])
            )
            shown.append(f"<span style='color: {NOK_RED};'>{html.escape(uncovered)}</span>")
        if summary.get("in_progress"):
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


class ShiftsPage(QWidget):
    def __init__(
        self,
        ops: Ops,
        *,
        may_view: bool = True,
        may_edit_roster: bool = False,
        may_correct: bool = False,
        may_handover: bool = False,
        may_clock: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.tz = zone(DEFAULT_TIME_ZONE)  # until the site's own zone is read
        self._refreshes = 0
        self.loaded: ShiftOverview | None = None
        self.shown_shift: ShiftInfo | None = None
        self._stations: list[StationRef] = []
        self.day = QDateEdit(QDate.currentDate())
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.shift_combo = QComboBox()
        self.line_combo = QComboBox()
        self.line_combo.addItem(self.tr("All lines"), ALL_LINES)
        self.now_button = QPushButton(self.tr("Current shift"))
        self.report_button = QPushButton(self.tr("Shift report"))
        menu = QMenu(self.report_button)
        menu.addAction(self.tr("PDF..."), self.export_pdf)
        menu.addAction(self.tr("Excel (XLSX)..."), self.export_xlsx)
        self.report_button.setMenu(menu)
        self.report_status = plain(QLabel())
        controls = QHBoxLayout()
        controls.addWidget(title_label(self.tr("Shifts")))
        controls.addSpacing(12)
        for label, widget in (
            (self.tr("Day"), self.day),
            (self.tr("Shift"), self.shift_combo),
            (self.tr("Line"), self.line_combo),
        ):
            controls.addWidget(QLabel(label))
            controls.addWidget(widget)
        controls.addWidget(self.now_button)
        controls.addStretch(1)
        controls.addWidget(self.report_status)
        controls.addWidget(self.report_button)
        self.pending = plain(QLabel())
        self.pending.setObjectName("errorText")
        self.pending.setWordWrap(True)
        self.pending.hide()
        self.pending_button = QPushButton(self.tr("Open it"))
        self.pending_button.hide()
        self.pending_button.clicked.connect(self.open_pending)
        self.headline = plain(QLabel())
        self.headline.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.headline.setWordWrap(True)
        self.error = ErrorLine()
        self.error.setTextFormat(PLAIN)
        self.tabs = QTabWidget()

        self.stations_model = stations_model(self)
        self.people_model = people_model(lambda: self.tz, self)
        self.stations_view = record_table(self.stations_model)
        self.people_view = record_table(self.people_model)
        roster_tab = QWidget()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.stations_view)
        split.addWidget(self.people_view)
        split.setSizes([300, 500])
        self.assign_button = QPushButton(self.tr("Plan someone..."))
        self.unassign_button = QPushButton(self.tr("Take off this shift"))
        self.correct_button = QPushButton(self.tr("Correct clocking..."))
        self.assign_button.clicked.connect(self.open_assign)
        self.unassign_button.clicked.connect(self.unassign_selected)
        self.correct_button.clicked.connect(self.open_correct)
        self.assign_button.setVisible(may_edit_roster)
        self.unassign_button.setVisible(may_edit_roster)
        self.correct_button.setVisible(may_correct)
        roster_buttons = QHBoxLayout()
        for button in (self.assign_button, self.unassign_button, self.correct_button):
            roster_buttons.addWidget(button)
        roster_buttons.addStretch(1)
        roster_layout = QVBoxLayout(roster_tab)
        roster_layout.addWidget(split, 1)
        roster_layout.addLayout(roster_buttons)

        self.clock = ClockPanel(ops, lambda: self.tz) if may_clock else None
        self.handover = HandoverPanel(self, may_handover) if may_view else None
        self.calendar = QTableWidget()
        self.calendar.verticalHeader().hide()
        self.calendar.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        if may_view:
            self.tabs.addTab(roster_tab, self.tr("Roster and attendance"))
        if self.clock is not None:
            self.tabs.addTab(self.clock, self.tr("Badge clock"))
            self.clock.on_clocked = self.refresh
        if self.handover is not None:
            self.tabs.addTab(self.handover, self.tr("Handover"))
            self.tabs.addTab(self.calendar, self.tr("Crew calendar"))
        self._may_view = may_view
        self.report_button.setVisible(may_view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        banner = QHBoxLayout()
        banner.addWidget(self.pending, 1)
        banner.addWidget(self.pending_button)
        layout.addLayout(banner)
        layout.addWidget(self.headline)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

        self.now_button.clicked.connect(self.go_to_current)
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.shift_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.line_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.ops.read(shift_choices, may_view, CALENDAR_DAYS).then(self._choices, self.failed)

    # --- loading ------------------------------------------------------------------------------

    def _choices(self, choices: ShiftChoices) -> None:
        self.tz, self._stations = choices.time_zone, choices.stations
        for widget in (self.shift_combo, self.line_combo, self.day):
            widget.blockSignals(True)
        for code in choices.codes:
            self.shift_combo.addItem(shift_label(code), code)
        for line in choices.lines:
            self.line_combo.addItem(line, line)
        current = choices.current
        self.day.setDate(QDate(current.day if current is not None else choices.today))
        if current is not None:
            self.shift_combo.setCurrentIndex(max(0, self.shift_combo.findData(current.code)))
        for widget in (self.shift_combo, self.line_combo, self.day):
            widget.blockSignals(False)
        self._show_calendar(choices.calendar)
        self.refresh()

    def line(self) -> str:
        return self.line_combo.currentData() or ALL_LINES

    def go_to_current(self) -> None:
        self.ops.read(current_shift).then(self._went, self.failed)

    def _went(self, current: ShiftInfo | None) -> None:
        if current is None:
            return
        self.day.blockSignals(True)
        self.day.setDate(QDate(current.day))
        self.day.blockSignals(False)
        self.shift_combo.setCurrentIndex(max(0, self.shift_combo.findData(current.code)))
        self.refresh()

    def refresh(self, after: Callable[[], None] | None = None) -> None:
        """Read the chosen shift again; `after` runs when the answer is back, just before it is
        shown (a write's buttons come back with the state the write left)."""
        code = self.shift_combo.currentData()
        if not code:
            if after is not None:
                after()
            return
        day: date = self.day.date().toPython()
        self._refreshes += 1
        number = self._refreshes

        def arrived(overview: ShiftOverview) -> None:
            if after is not None:
                after()
            if number == self._refreshes:  # an answer to an older choice is not shown
                self._loaded(overview)

        def refused(exc: BaseException) -> None:
            if after is not None:
                after()
            self.failed(exc)

        self.ops.read_as(shift_overview, day, code, self.line() or None, self._may_view).then(
            arrived, refused, owner=self
        )

    def written(self, pending: Pending, release: Callable[[], None]) -> None:
        """Where a write of this page goes: shown once the shift was read again, its buttons
        held until then; a refusal gives them back at once, with the reason."""

        def refused(exc: BaseException) -> None:
            release()
            self.failed(exc)

        pending.then(lambda _result: self.refresh(after=release), refused, owner=self)

    def _loaded(self, loaded: ShiftOverview) -> None:
        self.error.clear_error()
        self.loaded, self.shown_shift = loaded, loaded.shift
        shift = loaded.shift
        start = shift.start.astimezone(self.tz).strftime("%d/%m %H:%M")
        end = shift.end.astimezone(self.tz).strftime("%d/%m %H:%M")
        parts = [
            f"{shift_label(shift.code)} {start} - {end}",
            self.tr("crew {crew}").format(crew=shift.crew or "-"),
        ]
        if shift.holiday:
            parts.append(translate(shift.holiday))
        plan = loaded.roster
        if plan is not None:
            parts.append(
                self.tr("{present} present of {planned} planned").format(
                    present=plan.present, planned=plan.planned
                )
            )
            parts.append(self.tr("{absent} absent, {late} late").format(
                absent=plan.absent, late=plan.late
            ))  # fmt: skip
            if plan.overtime_minutes:
                parts.append(self.tr("overtime {hours:.1f} h").format(
                    hours=plan.overtime_minutes / 60
                ))  # fmt: skip
            if plan.in_progress:
                parts.append(self.tr("in progress"))
            self.stations_model.set_records(plan.stations)
            self.people_model.set_records(plan.rows)
            uncovered = plan.uncovered_stations
            if uncovered:
                parts.append(
                    self.tr("without a qualified operator: {stations}").format(
                        stations=", ".join(uncovered)
                    )
                )
        self.headline.setText("  ·  ".join(parts))
        if loaded.pending:
            items = [
                self.tr("{line} {day} {shift}: {status}").format(
                    line=p.line,
                    day=f"{p.day:%d/%m}",
                    shift=shift_label(p.shift),
                    status=translate(STATUS_NAMES[p.status]),
                )
                for p in loaded.pending
            ]
            self.pending.setText(
                self.tr("Handovers to the current shift not acknowledged: {items}").format(
                    items="; ".join(items)
                )
            )
            self.pending.show()
            self.pending_button.setVisible(self.handover is not None)
        else:
            self.pending.hide()
            self.pending_button.hide()
        if self.handover is not None:
            self.handover.show_handover(self.line(), loaded.handover, loaded.summary)

    def open_pending(self) -> None:
        """Show the first handover waiting for acknowledgement, on its Handover tab."""
        if self.loaded is None or not self.loaded.pending or self.handover is None:
            return
        first = self.loaded.pending[0]
        for widget in (self.day, self.shift_combo, self.line_combo):
            widget.blockSignals(True)
        self.day.setDate(QDate(first.day))
        self.shift_combo.setCurrentIndex(max(0, self.shift_combo.findData(first.shift)))
        self.line_combo.setCurrentIndex(max(0, self.line_combo.findData(first.line)))
        for widget in (self.day, self.shift_combo, self.line_combo):
            widget.blockSignals(False)
        self.tabs.setCurrentWidget(self.handover)
        self.refresh()

    def _show_calendar(self, days: list[CalendarDay]) -> None:
        if not days:
            return
        codes = [s.code for s in days[0].shifts]
        headers = [self.tr("Day")] + [shift_label(c) for c in codes] + [self.tr("Holiday")]
        self.calendar.setColumnCount(len(headers))
        self.calendar.setHorizontalHeaderLabels(headers)
        self.calendar.setRowCount(len(days))
        for row, day in enumerate(days):
            label = QLocale().toString(QDate(day.day), "ddd dd/MM/yyyy")  # day names in French
            cells = [label] + [s.crew or "-" for s in day.shifts] + [translate(day.holiday or "")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if day.holiday:
                    item.setBackground(QBrush(QColor("#fff1d6")))
                self.calendar.setItem(row, column, item)
        self.calendar.resizeColumnsToContents()

    def failed(self, exc: BaseException) -> None:
        self.error.show_error(describe_error(exc))

    # --- actions ------------------------------------------------------------------------------

    def selected_row(self) -> RosterRow | None:
        index = self.people_view.currentIndex()
        return self.people_model.record(index.row()) if index.isValid() else None

    def open_assign(self) -> AssignDialog | None:
        if self.shown_shift is None:
            return None
        line = self.line()
        stations = [s.code for s in self._stations if not line or s.line == line]
        row = self.selected_row()
        dialog = AssignDialog(self.ops, self.shown_shift, stations, row.badge if row else "", self)
        dialog.saved.connect(lambda _r: self.refresh())
        dialog.open()
        return dialog

    def unassign_selected(self) -> None:
        row, shift = self.selected_row(), self.shown_shift
        if row is None or shift is None or not row.planned:
            return
        release = hold(self.unassign_button)
        self.written(self.ops.write(roster.unassign, shift.day, shift.code, row.badge), release)

    def open_correct(self) -> CorrectDialog | None:
        if self.shown_shift is None:
            return None
        dialog = CorrectDialog(self.ops, self.shown_shift, self.tz, self.selected_row(), self)
        dialog.saved.connect(lambda _r: self.refresh())
        dialog.open()
        return dialog

    def _report_name(self, suffix: str) -> str:
        shift = self.shown_shift
        if shift is None:
            return f"shift.{suffix}"
        line = f"-{self.line()}" if self.line() else ""
        return f"shift-{shift.day.isoformat()}-{shift.code}{line}.{suffix}"

    def export_pdf(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Shift report"), self._report_name("pdf"), "PDF (*.pdf)"
            )
        if path and self.shown_shift is not None:
            shift, target = self.shown_shift, Path(path)

            def lay_out(built: shift_report.ShiftReport) -> Path:
                """The report was read on the long-job lane; Qt lays the PDF out here."""
                from desktop.reports_pdf import write_shift_report_pdf

                return write_shift_report_pdf(built, target, translate)

            pending = self.ops.long(shift_report.report_job, shift.day, shift.code, self._line())
            self._report(pending, lay_out)

    def export_xlsx(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Shift report"), self._report_name("xlsx"), "Excel (*.xlsx)"
            )
        if path and self.shown_shift is not None:
            shift = self.shown_shift
            pending = self.ops.long(
                shift_report.xlsx_job, shift.day, shift.code, self._line(), Path(path), translate
            )
            self._report(pending, lambda written: written)

    def _line(self) -> str | None:
        return self.line() or None

    def _report(self, pending: Pending, finish: Callable[[object], Path]) -> None:
        """A report on the long-job lane: its progress beside the button, which stays disabled
        until the file is written or refused (a double click writes it once)."""
        release = hold(self.report_button)

        def progressed(_done: int, _total: int | None, text: str) -> None:
            self.report_status.setText(translate(text) if text else "")

        def done(result: object) -> None:
            release()
            try:
                written = finish(result)
            except OSError as exc:
                self.report_status.clear()
                self.failed(exc)
                return
            self.report_status.setText(
                self.tr("Shift report written: {file}").format(file=written.name)
            )
            self.exported = written

        def refused(exc: BaseException) -> None:
            release()
            self.report_status.clear()
            self.failed(exc)

        pending.then(done, refused, owner=self, on_progress=progressed)

    def badge_scanned(self, badge: str) -> bool:
        """A badge from a serial scanner: clocked when the badge clock is showing (returns
        True: the scan is taken), left alone otherwise."""
        if self.clock is not None and self.tabs.currentWidget() is self.clock and self.isVisible():
            self.clock.badge_scanned(badge)
            return True
        return False


def create_area(context: AppContext) -> Area | None:
    may_view = context.may(Permission.VIEW_SHIFTS)
    may_clock = context.may(Permission.CLOCK_ATTENDANCE)
    if not (may_view or may_clock):
        return None
    page = ShiftsPage(
        context.ops,
        may_view=may_view,
        may_edit_roster=context.may(Permission.EDIT_ROSTER),
        may_correct=context.may(Permission.CORRECT_ATTENDANCE),
        may_handover=context.may(Permission.WRITE_HANDOVER),
        may_clock=may_clock,
    )
    return Area("shifts", QCoreApplication.translate("MainWindow", "Shifts"), page)
