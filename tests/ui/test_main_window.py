"""The window shell and the Admin page in a real (offscreen) QApplication on a real database."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.config import defaults
from desktop.context import AppContext
from desktop.domain.roles import Role
from desktop.services import plant
from desktop.services.actor import Actor
from ui.main import build_main_window
from ui.pages.admin_plant import AdminPlantPage, StationDialog


def make_context(database, actor: Actor | None = None) -> AppContext:
    return AppContext(database, defaults(), actor or Actor.system(), demo=True)


def admin_page(window) -> AdminPlantPage:
    return window.findChild(AdminPlantPage)


def stations_listed(page: AdminPlantPage) -> bool:
    return page.stations_model.rowCount() == 8


def lines_listed(page: AdminPlantPage) -> bool:
    return page.lines_model.rowCount() == 4


def plant_page(
    qtbot,  # noqa: ANN001
    context: AppContext,
    loaded: Callable[[AdminPlantPage], bool] = stations_listed,
) -> AdminPlantPage:
    """The Admin plant page on its own, shown, once `loaded` holds."""
    page = AdminPlantPage(context.ops)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: loaded(page), timeout=15000)
    return page


def stations(context: AppContext) -> list[plant.StationInfo]:
    return context.operations.read(plant.list_stations).result()


def refused(qtbot, dialog: StationDialog, code: str, name: str) -> str:  # noqa: ANN001
    """Station `code` named `name` saved from `dialog` and refused: the red message."""
    dialog.code.setText(code)
    dialog.name.setText(name)
    dialog._save()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15000)
    return dialog.error.text()


def test_window_shows_admin_area_and_status(qtbot, demo_database) -> None:
    context = make_context(demo_database)
    window = build_main_window(context, sign_in=False)
    qtbot.addWidget(window)
    window.show()
    assert [a.key for a in window.areas][-1] == "admin"
    window.show_area("admin")
    assert "office PC" in window.station_label.text()
    assert demo_database.describe() in window.database_label.text()
    page = admin_page(window)
    qtbot.waitUntil(lambda: page.lines_model.rowCount() == 4, timeout=15000)
    qtbot.waitUntil(lambda: page.stations_model.rowCount() == 8, timeout=15000)
    assert page.stations_model.record(0).code == "MIX-1"


def test_record_model_passes_the_model_tester(qtbot, qtmodeltester, demo_database) -> None:
    page = plant_page(qtbot, make_context(demo_database))
    qtmodeltester.check(page.lines_model)
    qtmodeltester.check(page.stations_model)


def test_a_new_station_is_saved_and_listed(qtbot, demo_database) -> None:
    page = plant_page(qtbot, make_context(demo_database))
    dialog = page._open_dialog(None)
    dialog.code.setText("FILL-9")
    dialog.name.setText("Filling 9")
    dialog.station_type.setCurrentIndex(dialog.station_type.findData("filling"))
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        dialog._save()
    qtbot.waitUntil(lambda: page.stations_model.rowCount() == 9, timeout=15000)
    assert "FILL-9" in [s.code for s in page.stations_model.records()]


def test_a_bad_station_id_shows_a_red_message_and_saves_nothing(qtbot, demo_database) -> None:
    context = make_context(demo_database)
    page = plant_page(qtbot, context)
    dialog = page._open_dialog(None)
    assert "Station id 'FILL 9!' is not valid" in refused(qtbot, dialog, "FILL 9!", "Filling 9")
    assert dialog.isVisible()
    assert len(stations(context)) == 19


def test_an_existing_id_cannot_be_created_twice(qtbot, demo_database) -> None:
    context = make_context(demo_database)
    lines = context.operations.read(plant.list_lines).result()
    dialog = StationDialog(context.ops, lines, None, "CELL-1")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "already exists" in refused(qtbot, dialog, "FILL-1", "Intruder")
    assert [s.name for s in stations(context) if s.code == "FILL-1"] == ["Filling 1"]


def test_an_operator_has_no_admin_area_and_a_supervisor_only_reads(qtbot, demo_database) -> None:
    operator = build_main_window(
        make_context(demo_database, Actor("op", Role.OPERATOR, "FILL-1")), sign_in=False
    )
    qtbot.addWidget(operator)
    assert admin_page(operator) is None
    supervisor = build_main_window(
        make_context(demo_database, Actor("sup", Role.SUPERVISOR)), sign_in=False
    )
    qtbot.addWidget(supervisor)
    supervisor.show()
    supervisor.show_area("admin")
    page = admin_page(supervisor)
    qtbot.waitUntil(lambda: page.lines_model.rowCount() == 4, timeout=15000)
    assert not page.new_button.isVisible() and not page.new_line_button.isVisible()


def test_a_new_line_is_saved_and_listed(qtbot, demo_database) -> None:
    page = plant_page(qtbot, make_context(demo_database), lines_listed)
    dialog = page._open_line_dialog(None)
    dialog.code.setText("cell-3")
    dialog.name.setText("Cell line 3")
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        dialog._save()
    qtbot.waitUntil(lambda: page.lines_model.rowCount() == 5, timeout=15000)
    assert "CELL-3" in [line.code for line in page.lines_model.records()]


def test_window_state_is_remembered(qtbot, demo_database, tmp_path) -> None:
    settings = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
    window = build_main_window(make_context(demo_database), sign_in=False)
    qtbot.addWidget(window)
    window.resize(window.minimumSizeHint().width() + 1, 577)
    window.show()
    window.show_area("admin")
    window.save_state(settings)
    again = build_main_window(make_context(demo_database), sign_in=False)
    qtbot.addWidget(again)
    again.restore_state(settings)
    again.show()
    assert settings.value("window/geometry") == window.saveGeometry()
    assert again.current_area() == "admin"


def test_an_uncaught_exception_shows_a_dialog_logs_and_keeps_running(qtbot, tmp_path) -> None:
    import logging

    from ui.errors import CrashReporter

    log_file = tmp_path / "crash.log"
    handler = logging.FileHandler(log_file)
    logging.getLogger("linedesk.crash").addHandler(handler)
    reporter = CrashReporter(str(log_file))
    try:
        raise ValueError("scale cable chewed by a forklift")
    except ValueError as exc:
        reporter.handle(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: bool(reporter.shown), timeout=15000)
    assert "forklift" in reporter.shown[0]
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert boxes and "forklift" in boxes[-1].text()
    for box in boxes:
        box.close()
    handler.flush()
    assert "forklift" in log_file.read_text()
    logging.getLogger("linedesk.crash").removeHandler(handler)
