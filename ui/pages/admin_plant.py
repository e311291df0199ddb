"""Admin: lines and stations of the plant, edited by an administrator."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.plant import STATION_TYPES
from desktop.services import plant
from desktop.services.plant import LineInfo, StationInfo
from desktop.tasks import Ops
from ui.forms import FormDialog, Write, disable_while, text_field
from ui.master_data_page import CanEdit, MasterDataPage, anyone, master_data_tab
from ui.messages import describe_error, translate
from ui.signature import SignDialog
from ui.table_model import Column, RecordTableModel
from ui.widgets import ErrorLine, button_row, page_layout, record_table, title_label


def _kind_name(kind: str) -> str:
    names = {
        "cell": QCoreApplication.translate("AdminPlantPage", "Cells"),
        "module": QCoreApplication.translate("AdminPlantPage", "Modules"),
        "pack": QCoreApplication.translate("AdminPlantPage", "Packs"),
    }
    return names.get(kind, kind)


def _type_name(code: str) -> str:
    for info in STATION_TYPES:
        if info.code == code:
            return translate(info.name)
    return code


def _yes_no(flag: bool) -> str:
    return (
        QCoreApplication.translate("AdminPlantPage", "Yes")
        if flag
        else QCoreApplication.translate("AdminPlantPage", "No")
    )


class StationDialog(FormDialog):
    """New or edited station; the service validates, errors show in red under the form."""

    def __init__(
        self,
        ops: Ops,
        lines: list[LineInfo],
        station: StationInfo | None,
        default_line: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ops,
            self.tr("New station") if station is None else self.tr("Edit station"),
            signed=True,
            parent=parent,
        )
        self._station = station
        self.code = text_field(station.code if station else "", "FILL-3", fixed=station is not None)
        self.name = QLineEdit(station.name if station else "")
        self.line = QComboBox()
        for line in lines:
            self.line.addItem(f"{line.code} - {line.name}", line.code)
        chosen = station.line if station else default_line
        if chosen is not None:
            self.line.setCurrentIndex(max(0, self.line.findData(chosen)))
        self.station_type = QComboBox()
        for info in STATION_TYPES:
            self.station_type.addItem(translate(info.name), info.code)
        if station is not None:
            self.station_type.setCurrentIndex(self.station_type.findData(station.station_type))
        self.position = QSpinBox()
        self.position.setRange(1, 999)
        self.position.setValue(station.position if station else 1)
        self.active = QCheckBox(self.tr("In service"))
        self.active.setChecked(station.active if station else True)
        self.form.addRow(self.tr("Station id"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Line"), self.line)
        self.form.addRow(self.tr("Station type"), self.station_type)
        self.form.addRow(self.tr("Position on the line"), self.position)
        self.form.addRow("", self.active)

    def write(self) -> Write:
        return Write(
            plant.save_station,
            code=self.code.text(),
            name=self.name.text(),
            line=self.line.currentData() or "",
            station_type=self.station_type.currentData(),
            position=self.position.value(),
            active=self.active.isChecked(),
            new=self._station is None,
            **self.signature_values(),
        )


class LineDialog(FormDialog):
    """New or edited line."""

    def __init__(self, ops: Ops, line: LineInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(
            ops,
            self.tr("New line") if line is None else self.tr("Edit line"),
            signed=True,
            parent=parent,
        )
        self.code = text_field(line.code if line else "", "CELL-3", fixed=line is not None)
        self.name = QLineEdit(line.name if line else "")
        self.kind = QComboBox()
        for kind in ("cell", "module", "pack"):
            self.kind.addItem(_kind_name(kind), kind)
        if line is not None:
            self.kind.setCurrentIndex(self.kind.findData(line.kind))
        self.active = QCheckBox(self.tr("In service"))
        self.active.setChecked(line.active if line else True)
        self.form.addRow(self.tr("Line id"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Makes"), self.kind)
        self.form.addRow("", self.active)

    def write(self) -> Write:
        return Write(
            plant.save_line,
            code=self.code.text(),
            name=self.name.text(),
            kind=self.kind.currentData(),
            active=self.active.isChecked(),
            **self.signature_values(),
        )


class AdminPlantPage(MasterDataPage):
    """Lines on the left, the selected line's stations on the right."""

    def __init__(self, ops: Ops, can_edit: CanEdit = anyone, parent: QWidget | None = None) -> None:
        super().__init__(ops, can_edit, parent)
        self._lines: list[LineInfo] = []
        self.lines_model: RecordTableModel[LineInfo] = RecordTableModel(
            [
                Column(self.tr("Line"), lambda r: r.code),
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Makes"), lambda r: _kind_name(r.kind)),
                Column(self.tr("Stations"), lambda r: r.station_count, align_right=True),
            ],
            self,
        )
        self.stations_model: RecordTableModel[StationInfo] = RecordTableModel(
            [
                Column(self.tr("Position"), lambda r: r.position, align_right=True),
                Column(self.tr("Station"), lambda r: r.code),
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Station type"), lambda r: _type_name(r.station_type)),
                Column(self.tr("In service"), lambda r: _yes_no(r.active)),
            ],
            self,
        )
        self.lines_view = record_table(self.lines_model)
        self.stations_view = record_table(self.stations_model)
        self.lines_view.selectionModel().currentRowChanged.connect(self._load_stations)
        self.lines_view.doubleClicked.connect(lambda _i: self.edit_line())
        self.new_line_button = QPushButton(self.tr("New line"))
        self.edit_line_button = QPushButton(self.tr("Edit line"))
        self.new_line_button.clicked.connect(lambda: self._open_line_dialog(None))
        self.edit_line_button.clicked.connect(self.edit_line)
        self.stations_view.doubleClicked.connect(lambda _i: self.edit_station())

        self.new_button = QPushButton(self.tr("New station"))
        self.new_button.setObjectName("primary")
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.new_button.clicked.connect(self.new_station)
        self.edit_button.clicked.connect(self.edit_station)
        self.delete_button.clicked.connect(self.delete_station)
        self.error = ErrorLine()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # an id typed in shows as typed

        buttons = button_row(self.new_button, self.edit_button, self.delete_button)
        left = QVBoxLayout()
        left.addWidget(title_label(self.tr("Lines"), section=True))
        left.addWidget(self.lines_view)
        left.addLayout(button_row(self.new_line_button, self.edit_line_button))
        right = QVBoxLayout()
        right.addWidget(title_label(self.tr("Stations of the line"), section=True))
        right.addWidget(self.stations_view)
        right.addLayout(buttons)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = page_layout(self, self.tr("Lines and stations"), self.error)
        layout.addLayout(columns, 1)

    def editing_buttons(self) -> Sequence[QWidget]:
        return (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.new_line_button,
            self.edit_line_button,
        )

    def current_line(self) -> str | None:
        line = self.lines_model.current(self.lines_view)
        return line.code if line is not None else None

    def current_station(self) -> StationInfo | None:
        return self.stations_model.current(self.stations_view)

    def refresh(self) -> None:
        keep = self.current_line()
        self._ops.read(plant.list_lines).then(
            lambda lines: self._show_lines(lines, keep), self._failed, owner=self
        )

    def _show_lines(self, lines: list[LineInfo], keep: str | None) -> None:
        self._lines = lines
        self.lines_model.set_records(lines)
        codes = [line.code for line in lines]
        if codes:
            row = codes.index(keep) if keep in codes else 0
            self.lines_view.selectRow(row)
            self._load_stations()

    def _load_stations(self, *_args: object) -> None:
        line = self.current_line()
        if line is None:
            self.stations_model.set_records([])
            return
        self._ops.read(plant.list_stations, line).then(
            lambda stations: self._show_stations(line, stations), self._failed, owner=self
        )

    def _show_stations(self, line: str, stations: list[StationInfo]) -> None:
        if line == self.current_line():  # an answer for a line no longer selected is stale
            self.stations_model.set_records(stations)

    def _failed(self, exc: BaseException) -> None:
        self.error.show_error(describe_error(exc))

    def new_station(self) -> None:
        self._open_dialog(None)

    def edit_station(self) -> None:
        self.edit_current(self.stations_model, self.stations_view, self._open_dialog)

    def _open_dialog(self, station: StationInfo | None) -> StationDialog:
        dialog = StationDialog(self._ops, self._lines, station, self.current_line(), self)
        return dialog.open_with(lambda _s: self.refresh())

    def edit_line(self) -> None:
        self.edit_current(self.lines_model, self.lines_view, self._open_line_dialog)

    def _open_line_dialog(self, line: LineInfo | None) -> LineDialog:
        return LineDialog(self._ops, line, self).open_with(lambda _l: self.refresh())

    def delete_station(self) -> None:
        station = self.current_station()
        if station is None:
            return
        dialog = SignDialog(
            self.tr("Delete station"),
            self.tr("Delete station {station}?").format(station=station.code),
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            disable_while(
                self.delete_button,
                self._ops.write(plant.delete_station, station.code, **dialog.values()),
                lambda _r: self.refresh(),
                self._failed,
            )


def create_tab(context: AppContext) -> tuple[str, QWidget] | None:
    return master_data_tab(
        context, QCoreApplication.translate("AdminPlantPage", "Lines and stations"), AdminPlantPage
    )
