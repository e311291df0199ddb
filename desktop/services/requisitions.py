"""Requisitions (open positions, by department and contract) and the hiring plan (planned
headcount by month): what the headcount view sets against the staffing target."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.messages import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    InputError,
    NotFoundError,
)
from desktop.domain.people import CONTRACTS, DEPARTMENTS, check_job_title
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.shifts import plant_today
from desktop.storage.models.people import HiringPlanPoint, Requisition


@dataclass(frozen=True)
class RequisitionView:
    code: str
    department: str
    job: str
    contract: str
    positions: int
    opened_on: date
    wanted_by: date | None
    status: str
    closed_on: date | None


def _requisition_view(r: Requisition) -> RequisitionView:
    return RequisitionView(
        r.code,
        r.department,
        r.job,
        r.contract,
        r.positions,
        r.opened_on,
        r.wanted_by,
        r.status,
        r.closed_on,
    )


def list_requisitions(
    session: Session, actor: Actor, *, open_only: bool = False
) -> list[RequisitionView]:
    actor.require(Permission.VIEW_HEADCOUNT)
    query = select(Requisition).order_by(Requisition.opened_on, Requisition.code)
    if open_only:
        query = query.where(Requisition.status == "open")
    return [_requisition_view(r) for r in session.scalars(query)]


def open_requisition(
    session: Session,
    actor: Actor,
    code: str,
    department: str,
    job: str,
    contract: str,
    positions: int = 1,
    opened_on: date | None = None,
    wanted_by: date | None = None,
) -> RequisitionView:
    actor.require(Permission.EDIT_EMPLOYEES)
    code = code.strip().upper()
    if not code or len(code) > 32:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "A requisition id must have 1 to 32 characters")
        )
    if department not in DEPARTMENTS or contract not in CONTRACTS:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Unknown department or contract: {value}"),
            value=f"{department}, {contract}",
        )
    job = check_job_title(job)
    if not 1 <= positions <= 500:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A requisition has 1 to 500 positions"))
    if session.scalar(select(Requisition.id).where(Requisition.code == code)) is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Messages", "Requisition {code} already exists"), code=code
        )
    requisition = Requisition(
        code=code,
        department=department,
        job=job,
        contract=contract,
        positions=positions,
        opened_on=opened_on or plant_today(session),
        wanted_by=wanted_by,
        status="open",
    )
    session.add(requisition)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "requisition",
        code,
        changes={"department": department, "job": requisition.job, "positions": positions},
    )
    return _requisition_view(requisition)


def close_requisition(
    session: Session, actor: Actor, code: str, status: str, on: date | None = None
) -> RequisitionView:
    """Mark a requisition filled or cancelled; it stops counting as open after `on`."""
    actor.require(Permission.EDIT_EMPLOYEES)
    if status not in ("filled", "cancelled"):
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "A requisition closes as filled or cancelled")
        )
    requisition = session.scalar(select(Requisition).where(Requisition.code == code))
    if requisition is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown requisition: {code}"), code=code)
    if requisition.status != "open":
        raise ConflictError(
            QT_TRANSLATE_NOOP("Messages", "Requisition {code} is already {status}"),
            code=code,
            status=requisition.status,
        )
    requisition.status, requisition.closed_on = status, on or plant_today(session)
    session.flush()
    audit.record(
        session, actor, "update", "requisition", code, changes={"status": ("open", status)}
    )
    return _requisition_view(requisition)


def hiring_plan(session: Session, actor: Actor) -> list[tuple[date, int]]:
    """(month, planned headcount) points, oldest first."""
    actor.require(Permission.VIEW_HEADCOUNT)
    return [
        (p.month, p.planned_headcount)
        for p in session.scalars(select(HiringPlanPoint).order_by(HiringPlanPoint.month))
    ]


def open_positions(session: Session, day: date) -> dict[str, int]:
    """Open positions on `day` by department: opened on or before it, not yet filled or
    cancelled (closed_on after it)."""
    counts = dict.fromkeys(DEPARTMENTS, 0)
    for department, positions in session.execute(
        select(Requisition.department, func.sum(Requisition.positions))
        .where(Requisition.opened_on <= day)
        .where(or_(Requisition.closed_on.is_(None), Requisition.closed_on > day))
        .group_by(Requisition.department)
    ).all():
        counts[department] = int(positions or 0)
    return counts
