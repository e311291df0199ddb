"""Labels that show what people typed (names, notes, badges) as typed, never read as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

PLAIN = Qt.TextFormat.PlainText


def plain(label: QLabel) -> QLabel:
    """Names, notes and badges typed by people are shown as typed, never read as markup."""
    label.setTextFormat(PLAIN)
    return label
