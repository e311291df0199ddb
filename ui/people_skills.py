"""The skills matrix: employees down, station types across, each cell a certification coloured
by its state (red expired, amber expiring within 30 days, green valid)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain.people import LEVEL_NAMES, CertificateState, Level
from desktop.services.skills import SkillsMatrix
from ui.messages import translate
from ui.table_model import Index

FIXED_COLUMNS = 3  # badge, name, crew
STATE_COLOURS = {
    CertificateState.EXPIRED: QColor("#f4c7c3"),
    CertificateState.SOON: QColor("#fce8b2"),
    CertificateState.VALID: QColor("#d9ead3"),
}


def level_short(level: str) -> str:
    names = {
        Level.TRAINEE: QCoreApplication.translate("PeoplePage", "trainee"),
        Level.QUALIFIED: QCoreApplication.translate("PeoplePage", "qualified"),
        Level.TRAINER: QCoreApplication.translate("PeoplePage", "trainer"),
    }
    return names.get(level, level)  # type: ignore[call-overload]


class SkillsMatrixModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._matrix: SkillsMatrix | None = None

    @property
    def matrix(self) -> SkillsMatrix | None:
        return self._matrix

    def set_matrix(self, matrix: SkillsMatrix) -> None:
        self.beginResetModel()
        self._matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        if parent.isValid() or self._matrix is None:
            return 0
        return len(self._matrix.employees)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        if parent.isValid() or self._matrix is None:
            return 0
        return FIXED_COLUMNS + len(self._matrix.station_types)

    def _cell(self, index: Index) -> Any:
        matrix = self._matrix
        assert matrix is not None
        employee = matrix.employees[index.row()]
        column = index.column()
        if column < FIXED_COLUMNS:
            return None
        code = matrix.station_types[column - FIXED_COLUMNS][0]
        return matrix.cells.get((employee.id, code))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self._matrix
        if matrix is None or not index.isValid() or not 0 <= index.row() < len(matrix.employees):
            return None
        if not 0 <= index.column() < self.columnCount():
            return None
        employee = matrix.employees[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return employee.badge
            if column == 1:
                return employee.name
            if column == 2:
                return employee.crew or ""
            cert = self._cell(index)
            if cert is None:
                return ""
            until = cert.valid_until.isoformat() if cert.valid_until else "-"
            return f"{level_short(cert.level)}\n{until}"
        if role == Qt.ItemDataRole.BackgroundRole and column >= FIXED_COLUMNS:
            cert = self._cell(index)
            if cert is not None:
                return QBrush(STATE_COLOURS[CertificateState(cert.state)])
        if role == Qt.ItemDataRole.ToolTipRole and column >= FIXED_COLUMNS:
            cert = self._cell(index)
            if cert is None:
                return QCoreApplication.translate("PeoplePage", "Not certified")
            state = {
                CertificateState.EXPIRED: QCoreApplication.translate("PeoplePage", "expired"),
                CertificateState.SOON: QCoreApplication.translate(
                    "PeoplePage", "expires within 30 days"
                ),
                CertificateState.VALID: QCoreApplication.translate("PeoplePage", "valid"),
            }[CertificateState(cert.state)]
            return f"{translate(LEVEL_NAMES[Level(cert.level)])}: {state}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= FIXED_COLUMNS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self._matrix is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < self.rowCount() else None
        fixed = [
            QCoreApplication.translate("PeoplePage", "Badge"),
            QCoreApplication.translate("PeoplePage", "Name"),
            QCoreApplication.translate("PeoplePage", "Crew"),
        ]
        if 0 <= section < FIXED_COLUMNS:
            return fixed[section]
        if FIXED_COLUMNS <= section < self.columnCount():
            return translate(self._matrix.station_types[section - FIXED_COLUMNS][1])
        return None

    def counts(self) -> dict[str, int]:
        """How many certificates are expired, expiring soon, valid (the legend's figures)."""
        result = dict.fromkeys(CertificateState, 0)
        if self._matrix is not None:
            for cert in self._matrix.cells.values():
                result[CertificateState(cert.state)] += 1
        return result
