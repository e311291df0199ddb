"""Station device settings (``[devices.scale]``, ``[devices.scanner]``), declared once, typed.

``from_mapping`` validates a TOML section and raises :class:`SettingsError` naming the key and what
is allowed, so a typo in the workstation config is reported as such instead of turning into a silent
default. Defaults follow each protocol's factory settings (README, "Balances and scanners").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from hardware.codecs.scanner import DEFAULT_PATTERNS, affix, compile_patterns
from hardware.transport import BYTESIZES, STOPBITS, PortSettings

#: Factory port settings per balance protocol.
PROTOCOL_DEFAULTS: dict[str, dict[str, Any]] = {
    "mt-sics": {"baudrate": 9600, "bytesize": 8, "parity": "N", "stopbits": 1, "rtscts": False},
    "sbi": {"baudrate": 1200, "bytesize": 7, "parity": "O", "stopbits": 1, "rtscts": True},
    "and": {"baudrate": 2400, "bytesize": 7, "parity": "E", "stopbits": 1, "rtscts": False},
}
SCALE_MODES = ("stream", "poll")
_PARITY_NAMES = {
    "N": "N",
    "NONE": "N",
    "E": "E",
    "EVEN": "E",
    "O": "O",
    "ODD": "O",
    "M": "M",
    "MARK": "M",
    "S": "S",
    "SPACE": "S",
}
_PORT_KEYS = (
    "port",
    "baudrate",
    "bytesize",
    "parity",
    "stopbits",
    "rtscts",
    "xonxoff",
    "usb_vid",
    "usb_pid",
    "usb_serial",
    "timeout",
    "silence_timeout",
    "enabled",
)
SCALE_KEYS = _PORT_KEYS + ("protocol", "mode", "poll_interval")
SCANNER_KEYS = _PORT_KEYS + ("prefix", "suffix", "patterns")


class SettingsError(ValueError):
    """A device setting is wrong: ``key`` names it, ``message`` says what is allowed."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


def _bool(data: Mapping[str, Any], key: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise SettingsError(key, f"must be true or false, got {value!r}")
    return value


def _number(data: Mapping[str, Any], key: str, default: float | None) -> float | None:
    value = data.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise SettingsError(key, f"must be a number of seconds above 0, got {value!r}")
    return float(value)


def _usb_id(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 0xFFFF:
        return value
    if isinstance(value, str):
        try:
            number = int(value.strip().lower().removeprefix("0x"), 16)
        except ValueError:
            number = -1
        if 0 <= number <= 0xFFFF:
            return number
    raise SettingsError(key, f'must be a 4-digit hexadecimal USB id such as "0403", got {value!r}')


def _check_keys(data: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
    for key in data:
        if key not in allowed:
            raise SettingsError(key, f"unknown setting; allowed: {', '.join(allowed)}")


def port_settings(data: Mapping[str, Any], defaults: Mapping[str, Any]) -> PortSettings:
    """Validate the port keys shared by every device."""
    port = data.get("port", "")
    if not isinstance(port, str):
        raise SettingsError("port", f'must be text such as "COM3", got {port!r}')
    usb_serial = data.get("usb_serial")
    if usb_serial is not None and not isinstance(usb_serial, str):
        raise SettingsError("usb_serial", f"must be text, got {usb_serial!r}")
    usb_vid, usb_pid = _usb_id(data, "usb_vid"), _usb_id(data, "usb_pid")
    if not port.strip() and usb_vid is None and usb_pid is None and not usb_serial:
        raise SettingsError(
            "port",
            "is required: a port name (COM3, /dev/ttyUSB0), a URL (socket://host:port), "
            "or usb_vid/usb_pid/usb_serial",
        )
    baudrate = data.get("baudrate", defaults.get("baudrate", 9600))
    if isinstance(baudrate, bool) or not isinstance(baudrate, int) or baudrate <= 0:
        raise SettingsError("baudrate", f"must be a whole number such as 9600, got {baudrate!r}")
    bytesize = data.get("bytesize", defaults.get("bytesize", 8))
    if bytesize not in BYTESIZES or isinstance(bytesize, bool):
        raise SettingsError("bytesize", f"must be 5, 6, 7 or 8, got {bytesize!r}")
    parity = data.get("parity", defaults.get("parity", "N"))
    if not isinstance(parity, str) or parity.strip().upper() not in _PARITY_NAMES:
        raise SettingsError("parity", f"must be N, E, O, M or S (none, even, odd), got {parity!r}")
    stopbits = data.get("stopbits", defaults.get("stopbits", 1))
    if stopbits not in STOPBITS or isinstance(stopbits, bool):
        raise SettingsError("stopbits", f"must be 1, 1.5 or 2, got {stopbits!r}")
    return PortSettings(
        port=port.strip(),
        baudrate=baudrate,
        bytesize=int(bytesize),
        parity=_PARITY_NAMES[parity.strip().upper()],
        stopbits=stopbits,
        rtscts=_bool(data, "rtscts", bool(defaults.get("rtscts", False))),
        xonxoff=_bool(data, "xonxoff", False),
        timeout=_number(data, "timeout", 0.05) or 0.05,
        usb_vid=usb_vid,
        usb_pid=usb_pid,
        usb_serial=usb_serial or None,
        silence_timeout=_number(data, "silence_timeout", defaults.get("silence_timeout")),
    )


@dataclass(frozen=True)
class ScaleSettings:
    """``[devices.scale]``: port, ``protocol`` (mt-sics, sbi, and), ``mode`` (stream, poll)."""

    port: PortSettings
    protocol: str = "mt-sics"
    mode: str = "stream"
    poll_interval: float = 0.2
    enabled: bool = True

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ScaleSettings:
        _check_keys(data, SCALE_KEYS)
        protocol = data.get("protocol", "mt-sics")
        if protocol not in PROTOCOL_DEFAULTS:
            raise SettingsError(
                "protocol", f"must be one of {', '.join(PROTOCOL_DEFAULTS)}, got {protocol!r}"
            )
        mode = data.get("mode", "stream")
        if mode not in SCALE_MODES:
            raise SettingsError("mode", f"must be stream or poll, got {mode!r}")
        defaults = dict(PROTOCOL_DEFAULTS[protocol])
        if protocol == "mt-sics" or mode == "poll":
            # SIR and polling both mean a steady flow of replies: silence is an unplug.
            defaults["silence_timeout"] = 3.0
        return cls(
            port=port_settings(data, defaults),
            protocol=protocol,
            mode=mode,
            poll_interval=_number(data, "poll_interval", 0.2) or 0.2,
            enabled=_bool(data, "enabled", True),
        )


@dataclass(frozen=True)
class ScannerSettings:
    """``[devices.scanner]``: port, ``prefix``/``suffix`` (CR, LF, CRLF, TAB or text), patterns."""

    port: PortSettings
    prefix: bytes = b""
    suffix: bytes = b"\r"
    patterns: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PATTERNS))
    enabled: bool = True

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ScannerSettings:
        _check_keys(data, SCANNER_KEYS)
        prefix = data.get("prefix", "")
        suffix = data.get("suffix", "CR")
        for key, value in (("prefix", prefix), ("suffix", suffix)):
            if not isinstance(value, str):
                raise SettingsError(
                    key, f"must be text: CR, LF, CRLF, TAB or the characters, got {value!r}"
                )
        try:
            prefix_bytes, suffix_bytes = affix(prefix), affix(suffix)
        except (UnicodeError, ValueError) as exc:
            raise SettingsError("suffix", f"cannot be read: {exc}") from None
        if not suffix_bytes:
            raise SettingsError("suffix", "must not be empty: CR, LF, CRLF, TAB or the characters")
        patterns = data.get("patterns", DEFAULT_PATTERNS)
        if not isinstance(patterns, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in patterns.items()
        ):
            raise SettingsError("patterns", 'must be a table of kind = "regular expression"')
        try:
            compile_patterns(patterns)
        except Exception as exc:  # noqa: BLE001 - re.error
            raise SettingsError("patterns", f"invalid regular expression: {exc}") from None
        return cls(
            port=port_settings(data, {"baudrate": 9600}),
            prefix=prefix_bytes,
            suffix=suffix_bytes,
            patterns=dict(patterns),
            enabled=_bool(data, "enabled", True),
        )


def with_port(settings: ScaleSettings | ScannerSettings, port: str) -> Any:
    """The same device settings on another port (diagnostics override)."""
    return replace(settings, port=settings.port.with_port(port))
