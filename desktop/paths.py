"""Where Linedesk keeps its files on a workstation (platformdirs, so Windows and Linux agree)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

_DIRS = PlatformDirs(appname="Linedesk", appauthor="Linedesk")


def _override(env: str, default: str) -> Path:
    """`LINEDESK_HOME` moves every folder at once (tests, portable installs)."""
    home = os.environ.get("LINEDESK_HOME")
    if home:
        return Path(home) / env
    return Path(default)


def data_dir() -> Path:
    return _override("data", _DIRS.user_data_dir)


def config_dir() -> Path:
    return _override("config", _DIRS.user_config_dir)


def log_dir() -> Path:
    return _override("log", _DIRS.user_log_dir)


def default_config_file() -> Path:
    return config_dir() / "linedesk.toml"


def plant_database_file() -> Path:
    return data_dir() / "linedesk.sqlite"


def demo_database_file() -> Path:
    return data_dir() / "demo.sqlite"


def sqlite_url(path: Path) -> str:
    return "sqlite:///" + path.as_posix()


def _resources() -> Path:
    """`resources/` beside the packages; in a PyInstaller bundle, in its unpacked folder."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


RESOURCES = _resources()
