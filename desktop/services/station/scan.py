"""One scan being recorded: the verdict it gets (`ScanResult`), the rejection raised while it is
validated, the records it writes (links, consumption, new items, loads) and its stored event.

A verdict's message is stored with its template and parameters (not only the rendered English),
so the station and a later reader show it in their own language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.domain.genealogy import ItemStatus
from desktop.domain.messages import Message
from desktop.domain.numbers import decimal_text
from desktop.domain.station import Action, Rejection, StationProgram, Verdict
from desktop.services.actor import Actor
from desktop.services.production.ingest import record_unit_completed
from desktop.storage.models.genealogy import GenealogyLink, Item, ScanEvent, StationLoad
from desktop.storage.models.plant import Station

# the actions that complete a unit at a station (a cycle is the time between two of them)
COMPLETING = (Action.CREATED, Action.PASSED, Action.FILLED, Action.COMPLETED)


@dataclass(frozen=True)
class ScanResult:
    """The verdict of one scan, as committed."""

    event_id: str
    at: datetime
    station: str
    code: str
    verdict: Verdict
    message: Message
    action: Action | None = None
    rejection: Rejection | None = None
    next_step: Message | None = None
    details: dict[str, Any] = field(default_factory=dict)
    username: str | None = None
    override_by: str | None = None

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.OK


class Rejected(Exception):
    """Raised inside validation; becomes a stored rejected scan."""

    def __init__(self, rejection: Rejection, template: str, **params: Any) -> None:
        super().__init__(template)
        self.rejection = rejection
        self.message = Message(template, params)


# -- messages stored with scans ----------------------------------------------------------------


def dump_message(message: Message) -> dict[str, Any]:
    return {
        "template": message.template,
        "params": {
            k: dump_message(v) if isinstance(v, Message) else json_value(v)
            for k, v in message.params.items()
        },
    }


def json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)


def load_message(data: dict[str, Any]) -> Message:
    params = {
        k: load_message(v) if isinstance(v, dict) and "template" in v else v
        for k, v in data.get("params", {}).items()
    }
    return Message(data["template"], params)


def result_of(event: ScanEvent) -> ScanResult:
    details = json.loads(event.details or "{}")
    message = load_message(details["message"]) if "message" in details else Message(event.message)
    next_step = load_message(details["next"]) if "next" in details else None
    return ScanResult(
        event.event_id,
        event.at,
        event.station,
        event.code,
        Verdict(event.verdict),
        message,
        Action(event.action) if event.action else None,
        Rejection(event.rejection) if event.rejection else None,
        next_step,
        details.get("values", {}),
        event.username,
        event.override_by,
    )


# -- recording ---------------------------------------------------------------------------------


@dataclass
class Scan:
    """One scan being validated and recorded in a unit of work."""

    session: Session
    actor: Actor | None
    station: Station
    program: StationProgram
    code: str
    event_id: str
    at: datetime
    item: Item | None = None
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def operator(self) -> str | None:
        return self.actor.username if self.actor else None

    def link(self, parent: Item, child: Item, quantity: Decimal, unit: str) -> None:
        self.session.add(
            GenealogyLink(
                parent_id=parent.id,
                child_id=child.id,
                quantity=quantity,
                unit=unit,
                linked_at=self.at,
                station=self.station.code,
                operator=self.operator,
                event_id=self.event_id,
            )
        )

    def consume(self, lot: Item, quantity: Decimal) -> None:
        """Take `quantity` (in the lot's unit) from a lot; emptied lots leave the station."""
        lot.remaining = lot.remaining - quantity
        lot.last_station = self.station.code
        if lot.remaining <= 0:
            lot.remaining = Decimal(0)
            lot.status = ItemStatus.CONSUMED.value
            self.session.execute(
                update(StationLoad)
                .where(StationLoad.item_id == lot.id, StationLoad.unloaded_at.is_(None))
                .values(unloaded_at=self.at)
            )

    def new_item(
        self, kind: str, material: str, quantity: Decimal, unit: str, route_step: int | None
    ) -> Item:
        item = Item(
            business_id=self.code,
            kind=kind,
            material=material,
            quantity=quantity,
            remaining=quantity,
            unit=unit,
            status=ItemStatus.AVAILABLE.value,
            held=False,
            created_at=self.at,
            station=self.station.code,
            created_by=self.operator,
            route_position=route_step,
            last_station=self.station.code,
            event_id=self.event_id,
        )
        self.session.add(item)
        self.session.flush()
        self.item = item
        return item


def put_on_station(scan: Scan, item_id: int, role: str) -> None:
    """Put an item on the station: a lot it consumes from, or the container it fills."""
    scan.session.add(
        StationLoad(
            station=scan.station.code,
            item_id=item_id,
            role=role,
            loaded_at=scan.at,
            loaded_by=scan.operator or "",
        )
    )


def accepted(scan: Scan, message: Message, action: Action, next_step: Message | None) -> ScanResult:
    """An OK verdict: what the scan did (`message`, `action`) and what the operator does next;
    a rejection is stored by the pipeline from the `Rejected` raised instead."""
    return store(scan, Verdict.OK, message, action, None, next_step)


def store(
    scan: Scan,
    verdict: Verdict,
    message: Message,
    action: Action | None,
    rejection: Rejection | None,
    next_step: Message | None,
) -> ScanResult:
    details: dict[str, Any] = {"message": dump_message(message)}
    if next_step is not None:
        details["next"] = dump_message(next_step)
    if scan.values:
        details["values"] = {k: json_value(v) for k, v in scan.values.items()}
    override = getattr(scan.actor, "override_by", None) if scan.actor else None
    event = ScanEvent(
        event_id=scan.event_id,
        at=scan.at,
        station=scan.station.code,
        username=scan.operator,
        user_id=scan.actor.user_id if scan.actor else None,
        code=scan.code[:128],
        item_id=scan.item.id if scan.item is not None and scan.item.id else None,
        verdict=verdict.value,
        action=action.value if action else None,
        rejection=rejection.value if rejection else None,
        message=message.render(),
        details=json.dumps(details, sort_keys=True, ensure_ascii=False),
        override_by=override,
    )
    scan.session.add(event)
    scan.session.flush()
    return result_of(event)


def tell_production(scan: Scan, unit: Item, passed: bool) -> None:
    """Tell production that a unit was completed here, in the scan's unit of work."""
    previous = scan.session.scalar(
        select(func.max(ScanEvent.at)).where(
            ScanEvent.station == scan.station.code,
            ScanEvent.action.in_([a.value for a in COMPLETING]),
            ScanEvent.at > scan.at - timedelta(minutes=10),
        )
    )
    cycle = (scan.at - previous).total_seconds() if previous is not None else None
    record_unit_completed(scan.session, scan.station.code, unit.business_id, passed, cycle, scan.at)
