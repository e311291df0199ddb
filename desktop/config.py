"""The workstation config file (TOML): which stations this PC serves, database, language, devices.

Every option is declared once below, typed, with its default and what is allowed (the habit of
MusicBrainz Picard's options.py); loading validates against these declarations, so a wrong key or
value is reported with the file, the key and what is allowed. The device sections are validated
by the hardware layer's own settings classes.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, Message


@dataclass(frozen=True)
class Option:
    section: str
    key: str
    kind: type
    default: Any
    help: str
    choices: tuple[Any, ...] | None = None
    check: Callable[[Any], bool] | None = None
    expected: str = ""


OPTIONS: tuple[Option, ...] = (
    Option(
        "workstation",
        "stations",
        list,
        [],
        'Station ids this PC serves, e.g. ["FILL-1"]; empty for an office PC.',
    ),
    Option(
        "workstation",
        "language",
        str,
        "system",
        "Language of the interface: system (follow the PC), fr or en.",
        choices=("system", "fr", "en"),
    ),
    Option(
        "workstation",
        "idle_lock_minutes",
        int,
        5,
        "Minutes without input before a station locks (0: never).",
        check=lambda v: 0 <= v <= 240,
        expected="0 to 240",
    ),
    Option(
        "database",
        "url",
        str,
        "",
        "Database URL: sqlite:///FILE or postgresql://USER@HOST/DB; empty for the default "
        "file in the user data folder.",
    ),
)
DEVICE_KINDS = ("scale", "scanner")


_TYPE_NAMES = {
    list: QT_TRANSLATE_NOOP("Messages", "a list of texts"),
    str: QT_TRANSLATE_NOOP("Messages", "a text"),
    int: QT_TRANSLATE_NOOP("Messages", "a whole number"),
    bool: QT_TRANSLATE_NOOP("Messages", "true or false"),
}


class ConfigError(InputError):
    """A wrong key or value in the workstation config file."""


@dataclass(frozen=True)
class WorkstationConfig:
    """The validated config; `source` is the file it came from, or None for the defaults."""

    values: Mapping[tuple[str, str], Any]
    devices: Mapping[str, Any] = field(default_factory=dict)
    source: Path | None = None

    def get(self, section: str, key: str) -> Any:
        return self.values[(section, key)]

    @property
    def stations(self) -> list[str]:
        return list(self.get("workstation", "stations"))

    @property
    def language(self) -> str:
        return str(self.get("workstation", "language"))

    @property
    def database_url(self) -> str:
        return str(self.get("database", "url"))


def defaults() -> WorkstationConfig:
    return WorkstationConfig({(o.section, o.key): o.default for o in OPTIONS})


def _error(path: Path, key: str, problem: str, **params: Any) -> ConfigError:
    return ConfigError(
        QT_TRANSLATE_NOOP("Messages", "{file}: {key}: {problem}"),
        file=str(path),
        key=key,
        problem=Message(problem, params),
    )


def _check_value(path: Path, option: Option, value: Any) -> Any:
    name = f"{option.section}.{option.key}"
    ok_type = isinstance(value, option.kind) and not (
        option.kind is int and isinstance(value, bool)
    )
    if option.kind is list and ok_type:
        ok_type = all(isinstance(item, str) for item in value)
    if not ok_type:
        raise _error(
            path,
            name,
            QT_TRANSLATE_NOOP("Messages", "expected {expected}, got {value!r}"),
            expected=Message(_TYPE_NAMES[option.kind]),
            value=value,
        )
    if option.choices is not None and value not in option.choices:
        raise _error(
            path,
            name,
            QT_TRANSLATE_NOOP("Messages", "'{value}' is not allowed; allowed: {allowed}"),
            value=value,
            allowed=", ".join(map(str, option.choices)),
        )
    if option.check is not None and not option.check(value):
        raise _error(
            path,
            name,
            QT_TRANSLATE_NOOP("Messages", "{value!r} is out of range; allowed: {expected}"),
            value=value,
            expected=option.expected,
        )
    return value


def _check_devices(path: Path, table: Any) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise _error(
            path,
            "devices",
            QT_TRANSLATE_NOOP("Messages", "expected a table such as [devices.scale]"),
        )
    from hardware.settings import ScaleSettings, ScannerSettings, SettingsError

    builders = {"scale": ScaleSettings.from_mapping, "scanner": ScannerSettings.from_mapping}
    devices: dict[str, Any] = {}
    for kind, section in table.items():
        if kind not in builders:
            raise _error(
                path,
                f"devices.{kind}",
                QT_TRANSLATE_NOOP("Messages", "unknown device; allowed: {allowed}"),
                allowed=", ".join(DEVICE_KINDS),
            )
        if not isinstance(section, dict):
            raise _error(path, f"devices.{kind}", QT_TRANSLATE_NOOP("Messages", "expected a table"))
        try:
            devices[kind] = builders[kind](section)
        except SettingsError as exc:
            raise _error(
                path,
                f"devices.{kind}.{exc.key}",
                QT_TRANSLATE_NOOP("Messages", "{message}"),
                message=exc.message,
            ) from exc
    return devices


def load(path: Path) -> WorkstationConfig:
    """Read and validate `path`; every problem names the file and the key."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(
            QT_TRANSLATE_NOOP("Messages", "Config file not found: {file}"), file=str(path)
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            QT_TRANSLATE_NOOP("Messages", "Cannot read the config file {file}: {reason}"),
            file=str(path),
            reason=str(exc),
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            QT_TRANSLATE_NOOP("Messages", "{file} is not valid TOML: {reason}"),
            file=str(path),
            reason=str(exc),
        ) from exc
    values = dict(defaults().values)
    sections = {o.section for o in OPTIONS}
    devices: dict[str, Any] = {}
    for section, table in raw.items():
        if section == "devices":
            devices = _check_devices(path, table)
            continue
        if section not in sections:
            raise _error(
                path,
                section,
                QT_TRANSLATE_NOOP("Messages", "unknown section; allowed: {allowed}"),
                allowed=", ".join(sorted(sections | {"devices"})),
            )
        if not isinstance(table, dict):
            raise _error(
                path,
                section,
                QT_TRANSLATE_NOOP("Messages", "expected a table [{section}]"),
                section=section,
            )
        known = {o.key: o for o in OPTIONS if o.section == section}
        for key, value in table.items():
            if key not in known:
                raise _error(
                    path,
                    f"{section}.{key}",
                    QT_TRANSLATE_NOOP("Messages", "unknown key; allowed in [{section}]: {allowed}"),
                    section=section,
                    allowed=", ".join(known),
                )
            values[(section, key)] = _check_value(path, known[key], value)
    return WorkstationConfig(values, devices, path)


def example_text() -> str:
    """An annotated config listing every option with its default (resources/ keeps a copy)."""
    lines = ["# Linedesk workstation config (TOML). Every key is optional.", ""]
    current = None
    for option in OPTIONS:
        if option.section != current:
            if current is not None:
                lines.append("")
            lines.append(f"[{option.section}]")
            current = option.section
        lines.append(f"# {option.help}")
        default = option.default
        rendered = (
            "[]"
            if default == []
            else f'"{default}"'
            if isinstance(default, str)
            else str(default).lower()
            if isinstance(default, bool)
            else str(default)
        )
        lines.append(f"{option.key} = {rendered}")
    return "\n".join(lines) + "\n"
