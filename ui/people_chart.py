"""The trajectory to the staffing target: headcount since the plant opened, the hiring plan, the
forecast at the current hiring and attrition rates, and the target line.

pyqtgraph habits: every curve is created once and only `setData` changes it; the
chart is touched on the GUI thread only (the data arrive through `Ops`).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.services.headcount import HeadcountOverview
from ui.style import NOK_RED, WARN_AMBER

HISTORY_BLUE = "#2d6cdf"
PLAN_GREY = "#6b7485"


def day_seconds(day: date) -> float:
    """Seconds since the epoch at midnight UTC of `day` (the axis shows UTC dates)."""
    return float(calendar.timegm(day.timetuple()))


def _xy(points: Sequence[tuple[date, float]]) -> tuple[np.ndarray, np.ndarray]:
    xs = np.fromiter((day_seconds(d) for d, _v in points), dtype=float, count=len(points))
    ys = np.fromiter((float(v) for _d, v in points), dtype=float, count=len(points))
    return xs, ys


class HeadcountChart(pg.PlotWidget):
    """Headcount (blue), plan (grey steps), forecast (amber dots), target (red line)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        axis = pg.DateAxisItem(orientation="bottom", utcOffset=0)
        super().__init__(parent, background="w", axisItems={"bottom": axis})
        self.setMinimumHeight(260)
        plot = self.getPlotItem()
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.setMenuEnabled(False)
        plot.setLabel("left", self.tr("People"))
        self.legend = plot.addLegend(offset=(-10, -40))
        self.history = plot.plot(pen=pg.mkPen(HISTORY_BLUE, width=2), name=self.tr("Headcount"))
        self.plan = plot.plot(
            pen=pg.mkPen(PLAN_GREY, width=2, style=Qt.PenStyle.DashLine),
            stepMode="right",
            name=self.tr("Hiring plan"),
        )
        self.forecast = plot.plot(
            pen=pg.mkPen(WARN_AMBER, width=2, style=Qt.PenStyle.DotLine),
            name=self.tr("Forecast at current rates"),
        )
        self.target = pg.InfiniteLine(
            angle=0,
            movable=False,
            pen=pg.mkPen(NOK_RED, width=2),
            label="",
            labelOpts={"position": 0.05, "color": NOK_RED, "anchors": [(0, 1), (0, 1)]},
        )
        plot.addItem(self.target)
        self.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(NOK_RED, width=2)), self.tr("Target"))
        self.today = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#9aa3b2", width=1))
        plot.addItem(self.today)

    def set_overview(self, overview: HeadcountOverview) -> None:
        target = overview.snapshot.target
        self.history.setData(*_xy(overview.history))
        if overview.plan:
            xs, ys = _xy(overview.plan)
            # stepMode "right": each value holds until the next month
            self.plan.setData(xs, ys)
        else:
            self.plan.setData([], [])
        self.forecast.setData(*_xy(overview.forecast))
        self.target.setValue(target)
        self.target.label.setFormat(self.tr("Target {target}").format(target=f"{target:,}"))
        self.today.setValue(day_seconds(overview.snapshot.date))
        last = max(
            [overview.snapshot.date]
            + [d for d, _v in overview.plan]
            + ([overview.forecast_date] if overview.forecast_date else [])
        )
        first = overview.history[0][0] if overview.history else overview.snapshot.date
        top = max([target] + [v for _d, v in overview.history] + [v for _d, v in overview.plan])
        self.setXRange(day_seconds(first), day_seconds(last) + 45 * 86400, padding=0.01)
        self.setYRange(0, top * 1.1, padding=0)
