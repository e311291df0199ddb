"""The Shifts area: a supervisor's view of one shift (planned against present, stations without a
qualified operator, clockings and corrections), the badge clock (ui.badge_clock), the handover
log with its signed acknowledgement (ui.handover), the crews' calendar, and the shift report as
PDF or Excel.

Handovers the current shift should have acknowledged and has not are shown in red on top.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.plant_time import DEFAULT_TIME_ZONE, zone
from desktop.domain.roles import Permission
from desktop.services import roster_changes, shift_report_export
from desktop.services.handover import STATUS_NAMES
from desktop.services.roster import RosterRow, StationRef
from desktop.services.shift_overview import (
    ShiftChoices,
    ShiftOverview,
    shift_choices,
    shift_overview,
)
from desktop.services.shift_report import ShiftReport
from desktop.services.shifts import CalendarDay, ShiftInfo, current_shift
from desktop.tasks import Ops, Pending
from ui.badge_clock import ClockPanel
from ui.handover import HandoverPanel
from ui.main_window import Area
from ui.messages import describe_error, translate
from ui.shifts_dialogs import AssignDialog, CorrectDialog
from ui.shifts_models import people_model, shift_label, stations_model
from ui.typed_text import PLAIN, plain
from ui.widgets import ErrorLine, controls_bar, menu_button, record_table
from ui.write_guard import hold

ALL_LINES = ""
CALENDAR_DAYS = 14


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
        self.report_button = menu_button(
            self.tr("Shift report"),
            (self.tr("PDF..."), self.export_pdf),
            (self.tr("Excel (XLSX)..."), self.export_xlsx),
        )
        self.report_status = plain(QLabel())
        controls = controls_bar(
            self.tr("Shifts"),
            (self.tr("Day"), self.day),
            (self.tr("Shift"), self.shift_combo),
            (self.tr("Line"), self.line_combo),
        )
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
        self.handover = HandoverPanel(self, may_handover, self) if may_view else None
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
            self.handover.show_handover(self.line(), loaded.handover, loaded.shown_summary)

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
        return self.people_model.current(self.people_view)

    def open_assign(self) -> AssignDialog | None:
        if self.shown_shift is None:
            return None
        line = self.line()
        stations = [s.code for s in self._stations if not line or s.line == line]
        row = self.selected_row()
        dialog = AssignDialog(self.ops, self.shown_shift, stations, row.badge if row else "", self)
        return dialog.open_with(lambda _r: self.refresh())

    def unassign_selected(self) -> None:
        row, shift = self.selected_row(), self.shown_shift
        if row is None or shift is None or not row.planned:
            return
        release = hold(self.unassign_button)
        self.written(
            self.ops.write(roster_changes.unassign, shift.day, shift.code, row.badge), release
        )

    def open_correct(self) -> CorrectDialog | None:
        if self.shown_shift is None:
            return None
        dialog = CorrectDialog(self.ops, self.shown_shift, self.tz, self.selected_row(), self)
        return dialog.open_with(lambda _r: self.refresh())

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

            def lay_out(built: ShiftReport) -> Path:
                """The report was read on the long-job lane; Qt lays the PDF out here."""
                from desktop.reports_pdf import write_shift_report_pdf

                return write_shift_report_pdf(built, target, translate)

            pending = self.ops.long(
                shift_report_export.report_job, shift.day, shift.code, self._line()
            )
            self._report(pending, lay_out)

    def export_xlsx(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Shift report"), self._report_name("xlsx"), "Excel (*.xlsx)"
            )
        if path and self.shown_shift is not None:
            shift = self.shown_shift
            pending = self.ops.long(
                shift_report_export.xlsx_job,
                shift.day,
                shift.code,
                self._line(),
                Path(path),
                translate,
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
