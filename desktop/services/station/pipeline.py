"""The scan pipeline: begin (the station, a retried UUID), validate what every scan shares (an
operator signed in, no duplicate, no id an import still holds), hand over to the station's mode,
and store the verdict, accepted or rejected, in the caller's unit of work.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.domain.station import DUPLICATE_WINDOW_S, Rejection, Verdict
from desktop.services.actor import Actor
from desktop.services.station.checks import station_program
from desktop.services.station.modes import MODES
from desktop.services.station.scan import Rejected, Scan, ScanResult, result_of, store
from desktop.storage.import_runs import PENDING_STATES
from desktop.storage.models.genealogy import ImportRun, Item, ScanEvent


def begin_scan(
    session: Session,
    actor: Actor | None,
    station_code: str,
    code: str,
    event_id: str | None,
    at: datetime | None,
) -> tuple[Scan, ScanResult | None]:
    """Common start of every scan: the operator's right, the station, a retried UUID (its
    stored verdict comes back and nothing new is recorded)."""
    if actor is not None:
        actor.require(Permission.OPERATE_STATION)
    station, program = station_program(session, station_code)
    scan = Scan(
        session,
        actor,
        station,
        program,
        code.strip(),
        event_id or str(uuid.uuid4()),
        at or utc_now(),
    )
    stored = session.scalar(select(ScanEvent).where(ScanEvent.event_id == scan.event_id))
    if stored is not None:
        return scan, result_of(stored)
    return scan, None


def validate_common(scan: Scan, duplicate_check: bool = True) -> None:
    if scan.actor is None:
        raise Rejected(
            Rejection.NO_OPERATOR,
            QT_TRANSLATE_NOOP("Messages", "No operator signed in: sign in with your badge"),
        )
    if duplicate_check:
        last = scan.session.scalar(
            select(ScanEvent.at)
            .where(
                ScanEvent.station == scan.station.code,
                ScanEvent.code == scan.code,
                ScanEvent.verdict == Verdict.OK.value,
                ScanEvent.at > scan.at - timedelta(seconds=DUPLICATE_WINDOW_S),
            )
            .order_by(ScanEvent.at.desc())
            .limit(1)
        )
        if last is not None:
            raise Rejected(
                Rejection.DUPLICATE,
                QT_TRANSLATE_NOOP(
                    "Messages", "{id} was scanned {seconds} s ago: it is recorded once"
                ),
                id=scan.code,
                seconds=f"{max(0.0, (scan.at - last).total_seconds()):.1f}",
            )
    scan.item = scan.session.scalar(
        select(Item).where(Item.business_id == scan.code).with_for_update()
    )
    if scan.item is not None and scan.item.import_run is not None:
        state = scan.session.scalar(
            select(ImportRun.state).where(ImportRun.id == scan.item.import_run)
        )
        if state in PENDING_STATES:
            # stored by an import that has not committed: no reader sees it yet, and a station
            # must neither use it nor make a second item of the same id
            raise Rejected(
                Rejection.UNKNOWN_ID,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{id} arrives with a genealogy import that is still running: "
                    "scan it again once the import finished",
                ),
                id=scan.code,
            )


def record_scan(
    session: Session,
    actor: Actor | None,
    station: str,
    code: str,
    *,
    event_id: str | None = None,
    at: datetime | None = None,
    product: str | None = None,
) -> ScanResult:
    """Validate and record one scan at `station`; returns the verdict (rejections included).

    The caller commits (the unit of work); the verdict is shown only after that.
    """
    return run_scan(
        session,
        actor,
        station,
        code,
        event_id,
        at,
        lambda scan: MODES[scan.program.mode](scan, product),
    )


def run_scan(
    session: Session,
    actor: Actor | None,
    station: str,
    code: str,
    event_id: str | None,
    at: datetime | None,
    step: Callable[[Scan], ScanResult],
    *,
    duplicate_check: bool = True,
) -> ScanResult:
    """Every scan's way through: begin, validate what all scans share, run `step` (a mode, or a
    weighed step), and store a rejection raised on the way as the scan's NOK verdict. A weighed
    step is the second look at an item scanned just before, so it skips the duplicate check."""
    scan, stored = begin_scan(session, actor, station, code, event_id, at)
    if stored is not None:
        return stored
    try:
        validate_common(scan, duplicate_check)
        return step(scan)
    except Rejected as rejected:
        return store(scan, Verdict.NOK, rejected.message, None, rejected.rejection, None)
