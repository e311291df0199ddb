"""A test run never writes the user's own Qt settings: QSettings land in the session's folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings


def test_a_settings_write_lands_in_the_temporary_folder(qt_settings_home: Path) -> None:
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            settings = QSettings(settings_format, scope, "Linedesk", "Linedesk")
            settings.setValue("window/area", "station")
            settings.sync()
            written = Path(settings.fileName())
            assert settings.status() == QSettings.Status.NoError, written
            assert written.is_file(), written
            assert written.is_relative_to(qt_settings_home), written


def test_the_windows_own_settings_land_there_too(qt_settings_home: Path) -> None:
    """`QSettings()` as the main window builds it, under the names the application sets."""
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("Linedesk")
    QCoreApplication.setApplicationName("Linedesk")
    try:
        settings = QSettings()
        settings.setValue("window/area", "station")
        settings.sync()
        assert Path(settings.fileName()).is_relative_to(qt_settings_home / "user")
        assert Path(settings.fileName()).is_file()
    finally:
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])


def test_a_child_process_writes_there_too(qt_settings_home: Path) -> None:
    """The self-test and the CLI run as child processes: Qt finds the folder in the environment."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from PySide6.QtCore import QSettings; s = QSettings('Linedesk', 'Linedesk'); "
            "s.setValue('window/area', 'line'); s.sync(); print(s.fileName())",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    written = Path(done.stdout.strip())
    assert written.is_relative_to(qt_settings_home) and written.is_file(), done.stderr
