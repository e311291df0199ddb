"""The shift report's heading and tables, in order, each cell with its kind (text, whole number,
number, share): the PDF and the XLSX show exactly these, so both say the same."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.numbers import percent_text
from desktop.domain.shifts import STATE_NAMES, AttendanceState, shift_name
from desktop.services.handover import STATUS_NAMES, HandoverView
from desktop.services.roster import RosterRow
from desktop.services.shift_report import ShiftReport, Translate, untranslated

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
        return percent_text(value, 1, decimal)
    return str(value)


def _state(row: RosterRow, translate: Translate) -> str:
    if row.verdict is None:
        return ""
    text = translate(STATE_NAMES[row.verdict.state])
    if row.verdict.missing_clock_out:
        text += " / " + translate(QT_TRANSLATE_NOOP("Messages", "no clock-out"))
    return text


def facts(report: ShiftReport, translate: Translate = untranslated) -> list[tuple[str, str]]:
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


def report_tables(report: ShiftReport, translate: Translate = untranslated) -> list[ReportTable]:
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
