"""Device workers on QThreads: readings, scans and status delivered to the GUI by signal.

The GUI thread never waits on a serial port (ARCHITECTURE.md). Each device gets
a :class:`DeviceWorker` moved to its own ``QThread``; the worker reads in short steps (one
read timeout each, driven by a zero-interval ``QTimer``) so that commands sent from the GUI
by queued signal (zero, tare, clear tare, test) run between two reads, and a stop request
is seen within one read timeout. QtCore only: no widgets here.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, QThread, QTimer, Signal, SignalInstance, Slot

from hardware.devices.balance import Balance, CommandResult, DeviceTimeout, make_balance
from hardware.devices.scanner import Scanner
from hardware.messages import QT_TRANSLATE_NOOP, Reason, reason
from hardware.settings import ScaleSettings, ScannerSettings
from hardware.transport import DeviceState, DeviceStatus, Transport

log = logging.getLogger(__name__)

VERBS = ("zero", "tare", "clear_tare", "test")


@dataclass(frozen=True)
class CommandOutcome:
    """What a GUI command to a device came to: ``ok``, why not, and any reading or info."""

    device: str
    verb: str
    ok: bool
    reason: Reason | None = None
    reading: Any = None
    info: dict[str, str] = field(default_factory=dict)


def device_settings(name: str, section: Any) -> ScaleSettings | ScannerSettings:
    """Settings objects pass through; a raw ``[devices.NAME]`` mapping is validated."""
    if isinstance(section, ScaleSettings | ScannerSettings):
        return section
    if isinstance(section, Mapping):
        builder = ScaleSettings if name == "scale" else ScannerSettings
        return builder.from_mapping(section)
    raise TypeError(f"devices.{name}: expected settings or a table, got {type(section).__name__}")


@runtime_checkable
class StationDevices(Protocol):
    """What a station page uses of the workstation's devices: :class:`DeviceHub` in the
    application; the page is written against this, not against the hub.

    ``reading`` carries a balance reading, ``scan`` a decoded scan, ``status`` a device's name
    and its :class:`DeviceStatus`; ``last_status`` is each device's state before the page was
    built (a balance already lost stays shown as lost).
    """

    @property
    def reading(self) -> SignalInstance: ...

    @property
    def scan(self) -> SignalInstance: ...

    @property
    def status(self) -> SignalInstance: ...

    @property
    def last_status(self) -> Mapping[str, DeviceStatus]: ...

    def zero(self) -> None: ...

    def tare(self) -> None: ...


class DeviceWorker(QObject):
    """Reads one device in its own thread; emits ``reading``, ``scan`` and ``status``."""

    reading = Signal(object)
    scan = Signal(object)
    status = Signal(object)
    commandDone = Signal(object)  # noqa: N815 - Qt signal naming
    finished = Signal()

    def __init__(
        self,
        name: str,
        settings: ScaleSettings | ScannerSettings,
        read_timeout: float = 0.05,
    ) -> None:
        super().__init__()
        self.name = name
        self.settings = settings
        self.read_timeout = read_timeout
        self._stop = threading.Event()
        self._timer: QTimer | None = None
        self._transport: Transport | None = None
        self._device: Balance | Scanner | None = None
        self._next_poll = 0.0

    # -- lifecycle (worker thread) ----------------------------------------------------------
    @Slot()
    def start_work(self) -> None:
        """Open the port (or start retrying) and begin reading; runs in the worker thread."""
        self._transport = Transport(self.settings.port, on_status=self.status.emit)
        if isinstance(self.settings, ScaleSettings):
            self._device = make_balance(self.settings.protocol, self._transport)
        else:
            self._device = Scanner(
                self._transport,
                prefix=self.settings.prefix,
                suffix=self.settings.suffix,
                patterns=self.settings.patterns,
            )
        self._transport.start()
        self._arm_stream()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self._timer.start()

    def request_stop(self) -> None:
        """Ask the worker to close its port and end its thread (any thread may call this)."""
        self._stop.set()

    def _finish(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._transport is not None:
            self._transport.close()
        self.finished.emit()
        thread = self.thread()
        if thread is not None:
            thread.quit()  # direct call: the GUI thread may be blocked in wait()

    def _arm_stream(self) -> None:
        # The first read sees the new connection and re-arms the stream (sends SIR, drops
        # the first line), exactly as after any reconnect.
        device = self._device
        if isinstance(device, Balance) and self._streams():
            device.streaming = True

    def _streams(self) -> bool:
        return isinstance(self.settings, ScaleSettings) and self.settings.mode == "stream"

    @Slot()
    def _step(self) -> None:
        if self._stop.is_set():
            self._finish()
            return
        device = self._device
        try:
            if isinstance(device, Scanner):
                scan = device.next_scan(self.read_timeout)
                if scan is not None:
                    self.scan.emit(scan)
            elif isinstance(device, Balance):
                self._step_balance(device)
        except Exception as exc:  # noqa: BLE001 - a worker must keep reading whatever happens
            self.status.emit(
                DeviceStatus(
                    DeviceState.RECONNECTING,
                    reason(
                        QT_TRANSLATE_NOOP("Messages", "Device error: {detail}"),
                        detail=f"{type(exc).__name__}: {exc}",
                    ),
                )
            )
            time.sleep(self.read_timeout)

    def _step_balance(self, balance: Balance) -> None:
        if self._streams():
            reading = balance.read_stream(self.read_timeout)
            if reading is not None:
                self.reading.emit(reading)
            return
        now = time.monotonic()
        if now < self._next_poll:
            time.sleep(min(self.read_timeout, self._next_poll - now))
            return
        self._next_poll = now + self.settings.poll_interval  # type: ignore[union-attr]
        if self._transport is not None and not self._transport.is_open:
            self._transport.read(self.read_timeout)  # lets the transport reopen on schedule
            return
        try:
            self.reading.emit(balance.weight_now(timeout=max(0.5, 10 * self.read_timeout)))
        except DeviceTimeout:
            pass

    # -- commands (worker thread, by queued signal) -----------------------------------------
    @Slot(str, str)
    def run_command(self, device: str, verb: str) -> None:
        if device != self.name or self._stop.is_set():
            return
        self.commandDone.emit(self._command(verb))

    def _command(self, verb: str) -> CommandOutcome:
        device = self._device
        if isinstance(device, Scanner):
            status = self._transport.status if self._transport else None
            ok = status is not None and status.state is DeviceState.CONNECTED
            why = None if ok else getattr(status, "reason", None)
            return CommandOutcome(self.name, verb, ok, why, info={"status": str(status)})
        if not isinstance(device, Balance) or verb not in VERBS:
            return CommandOutcome(
                self.name,
                verb,
                False,
                reason(QT_TRANSLATE_NOOP("Messages", "Unknown device command {verb}"), verb=verb),
            )
        try:
            if verb == "test":
                info = device.identify() or {}
                reading = device.stable_weight(timeout=5.0)
                return CommandOutcome(self.name, verb, reading.ok, reading.reason, reading, info)
            result: CommandResult = getattr(device, verb)()
            return CommandOutcome(self.name, verb, result.ok, result.reason, result.reading)
        except DeviceTimeout as exc:
            return CommandOutcome(self.name, verb, False, exc.reason)


class DeviceHub(QObject):
    """The GUI-side owner of the station's device workers and their threads.

    Built from the workstation config's ``[devices.*]`` sections; re-emits every worker's
    signals on the GUI thread and keeps the last status and reading for the Admin page.
    """

    reading = Signal(object)
    scan = Signal(object)
    status = Signal(str, object)
    commandDone = Signal(object)  # noqa: N815 - Qt signal naming
    _command = Signal(str, str)

    def __init__(
        self, devices: Mapping[str, Any], parent: QObject | None = None, read_timeout: float = 0.05
    ) -> None:
        super().__init__(parent)
        self.settings = {name: device_settings(name, section) for name, section in devices.items()}
        self.read_timeout = read_timeout
        self.workers: dict[str, DeviceWorker] = {}
        self.threads: dict[str, QThread] = {}
        self.last_status: dict[str, DeviceStatus] = {}
        self.last_reading: Any = None
        self.last_scan: Any = None

    def start(self) -> None:
        for name, settings in self.settings.items():
            if not settings.enabled or name in self.workers:
                continue
            thread = QThread(self)
            thread.setObjectName(f"device-{name}")
            worker = DeviceWorker(name, settings, self.read_timeout)
            worker.moveToThread(thread)
            thread.started.connect(worker.start_work)
            worker.reading.connect(self._on_reading)
            worker.scan.connect(self._on_scan)
            worker.status.connect(lambda status, n=name: self._on_status(n, status))
            worker.commandDone.connect(self.commandDone)
            self._command.connect(worker.run_command)
            self.workers[name] = worker
            self.threads[name] = thread
            thread.start()

    def stop(self, wait_ms: int = 2000) -> None:
        """Stop every worker: each closes its port and ends its thread within a read timeout."""
        for worker in self.workers.values():
            worker.request_stop()
        for thread in self.threads.values():
            thread.wait(wait_ms)
        for worker in self.workers.values():
            worker.deleteLater()
        self.workers.clear()
        self.threads.clear()

    @Slot(object)
    def _on_reading(self, reading: Any) -> None:
        self.last_reading = reading
        self.reading.emit(reading)

    @Slot(object)
    def _on_scan(self, scan: Any) -> None:
        self.last_scan = scan
        self.scan.emit(scan)

    def _on_status(self, name: str, status: DeviceStatus) -> None:
        """Keep, log and pass on a device's state: a loss and a return go to the log once each,
        with the reason, so a supervisor can tell afterwards when a balance was away."""
        previous = self.last_status.get(name)
        self.last_status[name] = status
        if previous is None or previous.state is not status.state:
            if status.state is DeviceState.CONNECTED:
                log.info("device %s connected on %s", name, status.port or "its port")
            else:
                log.warning("device %s %s", name, status)
        self.status.emit(name, status)

    # -- commands ---------------------------------------------------------------------------
    def command(self, device: str, verb: str) -> None:
        """Queue ``verb`` (zero, tare, clear_tare, test) for ``device``; the answer comes back
        as ``commandDone``."""
        self._command.emit(device, verb)

    def zero(self) -> None:
        self.command("scale", "zero")

    def tare(self) -> None:
        self.command("scale", "tare")

    def clear_tare(self) -> None:
        self.command("scale", "clear_tare")

    def test(self, device: str) -> None:
        self.command(device, "test")
