"""The handover log: per line and shift, what the outgoing supervisor hands over in writing (notes,
open issues, safety incidents, quality alerts) with an automatic summary (output against plan,
NG, downtime, holds placed, absences), and the incoming supervisor's acknowledgement with an
electronic signature (shifts hand over in writing; the incoming supervisor acknowledges what
the outgoing one wrote: README, "Shifts").

A handover is a draft until submitted; submitting freezes the summary as the outgoing supervisor
saw it; once acknowledged it cannot change. The shift after it is told when the handover it
should have received is missing, still a draft, or not acknowledged.
"""

from __future__ import annotations

import json
import uuid as uuid_module
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, ConflictError, InputError, NotFoundError
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.handover_summary import HandoverSummary, handover_summary
from desktop.services.roster import check_line
from desktop.services.shifts import ShiftInfo, previous_shift, shift_at, shift_info
from desktop.services.signatures import Meaning, SignedChange
from desktop.storage.models import Line
from desktop.storage.models.shifts import Handover

MAX_TEXT = 4000
TEXT_FIELDS = ("notes", "open_issues", "safety", "quality")
FLAG_LOOKBACK = timedelta(days=3)


@dataclass(frozen=True)
class HandoverView:
    uuid: str
    line: str
    day: date
    shift: str
    author: str
    notes: str
    open_issues: str
    safety: str
    quality: str
    summary: HandoverSummary | None  # frozen when handed over
    updated_at: datetime
    submitted_at: datetime | None
    acknowledged_by: str | None
    acknowledged_at: datetime | None
    acknowledgement_note: str | None
    signature_meaning: str | None

    @property
    def status(self) -> str:
        if self.acknowledged_at is not None:
            return "acknowledged"
        return "submitted" if self.submitted_at is not None else "draft"


@dataclass(frozen=True)
class PendingHandover:
    """A handover the next shift should have received and acknowledged, and has not."""

    line: str
    day: date
    shift: str
    status: str  # missing, draft, submitted
    author: str | None


STATUS_NAMES = {
    "missing": QT_TRANSLATE_NOOP("Messages", "missing"),
    "draft": QT_TRANSLATE_NOOP("Messages", "draft, not handed over"),
    "submitted": QT_TRANSLATE_NOOP("Messages", "not acknowledged"),
    "acknowledged": QT_TRANSLATE_NOOP("Messages", "acknowledged"),
}


def _view(row: Handover, line: str) -> HandoverView:
    return HandoverView(
        row.uuid,
        line,
        row.day,
        row.shift_code,
        row.author,
        row.notes,
        row.open_issues,
        row.safety,
        row.quality,
        HandoverSummary.from_json(json.loads(row.summary)) if row.summary else None,
        row.updated_at,
        row.submitted_at,
        row.acknowledged_by,
        row.acknowledged_at,
        row.acknowledgement_note,
        row.signature_meaning,
    )


def _line_id(session: Session, line: str) -> int:
    code = check_line(session, line)
    if code is None:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "Choose a line"))
    return session.scalar(select(Line.id).where(Line.code == code))  # type: ignore[return-value]


def live_summary(
    session: Session,
    actor: Actor,
    shift: ShiftInfo,
    line: str | None,
    view: HandoverView | None,
    now: datetime,
) -> HandoverSummary | None:
    """The summary computed up to `now`, when one is to be shown: for one line, once its shift
    has started, while no summary was frozen into its handover (none written, or a draft)."""
    actor.require(Permission.VIEW_SHIFTS)
    if not line or (view is not None and view.summary is not None) or now < shift.start:
        return None
    return handover_summary(session, shift, line, now)


def shown_summary(
    view: HandoverView | None, live: HandoverSummary | None
) -> HandoverSummary | None:
    """The summary a reader of the handover sees: the one frozen when it was handed over (what
    the outgoing supervisor saw), else the one up to now."""
    if view is not None and view.summary is not None:
        return view.summary
    return live


def _row(session: Session, line_id: int, shift: ShiftInfo) -> Handover | None:
    return session.scalar(
        select(Handover).where(
            Handover.line_id == line_id,
            Handover.day == shift.day,
            Handover.shift_code == shift.code,
        )
    )


def get_handover(
    session: Session, actor: Actor, line: str, day: date, code: str
) -> HandoverView | None:
    actor.require(Permission.VIEW_SHIFTS)
    shift = shift_info(session, day, code)
    line_id = _line_id(session, line)
    row = _row(session, line_id, shift)
    return _view(row, line.strip().upper()) if row else None


def handovers_of(session: Session, shift: ShiftInfo, line: str | None) -> list[HandoverView]:
    """The handovers written for a shift (one line, or every line), by line."""
    query = (
        select(Handover, Line.code)
        .join(Line)
        .where(Handover.day == shift.day, Handover.shift_code == shift.code)
        .order_by(Line.code)
    )
    if line is not None:
        query = query.where(Line.code == line)
    return [_view(row, code) for row, code in session.execute(query).all()]


def _clean(text: str | None) -> str:
    value = (text or "").strip().replace("\r\n", "\n")
    if len(value) > MAX_TEXT:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "A handover field holds at most {most} characters"),
            most=MAX_TEXT,
        )
    return value


def save_handover(
    session: Session,
    actor: Actor,
    line: str,
    day: date,
    code: str,
    notes: str = "",
    open_issues: str = "",
    safety: str = "",
    quality: str = "",
    submit: bool = False,
    now: datetime | None = None,
) -> HandoverView:
    """Write (or rewrite) the handover of a line's shift; `submit` hands it over, freezing the
    automatic summary. An acknowledged handover is final."""
    actor.require(Permission.WRITE_HANDOVER)
    now = now or utc_now()
    shift = shift_info(session, day, code)
    line_code = check_line(session, line)
    line_id = _line_id(session, line)
    values = {
        "notes": _clean(notes),
        "open_issues": _clean(open_issues),
        "safety": _clean(safety),
        "quality": _clean(quality),
    }
    if now < shift.start:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "This shift has not started: nothing to hand over yet")
        )
    row = _row(session, line_id, shift)
    if row is not None and row.acknowledged_at is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "Messages", "This handover was acknowledged by {who}: it cannot change"
            ),
            who=row.acknowledged_by,
        )
    old: dict[str, Any] = {}
    if row is None:
        row = Handover(
            uuid=str(uuid_module.uuid4()),
            line_id=line_id,
            day=shift.day,
            shift_code=shift.code,
            author=actor.username,
            created_at=now,
        )
        session.add(row)
        action = "create"
    else:
        old = {name: getattr(row, name) for name in TEXT_FIELDS}
        old["submitted"] = row.submitted_at is not None
        action = "update"
    for name, value in values.items():
        setattr(row, name, value)
    row.author = actor.username
    row.updated_at = now
    if submit:
        frozen = handover_summary(session, shift, line_code, now)
        row.summary = json.dumps(frozen.to_json(), sort_keys=True)
        row.submitted_at = now
    session.flush()
    changes = audit.diff(old, {**values, "submitted": row.submitted_at is not None})
    audit.record(
        session,
        actor,
        "submit" if submit else action,
        "handover",
        row.uuid,
        changes={"line": line_code, "shift": f"{shift.day}/{shift.code}", **changes},
    )
    return _view(row, line_code)


def acknowledge_handover(
    session: Session,
    actor: Actor,
    line: str,
    day: date,
    code: str,
    note: str = "",
    *,
    secret: str = "",
    meaning: Meaning | str = Meaning.APPROVE,
    now: datetime | None = None,
) -> HandoverView:
    """The incoming supervisor signs that they read the handover (someone other than its
    author; `reject` records that they do not accept it as written)."""
    change = SignedChange(session, actor, Permission.WRITE_HANDOVER)
    now = now or utc_now()
    shift = shift_info(session, day, code)
    line_code = check_line(session, line)
    row = _row(session, _line_id(session, line), shift)
    if row is None or row.submitted_at is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "No handover was submitted for {line}, {day} {shift}"),
            line=line_code,
            day=shift.day.isoformat(),
            shift=shift.code,
        )
    if row.acknowledged_at is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Messages", "This handover was acknowledged by {who} already"),
            who=row.acknowledged_by,
        )
    if row.author == actor.username and not actor.is_system:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "Messages", "The incoming supervisor acknowledges, not the one who wrote it"
            )
        )
    change.sign(secret, meaning)
    row.acknowledged_by, row.acknowledged_at = actor.username, now
    row.acknowledgement_note = _clean(note) or None
    row.signature_meaning = change.meaning.value
    session.flush()
    change.record(
        "acknowledge",
        "handover",
        row.uuid,
        changes={
            "line": line_code,
            "shift": f"{shift.day}/{shift.code}",
            "note": row.acknowledgement_note,
        },
    )
    return _view(row, line_code)


def pending_handovers(
    session: Session, actor: Actor, now: datetime | None = None, line: str | None = None
) -> list[PendingHandover]:
    """The handovers the current shift should have received and that are missing, still a
    draft, or not acknowledged (the previous shift's, per line), plus older ones submitted in
    the last three days and never acknowledged."""
    actor.require(Permission.VIEW_SHIFTS)
    now = now or utc_now()
    line = check_line(session, line)
    current = shift_at(session, now)
    if current is None:
        return []
    previous = previous_shift(session, current)
    lines = dict(session.execute(select(Line.id, Line.code).where(Line.active)).all())
    if line is not None:
        lines = {k: v for k, v in lines.items() if v == line}
    pending: list[PendingHandover] = []
    written = {h.line: h for h in handovers_of(session, previous, line)}
    for code in sorted(lines.values()):
        found = written.get(code)
        if found is None:
            pending.append(PendingHandover(code, previous.day, previous.code, "missing", None))
        elif found.status != "acknowledged":
            pending.append(
                PendingHandover(code, previous.day, previous.code, found.status, found.author)
            )
    since = (now - FLAG_LOOKBACK).date()
    older = session.execute(
        select(Handover, Line.code)
        .join(Line)
        .where(
            Handover.submitted_at.is_not(None),
            Handover.acknowledged_at.is_(None),
            Handover.day >= since,
            Line.id.in_(list(lines)),
        )
        .order_by(Handover.day, Handover.shift_code, Line.code)
    ).all()
    for row, code in older:
        if (row.day, row.shift_code) == (previous.day, previous.code):
            continue
        started = shift_info(session, row.day, row.shift_code)
        if started.end <= previous.start:
            pending.append(PendingHandover(code, row.day, row.shift_code, "submitted", row.author))
    return pending
