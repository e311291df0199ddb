"""Soak: repaint widgets thousands of times, so a Qt upgrade that brings back the PySide6 6.12.0
crash (`Fatal Python error: none_dealloc` when a Python paintEvent runs repeatedly) fails CI.

Run in a child process: an abort there is a clear test failure here, not a dead test runner.
The soak is counted in repaints, not seconds, so it does the same work on any machine.
"""

from __future__ import annotations

import os
import subprocess
import sys

SOAK = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication([])

class Lined(QWidget):
    painted = 0
    def paintEvent(self, event):
        painter = QPainter(self)
        painter.drawLine(QLineF(0, 0, self.width(), self.height()))
        painter.end()
        Lined.painted += 1

widget = Lined(); widget.resize(200, 100); widget.show()
for _ in range(int(sys.argv[1])):
    widget.repaint(); app.processEvents()

plot = pg.PlotWidget(); plot.resize(400, 300); plot.show()
curve = plot.plot(pen=pg.mkPen(width=1))
target = plot.addLine(y=0.5)
rng = np.random.default_rng(1)
frames = int(sys.argv[2])
for frame in range(frames):
    curve.setData(np.arange(480), rng.random(480))
    target.setValue(frame % 7 / 7)
    plot.repaint(); app.processEvents()
print(f"OK {Lined.painted} {frames}")
"""


def test_thousands_of_repaints_do_not_crash_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SOAK, "50000", "3000"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, f"Qt crashed while repainting:\n{done.stderr[-2000:]}"
    marker, painted, frames = done.stdout.split()
    assert marker == "OK" and int(painted) >= 50000 and int(frames) == 3000
