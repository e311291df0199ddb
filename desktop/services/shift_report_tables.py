"""The shift report's heading and tables, in order, each cell with its kind (text, whole number,
number, share): the PDF and the XLSX show exactly these, so both say the same."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP, Translator, untranslated
from desktop.domain.numbers import percent_text
from desktop.domain.shifts import STATE_NAMES, AttendanceState, shift_name
from desktop.services.handover import STATUS_NAMES, HandoverView
from desktop.services.roster import RosterRow
from desktop.services.shift_report import ShiftReport

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


def _state(row: RosterRow, translate: Translator) -> str:
    if row.verdict is None:
        return ""
    text = translate(STATE_NAMES[row.verdict.state])
    if row.verdict.missing_clock_out:
        text += " / " + translate(QT_TRANSLATE_NOOP("Messages", "no clock-out"))
    return text


def facts(report: ShiftReport, translate: Translator = untranslated) -> list[tuple[str, str]]:
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


@dataclass(frozen=True)
class Column:
    """One column of a report table: its header (a template marked for translation), the kind
    of its cells, and how a row's value is read: an attribute name, or a function of the row,
    the report and the translator."""

    header: str
    kind: str
    value: str | Callable[[Any, ShiftReport, Translator], Any]

    def cell(self, row: Any, report: ShiftReport, translate: Translator) -> Any:
        if isinstance(self.value, str):
            return getattr(row, self.value)
        return self.value(row, report, translate)


def _table(
    key: str,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Any],
    report: ShiftReport,
    translate: Translator,
    empty: str = "",
) -> ReportTable:
    return ReportTable(
        key,
        translate(title),
        [translate(c.header) for c in columns],
        [c.kind for c in columns],
        [[c.cell(row, report, translate) for c in columns] for row in rows],
        translate(empty) if empty else "",
    )


def _minutes(name: str) -> Callable[[Any, ShiftReport, Translator], Any]:
    return lambda row, _r, _t: round(getattr(row, name), 1)


def _plan(row: Any, _r: ShiftReport, _t: Translator) -> int:
    return round(row.plan)


def _or_blank(name: str) -> Callable[[Any, ShiftReport, Translator], Any]:
    return lambda row, _r, _t: getattr(row, name) or ""


def _verdict_minutes(name: str) -> Callable[[RosterRow, ShiftReport, Translator], Any]:
    def value(row: RosterRow, _r: ShiftReport, _t: Translator) -> float | None:
        minutes = getattr(row.verdict, name) if row.verdict else None
        return round(minutes, 1) if minutes else None

    return value


_STATION_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Messages", "Line"), TEXT, "line"),
    Column(QT_TRANSLATE_NOOP("Messages", "Station"), TEXT, "station"),
    Column(QT_TRANSLATE_NOOP("Messages", "Name"), TEXT, "name"),
    Column(QT_TRANSLATE_NOOP("Messages", "Units"), INT, "units"),
    Column(QT_TRANSLATE_NOOP("Messages", "Target"), INT, _plan),
    Column(QT_TRANSLATE_NOOP("Messages", "Attainment"), PERCENT, "attainment"),
    Column(QT_TRANSLATE_NOOP("Messages", "NG (scrap)"), INT, "ng"),
    Column(QT_TRANSLATE_NOOP("Messages", "Scrap rate"), PERCENT, "scrap_rate"),
    Column(QT_TRANSLATE_NOOP("Messages", "FPY"), PERCENT, "fpy"),
    Column(QT_TRANSLATE_NOOP("Messages", "OEE"), PERCENT, "oee"),
    Column(QT_TRANSLATE_NOOP("Messages", "Downtime (min)"), NUMBER, _minutes("downtime_minutes")),
)
_LINE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Messages", "Line"), TEXT, "line"),
    Column(QT_TRANSLATE_NOOP("Messages", "Units"), INT, "units"),
    Column(QT_TRANSLATE_NOOP("Messages", "Target"), INT, _plan),
    Column(QT_TRANSLATE_NOOP("Messages", "Attainment"), PERCENT, "attainment"),
    Column(QT_TRANSLATE_NOOP("Messages", "NG (scrap)"), INT, "ng"),
    Column(QT_TRANSLATE_NOOP("Messages", "FPY"), PERCENT, "fpy"),
    Column(QT_TRANSLATE_NOOP("Messages", "OEE"), PERCENT, "oee"),
    Column(QT_TRANSLATE_NOOP("Messages", "Downtime (min)"), NUMBER, _minutes("downtime_minutes")),
    Column(QT_TRANSLATE_NOOP("Messages", "Bottleneck"), TEXT, _or_blank("bottleneck")),
)
_DOWNTIME_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Messages", "Reason"), TEXT, lambda r, _r, t: t(r.name)),
    Column(
        QT_TRANSLATE_NOOP("Messages", "Planned"),
        TEXT,
        lambda r, _r, t: t(
            QT_TRANSLATE_NOOP("Messages", "yes")
            if r.planned
            else QT_TRANSLATE_NOOP("Messages", "no")
        ),
    ),
    Column(QT_TRANSLATE_NOOP("Messages", "Stops"), INT, "stops"),
    Column(QT_TRANSLATE_NOOP("Messages", "Minutes"), NUMBER, _minutes("minutes")),
)
_ATTENDANCE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Messages", "Name"), TEXT, "name"),
    Column(QT_TRANSLATE_NOOP("Messages", "Badge"), TEXT, "badge"),
    Column(QT_TRANSLATE_NOOP("Messages", "Crew"), TEXT, _or_blank("crew")),
    Column(QT_TRANSLATE_NOOP("Messages", "Station"), TEXT, _or_blank("station")),
    Column(QT_TRANSLATE_NOOP("Messages", "Status"), TEXT, lambda r, _r, t: _state(r, t)),
    Column(QT_TRANSLATE_NOOP("Messages", "In"), TEXT, lambda r, rep, _t: rep.local(r.clock_in)),
    Column(QT_TRANSLATE_NOOP("Messages", "Out"), TEXT, lambda r, rep, _t: rep.local(r.clock_out)),
    Column(QT_TRANSLATE_NOOP("Messages", "Late (min)"), NUMBER, _verdict_minutes("late_minutes")),
    Column(
        QT_TRANSLATE_NOOP("Messages", "Overtime (min)"),
        NUMBER,
        _verdict_minutes("overtime_minutes"),
    ),
    Column(
        QT_TRANSLATE_NOOP("Messages", "Correction"),
        TEXT,
        lambda r, _r, _t: f"{r.corrected_by}: {r.correction_reason}" if r.corrected_by else "",
    ),
)
_HOLD_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Messages", "Item"), TEXT, "item"),
    Column(QT_TRANSLATE_NOOP("Messages", "Kind"), TEXT, "kind"),
    Column(QT_TRANSLATE_NOOP("Messages", "Material"), TEXT, "material"),
    Column(QT_TRANSLATE_NOOP("Messages", "Station"), TEXT, _or_blank("station")),
    Column(QT_TRANSLATE_NOOP("Messages", "Reason"), TEXT, "reason"),
    Column(
        QT_TRANSLATE_NOOP("Messages", "Placed"), TEXT, lambda h, rep, _t: rep.local(h.placed_at)
    ),
    Column(QT_TRANSLATE_NOOP("Messages", "By"), TEXT, "placed_by"),
    Column(
        QT_TRANSLATE_NOOP("Messages", "Released"),
        TEXT,
        lambda h, rep, _t: rep.local(h.released_at, True),
    ),
)
_HANDOVER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Messages", "Line"), TEXT, "line"),
    Column(
        QT_TRANSLATE_NOOP("Messages", "Status"), TEXT, lambda h, _r, t: t(STATUS_NAMES[h.status])
    ),
    Column(QT_TRANSLATE_NOOP("Messages", "Written by"), TEXT, "author"),
    Column(QT_TRANSLATE_NOOP("Messages", "Notes"), TEXT, "notes"),
    Column(QT_TRANSLATE_NOOP("Messages", "Open issues"), TEXT, "open_issues"),
    Column(QT_TRANSLATE_NOOP("Messages", "Safety"), TEXT, "safety"),
    Column(QT_TRANSLATE_NOOP("Messages", "Quality"), TEXT, "quality"),
    Column(
        QT_TRANSLATE_NOOP("Messages", "Acknowledged by"),
        TEXT,
        lambda h, rep, _t: _acknowledged(rep, h),
    ),
)


# (key, title, columns, the rows, what an empty table says), in the report's order
_TABLES: tuple[
    tuple[str, str, Sequence[Column], Callable[[ShiftReport], Sequence[Any]], str], ...
] = (
    (
        "lines",
        QT_TRANSLATE_NOOP("Messages", "Production per line"),
        _LINE_COLUMNS,
        lambda report: report.figures.lines,
        "",
    ),
    (
        "stations",
        QT_TRANSLATE_NOOP("Messages", "Production per station"),
        _STATION_COLUMNS,
        lambda report: report.figures.stations,
        "",
    ),
    (
        "downtime",
        QT_TRANSLATE_NOOP("Messages", "Downtime by reason"),
        _DOWNTIME_COLUMNS,
        lambda report: report.figures.downtime,
        QT_TRANSLATE_NOOP("Messages", "No stop in this shift"),
    ),
    (
        "attendance",
        QT_TRANSLATE_NOOP("Messages", "Attendance"),
        _ATTENDANCE_COLUMNS,
        lambda report: _attendance_order(report.roster.rows),
        QT_TRANSLATE_NOOP("Messages", "Nobody planned or clocked in"),
    ),
    (
        "holds",
        QT_TRANSLATE_NOOP("Messages", "Holds placed"),
        _HOLD_COLUMNS,
        lambda report: report.figures.holds,
        QT_TRANSLATE_NOOP("Messages", "No hold placed in this shift"),
    ),
    (
        "handover",
        QT_TRANSLATE_NOOP("Messages", "Handover notes"),
        _HANDOVER_COLUMNS,
        lambda report: report.handovers,
        QT_TRANSLATE_NOOP("Messages", "No handover written for this shift"),
    ),
)


def report_tables(report: ShiftReport, translate: Translator = untranslated) -> list[ReportTable]:
    """The tables of the report, in order; the PDF and the XLSX show exactly these."""
    return [
        _table(key, title, columns, rows(report), report, translate, empty)
        for key, title, columns, rows, empty in _TABLES
    ]


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
