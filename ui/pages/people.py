"""The People area: headcount toward the staffing target, employees, and the skills matrix.

What shows depends on the signed-in user (GDPR, enforced by the services): supervisors, QA, HR
and admin see the headcount; supervisors see names, crews and skills; HR and admin also see
contracts and dates (each such view is recorded); an operator sees their own record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.people import CONTRACTS, DEPARTMENTS, CertificateState
from desktop.domain.roles import Permission
from desktop.services import people
from desktop.services.people import (
    EmployeeView,
    HeadcountOverview,
    HeadcountSnapshot,
    RequisitionView,
    SkillsMatrix,
)
from desktop.tasks import Ops
from ui.forms import disable_while
from ui.main_window import Area
from ui.messages import describe_error, translate
from ui.people_chart import HeadcountChart
from ui.people_skills import STATE_COLOURS, SkillsMatrixModel
from ui.style import NOK_RED, OK_GREEN, WARN_AMBER
from ui.table_model import Column, RecordTableModel
from ui.widgets import ErrorLine, title_label


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    share: str


def _department(code: str) -> str:
    return translate(DEPARTMENTS[code]) if code in DEPARTMENTS else code


def _contract(code: str) -> str:
    return translate(CONTRACTS[code]) if code in CONTRACTS else code


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
        Share(name(code), count, f"{100 * count / total:.0f} %" if total else "-")
        for code, count in counts.items()
    ]


def _table(model, *, compact: bool = False) -> QTableView:  # noqa: ANN001
    """A read-only table; `compact`: the first column takes the room left, no side scrolling."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if compact:
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.verticalHeader().setDefaultSectionSize(28)
        view.setMinimumHeight(32 + 7 * 28)  # the header and seven rows: every crew, no scrolling
    else:
        header.setStretchLastSection(True)
    return view


def _error_line() -> ErrorLine:
    """Red words under a tab; a badge or name in a message shows exactly as typed."""
    line = ErrorLine()
    line.setTextFormat(Qt.TextFormat.PlainText)
    return line


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
                Column(self.tr("Department"), lambda r: _department(r.department)),
                Column(self.tr("Job"), lambda r: r.job),
                Column(self.tr("Contract"), lambda r: _contract(r.contract)),
                Column(self.tr("Positions"), lambda r: r.positions, align_right=True),
                Column(self.tr("Opened"), lambda r: r.opened_on),
                Column(self.tr("Wanted by"), lambda r: r.wanted_by),
            ],
            self,
        )
        self.capacity_label = QLabel()
        self.capacity_label.setWordWrap(True)
        self.error = _error_line()

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
            grid.addWidget(_table(model, compact=True), 1, column)
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
        self._ops.read_as(people.headcount_overview).then(self._show, self._failed)

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
                "Last 12 months: {hired} hired, {left} left, attrition {attrition:.1f} %."
            ).format(
                hires=overview.rates.hires_per_month,
                leavers=overview.rates.leavers_per_month,
                hired=overview.hires_12_months,
                left=overview.leavers_12_months,
                attrition=100 * overview.annual_attrition_12_months,
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
        self.departments.set_records(_shares(snapshot.by_department, _department))
        self.contracts.set_records(_shares(snapshot.by_contract, _contract_short))
        self.crews.set_records(
            _shares(
                snapshot.by_crew,
                lambda c: self.tr("no crew") if c == "none" else c,
            )
        )

    def _day_changed(self, value: QDate) -> None:
        day = date(value.year(), value.month(), value.day())
        self._ops.read_as(people.headcount_at, day).then(self._show_snapshot, self._failed)

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
            self._ops.long(people.export_headcount_workbook, path, day),
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
        layout.addWidget(_table(headcount.requisitions), 1)
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


class EmployeesTab(QWidget):
    """The employees the user may see; contract and dates only for HR and admin."""

    def __init__(
        self, ops: Ops, personal: bool, may_edit: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        columns = [
            Column(self.tr("Badge"), lambda r: r.badge),
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Department"), lambda r: _department(r.department)),
            Column(self.tr("Job"), lambda r: r.job),
            Column(self.tr("Crew"), lambda r: r.crew or ""),
        ]
        if personal:
            columns += [
                Column(self.tr("Contract"), lambda r: _contract(r.contract or "")),
                Column(self.tr("Hired"), lambda r: r.hire_date),
                Column(self.tr("Last day"), lambda r: r.end_date),
            ]
        self.model: RecordTableModel[EmployeeView] = RecordTableModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Search a name, badge, job or crew"))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.count = QLabel()
        self.view = _table(self.proxy)
        self.view.setSortingEnabled(True)
        self.anonymise_button = QPushButton(self.tr("Anonymise former employees"))
        self.anonymise_button.setVisible(may_edit)
        self.anonymise_button.clicked.connect(self.anonymise)
        self.error = _error_line()
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        top.addWidget(self.anonymise_button)
        layout = QVBoxLayout(self)
        if personal:
            note = QLabel(self.tr("Personal data: this view is recorded in the audit trail."))
            note.setStyleSheet("color: #5a6374;")
            layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        self.error.clear_error()
        # a write: HR's view of personal details is recorded in the audit trail
        self._ops.write(people.list_employees).then(self._show, self._failed)

    def _show(self, employees: list[EmployeeView]) -> None:
        self.model.set_records(employees)
        self.count.setText(self.tr("{count} people").format(count=len(employees)))

    def anonymise(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Anonymise former employees"),
            self.tr(
                "Erase the names and badges of everyone who left more than the configured "
                "number of years ago? Headcount history stays exact. This cannot be undone."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            disable_while(
                self.anonymise_button,
                self._ops.write(people.anonymise_leavers),
                self._anonymised,
                self._failed,
            )

    def _anonymised(self, count: int) -> None:
        self.count.setText(self.tr("{count} former employees anonymised").format(count=count))

    def _failed(self, exc: BaseException) -> None:
        self.error.show_error(describe_error(exc))


class SkillsTab(QWidget):
    """Who may work where: certifications per station type, coloured by validity."""

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self._ops = ops
        self.model = SkillsMatrixModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.department = QComboBox()
        self.department.addItem(self.tr("All departments"), None)
        for code, name in DEPARTMENTS.items():
            self.department.addItem(translate(name), code)
        self.department.setCurrentIndex(self.department.findData("production"))
        self.department.currentIndexChanged.connect(lambda _i: self.refresh())
        self.legend = QLabel()
        self.error = _error_line()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Department")))
        top.addWidget(self.department)
        top.addWidget(self.legend, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        self.error.clear_error()
        department = self.department.currentData()
        # a write, as the employees list: the names shown may be recorded as viewed
        self._ops.write(people.skills_matrix, department=department).then(self._show, self._failed)

    def _show(self, matrix: SkillsMatrix) -> None:
        self.model.set_matrix(matrix)
        self.view.resizeRowsToContents()
        counts = self.model.counts()

        def swatch(state: CertificateState, text: str) -> str:
            colour = STATE_COLOURS[state].name()
            return f'<span style="background:{colour}">&nbsp;{text}&nbsp;</span>'

        self.legend.setText(
            "&nbsp;&nbsp;".join(
                [
                    swatch(
                        CertificateState.EXPIRED,
                        self.tr("{n} expired").format(n=counts[CertificateState.EXPIRED]),
                    ),
                    swatch(
                        CertificateState.SOON,
                        self.tr("{n} expire within 30 days").format(
                            n=counts[CertificateState.SOON]
                        ),
                    ),
                    swatch(
                        CertificateState.VALID,
                        self.tr("{n} valid").format(n=counts[CertificateState.VALID]),
                    ),
                ]
            )
        )

    def _failed(self, exc: BaseException) -> None:
        self.error.show_error(describe_error(exc))


class PeoplePage(QWidget):
    """The tabs the signed-in user may see; each loads when first shown and on refresh."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ops = context.ops
        self.tabs = QTabWidget()
        self.headcount: HeadcountTab | None = None
        self.employees: EmployeesTab | None = None
        if context.may(Permission.VIEW_HEADCOUNT):
            self.headcount = HeadcountTab(ops)
            self.tabs.addTab(self.headcount, self.tr("Headcount"))
            self.requisitions = RequisitionsTab(self.headcount)
            self.tabs.addTab(self.requisitions, self.tr("Requisitions"))
        sees_all = context.may(Permission.VIEW_EMPLOYEES)
        self.employees = EmployeesTab(
            ops,
            personal=context.may(Permission.VIEW_PERSONAL_DATA) or not sees_all,
            may_edit=context.may(Permission.EDIT_EMPLOYEES),
        )
        self.tabs.addTab(self.employees, self.tr("Employees") if sees_all else self.tr("My record"))
        self.skills = SkillsTab(ops)
        self.tabs.addTab(
            self.skills, self.tr("Skills matrix") if sees_all else self.tr("My skills")
        )
        self.tabs.currentChanged.connect(lambda _i: self.refresh_current())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title_label(self.tr("People")))
        layout.addWidget(self.tabs, 1)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        self.refresh_current()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh_current(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is not None:
            widget.refresh()  # type: ignore[attr-defined]


def create_area(context: AppContext) -> Area | None:
    if context.actor is None:
        return None
    return Area("people", QCoreApplication.translate("MainWindow", "People"), PeoplePage(context))
