"""The Line page in a real (offscreen) QApplication on a real database: what the charts plot is
what the database holds, before and after live events; stops; exports; big screen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.domain.production_series import MinuteSeries
from desktop.domain.roles import Role
from desktop.operations import Operations
from desktop.services.actor import Actor
from desktop.services.demo import seed_plant
from desktop.services.production.downtime import record_downtime
from desktop.services.production.ingest import record_unit_completed
from desktop.services.production.rates import set_station_rate, station_rates
from desktop.services.shifts import plant_zone, shift_at, shift_info
from desktop.startup import open_database
from desktop.storage.models import ShiftDefinition, ShiftPattern, Station
from desktop.storage.models.production import Downtime, ProductionMinute
from desktop.storage.models.security import AuditEntry
from desktop.tasks import Ops
from ui.line_bigscreen import BigScreen
from ui.line_charts import save_png
from ui.line_dashboard import LineDashboard
from ui.pages.line import LinePage
from ui.style import OK_GREEN

SUPERVISOR = Actor("sup", Role.SUPERVISOR, "OFFICE")


@pytest.fixture
def plant(sqlite_url: str):
    database = open_database(sqlite_url)
    seed_plant(database, Actor.system())
    yield database
    database.dispose()


@contextmanager
def arrives(qtbot, signal, timeout: int = 10_000) -> Iterator[list]:  # noqa: ANN001
    """Wait until `signal` was emitted by what the block started. (pytest-qt's `waitSignal`
    quits a nested event loop from inside the kernel's delivery, which crashed PySide 6.11
    here; waiting by polling does not nest.)"""
    got: list = []

    def heard(*values: object) -> None:
        got.append(values)

    signal.connect(heard)
    yield got
    qtbot.waitUntil(lambda: bool(got), timeout=timeout)
    signal.disconnect(heard)


@pytest.fixture
def kernel(plant):  # noqa: ANN001, ANN201
    """The operations kernel on the plant database, and who is signed in (changeable)."""
    operations = Operations(plant)
    signed_in = {"actor": Actor.system()}
    yield Ops(operations, lambda: signed_in["actor"]), signed_in
    operations.shutdown()


@pytest.fixture
def ops(kernel) -> Ops:  # noqa: ANN001
    return kernel[0]


def as_user(kernel, actor: Actor) -> Ops:  # noqa: ANN001
    kernel[1]["actor"] = actor
    return kernel[0]


def complete(database, station: str, moments, ng_every: int = 0) -> None:
    with database.unit_of_work() as session:
        for index, moment in enumerate(moments):
            passed = not (ng_every and index % ng_every == 0)
            record_unit_completed(session, station, None, passed, None, moment)


def db_counts(database, series: MinuteSeries) -> np.ndarray:
    """Units per station and minute as the database holds them, on the series' grid."""
    expected = np.zeros_like(series.units)
    with database.reading() as session:
        rows = session.execute(
            select(Station.code, ProductionMinute.minute, ProductionMinute.units).join(
                Station, Station.id == ProductionMinute.station_id
            )
        ).all()
    for code, minute, units in rows:
        column = series.minute_of(minute)
        if code in series.index and 0 <= column < series.minutes:
            expected[series.index[code], column] += units
    return expected


def expected_plot(counts: np.ndarray, windows: list[int], lead: int) -> np.ndarray:
    """Units per hour computed independently of MinuteSeries: a plain loop over minutes."""
    rows, minutes = counts.shape
    out = np.zeros((rows, minutes))
    for r in range(rows):
        for m in range(minutes):
            w = min(windows[r], m + 1)
            out[r, m] = counts[r, m - w + 1 : m + 1].sum() * 60.0 / w
    return out[:, lead:]


def shown_line(qtbot, ops: Ops, *show: object, **options: int) -> LineDashboard:  # noqa: ANN001
    """A Line dashboard (`options`: its timers), once it has loaded `show_line(*show)`."""
    dashboard = LineDashboard(ops, **options)
    qtbot.addWidget(dashboard)
    with arrives(qtbot, dashboard.loaded, timeout=10_000):
        dashboard.show_line(*show)
    return dashboard


def assert_plot_is_the_database(dashboard: LineDashboard, database) -> dict:  # noqa: ANN001
    """The dashboard's series are the database's minute counts and each station's curve is
    what those counts plot to; the curves, for more checks."""
    series = dashboard.series
    assert np.array_equal(series.units, db_counts(database, series))
    plotted = dashboard.plotted()
    expected = expected_plot(series.units, dashboard.windows, dashboard.lead)
    for row, code in enumerate(series.stations):
        assert np.allclose(plotted[code], expected[row]), code
    return plotted


def test_plotted_arrays_equal_the_database_before_and_after_live_events(qtbot, plant, ops) -> None:
    now = datetime.now(UTC)
    complete(plant, "FILL-1", [now - timedelta(minutes=m, seconds=5) for m in range(1, 40)])
    complete(plant, "STACK-1", [now - timedelta(minutes=m // 3) for m in range(1, 90)], 7)
    dashboard = shown_line(qtbot, ops, "CELL-1", poll_ms=50)
    series = dashboard.series
    assert dashboard.snapshot.live
    plotted = assert_plot_is_the_database(dashboard, plant)
    assert plotted["FILL-1"].max() > 0

    later = datetime.now(UTC)
    complete(plant, "FILL-1", [later - timedelta(seconds=s) for s in (1, 2, 3)])
    complete(plant, "GRADE-1", [later])
    qtbot.waitUntil(
        lambda: dashboard.series.units.sum() == db_counts(plant, series).sum(), timeout=10_000
    )
    assert_plot_is_the_database(dashboard, plant)
    assert dashboard.output_tile.value.text().startswith("1 /")  # GRADE-1 is the line's output
    dashboard.stop()


def test_a_past_shift_is_not_live_and_shows_its_figures(
    qtbot, plant, ops, qtmodeltester, tmp_path
) -> None:
    with plant.reading() as session:
        yesterday = shift_at(session, datetime.now(UTC)).day - timedelta(days=1)
        shift = shift_info(session, yesterday, "morning")
    complete(plant, "PACKA-1", [shift.start + timedelta(minutes=m) for m in range(0, 480, 3)])
    dashboard = shown_line(qtbot, ops, "PACK-1", yesterday, "morning")
    assert not dashboard.snapshot.live and not dashboard.poll_timer.isActive()
    record = dashboard.figures_model.record(0)
    assert (record.station, record.units) == ("PACKA-1", 160)
    assert 0 <= record.oee <= 1
    assert dashboard.oee_chart.values == [pytest.approx(100 * record.oee)]
    qtmodeltester.check(dashboard.figures_model)
    # every chart offers "Save chart as PNG..." in its context menu; the export writes a PNG
    for view_box in (
        dashboard.cumulative_chart.getPlotItem().getViewBox(),
        dashboard.oee_chart.getPlotItem().getViewBox(),
        dashboard.rates_chart.plots["PACKA-1"].getViewBox(),
    ):
        assert "Save chart as PNG..." in [a.text() for a in view_box.menu.actions()]
    png = tmp_path / "chart.png"
    save_png(dashboard.cumulative_chart.getPlotItem(), str(png), width=800)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_plan_tile_stands_still_through_a_planned_break(qtbot, plant, ops) -> None:
    """Yesterday's morning on PACK-1: 60 units an hour planned, one a minute made except
    during a one-hour break. The tile's plan is the shift report's (the break counted out):
    420 of 420, green, and the chart's plan line flat through the break; counting the break as
    time to produce in would ask 480."""
    with plant.unit_of_work() as session:
        yesterday = shift_at(session, datetime.now(UTC)).day - timedelta(days=1)
        shift = shift_info(session, yesterday, "morning")
        output = station_rates(session, "PACK-1")[-1].station
        set_station_rate(
            session,
            Actor.system(),
            output,
            ideal_cycle_seconds=30.0,
            target_per_hour=60.0,
            stop_multiple=None,
        )
        record_downtime(
            session,
            SUPERVISOR,
            start=shift.start + timedelta(hours=3),
            end=shift.start + timedelta(hours=4),
            reason="break",
            station=output,
        )
    complete(
        plant,
        output,
        [shift.start + timedelta(minutes=m, seconds=30) for m in range(480) if not 180 <= m < 240],
    )
    dashboard = shown_line(qtbot, ops, "PACK-1", yesterday, "morning")
    assert dashboard.output_tile.value.text() == "420 / 420"
    assert OK_GREEN in dashboard.output_tile.value.styleSheet()
    # the output chart's plan line: flat through the break, 420 at the end of the shift
    assert list(dashboard.cumulative_chart.plan.getData()[1]) == [0.0, 180.0, 180.0, 420.0]
    dashboard.stop()


def test_between_two_shifts_the_page_shows_the_last_and_follows_the_next(qtbot, plant, ops) -> None:
    """The running shift cut short, so that now falls between two shifts: the page shows it,
    over, instead of failing; once the shift covers now again, the page goes live by itself."""
    with plant.unit_of_work() as session:
        now = datetime.now(UTC)
        running = shift_at(session, now)
        definition = session.scalars(
            select(ShiftDefinition)
            .join(ShiftPattern)
            .where(ShiftPattern.active, ShiftDefinition.code == running.code)
        ).one()
        kept = (definition.start, definition.end)
        local = now.astimezone(plant_zone(session)).replace(second=0, microsecond=0)
        if now - running.start > timedelta(minutes=3):
            definition.end = (local - timedelta(minutes=1)).time()
        else:
            definition.start = (local + timedelta(minutes=3)).time()
    dashboard = shown_line(qtbot, ops, "PACK-1", figures_ms=200)
    assert not dashboard.snapshot.live and dashboard.snapshot.shift.end <= now
    with plant.unit_of_work() as session:
        definition = session.get(ShiftDefinition, definition.id)
        definition.start, definition.end = kept
    qtbot.waitUntil(lambda: dashboard.snapshot.live, timeout=10_000)
    assert dashboard.snapshot.shift == running
    dashboard.stop()


def stop_form(qtbot, kernel, station: str | None, reason: str) -> LinePage:  # noqa: ANN001
    """The Line page as a supervisor sees it, its stop form filled in for `station` (None: the
    whole line) and `reason`."""
    page = LinePage(as_user(kernel, SUPERVISOR), may_record_downtime=True, poll_ms=100_000)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.downtime.station.count() == 9, timeout=10_000)
    panel = page.downtime
    panel.station.setCurrentIndex(panel.station.findData(station) if station else 0)
    panel.reason.setCurrentIndex(panel.reason.findData(reason))
    return page


def test_a_supervisor_records_a_stop_from_the_page(qtbot, plant, kernel, qtmodeltester) -> None:
    page = stop_form(qtbot, kernel, "FILL-1", "breakdown")
    panel = page.downtime
    panel.ongoing.setChecked(True)
    panel.note.setText("pump seal")
    with arrives(qtbot, panel.changed, timeout=10_000):
        panel.record_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    stop = panel.model.record(0)
    assert (stop.station, stop.reason, stop.end, stop.note) == (
        "FILL-1",
        "breakdown",
        None,
        "pump seal",
    )
    qtmodeltester.check(panel.model)
    with plant.reading() as session:
        assert (
            session.scalar(select(AuditEntry.username).where(AuditEntry.object_type == "downtime"))
            == "sup"
        )
    panel.end.setDateTime(panel.start.dateTime().addSecs(-3600))
    panel.ongoing.setChecked(False)
    panel.record_button.click()
    qtbot.waitUntil(lambda: panel.error.isVisible(), timeout=10_000)
    assert "end after it starts" in panel.error.text()


def test_an_operator_sees_the_line_but_not_the_stop_form(qtbot, plant, kernel) -> None:
    operator = Actor("op", Role.OPERATOR, "FILL-1")
    page = LinePage(as_user(kernel, operator))
    qtbot.addWidget(page)
    page.show()
    assert not page.downtime.form.isVisible()


def test_the_table_exports_to_csv_and_xlsx(qtbot, plant, ops, tmp_path) -> None:
    from openpyxl import load_workbook

    now = datetime.now(UTC)
    complete(plant, "MODA-1", [now - timedelta(minutes=m) for m in range(1, 6)], ng_every=5)
    page = LinePage(ops, poll_ms=100_000)
    qtbot.addWidget(page)
    page.line_combo.blockSignals(True)
    with arrives(qtbot, page.dashboard.loaded, timeout=10_000):
        pass
    with arrives(qtbot, page.dashboard.loaded, timeout=10_000):
        page.line_combo.setCurrentText("MOD-1")
        page.show_selected()
    csv_file, xlsx_file = tmp_path / "line.csv", tmp_path / "line.xlsx"
    page.export_csv(str(csv_file))
    page.export_xlsx(str(xlsx_file))
    qtbot.waitUntil(lambda: csv_file.exists() and xlsx_file.exists(), timeout=10_000)
    page.ops.wait()
    lines = csv_file.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Station,Units,NG,FPY %")
    assert lines[1].startswith("MODA-1,5,1,0.8,")
    sheet = load_workbook(xlsx_file).active
    assert [c.value for c in sheet[2]][:4] == ["MODA-1", 5, 1, 0.8]
    assert sheet.cell(2, 4).number_format == "0.0%"


def test_big_screen_cycles_through_the_lines(qtbot, plant, ops) -> None:
    screen = BigScreen(ops, ["CELL-1", "PACK-1"], cycle_ms=100_000)
    qtbot.addWidget(screen)
    with arrives(qtbot, screen.dashboard.loaded, timeout=10_000):
        screen.start("PACK-1")
    assert screen.isFullScreen() or screen.isVisible()
    assert screen.dashboard.snapshot.line == "PACK-1"
    with arrives(qtbot, screen.dashboard.loaded, timeout=10_000):
        screen.next_line()
    assert screen.dashboard.snapshot.line == "CELL-1"
    assert "CELL-1" in screen.dashboard.title.text()
    screen.close()
    assert not screen.dashboard.poll_timer.isActive()


def test_minutes_written_ahead_of_the_clock_wait_until_the_clock_gets_there(
    qtbot, plant, ops
) -> None:
    """A simulator faster than real time writes ahead of the clock: the live view keeps those
    minutes aside and adds them when its window reaches them, never before."""
    now = datetime.now(UTC)
    complete(plant, "FORM-1", [now + timedelta(minutes=5), now + timedelta(minutes=6)])
    dashboard = shown_line(qtbot, ops, "CELL-1")
    assert dashboard.series.units.sum() == 0
    assert sorted(u for _s, _m, u, _n in dashboard._ahead) == [1, 1]
    dashboard.stop()


def _downtime_rows(database) -> int:  # noqa: ANN001
    with database.reading() as session:
        return len(session.scalars(select(Downtime.id)).all())


def test_a_double_click_on_record_stop_records_the_whole_line_stop_once(
    qtbot, plant, kernel
) -> None:
    page = stop_form(qtbot, kernel, None, "breakdown")  # the whole line: 8 stations
    panel = page.downtime
    panel.ongoing.setChecked(True)
    with arrives(qtbot, panel.changed, timeout=10_000):
        qtbot.mouseDClick(panel.record_button, Qt.MouseButton.LeftButton)
        panel.record_button.click()
        panel.record()  # Enter pressed as well: still one write in flight
        assert panel.in_flight and not panel.record_button.isEnabled()
    page.ops.wait()
    qtbot.wait(50)
    assert _downtime_rows(plant) == 8
    assert panel.record_button.isEnabled() and not panel.error.isVisible()


def test_a_stop_overlapping_one_entered_is_refused_in_words(qtbot, plant, kernel) -> None:
    page = stop_form(qtbot, kernel, "FILL-1", "breakdown")
    panel = page.downtime
    with arrives(qtbot, panel.changed, timeout=10_000):
        panel.record_button.click()
    panel.station.setCurrentIndex(0)  # the whole line, over the same quarter of an hour
    panel.reason.setCurrentIndex(panel.reason.findData("material"))
    panel.record_button.click()
    qtbot.waitUntil(panel.error.isVisible, timeout=10_000)
    assert "FILL-1 already has a stop from" in panel.error.text()
    assert "(Breakdown)" in panel.error.text()
    assert _downtime_rows(plant) == 1
    assert panel.record_button.isEnabled()


def test_the_line_page_follows_who_is_signed_in_and_ends_with_its_page(
    qtbot, plant, kernel
) -> None:
    """The page listens to sign-in changes by a bound method: once the page is gone, a change
    reaches nothing (a lambda holding the page would call into a deleted widget)."""
    from PySide6.QtCore import QObject, Signal

    class Signed(QObject):
        actor_changed = Signal(object)

    signed = Signed()
    page = LinePage(as_user(kernel, SUPERVISOR), may_record_downtime=True, poll_ms=100_000)
    signed.actor_changed.connect(page.follow_actor)
    page.show()
    signed.actor_changed.emit(Actor("op", Role.OPERATOR))
    assert not page.downtime.form.isVisible()
    signed.actor_changed.emit(SUPERVISOR)
    assert page.downtime.form.isVisible()
    page.deleteLater()
    qtbot.waitUntil(lambda: signed.receivers("2actor_changed(PyObject)") == 0, timeout=5000)
    signed.actor_changed.emit(None)  # nothing left to call: no error


def test_the_big_screen_closes_with_its_page(qtbot, plant, ops) -> None:
    import shiboken6

    page = LinePage(ops, poll_ms=100_000)
    page.show()
    qtbot.waitUntil(lambda: page.line_combo.count() > 0, timeout=10_000)
    page.open_big_screen()
    screen = page.big_screen
    assert screen is not None and screen.isVisible()
    page.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(screen), timeout=5000)
