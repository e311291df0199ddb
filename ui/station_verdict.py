"""The Station page's verdict: a big word (OK, NOK, NOT RECORDED...) and the reason in words,
coloured by kind, with a sound an operator hears through gloves and noise.

Both labels are plain text: a code typed as `<b>` shows as typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

from ui.style import NOK_RED, OK_GREEN, WARN_AMBER
from ui.typed_text import plain

STYLES = {
    "idle": "background: #e6eaf0; color: #1d2330;",
    "ok": f"background: {OK_GREEN}; color: white;",
    "nok": f"background: {NOK_RED}; color: white;",
    "warn": f"background: {WARN_AMBER}; color: white;",
    "busy": "background: #9db4dd; color: white;",
    "alarm": f"background: {NOK_RED}; color: white; border: 6px solid {WARN_AMBER};",
}


class VerdictPanel(QFrame):
    """The last verdict; `kind` is one of `STYLES` (idle, ok, nok, warn, busy, alarm)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdict")
        self.setMinimumHeight(170)
        self.big = plain(QLabel())
        self.big.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.words = plain(QLabel())
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.words.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.big)
        layout.addWidget(self.words)
        self.kind = "idle"
        self._beeps = 0
        self._beeper = QTimer(self)
        self._beeper.setInterval(140)
        self._beeper.timeout.connect(self._beep)

    def show_verdict(self, kind: str, big: str, words: str) -> None:
        self.kind = kind
        self.setStyleSheet(
            f"QFrame#verdict {{ {STYLES[kind]} border-radius: 8px; padding: 12px; }}"
            " QLabel { background: transparent; color: inherit; }"
        )
        colour = "#1d2330" if kind == "idle" else "white"
        size = 64 if kind in ("ok", "nok", "alarm") else 40
        self.big.setStyleSheet(f"font-size: {size}px; font-weight: bold; color: {colour};")
        self.words.setStyleSheet(f"font-size: 26px; color: {colour};")
        self.big.setText(big)
        self.words.setText(words)
        self.words.setVisible(bool(words))

    def text(self) -> str:
        return f"{self.big.text()}\n{self.words.text()}".strip()

    def sound(self, ok: bool) -> None:
        """One beep for OK, three for NOK."""
        self._beeps = 1 if ok else 3
        self._beep()
        if self._beeps > 0:
            self._beeper.start()

    def _beep(self) -> None:
        if self._beeps <= 0:
            self._beeper.stop()
            return
        QApplication.beep()
        self._beeps -= 1
