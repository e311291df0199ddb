"""Small shared widgets: page titles, the red error line, busy buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def title_label(text: str, parent: QWidget | None = None, *, section: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("sectionTitle" if section else "pageTitle")
    return label


def page_layout(page: QWidget, title: str, *widgets: QWidget) -> QVBoxLayout:
    """`page`'s layout: its title on top, then `widgets` (its error line...); the page adds the
    rest."""
    layout = QVBoxLayout(page)
    layout.addWidget(title_label(title))
    for widget in widgets:
        layout.addWidget(widget)
    return layout


def add_labelled(layout: QBoxLayout, *fields: tuple[str, QWidget]) -> None:
    """Each field after its label, in a bar of filters or controls."""
    for label, field in fields:
        layout.addWidget(QLabel(label))
        layout.addWidget(field)


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons side by side from the left, the rest of the row left empty."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def controls_bar(title: str, *fields: tuple[str, QWidget]) -> QHBoxLayout:
    """A page's bar of controls: its title, then each field after its label; the page adds
    its buttons after them."""
    controls = QHBoxLayout()
    controls.addWidget(title_label(title))
    controls.addSpacing(12)
    add_labelled(controls, *fields)
    return controls


def menu_button(text: str, *actions: tuple[str, Callable[[], object]]) -> QPushButton:
    """A button that opens a menu of what it can do (CSV, Excel...)."""
    button = QPushButton(text)
    menu = QMenu(button)
    for label, slot in actions:
        menu.addAction(label, slot)
    button.setMenu(menu)
    return button


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


class InFlight:
    """One write on its way at a time: while it is, the buttons that would send another are
    disabled, and the sender checks `active` so a second press (a double click, Enter and a
    click) sends nothing."""

    def __init__(self, *buttons: QWidget) -> None:
        self.active = False
        self._buttons = buttons

    def set(self, flying: bool) -> None:
        self.active = flying
        for button in self._buttons:
            button.setEnabled(not flying)


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
