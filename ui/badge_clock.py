"""The badge clock: people clock in and out by scanning their badge, on a wedge scanner typing
into the field or a serial scanner; each clocking is shown with its shift and whether the person
was planned on it."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.services import attendance
from desktop.services.attendance import ClockResult
from desktop.tasks import Ops
from ui.messages import describe_error
from ui.shifts_models import shift_label
from ui.style import NOK_RED, OK_GREEN, WARN_AMBER
from ui.typed_text import plain
from ui.widgets import title_label


class ClockPanel(QWidget):
    """The badge clock: a scanner in keyboard mode (wedge) types the badge and Enter here; a
    serial scanner's badge comes in through `badge_scanned`."""

    def __init__(self, ops: Ops, tz: Callable[[], ZoneInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._tz = ops, tz
        self._recording: set[str] = set()
        self.badge = QLineEdit()
        self.badge.setObjectName("badgeClock")
        self.badge.setPlaceholderText(self.tr("Scan a badge to clock in or out"))
        self.badge.setStyleSheet("font-size: 28px; padding: 12px;")
        self.badge.returnPressed.connect(lambda: self.badge_scanned(self.badge.text()))
        self.result = plain(QLabel(self.tr("Scan a badge")))
        self.result.setStyleSheet("font-size: 26px; font-weight: bold;")
        self.result.setWordWrap(True)
        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        self.clockings: list[str] = []
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Clock in and out"), section=True))
        layout.addWidget(self.badge)
        layout.addWidget(self.result)
        layout.addWidget(QLabel(self.tr("Last clockings")))
        layout.addWidget(self.history, 1)
        self.on_clocked = None

    @property
    def recording(self) -> int:
        """Badges whose clocking is on its way to the database."""
        return len(self._recording)

    def badge_scanned(self, badge: str) -> None:
        """Clock the badge as the user signed in now. The same badge again while its clocking
        is being recorded (a double Enter, a scanner bounce) is the same clocking and is taken
        once; other badges queue behind it in scan order, none is refused for being early."""
        badge = badge.strip()
        self.badge.clear()
        if not badge or badge in self._recording:
            return
        self._recording.add(badge)
        self._ops.write(attendance.clock, badge).then(
            lambda result: self._clocked(badge, result),
            lambda exc: self._failed(badge, exc),
            owner=self,
        )

    def _clocked(self, badge: str, result: ClockResult) -> None:
        self._recording.discard(badge)
        when = result.at.astimezone(self._tz()).strftime("%H:%M")
        shift = f"{result.day:%d/%m} {shift_label(result.shift)}"
        if result.action == "in":
            text = self.tr("{name}: clocked in at {time}, {shift}")
            colour = OK_GREEN if result.planned else WARN_AMBER
            if not result.planned:
                text += " - " + self.tr("not planned on this shift")
        elif result.action == "out":
            text, colour = self.tr("{name}: clocked out at {time}, {shift}"), OK_GREEN
        else:
            text, colour = self.tr("{name}: already recorded ({shift})"), OK_GREEN
        shown = text.format(name=result.name, time=when, shift=shift)
        self.result.setText(shown)
        self.result.setStyleSheet(f"font-size: 26px; font-weight: bold; color: {colour};")
        self.clockings = [shown, *self.clockings[:49]]
        self.history.setPlainText("\n".join(self.clockings))
        if self.on_clocked is not None:
            self.on_clocked()

    def _failed(self, badge: str, exc: BaseException) -> None:
        self._recording.discard(badge)
        self.result.setText(describe_error(exc))
        self.result.setStyleSheet(f"font-size: 26px; font-weight: bold; color: {NOK_RED};")
