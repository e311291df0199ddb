"""The Shifts page's dialogs: plan someone on the shown shift, and correct a clocking (plant
time, with a reason)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QLineEdit, QWidget

from desktop.domain.plant_time import as_utc
from desktop.services import attendance, roster_changes
from desktop.services.roster import RosterRow
from desktop.services.shifts import ShiftInfo
from desktop.tasks import Ops
from ui.forms import FormDialog, Write


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
        return Write(roster_changes.assign, self._shift.day, self._shift.code, badge, station)


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
