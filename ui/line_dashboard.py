"""The live dashboard of one line over one shift: figures, charts and the live event poll.

Loaded once per line and shift (one snapshot read on a pool thread); then, while the shift runs,
a 1 s timer asks for the events that landed since the last poll (by event id, on a pool thread)
and adds them to the per-minute series the charts draw. The station figures (OEE needs the stops)
are recomputed from the database every 15 s, also off the GUI thread. A tick never reloads the
window, and never blocks the GUI thread.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.oee import rolled_yield
from desktop.domain.production_series import MinuteSeries
from desktop.services.production.downtime import DowntimeInfo
from desktop.services.production.figures import ThroughputReport
from desktop.services.production.live import (
    LineSnapshot,
    PolledEvent,
    line_figures,
    line_plan_curve,
    line_plan_so_far,
    line_view,
    poll_events,
)
from desktop.services.production.plan import PlanState
from desktop.tasks import Ops
from ui.formatting import percent
from ui.line_charts import CumulativeChart, OeeChart, StationRatesChart
from ui.line_models import StationFiguresModel
from ui.messages import describe_error
from ui.style import NOK_RED, OK_GREEN
from ui.widgets import ErrorLine

SHIFT_NAMES = {
    "morning": QT_TRANSLATE_NOOP("LineDashboard", "morning"),
    "afternoon": QT_TRANSLATE_NOOP("LineDashboard", "afternoon"),
    "night": QT_TRANSLATE_NOOP("LineDashboard", "night"),
    "day": QT_TRANSLATE_NOOP("LineDashboard", "day"),
}


class Tile(QFrame):
    """A big number with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.caption = QLabel(caption)
        self.caption.setObjectName("kpiCaption")
        self.value = QLabel("-")
        self.value.setObjectName("kpiValue")
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set(self, text: str, colour: str | None = None) -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")


TILE_STYLE = """
#kpiTile { background: white; border: 1px solid #d9dee7; border-radius: 6px; }
#kpiCaption { font-size: 13px; color: #5a6475; }
#kpiValue { font-size: 26px; font-weight: bold; }
"""
BIG_STYLE = """
QWidget { font-size: 26px; }
#kpiTile { background: white; border: 2px solid #d9dee7; border-radius: 8px; }
#kpiCaption { font-size: 22px; color: #5a6475; }
#kpiValue { font-size: 54px; font-weight: bold; }
#lineTitle { font-size: 44px; font-weight: bold; }
"""


class LineDashboard(QWidget):
    loaded = Signal(object)  # the LineSnapshot applied
    polled = Signal(int)  # events of this line added by a poll
    figures_updated = Signal(object)  # the ThroughputReport shown
    downtime_updated = Signal(object)  # list[DowntimeInfo]

    def __init__(
        self,
        ops: Ops,
        *,
        big: bool = False,
        poll_ms: int = 1000,
        figures_ms: int = 15_000,
        chart_hours: float = 8.0,
        columns: int = 4,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops, self.big = ops, big
        self.chart_hours = chart_hours
        self.setStyleSheet(BIG_STYLE if big else TILE_STYLE)
        self.snapshot: LineSnapshot | None = None
        self.series: MinuteSeries | None = None
        self.report: ThroughputReport | None = None
        self.stops: list[DowntimeInfo] = []  # the latest stops read, for the plan tile
        self.windows: list[int] = []
        self.lead = 0
        self._drawn: tuple[int, int] | None = None
        # (station, minute, units, ng) stamped after the window's end, added once it gets there
        self._ahead: list[tuple[str, datetime, int, int]] = []
        self.tz = ZoneInfo("Europe/Paris")
        self._request: tuple[str, date | None, str | None] | None = None
        self._generation = 0
        self._polling = False
        self._figuring = False

        self.title = QLabel()
        self.title.setObjectName("lineTitle" if big else "sectionTitle")
        self.live_label = QLabel()
        self.error = ErrorLine()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.live_label)
        tiles = QGridLayout()
        self.output_tile = Tile(self.tr("Output / plan so far"))
        self.oee_tile = Tile(self.tr("OEE"))
        self.fpy_tile = Tile(self.tr("First-pass yield"))
        self.takt_tile = Tile(self.tr("Takt time"))
        self.bottleneck_tile = Tile(self.tr("Bottleneck"))
        for column, tile in enumerate(
            (self.output_tile, self.oee_tile, self.fpy_tile, self.takt_tile, self.bottleneck_tile)
        ):
            tiles.addWidget(tile, 0, column)
        self.rates_chart = StationRatesChart(columns=columns)
        if big:
            self.rates_chart.title_size = "16pt"
        self.cumulative_chart = CumulativeChart()
        self.oee_chart = OeeChart()
        lower = QHBoxLayout()
        lower.addWidget(self.cumulative_chart, 1)
        lower.addWidget(self.oee_chart, 1)
        self.figures_model = StationFiguresModel(self)
        self.table = QTableView()
        self.table.setModel(self.figures_model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(200)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addLayout(tiles)
        layout.addWidget(self.rates_chart, 3)
        layout.addLayout(lower, 2)
        if big:
            self.table.hide()
        else:
            layout.addWidget(self.table, 2)

        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.poll)
        self.figures_timer = QTimer(self)
        self.figures_timer.setInterval(figures_ms)
        self.figures_timer.timeout.connect(self.refresh_figures)

    # --- loading ---------------------------------------------------------------------------

    def show_line(self, line: str, day: date | None = None, shift: str | None = None) -> None:
        """Load `line` over a shift: the current one when `day`/`shift` are not given."""
        self._request = (line, day, shift)
        self._generation += 1
        generation = self._generation
        self.poll_timer.stop()
        self.figures_timer.stop()
        self.ops.read_as(line_view, line, day, shift, chart_hours=self.chart_hours).then(
            lambda snapshot: self._apply(generation, snapshot),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def reload(self) -> None:
        if self._request is not None:
            self.show_line(*self._request)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.error.show_error(describe_error(exc))

    def _apply(self, generation: int, snapshot: LineSnapshot) -> None:
        if generation != self._generation:
            return  # the user chose another line or shift meanwhile
        self.error.clear_error()
        self.snapshot = snapshot
        self.tz = ZoneInfo(snapshot.time_zone)
        series_start = snapshot.chart_start - timedelta(minutes=snapshot.lead_minutes)
        minutes = int((snapshot.chart_end - series_start).total_seconds() // 60) + 1
        series = MinuteSeries([r.station for r in snapshot.rates], series_start, minutes)
        self.windows = [MinuteSeries.window_for(r.ideal_cycle_seconds) for r in snapshot.rates]
        self.lead = snapshot.lead_minutes
        self._ahead = []
        for station, minute, units, ng in snapshot.minutes:
            if not series.add(station, minute, units, ng) and minute >= series.end:
                self._ahead.append((station, minute, units, ng))
        self.series = series
        offset = -(
            snapshot.chart_end.astimezone(self.tz).utcoffset() or timedelta()
        ).total_seconds()
        self.rates_chart.set_stations(
            [(r.station, r.name, r.target_per_hour) for r in snapshot.rates], offset
        )
        self.cumulative_chart.set_utc_offset(offset)
        shift = snapshot.shift
        local_start = shift.start.astimezone(self.tz)
        local_end = shift.end.astimezone(self.tz)
        self.title.setText(
            self.tr("{line} - {shift} shift {day}, {start}-{end}").format(
                line=snapshot.line,
                shift=self.tr(SHIFT_NAMES.get(shift.code, shift.code)),
                day=shift.day.strftime("%d/%m/%Y"),
                start=local_start.strftime("%H:%M"),
                end=local_end.strftime("%H:%M"),
            )
        )
        self.stops = list(snapshot.downtime)
        self._show_report(snapshot.report)
        self.downtime_updated.emit(snapshot.downtime)
        self.redraw(force=True)
        if snapshot.live:
            self.live_label.setText(self.tr("\u25cf LIVE"))
            self.live_label.setStyleSheet(f"color: {OK_GREEN}; font-weight: bold;")
            self.poll_timer.start()
            self.figures_timer.start()
        else:
            self.live_label.setText(self.tr("shift over"))
            self.live_label.setStyleSheet("color: #5a6475;")
            if self._following_current():
                self.figures_timer.start()  # between two shifts: look again for the next one
        self.loaded.emit(snapshot)

    def _following_current(self) -> bool:
        """Whether the page shows the current shift (not one the user chose)."""
        return self._request is not None and self._request[1] is None

    # --- live ------------------------------------------------------------------------------

    def poll(self) -> None:
        """Ask for the events since the last poll; skipped while one is still running."""
        snapshot = self.snapshot
        if snapshot is None or snapshot.cursor is None or self._polling:
            return
        now = datetime.now(UTC)
        if now >= snapshot.shift.end and self._following_current():
            self.reload()  # the shift changed: follow the new current shift
            return
        self._polling = True
        generation = self._generation
        cursor = snapshot.cursor
        self.ops.read(poll_events, cursor).then(
            lambda events: self._polled(generation, events),
            lambda exc: self._poll_failed(generation, exc),
            owner=self,
        )

    def _poll_failed(self, generation: int, exc: BaseException) -> None:
        self._polling = False
        if generation == self._generation:
            self.error.show_error(describe_error(exc))

    def _polled(self, generation: int, events: list[PolledEvent]) -> None:
        self._polling = False
        if generation != self._generation or self.series is None:
            return
        self.error.clear_error()
        end = self.series.end
        now_events = [e for e in events if e.at < end]
        self._ahead.extend(
            (e.station, e.at.replace(second=0, microsecond=0), 1, int(not e.passed))
            for e in events
            if e.at >= end and e.station in self.series.index
        )
        added = self.series.add_events(
            [e.station for e in now_events],
            [e.at for e in now_events],
            [e.passed for e in now_events],
        )
        if self.series.advance(datetime.now(UTC)) and self._ahead:
            # minutes written ahead of the clock (a simulator at full speed) come into view
            end = self.series.end
            due = [row for row in self._ahead if row[1] < end]
            self._ahead = [row for row in self._ahead if row[1] >= end]
            for station, minute, units, ng in due:
                self.series.add(station, minute, units, ng)
                added += units
        self.redraw(force=True)  # once a second: the plan so far moves with the clock
        self.polled.emit(added)

    def refresh_figures(self) -> None:
        snapshot = self.snapshot
        if snapshot is None or self._figuring:
            return
        if not snapshot.live and self._following_current():
            self.reload()  # shown between two shifts: the next one may have started
            return
        self._figuring = True
        generation = self._generation
        line, shift = snapshot.line, snapshot.shift

        def done(result: tuple[ThroughputReport, list[DowntimeInfo]]) -> None:
            self._figuring = False
            if generation == self._generation:
                self.stops = list(result[1])
                self._show_report(result[0])
                self.downtime_updated.emit(result[1])
                self.redraw()

        def failed(exc: BaseException) -> None:
            self._figuring = False
            if generation == self._generation:
                self.error.show_error(describe_error(exc))

        self.ops.read_as(line_figures, line, shift).then(done, failed, owner=self)

    # --- drawing ---------------------------------------------------------------------------

    def _show_report(self, report: ThroughputReport) -> None:
        self.report = report
        line = report.lines[0] if report.lines else None
        bottleneck = line.bottleneck if line else None
        self.figures_model.update_records(report.stations, bottleneck)
        self.oee_chart.update_data(
            [s.station for s in report.stations],
            [s.oee for s in report.stations],
            [s.fpy for s in report.stations],
            bottleneck,
        )
        self.rates_chart.set_bottleneck(bottleneck)
        self.oee_tile.set(percent(line.oee) if line and line.oee is not None else "-")
        takt = line.takt_seconds if line else None
        self.takt_tile.set(self._takt_text(takt))
        self.bottleneck_tile.set(bottleneck or "-", NOK_RED if bottleneck else None)
        self.figures_updated.emit(report)

    def _takt_text(self, takt: float | None) -> str:
        if takt is None:
            return "-"
        if takt < 120:
            return self.tr("{seconds} s").format(seconds=f"{takt:.1f}")
        return self.tr("{minutes} min").format(minutes=f"{takt / 60:.0f}")

    def plotted(self) -> dict[str, np.ndarray]:
        """What the station chart shows now, per station (for tests and the benchmark)."""
        return {code: curve.getData()[1] for code, curve in self.rates_chart.curves.items()}

    def redraw(self, force: bool = False) -> None:
        """Push the series to the charts; nothing to do when it has not changed since."""
        snapshot, series = self.snapshot, self.series
        if snapshot is None or series is None:
            return
        if not force and (id(series), series.version) == self._drawn:
            return
        self._drawn = (id(series), series.version)
        x = series.x()
        self.rates_chart.update_data(
            x[self.lead :],
            series.per_hour(self.windows)[:, self.lead :],
            [r.target_per_hour for r in snapshot.rates],
        )
        if not snapshot.rates:
            return
        shift = snapshot.shift
        last = snapshot.rates[-1]
        now = datetime.now(UTC) if snapshot.live else shift.end
        cumulative = series.cumulative(last.station, shift.start)
        inside = (x >= shift.start.timestamp() - 1) & (x <= now.timestamp())
        curve = line_plan_curve(snapshot, now, self.stops)
        plan_x = np.array([moment.timestamp() for moment, _units in curve])
        plan_y = np.array([units for _moment, units in curve])
        self.cumulative_chart.update_data(x[inside], cumulative[inside], plan_x, plan_y)
        output = int(cumulative[inside][-1]) if inside.any() else 0
        progress = line_plan_so_far(snapshot, output, now, self.stops)
        colour = NOK_RED if progress.state is PlanState.BEHIND else OK_GREEN
        self.output_tile.set(
            f"{progress.made:,} / {progress.plan:,.0f}".replace(",", "\u202f"), colour
        )
        totals = series.totals(shift.start)
        self.fpy_tile.set(
            percent(rolled_yield((u - n) / u if u else None for u, n in totals.values()))
            if any(u for u, _n in totals.values())
            else "-"
        )

    def stop(self) -> None:
        self.poll_timer.stop()
        self.figures_timer.stop()
        self._generation += 1
