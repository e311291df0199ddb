"""`linedesk import employees FILE.csv`: an HR export into the people tables, all or nothing.

The file is read by desktop/services/csv_files.py and validated line by line by
desktop/domain/people.py (`check_employee`, the validator of the HR form too); then the records
go through the effective-dated write model (desktop/services/employee_history.py) from the
effective date (default: today in plant time). Identical lines change nothing, so importing the
same file twice changes nothing. Writes go in batches in one transaction, with one audit row for
the run (field names and counts only: GDPR).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, Message
from desktop.domain.people import (
    COLUMNS,
    MAX_ERRORS,
    EmployeeRow,
    FileRefused,
    LineError,
    validate_row,
)
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.csv_files import read_bytes
from desktop.services.employee_history import apply_rows, crew_ids, plan_rows
from desktop.services.shifts import plant_today


@dataclass(frozen=True)
class ImportReport:
    lines: int
    created: int
    changed: int
    unchanged: int
    assignments: int
    effective: date


def read_employee_file(data: bytes, path: str, crews: Iterable[str]) -> list[EmployeeRow]:
    """Every line of an HR file, validated; raises FileRefused naming each bad line.

    Line numbers are those a spreadsheet shows: the header is line 1. A quoted cell may hold the
    separator or a line break (csv module rules); such a record is numbered by its first line.
    """
    reader = read_bytes(data)
    crews = list(crews)
    if reader.empty:
        raise FileRefused(
            path, [LineError(1, Message(QT_TRANSLATE_NOOP("Messages", "the file is empty")))]
        )
    names = reader.header
    missing = [c for c in COLUMNS if c not in names]
    unknown = [h for h in names if h not in COLUMNS]
    duplicated = sorted({h for h in names if names.count(h) > 1})
    if missing or unknown or duplicated:
        raise FileRefused(
            path,
            [
                LineError(
                    1,
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Messages",
                            "the header must name the columns {columns} "
                            "(missing: {missing}; unknown: {unknown}; twice: {twice})",
                        ),
                        {
                            "columns": ",".join(COLUMNS),
                            "missing": ", ".join(missing) or "-",
                            "unknown": ", ".join(unknown) or "-",
                            "twice": ", ".join(duplicated) or "-",
                        },
                    ),
                )
            ],
        )
    rows: list[EmployeeRow] = []
    errors: list[LineError] = []
    more = 0
    seen: dict[str, int] = {}
    records = reader.records()
    while True:
        try:
            line, cells = next(records)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(
                LineError(
                    reader.line,
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "unreadable CSV: {reason}"),
                        {"reason": str(exc)},
                    ),
                )
            )
            break
        if not any(c.strip() for c in cells):
            continue
        problem: Message | None = None
        if len(cells) != len(names):
            problem = Message(
                QT_TRANSLATE_NOOP("Messages", "{found} cells where the header has {expected}"),
                {"found": len(cells), "expected": len(names)},
            )
        else:
            try:
                row = validate_row(dict(zip(names, cells, strict=True)), line, crews)
            except InputError as exc:
                problem = exc.message
            else:
                if row.badge in seen:
                    problem = Message(
                        QT_TRANSLATE_NOOP("Messages", "badge {badge} is already on line {first}"),
                        {"badge": row.badge, "first": seen[row.badge]},
                    )
                else:
                    seen[row.badge] = line
                    rows.append(row)
        if problem is not None:
            if len(errors) < MAX_ERRORS:
                errors.append(LineError(line, problem))
            else:
                more += 1
    if errors:
        raise FileRefused(path, errors, more)
    return rows


def import_employees(
    session: Session,
    actor: Actor,
    data: bytes,
    source: str,
    effective: date | None = None,
) -> ImportReport:
    """Import an HR file's bytes (named `source` in messages). All or nothing: any bad line
    raises FileRefused naming every bad line, and nothing is written."""
    actor.require(Permission.EDIT_EMPLOYEES)
    crews = crew_ids(session)
    rows = read_employee_file(data, source, crews)
    effective = effective or plant_today(session)
    plan = plan_rows(session, rows, effective, crews)
    if plan.errors:
        raise FileRefused(source, [LineError(line, exc.message) for line, exc in plan.errors])
    result = apply_rows(session, plan)
    if result.created or result.changed:
        audit.record_bulk(
            session,
            actor,
            "import_employees",
            "employee",
            counts={
                "lines": len(rows),
                "created": result.created,
                "changed": result.changed,
                "unchanged": result.unchanged,
            },
            details={
                "file": Path(source).name,
                "effective": effective,
                "fields": sorted(result.fields),
            },
        )
    return ImportReport(
        len(rows), result.created, result.changed, result.unchanged, result.assignments, effective
    )
