"""The main window: navigation between the areas, the pages, and a status bar that tells the
operator which station, who, which database and how the devices are."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


@dataclass
class Area:
    """One entry of the navigation: its key, its (translated) label and its page."""

    key: str
    label: str
    page: QWidget


class MainWindow(QMainWindow):
    def __init__(self, areas: list[Area], title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(1400, 900)
        self.areas = areas
        self.pages = QStackedWidget()
        navigation = QFrame()
        navigation.setObjectName("navigation")
        navigation.setFixedWidth(230)
        nav_layout = QVBoxLayout(navigation)
        nav_layout.setContentsMargins(0, 0, 0, 0)
        nav_layout.setSpacing(0)
        heading = QLabel("Linedesk")
        heading.setObjectName("appTitle")
        nav_layout.addWidget(heading)
        self.nav_buttons = QButtonGroup(self)
        self.nav_buttons.setExclusive(True)
        for index, area in enumerate(areas):
            button = QPushButton(area.label)
            button.setCheckable(True)
            button.setObjectName(f"nav-{area.key}")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.nav_buttons.addButton(button, index)
            nav_layout.addWidget(button)
            self.pages.addWidget(area.page)
        nav_layout.addStretch(1)
        self.nav_buttons.idClicked.connect(self.show_area_index)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(navigation)
        content = QVBoxLayout()
        content.setContentsMargins(18, 12, 18, 12)
        content.addWidget(self.pages)
        layout.addLayout(content, 1)
        self.setCentralWidget(central)

        self.station_label = QLabel()
        self.user_label = QLabel()
        self.database_label = QLabel()
        self.devices_label = QLabel()
        for label in (self.station_label, self.user_label, self.database_label):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.devices_label)
        if areas:
            self.show_area_index(0)

    def show_area_index(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        button = self.nav_buttons.button(index)
        if button is not None:
            button.setChecked(True)

    def show_area(self, key: str) -> None:
        for index, area in enumerate(self.areas):
            if area.key == key:
                self.show_area_index(index)
                return

    def current_area(self) -> str | None:
        index = self.pages.currentIndex()
        return self.areas[index].key if 0 <= index < len(self.areas) else None

    def set_status(
        self,
        *,
        station: str | None = None,
        user: str | None = None,
        database: str | None = None,
        devices: str | None = None,
    ) -> None:
        if station is not None:
            self.station_label.setText(self.tr("Station: {station}").format(station=station))
        if user is not None:
            self.user_label.setText(self.tr("User: {user}").format(user=user))
        if database is not None:
            self.database_label.setText(self.tr("Database: {database}").format(database=database))
        if devices is not None:
            self.devices_label.setText(devices)

    def restore_state(self, settings: QSettings) -> None:
        """Window size, position and last area, as the user left them."""
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        area = settings.value("window/area")
        if isinstance(area, str):
            self.show_area(area)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/area", self.current_area() or "")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.save_state(QSettings())
        super().closeEvent(event)
