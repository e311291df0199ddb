"""The shift report: production per station against target, scrap, downtime by reason,
attendance, holds and the handover notes of one shift (one line or all), as plain data.

The same tables feed the PDF (desktop.reports_pdf, Qt's own PDF writer) and the XLSX (openpyxl,
here): `report_tables` is the one place that decides what the report shows. A shift still running
is reported up to now and marked in progress. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, PermissionDenied
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.domain.shifts import STATE_NAMES, AttendanceState, shift_name
from desktop.services.actor import Actor
from desktop.services.handover import STATUS_NAMES, HandoverView, handovers_of
from desktop.services.plant import default_site
from desktop.services.roster import RosterRow, ShiftRoster, build_roster, check_line
from desktop.services.shifts import ShiftInfo, plant_zone, shift_info
from desktop.services.shifts_figures import ShiftFigures, figures

if TYPE_CHECKING:
    from desktop.operations import Job

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class ShiftReport:
    site: str
    time_zone: str
    shift: ShiftInfo
    line: str | None
    generated_at: datetime
    figures: ShiftFigures
    roster: ShiftRoster
    handovers: list[HandoverView]

    @property
    def in_progress(self) -> bool:
        return self.generated_at < self.shift.end

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def title(self) -> Message:
        return Message(
            QT_TRANSLATE_NOOP("Messages", "Shift report {day}, {shift}"),
            {"day": self.shift.day.isoformat(), "shift": shift_name(self.shift.code)},
        )

    def local(self, moment: datetime | None, with_day: bool = False) -> str:
        if moment is None:
            return ""
        shown = moment.astimezone(self.tz)
        if with_day or shown.date() != self.shift.day:
            return shown.strftime("%Y-%m-%d %H:%M")
        return shown.strftime("%H:%M")

    def file_stem(self) -> str:
        return f"shift-{self.shift.day.isoformat()}-{self.shift.code}" + (
            f"-{self.line}" if self.line else ""
        )


def build_shift_report(
    session: Any,
    actor: Actor,
    day: date,
    code: str,
    line: str | None = None,
    now: datetime | None = None,
) -> ShiftReport:
    """Everything the shift report shows, read in one snapshot."""
    actor.require(Permission.VIEW_SHIFTS)
    now = now or utc_now()
    line = check_line(session, line)
    shift = shift_info(session, day, code)
    site = default_site(session)
    shown = figures(session, shift.start, shift.end, line, now)
    roster = build_roster(session, shift, line, now)
    return ShiftReport(
        site.name,
        str(plant_zone(session)),
        shift,
        line,
        now,
        shown,
        roster,
        handovers_of(session, shift, line),
    )


# --- the tables ----------------------------------------------------------------------------------

TEXT, INT, NUMBER, PERCENT = "text", "int", "number", "percent"


@dataclass(frozen=True)
class ReportTable:
    key: str
    title: str
    headers: list[str]
    kinds: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    empty: str = ""

    def formatted(self, decimal: str = ".") -> list[list[str]]:
        return [
            [format_cell(v, k, decimal) for v, k in zip(row, self.kinds, strict=True)]
            for row in self.rows
        ]


def format_cell(value: Any, kind: str, decimal: str = ".") -> str:
    if value is None or value == "":
        return ""
    if kind == INT:
        return f"{int(value):,}".replace(",", "\u202f" if decimal == "," else ",")
    if kind == NUMBER:
        return f"{value:.1f}".replace(".", decimal)
    if kind == PERCENT:
        return f"{value * 100:.1f}".replace(".", decimal) + " %"
    return str(value)


def _state(row: RosterRow, translate: Translate) -> str:
    if row.verdict is None:
        return ""
    text = translate(STATE_NAMES[row.verdict.state])
    if row.verdict.missing_clock_out:
        text += " / " + translate(QT_TRANSLATE_NOOP("Messages", "no clock-out"))
    return text


def facts(report: ShiftReport, translate: Translate = _same) -> list[tuple[str, str]]:
    """The report's heading as (label, value) pairs."""
    t = translate
    roster, shown = report.roster, report.figures
    units = sum(ln.units for ln in shown.lines)
    plan = sum(ln.plan for ln in shown.lines)
    status = (
        t(QT_TRANSLATE_NOOP("Messages", "in progress, up to {time}")).format(
            time=report.local(report.generated_at, True)
        )
        if report.in_progress
        else t(QT_TRANSLATE_NOOP("Messages", "finished"))
    )
    rows = [
        (t(QT_TRANSLATE_NOOP("Messages", "Site")), report.site),
        (
            t(QT_TRANSLATE_NOOP("Messages", "Shift")),
            f"{report.shift.day.isoformat()} {shift_name(report.shift.code).render(t)}",
        ),
        (
            t(QT_TRANSLATE_NOOP("Messages", "Line")),
            report.line or t(QT_TRANSLATE_NOOP("Messages", "all lines")),
        ),
        (
            t(QT_TRANSLATE_NOOP("Messages", "From - to")),
            f"{report.local(report.shift.start, True)} - {report.local(report.shift.end, True)}"
            f" ({report.time_zone}, {report.shift.minutes / 60:.0f} h)",
        ),
        (t(QT_TRANSLATE_NOOP("Messages", "Status")), status),
        (t(QT_TRANSLATE_NOOP("Messages", "Crew")), report.shift.crew or "-"),
    ]
    if report.shift.holiday:
        rows.append((t(QT_TRANSLATE_NOOP("Messages", "Public holiday")), t(report.shift.holiday)))
    rows += [
        (
            t(QT_TRANSLATE_NOOP("Messages", "Output / target")),
            f"{format_cell(units, INT)} / {format_cell(round(plan), INT)}"
            + (f" ({format_cell(units / plan, PERCENT)})" if plan else ""),
        ),
        (
            t(QT_TRANSLATE_NOOP("Messages", "NG (scrap)")),
            format_cell(sum(ln.ng for ln in shown.lines), INT),
        ),
        (
            t(QT_TRANSLATE_NOOP("Messages", "Downtime")),
            t(QT_TRANSLATE_NOOP("Messages", "{minutes} min")).format(
                minutes=format_cell(sum(r.minutes for r in shown.downtime if not r.planned), NUMBER)
            ),
        ),
        (
            t(QT_TRANSLATE_NOOP("Messages", "Attendance")),
            t(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{present} present of {planned} planned; {absent} absent, {late} late",
                )
            ).format(
                present=roster.present,
                planned=roster.planned,
                absent=roster.absent,
                late=roster.late,
            ),
        ),
        (t(QT_TRANSLATE_NOOP("Messages", "Holds placed")), str(len(shown.holds))),
        (
            t(QT_TRANSLATE_NOOP("Messages", "Stations without a qualified operator")),
            ", ".join(roster.uncovered_stations) or "-",
        ),
        (
            t(QT_TRANSLATE_NOOP("Messages", "Generated")),
            report.local(report.generated_at, True),
        ),
    ]
    return rows


def report_tables(report: ShiftReport, translate: Translate = _same) -> list[ReportTable]:
    """The tables of the report, in order; the PDF and the XLSX show exactly these."""
    t = translate
    shown, roster = report.figures, report.roster
    stations = ReportTable(
        "stations",
        t(QT_TRANSLATE_NOOP("Messages", "Production per station")),
        [
            t(QT_TRANSLATE_NOOP("Messages", "Line")),
            t(QT_TRANSLATE_NOOP("Messages", "Station")),
            t(QT_TRANSLATE_NOOP("Messages", "Name")),
            t(QT_TRANSLATE_NOOP("Messages", "Units")),
            t(QT_TRANSLATE_NOOP("Messages", "Target")),
            t(QT_TRANSLATE_NOOP("Messages", "Attainment")),
            t(QT_TRANSLATE_NOOP("Messages", "NG (scrap)")),
            t(QT_TRANSLATE_NOOP("Messages", "Scrap rate")),
            t(QT_TRANSLATE_NOOP("Messages", "FPY")),
            t(QT_TRANSLATE_NOOP("Messages", "OEE")),
            t(QT_TRANSLATE_NOOP("Messages", "Downtime (min)")),
        ],
        [TEXT, TEXT, TEXT, INT, INT, PERCENT, INT, PERCENT, PERCENT, PERCENT, NUMBER],
        [
            [
                s.line,
                s.station,
                s.name,
                s.units,
                round(s.plan),
                s.attainment,
                s.ng,
                s.scrap_rate,
                s.fpy,
                s.oee,
                round(s.downtime_minutes, 1),
            ]
            for s in shown.stations
        ],
    )
    lines = ReportTable(
        "lines",
        t(QT_TRANSLATE_NOOP("Messages", "Production per line")),
        [
            t(QT_TRANSLATE_NOOP("Messages", "Line")),
            t(QT_TRANSLATE_NOOP("Messages", "Units")),
            t(QT_TRANSLATE_NOOP("Messages", "Target")),
            t(QT_TRANSLATE_NOOP("Messages", "Attainment")),
            t(QT_TRANSLATE_NOOP("Messages", "NG (scrap)")),
            t(QT_TRANSLATE_NOOP("Messages", "FPY")),
            t(QT_TRANSLATE_NOOP("Messages", "OEE")),
            t(QT_TRANSLATE_NOOP("Messages", "Downtime (min)")),
            t(QT_TRANSLATE_NOOP("Messages", "Bottleneck")),
        ],
        [TEXT, INT, INT, PERCENT, INT, PERCENT, PERCENT, NUMBER, TEXT],
        [
            [
                ln.line,
                ln.units,
                round(ln.plan),
                ln.attainment,
                ln.ng,
                ln.fpy,
                ln.oee,
                round(ln.downtime_minutes, 1),
                ln.bottleneck or "",
            ]
            for ln in shown.lines
        ],
    )
    downtime = ReportTable(
        "downtime",
        t(QT_TRANSLATE_NOOP("Messages", "Downtime by reason")),
        [
            t(QT_TRANSLATE_NOOP("Messages", "Reason")),
            t(QT_TRANSLATE_NOOP("Messages", "Planned")),
            t(QT_TRANSLATE_NOOP("Messages", "Stops")),
            t(QT_TRANSLATE_NOOP("Messages", "Minutes")),
        ],
        [TEXT, TEXT, INT, NUMBER],
        [
            [
                t(r.name),
                t(QT_TRANSLATE_NOOP("Messages", "yes"))
                if r.planned
                else t(QT_TRANSLATE_NOOP("Messages", "no")),
                r.stops,
                round(r.minutes, 1),
            ]
            for r in shown.downtime
        ],
        t(QT_TRANSLATE_NOOP("Messages", "No stop in this shift")),
    )
    attendance = ReportTable(
        "attendance",
        t(QT_TRANSLATE_NOOP("Messages", "Attendance")),
        [
            t(QT_TRANSLATE_NOOP("Messages", "Name")),
            t(QT_TRANSLATE_NOOP("Messages", "Badge")),
            t(QT_TRANSLATE_NOOP("Messages", "Crew")),
            t(QT_TRANSLATE_NOOP("Messages", "Station")),
            t(QT_TRANSLATE_NOOP("Messages", "Status")),
            t(QT_TRANSLATE_NOOP("Messages", "In")),
            t(QT_TRANSLATE_NOOP("Messages", "Out")),
            t(QT_TRANSLATE_NOOP("Messages", "Late (min)")),
            t(QT_TRANSLATE_NOOP("Messages", "Overtime (min)")),
            t(QT_TRANSLATE_NOOP("Messages", "Correction")),
        ],
        [TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, NUMBER, NUMBER, TEXT],
        [
            [
                r.name,
                r.badge,
                r.crew or "",
                r.station or "",
                _state(r, t),
                report.local(r.clock_in),
                report.local(r.clock_out),
                round(r.verdict.late_minutes, 1) if r.verdict and r.verdict.late_minutes else None,
                round(r.verdict.overtime_minutes, 1)
                if r.verdict and r.verdict.overtime_minutes
                else None,
                f"{r.corrected_by}: {r.correction_reason}" if r.corrected_by else "",
            ]
            for r in _attendance_order(roster.rows)
        ],
        t(QT_TRANSLATE_NOOP("Messages", "Nobody planned or clocked in")),
    )
    holds = ReportTable(
        "holds",
        t(QT_TRANSLATE_NOOP("Messages", "Holds placed")),
        [
            t(QT_TRANSLATE_NOOP("Messages", "Item")),
            t(QT_TRANSLATE_NOOP("Messages", "Kind")),
            t(QT_TRANSLATE_NOOP("Messages", "Material")),
            t(QT_TRANSLATE_NOOP("Messages", "Station")),
            t(QT_TRANSLATE_NOOP("Messages", "Reason")),
            t(QT_TRANSLATE_NOOP("Messages", "Placed")),
            t(QT_TRANSLATE_NOOP("Messages", "By")),
            t(QT_TRANSLATE_NOOP("Messages", "Released")),
        ],
        [TEXT] * 8,
        [
            [
                h.item,
                h.kind,
                h.material,
                h.station or "",
                h.reason,
                report.local(h.placed_at),
                h.placed_by,
                report.local(h.released_at, True),
            ]
            for h in shown.holds
        ],
        t(QT_TRANSLATE_NOOP("Messages", "No hold placed in this shift")),
    )
    handover = ReportTable(
        "handover",
        t(QT_TRANSLATE_NOOP("Messages", "Handover notes")),
        [
            t(QT_TRANSLATE_NOOP("Messages", "Line")),
            t(QT_TRANSLATE_NOOP("Messages", "Status")),
            t(QT_TRANSLATE_NOOP("Messages", "Written by")),
            t(QT_TRANSLATE_NOOP("Messages", "Notes")),
            t(QT_TRANSLATE_NOOP("Messages", "Open issues")),
            t(QT_TRANSLATE_NOOP("Messages", "Safety")),
            t(QT_TRANSLATE_NOOP("Messages", "Quality")),
            t(QT_TRANSLATE_NOOP("Messages", "Acknowledged by")),
        ],
        [TEXT] * 8,
        [
            [
                h.line,
                t(STATUS_NAMES[h.status]),
                h.author,
                h.notes,
                h.open_issues,
                h.safety,
                h.quality,
                _acknowledged(report, h),
            ]
            for h in report.handovers
        ],
        t(QT_TRANSLATE_NOOP("Messages", "No handover written for this shift")),
    )
    return [lines, stations, downtime, attendance, holds, handover]


def _acknowledged(report: ShiftReport, handover: HandoverView) -> str:
    if not handover.acknowledged_by:
        return ""
    when = report.local(handover.acknowledged_at, True)
    return f"{handover.acknowledged_by} ({when}, {handover.signature_meaning})"


_ORDER = {
    AttendanceState.ABSENT: 0,
    AttendanceState.LATE: 1,
    AttendanceState.EXTRA: 2,
    AttendanceState.EXPECTED: 3,
    AttendanceState.PRESENT: 4,
}


def _attendance_order(rows: Sequence[RosterRow]) -> list[RosterRow]:
    """Exceptions first (absent, late, not planned), then by station and name."""
    return sorted(
        rows,
        key=lambda r: (
            _ORDER.get(r.verdict.state, 9) if r.verdict else 9,
            r.station or "~",
            r.name,
        ),
    )


# --- XLSX ---------------------------------------------------------------------------------------


def write_xlsx(report: ShiftReport, path: Path, translate: Translate = _same) -> Path:
    """The report as an Excel workbook: a summary sheet, then one sheet per table (numbers as
    numbers, percentages formatted)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    summary = book.active
    summary.title = translate(QT_TRANSLATE_NOOP("Messages", "Summary"))[:31]
    summary.append([report.title.render(translate)])
    summary["A1"].font = Font(bold=True, size=14)
    for label, value in facts(report, translate):
        summary.append([label, value])
    summary.column_dimensions["A"].width = 40
    summary.column_dimensions["B"].width = 60
    for table in report_tables(report, translate):
        sheet = book.create_sheet(table.title[:31])
        sheet.append(table.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(row)
        for index, kind in enumerate(table.kinds, start=1):
            letter = get_column_letter(index)
            width = max(
                [len(table.headers[index - 1])] + [len(str(r[index - 1] or "")) for r in table.rows]
            )
            sheet.column_dimensions[letter].width = min(max(width + 2, 8), 60)
            if kind == PERCENT:
                for cell in sheet[letter][1:]:
                    cell.number_format = "0.0%"
            elif kind == NUMBER:
                for cell in sheet[letter][1:]:
                    cell.number_format = "0.0"
        sheet.freeze_panes = "A2"
        if not table.rows and table.empty:
            sheet.append([table.empty])
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


# --- long jobs (the operations kernel's long-job lane) -------------------------------------------

GATHERING = QT_TRANSLATE_NOOP("Messages", "Gathering the shift's figures")
WRITING = QT_TRANSLATE_NOOP("Messages", "Writing the workbook")


def _report_of(job: Job, day: date, code: str, line: str | None) -> ShiftReport:
    if job.actor is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Messages", "Nobody is signed in"))
    job.progress(0, 2, GATHERING)
    with job.database.reading() as session:
        return build_shift_report(session, job.actor, day, code, line)


def report_job(job: Job, day: date, code: str, line: str | None = None) -> ShiftReport:
    """The shift report read on the long-job lane (the PDF is then laid out with Qt by the
    caller, on its own thread): a report over a whole plant's shift is no station scan's
    business to wait for."""
    report = _report_of(job, day, code, line)
    job.progress(1, 1, GATHERING)
    return report


def xlsx_job(
    job: Job, day: date, code: str, line: str | None, path: Path, translate: Translate = _same
) -> Path:
    """The shift report read and written as XLSX on the long-job lane, with progress."""
    report = _report_of(job, day, code, line)
    job.progress(1, 2, WRITING)
    written = write_xlsx(report, path, translate)
    job.progress(2, 2, WRITING)
    return written
