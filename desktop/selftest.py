"""`linedesk --self-test`: is this installation whole? Run by IT after an install or an upgrade,
and by the bundle build after packaging (a frozen bundle fails here, not at a station).

Each check prints one line, `ok` or `FAIL` with what failed; the exit code is 0 when every check
passed, 1 otherwise. Nothing is written outside a temporary folder: the database, the compiled
catalogue and the PDF all live there and vanish at the end. Qt starts offscreen, so the test
runs on a PC without a screen (a build server, a remote shell).
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

# What the self-test puts on the simulated devices and expects back through the device layer.
WEIGHT = Decimal("1234.56")
SCAN = "(01)03453120000011(10)SELFTEST-LOT(21)0001"
GS1_SCAN = "]C1" + "0103453120000011" + "10SELFTEST-LOT\x1d" + "210001"
# A string every build of the French catalogue translates (the sign-out button).
KNOWN = ("MainWindow", "Sign out")


class CheckFailed(Exception):
    """A check saw something wrong; the message says what."""


def _check_python_modules() -> str:
    """Every module loaded by name at run time (areas, admin tabs, commands, pyserial's URL
    handlers) imports: a frozen bundle that missed one fails here."""
    import pkgutil

    import desktop.commands
    from desktop.app import AREAS

    names = [module for _key, module in AREAS]
    names += [f"desktop.commands.{m.name}" for m in pkgutil.iter_modules(desktop.commands.__path__)]
    names += ["serial.urlhandler.protocol_socket", "alembic.runtime.migration"]
    from ui.pages import admin

    names += list(admin.TABS)
    missing, found = [], 0
    for name in names:
        try:
            importlib.import_module(name)
            found += 1
        except ModuleNotFoundError as exc:
            if exc.name == name and name.startswith("ui.pages."):
                continue  # an area whose part is not built in this version
            missing.append(f"{name} ({exc})")
    if not any(name.startswith("desktop.commands.") for name in names):
        raise CheckFailed("no command module found in desktop.commands")
    if missing:
        raise CheckFailed("cannot import " + ", ".join(missing))
    try:  # the PostgreSQL driver loads its client library only when first used
        import psycopg

        driver = f"psycopg {psycopg.pq.__impl__} (libpq {psycopg.pq.version()})"
    except ImportError as exc:
        raise CheckFailed(f"PostgreSQL driver: {exc}") from exc
    return f"{found} modules loaded by name import; {driver}"


def _check_database(folder: Path) -> str:
    from desktop import paths
    from desktop.services.database import open_database
    from desktop.storage import migrate

    if not migrate.MIGRATIONS.is_dir():
        raise CheckFailed(f"migrations folder missing: {migrate.MIGRATIONS}")
    database = open_database(paths.sqlite_url(folder / "selftest.sqlite"))
    try:
        if not migrate.is_up_to_date(database.engine):
            raise CheckFailed("the database is not at the newest revision after upgrade")
        heads = migrate.head_revisions()
        from desktop.services.plant import site_info

        with database.reading() as session:
            site = site_info(session)
    finally:
        database.dispose()
    return f"temporary SQLite created and migrated to {migrate.describe(heads)}; site {site.name}"


def _check_qt_platform() -> str:
    from PySide6.QtWidgets import QApplication, QLabel

    from desktop.app import ensure_application

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


def _check_balance() -> str:
    from hardware.devices.balance import SicsBalance
    from hardware.sim.endpoints import PtyEndpoint, TcpEndpoint
    from hardware.sim.scale import ScaleModel, ScaleSimulator
    from hardware.transport import PortSettings, Transport

    endpoint = TcpEndpoint() if sys.platform == "win32" else PtyEndpoint()
    kind = "TCP" if sys.platform == "win32" else "pty"
    with ScaleSimulator(endpoint, "mt-sics", ScaleModel(WEIGHT)) as sim:
        with Transport(PortSettings(port=sim.path), max_attempts=3) as transport:
            transport.open()
            reading = SicsBalance(transport).stable_weight(timeout=5.0)
    if not reading.ok or reading.value != WEIGHT or reading.unit != "g" or not reading.stable:
        raise CheckFailed(f"simulated balance read {reading!r}, expected {WEIGHT} g stable")
    return f"MT-SICS balance simulator on a {kind}: stable {reading.value} {reading.unit}"


def _check_scanner() -> str:
    from hardware.devices.scanner import Scanner
    from hardware.sim.endpoints import TcpEndpoint
    from hardware.sim.scanner import ScannerSimulator
    from hardware.transport import PortSettings, Transport

    with ScannerSimulator(TcpEndpoint()) as sim:
        with Transport(PortSettings(port=sim.path), max_attempts=3) as transport:
            transport.open()
            scanner = Scanner(transport)
            sim.send(GS1_SCAN)
            deadline = time.monotonic() + 5.0
            scan = None
            while scan is None and time.monotonic() < deadline:
                scan = scanner.next_scan(0.2)
    if scan is None:
        raise CheckFailed("no scan from the simulated scanner within 5 s")
    if scan.error is not None or scan.kind != "gs1" or scan.fields.get("10") != "SELFTEST-LOT":
        raise CheckFailed(f"simulated scan decoded as {scan!r}")
    return f"scanner simulator over TCP: GS1 lot {scan.fields['10']} (GTIN {scan.fields['01']})"


def main() -> int:
    """Run every check, print one line each, and return the exit code (0 all passed, 1 not)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from desktop import __version__

    print(f"Linedesk {__version__} self-test (Python {sys.version.split()[0]})", flush=True)
    failed = []
    with tempfile.TemporaryDirectory(prefix="linedesk-selftest-") as tmp:
        folder = Path(tmp)
        checks: list[tuple[str, Callable[[], str]]] = [
            ("modules", _check_python_modules),
            ("database", lambda: _check_database(folder)),
            ("qt platform", _check_qt_platform),
            ("image formats", lambda: _check_image_formats(folder)),
            ("pdf writer", lambda: _check_pdf_writer(folder)),
            ("translations", lambda: _check_translations(folder)),
            ("balance", _check_balance),
            ("scanner", _check_scanner),
        ]
        for name, check in checks:
            started = time.perf_counter()
            try:
                detail = check()
            except CheckFailed as exc:
                failed.append(name)
                print(f"FAIL {name}: {exc}", flush=True)
                continue
            except Exception as exc:  # noqa: BLE001 - report every failure, keep checking
                failed.append(name)
                where = traceback.extract_tb(exc.__traceback__)[-1]
                print(
                    f"FAIL {name}: {type(exc).__name__}: {exc} "
                    f"({Path(where.filename).name}:{where.lineno})",
                    flush=True,
                )
                continue
            print(f"ok   {name}: {detail} ({time.perf_counter() - started:.2f} s)", flush=True)
    if failed:
        print(f"self-test FAILED: {', '.join(failed)}", flush=True)
        return 1
    print("self-test passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
