"""The Line page's pyqtgraph charts: units per hour per station, cumulative output against plan,
OEE and FPY per station.

pyqtgraph habits: each curve is created once and only `setData` runs afterwards, from
the GUI thread; pen width 1; `clipToView` with peak downsampling. Every chart saves itself as a PNG
from its context menu.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QColor, QFont
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QWidget

from ui.style import INK, NOK_RED, OK_GREEN

BLUE = "#2d6cdf"
GREY = "#8a94a6"
pg.setConfigOptions(antialias=False, background="w", foreground=INK)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LineCharts", text)


def save_png(item: pg.GraphicsObject | pg.GraphicsScene, path: str, width: int = 1600) -> None:
    exporter = ImageExporter(item)
    exporter.parameters()["width"] = width
    exporter.export(path)


def add_png_action(view_box: pg.ViewBox, target, parent: QWidget, name: str) -> QAction:  # noqa: ANN001
    """A "Save chart as PNG..." entry in the chart's context menu."""
    action = QAction(_tr("Save chart as PNG..."), parent)

    def save() -> None:
        path, _ = QFileDialog.getSaveFileName(
            parent, _tr("Save chart as PNG"), f"{name}.png", _tr("PNG images (*.png)")
        )
        if path:
            save_png(target() if callable(target) else target, path)

    action.triggered.connect(save)
    view_box.menu.addSeparator()
    view_box.menu.addAction(action)
    return action


class StationRatesChart(pg.GraphicsLayoutWidget):
    """Units per hour of each station over the last hours, one small plot per station with its
    target as a dashed line (stations differ by orders of magnitude: a mixer makes a batch an
    hour, a stacker thousands of cells). The bottleneck's plot is drawn in red."""

    def __init__(self, parent: QWidget | None = None, columns: int = 4) -> None:
        super().__init__(parent)
        self.setMinimumHeight(260)
        self.columns = columns
        self.plots: dict[str, pg.PlotItem] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.targets: dict[str, pg.InfiniteLine] = {}
        self._stations: list[str] = []
        self._bottleneck: str | None = None
        self._ranges: dict[str, tuple] = {}
        self.title_size = "11pt"

    def set_stations(self, stations: Sequence[tuple[str, str, float]], utc_offset: float) -> None:
        """(code, name, target per hour) of the stations; rebuilds only when they change."""
        codes = [code for code, _name, _target in stations]
        if codes != self._stations:
            self.clear()
            self.plots.clear()
            self.curves.clear()
            self.targets.clear()
            for index, (code, _name, _target) in enumerate(stations):
                axis = pg.DateAxisItem(orientation="bottom", utcOffset=utc_offset)
                plot = self.addPlot(
                    row=index // self.columns, col=index % self.columns, axisItems={"bottom": axis}
                )
                # time labels on the bottom row only: the plots share the time axis, and
                # axes are the costliest part of a frame
                last_row = (len(stations) - 1) // self.columns
                if index // self.columns < last_row and index + self.columns < len(stations):
                    plot.getAxis("bottom").setStyle(showValues=False)
                    plot.getAxis("bottom").setHeight(4)
                plot.setMenuEnabled(True)
                plot.hideButtons()
                plot.showGrid(x=False, y=True, alpha=0.2)
                plot.setClipToView(True)
                plot.setDownsampling(auto=True, mode="peak")
                plot.getAxis("left").setWidth(48)
                for side in ("left", "bottom"):
                    # an axis changes only with its range: draw it from a pixmap meanwhile
                    # (painting tick labels was most of every frame)
                    plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                curve = plot.plot(pen=pg.mkPen(BLUE, width=1))
                target = pg.InfiniteLine(
                    angle=0, pen=pg.mkPen(OK_GREEN, width=1, style=Qt.PenStyle.DashLine)
                )
                plot.addItem(target)
                add_png_action(plot.getViewBox(), self.scene, self, "units-per-hour")
                self.plots[code], self.curves[code], self.targets[code] = plot, curve, target
            self._stations = codes
            self._bottleneck = None
            self._ranges = {}
        for code, name, target in stations:
            self.targets[code].setValue(target)
            self.plots[code].setTitle(f"{code} - {name}", size=self.title_size, color=INK)
            self.plots[code].setYRange(0, max(target * 1.3, 1.0), padding=0)
            self.plots[code].enableAutoRange(axis="y", enable=False)

    def update_data(self, x: np.ndarray, per_hour: np.ndarray, targets: Sequence[float]) -> None:
        """New data for every curve; the axes move only when their range changes (a range
        change re-lays and re-renders the axis, the costliest part of a frame)."""
        x_range = (float(x[0]), float(x[-1])) if len(x) else (0.0, 1.0)
        for row, code in enumerate(self._stations):
            y = per_hour[row]
            self.curves[code].setData(x, y, skipFiniteCheck=True)
            top = max(float(y.max()) if len(y) else 0.0, targets[row]) * 1.15
            # round the top up to a step, so a live tick rarely changes the range
            step = 10 ** np.floor(np.log10(max(top, 1.0))) / 2
            ranges = (x_range, float(np.ceil(max(top, 1.0) / step) * step))
            if self._ranges.get(code) != ranges:
                self.plots[code].setYRange(0, ranges[1], padding=0)
                self.plots[code].setXRange(*x_range, padding=0)
                self._ranges[code] = ranges

    def set_bottleneck(self, station: str | None) -> None:
        if station == self._bottleneck:
            return
        for code, plot in self.plots.items():
            colour = NOK_RED if code == station else BLUE
            self.curves[code].setPen(pg.mkPen(colour, width=2 if code == station else 1))
            title = plot.titleLabel.text
            plain = title.split(" \u25bc")[0]
            plot.setTitle(
                plain + (" \u25bc " + _tr("bottleneck") if code == station else ""),
                size=self.title_size,
                color=NOK_RED if code == station else INK,
            )
        self._bottleneck = station


class CumulativeChart(pg.PlotWidget):
    """The line's output since the start of the shift against the plan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.axis = pg.DateAxisItem(orientation="bottom")
        super().__init__(parent, axisItems={"bottom": self.axis})
        self.setMinimumHeight(200)
        item = self.getPlotItem()
        item.setTitle(_tr("Shift output against plan"), size="11pt", color=INK)
        item.showGrid(x=False, y=True, alpha=0.2)
        item.addLegend(offset=(10, 1))
        item.hideButtons()
        self.plan = item.plot(
            pen=pg.mkPen(OK_GREEN, width=1, style=Qt.PenStyle.DashLine), name=_tr("Plan")
        )
        self.output = item.plot(pen=pg.mkPen(BLUE, width=2), name=_tr("Output"))
        add_png_action(item.getViewBox(), item, self, "shift-output")

    def set_utc_offset(self, offset: float) -> None:
        self.axis.utcOffset = offset

    def update_data(
        self, x: np.ndarray, cumulative: np.ndarray, plan_x: np.ndarray, plan_y: np.ndarray
    ) -> None:
        self.output.setData(x, cumulative)
        self.plan.setData(plan_x, plan_y)
        self.getPlotItem().setXRange(float(plan_x[0]), float(plan_x[-1]), padding=0.01)


class OeeChart(pg.PlotWidget):
    """OEE (bars) and FPY (dots) per station, 0-100 %; the bottleneck's bar in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(200)
        item = self.getPlotItem()
        item.setTitle(_tr("OEE and FPY per station (%)"), size="11pt", color=INK)
        item.setYRange(0, 112, padding=0)
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.showGrid(x=False, y=True, alpha=0.2)
        item.addLegend(offset=(-10, 1), colCount=2)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=BLUE, name=_tr("OEE"))
        item.addItem(self.bars)
        self.fpy = item.plot(
            pen=None, symbol="o", symbolBrush=OK_GREEN, symbolSize=9, name=_tr("FPY")
        )
        self.values: list[float] = []
        add_png_action(item.getViewBox(), item, self, "oee")

    def update_data(
        self,
        stations: Sequence[str],
        oee: Sequence[float | None],
        fpy: Sequence[float | None],
        bottleneck: str | None,
    ) -> None:
        x = np.arange(len(stations), dtype=float)
        self.values = [100.0 * (v or 0.0) for v in oee]
        brushes = [QColor(NOK_RED if s == bottleneck else BLUE) for s in stations]
        self.bars.setOpts(x=x, height=self.values, brushes=brushes, width=0.6)
        fpy_x = [i for i, v in enumerate(fpy) if v is not None]
        self.fpy.setData(fpy_x, [100.0 * fpy[i] for i in fpy_x])
        axis = self.getPlotItem().getAxis("bottom")
        axis.setTicks([list(enumerate(stations))])
        font = QFont()
        font.setPointSize(8)
        axis.setStyle(tickFont=font)
        self.getPlotItem().setXRange(-0.6, max(len(stations) - 0.4, 0.6), padding=0)
