"""The People area's headcount tabs: today's figure against the staffing target, the trajectory
chart, breakdowns on any day, the capacity-linked plan, the Excel export, and the open
requisitions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.headcount import (
    HeadcountOverview,
    HeadcountSnapshot,
    headcount_at,
    headcount_overview,
)
from desktop.services.people_export import export_headcount_workbook
from desktop.services.requisitions import RequisitionView
from desktop.tasks import Ops
from ui.formatting import percent
from ui.forms import disable_while
from ui.messages import describe_error
from ui.people_chart import HeadcountChart
from ui.people_widgets import contract_name, department_name, error_line, read_only_table
from ui.style import NOK_RED, OK_GREEN, WARN_AMBER
from ui.table_model import Column, RecordTableModel
from ui.widgets import title_label


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    share: str


def _contract_short(code: str) -> str:
    """CDI and CDD are the words of French labour law, kept as they are."""
    short = {
        "interim": QCoreApplication.translate("PeoplePage", "Interim"),
        "apprentice": QCoreApplication.translate("PeoplePage", "Apprentice"),
    }
    return short.get(code, code)


def _shares(counts: dict[str, int], name) -> list[Share]:  # noqa: ANN001 - code -> label
    total = sum(counts.values())
    return [
        Share(name(code), count, percent(count / total, 0) if total else "-")
        for code, count in counts.items()
    ]


class Tile(QFrame):
    """A big figure with its caption, readable from across the office."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(
            "#tile { background: white; border: 1px solid #d9dee7; border-radius: 6px; }"
        )
        self.value = QLabel("-")
        self.value.setStyleSheet("font-size: 30px; font-weight: bold;")
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("font-size: 14px; color: #5a6374;")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, value: str, colour: str | None = None) -> None:
        self.value.setText(value)
        style = "font-size: 30px; font-weight: bold;"
        self.value.setStyleSheet(style + (f" color: {colour};" if colour else ""))


class HeadcountTab(QWidget):
    """Today's figure against the target, the trajectory chart, breakdowns on any day."""

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self._ops = ops
        self.overview: HeadcountOverview | None = None
        self.headcount_tile = Tile(self.tr("people today"))
        self.target_tile = Tile(self.tr("staffing target"))
        self.gap_tile = Tile(self.tr("still to hire"))
        self.forecast_tile = Tile(self.tr("target reached at the current hiring and attrition"))
        self.requisitions_tile = Tile(self.tr("open positions (requisitions)"))
        tiles = QHBoxLayout()
        for tile in (
            self.headcount_tile,
            self.target_tile,
            self.gap_tile,
            self.forecast_tile,
            self.requisitions_tile,
        ):
            tiles.addWidget(tile, 1)
        self.rates = QLabel()
        self.rates.setWordWrap(True)
        self.chart = HeadcountChart()

        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(self._day_changed)
        self.day_label = QLabel()
        self.day_label.setTextFormat(Qt.TextFormat.PlainText)  # a file name shows as typed
        self.export_button = QPushButton(self.tr("Export to Excel"))
        self.export_button.clicked.connect(self.export)
        share_columns = [
            Column(self.tr("People"), lambda r: r.count, align_right=True),
            Column(self.tr("Share"), lambda r: r.share, align_right=True),
        ]
        self.departments: RecordTableModel[Share] = RecordTableModel(
            [Column(self.tr("Department"), lambda r: r.label), *share_columns], self
        )
        self.contracts: RecordTableModel[Share] = RecordTableModel(
            [Column(self.tr("Contract"), lambda r: r.label), *share_columns], self
        )
        self.crews: RecordTableModel[Share] = RecordTableModel(
            [Column(self.tr("Crew"), lambda r: r.label), *share_columns], self
        )
        self.capacity: RecordTableModel = RecordTableModel(
            [
                Column(self.tr("GWh a year"), lambda r: f"{r.gwh:g}", align_right=True),
                Column(self.tr("Staff needed"), lambda r: f"{r.staff:,}", align_right=True),
            ],
            self,
        )
        self.requisitions: RecordTableModel[RequisitionView] = RecordTableModel(
            [
                Column(self.tr("Requisition"), lambda r: r.code),
                Column(self.tr("Department"), lambda r: department_name(r.department)),
                Column(self.tr("Job"), lambda r: r.job),
                Column(self.tr("Contract"), lambda r: contract_name(r.contract)),
                Column(self.tr("Positions"), lambda r: r.positions, align_right=True),
                Column(self.tr("Opened"), lambda r: r.opened_on),
                Column(self.tr("Wanted by"), lambda r: r.wanted_by),
            ],
            self,
        )
        self.capacity_label = QLabel()
        self.capacity_label.setWordWrap(True)
        self.error = error_line()

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Figures on")))
        controls.addWidget(self.day)
        controls.addWidget(self.day_label, 1)
        controls.addWidget(self.export_button)
        grid = QGridLayout()
        titles = (
            self.tr("By department"),
            self.tr("By contract"),
            self.tr("By crew"),
            self.tr("Capacity-linked plan"),
        )
        models = (self.departments, self.contracts, self.crews, self.capacity)
        for column, (title, model) in enumerate(zip(titles, models, strict=True)):
            grid.addWidget(title_label(title, section=True), 0, column)
            grid.addWidget(read_only_table(model, compact=True), 1, column)
            grid.setColumnStretch(column, 1)
        grid.addWidget(self.capacity_label, 2, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(tiles)
        layout.addWidget(self.rates)
        layout.addWidget(self.chart, 1)
        layout.addLayout(controls)
        layout.addWidget(self.error)
        layout.addLayout(grid, 0)

    def refresh(self) -> None:
        self.error.clear_error()
        self._ops.read_as(headcount_overview).then(self._show, self._failed)

    def _show(self, overview: HeadcountOverview) -> None:
        self.overview = overview
        snapshot = overview.snapshot
        self.headcount_tile.set(f"{snapshot.headcount:,}", OK_GREEN)
        self.target_tile.set(f"{snapshot.target:,}")
        gap = snapshot.target - snapshot.headcount
        self.gap_tile.set(f"{max(gap, 0):,}", WARN_AMBER if gap > 0 else OK_GREEN)
        if overview.forecast_date is None:
            self.forecast_tile.set(self.tr("not at these rates"), NOK_RED)
        else:
            self.forecast_tile.set(overview.forecast_date.strftime("%Y-%m"))
        self.requisitions_tile.set(f"{snapshot.open_requisitions:,}")
        self.rates.setText(
            self.tr(
                "Last 90 days: {hires:.1f} hires and {leavers:.1f} leavers a month. "
                "Last 12 months: {hired} hired, {left} left, attrition {attrition}."
            ).format(
                hires=overview.rates.hires_per_month,
                leavers=overview.rates.leavers_per_month,
                hired=overview.hires_12_months,
                left=overview.leavers_12_months,
                attrition=percent(overview.annual_attrition_12_months),
            )
        )
        self.chart.set_overview(overview)
        self.capacity.set_records(overview.capacity_plan)
        self.capacity_label.setText(
            self.tr("{ratio:g} people per GWh a year (today {capacity:g} GWh)").format(
                ratio=overview.staff_per_gwh, capacity=overview.capacity_gwh
            )
        )
        self.requisitions.set_records(overview.requisitions)
        self.day.blockSignals(True)
        self.day.setMaximumDate(QDate(snapshot.date.year, snapshot.date.month, snapshot.date.day))
        self.day.setDate(QDate(snapshot.date.year, snapshot.date.month, snapshot.date.day))
        self.day.blockSignals(False)
        self._show_snapshot(snapshot)

    def _show_snapshot(self, snapshot: HeadcountSnapshot) -> None:
        self.day_label.setText(
            self.tr("{count} people on {day}").format(
                count=f"{snapshot.headcount:,}", day=snapshot.date.isoformat()
            )
        )
        self.departments.set_records(_shares(snapshot.by_department, department_name))
        self.contracts.set_records(_shares(snapshot.by_contract, _contract_short))
        self.crews.set_records(
            _shares(
                snapshot.by_crew,
                lambda c: self.tr("no crew") if c == "none" else c,
            )
        )

    def _day_changed(self, value: QDate) -> None:
        day = date(value.year(), value.month(), value.day())
        self._ops.read_as(headcount_at, day).then(self._show_snapshot, self._failed)

    def export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), "headcount.xlsx", self.tr("Excel workbook (*.xlsx)")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        """Write the workbook on the long-job lane; the button waits for it (one file per
        press, however often it is clicked)."""
        value = self.day.date()
        day = date(value.year(), value.month(), value.day())
        disable_while(
            self.export_button,
            self._ops.long(export_headcount_workbook, path, day),
            lambda _path: self.day_label.setText(self.tr("Written: {path}").format(path=str(path))),
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.error.show_error(describe_error(exc))


class RequisitionsTab(QWidget):
    """The open requisitions (approved positions not yet filled)."""

    def __init__(self, headcount: HeadcountTab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headcount = headcount
        self.total = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.total)
        layout.addWidget(read_only_table(headcount.requisitions), 1)
        headcount.requisitions.modelReset.connect(self._count)

    def _count(self) -> None:
        records = self._headcount.requisitions.records()
        self.total.setText(
            self.tr("{count} open requisitions, {positions} positions").format(
                count=len(records), positions=sum(r.positions for r in records)
            )
        )

    def refresh(self) -> None:
        if self._headcount.overview is None:
            self._headcount.refresh()
