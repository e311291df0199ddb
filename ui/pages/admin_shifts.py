"""Admin: shift patterns (3x8, 2x12) and their times, the crews' rotation, public holidays.
Master data: every change is signed and audited by the services."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.services import shift_master_data, shifts
from desktop.services.shifts import HolidayInfo, PatternInfo
from desktop.tasks import Ops
from ui.forms import FormDialog, Write
from ui.master_data_page import CanEdit, MasterDataPage, anyone, master_data_tab
from ui.messages import describe_error, translate
from ui.shifts_models import shift_label
from ui.signature import SignDialog
from ui.table_model import Column, RecordTableModel
from ui.widgets import ErrorLine, button_row, page_layout
from ui.write_guard import hold


class HolidayDialog(FormDialog):
    def __init__(
        self, ops: Ops, holiday: HolidayInfo | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, self.tr("Public holiday"), signed=True, parent=parent)
        self.day = QDateEdit(QDate(holiday.day) if holiday else QDate.currentDate())
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.day.setEnabled(holiday is None)
        self.name = QLineEdit(translate(holiday.name) if holiday else "")
        self.closed = QCheckBox(self.tr("Plant closed (no shift that day)"))
        self.closed.setChecked(holiday.closed if holiday else False)
        self.form.addRow(self.tr("Day"), self.day)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow("", self.closed)

    def write(self) -> Write:
        day, name, closed = self.day.date().toPython(), self.name.text(), self.closed.isChecked()
        return Write(shift_master_data.save_holiday, day, name, closed, **self.signature_values())


class AdminShiftsPage(MasterDataPage):
    def __init__(self, ops: Ops, can_edit: CanEdit = anyone, parent: QWidget | None = None) -> None:
        super().__init__(ops, can_edit, parent)
        self.patterns: list[PatternInfo] = []
        self.error = ErrorLine()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.saved = QLabel()
        self.saved.setObjectName("okText")

        self.pattern_combo = QComboBox()
        self.active_label = QLabel()
        self.activate_button = QPushButton(self.tr("Make this the plant's pattern"))
        self.times_form = QFormLayout()
        self.time_edits: dict[str, tuple[QTimeEdit, QTimeEdit]] = {}
        self.save_times_button = QPushButton(self.tr("Save the times"))
        self.cycle = QLineEdit()
        self.cycle.setToolTip(
            self.tr("Shift ids day by day for one crew, '-' for a day off, separated by commas")
        )
        self.crews = QLineEdit()
        self.step = QSpinBox()
        self.step.setRange(0, 366)
        self.anchor = QDateEdit()
        self.anchor.setDisplayFormat("dd/MM/yyyy")
        self.anchor.setCalendarPopup(True)
        self.save_rotation_button = QPushButton(self.tr("Save the rotation"))

        pattern_box = QGroupBox(self.tr("Shift pattern"))
        pattern_layout = QVBoxLayout(pattern_box)
        top = QHBoxLayout()
        top.addWidget(self.pattern_combo)
        top.addWidget(self.active_label)
        top.addStretch(1)
        top.addWidget(self.activate_button)
        pattern_layout.addLayout(top)
        pattern_layout.addLayout(self.times_form)
        pattern_layout.addWidget(self.save_times_button)
        rotation_box = QGroupBox(self.tr("Crew rotation"))
        rotation = QFormLayout(rotation_box)
        rotation.addRow(self.tr("Cycle of one crew"), self.cycle)
        rotation.addRow(self.tr("Crews in order"), self.crews)
        rotation.addRow(self.tr("Days between two crews"), self.step)
        rotation.addRow(self.tr("First day of the cycle"), self.anchor)
        rotation.addRow("", self.save_rotation_button)

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(QDate.currentDate().year())
        self.holidays_model: RecordTableModel[HolidayInfo] = RecordTableModel(
            [
                Column(self.tr("Day"), lambda h: h.day.strftime("%d/%m/%Y")),
                Column(self.tr("Name"), lambda h: translate(h.name)),
                Column(
                    self.tr("Plant closed"), lambda h: self.tr("yes") if h.closed else self.tr("no")
                ),
            ],
            self,
        )
        self.holidays_view = QTableView()
        self.holidays_view.setModel(self.holidays_model)
        self.holidays_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.holidays_view.verticalHeader().hide()
        self.holidays_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.holidays_view.horizontalHeader().setStretchLastSection(True)
        self.french_button = QPushButton(self.tr("Add France's holidays of the year"))
        self.add_holiday_button = QPushButton(self.tr("New holiday"))
        self.edit_holiday_button = QPushButton(self.tr("Edit"))
        self.delete_holiday_button = QPushButton(self.tr("Delete"))
        holiday_box = QGroupBox(self.tr("Public holidays"))
        holidays = QVBoxLayout(holiday_box)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Year")))
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        year_row.addWidget(self.french_button)
        holidays.addLayout(year_row)
        holidays.addWidget(self.holidays_view, 1)
        holidays.addLayout(
            button_row(
                self.add_holiday_button, self.edit_holiday_button, self.delete_holiday_button
            )
        )

        left = QVBoxLayout()
        left.addWidget(pattern_box)
        left.addWidget(rotation_box)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(holiday_box, 2)
        layout = page_layout(self, self.tr("Shifts, crews and holidays"), self.error, self.saved)
        layout.addLayout(columns, 1)

        self.pattern_combo.currentIndexChanged.connect(lambda _i: self._show_pattern())
        self.activate_button.clicked.connect(self.activate)
        self.save_times_button.clicked.connect(self.save_times)
        self.save_rotation_button.clicked.connect(self.save_rotation)
        self.year.valueChanged.connect(lambda _y: self.load_holidays())
        self.french_button.clicked.connect(self.add_french)
        self.add_holiday_button.clicked.connect(lambda: self.open_holiday(None))
        self.edit_holiday_button.clicked.connect(self.edit_holiday)
        self.delete_holiday_button.clicked.connect(self.delete_holiday)
        self.holidays_view.doubleClicked.connect(lambda _i: self.edit_holiday())

    def editing_buttons(self) -> Sequence[QWidget]:
        return (
            self.activate_button,
            self.save_times_button,
            self.save_rotation_button,
            self.french_button,
            self.add_holiday_button,
            self.edit_holiday_button,
            self.delete_holiday_button,
        )

    def refresh(self) -> None:
        self._ops.read(shifts.list_patterns).then(self._show_patterns, self._failed)
        self.load_holidays()

    def load_holidays(self) -> None:
        year = self.year.value()
        self._ops.read(shifts.list_holidays, year).then(self._show_holidays, self._failed)

    def _show_holidays(self, holidays: list[HolidayInfo]) -> None:
        if holidays and holidays[0].day.year != self.year.value():
            return  # the answer for a year since left (the spin box moved on meanwhile)
        self.holidays_model.set_records(holidays)

    def _show_patterns(self, patterns: list[PatternInfo]) -> None:
        keep = self.pattern_combo.currentData()
        self.patterns = patterns
        self.pattern_combo.blockSignals(True)
        self.pattern_combo.clear()
        for pattern in patterns:
            self.pattern_combo.addItem(pattern.name, pattern.code)
        codes = [p.code for p in patterns]
        chosen = keep if keep in codes else next((p.code for p in patterns if p.active), None)
        self.pattern_combo.setCurrentIndex(max(0, self.pattern_combo.findData(chosen)))
        self.pattern_combo.blockSignals(False)
        self._show_pattern()

    def pattern(self) -> PatternInfo | None:
        code = self.pattern_combo.currentData()
        return next((p for p in self.patterns if p.code == code), None)

    def _show_pattern(self) -> None:
        pattern = self.pattern()
        while self.times_form.rowCount():
            self.times_form.removeRow(0)
        self.time_edits.clear()
        if pattern is None:
            return
        self.active_label.setText(self.tr("in use") if pattern.active else self.tr("not in use"))
        self.activate_button.setEnabled(not pattern.active)
        for shift in pattern.shifts:
            start, end = QTimeEdit(QTime(shift.start)), QTimeEdit(QTime(shift.end))
            for edit in (start, end):
                edit.setDisplayFormat("HH:mm")
            row = QHBoxLayout()
            row.addWidget(start)
            row.addWidget(QLabel("-"))
            row.addWidget(end)
            row.addStretch(1)
            self.time_edits[shift.code] = (start, end)
            self.times_form.addRow(shift_label(shift.code), row)
        rotation = pattern.rotation
        self.cycle.setText(rotation.cycle_text)
        self.crews.setText(",".join(rotation.crews))
        self.step.setValue(rotation.step)
        self.anchor.setDate(QDate(rotation.anchor))

    def _failed(self, exc: BaseException) -> None:
        self.saved.clear()
        self.error.show_error(describe_error(exc))

    def _done(self, _result: object) -> None:
        self.error.clear_error()
        self.saved.setText(self.tr("Saved"))
        self.refresh()

    def _signed(
        self,
        button: QPushButton,
        title: str,
        question: str,
        fn: Callable[..., object],
        *args: Any,
    ) -> None:
        """A signed master-data write; `button` stays disabled from the click until the
        answer is back, so a double click asks for one signature and writes once."""
        release = hold(button)
        dialog = SignDialog(title, question, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            release()
            return

        def done(result: object) -> None:
            release()
            self._done(result)

        def refused(exc: BaseException) -> None:
            release()
            self._failed(exc)

        self._ops.write(fn, *args, **dialog.values()).then(done, refused, owner=self)

    def save_times(self) -> None:
        pattern = self.pattern()
        if pattern is None:
            return
        times = [
            (
                code,
                time.fromisoformat(s.time().toString("HH:mm")),
                time.fromisoformat(e.time().toString("HH:mm")),
            )
            for code, (s, e) in self.time_edits.items()
        ]
        self._signed(
            self.save_times_button,
            self.tr("Shift times"),
            self.tr("Save the times of pattern {pattern}?").format(pattern=pattern.name),
            shift_master_data.save_pattern,
            pattern.code,
            times,
        )

    def activate(self) -> None:
        pattern = self.pattern()
        if pattern is None:
            return
        self._signed(
            self.activate_button,
            self.tr("Shift pattern"),
            self.tr("Run the plant on pattern {pattern} from now on?").format(pattern=pattern.name),
            shift_master_data.activate_pattern,
            pattern.code,
        )

    def save_rotation(self) -> None:
        pattern = self.pattern()
        if pattern is None:
            return
        cycle, crews = self.cycle.text(), self.crews.text()
        step, anchor = self.step.value(), self.anchor.date().toPython()
        self._signed(
            self.save_rotation_button,
            self.tr("Crew rotation"),
            self.tr("Save the rotation of pattern {pattern}?").format(pattern=pattern.name),
            shift_master_data.save_rotation,
            pattern.code,
            cycle,
            crews,
            step,
            anchor,
        )

    def add_french(self) -> None:
        year = self.year.value()
        self._signed(
            self.french_button,
            self.tr("Public holidays"),
            self.tr("Add France's public holidays of {year}?").format(year=year),
            shift_master_data.add_french_holidays,
            year,
        )

    def current_holiday(self) -> HolidayInfo | None:
        return self.holidays_model.current(self.holidays_view)

    def open_holiday(self, holiday: HolidayInfo | None) -> HolidayDialog:
        return HolidayDialog(self._ops, holiday, self).open_with(self._done)

    def edit_holiday(self) -> None:
        self.edit_current(self.holidays_model, self.holidays_view, self.open_holiday)

    def delete_holiday(self) -> None:
        holiday = self.current_holiday()
        if holiday is None:
            return
        self._signed(
            self.delete_holiday_button,
            self.tr("Public holidays"),
            self.tr("Delete the holiday of {day}?").format(day=holiday.day.strftime("%d/%m/%Y")),
            shift_master_data.delete_holiday,
            holiday.day,
        )


def create_tab(context: AppContext) -> tuple[str, QWidget] | None:
    return master_data_tab(
        context,
        QCoreApplication.translate("AdminShiftsPage", "Shifts and holidays"),
        AdminShiftsPage,
    )
