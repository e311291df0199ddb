"""Loading the interface language: Linedesk's catalogue and Qt's own, from the system locale
or the workstation config's override.

The catalogue's source is `resources/translations/linedesk_<lang>.ts` (under version control).
A bundle ships the compiled `.qm` beside it; a source checkout compiles the `.ts` with lrelease
(part of PySide6) into the data folder at first start, and again whenever the `.ts` is newer.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)
SUPPORTED = ("en", "fr")
# The locale each language formats numbers and dates with (decimal comma in French).
LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def choose_language(setting: str) -> str:
    """`system` follows the PC's locale; anything not supported falls back to English."""
    if setting in SUPPORTED:
        return setting
    name = QLocale.system().name()[:2]
    return name if name in SUPPORTED else "en"


def find_lrelease() -> str | None:
    """lrelease from the PySide6 package itself, then beside this Python, then on the PATH."""
    exe = ".exe" if sys.platform == "win32" else ""
    candidates = []
    try:
        import PySide6

        package = Path(PySide6.__file__).resolve().parent
        candidates += [package / f"lrelease{exe}", package / "Qt" / "bin" / f"lrelease{exe}"]
    except (ImportError, TypeError):  # a frozen bundle has no package folder to look in
        pass
    scripts = Path(sys.executable).parent
    candidates += [
        scripts / f"pyside6-lrelease{exe}",
        scripts / "Scripts" / f"pyside6-lrelease{exe}",
    ]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


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
    lrelease = find_lrelease()
    if lrelease is None:
        log.warning("no lrelease to compile %s", source)
        return shipped if shipped.exists() else None
    cache.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    result = subprocess.run(
        [lrelease, "-silent", str(source), "-qm", str(partial)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not partial.exists():
        log.warning("lrelease failed for %s: %s", source, result.stderr.strip())
        return shipped if shipped.exists() else None
    partial.replace(target)  # another window starting at the same moment never reads half a file
    return target


def install_translators(
    app: QCoreApplication, language: str, sources: Path, cache: Path
) -> list[QTranslator]:
    """Install Qt's and Linedesk's translators for `language`; returns them (keep them alive).

    Sets the default locale too, so numbers and dates follow the language (`12,345 g`).
    """
    QLocale.setDefault(QLocale(LOCALES.get(language, "en_GB")))
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qt_translator = QTranslator(app)
    if qt_translator.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    else:
        log.warning("Qt's own %s catalogue (qtbase_%s.qm) not found", language, language)
    catalogue = compiled_catalogue(sources, cache, language)
    ours = QTranslator(app)
    if catalogue is not None and ours.load(str(catalogue)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no %s catalogue found; the interface stays in English", language)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Back to English (tests, the self-test)."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(LOCALES["en"]))
