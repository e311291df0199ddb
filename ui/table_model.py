"""A table model over a list of records (dataclasses), used by every page's tables.

An adapter in the manner of napari's container models: rows come and go through
begin/endInsertRows and begin/endRemoveRows; a whole new list (a page refresh after an edit) is a
reset, never done per live tick. It passes pytest-qt's qtmodeltester.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

from ui.formatting import display

Record = TypeVar("Record")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Record]):
    """A column: its (already translated) header and how to show a record in it."""

    header: str
    value: Callable[[Record], Any]
    align_right: bool = False


class RecordTableModel(QAbstractTableModel, Generic[Record]):
    def __init__(self, columns: Sequence[Column[Record]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[Record] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(self._records[index.row()])
            return display(value)  # numbers and dates in the user's conventions
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def record(self, row: int) -> Record:
        return self._records[row]

    def records(self) -> list[Record]:
        return list(self._records)

    def current(self, view: QAbstractItemView) -> Record | None:
        """The record on `view`'s current row; None when no row is current."""
        index = view.currentIndex()
        return self._records[index.row()] if index.isValid() else None

    def set_records(self, records: Sequence[Record]) -> None:
        """Replace every row (after an edit or a filter change, not per live tick)."""
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def append(self, records: Sequence[Record]) -> None:
        if not records:
            return
        first = len(self._records)
        self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
        self._records.extend(records)
        self.endInsertRows()

    def prepend(self, records: Sequence[Record], keep: int | None = None) -> None:
        """Add rows on top (newest first) and drop the oldest beyond `keep`."""
        if records:
            self.beginInsertRows(QModelIndex(), 0, len(records) - 1)
            self._records[0:0] = list(records)
            self.endInsertRows()
        if keep is not None and len(self._records) > keep:
            self.beginRemoveRows(QModelIndex(), keep, len(self._records) - 1)
            del self._records[keep:]
            self.endRemoveRows()
