"""`linedesk --self-test`, its Qt-free half: the runner and the checks of storage and devices.

Is this installation whole? Run by IT after an install or an upgrade, and by the bundle build
after packaging (a frozen bundle fails here, not at a station). The whole self-test is composed in
ui/selftest.py, which adds the checks that need Qt (platform, image formats, PDF writer,
translations) and the modules of the window.

Each check prints one line, `ok` or `FAIL` with what failed; the exit code is 0 when every check
passed, 1 otherwise. Nothing is written outside a temporary folder: the database, the compiled
catalogue and the PDF all live there and vanish at the end.
"""

from __future__ import annotations

import importlib
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path

# What the self-test puts on the simulated devices and expects back through the device layer.
WEIGHT = Decimal("1234.56")
SCAN = "(01)03453120000011(10)SELFTEST-LOT(21)0001"
GS1_SCAN = "]C1" + "0103453120000011" + "10SELFTEST-LOT\x1d" + "210001"

Check = tuple[str, Callable[[], str]]


class CheckFailed(Exception):
    """A check saw something wrong; the message says what."""


def check_modules(ui_modules: Iterable[str]) -> str:
    """Every module loaded by name at run time (the window's areas and admin tabs given by the
    caller, the commands, pyserial's URL handlers) imports: a frozen bundle that missed one
    fails here."""
    import pkgutil

    import desktop.commands

    names = list(ui_modules)
    names += [f"desktop.commands.{m.name}" for m in pkgutil.iter_modules(desktop.commands.__path__)]
    names += ["serial.urlhandler.protocol_socket", "alembic.runtime.migration"]
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


def check_database(folder: Path) -> str:
    from desktop import paths
    from desktop.startup import open_database
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


def check_balance() -> str:
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


def check_scanner() -> str:
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


def run(checks: Callable[[Path], Iterable[Check]]) -> int:
    """Run every check made for a temporary folder, print one line each, and return the exit
    code (0 all passed, 1 not)."""
    from desktop import __version__

    print(f"Linedesk {__version__} self-test (Python {sys.version.split()[0]})", flush=True)
    failed = []
    with tempfile.TemporaryDirectory(prefix="linedesk-selftest-") as tmp:
        for name, check in checks(Path(tmp)):
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
