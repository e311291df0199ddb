"""The main window: the sign-in screen, or the workspace with navigation between the areas the
signed-in user may see, and a status bar telling which station, who, which database and how the
devices are.

The pages live as long as a sign-in: built for the user who signed in (roles see different
areas), closed at sign-out. A page that listens to something longer-lived (the context, the
devices) connects a bound method of its own, which Qt disconnects when the page goes; a lambda
holding the page would outlive it and call into a deleted widget."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, Signal
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
    sign_out_requested = Signal()

    def __init__(
        self,
        title: str,
        areas: Callable[[], list[Area]],
        sign_in: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(1400, 900)
        self._make_areas = areas
        self.areas: list[Area] = []
        self._last_area: str | None = None
        self.pages = QStackedWidget()
        navigation = QFrame()
        navigation.setObjectName("navigation")
        navigation.setFixedWidth(230)
        self._nav_layout = QVBoxLayout(navigation)
        self._nav_layout.setContentsMargins(0, 0, 0, 0)
        self._nav_layout.setSpacing(0)
        heading = QLabel("Linedesk")
        heading.setObjectName("appTitle")
        self._nav_layout.addWidget(heading)
        self._nav_end = QVBoxLayout()
        self._nav_layout.addStretch(1)
        self.who = QLabel()
        self.who.setObjectName("navUser")
        self.who.setWordWrap(True)
        self.who.setStyleSheet("color: #c9d3e3; padding: 8px 18px; font-size: 15px;")
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setObjectName("nav-sign-out")
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self._nav_layout.addWidget(self.who)
        self._nav_layout.addWidget(self.sign_out_button)
        self.nav_buttons = QButtonGroup(self)
        self.nav_buttons.setExclusive(True)
        self.nav_buttons.idClicked.connect(self.show_area_index)

        workspace = QWidget()
        layout = QHBoxLayout(workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(navigation)
        content = QVBoxLayout()
        content.setContentsMargins(18, 12, 18, 12)
        content.addWidget(self.pages)
        layout.addLayout(content, 1)
        self.workspace = workspace

        self.screens = QStackedWidget()
        self.screens.addWidget(workspace)
        self.sign_in = sign_in
        if sign_in is not None:
            self.screens.addWidget(sign_in)
        self.setCentralWidget(self.screens)

        self.station_label = QLabel()
        self.user_label = QLabel()
        self.database_label = QLabel()
        self.devices_label = QLabel()
        for label in (self.station_label, self.user_label, self.database_label):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.devices_label)
        if sign_in is None:
            self.rebuild_areas()

    # -- screens ---------------------------------------------------------------------------
    def show_sign_in(self) -> None:
        if self.sign_in is not None:
            self.screens.setCurrentWidget(self.sign_in)

    def show_workspace(self) -> None:
        self.screens.setCurrentWidget(self.workspace)

    def signed_in_view(self) -> bool:
        return self.screens.currentWidget() is self.workspace

    def clear_areas(self) -> None:
        """Close every page (at sign-out): nothing of the last user stays behind the sign-in
        screen, and no timer of theirs keeps reading. The area shown is remembered."""
        self._last_area = self.current_area() or self._last_area
        for button in list(self.nav_buttons.buttons()):
            self.nav_buttons.removeButton(button)
            self._nav_layout.removeWidget(button)
            button.deleteLater()
        for area in self.areas:
            self.pages.removeWidget(area.page)
            area.page.deleteLater()
        self.areas = []

    def rebuild_areas(self) -> None:
        """The areas for the current user (after each sign-in: roles see different areas)."""
        self.clear_areas()
        keep = self._last_area
        self.areas = self._make_areas()
        for index, area in enumerate(self.areas):
            button = QPushButton(area.label)
            button.setCheckable(True)
            button.setObjectName(f"nav-{area.key}")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.nav_buttons.addButton(button, index)
            self._nav_layout.insertWidget(1 + index, button)
            self.pages.addWidget(area.page)
        if self.areas:
            self.show_area(keep or self.areas[0].key)

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
        if self.areas:
            self.show_area_index(0)

    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()

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
            self.who.setText(user)
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
        if isinstance(area, str) and area:
            self._last_area = area  # shown at the next sign-in when nobody is signed in yet
            self.show_area(area)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/area", self.current_area() or "")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.save_state(QSettings())
        super().closeEvent(event)
