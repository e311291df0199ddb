"""The Station page's scans: the queue (every code read is kept in arrival order with the user
signed in when it was read, and recorded one after the other, so none is dropped, none reordered
and none recorded under the next user after a badge switch or a sign-out), the last scans' table,
and the keyboard-wedge check (a code mangled by a keyboard layout is refused, not recorded).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message
from desktop.domain.station import Verdict
from desktop.services.actor import Actor
from desktop.services.station.scan import ScanResult
from hardware.codecs.scanner import (
    DEFAULT_PATTERNS,
    compile_patterns,
    looks_azerty_mangled,
    unmangle_azerty,
)
from ui.messages import render
from ui.table_model import Column, RecordTableModel

RECENT = 20  # the last scans shown under the verdict
_PLANT_CODES = tuple(compile_patterns(DEFAULT_PATTERNS).values())


def _tr(text: str) -> str:
    return QCoreApplication.translate("StationPage", text)


@dataclass(frozen=True)
class QueuedScan:
    """A code as it was read: who was signed in, where, and when (the page's monotonic clock)."""

    code: str
    actor: Actor | None
    station: str
    product: str | None
    event_id: str
    at: float


class ScanQueue:
    """Scans read and not answered yet, oldest first, and the one write being recorded: a scan,
    or "fill" / "addition" for a weight (a scan waits for it as for any earlier write)."""

    def __init__(self) -> None:
        self.waiting: deque[QueuedScan] = deque()
        self.in_flight: QueuedScan | str | None = None

    def append(self, item: QueuedScan) -> None:
        self.waiting.append(item)

    @property
    def count(self) -> int:
        """Scans read and not answered yet (the one being recorded included)."""
        return len(self.waiting) + (1 if isinstance(self.in_flight, QueuedScan) else 0)

    @property
    def busy(self) -> bool:
        return self.in_flight is not None

    def ready(self) -> Iterator[QueuedScan]:
        """The oldest queued scans, one at a time, for as long as nothing is being recorded."""
        while self.in_flight is None and self.waiting:
            yield self.waiting.popleft()


def refused_during_weighing(item: QueuedScan, cell: str, at: datetime) -> ScanResult:
    """A scan while a cell is being weighed (a bounce, a wrong label, the loaded lot again): its
    own NOK, recorded nowhere; the weighing goes on."""
    message = Message(
        QT_TRANSLATE_NOOP(
            "Messages",
            "{code} refused: cell {cell} is being weighed. Finish the weighing, or cancel it.",
        ),
        {"code": item.code, "cell": cell},
    )
    return ScanResult(
        item.event_id,
        at,
        item.station,
        item.code,
        Verdict.NOK,
        message,
        username=item.actor.username if item.actor else None,
    )


def recent_scans_model(
    plant_time: Callable[[ScanResult], str], parent: QObject
) -> RecordTableModel[ScanResult]:
    """The last scans, newest first: time on the plant's clock, code, verdict, who, what."""
    return RecordTableModel(
        [
            Column(_tr("Time"), plant_time),
            Column(_tr("Code"), lambda r: r.code),
            Column(_tr("Verdict"), lambda r: "OK" if r.ok else "NOK"),
            Column(_tr("Operator"), lambda r: r.username or ""),
            Column(_tr("What happened"), lambda r: render(r.message)),
        ],
        parent,
    )


def recent_scans_view(model: RecordTableModel[ScanResult]) -> QTableView:
    """The last scans as a table to read, not to select or click."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionMode(QTableView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


def layout_mangled(code: str) -> bool:
    """Whether a code typed into the wedge field looks mangled by a keyboard layout mismatch (a
    scanner sending QWERTY keys to an AZERTY keyboard: `é` for 2, `à` for 0): by its characters
    alone, or because it matches a plant code only once unmangled."""
    return looks_azerty_mangled(code) or any(
        looks_azerty_mangled(code, pattern) for pattern in _PLANT_CODES
    )


def meant_code(code: str) -> str | None:
    """The plant code a mangled input stands for, when exactly one reading of it is one.

    `-` is both the AZERTY 6 key and a real dash, so each dash is tried both ways.
    """
    dashes = [index for index, c in enumerate(code) if c == "-"][:8]
    found = set()
    for mask in range(2 ** len(dashes)):
        sixes = {index for bit, index in enumerate(dashes) if mask >> bit & 1}
        reading = "".join(
            "6" if index in sixes else unmangle_azerty(c, keep_dash=True)
            for index, c in enumerate(code)
        )
        if any(pattern.fullmatch(reading) for pattern in _PLANT_CODES):
            found.add(reading)
    return found.pop() if len(found) == 1 else None


def layout_warning(code: str) -> str | None:
    """The warning for a code from the wedge field that looks mangled; None when it does not."""
    if not layout_mangled(code):
        return None
    meant = meant_code(code)
    if meant is None:
        return _tr(
            "{code} looks typed with another keyboard layout (AZERTY). Nothing was recorded. "
            "Set the scanner and the keyboard to the same layout, then scan again."
        ).format(code=code)
    return _tr(
        "{code} looks typed with another keyboard layout (AZERTY): did you mean {meant}? "
        "Nothing was recorded. Set the scanner and the keyboard to the same layout, "
        "then scan again."
    ).format(code=code, meant=meant)
