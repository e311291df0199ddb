"""Admin: the station's balance and scanner, their live state and last reading, and buttons to
test them while commissioning. In the demo, the simulated devices can be driven from here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.roles import Permission
from ui.devices_status import device_name, reason_text, state_text
from ui.widgets import button_row, page_layout


def reading_text(reading: Any) -> str:
    """A balance reading in words, with the locale's decimal mark."""
    if reading is None:
        return ""
    status = getattr(reading.status, "value", str(reading.status))
    if status == "overload":
        return QCoreApplication.translate("Devices", "Overload")
    if status == "underload":
        return QCoreApplication.translate("Devices", "Underload")
    if status == "error" or reading.value is None:
        return reason_text(reading.reason) or QCoreApplication.translate("Devices", "Error")
    decimals = max(0, -reading.value.as_tuple().exponent)
    number = QLocale().toString(float(reading.value), "f", decimals)
    stable = "" if reading.stable else QCoreApplication.translate("Devices", " (moving)")
    return f"{number} {reading.unit}{stable}"


def port_text(port: Any) -> str:
    """Where the device is: its port or URL, or its USB identity when bound by it."""
    if getattr(port, "usb_vid", None) is not None:
        return f"USB {port.usb_vid:04x}:{port.usb_pid or 0:04x} {port.usb_serial or ''}".strip()
    return f"{port.port}  ({port.baudrate} {port.bytesize}{port.parity}{port.stopbits:g})"


def verb_text(verb: str) -> str:
    verbs = {
        "zero": QCoreApplication.translate("Devices", "zero"),
        "tare": QCoreApplication.translate("Devices", "tare"),
        "clear_tare": QCoreApplication.translate("Devices", "clear tare"),
        "test": QCoreApplication.translate("Devices", "test"),
    }
    return verbs.get(verb, verb)


def scan_text(scan: Any) -> str:
    if scan is None:
        return ""
    if scan.error is not None:
        return QCoreApplication.translate("Devices", "Refused: {reason}").format(
            reason=reason_text(scan.error)
        )
    return f"{scan.code}  ({scan.kind})"


def plain_label(text: str = "") -> QLabel:
    """A label for what a device or a person typed: shown exactly, never read as markup (a
    barcode `<b>1</b>` is nine characters, not a bold one)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class AdminDevicesPage(QWidget):
    def __init__(self, hub: Any, simulators: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._simulators = simulators
        layout = page_layout(self, self.tr("Devices of this station"))
        self.rows: dict[str, dict[str, QLabel]] = {}
        grid = QGridLayout()
        for column, header in enumerate(
            (self.tr("Device"), self.tr("Port"), self.tr("State"), self.tr("Last reading or scan"))
        ):
            grid.addWidget(QLabel(f"<b>{header}</b>"), 0, column)
        settings = getattr(hub, "settings", {}) if hub is not None else {}
        if not settings:
            none = QLabel(
                self.tr(
                    "No devices configured for this PC. Add [devices.scale] and [devices.scanner] "
                    "sections to the workstation config file (see the README)."
                )
            )
            none.setWordWrap(True)
            layout.addWidget(none)
        for row, (name, device) in enumerate(sorted(settings.items()), start=1):
            labels = {"state": plain_label(self.tr("waiting")), "last": plain_label()}
            grid.addWidget(plain_label(device_name(name)), row, 0)
            grid.addWidget(plain_label(port_text(device.port)), row, 1)
            grid.addWidget(labels["state"], row, 2)
            grid.addWidget(labels["last"], row, 3)
            test = QPushButton(self.tr("Test"))
            test.setObjectName(f"test-{name}")
            test.clicked.connect(lambda _c=False, n=name: self._hub.test(n))
            grid.addWidget(test, row, 4)
            self.rows[name] = labels
        layout.addLayout(grid)
        if "scale" in settings:
            scale_buttons: list[QPushButton] = []
            for text, verb in (
                (self.tr("Zero"), "zero"),
                (self.tr("Tare"), "tare"),
                (self.tr("Clear tare"), "clear_tare"),
            ):
                button = QPushButton(text)
                button.setObjectName(f"scale-{verb}")
                button.clicked.connect(lambda _c=False, v=verb: self._hub.command("scale", v))
                scale_buttons.append(button)
            layout.addLayout(button_row(*scale_buttons))
        self.outcome = plain_label()
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)
        if simulators is not None:
            layout.addWidget(self._simulator_box())
        layout.addStretch(1)
        if hub is not None:
            hub.status.connect(self.show_status)
            # bound methods, so the connections end with the page (closed at sign-out)
            hub.reading.connect(self.show_reading)
            hub.scan.connect(self.show_scan)
            hub.commandDone.connect(self.show_outcome)
            for name, status in getattr(hub, "last_status", {}).items():
                self.show_status(name, status)

    def _simulator_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Simulated devices (demo)"))
        self.sim_weight = QDoubleSpinBox()
        self.sim_weight.setRange(0, 6000)
        self.sim_weight.setDecimals(2)
        self.sim_weight.setSuffix(" g")
        self.sim_weight.setValue(180.0)
        put = QPushButton(self.tr("Put on the pan"))
        put.clicked.connect(
            lambda: self._simulators.put_weight(Decimal(str(round(self.sim_weight.value(), 2))))
        )
        overload = QPushButton(self.tr("Overload"))
        overload.clicked.connect(self._simulators.overload)
        self.sim_code = QLineEdit()
        self.sim_code.setPlaceholderText(self.tr("code to scan, e.g. BADGE-900001"))
        send = QPushButton(self.tr("Scan"))
        send.clicked.connect(self.send_scan)
        self.sim_code.returnPressed.connect(self.send_scan)
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("Weight")), 0, 0)
        grid.addWidget(self.sim_weight, 0, 1)
        grid.addWidget(put, 0, 2)
        grid.addWidget(overload, 0, 3)
        grid.addWidget(QLabel(self.tr("Barcode")), 1, 0)
        grid.addWidget(self.sim_code, 1, 1)
        grid.addWidget(send, 1, 2)
        return box

    def send_scan(self) -> None:
        code = self.sim_code.text().strip()
        if code:
            self._simulators.send_scan(code)
            self.sim_code.clear()

    def show_status(self, name: str, status: Any) -> None:
        labels = self.rows.get(name)
        if labels is None:
            return
        text, colour = state_text(status)
        labels["state"].setStyleSheet(f"color: {colour}; font-weight: bold;")
        labels["state"].setText(text)

    def show_reading(self, reading: Any) -> None:
        self._show_last("scale", reading_text(reading))

    def show_scan(self, scan: Any) -> None:
        self._show_last("scanner", scan_text(scan))

    def _show_last(self, name: str, text: str) -> None:
        if name in self.rows:
            self.rows[name]["last"].setText(text)

    def show_outcome(self, outcome: Any) -> None:
        device = device_name(outcome.device)
        if outcome.ok:
            detail = reading_text(outcome.reading) or ", ".join(
                f"{k}: {v}" for k, v in outcome.info.items()
            )
            self.outcome.setObjectName("okText")
            self.outcome.setText(
                self.tr("{device}: {verb} done. {detail}").format(
                    device=device, verb=verb_text(outcome.verb), detail=detail
                )
            )
        else:
            self.outcome.setObjectName("errorText")
            self.outcome.setText(
                self.tr("{device}: {verb} failed: {reason}").format(
                    device=device, verb=verb_text(outcome.verb), reason=reason_text(outcome.reason)
                )
            )
        self.outcome.style().unpolish(self.outcome)
        self.outcome.style().polish(self.outcome)


def create_tab(context: AppContext) -> tuple[str, QWidget] | None:
    if not (context.may(Permission.EDIT_MASTER_DATA) or context.may(Permission.VIEW_MASTER_DATA)):
        return None
    page = AdminDevicesPage(context.devices, getattr(context, "simulators", None))
    return QCoreApplication.translate("AdminDevicesPage", "Devices"), page
