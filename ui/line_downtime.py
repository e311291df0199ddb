"""Stops of the line: the list for the shift, and the supervisor's form to enter a stop or give
a detected one its reason (each change audited by the service).

One write at a time: while a stop is being recorded or explained both buttons are disabled and
a second press sends nothing, so a double click records a stop once (and the service refuses a
stop that overlaps one already entered at the station)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.plant_time import as_utc
from desktop.domain.production import DOWNTIME_REASONS
from desktop.services.production.downtime import DowntimeInfo, explain_downtime, record_downtime
from desktop.tasks import Ops
from ui.line_models import downtime_columns
from ui.messages import describe_error, translate
from ui.table_model import RecordTableModel
from ui.widgets import ErrorLine, InFlight, title_label


def _qdatetime(moment: datetime, tz: ZoneInfo) -> QDateTime:
    local = moment.astimezone(tz).replace(tzinfo=None, second=0, microsecond=0)
    return QDateTime(local)


class DowntimePanel(QWidget):
    changed = Signal()  # a stop was recorded or explained

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.tz = ZoneInfo("Europe/Paris")
        self.line: str | None = None
        self.model: RecordTableModel[DowntimeInfo] = RecordTableModel(
            downtime_columns(self.tz, datetime.now(UTC)), self
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.form = QWidget()
        form = QFormLayout(self.form)
        self.station = QComboBox()
        self.reason = QComboBox()
        for reason in DOWNTIME_REASONS:
            self.reason.addItem(translate(reason.name), reason.code)
        self.start = QDateTimeEdit()
        self.start.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.end = QDateTimeEdit()
        self.end.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.ongoing = QCheckBox(self.tr("Still stopped"))
        self.ongoing.toggled.connect(lambda on: self.end.setEnabled(not on))
        end_row = QHBoxLayout()
        end_row.addWidget(self.end, 1)
        end_row.addWidget(self.ongoing)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What happened (optional)"))
        self.record_button = QPushButton(self.tr("Record stop"))
        self.record_button.setObjectName("primary")
        self.record_button.clicked.connect(self.record)
        self.explain_button = QPushButton(self.tr("Give the selected stop this reason"))
        self.explain_button.clicked.connect(self.explain)
        self._sending = InFlight(self.record_button, self.explain_button)
        form.addRow(self.tr("Station"), self.station)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), end_row)
        form.addRow(self.tr("Note"), self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.explain_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.error = ErrorLine()

        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(title_label(self.tr("Stops this shift"), section=True))
        left.addWidget(self.table, 1)
        right = QVBoxLayout()
        right.addWidget(title_label(self.tr("Enter a stop"), section=True))
        right.addWidget(self.form)
        right.addWidget(self.error)
        right.addStretch(1)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.reset_times()

    def set_editable(self, editable: bool) -> None:
        self.form.setVisible(editable)

    def reset_times(self) -> None:
        now = datetime.now(UTC)
        self.start.setDateTime(_qdatetime(now - timedelta(minutes=15), self.tz))
        self.end.setDateTime(_qdatetime(now, self.tz))

    def set_line(self, line: str, stations: list[str], tz: ZoneInfo) -> None:
        self.tz = tz
        if line != self.line or self.station.count() != len(stations) + 1:
            self.line = line
            self.station.clear()
            self.station.addItem(self.tr("Whole line ({line})").format(line=line), None)
            for code in stations:
                self.station.addItem(code, code)

    def set_stops(self, stops: list[DowntimeInfo]) -> None:
        selected = self._selected()
        self.model._columns = downtime_columns(self.tz, datetime.now(UTC))
        self.model.set_records(sorted(stops, key=lambda d: d.start, reverse=True))
        if selected is not None:
            for row, stop in enumerate(self.model.records()):
                if stop.uuid == selected.uuid and stop.uuid is not None:
                    self.table.selectRow(row)

    def _selected(self) -> DowntimeInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.record(rows[0].row()) if rows else None

    def _naive(self, edit: QDateTimeEdit) -> datetime:
        return edit.dateTime().toPython().replace(second=0, microsecond=0)

    @property
    def in_flight(self) -> bool:
        """A stop was sent and has not come back yet."""
        return self._sending.active

    def record(self) -> None:
        if self._sending.active:
            return  # the first press is being recorded: a second must not record it again
        try:
            start = as_utc(self._naive(self.start), self.tz)
            end = None if self.ongoing.isChecked() else as_utc(self._naive(self.end), self.tz)
        except Exception as exc:  # noqa: BLE001 - shown in red, nothing written
            self.error.show_error(describe_error(exc))
            return
        station = self.station.currentData()
        kwargs = {
            "start": start,
            "end": end,
            "reason": self.reason.currentData(),
            "station": station,
            "line": None if station else self.line,
            "note": self.note.text(),
        }
        self._sending.set(True)
        self.ops.write(record_downtime, **kwargs).then(self._done, self._failed)

    def explain(self) -> None:
        if self._sending.active:
            return
        stop = self._selected()
        if stop is None or stop.uuid is None:
            self.error.show_error(
                self.tr(
                    "Select a stop in the list first (an ongoing detected stop gets its "
                    "reason by entering a stop)"
                )
            )
            return
        reason, note = self.reason.currentData(), self.note.text() or None
        self._sending.set(True)
        self.ops.write(explain_downtime, stop.uuid, reason, note).then(self._done, self._failed)

    def _done(self, _result: object) -> None:
        self._sending.set(False)
        self.error.clear_error()
        self.note.clear()
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._sending.set(False)
        self.error.show_error(describe_error(exc))
