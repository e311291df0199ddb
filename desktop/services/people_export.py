"""Excel export (openpyxl) of the headcount tables and the skills matrix, for HR's spreadsheets.

Codes stay codes (`production`, `CDI`) so a workbook reads back the same in any language; the
skills matrix colours expired certificates red and those expiring within 30 days amber, as the
People page does. Names appear only as the actor may see them (the services decide).

The figures are read without taking the write lock; the workbook is built and saved outside any
transaction; then one short unit of work records who saw personal details, as the page's views
do. A station's write never waits behind the reading or openpyxl.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from desktop.domain.headcount import plan_at
from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, Message
from desktop.domain.people import CertificateState
from desktop.services.actor import Actor
from desktop.services.headcount import HeadcountOverview, headcount_overview
from desktop.services.people import record_list_view
from desktop.services.skills import SkillsMatrix, read_skills_matrix

if TYPE_CHECKING:
    from desktop.operations import Job
    from desktop.storage.database import Database

RED = "F4C7C3"
AMBER = "FCE8B2"
GREEN = "D9EAD3"


@dataclass(frozen=True)
class WorkbookFigures:
    overview: HeadcountOverview
    matrix: SkillsMatrix


def read_figures(session: Session, actor: Actor, day: date | None = None) -> WorkbookFigures:
    """What the workbook shows, as the actor may see it; reads only."""
    overview = headcount_overview(session, actor, day)
    return WorkbookFigures(overview, read_skills_matrix(session, actor, overview.snapshot.date))


def export_xlsx(database: Database, actor: Actor, path: Path, day: date | None = None) -> Path:
    """Read the figures, write the workbook to `path`, then record HR's view of personal
    details (a workbook that could not be written disclosed nothing)."""
    with database.reading() as session:
        figures = read_figures(session, actor, day)
    write_workbook(figures, path)
    if figures.matrix.personal_view:
        with database.unit_of_work() as session:
            record_list_view(session, actor)
    return path


def export_headcount_workbook(job: Job, path: Path, day: date | None = None) -> Path:
    """The headcount workbook on the long-job lane: it takes seconds on a full plant."""
    job.check()
    return export_xlsx(job.database, job.actor, path, day)


def write_workbook(figures: WorkbookFigures, path: Path) -> Path:
    """Headcount, History, Requisitions, Skills matrix."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    overview = figures.overview
    snapshot = overview.snapshot
    bold = Font(bold=True)
    book = Workbook()
    sheet = book.active
    sheet.title = "Headcount"
    sheet.append(["date", snapshot.date])
    sheet.append(["headcount", snapshot.headcount])
    sheet.append(["target", snapshot.target])
    sheet.append(["gap", snapshot.target - snapshot.headcount])
    sheet.append(["open requisitions", snapshot.open_requisitions])
    sheet.append(["forecast date of target", overview.forecast_date])
    sheet.append(["hires per month (90 days)", round(overview.rates.hires_per_month, 1)])
    sheet.append(["leavers per month (90 days)", round(overview.rates.leavers_per_month, 1)])
    sheet.append(["attrition over 12 months", round(overview.annual_attrition_12_months, 4)])
    sheet.append([])
    for title, counts in (
        ("department", snapshot.by_department),
        ("contract", snapshot.by_contract),
        ("crew", snapshot.by_crew),
        ("open requisitions by department", snapshot.open_requisitions_by_department),
    ):
        sheet.append([title, "count"])
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for key, value in counts.items():
            sheet.append([key, value])
        sheet.append([])
    sheet.append(["capacity (GWh/year)", "staff needed", f"at {overview.staff_per_gwh:g} per GWh"])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for need in overview.capacity_plan:
        sheet.append([need.gwh, need.staff])
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 14

    history = book.create_sheet("History")
    history.append(["date", "headcount", "planned", "target"])
    for cell in history[1]:
        cell.font = bold
    for day_, count in overview.history:
        history.append([day_, count, plan_at(overview.plan, day_), snapshot.target])
    for month, planned in overview.plan:
        if month > snapshot.date:
            history.append([month, None, planned, snapshot.target])
    history.column_dimensions["A"].width = 12

    requisitions = book.create_sheet("Requisitions")
    columns = ["code", "department", "job", "contract", "positions", "opened_on", "wanted_by"]
    requisitions.append(columns)
    for cell in requisitions[1]:
        cell.font = bold
    for r in overview.requisitions:
        requisitions.append([getattr(r, c) for c in columns])

    matrix = figures.matrix
    skills = book.create_sheet("Skills matrix")
    skills.append(
        ["badge", "name", "department", "crew", *[code for code, _name in matrix.station_types]]
    )
    for cell in skills[1]:
        cell.font = bold
    fills = {
        CertificateState.EXPIRED: PatternFill("solid", fgColor=RED),
        CertificateState.SOON: PatternFill("solid", fgColor=AMBER),
        CertificateState.VALID: PatternFill("solid", fgColor=GREEN),
    }
    for employee in matrix.employees:
        row = [employee.badge, employee.name, employee.department, employee.crew]
        states = []
        for code, _name in matrix.station_types:
            cert = matrix.cells.get((employee.id, code))
            if cert is None:
                row.append(None)
                states.append(None)
            else:
                until = cert.valid_until.isoformat() if cert.valid_until else "-"
                row.append(f"{cert.level} until {until}")
                states.append(cert.state)
        skills.append(row)
        for offset, state in enumerate(states):
            if state is not None:
                skills.cell(row=skills.max_row, column=5 + offset).fill = fills[state]
    skills.column_dimensions["B"].width = 28
    skills.freeze_panes = "E2"
    try:
        book.save(path)
    except OSError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Cannot write {path}: {reason}"),
            path=str(path),
            reason=Message(exc.strerror or str(exc)),
        ) from exc
    return path
