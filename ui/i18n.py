"""Loading the interface language: Linedesk's catalogue and Qt's own, from the system locale
or the workstation config's override."""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
SUPPORTED = ("en", "fr")


def choose_language(setting: str) -> str:
    """`system` follows the PC's locale; anything not supported falls back to English."""
    if setting in SUPPORTED:
        return setting
    name = QLocale.system().name()[:2]
    return name if name in SUPPORTED else "en"


def compiled_catalogue(sources: Path, cache: Path, language: str) -> Path | None:
    """The .qm for `language`: shipped next to the .ts, or compiled from it into `cache`."""
    source = sources / f"linedesk_{language}.ts"
    shipped = sources / f"linedesk_{language}.qm"
    if shipped.exists() and (
        not source.exists() or shipped.stat().st_mtime >= source.stat().st_mtime
    ):
        return shipped
    if not source.exists():
        return None
    target = cache / shipped.name
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    lrelease = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if lrelease is None:
        log.warning("no lrelease to compile %s", source)
        return None
    cache.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [lrelease, str(source), "-qm", str(target)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        log.warning("lrelease failed for %s: %s", source, result.stderr.strip())
        return None
    return target


def install_translators(
    app: QApplication, language: str, sources: Path, cache: Path
) -> list[QTranslator]:
    """Install Qt's and Linedesk's translators for `language`; returns them (keep them alive)."""
    QLocale.setDefault(QLocale("fr_FR" if language == "fr" else "en_GB"))
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qt_translator = QTranslator(app)
    if qt_translator.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    catalogue = compiled_catalogue(sources, cache, language)
    ours = QTranslator(app)
    if catalogue is not None and ours.load(str(catalogue)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no %s catalogue found; the interface stays in English", language)
    return installed
