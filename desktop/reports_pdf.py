"""PDF reports with Qt's own PDF writer (QPdfWriter and QTextDocument: QtGui, no widgets).

The text in the file is real text (fonts embedded with their Unicode maps), so a PDF reader
searches and copies it. The data comes from the services as plain objects
(desktop.services.shift_report and shift_report_tables); this module only lays it out. It
needs a QGuiApplication: `ensure_gui_application` makes one, on the offscreen platform when the
PC has no display (a command run over SSH or by a scheduler).
"""

from __future__ import annotations

import html
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services.shift_report import ShiftReport
from desktop.services.shift_report_tables import facts, report_tables

RED = "#c62828"
AMBER = "#b26a00"


def _same(text: str) -> str:
    return text


def has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (offscreen without a display)."""
    app = QGuiApplication.instance()
    if app is None:
        if not has_display():
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1])
    return app  # type: ignore[return-value]


def report_font() -> QFont:
    """A sans-serif font without ligatures, so "fi" stays two letters a search finds."""
    font = QFont()
    font.setFamilies(["DejaVu Sans", "Arial", "Helvetica", "sans-serif"])
    font.setPointSizeF(9)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def shift_report_html(report: ShiftReport, translate: Callable[[str], str] = _same) -> str:
    """The report as the HTML subset QTextDocument lays out."""
    e = html.escape
    parts = [
        "<html><body style='font-size: 9pt;'>",
        f"<h1 style='font-size: 16pt;'>{e(report.title.render(translate))}</h1>",
    ]
    if report.in_progress:
        text = translate(
            QT_TRANSLATE_NOOP(
                "Messages", "IN PROGRESS: figures up to {time}, the shift is not over"
            )
        ).format(time=report.local(report.generated_at, True))
        parts.append(f"<p style='color: {RED}; font-weight: bold; font-size: 11pt;'>{e(text)}</p>")
    parts.append("<table cellspacing='0' cellpadding='2'>")
    for label, value in facts(report, translate):
        parts.append(f"<tr><td><b>{e(label)}</b></td><td>{e(value)}</td></tr>")
    parts.append("</table>")
    uncovered = set(report.roster.uncovered_stations)
    for table in report_tables(report, translate):
        parts.append(f"<h2 style='font-size: 12pt;'>{e(table.title)}</h2>")
        if not table.rows:
            parts.append(f"<p><i>{e(table.empty)}</i></p>")
            continue
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='3' width='100%' "
            "style='border-collapse: collapse; border-color: #999;'>"
        )
        parts.append(
            "<tr style='background-color: #e6eaf0;'>"
            + "".join(f"<th>{e(h)}</th>" for h in table.headers)
            + "</tr>"
        )
        for raw, cells in zip(table.rows, table.formatted(), strict=True):
            colour = ""
            if table.key == "stations" and raw[1] in uncovered:
                colour = AMBER
            if table.key == "attendance" and raw[4].startswith(translate("absent")):
                colour = RED
            style = f" style='color: {colour};'" if colour else ""
            row = "".join(
                f"<td align='{'right' if kind != 'text' else 'left'}'>"
                f"{e(cell).replace(chr(10), '<br/>')}</td>"
                for cell, kind in zip(cells, table.kinds, strict=True)
            )
            parts.append(f"<tr{style}>{row}</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def write_shift_report_pdf(
    report: ShiftReport, path: Path, translate: Callable[[str], str] = _same
) -> Path:
    """Write the report to `path` as an A4 landscape PDF with page numbers."""
    ensure_gui_application()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setTitle(report.title.render(translate))
    writer.setCreator("Linedesk")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setDefaultFont(report_font())
    document.setHtml(shift_report_html(report, translate))
    document.print_(writer)
    del writer  # the file is complete once the writer is gone
    return path
