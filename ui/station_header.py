"""The top of the Station page and what the station holds: which station (the workstation's own,
or chosen on an office PC), who is signed in, the product made, and the lots loaded."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.domain.station import Mode
from desktop.services.actor import Actor
from desktop.services.station.state import StationState
from ui.formatting import number
from ui.style import NOK_RED
from ui.typed_text import plain
from ui.widgets import title_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("StationPage", text)


class StationHeader(QWidget):
    """Station choice, operator and product; `station.currentIndexChanged` says a new station."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = QComboBox()
        self.station.setObjectName("stationChoice")
        self.station.setMinimumWidth(260)
        self.operator = plain(QLabel())
        self.operator.setObjectName("sectionTitle")
        self.product = QComboBox()
        self.product.setMinimumWidth(200)
        self.product_label = QLabel(_tr("Product"))
        top = QHBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(title_label(_tr("Station")))
        top.addWidget(self.station)
        top.addSpacing(24)
        top.addWidget(self.operator, 1)
        top.addWidget(self.product_label)
        top.addWidget(self.product)

    def current_station(self) -> str | None:
        return self.station.currentData()

    def show_stations(self, stations: list[Any], preferred: str | None) -> None:
        """Fill the choice without announcing each item; the caller starts the chosen one."""
        self.station.blockSignals(True)
        self.station.clear()
        for info in stations:
            self.station.addItem(f"{info.code} - {info.name}", info.code)
        if preferred is not None:
            self.station.setCurrentIndex(max(0, self.station.findData(preferred)))
        self.station.blockSignals(False)

    def select_station(self, code: str) -> None:
        index = self.station.findData(code)
        if index >= 0:
            self.station.setCurrentIndex(index)

    def show_operator(self, actor: Actor | None) -> None:
        if actor is None:
            self.operator.setText(_tr("No operator signed in"))
            self.operator.setStyleSheet(f"color: {NOK_RED};")
        else:
            name = getattr(actor, "name", None) or actor.username
            self.operator.setText(_tr("Operator: {name}").format(name=name))
            self.operator.setStyleSheet("")

    def show_products(self, state: StationState) -> None:
        """The products the station makes, the one chosen kept; shown where a scan needs it."""
        self.product.blockSignals(True)
        keep = self.product.currentText()
        self.product.clear()
        self.product.addItems(state.products)
        if keep in state.products:
            self.product.setCurrentText(keep)
        self.product.blockSignals(False)
        show_product = state.mode in (Mode.MIX.value, Mode.MAKE.value) and bool(state.products)
        self.product.setVisible(show_product)
        self.product_label.setVisible(show_product)

    def chosen_product(self) -> str | None:
        return (self.product.currentText() or None) if self.product.isVisible() else None


def loaded_words(state: StationState) -> str:
    """The lots loaded and the container being built, in one line."""
    lines = [
        _tr("{id}: {material}, {remaining} {unit} left").format(
            id=lot.id,
            material=lot.material,
            remaining=number(lot.remaining.normalize()),
            unit=lot.unit,
        )
        for lot in state.loaded
    ]
    if state.container:
        lines.append(
            _tr("Building {id}: {count} of {size}").format(
                id=state.container, count=state.container_count, size=state.container_size
            )
        )
    return _tr("Loaded: {lots}").format(lots="; ".join(lines)) if lines else ""
