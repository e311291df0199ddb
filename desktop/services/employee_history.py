"""The effective-dated write model of employee records: how a record changes from a day on.

A new badge is a hire, with its first assignment from the hire date. A known badge whose
department, job, contract or crew differs gets a new assignment valid from the effective day
(so headcounts of earlier days keep the old values), or has the assignment of that same day
replaced; a change earlier than one already recorded is refused. A different name, hire date or
end date is a correction of the record itself. Identical records change nothing.

The HR form (desktop/services/people.py), the HR file (people_import.py) and the roster's crew
moves (roster.py) all write through here, in batches (SQLAlchemy Core); the callers write the
audit rows, as each knows what the change was for.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError
from desktop.domain.people import EmployeeInput
from desktop.domain.plant_time import utc_now
from desktop.services.plant import default_site
from desktop.storage.models import Crew
from desktop.storage.models.people import Employee, EmployeeAssignment

BATCH = 500


def crew_ids(session: Session) -> dict[str, int]:
    """Crew code -> id at the default site."""
    site = default_site(session)
    return dict(session.execute(select(Crew.code, Crew.id).where(Crew.site_id == site.id)).all())


@dataclass
class ChangePlan:
    """What applying the records will do; `errors` are (line, problem) found against stored
    data (line 0 for a record that is not a file's line)."""

    effective: date
    crews: dict[str, int]
    hires: list[EmployeeInput] = field(default_factory=list)
    employee_updates: list[dict[str, Any]] = field(default_factory=list)
    new_assignments: list[dict[str, Any]] = field(default_factory=list)
    assignment_updates: list[dict[str, Any]] = field(default_factory=list)
    unchanged: int = 0
    fields: Counter = field(default_factory=Counter)
    errors: list[tuple[int, InputError]] = field(default_factory=list)


@dataclass
class AppliedChanges:
    created: int
    changed: int
    unchanged: int
    assignments: int
    fields: Counter


def plan_rows(
    session: Session, items: Sequence[EmployeeInput], effective: date, crews: dict[str, int]
) -> ChangePlan:
    """Compare validated records with the stored employees; nothing is written."""
    plan = ChangePlan(effective, crews)
    badges = [item.badge for item in items]
    stored: dict[str, Employee] = {}
    for start in range(0, len(badges), BATCH):
        for employee in session.scalars(
            select(Employee).where(Employee.badge.in_(badges[start : start + BATCH]))
        ):
            stored[employee.badge] = employee
    latest: dict[int, tuple[date, int]] = {}
    ids = [e.id for e in stored.values()]
    for start in range(0, len(ids), BATCH):
        for employee_id, valid_from, row_id in session.execute(
            select(
                EmployeeAssignment.employee_id,
                EmployeeAssignment.valid_from,
                EmployeeAssignment.id,
            ).where(EmployeeAssignment.employee_id.in_(ids[start : start + BATCH]))
        ):
            if employee_id not in latest or valid_from > latest[employee_id][0]:
                latest[employee_id] = (valid_from, row_id)
    for item in items:
        employee = stored.get(item.badge)
        if employee is None:
            plan.hires.append(item)
            continue
        crew_id = crews[item.crew] if item.crew else None
        changes: dict[str, Any] = {}
        for name in ("name", "hire_date", "end_date"):
            if getattr(employee, name) != getattr(item, name):
                changes[name] = getattr(item, name)
        assignment = {
            "department": item.department,
            "job": item.job,
            "contract": item.contract,
            "crew_id": crew_id,
        }
        moved = {k: v for k, v in assignment.items() if getattr(employee, k) != v}
        if moved:
            valid_from = max(effective, item.hire_date)
            previous = latest.get(employee.id)
            if previous is not None and valid_from < previous[0]:
                plan.errors.append(
                    (
                        getattr(item, "line", 0),
                        InputError(
                            QT_TRANSLATE_NOOP(
                                "Messages",
                                "badge {badge}: a change from {recorded} is recorded already; "
                                "a change cannot take effect earlier, on {effective}",
                            ),
                            badge=item.badge,
                            recorded=previous[0].isoformat(),
                            effective=valid_from.isoformat(),
                        ),
                    )
                )
                continue
            if previous is not None and valid_from == previous[0]:
                plan.assignment_updates.append({"id": previous[1], **assignment})
            else:
                plan.new_assignments.append(
                    {"employee_id": employee.id, "valid_from": valid_from, **assignment}
                )
            changes.update(assignment)
        if changes:
            plan.employee_updates.append({"id": employee.id, **changes})
            plan.fields.update("crew" if k == "crew_id" else k for k in changes)
        else:
            plan.unchanged += 1
    return plan


def _grouped_update(session: Session, model: type, rows: list[dict[str, Any]]) -> None:
    """Bulk UPDATE by primary key, one executemany per set of changed columns."""
    groups: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[frozenset(row)].append(row)
    for group in groups.values():
        for start in range(0, len(group), BATCH):
            session.execute(update(model), group[start : start + BATCH])


def apply_rows(session: Session, plan: ChangePlan) -> AppliedChanges:
    """Write the plan in batches (Core inserts, bulk updates by primary key)."""
    now = utc_now()
    hires = [
        {
            "badge": item.badge,
            "name": item.name,
            "department": item.department,
            "job": item.job,
            "contract": item.contract,
            "hire_date": item.hire_date,
            "end_date": item.end_date,
            "crew_id": plan.crews[item.crew] if item.crew else None,
            "status": "active",
            "created_at": now,
        }
        for item in plan.hires
    ]
    fields = Counter(plan.fields)
    for start in range(0, len(hires), BATCH):
        chunk = hires[start : start + BATCH]
        ids = session.scalars(
            insert(Employee).returning(Employee.id, sort_by_parameter_order=True), chunk
        ).all()
        session.execute(
            insert(EmployeeAssignment),
            [
                {
                    "employee_id": employee_id,
                    "valid_from": row["hire_date"],
                    "department": row["department"],
                    "job": row["job"],
                    "contract": row["contract"],
                    "crew_id": row["crew_id"],
                    "recorded_at": now,
                }
                for employee_id, row in zip(ids, chunk, strict=True)
            ],
        )
    if hires:
        fields.update(["badge", "name", "department", "job", "contract", "hire_date", "crew"])
    _grouped_update(session, Employee, plan.employee_updates)
    _grouped_update(session, EmployeeAssignment, plan.assignment_updates)
    for start in range(0, len(plan.new_assignments), BATCH):
        session.execute(
            insert(EmployeeAssignment),
            [{**a, "recorded_at": now} for a in plan.new_assignments[start : start + BATCH]],
        )
    session.expire_all()
    return AppliedChanges(
        created=len(hires),
        changed=len(plan.employee_updates),
        unchanged=plan.unchanged,
        assignments=len(hires) + len(plan.new_assignments) + len(plan.assignment_updates),
        fields=fields,
    )
