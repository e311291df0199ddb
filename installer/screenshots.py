"""Screenshots of every page of the real application on the demo plant, for the README tour.

    DISPLAY=:99 python installer/screenshots.py            # French and English
    DISPLAY=:99 python installer/screenshots.py --language fr --only people

Each language runs in a process of its own (a language is chosen before the first widget is
built, as at a real start). The window is the one `linedesk demo` opens, built by the same
`ui.main` functions on a freshly seeded demo plant in a temporary home; the script signs in
through the sign-in screen's demo buttons (the administrator sees every area, the operator
the station), shows each area and each of its tabs, waits until the background loads are in,
and saves `resources/screenshots/<page>-<language>.png` with QWidget.grab(). Run it under a
real X server (Xvfb) so fonts and styles are those of a desktop; look at the pictures before
committing them.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "screenshots"
SIZE = (1440, 900)


def _slug(area: str, index: int, widget: object) -> str:
    """A language-independent name for a tab: its object or class name in kebab case."""
    name = getattr(widget, "objectName", lambda: "")() or type(widget).__name__
    if name.startswith("Q") or name.startswith("qt_"):
        return f"{area}-tab{index + 1}"
    name = re.sub(r"(Page|Tab|Widget|Panel)$", "", name) or name
    slug = re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower().replace("_", "-")
    if slug == area or slug.startswith(area + "-"):
        return slug if slug != area else f"{area}-tab{index + 1}"
    return f"{area}-{slug}"


def _demo_ids(database: object) -> dict[str, str]:
    """A pack to trace back and a held lot to recall: the demo plant's own items."""
    from sqlalchemy import text

    queries = {
        "pack": "SELECT business_id FROM item WHERE kind = 'pack' ORDER BY business_id",
        "held": "SELECT i.business_id FROM item i WHERE i.held AND EXISTS "
        "(SELECT 1 FROM genealogy_link l WHERE l.parent_id = i.id) ORDER BY i.business_id",
    }
    found = {}
    with database.engine.connect() as connection:  # type: ignore[attr-defined]
        for name, query in queries.items():
            value = connection.execute(text(query)).scalar()
            if value is not None:
                found[name] = value
    return found


def prepare_genealogy(page: object, ids: dict[str, str], settle: object) -> None:
    """Show what the page is for: a pack traced back to its lots, a recall of a held lot."""
    from PySide6.QtWidgets import QLineEdit, QTreeWidget

    search = page.findChild(QLineEdit, "genealogySearch")  # type: ignore[attr-defined]
    tree = page.findChild(QTreeWidget)  # type: ignore[attr-defined]
    if search is None:
        return
    if "held" in ids and hasattr(page, "recall_button"):
        search.setText(ids["held"])
        page.recall_button.click()  # type: ignore[attr-defined]
        settle()
    if "pack" in ids:
        if hasattr(page, "direction"):
            page.direction.setCurrentIndex(0)  # type: ignore[attr-defined] # backward
        search.setText(ids["pack"])
        search.returnPressed.emit()
        settle()
        if tree is not None and tree.topLevelItemCount():
            top = tree.topLevelItem(0)
            top.setExpanded(True)
            settle()
            for index in range(min(top.childCount(), 2)):
                top.child(index).setExpanded(True)
                settle()
            tree.setCurrentItem(top)
            settle()


class Shooter:
    def __init__(self, language: str, out: Path, only: set[str]) -> None:
        self.language, self.out, self.only = language, out, only
        self.written: list[Path] = []

    def settle(self, context: object, seconds: float = 1.2) -> None:
        """Process events until the background loads are delivered, then `seconds` more so
        charts paint (live pages start new loads all the time: those are not waited for)."""
        from PySide6.QtWidgets import QApplication

        deadline = time.monotonic() + 20
        while context.ops.pending and time.monotonic() < deadline:  # type: ignore[attr-defined]
            QApplication.processEvents()
            time.sleep(0.02)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.02)

    def grab(self, window: object, name: str) -> None:
        if self.only and not any(name.startswith(o) for o in self.only):
            return
        target = self.out / f"{name}-{self.language}.png"
        if not window.grab().save(str(target), "PNG"):  # type: ignore[attr-defined]
            raise SystemExit(f"cannot write {target}")
        self.written.append(target)
        print(f"  {target}", flush=True)

    def sign_in(self, window: object, context: object, username: str) -> None:
        from PySide6.QtWidgets import QPushButton

        button = window.sign_in.findChild(QPushButton, f"demo-{username}")  # type: ignore[attr-defined]
        if button is None:
            raise SystemExit(f"no demo button for {username} on the sign-in screen")
        button.click()
        deadline = time.monotonic() + 20
        while not window.signed_in_view() and time.monotonic() < deadline:  # type: ignore[attr-defined]
            self.settle(context, 0.1)
        if not window.signed_in_view():  # type: ignore[attr-defined]
            raise SystemExit(f"{username} could not sign in")

    def areas(self, window: object, context: object, prefix: str = "") -> None:
        from PySide6.QtWidgets import QTabWidget

        ids = _demo_ids(context.database)  # type: ignore[attr-defined]
        for area in list(window.areas):  # type: ignore[attr-defined]
            window.show_area(area.key)  # type: ignore[attr-defined]
            self.settle(context)
            if area.key == "genealogy":
                prepare_genealogy(area.page, ids, lambda: self.settle(context, 0.3))
            tabs = area.page if isinstance(area.page, QTabWidget) else None
            if tabs is None:
                tabs = next(iter(area.page.findChildren(QTabWidget)), None)
            self.grab(window, f"{prefix}{area.key}")
            if tabs is None or tabs.count() < 2:
                continue
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                self.settle(context)
                button = getattr(tabs.widget(index), "search_button", None)
                if button is not None:  # the audit trail lists rows once asked
                    button.click()
                    self.settle(context)
                self.grab(window, prefix + _slug(area.key, index, tabs.widget(index)))
            tabs.setCurrentIndex(0)


def shoot(language: str, out: Path, only: set[str]) -> int:
    from desktop import paths
    from desktop.config import defaults
    from desktop.context import AppContext
    from desktop.services.actor import Actor
    from desktop.services.demo import seed_demo
    from desktop.startup import open_database
    from desktop.workstation import start_devices
    from ui.i18n import install_translators
    from ui.main import build_main_window, connect_devices, ensure_application
    from ui.style import STYLESHEET

    app = ensure_application()
    translators = install_translators(
        app, language, paths.RESOURCES / "translations", paths.data_dir() / "translations"
    )
    app.setStyleSheet(STYLESHEET)
    database = open_database(paths.sqlite_url(paths.demo_database_file()))
    # Seeded as the command line would, under a neutral account and PC name: the pictures
    # show the audit trail, and this machine's names have no place in them.
    seed_demo(database, replace(Actor.system(), username="system:it", station="IT-PC"))
    context = AppContext(database, defaults(), None, demo=True)
    running = start_devices(context, simulate=True)  # as `linedesk demo`: devices, line sim
    window = build_main_window(context)
    connect_devices(context, window)
    # The status bar names the database; the temporary folder it sits in says nothing.
    window.set_status(database=paths.demo_database_file().name)
    window.resize(*SIZE)
    window.show()
    shooter = Shooter(language, out, only)
    shooter.settle(context)
    shooter.grab(window, "sign-in")
    shooter.sign_in(window, context, "admin")
    shooter.areas(window, context)
    window.sign_out_requested.emit()
    shooter.settle(context, 0.3)
    shooter.sign_in(window, context, "operator")
    if any(area.key == "station" for area in window.areas):
        window.show_area("station")
        shooter.settle(context)
        shooter.grab(window, "station-operator")
    window.close()
    for stop in reversed(running):
        stop()
    context.ops.wait()
    database.dispose()
    del translators
    print(f"{language}: {len(shooter.written)} screenshots", flush=True)
    return 0


CAPTIONS = {
    "sign-in": "Sign-in (the demo plant's users)",
    "station": "Station",
    "station-operator": "Station, as the operator",
    "line": "Line: live throughput, TRS/OEE",
    "genealogy": "Genealogy: trace, hold, recall",
    "shifts": "Shifts: roster and attendance",
    "shifts-clock": "Shifts: badge clock",
    "shifts-handover": "Shifts: handover",
    "shifts-tab4": "Shifts: crew calendar",
    "people": "People: headcount",
    "people-requisitions": "People: requisitions",
    "people-employees": "People: employees",
    "people-skills": "People: skills matrix",
    "admin": "Admin: lines and stations",
    "admin-routes": "Admin: routes and recipes",
    "admin-shifts": "Admin: shifts and holidays",
    "admin-devices": "Admin: devices",
    "admin-users": "Admin: users",
    "admin-audit": "Admin: audit trail",
}


def markdown_table(folder: Path = OUT) -> str:
    """The README tour: one row per page, the French picture beside the English one."""
    order = ["sign-in", "station", "line", "genealogy", "shifts", "people", "admin"]

    def rank(stem: str) -> tuple[int, str]:
        head = next((i for i, key in enumerate(order) if stem.startswith(key)), len(order))
        return head, stem

    stems = sorted({p.name[: -len("-fr.png")] for p in folder.glob("*-fr.png")}, key=rank)
    rows = ["| page | français | English |", "| --- | --- | --- |"]
    for stem in stems:
        cells = []
        for language in ("fr", "en"):
            image = folder / f"{stem}-{language}.png"
            path = image.relative_to(ROOT).as_posix() if image.is_relative_to(ROOT) else image
            cells.append(f'<img src="{path}" width="420">' if image.exists() else "")
        caption = CAPTIONS.get(stem, stem.replace("-", " "))
        rows.append(f"| {caption} | {cells[0]} | {cells[1]} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=("fr", "en"))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--only", action="append", default=[], metavar="PAGE")
    parser.add_argument("--table", action="store_true", help="print the README tour table")
    args = parser.parse_args(argv)
    if args.table:
        print(markdown_table(args.out))
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    if args.language:
        return shoot(args.language, args.out, set(args.only))
    if not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        raise SystemExit("needs an X server: DISPLAY=:99 (Xvfb) or QT_QPA_PLATFORM=offscreen")
    for language in ("fr", "en"):
        with tempfile.TemporaryDirectory(prefix="linedesk-shots-") as home:
            env = dict(os.environ, LINEDESK_HOME=home)
            env.pop("LINEDESK_LANGUAGE", None)
            command = [sys.executable, __file__, "--language", language, "--out", str(args.out)]
            for only in args.only:
                command += ["--only", only]
            code = subprocess.call(command, env=env, cwd=ROOT)
            if code != 0:
                return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
