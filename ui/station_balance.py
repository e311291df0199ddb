"""The Station page's balance: the live weight panel (whether the weight can be trusted, the
cell's empty weight, zero, tare, record) and the pan's history that decides when a cell's empty
weight may be taken.

A lost, reconnecting or failed balance empties and greys the weight (no value, no "stable", the
reason in words); a balance silent for `STALE_S` counts as lost. Times are the page's monotonic
clock (injected, so tests do not depend on the wall clock).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.acquisition import StationDevices
from desktop.domain.station import FillSequence
from desktop.services.actor import Actor
from desktop.services.station.scan import ScanResult
from hardware.codecs.reading import Reading
from ui.devices_status import reason_text
from ui.formatting import quantity
from ui.style import NOK_RED, OK_GREEN, WARN_AMBER
from ui.typed_text import plain
from ui.widgets import title_label

STALE_S = 1.5  # no reading for this long: the balance is shown as silent, its weight as unknown
BALANCE = "scale"  # the device hub's name for the station's balance
Clock = Callable[[], float]


def _tr(text: str) -> str:
    return QCoreApplication.translate("StationPage", text)


@dataclass
class Weighing:
    """The cell waiting for its fill weights, and who scanned it."""

    code: str
    actor: Actor | None
    sequence: FillSequence
    reweighed: bool = False

    @classmethod
    def again(cls, result: ScanResult, actor: Actor | None, at: float) -> Weighing:
        """The out-of-tolerance cell once more (off the pan and back on), with its recorded empty
        weight."""
        before = Decimal(str(result.details["before"]))
        unit = str(result.details.get("weighed_in", "g"))
        return cls(result.code, actor, FillSequence.again(before, unit, at), reweighed=True)


class Pan:
    """When the pan was last seen empty and when a cell's weight was last taken: a cell scanned
    before the pan was empty again first waits for it (the filled cell 7 left on the pan is
    never cell 8's empty weight)."""

    def __init__(self) -> None:
        self.cleared_at = float("-inf")
        self.weighed_at = float("-inf")

    def weighing(self, code: str, actor: Actor | None, scanned_at: float) -> Weighing:
        cleared = self.cleared_at > self.weighed_at
        return Weighing(code, actor, FillSequence(scanned_at, pan_cleared=cleared))

    def feed(self, weighing: Weighing, reading: Reading, at: float) -> str | None:
        """One reading for the cell being weighed: "done" once both weights are known, the new
        stage when the weighing moved on, None when it did not."""
        sequence = weighing.sequence
        stage = sequence.stage
        if sequence.feed(reading.value, reading.unit, bool(reading.stable) and reading.ok, at):
            self.weighed_at = at
            return "done"
        if sequence.stage == stage:
            return None
        if sequence.stage == "emptied":
            self.weighed_at = at
        return sequence.stage

    def note(self, reading: Reading, at: float, weighing: Weighing | None) -> None:
        """Remember an empty pan (a reading below the load threshold)."""
        if not reading.ok:
            return
        sequence = weighing.sequence if weighing is not None else FillSequence(at, True)
        if sequence.loaded(Decimal(reading.value), reading.unit) is False:
            self.cleared_at = at


class BalancePanel(QFrame):
    """The weight as the operator may trust it, with zero, tare and "Record the weight"."""

    def __init__(
        self, devices: StationDevices | None, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.reading: Reading | None = None
        self.reading_at = 0.0
        last = devices.last_status if devices is not None else {}
        self.status: Any = last.get(BALANCE)
        self.state = "none"  # ok, silent, lost or fault: what the panel shows

        self.setObjectName("weightPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.weight = QLabel("--")
        self.weight.setObjectName("weight")
        self.weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.stable = plain(QLabel())
        self.stable.setWordWrap(True)
        self.stable.setStyleSheet("font-size: 18px;")
        self.empty_weight = plain(QLabel())
        self.empty_weight.setObjectName("emptyWeight")
        self.empty_weight.setStyleSheet("font-size: 18px;")
        self.zero_button = QPushButton(_tr("Zero"))
        self.tare_button = QPushButton(_tr("Tare"))
        self.record_button = QPushButton(_tr("Record the weight"))
        self.record_button.setObjectName("primary")
        if devices is not None:
            self.zero_button.clicked.connect(devices.zero)
            self.tare_button.clicked.connect(devices.tare)
        panel = QVBoxLayout(self)
        panel.addWidget(title_label(_tr("Balance"), section=True))
        panel.addWidget(self.weight)
        panel.addWidget(self.stable)
        panel.addWidget(self.empty_weight)
        buttons = QHBoxLayout()
        buttons.addWidget(self.zero_button)
        buttons.addWidget(self.tare_button)
        panel.addLayout(buttons)
        panel.addWidget(self.record_button)
        panel.addStretch(1)
        self.setMinimumWidth(320)
        self._paint_weight(grey=True)

    def take(self, reading: Reading, at: float) -> None:
        self.reading, self.reading_at = reading, at

    def problem(self) -> str | None:
        """Why the weight cannot be trusted right now, in words; None when it can."""
        status = self.status
        state = getattr(getattr(status, "state", None), "value", None)
        if state is not None and state != "connected":
            why = reason_text(getattr(status, "reason", None))
            words = {
                "reconnecting": _tr("Balance lost: reconnecting"),
                "failed": _tr("Balance failed"),
                "closed": _tr("Balance disconnected"),
            }.get(state, _tr("Balance lost"))
            self.state = "lost"
            return f"{words} ({why})" if why else words
        if self.reading is None or self._clock() - self.reading_at > STALE_S:
            self.state = "silent"
            return _tr("No reading from the balance: check its cable and power")
        if not self.reading.ok:
            self.state = "fault"
            return reason_text(self.reading.reason)
        self.state = "ok"
        return None

    def show_reading(self, may_record: bool) -> None:
        """Redraw the weight (10 Hz from the page's timer, not per reading)."""
        problem = self.problem()
        reading = self.reading
        if problem is not None:
            self.weight.setText("--")
            self._paint_weight(grey=True)
            self.stable.setText(problem)
            self.stable.setStyleSheet(f"font-size: 18px; color: {NOK_RED};")
        else:
            self.weight.setText(quantity(reading.value, reading.unit))  # 12,345 g in French
            self._paint_weight(grey=False)
            self.stable.setText(_tr("stable") if reading.stable else _tr("moving"))
            colour = OK_GREEN if reading.stable else WARN_AMBER
            self.stable.setStyleSheet(f"font-size: 18px; color: {colour};")
        self.record_button.setEnabled(bool(problem is None and reading.stable and may_record))

    def show_empty_weight(self, before: Any, unit: str) -> None:
        self.empty_weight.setText(
            _tr("Empty weight recorded: {weight}").format(
                weight=quantity(Decimal(str(before)), unit)
            )
            if before is not None
            else ""
        )

    def _paint_weight(self, grey: bool) -> None:
        colour = "#9aa3b0" if grey else "#1d2330"
        self.weight.setStyleSheet(
            f"font-size: 44px; font-weight: bold; font-family: monospace; color: {colour};"
        )
