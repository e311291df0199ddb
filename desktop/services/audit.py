"""The audit trail: who, when, where, what (old -> new) and why, for every change of business data.

Append-only (database triggers refuse UPDATE and DELETE) and hash-chained: each row's hash covers
its content and the previous row's hash, and `audit_head` holds the tip, so `verify` finds a row
edited, inserted or removed behind the application's back. Writers lock `audit_head` first (an
UPDATE), which serialises them on SQLite and PostgreSQL alike.

Rows about employees hold the employee id and the names of the changed fields only (`personal`),
never the personal values, so anonymising a leaver stays possible.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.services.actor import Actor
from desktop.storage.models.security import AuditEntry, AuditHead


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(_plain(v) for v in value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The fields whose value changed, as field -> (old, new)."""
    return {key: (old.get(key), new.get(key)) for key in new if old.get(key) != new.get(key)}


def _row_hash(previous: str, row: Mapping[str, Any]) -> str:
    canonical = json.dumps(
        {"previous": previous, **row}, sort_keys=True, ensure_ascii=True, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _content(entry: AuditEntry) -> dict[str, Any]:
    return {
        "at": entry.at.isoformat(),
        "username": entry.username,
        "user_id": entry.user_id,
        "station": entry.station,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "changes": entry.changes,
        "reason": entry.reason,
        "signature_meaning": entry.signature_meaning,
    }


def record(
    session: Session,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str,
    *,
    changes: Mapping[str, Any] | None = None,
    personal: bool = False,
    reason: str | None = None,
    signature_meaning: str | None = None,
) -> AuditEntry:
    """Append one row in the caller's unit of work (it commits with the change it describes).

    `changes` is field -> (old, new) for updates, or field -> value for creations and bulk runs;
    with `personal=True` only the field names are kept.
    """
    if personal:
        stored: Any = sorted(changes or {})
    else:
        stored = _plain(changes or {})
    session.flush()
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_id=AuditHead.last_id))
    previous = session.scalar(select(AuditHead.hash).where(AuditHead.id == 1)) or ""
    entry = AuditEntry(
        at=utc_now(),
        username=actor.username,
        user_id=actor.user_id,
        station=actor.station,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        changes=json.dumps(stored, sort_keys=True, ensure_ascii=False),
        reason=reason,
        signature_meaning=signature_meaning,
        previous_hash=previous,
        hash="",
    )
    entry.hash = _row_hash(previous, _content(entry))
    session.add(entry)
    session.flush()
    session.execute(
        update(AuditHead).where(AuditHead.id == 1).values(last_id=entry.id, hash=entry.hash)
    )
    return entry


def record_bulk(
    session: Session,
    actor: Actor,
    operation: str,
    object_type: str,
    counts: Mapping[str, int],
    details: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """One row for a whole bulk run (an import, the simulator, seeding) with its counts."""
    return record(
        session,
        actor,
        "bulk",
        object_type,
        operation,
        changes={"counts": dict(counts), **(details or {})},
    )


@dataclass(frozen=True)
class ChainProblem:
    row_id: int | None
    reason: str


def verify_rows(entries: Iterable[AuditEntry], head: AuditHead | None) -> ChainProblem | None:
    """The first row whose hash or link does not match, or None when the chain is whole."""
    previous = ""
    last_id = 0
    for entry in entries:
        if entry.previous_hash != previous:
            return ChainProblem(
                entry.id,
                "its link to the previous row is broken (a row before it was removed or changed)",
            )
        if _row_hash(previous, _content(entry)) != entry.hash:
            return ChainProblem(entry.id, "its content does not match its hash (edited)")
        previous, last_id = entry.hash, entry.id
    if head is not None and (head.hash != previous or head.last_id != last_id):
        return ChainProblem(
            head.last_id or None, "the newest rows were removed (the chain ends early)"
        )
    return None


def verify(session: Session) -> ChainProblem | None:
    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(5000)
    head = session.get(AuditHead, 1)
    return verify_rows(entries, head)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    station: str | None
    action: str
    object_type: str
    object_id: str
    changes: str
    reason: str | None
    signature_meaning: str | None


@dataclass(frozen=True)
class AuditFilter:
    """What the Audit page and `linedesk audit list` filter on; None means any."""

    username: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 5000


def search(session: Session, actor: Actor, wanted: AuditFilter) -> list[AuditRow]:
    """Newest first. QA and administrators only: the trail says who did what."""
    actor.require(Permission.VIEW_AUDIT)
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(wanted.limit)
    if wanted.username:
        query = query.where(AuditEntry.username == wanted.username)
    if wanted.object_type:
        query = query.where(AuditEntry.object_type == wanted.object_type)
    if wanted.object_id:
        query = query.where(AuditEntry.object_id == wanted.object_id)
    if wanted.since is not None:
        query = query.where(AuditEntry.at >= wanted.since)
    if wanted.until is not None:
        query = query.where(AuditEntry.at < wanted.until)
    return [
        AuditRow(
            e.id,
            e.at,
            e.username,
            e.station,
            e.action,
            e.object_type,
            e.object_id,
            e.changes,
            e.reason,
            e.signature_meaning,
        )
        for e in session.scalars(query)
    ]


def object_types(session: Session) -> list[str]:
    return list(
        session.scalars(select(AuditEntry.object_type).distinct().order_by(AuditEntry.object_type))
    )
