"""The Line area: a supervisor's live view of a line's shift against its plan, its stops, and a
big-screen mode for the shop-floor TV.

Built at each sign-in for the user who signed in and closed at sign-out (with its big screen):
everything it reads and writes goes through the operations kernel, owned by the page, so a
result that arrives after the page closed is dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.roles import Permission, allowed
from desktop.operations import Job
from desktop.services.actor import Actor
from desktop.services.production.live import LineSnapshot, line_choices
from desktop.tasks import Ops
from ui.csv_export import french_screen
from ui.line_bigscreen import BigScreen
from ui.line_dashboard import LineDashboard
from ui.line_downtime import DowntimePanel
from ui.line_models import write_csv, write_xlsx
from ui.main_window import Area
from ui.messages import describe_error, translate
from ui.widgets import ErrorLine, controls_bar, menu_button

CURRENT = "__current__"


def export_csv_job(job: Job, path: Path, records: list[Any], french: bool) -> Path:
    """The figures table to CSV on the long-job lane (a file write never holds the page)."""
    write_csv(path, records, french)
    job.progress(1, 1, path.name)
    return path


def export_xlsx_job(job: Job, path: Path, records: list[Any], title: str) -> Path:
    write_xlsx(path, records, title)
    job.progress(1, 1, path.name)
    return path


class LinePage(QWidget):
    def __init__(
        self,
        ops: Ops,
        *,
        may_record_downtime: bool = False,
        poll_ms: int = 1000,
        figures_ms: int = 15_000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.big_screen: BigScreen | None = None
        self.line_combo = QComboBox()
        self.line_combo.setMinimumWidth(140)
        self.shift_combo = QComboBox()
        self.shift_combo.addItem(self.tr("Current shift"), CURRENT)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.day.setEnabled(False)
        self.big_button = QPushButton(self.tr("Big screen"))
        self.export_button = menu_button(
            self.tr("Export table"),
            (self.tr("CSV..."), self.export_csv),
            (self.tr("Excel (XLSX)..."), self.export_xlsx),
        )
        controls = controls_bar(
            self.tr("Line"),
            (self.tr("Line"), self.line_combo),
            (self.tr("Shift"), self.shift_combo),
            (self.tr("Day"), self.day),
        )
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        controls.addWidget(self.big_button)
        self.error = ErrorLine()
        self.dashboard = LineDashboard(ops, poll_ms=poll_ms, figures_ms=figures_ms)
        self.dashboard.setMinimumHeight(900)
        self.downtime = DowntimePanel(ops)
        self.downtime.setMinimumHeight(320)
        self.downtime.set_editable(may_record_downtime)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)
        body_layout.addWidget(self.dashboard)
        body_layout.addWidget(self.downtime)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)

        self.dashboard.loaded.connect(self._loaded)
        self.dashboard.downtime_updated.connect(self.downtime.set_stops)
        self.downtime.changed.connect(self.dashboard.refresh_figures)
        self.line_combo.currentIndexChanged.connect(lambda _i: self.show_selected())
        self.shift_combo.currentIndexChanged.connect(self._shift_changed)
        self.day.dateChanged.connect(lambda _d: self.show_selected())
        self.big_button.clicked.connect(self.open_big_screen)
        self.ops.read(line_choices).then(self._choices, self._failed)

    def _choices(self, choices: tuple[list[str], list[str]]) -> None:
        lines, shifts = choices
        self.line_combo.blockSignals(True)
        self.shift_combo.blockSignals(True)
        self.line_combo.clear()
        self.line_combo.addItems(lines)
        for code in shifts:
            self.shift_combo.addItem(translate(code), code)  # shift names: "Messages"
        self.line_combo.blockSignals(False)
        self.shift_combo.blockSignals(False)
        if not lines:
            self.error.show_error(self.tr("No line yet: add lines and stations in Admin"))
            return
        self.show_selected()

    def _failed(self, exc: BaseException) -> None:
        self.error.show_error(describe_error(exc))

    def _shift_changed(self, _index: int) -> None:
        self.day.setEnabled(self.shift_combo.currentData() != CURRENT)
        self.show_selected()

    def show_selected(self) -> None:
        line = self.line_combo.currentText()
        if not line:
            return
        shift = self.shift_combo.currentData()
        if shift == CURRENT:
            self.dashboard.show_line(line)
        else:
            self.dashboard.show_line(line, self.day.date().toPython(), shift)

    def _loaded(self, snapshot: LineSnapshot) -> None:
        self.error.clear_error()
        self.downtime.set_line(
            snapshot.line, [r.station for r in snapshot.rates], self.dashboard.tz
        )
        if self.shift_combo.currentData() == CURRENT:
            self.day.blockSignals(True)
            self.day.setDate(QDate(snapshot.shift.day))
            self.day.blockSignals(False)

    def set_may_record_downtime(self, may: bool) -> None:
        self.downtime.set_editable(may)

    def follow_actor(self, actor: Actor | None) -> None:
        """The signed-in user changed: the stop form only for those who may record stops."""
        self.set_may_record_downtime(
            actor is not None and allowed(actor.role, Permission.RECORD_DOWNTIME)
        )

    # --- export and big screen -------------------------------------------------------------

    def _export_name(self, suffix: str) -> str:
        snapshot = self.dashboard.snapshot
        if snapshot is None:
            return f"line.{suffix}"
        return f"{snapshot.line}-{snapshot.shift.day.isoformat()}-{snapshot.shift.code}.{suffix}"

    def export_csv(self, path: str | None = None) -> None:
        path = self._save_as(path, "csv", "CSV (*.csv)")
        if path:
            records = self.dashboard.figures_model.records()
            self._export(export_csv_job, Path(path), records, french_screen())

    def export_xlsx(self, path: str | None = None) -> None:
        path = self._save_as(path, "xlsx", "Excel (*.xlsx)")
        if path:
            records = self.dashboard.figures_model.records()
            title = self.dashboard.snapshot.line if self.dashboard.snapshot else "Line"
            self._export(export_xlsx_job, Path(path), records, title)

    def _save_as(self, path: str | None, suffix: str, kinds: str) -> str | None:
        """The file given, or the one the user picks (None when they cancel)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the table"), self._export_name(suffix), kinds
            )
        return path or None

    def _export(self, job: Any, *args: Any) -> None:
        """An export on the long-job lane: the error line clears when it is written."""
        self.ops.long(job, *args).then(self._exported, self._failed)

    def _exported(self, _result: object) -> None:
        self.error.clear_error()

    def open_big_screen(self) -> None:
        lines = [self.line_combo.itemText(i) for i in range(self.line_combo.count())]
        if not lines:
            return
        if self.big_screen is not None:
            self.big_screen.close()
        self.big_screen = BigScreen(self.ops, lines, parent=self)
        self.big_screen.start(self.line_combo.currentText())


def create_area(context: AppContext) -> Area | None:
    if not context.may(Permission.VIEW_PRODUCTION):
        return None
    page = LinePage(context.ops, may_record_downtime=context.may(Permission.RECORD_DOWNTIME))
    # a bound method, not a lambda holding the page: Qt ends the connection with the page
    context.actor_changed.connect(page.follow_actor)
    return Area("line", QCoreApplication.translate("MainWindow", "Line"), page)
