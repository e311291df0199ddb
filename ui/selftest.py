"""`linedesk --self-test`: is this installation whole, Qt included?

The checks that need Qt (the offscreen platform, image formats, the PDF writer, the French
catalogue) and the modules of the window live here; the runner and the checks of storage and
devices in desktop/selftest.py. Qt starts offscreen, so the test runs on a PC without a screen
(a build server, a remote shell).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel

from desktop import selftest
from desktop.selftest import Check, CheckFailed
from ui.main import ensure_application

# A string every build of the French catalogue translates (the sign-out button).
KNOWN = ("MainWindow", "Sign out")


def _check_python_modules() -> str:
    """The window's areas and Admin tabs, loaded by name at run time, import (with the
    commands and the other modules desktop/selftest.py lists)."""
    from ui.areas import AREAS
    from ui.pages import admin

    return selftest.check_modules([module for _key, module in AREAS] + list(admin.TABS))


def _check_qt_platform() -> str:
    app = ensure_application()
    if QApplication.platformName() != "offscreen":
        raise CheckFailed(f"platform plugin is {QApplication.platformName()!r}, not offscreen")
    label = QLabel("Linedesk")
    label.adjustSize()
    if label.grab().isNull():
        raise CheckFailed("cannot render a widget")
    return f"Qt {_qt_version()} on platform {app.platformName()}, widgets render"


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return qVersion()


def _check_image_formats(folder: Path) -> str:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QImageReader

    from desktop import paths

    supported = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    wanted = {"png", "jpg", "svg", "ico"}
    if not wanted <= supported:
        raise CheckFailed("image format plugins missing: " + ", ".join(sorted(wanted - supported)))
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f6feb"))
    for fmt in ("JPG", "ICO"):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, fmt):
            raise CheckFailed(f"cannot write {fmt}")
        buffer.close()
        if QImage.fromData(data, fmt).isNull():
            raise CheckFailed(f"cannot read back {fmt}")
    icon = paths.RESOURCES / "icons" / "linedesk.svg"
    if not icon.exists():
        raise CheckFailed(f"resource missing: {icon}")
    if QImage(str(icon)).isNull():
        raise CheckFailed(f"cannot render {icon.name} (svg plugin)")
    return "png, jpg, svg, ico read and written; application icon renders"


def _check_pdf_writer(folder: Path) -> str:
    from PySide6.QtGui import QPainter, QPdfWriter

    target = folder / "selftest.pdf"
    writer = QPdfWriter(str(target))
    writer.setTitle("Linedesk self-test")
    painter = QPainter(writer)
    painter.drawText(100, 100, "Linedesk 12,345 g")
    if not painter.end():
        raise CheckFailed("the PDF writer failed to finish the page")
    del writer
    head = target.read_bytes()[:5] if target.exists() else b""
    if head != b"%PDF-":
        raise CheckFailed(f"{target.name} is not a PDF (starts with {head!r})")
    return f"PDF written ({target.stat().st_size} bytes)"


def _check_translations(folder: Path) -> str:
    from PySide6.QtCore import QCoreApplication, QLocale

    from desktop import paths
    from desktop.domain.messages import CONTEXT
    from ui.i18n import install_translators, remove_translators

    app = QCoreApplication.instance()
    sources = paths.RESOURCES / "translations"
    if not (sources / "linedesk_fr.ts").exists() and not (sources / "linedesk_fr.qm").exists():
        raise CheckFailed(f"no French catalogue in {sources}")
    translators = install_translators(app, "fr", sources, folder / "translations")
    try:
        ours = QCoreApplication.translate(*KNOWN)
        if ours == KNOWN[1]:
            raise CheckFailed(f"the French catalogue does not translate {KNOWN[1]!r}")
        core = QCoreApplication.translate(CONTEXT, "Unexpected error: {error}")
        if core == "Unexpected error: {error}":
            raise CheckFailed("the French catalogue does not translate the core's messages")
        qt_own = QCoreApplication.translate("QPlatformTheme", "Cancel")
        if len(translators) < 2:
            raise CheckFailed("Qt's own French catalogue (qtbase_fr) did not load")
        number = QLocale().toString(12.345, "f", 3)
        if number != "12,345":
            raise CheckFailed(f"French locale formats 12.345 as {number!r}")
    finally:
        remove_translators(app, translators)
    return f"French: {KNOWN[1]!r} -> {ours!r}, Qt's own: 'Cancel' -> {qt_own!r}, 12,345"


def checks(folder: Path) -> list[Check]:
    """Every check of the self-test, in the order they print."""
    return [
        ("modules", _check_python_modules),
        ("database", lambda: selftest.check_database(folder)),
        ("qt platform", _check_qt_platform),
        ("image formats", lambda: _check_image_formats(folder)),
        ("pdf writer", lambda: _check_pdf_writer(folder)),
        ("translations", lambda: _check_translations(folder)),
        ("balance", selftest.check_balance),
        ("scanner", selftest.check_scanner),
    ]


def main() -> int:
    """Run every check, print one line each, and return the exit code (0 all passed, 1 not)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return selftest.run(checks)
