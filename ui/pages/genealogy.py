"""The Genealogy page: search an item by id or scan, trace it backward (what it was made from) or
forward (what was made from it) as a tree, see each node's details, hold and release, and the
recall report of a suspect lot (every affected cell, module and pack with its status and last
station), exported to CSV or XLSX."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.genealogy import KIND_NAMES, STATUS_NAMES
from desktop.domain.numbers import decimal_text
from desktop.domain.roles import Permission
from desktop.operations import Job
from desktop.services.genealogy import ItemInfo, item_info, recall, trace
from desktop.services.genealogy_trace import (
    Direction,
    RecallRow,
    Trace,
    TraceLink,
    TraceNode,
    export_recall,
)
from desktop.services.plant import SiteInfo, site_info
from ui.csv_export import french_screen
from ui.formatting import datetime_text
from ui.genealogy_dialogs import HoldDialog, ImportDialog
from ui.main_window import Area
from ui.messages import describe_error, translate
from ui.style import NOK_RED
from ui.table_model import Column, RecordTableModel
from ui.widgets import ErrorLine, title_label

ID_ROLE = Qt.ItemDataRole.UserRole


def kind_name(kind: str) -> str:
    template = KIND_NAMES.get(kind)  # type: ignore[call-overload]
    return translate(template) if template else kind


def status_name(status: str) -> str:
    template = STATUS_NAMES.get(status)
    return translate(template) if template else status


def _number(value: Any) -> str:
    return decimal_text(value) if value is not None else ""


def _export(_job: Job, rows: list[RecallRow], path: Path, french: bool) -> None:
    """The recall report written on the long-job lane (an XLSX of thousands of rows); a CSV
    in the screen's language (`;` on a French screen)."""
    export_recall(rows, path, french=french)


class GenealogyPage(QWidget):
    """Work goes through the operations kernel (`ops`): traces and details on the reader pool,
    holds on the writer lane, exports and the import on the long-job lane."""

    def __init__(
        self,
        ops: Any,
        may: Any = lambda _p: True,
        devices: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops, self._may = ops, may
        self._zone: ZoneInfo | None = None
        self.current_item: ItemInfo | None = None
        self.trace_result: Trace | None = None
        self._nodes: dict[str, TraceNode] = {}
        self._onward: dict[str, list[TraceLink]] = {}

        self.search = QLineEdit()
        self.search.setObjectName("genealogySearch")
        self.search.setPlaceholderText(self.tr("Lot or serial number (type or scan)"))
        self.search.setStyleSheet("font-size: 20px; padding: 8px;")
        self.search.returnPressed.connect(self.run_trace)
        self.direction = QComboBox()
        self.direction.addItem(self.tr("Backward: what it was made from"), Direction.BACKWARD)
        self.direction.addItem(self.tr("Forward: what was made from it"), Direction.FORWARD)
        self.trace_button = QPushButton(self.tr("Trace"))
        self.trace_button.setObjectName("primary")
        self.trace_button.clicked.connect(self.run_trace)
        self.recall_button = QPushButton(self.tr("Recall report"))
        self.recall_button.clicked.connect(self.run_recall)
        row = QHBoxLayout()
        row.addWidget(self.search, 2)
        row.addWidget(self.direction, 1)
        row.addWidget(self.trace_button)
        row.addWidget(self.recall_button)

        self.tree = QTreeWidget()
        self.tree.setObjectName("genealogyTree")
        self.tree.setHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Kind"),
                self.tr("Material"),
                self.tr("Status"),
                self.tr("Quantity"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemExpanded.connect(self._expand)
        self.tree.currentItemChanged.connect(lambda item, _old: self._selected(item))

        self.details = QLabel()
        self.details.setObjectName("itemDetails")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hold_button = QPushButton(self.tr("Put on hold"))
        self.release_button = QPushButton(self.tr("Release the hold"))
        self.hold_button.clicked.connect(lambda: self._hold(release=False))
        self.release_button.clicked.connect(lambda: self._hold(release=True))
        self.hold_button.setEnabled(False)
        self.release_button.setEnabled(False)
        self.hold_button.setVisible(may(Permission.PLACE_HOLD))
        self.release_button.setVisible(may(Permission.RELEASE_HOLD))
        side = QVBoxLayout()
        side.addWidget(title_label(self.tr("Details"), section=True))
        side.addWidget(self.details, 1)
        side.addWidget(self.hold_button)
        side.addWidget(self.release_button)
        side_widget = QWidget()
        side_widget.setLayout(side)

        self.recall_model: RecordTableModel[RecallRow] = RecordTableModel(
            [
                Column(self.tr("Item"), lambda r: r.id),
                Column(self.tr("Kind"), lambda r: kind_name(r.kind)),
                Column(self.tr("Material"), lambda r: r.material),
                Column(self.tr("Status"), lambda r: status_name(r.status)),
                Column(self.tr("Last station"), lambda r: r.last_station or ""),
            ],
            self,
        )
        self.recall_view = QTableView()
        self.recall_view.setModel(self.recall_model)
        self.recall_view.verticalHeader().hide()
        self.recall_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.recall_view.horizontalHeader().setStretchLastSection(True)
        self.recall_summary = QLabel()
        self.recall_summary.setObjectName("sectionTitle")
        self.export_csv = QPushButton(self.tr("Export CSV"))
        self.export_xlsx = QPushButton(self.tr("Export XLSX"))
        self.export_csv.clicked.connect(lambda: self.export(".csv"))
        self.export_xlsx.clicked.connect(lambda: self.export(".xlsx"))
        recall_row = QHBoxLayout()
        recall_row.addWidget(self.recall_summary, 1)
        recall_row.addWidget(self.export_csv)
        recall_row.addWidget(self.export_xlsx)
        recall_box = QWidget()
        recall_layout = QVBoxLayout(recall_box)
        recall_layout.setContentsMargins(0, 0, 0, 0)
        recall_layout.addLayout(recall_row)
        recall_layout.addWidget(self.recall_view)
        self._set_recall([], None)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.tree)
        top.addWidget(side_widget)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setSizes([700, 420])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(recall_box)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)

        self.error = ErrorLine()
        header = QHBoxLayout()
        header.addWidget(title_label(self.tr("Genealogy")), 1)
        self.import_button = QPushButton(self.tr("Import from ERP..."))
        self.import_button.clicked.connect(self.open_import)
        self.import_button.setVisible(may(Permission.IMPORT_GENEALOGY))
        header.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(body, 1)
        if devices is not None:
            devices.scan.connect(self._on_scan)
        self._ops.read(site_info).then(self._got_site, self._failed)

    def _got_site(self, site: SiteInfo) -> None:
        """Times are shown on the plant's clock (the site's zone), not UTC nor the PC's."""
        self._zone = ZoneInfo(site.time_zone)
        if self.current_item is not None:
            self._show_details(self.current_item)

    # -- tracing -------------------------------------------------------------------------------
    def _on_scan(self, scan: Any) -> None:
        if self.isVisible() and scan.error is None and scan.kind != "badge":
            self.search.setText(scan.code)
            self.run_trace()

    def run_trace(self) -> None:
        code = self.search.text().strip()
        if not code:
            return
        direction = self.direction.currentData()
        self.error.clear_error()
        self.trace_button.setEnabled(False)
        self._ops.read_as(trace, code, direction).then(self.show_trace, self._failed)

    def show_trace(self, result: Trace) -> None:
        self.trace_button.setEnabled(True)
        self.trace_result = result
        self._nodes = {n.id: n for n in result.nodes}
        self._onward = result.children_of()
        self.tree.clear()
        root = self._item(self._nodes[result.root], None)
        self.tree.addTopLevelItem(root)
        root.setExpanded(True)
        self.tree.setCurrentItem(root)

    def _item(self, node: TraceNode, link: TraceLink | None) -> QTreeWidgetItem:
        quantity = f"{_number(link.quantity)} {link.unit}" if link else ""
        item = QTreeWidgetItem(
            [node.id, kind_name(node.kind), node.material, status_name(node.status), quantity]
        )
        item.setData(0, ID_ROLE, node.id)
        if node.status == "on_hold":
            item.setForeground(3, Qt.GlobalColor.red)
        if self._onward.get(node.id):
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
        return item

    def _expand(self, item: QTreeWidgetItem) -> None:
        """Children are built when a node opens (a forward trace holds thousands of cells)."""
        if item.childCount() or self.trace_result is None:
            return
        backward = self.trace_result.direction is Direction.BACKWARD
        links = self._onward.get(item.data(0, ID_ROLE), [])
        children = [
            self._item(self._nodes[link.parent if backward else link.child], link)
            for link in sorted(links, key=lambda l: l.parent if backward else l.child)  # noqa: E741
        ]
        item.addChildren(children)

    def _selected(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        code = item.data(0, ID_ROLE)
        self._ops.read_as(item_info, code).then(self._show_details, self._failed)

    def _show_details(self, info: ItemInfo) -> None:
        self.current_item = info
        rows = [
            (self.tr("Item"), info.id),
            (self.tr("Kind"), kind_name(info.kind)),
            (self.tr("Material or part"), info.material),
            (self.tr("Quantity"), f"{_number(info.quantity)} {info.unit}"),
            (self.tr("Remaining"), f"{_number(info.remaining)} {info.unit}"),
            (self.tr("Status"), status_name(info.status)),
            (self.tr("Made"), datetime_text(info.created_at, self._zone) if self._zone else ""),
            (self.tr("Made at"), info.station or ""),
            (self.tr("Made by"), info.created_by or ""),
            (self.tr("Last station"), info.last_station or ""),
        ]
        html = "".join(
            f"<tr><td style='color:#5a6478;padding-right:10px'>{label}</td>"
            f"<td><b>{_escape(value)}</b></td></tr>"
            for label, value in rows
        )
        badge = ""
        if info.status == "on_hold":
            reason = _escape(info.hold_reason or "")
            badge = (
                f"<p style='color:{NOK_RED};font-weight:bold;font-size:18px'>"
                f"{status_name(info.status)}: {reason}</p>"
            )
        self.details.setText(f"{badge}<table>{html}</table>")
        held = info.status == "on_hold"
        self.hold_button.setEnabled(not held)
        self.release_button.setEnabled(held)

    # -- holds ---------------------------------------------------------------------------------
    def _hold(self, release: bool) -> HoldDialog | None:
        info = self.current_item
        if info is None:
            return None
        dialog = HoldDialog(info.id, release, self._ops, self)
        dialog.saved.connect(lambda _h: self.run_trace() if self.search.text() else None)
        dialog.open()
        return dialog

    # -- recall --------------------------------------------------------------------------------
    def run_recall(self) -> None:
        code = self.search.text().strip()
        if not code:
            return
        self.error.clear_error()
        self._ops.read_as(recall, code).then(
            lambda rows: self._set_recall(rows, code), self._failed, owner=self
        )
        index = self.direction.findData(Direction.FORWARD)
        if self.direction.currentIndex() != index:
            self.direction.setCurrentIndex(index)
            self.run_trace()

    def _set_recall(self, rows: list[RecallRow], root: str | None) -> None:
        self.recall_model.set_records(rows)
        self.recall_root = root
        if root is None:
            self.recall_summary.setText(self.tr("Recall report: trace a suspect lot forward"))
        else:
            counts = {
                kind: sum(r.kind == kind for r in rows) for kind in ("cell", "module", "pack")
            }
            self.recall_summary.setText(
                self.tr("Made from {id}: {cells} cells, {modules} modules, {packs} packs").format(
                    id=root, cells=counts["cell"], modules=counts["module"], packs=counts["pack"]
                )
            )
        self.export_csv.setEnabled(bool(rows))
        self.export_xlsx.setEnabled(bool(rows))

    def export(self, suffix: str, path: Path | None = None) -> None:
        rows = self.recall_model.records()
        if not rows:
            return
        if path is None:
            name, _f = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the recall report"),
                f"recall-{self.recall_root}{suffix}",
                self.tr("CSV files (*.csv)") if suffix == ".csv" else self.tr("Excel (*.xlsx)"),
            )
            if not name:
                return
            path = Path(name)
        self._ops.long(_export, rows, path, french_screen()).then(None, self._failed)

    # -- import --------------------------------------------------------------------------------
    def open_import(self) -> ImportDialog | None:
        if not self._may(Permission.IMPORT_GENEALOGY):
            return None
        dialog = ImportDialog(self._ops, self)
        dialog.open()
        return dialog

    def _failed(self, exc: BaseException) -> None:
        self.trace_button.setEnabled(True)
        self.error.show_error(describe_error(exc))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def create_area(context: AppContext) -> Area | None:
    if not context.may(Permission.VIEW_GENEALOGY):
        return None
    page = GenealogyPage(context.ops, context.may, context.devices)
    return Area("genealogy", QCoreApplication.translate("MainWindow", "Genealogy"), page)
