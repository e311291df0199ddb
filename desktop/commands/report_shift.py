"""`linedesk report shift --date YYYY-MM-DD --shift NAME [--line L] (--pdf FILE | --xlsx FILE)`.

The shift report of one shift (its date is the plant-time day it starts on): production per
station against target, scrap, downtime by reason, attendance, holds and the handover notes. A
shift still running is reported up to now and marked in progress. The PDF is written with Qt's
own PDF writer (offscreen when the PC has no display); the XLSX with openpyxl, without Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop.commands import opened


def register_report(report_commands: argparse._SubParsersAction) -> None:
    parser = report_commands.add_parser(
        "shift",
        help="the shift report (production, scrap, downtime, attendance, holds, handover)",
        description="The report of one shift as PDF or XLSX. The date is the plant-time day "
        "the shift starts on (the night of 2026-03-28 runs from 21:00 on the 28th to 05:00 on "
        "the 29th). A shift still running is reported up to now and marked in progress.",
    )
    parser.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the shift's day")
    parser.add_argument(
        "--shift", required=True, metavar="NAME", help="the shift: morning, afternoon, night..."
    )
    parser.add_argument("--line", metavar="LINE", help="only this line (default: every line)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", type=Path, metavar="FILE", help="write a PDF")
    target.add_argument("--xlsx", type=Path, metavar="FILE", help="write an Excel workbook")
    parser.set_defaults(handler=_shift)


def _shift(args: argparse.Namespace) -> int:
    from desktop.domain.plant_time import parse_date
    from desktop.services import shift_report, shift_report_export
    from desktop.services.actor import Actor

    day = parse_date(args.date)
    actor = Actor.system()
    with opened(args.context.open_database()) as database:
        with database.reading() as session:
            report = shift_report.build_shift_report(session, actor, day, args.shift, args.line)
    if args.xlsx is not None:
        written = shift_report_export.write_xlsx(report, args.xlsx)
    else:
        written = _pdf(report, args.pdf)
    state = "in progress" if report.in_progress else "finished"
    sys.stdout.write(f"{written} ({report.shift.day} {report.shift.code}, {state})\n")
    return 0


def _pdf(report, path: Path) -> Path:  # noqa: ANN001 - a ShiftReport
    """Qt only here, imported late: a PC without a display renders offscreen."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.reports_pdf import write_shift_report_pdf

    return write_shift_report_pdf(report, path)
