"""The People area: headcount toward the staffing target, employees, and the skills matrix.

What shows depends on the signed-in user (GDPR, enforced by the services): supervisors, QA, HR
and admin see the headcount; supervisors see names, crews and skills; HR and admin also see
contracts and dates (each such view is recorded); an operator sees their own record. The
headcount and requisitions tabs are ui/people_headcount.py.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
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
from desktop.domain.people import DEPARTMENTS, CertificateState
from desktop.domain.roles import Permission
from desktop.services.people import EmployeeView, anonymise_leavers, list_employees
from desktop.services.skills import SkillsMatrix, skills_matrix
from desktop.tasks import Ops
from ui.forms import disable_while
from ui.main_window import Area
from ui.messages import describe_error, translate
from ui.people_headcount import HeadcountTab, RequisitionsTab
from ui.people_skills import STATE_COLOURS, SkillsMatrixModel
from ui.people_widgets import contract_name, department_name, error_line, read_only_table
from ui.table_model import Column, RecordTableModel
from ui.widgets import title_label


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
            Column(self.tr("Department"), lambda r: department_name(r.department)),
            Column(self.tr("Job"), lambda r: r.job),
            Column(self.tr("Crew"), lambda r: r.crew or ""),
        ]
        if personal:
            columns += [
                Column(self.tr("Contract"), lambda r: contract_name(r.contract or "")),
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
        self.view = read_only_table(self.proxy)
        self.view.setSortingEnabled(True)
        self.anonymise_button = QPushButton(self.tr("Anonymise former employees"))
        self.anonymise_button.setVisible(may_edit)
        self.anonymise_button.clicked.connect(self.anonymise)
        self.error = error_line()
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
        self._ops.write(list_employees).then(self._show, self._failed)

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
                self._ops.write(anonymise_leavers),
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
        self.error = error_line()
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
        self._ops.write(skills_matrix, department=department).then(self._show, self._failed)

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
