"""The Station page, the operator's main screen: station and operator on top, the current step in
large words, a big verdict (green OK only after the record is committed, red NOK with the reason
in words) with a sound, the live weight when the station weighs, the lots loaded, and the last 20
scans. Input from the serial scanner or the keyboard-wedge field."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.roles import Permission
from desktop.domain.station import FillSequence, Mode, instruction
from desktop.services.plant import PlantService
from desktop.services.station import ScanResult, StationService, StationState, StorageFailure
from ui.devices_status import reason_text
from ui.formatting import quantity
from ui.main_window import Area
from ui.messages import describe_error, render
from ui.style import NOK_RED, OK_GREEN, WARN_AMBER
from ui.table_model import Column, RecordTableModel
from ui.widgets import title_label

RECENT = 20
_VERDICT_STYLE = {
    "idle": "background: #e6eaf0; color: #1d2330;",
    "ok": f"background: {OK_GREEN}; color: white;",
    "nok": f"background: {NOK_RED}; color: white;",
    "busy": "background: #9db4dd; color: white;",
    "alarm": f"background: {NOK_RED}; color: white; border: 6px solid {WARN_AMBER};",
}


def _local_time(result: ScanResult) -> str:
    return result.at.astimezone().strftime("%H:%M:%S")


class StationPage(QWidget):
    """One station at a time (the workstation's own, or chosen on an office PC)."""

    def __init__(
        self,
        service: StationService,
        plant: PlantService,
        tasks: Any,
        devices: Any = None,
        station: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._plant, self._tasks, self._devices = service, plant, tasks, devices
        self._state: StationState | None = None
        self._pending: str | None = None  # the cell or lot waiting for its weighing
        self._fill: FillSequence | None = None
        self._reading: Any = None
        self._busy = False

        self.station = QComboBox()
        self.station.setObjectName("stationChoice")
        self.station.setMinimumWidth(260)
        self.station.currentIndexChanged.connect(lambda _i: self._station_changed())
        self.operator = QLabel()
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

        self.instruction = QLabel()
        self.instruction.setObjectName("stationInstruction")
        self.instruction.setStyleSheet("font-size: 34px; font-weight: bold; padding: 6px 0;")
        self.instruction.setWordWrap(True)

        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setWordWrap(True)
        self.verdict.setMinimumHeight(170)
        self.verdict_kind = "idle"
        self._show_verdict("idle", self.tr("Ready"), "")

        self.entry = QLineEdit()
        self.entry.setObjectName("scanEntry")
        self.entry.setPlaceholderText(self.tr("Scan or type a lot or serial number, then Enter"))
        self.entry.setStyleSheet("font-size: 22px; padding: 10px;")
        self.entry.returnPressed.connect(self._entered)

        self.weight = QLabel("--")
        self.weight.setObjectName("weight")
        self.weight.setStyleSheet("font-size: 44px; font-weight: bold; font-family: monospace;")
        self.weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.stable = QLabel()
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
        buttons = QHBoxLayout()
        buttons.addWidget(self.zero_button)
        buttons.addWidget(self.tare_button)
        panel.addLayout(buttons)
        panel.addWidget(self.record_button)
        panel.addStretch(1)
        self.weight_panel.setMinimumWidth(320)

        self.loaded = QLabel()
        self.loaded.setWordWrap(True)
        self.loaded.setObjectName("loaded")

        self.recent_model: RecordTableModel[ScanResult] = RecordTableModel(
            [
                Column(self.tr("Time"), _local_time),
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

        self._beeps = 0
        self._beeper = QTimer(self)
        self._beeper.setInterval(140)
        self._beeper.timeout.connect(self._beep)
        self._reading_timer = QTimer(self)
        self._reading_timer.setInterval(100)  # the weight is redrawn at 10 Hz, not per reading
        self._reading_timer.timeout.connect(self._show_reading)
        if devices is not None:
            devices.reading.connect(self._on_reading)
            devices.scan.connect(self._on_scan)
            self._reading_timer.start()
        self._preferred = station
        self.set_operator(None)
        self._load_stations()

    # -- setup ---------------------------------------------------------------------------------
    def _load_stations(self) -> None:
        self._tasks.run(self._plant.stations, self._show_stations, self._failed)

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
        if actor is None:
            self.operator.setText(self.tr("No operator signed in"))
            self.operator.setStyleSheet(f"color: {NOK_RED};")
        else:
            name = getattr(actor, "name", None) or actor.username
            self.operator.setText(self.tr("Operator: {name}").format(name=name))
            self.operator.setStyleSheet("")

    def _station_changed(self) -> None:
        self._pending, self._fill = None, None
        self._show_verdict("idle", self.tr("Ready"), "")
        self.refresh(reset_recent=True)

    def refresh(self, reset_recent: bool = False) -> None:
        station = self.current_station()
        if station is None:
            return
        self._tasks.run(
            lambda: self._service.state(station),
            lambda state: self._show_state(state, reset_recent),
            self._failed,
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
                remaining=format(lot.remaining.normalize(), "f"),
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

    def submit(self, code: str) -> None:
        """Record `code` at the current station; the verdict shows once it is committed."""
        station = self.current_station()
        if station is None or self._busy:
            return
        product = self.product.currentText() if self.product.isVisible() else None
        event_id = str(uuid.uuid4())
        self._busy = True
        self._show_verdict("busy", "...", self.tr("Recording {code}").format(code=code))
        self._tasks.run(
            lambda: self._service.scan(station, code, event_id=event_id, product=product or None),
            self._scanned,
            self._scan_failed,
        )

    def _scanned(self, result: ScanResult) -> None:
        self._busy = False
        self.recent_model.prepend([result], keep=RECENT)
        next_words = render(result.next_step) if result.next_step else ""
        state = self._state
        if result.ok and result.action is not None and result.action.value == "checked":
            self._pending = result.code
            if state is not None and state.mode == Mode.PASS.value:
                self._fill = FillSequence()
            if state is not None and state.weighs and self._devices is None:
                next_words = self.tr("This station needs a balance: none is connected")
            self.instruction.setText(next_words)
        else:
            self._pending, self._fill = None, None
        self._show_verdict(
            "ok" if result.ok else "nok", "OK" if result.ok else "NOK", render(result.message)
        )
        self._sound(result.ok)
        self.refresh()

    def _scan_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._pending, self._fill = None, None
        if isinstance(exc, StorageFailure):
            self._show_verdict("alarm", self.tr("NOT RECORDED"), describe_error(exc))
        else:
            self._show_verdict("nok", "NOK", describe_error(exc))
        self._sound(False)

    # -- weighing ------------------------------------------------------------------------------
    def _on_reading(self, reading: Any) -> None:
        self._reading = reading
        fill = self._fill
        if fill is None or self._pending is None or self._busy:
            return
        stage = fill.stage
        if fill.feed(reading.value, reading.unit, bool(reading.stable) and reading.ok):
            self._record_fill()
        elif fill.stage != stage and fill.stage == "emptied":
            self.instruction.setText(render(instruction("weigh_after")))

    def _show_reading(self) -> None:
        reading = self._reading
        if reading is None:
            return
        if reading.ok:
            self.weight.setText(quantity(reading.value, reading.unit))  # 12,345 g in French
            self.stable.setText(self.tr("stable") if reading.stable else self.tr("moving"))
            self.stable.setStyleSheet(f"color: {OK_GREEN if reading.stable else WARN_AMBER};")
        else:
            self.weight.setText("--")
            self.stable.setText(reason_text(reading.reason))
            self.stable.setStyleSheet(f"color: {NOK_RED};")
        self.record_button.setEnabled(
            bool(reading.ok and reading.stable and self._pending and not self._busy)
        )

    def _record_fill(self) -> None:
        fill, code, station = self._fill, self._pending, self.current_station()
        if fill is None or code is None or station is None:
            return
        before, after, unit = fill.before, fill.after, fill.unit
        self._fill = None
        self._busy = True
        self._show_verdict("busy", "...", self.tr("Recording the fill of {code}").format(code=code))
        event_id = str(uuid.uuid4())
        self._tasks.run(
            lambda: self._service.fill(station, code, before, after, unit, True, event_id),
            self._scanned,
            self._scan_failed,
        )

    def _record_addition(self) -> None:
        reading, code, station = self._reading, self._pending, self.current_station()
        if reading is None or code is None or station is None or not reading.ok:
            return
        weight, unit, stable = Decimal(reading.value), reading.unit, bool(reading.stable)
        self._busy = True
        event_id = str(uuid.uuid4())
        self._tasks.run(
            lambda: self._service.addition(station, code, weight, unit, stable, event_id),
            self._scanned,
            self._scan_failed,
        )

    # -- verdict -------------------------------------------------------------------------------
    def _show_verdict(self, kind: str, big: str, words: str) -> None:
        self.verdict_kind = kind
        self.verdict.setStyleSheet(
            f"QLabel#verdict {{ {_VERDICT_STYLE[kind]} border-radius: 8px; padding: 12px; }}"
        )
        size = 64 if kind in ("ok", "nok", "alarm") else 40
        text = f"<div style='font-size:{size}px; font-weight:bold'>{big}</div>"
        if words:
            text += f"<div style='font-size:26px'>{_escape(words)}</div>"
        self.verdict.setText(text)

    def verdict_text(self) -> str:
        return self.verdict.text()

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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def create_area(context: AppContext) -> Area | None:
    if context.actor is not None and not context.may(Permission.OPERATE_STATION):
        return None
    service = StationService(context.database, lambda: context.actor)
    plant = PlantService(context.database, context.current_actor)
    page = StationPage(
        service,
        plant,
        context.tasks,
        devices=context.devices,
        station=context.station,
    )
    page.set_operator(context.actor)
    context.actor_changed.connect(page.set_operator)
    return Area("station", QCoreApplication.translate("MainWindow", "Station"), page)
