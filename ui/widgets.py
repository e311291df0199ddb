"""Small shared widgets: page titles, the red error line, busy buttons."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QBoxLayout, QHeaderView, QLabel, QTableView, QWidget


def title_label(text: str, parent: QWidget | None = None, *, section: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("sectionTitle" if section else "pageTitle")
    return label


def add_labelled(layout: QBoxLayout, *fields: tuple[str, QWidget]) -> None:
    """Each field after its label, in a bar of filters or controls."""
    for label, field in fields:
        layout.addWidget(QLabel(label))
        layout.addWidget(field)


class ErrorLine(QLabel):
    """A red line of words under a form; empty and hidden when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorText")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a typed code or name shows as typed
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.show()

    def clear_error(self) -> None:
        self.clear()
        self.hide()


def record_table(model: QAbstractItemModel) -> QTableView:
    """A table of records: whole rows selected one at a time, columns fitted to their content."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view
