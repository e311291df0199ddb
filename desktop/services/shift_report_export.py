"""The shift report written out: the XLSX workbook (openpyxl, no Qt), and the long jobs that read
the report on the operations kernel's long-job lane (the PDF is laid out with Qt by the caller,
desktop.reports_pdf) and write the workbook, with progress."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.messages import QT_TRANSLATE_NOOP, PermissionDenied, Translator, untranslated
from desktop.services.shift_report import ShiftReport, build_shift_report
from desktop.services.shift_report_tables import NUMBER, PERCENT, facts, report_tables

if TYPE_CHECKING:
    from desktop.operations import Job


def write_xlsx(report: ShiftReport, path: Path, translate: Translator = untranslated) -> Path:
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
    job: Job,
    day: date,
    code: str,
    line: str | None,
    path: Path,
    translate: Translator = untranslated,
) -> Path:
    """The shift report read and written as XLSX on the long-job lane, with progress."""
    report = _report_of(job, day, code, line)
    job.progress(1, 2, WRITING)
    written = write_xlsx(report, path, translate)
    job.progress(2, 2, WRITING)
    return written
