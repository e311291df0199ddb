"""Table models of the Line page: station figures and stops, plus CSV/XLSX export of a table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain.production import REASONS_BY_CODE, UNEXPLAINED, UNEXPLAINED_NAME
from desktop.services import csv_files
from desktop.services.production.downtime import DowntimeInfo
from desktop.services.production.figures import StationThroughput
from ui.formatting import percent
from ui.messages import translate
from ui.table_model import Column, RecordTableModel

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("LinePage", text)


def number(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}"


def reason_name(code: str) -> str:
    if code == UNEXPLAINED:
        return translate(UNEXPLAINED_NAME)
    reason = REASONS_BY_CODE.get(code)
    return translate(reason.name) if reason else code


def station_columns() -> list[Column[StationThroughput]]:
    """The figures table; "OEE" reads "TRS" in French (taux de rendement synthétique)."""
    return [
        Column(_tr("Station"), lambda s: s.station),
        Column(_tr("Units"), lambda s: s.units, True),
        Column(_tr("NG"), lambda s: s.ng, True),
        Column(_tr("FPY %"), lambda s: percent(s.fpy), True),
        Column(_tr("Availability %"), lambda s: percent(s.availability), True),
        Column(_tr("Performance %"), lambda s: percent(s.performance), True),
        Column(_tr("Quality %"), lambda s: percent(s.quality), True),
        Column(_tr("OEE %"), lambda s: percent(s.oee), True),
        Column(_tr("Downtime min"), lambda s: number(s.downtime_minutes), True),
        Column(_tr("Planned stops min"), lambda s: number(s.planned_stop_minutes), True),
        Column(_tr("Units/h"), lambda s: number(s.per_hour), True),
        Column(_tr("Target/h"), lambda s: number(s.target_per_hour), True),
        Column(_tr("Plan"), lambda s: number(s.plan_units, 0), True),
    ]


# Raw values for the exports: numbers stay numbers in a spreadsheet.
EXPORT_VALUES = [
    lambda s: s.station,
    lambda s: s.units,
    lambda s: s.ng,
    lambda s: s.fpy,
    lambda s: s.availability,
    lambda s: s.performance,
    lambda s: s.quality,
    lambda s: s.oee,
    lambda s: round(s.downtime_minutes, 1),
    lambda s: round(s.planned_stop_minutes, 1),
    lambda s: round(s.per_hour, 1),
    lambda s: round(s.target_per_hour, 1),
    lambda s: round(s.plan_units),
]
FRACTION_COLUMNS = {3, 4, 5, 6, 7}


class StationFiguresModel(RecordTableModel[StationThroughput]):
    """Station figures; refreshed in place (dataChanged) when the stations stay the same, and
    the bottleneck's row tinted."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(station_columns(), parent)
        self.bottleneck: str | None = None

    def update_records(self, records: Sequence[StationThroughput], bottleneck: str | None) -> None:
        self.bottleneck = bottleneck
        old = [r.station for r in self.records()]
        if old != [r.station for r in records] or not records:
            self.set_records(records)
            return
        self._records = list(records)
        self.dataChanged.emit(
            self.index(0, 0), self.index(len(records) - 1, self.columnCount() - 1)
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and index.isValid()
            and 0 <= index.row() < self.rowCount()
            and self.record(index.row()).station == self.bottleneck
        ):
            return QBrush(QColor("#fde2e1"))
        return super().data(index, role)


def downtime_columns(tz: ZoneInfo, now: datetime) -> list[Column[DowntimeInfo]]:
    def when(moment: datetime | None) -> str:
        return "" if moment is None else moment.astimezone(tz).strftime("%d/%m %H:%M")

    return [
        Column(_tr("Station"), lambda d: d.station),
        Column(_tr("From"), lambda d: when(d.start)),
        Column(_tr("To"), lambda d: when(d.end) if d.end else _tr("ongoing")),
        Column(_tr("Minutes"), lambda d: number(d.minutes(now)), True),
        Column(_tr("Reason"), lambda d: reason_name(d.reason)),
        Column(_tr("Planned"), lambda d: _tr("yes") if d.planned else _tr("no")),
        Column(
            _tr("Source"), lambda d: _tr("detected") if d.source == "detected" else _tr("entered")
        ),
        Column(_tr("Note"), lambda d: d.note or ""),
    ]


def export_rows(records: Sequence[StationThroughput]) -> tuple[list[str], list[list[Any]]]:
    headers = [c.header for c in station_columns()]
    return headers, [[value(r) for value in EXPORT_VALUES] for r in records]


def write_csv(path: Path, records: Sequence[StationThroughput], french: bool) -> None:
    """CSV as the user's Excel reads it (desktop/services/csv_files.py: `;` and decimal commas
    in French, `,` and points in English); fractions with up to 4 places, trailing zeros
    dropped."""
    headers, rows = export_rows(records)
    csv_files.write_csv(
        path,
        headers,
        ([_four_places(v) for v in row] for row in rows),
        french=french,
    )


def _four_places(value: Any) -> Any:
    if isinstance(value, float):
        return Decimal(f"{value:.4f}").normalize()
    return value


def write_xlsx(path: Path, records: Sequence[StationThroughput], title: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    headers, rows = export_rows(records)
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31] or "Line"
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column in FRACTION_COLUMNS:
        for cells in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1):
            for cell in cells:
                cell.number_format = "0.0%"
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(len(header) + 2, 9)
    book.save(path)
