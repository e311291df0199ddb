"""Moving bytes to and from one serial device, and getting it back when it goes away.

Opens by port name (``COM3``, ``/dev/ttyUSB0``) or pyserial URL (``socket://host:port``,
``loop://``) with ``serial.serial_for_url``, or by USB vendor id / product id / serial number
through ``serial.tools.list_ports`` (the COM number changes when a device moves to another
USB socket; its serial number does not). A disconnect is a ``SerialException``, any
``OSError`` (Windows raises ``PermissionError`` from ``in_waiting`` on an unplugged port that
still says ``is_open``), or, for streaming devices, silence longer than ``silence_timeout``.
The transport then closes the port and reopens it with capped exponential back-off,
reporting each step as a :class:`DeviceStatus` through a plain callback.
"""

from __future__ import annotations

import enum
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from hardware.messages import QT_TRANSLATE_NOOP, Reason, reason

PARITIES = {"N": "N", "E": "E", "O": "O", "M": "M", "S": "S"}
BYTESIZES = (5, 6, 7, 8)
STOPBITS = (1, 1.5, 2)


class DeviceState(enum.Enum):
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    FAILED = "failed"
    CLOSED = "closed"


@dataclass(frozen=True)
class DeviceStatus:
    """What the station shows next to a device: state, why, and which reconnect attempt."""

    state: DeviceState
    reason: Reason | None = None
    attempt: int = 0
    port: str = ""

    def __str__(self) -> str:
        text = self.state.value
        if self.attempt:
            text += f" (attempt {self.attempt})"
        if self.reason is not None:
            text += f": {self.reason}"
        return text


@dataclass(frozen=True)
class PortSettings:
    """Every port setting, configurable, with pyserial's defaults.

    ``port`` is a device name or a pyserial URL; when ``usb_vid``/``usb_pid``/``usb_serial``
    are set the port is looked up among the connected USB devices at each (re)open instead.
    ``timeout`` is the longest a single read blocks (it bounds how fast a worker can stop).
    ``silence_timeout`` (seconds, None = off) treats a quiet streaming device as unplugged.
    """

    port: str = ""
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    rtscts: bool = False
    xonxoff: bool = False
    timeout: float = 0.05
    write_timeout: float = 1.0
    usb_vid: int | None = None
    usb_pid: int | None = None
    usb_serial: str | None = None
    silence_timeout: float | None = None

    @property
    def usb_bound(self) -> bool:
        return any(v is not None for v in (self.usb_vid, self.usb_pid, self.usb_serial))

    def describe(self) -> str:
        """``/dev/ttyUSB0 9600 8N1`` style summary for logs and diagnostics."""
        where = self.port or self._usb_text()
        if "://" in where and not where.startswith("rfc2217"):
            return where
        stop = int(self.stopbits) if float(self.stopbits).is_integer() else self.stopbits
        flow = " RTS/CTS" if self.rtscts else ""
        flow += " XON/XOFF" if self.xonxoff else ""
        return f"{where} {self.baudrate} {self.bytesize}{self.parity}{stop}{flow}"

    def _usb_text(self) -> str:
        vid = f"{self.usb_vid:04X}" if self.usb_vid is not None else "*"
        pid = f"{self.usb_pid:04X}" if self.usb_pid is not None else "*"
        return f"USB {vid}:{pid} SER={self.usb_serial or '*'}"

    def with_port(self, port: str) -> PortSettings:
        return replace(self, port=port)


@dataclass(frozen=True)
class PortInfo:
    """One serial port as the operating system lists it."""

    device: str
    description: str
    vid: int | None
    pid: int | None
    serial_number: str | None
    manufacturer: str | None = None
    hwid: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "device": self.device,
            "description": self.description,
            "vid": f"{self.vid:04X}" if self.vid is not None else None,
            "pid": f"{self.pid:04X}" if self.pid is not None else None,
            "serial_number": self.serial_number,
            "manufacturer": self.manufacturer,
            "hwid": self.hwid,
        }


def list_ports() -> list[PortInfo]:
    """Serial ports present now, with USB vendor id, product id and serial number."""
    from serial.tools import list_ports as lp

    ports = [
        PortInfo(
            p.device,
            p.description or "",
            p.vid,
            p.pid,
            p.serial_number,
            p.manufacturer,
            p.hwid or "",
        )
        for p in lp.comports()
    ]
    return sorted(ports, key=lambda p: p.device)


class TransportError(Exception):
    """The port could not be opened or used; ``reason`` says why in words."""

    def __init__(self, why: Reason, fatal: bool = False) -> None:
        super().__init__(str(why))
        self.reason = why
        self.fatal = fatal


def resolve_port(settings: PortSettings, ports: list[PortInfo] | None = None) -> str:
    """The device name to open: ``settings.port``, or the one USB device matching the binding."""
    if not settings.usb_bound:
        if not settings.port:
            raise TransportError(
                reason(QT_TRANSLATE_NOOP("Messages", "No port configured")), fatal=True
            )
        return settings.port
    ports = list_ports() if ports is None else ports
    matches = [
        p
        for p in ports
        if (settings.usb_vid is None or p.vid == settings.usb_vid)
        and (settings.usb_pid is None or p.pid == settings.usb_pid)
        and (settings.usb_serial is None or p.serial_number == settings.usb_serial)
    ]
    if not matches:
        raise TransportError(
            reason(
                QT_TRANSLATE_NOOP("Messages", "No USB serial device matches {binding}"),
                binding=settings._usb_text(),
            )
        )
    if len(matches) > 1:
        raise TransportError(
            reason(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Several USB serial devices match {binding} ({ports}): set usb_serial",
                ),
                binding=settings._usb_text(),
                ports=", ".join(p.device for p in matches),
            ),
            fatal=True,
        )
    return matches[0].device


def open_serial(settings: PortSettings) -> Any:
    """Open the port now (pyserial discards bytes already waiting when it opens)."""
    import serial

    port = resolve_port(settings)
    try:
        return serial.serial_for_url(
            port,
            baudrate=settings.baudrate,
            bytesize=settings.bytesize,
            parity=settings.parity,
            stopbits=settings.stopbits,
            rtscts=settings.rtscts,
            xonxoff=settings.xonxoff,
            timeout=settings.timeout,
            write_timeout=settings.write_timeout,
        )
    except ValueError as exc:
        raise TransportError(
            reason(
                QT_TRANSLATE_NOOP("Messages", "Invalid port settings for {port}: {detail}"),
                port=port,
                detail=str(exc),
            ),
            fatal=True,
        ) from exc
    except (serial.SerialException, OSError) as exc:
        raise TransportError(
            reason(
                QT_TRANSLATE_NOOP("Messages", "Cannot open {port}: {detail}"),
                port=port,
                detail=_exc_text(exc),
            )
        ) from exc


def _exc_text(exc: BaseException) -> str:
    import os

    errno = getattr(exc, "errno", None)
    if isinstance(errno, int) and errno > 0:
        return os.strerror(errno)
    text = str(exc).strip() or type(exc).__name__
    return text[:200]


@dataclass
class Backoff:
    """Capped exponential back-off: 0.25 s, 0.5 s, 1 s ... up to ``cap``."""

    first: float = 0.25
    factor: float = 2.0
    cap: float = 5.0
    attempts: int = field(default=0)

    def next_delay(self) -> float:
        delay = min(self.cap, self.first * self.factor**self.attempts)
        self.attempts += 1
        return delay

    def reset(self) -> None:
        self.attempts = 0


StatusCallback = Callable[[DeviceStatus], None]


class Transport:
    """A serial connection that reports its status and reopens itself after a disconnect.

    ``read`` and ``write`` never raise on a disconnect: they report ``reconnecting``, drop the
    port and return (``b""`` / False); a later ``read`` reopens it once the back-off delay has
    passed, never blocking past its own timeout. ``generation`` grows at each successful open
    so the device layer knows to resynchronise its framing. ``close`` may be called from
    another thread and interrupts a back-off wait.
    """

    def __init__(
        self,
        settings: PortSettings,
        on_status: StatusCallback | None = None,
        backoff: Backoff | None = None,
        max_attempts: int | None = None,
    ) -> None:
        self.settings = settings
        self._on_status = on_status or (lambda status: None)
        self._backoff = backoff or Backoff()
        self._max_attempts = max_attempts
        self._serial: Any = None
        self._lock = threading.RLock()
        self._closed = threading.Event()
        self._next_attempt = 0.0
        self._last_rx = 0.0
        self._failed = False
        self.generation = 0
        self.status = DeviceStatus(DeviceState.CLOSED)

    # -- state ------------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._serial is not None

    @property
    def failed(self) -> bool:
        return self._failed

    def _report(self, status: DeviceStatus) -> None:
        self.status = status
        try:
            self._on_status(status)
        except Exception:  # noqa: BLE001 - a listener bug must not kill the reader
            pass

    # -- open / close -----------------------------------------------------------------------
    def open(self) -> None:
        """Open now; raise :class:`TransportError` if the port cannot be opened."""
        self._closed.clear()
        with self._lock:
            self._serial = open_serial(self.settings)
            self._connected()

    def start(self) -> None:
        """Open now if possible, otherwise report and leave reopening to ``read``."""
        self._closed.clear()
        self._attempt()

    def _connected(self) -> None:
        self.generation += 1
        self._backoff.reset()
        self._last_rx = time.monotonic()
        port = getattr(self._serial, "port", "") or self.settings.port
        self._report(DeviceStatus(DeviceState.CONNECTED, port=str(port)))

    def _attempt(self) -> bool:
        if self._failed or self._closed.is_set():
            return False
        try:
            serial_port = open_serial(self.settings)
        except TransportError as exc:
            attempt = self._backoff.attempts + 1
            self._next_attempt = time.monotonic() + self._backoff.next_delay()
            if exc.fatal or (self._max_attempts is not None and attempt >= self._max_attempts):
                self._failed = True
                self._report(DeviceStatus(DeviceState.FAILED, exc.reason, attempt))
            else:
                self._report(DeviceStatus(DeviceState.RECONNECTING, exc.reason, attempt))
            return False
        with self._lock:
            if self._closed.is_set():
                serial_port.close()
                return False
            self._serial = serial_port
        self._connected()
        return True

    def close(self) -> None:
        """Close the port (thread-safe); reads and writes then do nothing."""
        self._closed.set()
        with self._lock:
            port, self._serial = self._serial, None
        if port is not None:
            try:
                port.close()
            except Exception:  # noqa: BLE001 - closing a dead port may fail; it is closed
                pass
        self._report(DeviceStatus(DeviceState.CLOSED))

    def lost(self, why: Reason) -> None:
        """Treat the device as unplugged: close the port and schedule a reopen."""
        with self._lock:
            port, self._serial = self._serial, None
        if port is not None:
            try:
                port.close()
            except Exception:  # noqa: BLE001
                pass
        if self._closed.is_set():
            return
        self._next_attempt = time.monotonic() + self._backoff.next_delay()
        self._report(DeviceStatus(DeviceState.RECONNECTING, why, 0))

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- I/O --------------------------------------------------------------------------------
    def read(self, timeout: float) -> bytes:
        """Bytes received within ``timeout`` seconds (``b""`` if none, or while reconnecting)."""
        deadline = time.monotonic() + timeout
        while not self._closed.is_set():
            port = self._serial
            if port is None:
                if self._failed:
                    self._closed.wait(max(0.0, deadline - time.monotonic()))
                    return b""
                wait = self._next_attempt - time.monotonic()
                remaining = deadline - time.monotonic()
                if wait > remaining:
                    self._closed.wait(max(0.0, remaining))
                    return b""
                if wait > 0:
                    self._closed.wait(wait)
                if not self._attempt():
                    if time.monotonic() >= deadline:
                        return b""
                    continue
                port = self._serial
                if port is None:
                    return b""
            try:
                data = port.read(port.in_waiting or 1)
                if data and port.in_waiting:
                    data += port.read(port.in_waiting)
            except Exception as exc:  # noqa: BLE001 - SerialException, OSError, TypeError...
                # pyserial raises TypeError/AttributeError when the port is closed under it.
                if self._closed.is_set():
                    return b""
                self.lost(_lost_reason(exc))
                continue
            now = time.monotonic()
            if data:
                self._last_rx = now
                return data
            silence = self.settings.silence_timeout
            if silence is not None and now - self._last_rx > silence:
                self.lost(
                    reason(
                        QT_TRANSLATE_NOOP(
                            "Messages", "No data for {seconds} s: the device looks unplugged"
                        ),
                        seconds=silence,
                    )
                )
                continue
            if now >= deadline:
                return b""
        return b""

    def write(self, data: bytes) -> bool:
        """Send ``data``; False (and a reconnect) when the device is gone."""
        port = self._serial
        if port is None:
            return False
        try:
            port.write(data)
            return True
        except Exception as exc:  # noqa: BLE001 - SerialException, OSError, write timeout
            if not self._closed.is_set():
                self.lost(_lost_reason(exc))
            return False

    def discard_input(self) -> None:
        """Drop bytes waiting in the input buffer (before a request that expects a reply)."""
        port = self._serial
        if port is None:
            return
        try:
            port.reset_input_buffer()
        except Exception as exc:  # noqa: BLE001
            if not self._closed.is_set():
                self.lost(_lost_reason(exc))

    def quiet_since(self) -> float:
        """Seconds since bytes last arrived."""
        return time.monotonic() - self._last_rx


def _lost_reason(exc: BaseException) -> Reason:
    return reason(QT_TRANSLATE_NOOP("Messages", "Connection lost: {detail}"), detail=_exc_text(exc))
