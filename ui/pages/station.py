"""The Station page, the operator's main screen: station and operator on top, the current step in
large words, a big verdict (green OK only after the record is committed, red NOK with the reason
in words) with a sound, the live weight when the station weighs, the lots loaded, and the last 20
scans. Input from the serial scanner or the keyboard-wedge field.

Every scan is queued in arrival order with the user signed in when it was read, and recorded
through the operations kernel one after the other: none is dropped, none reordered, none
recorded under the next user after a badge switch (issue 12).
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import deque
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.messages import QT_TRANSLATE_NOOP, Message
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission, allowed
from desktop.domain.station import FillSequence, Mode, Rejection, Verdict, instruction
from desktop.services.actor import Actor
from desktop.services.genealogy import place_hold, scrap
from desktop.services.plant import list_stations, site_info
from desktop.services.station import (
    ScanResult,
    StationState,
    StorageFailure,
    record_addition,
    record_fill,
    record_scan,
    station_state,
)
from desktop.tasks import Ops
from ui.devices_status import reason_text
from ui.formatting import number, quantity
from ui.main_window import Area
from ui.messages import describe_error, render
from ui.style import NOK_RED, OK_GREEN, WARN_AMBER
from ui.table_model import Column, RecordTableModel
from ui.widgets import title_label

log = logging.getLogger(__name__)

RECENT = 20
STALE_S = 1.5  # no reading for this long: the balance is shown as silent, its weight as unknown
BALANCE = "scale"  # the device hub's name for the station's balance
_VERDICT_STYLE = {
    "idle": "background: #e6eaf0; color: #1d2330;",
    "ok": f"background: {OK_GREEN}; color: white;",
    "nok": f"background: {NOK_RED}; color: white;",
    "busy": "background: #9db4dd; color: white;",
    "alarm": f"background: {NOK_RED}; color: white; border: 6px solid {WARN_AMBER};",
}


@dataclass(frozen=True)
class QueuedScan:
    """A code as it was read: who was signed in, where, and when (monotonic clock)."""

    code: str
    actor: Actor | None
    station: str
    product: str | None
    event_id: str
    at: float


@dataclass
class Weighing:
    """The cell waiting for its fill weights, and who scanned it."""

    code: str
    actor: Actor | None
    sequence: FillSequence
    reweighed: bool = False


class StationPage(QWidget):
    """One station at a time (the workstation's own, or chosen on an office PC)."""

    def __init__(
        self,
        ops: Ops,
        devices: Any = None,
        station: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops, self._devices = ops, devices
        self._zone: ZoneInfo | None = None
        self._state: StationState | None = None
        self._pending: str | None = None  # the cell or lot waiting for its weighing
        self._weighing: Weighing | None = None
        self._queue: deque[QueuedScan] = deque()
        self._in_flight: QueuedScan | str | None = None  # a scan, or "fill" / "addition"
        self._reading: Any = None
        self._reading_at = 0.0
        self._cleared_at = float("-inf")  # last reading of an empty pan
        self._weighed_at = float("-inf")  # last time a cell's weight was taken
        self._balance_status: Any = None
        self._after_tolerance: ScanResult | None = None
        self._reweighed = False  # the last fill was a re-weigh: no second one

        self.station = QComboBox()
        self.station.setObjectName("stationChoice")
        self.station.setMinimumWidth(260)
        self.station.currentIndexChanged.connect(lambda _i: self._station_changed())
        self.operator = _plain(QLabel())
        self.operator.setObjectName("sectionTitle")
        self.product = QComboBox()
        self.product.setMinimumWidth(200)
        top = QHBoxLayout()
        top.addWidget(title_label(self.tr("Station")))
        top.addWidget(self.station)
        top.addSpacing(24)
        top.addWidget(self.operator, 1)
        self.product_label = QLabel(self.tr("Product"))
        top.addWidget(self.product_label)
        top.addWidget(self.product)

        self.instruction = _plain(QLabel())
        self.instruction.setObjectName("stationInstruction")
        self.instruction.setStyleSheet("font-size: 34px; font-weight: bold; padding: 6px 0;")
        self.instruction.setWordWrap(True)

        # The verdict: big word and reason, both plain text (a code typed as `<b>` shows as typed).
        self.verdict = QFrame()
        self.verdict.setObjectName("verdict")
        self.verdict.setMinimumHeight(170)
        self.verdict_big = _plain(QLabel())
        self.verdict_big.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict_words = _plain(QLabel())
        self.verdict_words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict_words.setWordWrap(True)
        verdict_layout = QVBoxLayout(self.verdict)
        verdict_layout.addWidget(self.verdict_big)
        verdict_layout.addWidget(self.verdict_words)
        self.verdict_kind = "idle"
        self._show_verdict("idle", self.tr("Ready"), "")
        self.waiting = QLabel()
        self.waiting.setObjectName("scansWaiting")
        self.waiting.setStyleSheet(f"font-size: 22px; font-weight: bold; color: {WARN_AMBER};")
        self.waiting.hide()

        # What to do next after an out-of-tolerance fill, by role.
        self.reweigh_button = QPushButton(self.tr("Weigh again"))
        self.reweigh_button.clicked.connect(self._reweigh)
        self.hold_button = QPushButton(self.tr("Put on hold..."))
        self.hold_button.clicked.connect(self._hold)
        self.scrap_button = QPushButton(self.tr("Scrap..."))
        self.scrap_button.clicked.connect(self._scrap)
        self.cancel_button = QPushButton(self.tr("Cancel the weighing"))
        self.cancel_button.clicked.connect(self._cancel_weighing)
        self.next_actions = QWidget()
        actions = QHBoxLayout(self.next_actions)
        actions.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.reweigh_button,
            self.hold_button,
            self.scrap_button,
            self.cancel_button,
        ):
            button.setMinimumHeight(48)
            button.setStyleSheet("font-size: 18px;")
            actions.addWidget(button)
        actions.addStretch(1)

        self.entry = QLineEdit()
        self.entry.setObjectName("scanEntry")
        self.entry.setPlaceholderText(self.tr("Scan or type a lot or serial number, then Enter"))
        self.entry.setStyleSheet("font-size: 22px; padding: 10px;")
        self.entry.returnPressed.connect(self._entered)

        self.weight = QLabel("--")
        self.weight.setObjectName("weight")
        self.weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.stable = _plain(QLabel())
        self.stable.setWordWrap(True)
        self.stable.setStyleSheet("font-size: 18px;")
        self.empty_weight = _plain(QLabel())
        self.empty_weight.setObjectName("emptyWeight")
        self.empty_weight.setStyleSheet("font-size: 18px;")
        self.zero_button = QPushButton(self.tr("Zero"))
        self.tare_button = QPushButton(self.tr("Tare"))
        self.record_button = QPushButton(self.tr("Record the weight"))
        self.record_button.setObjectName("primary")
        self.record_button.clicked.connect(self._record_addition)
        self.zero_button.clicked.connect(lambda: self._devices and self._devices.zero())
        self.tare_button.clicked.connect(lambda: self._devices and self._devices.tare())
        self.weight_panel = QFrame()
        self.weight_panel.setObjectName("weightPanel")
        self.weight_panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel = QVBoxLayout(self.weight_panel)
        panel.addWidget(title_label(self.tr("Balance"), section=True))
        panel.addWidget(self.weight)
        panel.addWidget(self.stable)
        panel.addWidget(self.empty_weight)
        buttons = QHBoxLayout()
        buttons.addWidget(self.zero_button)
        buttons.addWidget(self.tare_button)
        panel.addLayout(buttons)
        panel.addWidget(self.record_button)
        panel.addStretch(1)
        self.weight_panel.setMinimumWidth(320)
        self.balance_state = "none"  # ok, silent, lost or fault: what the panel shows
        self._paint_weight(grey=True)

        self.loaded = _plain(QLabel())
        self.loaded.setWordWrap(True)
        self.loaded.setObjectName("loaded")

        self.recent_model: RecordTableModel[ScanResult] = RecordTableModel(
            [
                Column(self.tr("Time"), self._plant_time),
                Column(self.tr("Code"), lambda r: r.code),
                Column(self.tr("Verdict"), lambda r: "OK" if r.ok else "NOK"),
                Column(self.tr("Operator"), lambda r: r.username or ""),
                Column(self.tr("What happened"), lambda r: render(r.message)),
            ],
            self,
        )
        self.recent = QTableView()
        self.recent.setModel(self.recent_model)
        self.recent.verticalHeader().hide()
        self.recent.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.recent.horizontalHeader().setStretchLastSection(True)
        self.recent.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.verdict)
        left.addWidget(self.waiting)
        left.addWidget(self.next_actions)
        left.addWidget(self.entry)
        left.addWidget(self.loaded)
        middle.addLayout(left, 3)
        middle.addWidget(self.weight_panel, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.instruction)
        layout.addLayout(middle)
        layout.addWidget(title_label(self.tr("Last scans"), section=True))
        layout.addWidget(self.recent, 1)
        self._show_next_actions()

        self._beeps = 0
        self._beeper = QTimer(self)
        self._beeper.setInterval(140)
        self._beeper.timeout.connect(self._beep)
        self._reading_timer = QTimer(self)
        self._reading_timer.setInterval(100)  # the weight is redrawn at 10 Hz, not per reading
        self._reading_timer.timeout.connect(self._show_reading)
        if devices is not None:
            # Connected to bound methods of this page: Qt cuts them when the page is destroyed.
            devices.reading.connect(self._on_reading)
            devices.scan.connect(self._on_scan)
            status = getattr(devices, "status", None)
            if status is not None:
                status.connect(self._on_status)
            last = getattr(devices, "last_status", {})
            self._balance_status = last.get(BALANCE) if isinstance(last, dict) else None
            self._reading_timer.start()
        self._preferred = station
        self.set_operator(None)
        self._load_stations()

    # -- setup ---------------------------------------------------------------------------------
    def _load_stations(self) -> None:
        self._ops.read(site_info).then(self._got_site, self._failed)
        self._ops.read(list_stations).then(self._show_stations, self._failed)

    def _got_site(self, site: Any) -> None:
        self._zone = ZoneInfo(site.time_zone)
        self.recent_model.set_records(self.recent_model.records())

    def _plant_time(self, result: ScanResult) -> str:
        """When the scan was recorded, on the plant's clock (not UTC, not the PC's zone)."""
        moment: datetime = result.at
        return moment.astimezone(self._zone).strftime("%H:%M:%S") if self._zone else ""

    def _show_stations(self, stations: list[Any]) -> None:
        self.station.blockSignals(True)
        self.station.clear()
        for info in stations:
            self.station.addItem(f"{info.code} - {info.name}", info.code)
        if self._preferred is not None:
            self.station.setCurrentIndex(max(0, self.station.findData(self._preferred)))
        self.station.blockSignals(False)
        self._station_changed()

    def current_station(self) -> str | None:
        return self.station.currentData()

    def select_station(self, code: str) -> None:
        self._preferred = code
        index = self.station.findData(code)
        if index >= 0:
            self.station.setCurrentIndex(index)

    def set_operator(self, actor: Any) -> None:
        """Show who is signed in. Scans already queued keep the user they were read under."""
        if actor is None:
            self.operator.setText(self.tr("No operator signed in"))
            self.operator.setStyleSheet(f"color: {NOK_RED};")
        else:
            name = getattr(actor, "name", None) or actor.username
            self.operator.setText(self.tr("Operator: {name}").format(name=name))
            self.operator.setStyleSheet("")
        if self._weighing is not None and actor != self._weighing.actor:
            self._cancel_weighing()  # the next user starts from a fresh scan

    def _station_changed(self) -> None:
        self._pending, self._weighing, self._after_tolerance = None, None, None
        self._show_verdict("idle", self.tr("Ready"), "")
        self._show_next_actions()
        self.refresh(reset_recent=True)

    def refresh(self, reset_recent: bool = False) -> None:
        station = self.current_station()
        if station is None:
            return
        actor = self._ops.actor or Actor.system()
        self._ops.read(station_state, actor, station).then(
            lambda state: self._show_state(state, reset_recent), self._failed, owner=self
        )

    def _show_state(self, state: StationState, reset_recent: bool) -> None:
        if state.station != self.current_station():
            return
        self._state = state
        weighs = state.weighs and self._devices is not None
        self.weight_panel.setVisible(weighs)
        self.record_button.setVisible(state.mode == Mode.MIX.value)
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
        if self._pending is None:
            self.instruction.setText(render(state.instruction))
        lines = [
            self.tr("{id}: {material}, {remaining} {unit} left").format(
                id=lot.id,
                material=lot.material,
                remaining=number(lot.remaining.normalize()),
                unit=lot.unit,
            )
            for lot in state.loaded
        ]
        if state.container:
            lines.append(
                self.tr("Building {id}: {count} of {size}").format(
                    id=state.container, count=state.container_count, size=state.container_size
                )
            )
        self.loaded.setText(
            self.tr("Loaded: {lots}").format(lots="; ".join(lines)) if lines else ""
        )
        if reset_recent:
            self.recent_model.set_records(state.recent)
        self.entry.setFocus()

    # -- scanning ------------------------------------------------------------------------------
    def _entered(self) -> None:
        code = self.entry.text().strip()
        self.entry.clear()
        if code:
            self.submit(code)

    def _on_scan(self, scan: Any) -> None:
        if not self.isVisible():
            return
        if scan.error is not None:
            self._show_verdict("nok", "NOK", reason_text(scan.error))
            self._sound(False)
            return
        if scan.kind == "badge":
            return  # signing in is the sign-in screen's
        self.submit(scan.code)

    @property
    def waiting_count(self) -> int:
        """Scans read and not answered yet (the one being recorded included)."""
        return len(self._queue) + (1 if isinstance(self._in_flight, QueuedScan) else 0)

    def submit(self, code: str) -> None:
        """Queue `code` for the current station, as the user signed in now; scans are recorded
        one after the other in the order they were read, each with its own verdict."""
        station = self.current_station()
        if station is None:
            return
        product = self.product.currentText() if self.product.isVisible() else None
        self._queue.append(
            QueuedScan(
                code, self._ops.actor, station, product or None, str(uuid.uuid4()), time.monotonic()
            )
        )
        self._show_waiting()
        self._next()

    def _next(self) -> None:
        """Record the oldest queued scan once nothing else is being recorded."""
        while self._in_flight is None and self._queue:
            item = self._queue.popleft()
            if self._weighing is not None and item.station == self.current_station():
                self._stray(item)
                continue
            self._in_flight = item
            self._show_verdict("busy", "...", self.tr("Recording {code}").format(code=item.code))
            self._ops.record_as(
                item.actor,
                record_scan,
                item.station,
                item.code,
                event_id=item.event_id,
                product=item.product,
            ).then(self._scanned, self._scan_failed, owner=self)
        self._show_waiting()

    def _show_waiting(self) -> None:
        count = self.waiting_count
        self.waiting.setVisible(count > 1)
        self.waiting.setText(self.tr("{count} scans waiting").format(count=count))

    def _stray(self, item: QueuedScan) -> None:
        """A scan while a cell is being weighed (a bounce, a wrong label, the loaded lot again)
        is refused on its own; the weighing goes on."""
        weighing = self._weighing
        assert weighing is not None
        message = Message(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{code} refused: cell {cell} is being weighed. Finish the weighing, or cancel it.",
            ),
            {"code": item.code, "cell": weighing.code},
        )
        self._show_verdict("nok", "NOK", render(message))
        self._sound(False)
        self.recent_model.prepend(
            [
                ScanResult(
                    item.event_id,
                    utc_now(),
                    item.station,
                    item.code,
                    Verdict.NOK,
                    message,
                    username=item.actor.username if item.actor else None,
                )
            ],
            keep=RECENT,
        )
        log.info("scan %s refused at %s: %s being weighed", item.code, item.station, weighing.code)

    def _scanned(self, result: ScanResult) -> None:
        item = self._in_flight
        self._in_flight = None
        self.recent_model.prepend([result], keep=RECENT)
        next_words = render(result.next_step) if result.next_step else ""
        state = self._state
        self._after_tolerance = None
        if result.ok and result.action is not None and result.action.value == "checked":
            self._pending = result.code
            scanned_at = item.at if isinstance(item, QueuedScan) else time.monotonic()
            actor = item.actor if isinstance(item, QueuedScan) else self._ops.actor
            if state is not None and state.mode == Mode.PASS.value and self._devices is not None:
                sequence = FillSequence(scanned_at, pan_cleared=self._cleared_at > self._weighed_at)
                self._weighing = Weighing(result.code, actor, sequence)
                if sequence.stage == "clear":
                    next_words = render(instruction("clear_pan"))
            if state is not None and state.weighs and self._devices is None:
                next_words = self.tr("This station needs a balance: none is connected")
            self.instruction.setText(next_words)
        elif result.rejection is Rejection.OUT_OF_TOLERANCE:
            self._after_tolerance = result
            self.instruction.setText(self.tr("Out of tolerance: choose what happens to the cell"))
        else:
            self._pending, self._weighing = None, None
        self._show_verdict(
            "ok" if result.ok else "nok", "OK" if result.ok else "NOK", render(result.message)
        )
        self._sound(result.ok)
        self._show_next_actions()
        self.refresh()
        self._next()

    def _scan_failed(self, exc: BaseException) -> None:
        self._in_flight = None
        self._pending, self._weighing = None, None
        if isinstance(exc, StorageFailure):
            self._show_verdict("alarm", self.tr("NOT RECORDED"), describe_error(exc))
        else:
            self._show_verdict("nok", "NOK", describe_error(exc))
        self._sound(False)
        self._show_next_actions()
        self._next()

    # -- the balance ---------------------------------------------------------------------------
    def _on_status(self, name: str, status: Any) -> None:
        if name == BALANCE:
            self._balance_status = status
            self._show_reading()

    def _on_reading(self, reading: Any) -> None:
        at = time.monotonic()  # when it reached the page: never earlier than the balance took it
        self._reading, self._reading_at = reading, at
        weighing = self._weighing
        if reading.ok and weighing is not None:
            loaded = weighing.sequence.loaded(Decimal(reading.value), reading.unit)
        elif reading.ok:
            loaded = FillSequence(at, True).loaded(Decimal(reading.value), reading.unit)
        else:
            loaded = None
        if loaded is False:
            self._cleared_at = at
        if weighing is None or self._in_flight is not None:
            return
        sequence = weighing.sequence
        stage = sequence.stage
        if sequence.feed(reading.value, reading.unit, bool(reading.stable) and reading.ok, at):
            self._weighed_at = at
            self._record_fill()
        elif sequence.stage != stage:
            if sequence.stage == "before":
                self.instruction.setText(render(instruction("weigh_before")))
            elif sequence.stage == "emptied":
                self._weighed_at = at
                self.instruction.setText(render(instruction("weigh_after")))
            self._show_empty_weight()

    def _show_empty_weight(self) -> None:
        weighing = self._weighing
        before = weighing.sequence.before if weighing is not None else None
        if before is None and self._after_tolerance is not None:
            before = self._after_tolerance.details.get("before")
            unit = self._after_tolerance.details.get("weighed_in", "g")
        else:
            unit = weighing.sequence.unit if weighing is not None else "g"
        self.empty_weight.setText(
            self.tr("Empty weight recorded: {weight}").format(
                weight=quantity(Decimal(str(before)), unit)
            )
            if before is not None
            else ""
        )

    def _balance_problem(self) -> str | None:
        """Why the weight cannot be trusted right now, in words; None when it can."""
        status = self._balance_status
        state = getattr(getattr(status, "state", None), "value", None)
        if state is not None and state != "connected":
            why = reason_text(getattr(status, "reason", None))
            words = {
                "reconnecting": self.tr("Balance lost: reconnecting"),
                "failed": self.tr("Balance failed"),
                "closed": self.tr("Balance disconnected"),
            }.get(state, self.tr("Balance lost"))
            self.balance_state = "lost"
            return f"{words} ({why})" if why else words
        if self._reading is None or time.monotonic() - self._reading_at > STALE_S:
            self.balance_state = "silent"
            return self.tr("No reading from the balance: check its cable and power")
        if not self._reading.ok:
            self.balance_state = "fault"
            return reason_text(self._reading.reason)
        self.balance_state = "ok"
        return None

    def _paint_weight(self, grey: bool) -> None:
        colour = "#9aa3b0" if grey else "#1d2330"
        self.weight.setStyleSheet(
            f"font-size: 44px; font-weight: bold; font-family: monospace; color: {colour};"
        )

    def _show_reading(self) -> None:
        problem = self._balance_problem()
        reading = self._reading
        if problem is not None:
            self.weight.setText("--")
            self._paint_weight(grey=True)
            self.stable.setText(problem)
            self.stable.setStyleSheet(f"font-size: 18px; color: {NOK_RED};")
        else:
            self.weight.setText(quantity(reading.value, reading.unit))  # 12,345 g in French
            self._paint_weight(grey=False)
            self.stable.setText(self.tr("stable") if reading.stable else self.tr("moving"))
            colour = OK_GREEN if reading.stable else WARN_AMBER
            self.stable.setStyleSheet(f"font-size: 18px; color: {colour};")
        self.record_button.setEnabled(
            bool(
                problem is None
                and reading.stable
                and self._pending
                and self._in_flight is None
                and not self._queue
            )
        )

    # -- recording weights ---------------------------------------------------------------------
    def _record_fill(self) -> None:
        weighing, station = self._weighing, self.current_station()
        if weighing is None or station is None:
            return
        sequence = weighing.sequence
        before, after, unit = sequence.before, sequence.after, sequence.unit
        self._weighing = None
        self._reweighed = weighing.reweighed
        self._in_flight = "fill"
        self._show_verdict(
            "busy", "...", self.tr("Recording the fill of {code}").format(code=weighing.code)
        )
        self._ops.write_as(
            weighing.actor,
            record_fill,
            station,
            weighing.code,
            before,
            after,
            unit,
            stable=True,
            event_id=str(uuid.uuid4()),
        ).then(self._scanned, self._scan_failed, owner=self)

    def _record_addition(self) -> None:
        reading, code, station = self._reading, self._pending, self.current_station()
        if reading is None or code is None or station is None or not reading.ok:
            return
        if self._in_flight is not None:
            return  # a double click: the first press is being recorded
        weight, unit, stable = Decimal(reading.value), reading.unit, bool(reading.stable)
        self._in_flight = "addition"
        self.record_button.setEnabled(False)
        self._ops.write(
            record_addition, station, code, weight, unit, stable=stable, event_id=str(uuid.uuid4())
        ).then(self._scanned, self._scan_failed, owner=self)

    # -- after an out-of-tolerance fill --------------------------------------------------------
    def _show_next_actions(self) -> None:
        result = self._after_tolerance
        actor = self._ops.actor
        role = actor.role if actor is not None else None
        may_hold = role is not None and allowed(role, Permission.PLACE_HOLD)
        may_scrap = role is not None and allowed(role, Permission.RELEASE_HOLD)
        self.reweigh_button.setVisible(
            result is not None and not getattr(self, "_reweighed", False)
        )
        self.hold_button.setVisible(result is not None and may_hold)
        self.scrap_button.setVisible(result is not None and may_scrap)
        self.cancel_button.setVisible(self._weighing is not None)
        self.next_actions.setVisible(
            any(
                not b.isHidden() for b in (self.reweigh_button, self.hold_button, self.scrap_button)
            )
            or self._weighing is not None
        )
        self._show_empty_weight()

    def _reweigh(self) -> None:
        """Weigh the filled cell once more: off the pan and back on, with the same empty weight."""
        result = self._after_tolerance
        if result is None or "before" not in result.details:
            return
        before = Decimal(str(result.details["before"]))
        unit = str(result.details.get("weighed_in", "g"))
        self._after_tolerance = None
        self._pending = result.code
        self._weighing = Weighing(
            result.code,
            self._ops.actor,
            FillSequence.again(before, unit, time.monotonic()),
            reweighed=True,
        )
        self._reweighed = True
        self.instruction.setText(render(instruction("weigh_after")))
        self._show_verdict("idle", self.tr("Weigh again"), result.code)
        self._show_next_actions()

    def _ask_reason(self, title: str, question: str) -> str | None:
        """The reason for a decision on the out-of-tolerance cell; the verdict is offered."""
        result = self._after_tolerance
        if result is None:
            return None
        reason, ok = QInputDialog.getText(
            self, title, question.format(code=result.code), text=render(result.message)
        )
        return reason if ok else None

    def _hold(self) -> None:
        result = self._after_tolerance
        reason = self._ask_reason(self.tr("Put on hold"), self.tr("Why is {code} put on hold?"))
        if result is None or reason is None:
            return
        self._decide(
            self.hold_button,
            self.tr("{code} is on hold").format(code=result.code),
            place_hold,
            result.code,
            reason,
        )

    def _scrap(self) -> None:
        result = self._after_tolerance
        reason = self._ask_reason(self.tr("Scrap"), self.tr("Why is {code} scrapped?"))
        if result is None or reason is None:
            return
        secret, ok = QInputDialog.getText(
            self,
            self.tr("Scrap"),
            self.tr("Sign with your PIN or password"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        words = self.tr("{code} is scrapped").format(code=result.code)
        self._decide(self.scrap_button, words, scrap, result.code, reason, secret)

    def _decide(self, button: QPushButton, words: str, fn: Any, *args: Any) -> None:
        """One signed-in decision on the cell, its button held until the answer comes."""
        button.setEnabled(False)
        self._ops.write(fn, *args).then(
            lambda _done: self._decided(words), self._decision_failed, owner=self
        )

    def _decided(self, words: str) -> None:
        self._after_tolerance, self._pending = None, None
        self.hold_button.setEnabled(True)
        self.scrap_button.setEnabled(True)
        self._show_verdict("idle", self.tr("Done"), words)
        self._show_next_actions()
        self.refresh()

    def _decision_failed(self, exc: BaseException) -> None:
        self.hold_button.setEnabled(True)
        self.scrap_button.setEnabled(True)
        self._show_verdict("nok", "NOK", describe_error(exc))

    def _cancel_weighing(self) -> None:
        if self._weighing is None:
            return
        code = self._weighing.code
        self._weighing, self._pending = None, None
        words = self.tr("Weighing of {code} cancelled").format(code=code)
        self._show_verdict("idle", self.tr("Ready"), words)
        if self._state is not None:
            self.instruction.setText(render(self._state.instruction))
        self._show_next_actions()

    # -- verdict -------------------------------------------------------------------------------
    def _show_verdict(self, kind: str, big: str, words: str) -> None:
        self.verdict_kind = kind
        self.verdict.setStyleSheet(
            f"QFrame#verdict {{ {_VERDICT_STYLE[kind]} border-radius: 8px; padding: 12px; }}"
            " QLabel { background: transparent; color: inherit; }"
        )
        colour = "#1d2330" if kind == "idle" else "white"
        size = 64 if kind in ("ok", "nok", "alarm") else 40
        self.verdict_big.setStyleSheet(f"font-size: {size}px; font-weight: bold; color: {colour};")
        self.verdict_words.setStyleSheet(f"font-size: 26px; color: {colour};")
        self.verdict_big.setText(big)
        self.verdict_words.setText(words)
        self.verdict_words.setVisible(bool(words))

    def verdict_text(self) -> str:
        return f"{self.verdict_big.text()}\n{self.verdict_words.text()}".strip()

    def _sound(self, ok: bool) -> None:
        """One beep for OK, three for NOK (heard through gloves and noise)."""
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

    def _failed(self, exc: BaseException) -> None:
        self._show_verdict("nok", "NOK", describe_error(exc))

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.entry.setFocus()
        if self._state is not None:
            self.refresh(reset_recent=True)


def _plain(label: QLabel) -> QLabel:
    """User and device text is shown as typed, never interpreted as rich text."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def create_area(context: AppContext) -> Area | None:
    if context.actor is not None and not context.may(Permission.OPERATE_STATION):
        return None
    page = StationPage(context.ops, devices=context.devices, station=context.station)
    page.set_operator(context.actor)
    context.actor_changed.connect(page.set_operator)
    return Area("station", QCoreApplication.translate("MainWindow", "Station"), page)
