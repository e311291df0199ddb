"""What the People tabs share: department and contract names in the user's language, a
read-only table, and the red error line under a tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from desktop.domain.people import CONTRACTS, DEPARTMENTS
from ui.messages import translate
from ui.widgets import ErrorLine


def department_name(code: str) -> str:
    return translate(DEPARTMENTS[code]) if code in DEPARTMENTS else code


def contract_name(code: str) -> str:
    return translate(CONTRACTS[code]) if code in CONTRACTS else code


def read_only_table(model, *, compact: bool = False) -> QTableView:  # noqa: ANN001
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


def error_line() -> ErrorLine:
    """Red words under a tab; a badge or name in a message shows exactly as typed."""
    line = ErrorLine()
    line.setTextFormat(Qt.TextFormat.PlainText)
    return line
