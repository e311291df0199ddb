"""Big-screen mode: a TV on the shop floor, full screen, large type, cycling through the lines."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.tasks import Ops
from ui.line_dashboard import LineDashboard


class BigScreen(QWidget):
    """Shows each line's current shift in turn, `cycle_ms` each; Esc or a double click closes.

    Opened from the Line page as a window of its own, owned by that page: a sign-out, which
    closes the page, closes the board too (nothing reads on behalf of a user who left)."""

    def __init__(
        self,
        ops: Ops,
        lines: list[str],
        *,
        cycle_ms: int = 20_000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Linedesk - line board"))
        self.setStyleSheet("background: #f4f6f9;")
        self.lines = lines
        self.index = 0
        self.dashboard = LineDashboard(ops, big=True)
        hint = QLabel(self.tr("Esc to leave"))
        hint.setStyleSheet("color: #8a94a6; font-size: 14px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 8)
        layout.addWidget(self.dashboard, 1)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignRight)
        self.cycle = QTimer(self)
        self.cycle.setInterval(cycle_ms)
        self.cycle.timeout.connect(self.next_line)

    def start(self, first: str | None = None) -> None:
        if first in self.lines:
            self.index = self.lines.index(first)
        self.dashboard.show_line(self.lines[self.index])
        if len(self.lines) > 1:
            self.cycle.start()
        self.showFullScreen()

    def current_line(self) -> str:
        return self.lines[self.index]

    def next_line(self) -> None:
        self.index = (self.index + 1) % len(self.lines)
        self.dashboard.show_line(self.lines[self.index])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Space):
            self.next_line()
        else:
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        self.close()

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        self.cycle.stop()
        self.dashboard.stop()
        super().closeEvent(event)
