"""The Station page, the operator's main screen: station and operator on top, the current step in
large words, a big verdict (green OK only after the record is committed, red NOK with the reason
in words) with a sound, the live weight when the station weighs, the lots loaded, and the last 20
scans. Input from the serial scanner or the keyboard-wedge field, which refuses a code that looks
typed on a keyboard of another layout (AZERTY) instead of recording it.

The seams: station, operator and product on top are `ui/station_header.py`, the verdict
`ui/station_verdict.py`, the scan queue and the last scans `ui/station_queue.py`, the balance
panel and the pan's history `ui/station_balance.py`, the decisions after an out-of-tolerance fill
`ui/station_decisions.py`; this page ties them to the operations kernel and to the devices
(`desktop.acquisition.StationDevices`).
"""

from __future__ import annotations

import logging
import time
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.acquisition import StationDevices
from desktop.context import AppContext
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.domain.station import Mode, Rejection, instruction
from desktop.services.actor import Actor
from desktop.services.plant import list_stations, site_info
from desktop.services.station.pipeline import record_scan
from desktop.services.station.scan import ScanResult
from desktop.services.station.state import StationState, station_state
from desktop.services.station.weighing import record_addition, record_fill
from desktop.services.storage_failures import StorageFailure
from desktop.tasks import Ops
from hardware.codecs.reading import Reading
from hardware.codecs.scanner import Scan
from ui.devices_status import reason_text
from ui.main_window import Area
from ui.messages import describe_error, render
from ui.station_balance import BALANCE, BalancePanel, Clock, Pan, Weighing
from ui.station_decisions import ToleranceActions
from ui.station_header import StationHeader, loaded_words
from ui.station_queue import (
    RECENT,
    QueuedScan,
    ScanQueue,
    layout_warning,
    recent_scans_model,
    recent_scans_view,
    refused_during_weighing,
)
from ui.station_verdict import VerdictPanel
from ui.style import WARN_AMBER
from ui.typed_text import plain
from ui.widgets import title_label

log = logging.getLogger(__name__)


class StationPage(QWidget):
    """One station at a time (the workstation's own, or chosen on an office PC).

    `clock` is the monotonic clock readings and scans are timed by (injected in tests).
    """

    def __init__(
        self,
        ops: Ops,
        devices: StationDevices | None = None,
        station: str | None = None,
        parent: QWidget | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._ops, self._devices, self._clock = ops, devices, clock
        self._zone: ZoneInfo | None = None
        self._state: StationState | None = None
        self._pending: str | None = None  # the cell or lot waiting for its weighing
        self._weighing: Weighing | None = None
        self._queue = ScanQueue()
        self._pan = Pan()

        self.header = StationHeader()
        self.header.station.currentIndexChanged.connect(lambda _i: self._station_changed())

        self.instruction = plain(QLabel())
        self.instruction.setObjectName("stationInstruction")
        self.instruction.setStyleSheet("font-size: 34px; font-weight: bold; padding: 6px 0;")
        self.instruction.setWordWrap(True)

        self.verdict = VerdictPanel()
        self.verdict.show_verdict("idle", self.tr("Ready"), "")
        self.waiting = QLabel()
        self.waiting.setObjectName("scansWaiting")
        self.waiting.setStyleSheet(f"font-size: 22px; font-weight: bold; color: {WARN_AMBER};")
        self.waiting.hide()

        self.next_actions = ToleranceActions(ops)
        self.next_actions.reweigh.connect(self._reweigh)
        self.next_actions.cancel.connect(self._cancel_weighing)
        self.next_actions.decided.connect(self._decided)
        self.next_actions.failed.connect(
            lambda words: self.verdict.show_verdict("nok", "NOK", words)
        )

        self.entry = QLineEdit()
        self.entry.setObjectName("scanEntry")
        self.entry.setPlaceholderText(self.tr("Scan or type a lot or serial number, then Enter"))
        self.entry.setStyleSheet("font-size: 22px; padding: 10px;")
        self.entry.returnPressed.connect(self._entered)

        self.weight_panel = BalancePanel(devices, clock)
        self.weight_panel.record_button.clicked.connect(self._record_addition)

        self.loaded = plain(QLabel())
        self.loaded.setWordWrap(True)
        self.loaded.setObjectName("loaded")

        self.recent_model = recent_scans_model(self._plant_time, self)
        self.recent = recent_scans_view(self.recent_model)

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
        layout.addWidget(self.header)
        layout.addWidget(self.instruction)
        layout.addLayout(middle)
        layout.addWidget(title_label(self.tr("Last scans"), section=True))
        layout.addWidget(self.recent, 1)
        self._show_next_actions()

        self._reading_timer = QTimer(self)
        self._reading_timer.setInterval(100)  # the weight is redrawn at 10 Hz, not per reading
        self._reading_timer.timeout.connect(self._show_reading)
        if devices is not None:
            # Connected to bound methods of this page: Qt cuts them when the page is destroyed.
            devices.reading.connect(self._on_reading)
            devices.scan.connect(self._on_scan)
            devices.status.connect(self._on_status)
            self._reading_timer.start()
        self._preferred = station
        self.set_operator(None)
        self._load_stations()

    # -- what the page is doing, for whoever watches it -----------------------------------------
    @property
    def state(self) -> StationState | None:
        """The station as last read from the database (None before the first answer)."""
        return self._state

    @property
    def recording(self) -> bool:
        """A scan or a weight is being recorded, or scans wait to be."""
        return self._queue.busy or bool(self._queue.waiting)

    @property
    def weighing_stage(self) -> str | None:
        """Where the cell being weighed is: clear, before, emptied, after; None when none is."""
        return self._weighing.sequence.stage if self._weighing is not None else None

    @property
    def balance_state(self) -> str:
        """ok, silent, lost or fault: what the balance panel shows."""
        return self.weight_panel.state

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
        self.header.show_stations(stations, self._preferred)
        self._station_changed()

    def current_station(self) -> str | None:
        return self.header.current_station()

    def select_station(self, code: str) -> None:
        self._preferred = code
        self.header.select_station(code)

    def set_operator(self, actor: Actor | None) -> None:
        """Show who is signed in. Scans already queued keep the user they were read under."""
        self.header.show_operator(actor)
        if self._weighing is not None and actor != self._weighing.actor:
            self._cancel_weighing()  # the next user starts from a fresh scan

    def _station_changed(self) -> None:
        self._pending, self._weighing, self.next_actions.result = None, None, None
        self.verdict.show_verdict("idle", self.tr("Ready"), "")
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
        self.weight_panel.record_button.setVisible(state.mode == Mode.MIX.value)
        self.header.show_products(state)
        if self._pending is None:
            self.instruction.setText(render(state.instruction))
        self.loaded.setText(loaded_words(state))
        if reset_recent:
            self.recent_model.set_records(state.recent)
        self.entry.setFocus()

    # -- scanning ------------------------------------------------------------------------------
    def _entered(self) -> None:
        code = self.entry.text().strip()
        self.entry.clear()
        if not code:
            return
        warning = layout_warning(code)
        if warning is not None:
            # Recording it would store a code nobody printed: the operator scans again instead.
            self.verdict.show_verdict("warn", self.tr("NOT RECORDED"), warning)
            self.verdict.sound(False)
            log.info("wedge input %r refused: it looks mangled by the keyboard layout", code)
            return
        self.submit(code)

    def _on_scan(self, scan: Scan) -> None:
        if not self.isVisible():
            return
        if scan.error is not None:
            self.verdict.show_verdict("nok", "NOK", reason_text(scan.error))
            self.verdict.sound(False)
            return
        if scan.kind == "badge":
            return  # signing in is the sign-in screen's
        self.submit(scan.code)

    @property
    def waiting_count(self) -> int:
        """Scans read and not answered yet (the one being recorded included)."""
        return self._queue.count

    def submit(self, code: str) -> None:
        """Queue `code` for the current station, as the user signed in now; scans are recorded
        one after the other in the order they were read, each with its own verdict."""
        station = self.current_station()
        if station is None:
            return
        product = self.header.chosen_product()
        self._queue.append(
            QueuedScan(code, self._ops.actor, station, product, str(uuid.uuid4()), self._clock())
        )
        self._show_waiting()
        self._next()

    def _next(self) -> None:
        """Record the oldest queued scan once nothing else is being recorded."""
        for item in self._queue.ready():
            if self._weighing is not None and item.station == self.current_station():
                self._stray(item)
                continue
            self._queue.in_flight = item
            self.verdict.show_verdict(
                "busy", "...", self.tr("Recording {code}").format(code=item.code)
            )
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
        """A scan while a cell is being weighed is refused on its own; the weighing goes on."""
        weighing = self._weighing
        assert weighing is not None
        result = refused_during_weighing(item, weighing.code, utc_now())
        self.verdict.show_verdict("nok", "NOK", render(result.message))
        self.verdict.sound(False)
        self.recent_model.prepend([result], keep=RECENT)
        log.info("scan %s refused at %s: %s being weighed", item.code, item.station, weighing.code)

    def _scanned(self, result: ScanResult) -> None:
        item = self._queue.in_flight
        self._queue.in_flight = None
        self.recent_model.prepend([result], keep=RECENT)
        next_words = render(result.next_step) if result.next_step else ""
        state = self._state
        self.next_actions.result = None
        if result.ok and result.action is not None and result.action.value == "checked":
            self._pending = result.code
            scanned_at = item.at if isinstance(item, QueuedScan) else self._clock()
            actor = item.actor if isinstance(item, QueuedScan) else self._ops.actor
            if state is not None and state.mode == Mode.PASS.value and self._devices is not None:
                self._weighing = self._pan.weighing(result.code, actor, scanned_at)
                if self._weighing.sequence.stage == "clear":
                    next_words = render(instruction("clear_pan"))
            if state is not None and state.weighs and self._devices is None:
                next_words = self.tr("This station needs a balance: none is connected")
            self.instruction.setText(next_words)
        elif result.rejection is Rejection.OUT_OF_TOLERANCE:
            self.next_actions.result = result
            self.instruction.setText(self.tr("Out of tolerance: choose what happens to the cell"))
        else:
            self._pending, self._weighing = None, None
        self.verdict.show_verdict(
            "ok" if result.ok else "nok", "OK" if result.ok else "NOK", render(result.message)
        )
        self.verdict.sound(result.ok)
        self._show_next_actions()
        self.refresh()
        self._next()

    def _scan_failed(self, exc: BaseException) -> None:
        self._queue.in_flight = None
        self._pending, self._weighing = None, None
        if isinstance(exc, StorageFailure):
            self.verdict.show_verdict("alarm", self.tr("NOT RECORDED"), describe_error(exc))
        else:
            self.verdict.show_verdict("nok", "NOK", describe_error(exc))
        self.verdict.sound(False)
        self._show_next_actions()
        self._next()

    # -- the balance ---------------------------------------------------------------------------
    def _on_status(self, name: str, status: Any) -> None:
        if name == BALANCE:
            self.weight_panel.status = status
            self._show_reading()

    def _on_reading(self, reading: Reading) -> None:
        at = self._clock()  # when it reached the page: never earlier than the balance took it
        self.weight_panel.take(reading, at)
        weighing = self._weighing
        self._pan.note(reading, at, weighing)
        if weighing is None or self._queue.busy:
            return
        moved = self._pan.feed(weighing, reading, at)
        if moved == "done":
            self._record_fill()
        elif moved is not None:
            if moved == "before":
                self.instruction.setText(render(instruction("weigh_before")))
            elif moved == "emptied":
                self.instruction.setText(render(instruction("weigh_after")))
            self._show_empty_weight()

    def _show_empty_weight(self) -> None:
        weighing, result = self._weighing, self.next_actions.result
        before = weighing.sequence.before if weighing is not None else None
        if before is None and result is not None:
            before = result.details.get("before")
            unit = result.details.get("weighed_in", "g")
        else:
            unit = weighing.sequence.unit if weighing is not None else "g"
        self.weight_panel.show_empty_weight(before, unit)

    def _show_reading(self) -> None:
        self.weight_panel.show_reading(
            may_record=bool(self._pending) and not self._queue.busy and not self._queue.waiting
        )

    # -- recording weights ---------------------------------------------------------------------
    def _record_fill(self) -> None:
        weighing, station = self._weighing, self.current_station()
        if weighing is None or station is None:
            return
        sequence = weighing.sequence
        before, after, unit = sequence.before, sequence.after, sequence.unit
        self._weighing = None
        self.next_actions.reweighed = weighing.reweighed
        self._queue.in_flight = "fill"
        self.verdict.show_verdict(
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
        reading, code, station = self.weight_panel.reading, self._pending, self.current_station()
        if reading is None or code is None or station is None or not reading.ok:
            return
        if self._queue.busy:
            return  # a double click: the first press is being recorded
        weight, unit, stable = Decimal(reading.value), reading.unit, bool(reading.stable)
        self._queue.in_flight = "addition"
        self.weight_panel.record_button.setEnabled(False)
        self._ops.write(
            record_addition, station, code, weight, unit, stable=stable, event_id=str(uuid.uuid4())
        ).then(self._scanned, self._scan_failed, owner=self)

    # -- after an out-of-tolerance fill --------------------------------------------------------
    def _show_next_actions(self) -> None:
        self.next_actions.offer(weighing=self._weighing is not None)
        self._show_empty_weight()

    def _reweigh(self, result: ScanResult) -> None:
        """Weigh the filled cell once more: off the pan and back on, with the same empty weight."""
        self._pending = result.code
        self._weighing = Weighing.again(result, self._ops.actor, self._clock())
        self.instruction.setText(render(instruction("weigh_after")))
        self.verdict.show_verdict("idle", self.tr("Weigh again"), result.code)
        self._show_next_actions()

    def _decided(self, words: str) -> None:
        self._pending = None
        self.verdict.show_verdict("idle", self.tr("Done"), words)
        self._show_next_actions()
        self.refresh()

    def _cancel_weighing(self) -> None:
        if self._weighing is None:
            return
        code = self._weighing.code
        self._weighing, self._pending = None, None
        words = self.tr("Weighing of {code} cancelled").format(code=code)
        self.verdict.show_verdict("idle", self.tr("Ready"), words)
        if self._state is not None:
            self.instruction.setText(render(self._state.instruction))
        self._show_next_actions()

    # -- verdict -------------------------------------------------------------------------------
    @property
    def verdict_kind(self) -> str:
        return self.verdict.kind

    def verdict_text(self) -> str:
        return self.verdict.text()

    def _failed(self, exc: BaseException) -> None:
        self.verdict.show_verdict("nok", "NOK", describe_error(exc))

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.entry.setFocus()
        if self._state is not None:
            self.refresh(reset_recent=True)


def create_area(context: AppContext) -> Area | None:
    if context.actor is not None and not context.may(Permission.OPERATE_STATION):
        return None
    page = StationPage(context.ops, devices=context.devices, station=context.station)
    page.set_operator(context.actor)
    context.actor_changed.connect(page.set_operator)
    return Area("station", QCoreApplication.translate("MainWindow", "Station"), page)
