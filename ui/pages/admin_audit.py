"""Admin: the audit trail for QA and administrators: filter by user, object and date, export to
CSV, and check the hash chain."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.messages import LinedeskError
from desktop.domain.plant_time import (
    DEFAULT_TIME_ZONE,
    plant_date,
    plant_day_bounds,
    to_plant,
    utc_now,
    zone,
)
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.audit import AuditFilter, AuditRow, ChainProblem
from desktop.services.plant import SiteInfo, site_info
from desktop.tasks import Ops
from ui.csv_export import write_csv
from ui.formatting import datetime_text
from ui.messages import describe_error
from ui.table_model import Column, RecordTableModel
from ui.widgets import ErrorLine, add_labelled, title_label


class AdminAuditPage(QWidget):
    """Every time on it is plant time (the site's zone, read from the database when first
    shown), whatever the PC's zone: the dates filtered on are the plant's days."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._tz: ZoneInfo | None = None
        self.model: RecordTableModel[AuditRow] = RecordTableModel(
            [
                Column(self.tr("When"), self._when),
                Column(self.tr("User"), lambda r: r.username),
                Column(self.tr("Station"), lambda r: r.station or ""),
                Column(self.tr("Action"), lambda r: r.action),
                Column(self.tr("Object"), lambda r: r.object_type),
                Column(self.tr("Id"), lambda r: r.object_id),
                Column(self.tr("Changes"), lambda r: r.changes),
                Column(self.tr("Reason"), lambda r: r.reason or ""),
                Column(self.tr("Signature"), lambda r: r.signature_meaning or ""),
            ],
            self,
        )
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("any user"))
        self.object_type = QComboBox()
        self.object_type.addItem(self.tr("any object"), None)
        self.since = QDateEdit()
        self.until = QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)  # until the plant's day is known
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setObjectName("primary")
        self.search_button.clicked.connect(self.search)
        self.export_button = QPushButton(self.tr("Export CSV"))
        self.export_button.clicked.connect(self.export)
        self.verify_button = QPushButton(self.tr("Check the chain"))
        self.verify_button.clicked.connect(self.verify)
        self.chain = QLabel()
        self.chain.setTextFormat(Qt.TextFormat.PlainText)
        self.error = ErrorLine()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # a user name typed in shows as typed
        filters = QHBoxLayout()
        add_labelled(
            filters,
            (self.tr("User"), self.user),
            (self.tr("Object"), self.object_type),
            (self.tr("From"), self.since),
            (self.tr("To"), self.until),
        )
        filters.addWidget(self.search_button)
        filters.addStretch(1)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.chain, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Audit trail")))
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self._started = False

    @property
    def time_zone(self) -> ZoneInfo | None:
        """The plant's time zone, once read from the site."""
        return self._tz

    def _when(self, row: AuditRow) -> str:
        return datetime_text(row.at, self._tz)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        if not self._started:
            self._started = True
            self._ops.read(site_info).then(self._site_known, self._failed)
        super().showEvent(event)  # type: ignore[arg-type]

    def _site_known(self, site: SiteInfo) -> None:
        try:
            self._tz = zone(site.time_zone)
        except LinedeskError as exc:
            self._failed(exc)
            return
        today = QDate(plant_date(utc_now(), self._tz))  # the plant's day, whatever the PC's zone
        self.since.setDate(today.addDays(-30))
        self.until.setDate(today)
        for edit in (self.since, self.until):
            edit.setEnabled(True)
        self._ops.read(audit.object_types).then(self._add_types, self._failed)
        self.search()

    def _add_types(self, types: list[str]) -> None:
        for kind in types:
            self.object_type.addItem(kind, kind)

    def current_filter(self) -> AuditFilter:
        assert self._tz is not None, "the plant's time zone is read before any search"
        since = plant_day_bounds(self.since.date().toPython(), self._tz)[0]
        until = plant_day_bounds(self.until.date().toPython(), self._tz)[1]
        return AuditFilter(
            username=self.user.text().strip() or None,
            object_type=self.object_type.currentData(),
            since=since,
            until=until,
        )

    def search(self) -> None:
        if self._tz is None:
            return  # the search runs as soon as the plant's time zone is known
        self.error.clear_error()
        self._ops.read_as(audit.search, self.current_filter()).then(
            self.model.set_records, self._failed
        )

    def verify(self) -> None:
        self._ops.read(audit.verify).then(self._show_chain, self._failed)

    def _show_chain(self, problem: ChainProblem | None) -> None:
        if problem is None:
            self.chain.setObjectName("okText")
            self.chain.setText(self.tr("The audit trail is intact: no row was edited or removed."))
        else:
            self.chain.setObjectName("errorText")
            self.chain.setText(
                self.tr("The audit trail is broken at row {row}: {reason}").format(
                    row=problem.row_id, reason=problem.reason
                )
            )
        self.chain.setStyleSheet(self.chain.styleSheet())
        self.chain.style().unpolish(self.chain)
        self.chain.style().polish(self.chain)

    def export(self, path: str | None = None) -> None:
        if path is None:
            stamp = to_plant(utc_now(), self._tz or zone(DEFAULT_TIME_ZONE)).strftime("%Y%m%d-%H%M")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the audit trail"), f"audit-{stamp}.csv", "CSV (*.csv)"
            )
            if not path:
                return
        header = [
            self.model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(self.model.columnCount())
        ]
        rows = [
            [self.model.data(self.model.index(r, c)) for c in range(self.model.columnCount())]
            for r in range(self.model.rowCount())
        ]
        try:
            write_csv(Path(path), header, rows)
        except LinedeskError as exc:
            self.error.show_error(describe_error(exc))

    def _failed(self, exc: BaseException) -> None:
        self.error.show_error(describe_error(exc))


def create_tab(context: AppContext) -> tuple[str, QWidget] | None:
    if not context.may(Permission.VIEW_AUDIT):
        return None
    page = AdminAuditPage(context.ops)
    return QCoreApplication.translate("AdminAuditPage", "Audit trail"), page
