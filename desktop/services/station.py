"""Station operation: every scan validated, recorded (accepted or rejected) and committed before
the verdict is shown.

A rejection is a result, not an error: it is stored as a rejected scan (who, what, why) in the
same unit of work that found it, and the station shows it in red. Errors are kept for what is not
the operator's doing: an unknown station, a refused permission, and a database that cannot store
(read-only, full disk), which the operations kernel turns into a `StorageFailure` alarm (told by
the database's error code, `desktop.services.storage_failures`): nothing is acknowledged that was
not stored.

Weights convert only between units of mass (`hardware.units`, the balances' own table): a
balance, a recipe or a lot in units that do not convert is refused (`Rejection.UNIT`), never
taken as if it were in the other unit.

Each scan carries a UUID (`event_id`); the same UUID again (a retry after a timeout) returns the
stored verdict and records nothing new. The same code at the same station within
`DUPLICATE_WINDOW_S` seconds records no second business record.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.orm import Session

from desktop.domain.genealogy import (
    LOT_KINDS,
    ItemKind,
    ItemStatus,
    convert_quantity,
    effective_status,
)
from desktop.domain.messages import (
    QT_TRANSLATE_NOOP,
    Message,
    NotFoundError,
)
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.domain.station import (
    ADDITION_WORD,
    DEFAULT_ROUTES,
    DUPLICATE_WINDOW_S,
    FILL,
    FILL_WORD,
    OUTPUT_MATERIAL,
    PROGRAMS,
    Action,
    Mode,
    Rejection,
    StationProgram,
    ToleranceCheck,
    Verdict,
    instruction,
    route_position,
)
from desktop.services import security
from desktop.services.actor import Actor
from desktop.services.genealogy import PENDING_STATES, blocking_hold, visible_items
from desktop.services.production import record_unit_completed
from desktop.services.storage_failures import (  # re-exported: older callers import it here
    StorageFailure as StorageFailure,
)
from desktop.storage.models.genealogy import (
    GenealogyLink,
    ImportRun,
    Item,
    ItemHold,
    Recipe,
    Route,
    RouteStep,
    ScanEvent,
    StationLoad,
)
from desktop.storage.models.plant import Station

NEW_ID_PREFIX = {
    ItemKind.CELL: "CELL-",
    ItemKind.MODULE: "MOD-",
    ItemKind.PACK: "PACK-",
    ItemKind.INTERMEDIATE: "LOT-",
}
RECENT = 20
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


@dataclass(frozen=True)
class LoadedLot:
    id: str
    material: str
    remaining: Decimal
    unit: str
    status: str


@dataclass(frozen=True)
class StationState:
    """What the station page shows besides the verdict: the step, the loads, the container."""

    station: str
    name: str
    station_type: str
    mode: str
    weighs: bool
    instruction: Message
    loaded: list[LoadedLot]
    container: str | None = None
    container_count: int = 0
    container_size: int = 0
    products: list[str] = field(default_factory=list)
    recent: list[ScanResult] = field(default_factory=list)


class _Rejected(Exception):
    """Raised inside validation; becomes a stored rejected scan."""

    def __init__(self, rejection: Rejection, template: str, **params: Any) -> None:
        super().__init__(template)
        self.rejection = rejection
        self.message = Message(template, params)
        self.details: dict[str, Any] = {}


# -- messages stored with scans ----------------------------------------------------------------


def _dump(message: Message) -> dict[str, Any]:
    return {
        "template": message.template,
        "params": {
            k: _dump(v) if isinstance(v, Message) else _json_value(v)
            for k, v in message.params.items()
        },
    }


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)


def _load(data: dict[str, Any]) -> Message:
    params = {
        k: _load(v) if isinstance(v, dict) and "template" in v else v
        for k, v in data.get("params", {}).items()
    }
    return Message(data["template"], params)


def _result(event: ScanEvent) -> ScanResult:
    details = json.loads(event.details or "{}")
    message = _load(details["message"]) if "message" in details else Message(event.message)
    next_step = _load(details["next"]) if "next" in details else None
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


# -- look-ups ----------------------------------------------------------------------------------


def _station(session: Session, code: str) -> tuple[Station, StationProgram]:
    station = session.scalar(select(Station).where(Station.code == code))
    if station is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "Unknown station: {station}"), station=code
        )
    return station, PROGRAMS[station.station_type_code]


def route_for(session: Session, kind: str, material: str | None = None) -> tuple[str, ...]:
    """The station types a unit of `kind` passes: its material's route, the kind's route, or
    the default (one query: the steps of the matching routes, the material's first)."""
    rows = session.execute(
        select(Route.id, RouteStep.station_type)
        .join(RouteStep, RouteStep.route_id == Route.id)
        .where(
            Route.kind == kind,
            Route.active,
            or_(Route.material.is_(None), Route.material == material),
        )
        .order_by(Route.material.is_(None), Route.code, RouteStep.position)
    ).all()
    if not rows:
        return DEFAULT_ROUTES.get(kind, ())
    first = rows[0][0]
    return tuple(step for route_id, step in rows if route_id == first)


def _recipe(session: Session, station_type: str, product: str, parameter: str) -> Recipe | None:
    return session.scalar(
        select(Recipe).where(
            Recipe.station_type == station_type,
            Recipe.product == product,
            Recipe.parameter == parameter,
        )
    )


def _loads(
    session: Session, station: str, role: str = "material"
) -> list[tuple[StationLoad, Item]]:
    return list(
        session.execute(
            select(StationLoad, Item)
            .join(Item, Item.id == StationLoad.item_id)
            .where(
                StationLoad.station == station,
                StationLoad.role == role,
                StationLoad.unloaded_at.is_(None),
            )
            .order_by(StationLoad.loaded_at, StationLoad.id)
        ).all()
    )


def _children(session: Session, item_id: int) -> int:
    return session.scalar(
        select(func.count()).select_from(GenealogyLink).where(GenealogyLink.child_id == item_id)
    )


def products(session: Session, station_type: str) -> list[str]:
    """The products this station type has recipes for (the page's product choice)."""
    return list(
        session.scalars(
            select(Recipe.product)
            .where(Recipe.station_type == station_type)
            .distinct()
            .order_by(Recipe.product)
        )
    )


# -- checks ------------------------------------------------------------------------------------


def _any_hold(session: Session) -> bool:
    """Whether any hold is active in the plant (cached for the scan's unit of work)."""
    cached = session.info.get("linedesk_any_hold")
    if cached is None:
        cached = bool(session.scalar(select(exists().where(ItemHold.released_at.is_(None)))))
        session.info["linedesk_any_hold"] = cached
    return cached


def _check_usable(session: Session, item: Item) -> None:
    """Not consumed, scrapped or empty, and neither it nor any ancestor on hold."""
    if item.status == ItemStatus.SCRAPPED:
        raise _Rejected(
            Rejection.SCRAPPED,
            QT_TRANSLATE_NOOP("Messages", "{id} is scrapped"),
            id=item.business_id,
        )
    if item.status in (ItemStatus.CONSUMED, ItemStatus.SHIPPED) or item.remaining <= 0:
        if item.kind in LOT_KINDS:
            raise _Rejected(
                Rejection.EMPTY,
                QT_TRANSLATE_NOOP("Messages", "Lot {id} is empty"),
                id=item.business_id,
            )
        raise _Rejected(
            Rejection.CONSUMED,
            QT_TRANSLATE_NOOP("Messages", "{id} is used already (consumed or shipped)"),
            id=item.business_id,
        )
    hold = blocking_hold(session, item.id) if _any_hold(session) else None
    if hold is not None:
        if hold.item == item.business_id:
            raise _Rejected(
                Rejection.ON_HOLD,
                QT_TRANSLATE_NOOP("Messages", "{id} is on hold: {reason}"),
                id=item.business_id,
                reason=hold.reason,
            )
        raise _Rejected(
            Rejection.ON_HOLD,
            QT_TRANSLATE_NOOP(
                "Messages", "{id} is blocked: it is made from {held}, on hold: {reason}"
            ),
            id=item.business_id,
            held=hold.item,
            reason=hold.reason,
        )


def _check_route(session: Session, item: Item, station_type: str) -> int | None:
    """The route position this station completes for `item`; refuses a skipped or repeated
    step. Units without a tracked position (imported) are not checked."""
    route = route_for(session, item.kind, item.material)
    position = route_position(route, station_type)
    if position is None:
        raise _Rejected(
            Rejection.WRONG_KIND,
            QT_TRANSLATE_NOOP("Messages", "A {kind}'s route does not pass {station_type}"),
            kind=item.kind,
            station_type=station_type,
        )
    done = item.route_position
    if done is None:
        return position
    if position <= done:
        raise _Rejected(
            Rejection.STEP_REPEATED,
            QT_TRANSLATE_NOOP("Messages", "{id} has passed {station_type} already"),
            id=item.business_id,
            station_type=station_type,
        )
    if position > done + 1:
        raise _Rejected(
            Rejection.STEP_SKIPPED,
            QT_TRANSLATE_NOOP("Messages", "{id} skipped a step: it must pass {missing} first"),
            id=item.business_id,
            missing=route[done],
        )
    return position


def _wrong_kind(item: Item, expected: str) -> _Rejected:
    return _Rejected(
        Rejection.WRONG_KIND,
        QT_TRANSLATE_NOOP(
            "Messages", "{id} is a {kind} ({material}); this step takes a {expected}"
        ),
        id=item.business_id,
        kind=item.kind,
        material=item.material,
        expected=expected,
    )


def _unknown(code: str) -> _Rejected:
    return _Rejected(
        Rejection.UNKNOWN_ID,
        QT_TRANSLATE_NOOP("Messages", "Unknown lot or serial number: {id}"),
        id=code,
    )


# -- recording ---------------------------------------------------------------------------------


@dataclass
class _Scan:
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


def _put_on_station(scan: _Scan, item_id: int, role: str) -> None:
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


def _store(
    scan: _Scan,
    verdict: Verdict,
    message: Message,
    action: Action | None,
    rejection: Rejection | None,
    next_step: Message | None,
) -> ScanResult:
    details: dict[str, Any] = {"message": _dump(message)}
    if next_step is not None:
        details["next"] = _dump(next_step)
    if scan.values:
        details["values"] = {k: _json_value(v) for k, v in scan.values.items()}
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
    return _result(event)


def _completed(scan: _Scan, unit: Item, passed: bool) -> None:
    """Tell production (issue 6) that a unit was completed here, in the scan's unit of work."""
    previous = scan.session.scalar(
        select(func.max(ScanEvent.at)).where(
            ScanEvent.station == scan.station.code,
            ScanEvent.action.in_([a.value for a in COMPLETING]),
            ScanEvent.at > scan.at - timedelta(minutes=10),
        )
    )
    cycle = (scan.at - previous).total_seconds() if previous is not None else None
    record_unit_completed(scan.session, scan.station.code, unit.business_id, passed, cycle, scan.at)


def _begin(
    session: Session,
    actor: Actor | None,
    station_code: str,
    code: str,
    event_id: str | None,
    at: datetime | None,
) -> tuple[_Scan, ScanResult | None]:
    """Common start of every scan: the station, a retried UUID, the operator, duplicates."""
    if actor is not None:
        actor.require(Permission.OPERATE_STATION)
    station, program = _station(session, station_code)
    scan = _Scan(
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
        return scan, _result(stored)
    return scan, None


def _validate_common(scan: _Scan, duplicate_check: bool = True) -> None:
    if scan.actor is None:
        raise _Rejected(
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
            raise _Rejected(
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
            raise _Rejected(
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
    scan, stored = _begin(session, actor, station, code, event_id, at)
    if stored is not None:
        return stored
    try:
        _validate_common(scan)
        handler = _HANDLERS[scan.program.mode]
        return handler(scan, product)
    except _Rejected as rejected:
        scan.values.update(rejected.details)
        return _store(scan, Verdict.NOK, rejected.message, None, rejected.rejection, None)


def _load_lot(scan: _Scan, lot: Item) -> ScanResult:
    program = scan.program
    if program.loads is not None and lot.material not in program.loads:
        raise _Rejected(
            Rejection.WRONG_KIND,
            QT_TRANSLATE_NOOP("Messages", "{id} is {material}; this station loads {expected}"),
            id=lot.business_id,
            material=lot.material,
            expected=", ".join(program.loads),
        )
    _check_usable(scan.session, lot)
    for load, other in _loads(scan.session, scan.station.code):
        if other.id == lot.id:
            raise _Rejected(
                Rejection.DUPLICATE,
                QT_TRANSLATE_NOOP("Messages", "{id} is loaded already"),
                id=lot.business_id,
            )
        if other.material == lot.material:
            load.unloaded_at = scan.at  # a new lot of the same material replaces the old one
    _put_on_station(scan, lot.id, "material")
    scan.session.flush()
    return _store(
        scan,
        Verdict.OK,
        Message(
            QT_TRANSLATE_NOOP("Messages", "{id} loaded: {material}, {remaining} {unit} left"),
            {
                "id": lot.business_id,
                "material": lot.material,
                "remaining": format(lot.remaining.normalize(), "f"),
                "unit": lot.unit,
            },
        ),
        Action.LOADED,
        None,
        _instruction(scan.session, scan.station, scan.program),
    )


def _default_product(scan: _Scan, product: str | None) -> str:
    if product:
        return product
    known = products(scan.session, scan.program.station_type)
    if known:
        return known[0]
    if scan.program.makes is ItemKind.CELL:
        return "cell"
    return scan.program.station_type


def _make(scan: _Scan, product: str | None) -> ScanResult:
    """Coating, calendering, slitting, stacking: a lot scanned is loaded; a new id is made."""
    program = scan.program
    item = scan.item
    if item is not None:
        if item.kind in LOT_KINDS:
            return _load_lot(scan, item)
        if item.kind == program.makes:
            raise _Rejected(
                Rejection.EXISTS,
                QT_TRANSLATE_NOOP(
                    "Messages", "{id} exists already: it was made on {at} at {station}"
                ),
                id=item.business_id,
                at=item.created_at.isoformat(sep=" ", timespec="seconds"),
                station=item.station or "",
            )
        raise _wrong_kind(item, program.makes.value if program.makes else "lot")
    makes = program.makes or ItemKind.INTERMEDIATE
    if not scan.code.startswith(NEW_ID_PREFIX[makes]):
        raise _unknown(scan.code)
    loaded = _loads(scan.session, scan.station.code)
    if program.loads:
        have = {lot.material for _l, lot in loaded}
        missing = [m for m in program.loads if m not in have]
        if missing:
            raise _Rejected(
                Rejection.NOT_LOADED,
                QT_TRANSLATE_NOOP("Messages", "Load {materials} first"),
                materials=", ".join(missing),
            )
    elif not loaded:
        raise _Rejected(Rejection.NOT_LOADED, QT_TRANSLATE_NOOP("Messages", "Load a lot first"))
    if makes is ItemKind.INTERMEDIATE:
        electrode = next(
            (
                lot.material.split()[0]
                for _l, lot in loaded
                if lot.material.split()[0] in ("cathode", "anode")
            ),
            "",
        )
        material = f"{electrode} {OUTPUT_MATERIAL.get(program.station_type, 'lot')}".strip()
    else:
        material = _default_product(scan, product)
    # How much each loaded lot gives: the recipe's quantity, or a whole intermediate roll.
    recipes = {
        r.parameter: r
        for r in scan.session.scalars(
            select(Recipe).where(
                Recipe.station_type == program.station_type, Recipe.product == material
            )
        )
    }
    takes: list[tuple[Item, Decimal]] = []
    for _load_row, lot in loaded:
        _check_usable(scan.session, lot)
        recipe = recipes.get(lot.material)
        if recipe is not None:
            amount = _in_lot_unit(recipe.target, recipe.unit, lot)
        elif lot.kind == ItemKind.INTERMEDIATE and makes is ItemKind.INTERMEDIATE:
            amount = lot.remaining
        else:
            raise _Rejected(
                Rejection.NO_RECIPE,
                QT_TRANSLATE_NOOP(
                    "Messages", "No recipe says how much {material} a {product} takes"
                ),
                material=lot.material,
                product=material,
            )
        if amount > lot.remaining:
            raise _Rejected(
                Rejection.EMPTY,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Lot {id} has {remaining} {unit} left, {needed} are needed: load a new one",
                ),
                id=lot.business_id,
                remaining=format(lot.remaining.normalize(), "f"),
                unit=lot.unit,
                needed=format(amount.normalize(), "f"),
            )
        takes.append((lot, amount))
    if makes in (ItemKind.CELL, ItemKind.MODULE, ItemKind.PACK):
        quantity, unit = Decimal(1), "pcs"
        position = route_position(
            route_for(scan.session, makes.value, material), program.station_type
        )
    else:
        lengths = [a for lot, a in takes if lot.unit == "m"]
        quantity, unit = (lengths[0], "m") if lengths else (Decimal(1), "pcs")
        position = None
    made = scan.new_item(makes.value, material, quantity, unit, position)
    for lot, amount in takes:
        scan.link(lot, made, amount, lot.unit)
        scan.consume(lot, amount)
    scan.session.flush()
    if makes is not ItemKind.INTERMEDIATE:
        _completed(scan, made, True)
    return _store(
        scan,
        Verdict.OK,
        Message(
            QT_TRANSLATE_NOOP("Messages", "{id} made ({material})"),
            {"id": made.business_id, "material": material},
        ),
        Action.CREATED,
        None,
        instruction(
            "scan_load"
            if any(lot.status != ItemStatus.AVAILABLE for lot, _a in takes)
            else "scan_new_cell"
            if makes is ItemKind.CELL
            else "scan_new_lot"
        ),
    )


def _pass(scan: _Scan, product: str | None) -> ScanResult:
    """Filling, formation, grading: a unit passes its route step; filling weighs it first."""
    program = scan.program
    item = scan.item
    if item is None:
        raise _unknown(scan.code)
    if item.kind in LOT_KINDS and program.loads:
        return _load_lot(scan, item)
    if item.kind != program.passes:
        raise _wrong_kind(item, program.passes.value if program.passes else "")
    _check_usable(scan.session, item)
    position = _check_route(scan.session, item, program.station_type)
    if program.loads:
        have = {lot.material for _l, lot in _loads(scan.session, scan.station.code)}
        missing = [m for m in program.loads if m not in have]
        if missing:
            raise _Rejected(
                Rejection.NOT_LOADED,
                QT_TRANSLATE_NOOP("Messages", "Load {materials} first"),
                materials=", ".join(missing),
            )
    if program.weighs:
        recipe = _recipe(scan.session, program.station_type, item.material, FILL)
        if recipe is None:
            raise _Rejected(
                Rejection.NO_RECIPE,
                QT_TRANSLATE_NOOP("Messages", "No fill recipe for {material}"),
                material=item.material,
            )
        return _store(
            scan,
            Verdict.OK,
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "{id} accepted: fill {target} +/- {tolerance} {unit}"
                ),
                {
                    "id": item.business_id,
                    "target": format(recipe.target.normalize(), "f"),
                    "tolerance": format(recipe.tolerance.normalize(), "f"),
                    "unit": recipe.unit,
                },
            ),
            Action.CHECKED,
            None,
            instruction("weigh_before"),
        )
    item.route_position = position
    item.last_station = scan.station.code
    _completed(scan, item, True)
    return _store(
        scan,
        Verdict.OK,
        Message(
            QT_TRANSLATE_NOOP("Messages", "{id} passed {station_type}"),
            {"id": item.business_id, "station_type": program.station_type},
        ),
        Action.PASSED,
        None,
        _instruction(scan.session, scan.station, program),
    )


def _assemble(scan: _Scan, product: str | None) -> ScanResult:
    """Module and pack assembly: open a container, then consume units into it."""
    program = scan.program
    assert program.assembles is not None and program.makes is not None
    child_kind, size = program.assembles
    open_rows = _loads(scan.session, scan.station.code, "container")
    container = open_rows[0][1] if open_rows else None
    item = scan.item
    if container is None:
        if item is None:
            if not scan.code.startswith(NEW_ID_PREFIX[program.makes]):
                raise _unknown(scan.code)
            material = _default_product(scan, product)
            if material == program.station_type:
                material = "M64 module" if program.makes is ItemKind.MODULE else "P52 pack"
            position = route_position(
                route_for(scan.session, program.makes.value, material), program.station_type
            )
            container = scan.new_item(program.makes.value, material, Decimal(1), "pcs", position)
        elif item.kind == program.makes and item.status == ItemStatus.AVAILABLE:
            if _children(scan.session, item.id) >= size:
                raise _Rejected(
                    Rejection.EXISTS,
                    QT_TRANSLATE_NOOP("Messages", "{id} is complete already"),
                    id=item.business_id,
                )
            container = item
        else:
            raise _wrong_kind(item, program.makes.value)
        _put_on_station(scan, container.id, "container")
        scan.session.flush()
        count = _children(scan.session, container.id)
        return _store(
            scan,
            Verdict.OK,
            Message(QT_TRANSLATE_NOOP("Messages", "{id} opened"), {"id": container.business_id}),
            Action.OPENED,
            None,
            instruction("scan_child", kind=child_kind.value, number=count + 1, total=size),
        )
    if item is None:
        raise _unknown(scan.code)
    if item.id == container.id:
        raise _Rejected(
            Rejection.DUPLICATE,
            QT_TRANSLATE_NOOP("Messages", "{id} is open already"),
            id=item.business_id,
        )
    if item.kind != child_kind:
        raise _wrong_kind(item, child_kind.value)
    _check_usable(scan.session, item)
    position = _check_route(scan.session, item, program.station_type)
    scan.link(item, container, Decimal(1), "pcs")
    scan.consume(item, item.remaining)
    item.route_position = position
    scan.session.flush()
    count = _children(scan.session, container.id)
    if count >= size:
        for load, _item in open_rows:
            load.unloaded_at = scan.at
        container.last_station = scan.station.code
        scan.item = container
        _completed(scan, container, True)
        return _store(
            scan,
            Verdict.OK,
            Message(
                QT_TRANSLATE_NOOP("Messages", "{id} complete: {count} {kind}s"),
                {"id": container.business_id, "count": count, "kind": child_kind.value},
            ),
            Action.COMPLETED,
            None,
            instruction("scan_container", kind=program.makes.value),
        )
    return _store(
        scan,
        Verdict.OK,
        Message(
            QT_TRANSLATE_NOOP("Messages", "{id} into {container} ({count} of {total})"),
            {
                "id": item.business_id,
                "container": container.business_id,
                "count": count,
                "total": size,
            },
        ),
        Action.CONSUMED,
        None,
        instruction("scan_child", kind=child_kind.value, number=count + 1, total=size),
    )


def _mix(scan: _Scan, product: str | None) -> ScanResult:
    """Mixing: open a slurry batch, then weighed additions of powder lots; the batch id again
    closes it."""
    open_rows = _loads(scan.session, scan.station.code, "container")
    batch = open_rows[0][1] if open_rows else None
    item = scan.item
    if batch is None:
        if item is not None:
            raise _wrong_kind(item, "new slurry batch")
        if not scan.code.startswith(NEW_ID_PREFIX[ItemKind.INTERMEDIATE]):
            raise _unknown(scan.code)
        material = _default_product(scan, product)
        batch = scan.new_item(ItemKind.INTERMEDIATE.value, material, Decimal(0), "kg", None)
        _put_on_station(scan, batch.id, "container")
        return _store(
            scan,
            Verdict.OK,
            Message(
                QT_TRANSLATE_NOOP("Messages", "Batch {id} opened ({material})"),
                {"id": batch.business_id, "material": material},
            ),
            Action.OPENED,
            None,
            instruction("scan_powder"),
        )
    if item is None:
        raise _unknown(scan.code)
    if item.id == batch.id:
        for load, _item in open_rows:
            load.unloaded_at = scan.at
        return _store(
            scan,
            Verdict.OK,
            Message(
                QT_TRANSLATE_NOOP("Messages", "Batch {id} closed: {quantity} kg"),
                {"id": batch.business_id, "quantity": format(batch.quantity.normalize(), "f")},
            ),
            Action.COMPLETED,
            None,
            instruction("scan_batch"),
        )
    if item.kind not in LOT_KINDS:
        raise _wrong_kind(item, "lot")
    _check_usable(scan.session, item)
    recipe = _recipe(scan.session, "mixing", batch.material, item.material)
    if recipe is None:
        raise _Rejected(
            Rejection.WRONG_KIND,
            QT_TRANSLATE_NOOP("Messages", "{material} is not in the recipe of {product}"),
            material=item.material,
            product=batch.material,
        )
    return _store(
        scan,
        Verdict.OK,
        Message(
            QT_TRANSLATE_NOOP("Messages", "{id} accepted: add {target} +/- {tolerance} {unit}"),
            {
                "id": item.business_id,
                "target": format(recipe.target.normalize(), "f"),
                "tolerance": format(recipe.tolerance.normalize(), "f"),
                "unit": recipe.unit,
            },
        ),
        Action.CHECKED,
        None,
        instruction("weigh_addition", material=item.material),
    )


_HANDLERS: dict[Mode, Callable[[_Scan, str | None], ScanResult]] = {
    Mode.MAKE: _make,
    Mode.PASS: _pass,
    Mode.ASSEMBLE: _assemble,
    Mode.MIX: _mix,
}


def _weight(value: Decimal, unit: str, to_unit: str) -> Decimal:
    """A balance reading in the recipe's unit; refused when the two do not convert."""
    converted = convert_quantity(value, unit, to_unit)
    if converted is None:
        raise _Rejected(
            Rejection.UNIT,
            QT_TRANSLATE_NOOP("Messages", "The balance weighs in {unit}, the recipe in {other}"),
            unit=unit,
            other=to_unit,
        )
    return converted


def _in_lot_unit(quantity: Decimal, unit: str, lot: Item) -> Decimal:
    """`quantity` (in `unit`) in the unit the lot is counted in; refused when they do not
    convert, so kilograms are never taken from a lot as if they were metres."""
    converted = convert_quantity(quantity, unit, lot.unit)
    if converted is None:
        raise _Rejected(
            Rejection.UNIT,
            QT_TRANSLATE_NOOP(
                "Messages", "Lot {id} is counted in {lot_unit}, which {unit} does not convert to"
            ),
            id=lot.business_id,
            lot_unit=lot.unit,
            unit=unit,
        )
    return converted


def record_fill(
    session: Session,
    actor: Actor | None,
    station: str,
    code: str,
    before: Decimal,
    after: Decimal,
    unit: str,
    *,
    stable: bool = True,
    event_id: str | None = None,
    at: datetime | None = None,
) -> ScanResult:
    """Electrolyte filling: fill = after - before against the cell design's target and
    tolerance; OK links the electrolyte lot to the cell for the fill weight and passes the step.
    Out of tolerance is NOK with the numbers; the cell does not pass."""
    scan, stored = _begin(session, actor, station, code, event_id, at)
    if stored is not None:
        return stored
    try:
        _validate_common(scan, duplicate_check=False)
        program = scan.program
        item = scan.item
        if program.station_type != "filling":
            raise _Rejected(
                Rejection.WRONG_KIND,
                QT_TRANSLATE_NOOP("Messages", "This station does not fill cells"),
            )
        if item is None:
            raise _unknown(scan.code)
        if item.kind != ItemKind.CELL:
            raise _wrong_kind(item, "cell")
        if not stable:
            raise _Rejected(
                Rejection.UNSTABLE,
                QT_TRANSLATE_NOOP("Messages", "Only a stable weight counts: wait for the balance"),
            )
        _check_usable(session, item)
        position = _check_route(session, item, program.station_type)
        recipe = _recipe(session, program.station_type, item.material, FILL)
        if recipe is None:
            raise _Rejected(
                Rejection.NO_RECIPE,
                QT_TRANSLATE_NOOP("Messages", "No fill recipe for {material}"),
                material=item.material,
            )
        electrolyte = [
            lot
            for _l, lot in _loads(session, scan.station.code)
            if lot.material in (program.loads or ())
        ]
        if not electrolyte:
            raise _Rejected(
                Rejection.NOT_LOADED,
                QT_TRANSLATE_NOOP("Messages", "Load {materials} first"),
                materials=", ".join(program.loads or ()),
            )
        check = ToleranceCheck(
            _weight(after, unit, recipe.unit) - _weight(before, unit, recipe.unit),
            recipe.target,
            recipe.tolerance,
            recipe.unit,
        )
        scan.values.update(
            before=before,
            after=after,
            weighed_in=unit,
            fill=check.measured,
            target=check.target,
            tolerance=check.tolerance,
            unit=recipe.unit,
        )
        if not check.ok:
            item.last_station = scan.station.code
            _completed(scan, item, False)
            raise _Rejected(
                Rejection.OUT_OF_TOLERANCE,
                check.message(FILL_WORD).template,
                **check.message(FILL_WORD).params,
            )
        lot = electrolyte[0]
        _check_usable(session, lot)
        amount = _in_lot_unit(check.measured, recipe.unit, lot)
        if amount > lot.remaining:
            raise _Rejected(
                Rejection.EMPTY,
                QT_TRANSLATE_NOOP("Messages", "Lot {id} is empty"),
                id=lot.business_id,
            )
        scan.link(lot, item, check.measured, recipe.unit)
        scan.consume(lot, amount)
        item.route_position = position
        item.last_station = scan.station.code
        session.flush()
        _completed(scan, item, True)
        return _store(
            scan,
            Verdict.OK,
            check.message(FILL_WORD),
            Action.FILLED,
            None,
            instruction("scan_cell"),
        )
    except _Rejected as rejected:
        return _store(scan, Verdict.NOK, rejected.message, None, rejected.rejection, None)


def record_addition(
    session: Session,
    actor: Actor | None,
    station: str,
    code: str,
    weight: Decimal,
    unit: str,
    *,
    stable: bool = True,
    event_id: str | None = None,
    at: datetime | None = None,
) -> ScanResult:
    """Mixing: one weighed addition of a powder lot into the open batch, checked against the
    recipe's target and tolerance; OK consumes it from the lot into the batch."""
    scan, stored = _begin(session, actor, station, code, event_id, at)
    if stored is not None:
        return stored
    try:
        _validate_common(scan, duplicate_check=False)
        if scan.program.mode is not Mode.MIX:
            raise _Rejected(
                Rejection.WRONG_KIND, QT_TRANSLATE_NOOP("Messages", "This station does not mix")
            )
        open_rows = _loads(session, scan.station.code, "container")
        if not open_rows:
            raise _Rejected(
                Rejection.NO_CONTAINER, QT_TRANSLATE_NOOP("Messages", "Scan the slurry batch first")
            )
        batch = open_rows[0][1]
        lot = scan.item
        if lot is None:
            raise _unknown(scan.code)
        if not stable:
            raise _Rejected(
                Rejection.UNSTABLE,
                QT_TRANSLATE_NOOP("Messages", "Only a stable weight counts: wait for the balance"),
            )
        _check_usable(session, lot)
        recipe = _recipe(session, "mixing", batch.material, lot.material)
        if recipe is None:
            raise _Rejected(
                Rejection.WRONG_KIND,
                QT_TRANSLATE_NOOP("Messages", "{material} is not in the recipe of {product}"),
                material=lot.material,
                product=batch.material,
            )
        check = ToleranceCheck(
            _weight(weight, unit, recipe.unit), recipe.target, recipe.tolerance, recipe.unit
        )
        scan.values.update(
            weight=weight,
            weighed_in=unit,
            target=recipe.target,
            tolerance=recipe.tolerance,
            unit=recipe.unit,
        )
        if not check.ok:
            raise _Rejected(
                Rejection.OUT_OF_TOLERANCE,
                check.message(ADDITION_WORD).template,
                **check.message(ADDITION_WORD).params,
            )
        amount = _in_lot_unit(check.measured, recipe.unit, lot)
        if amount > lot.remaining:
            raise _Rejected(
                Rejection.EMPTY,
                QT_TRANSLATE_NOOP("Messages", "Lot {id} has {remaining} {unit} left"),
                id=lot.business_id,
                remaining=format(lot.remaining.normalize(), "f"),
                unit=lot.unit,
            )
        added = _in_lot_unit(check.measured, recipe.unit, batch)
        scan.link(lot, batch, check.measured, recipe.unit)
        scan.consume(lot, amount)
        batch.quantity = batch.quantity + added
        batch.remaining = batch.remaining + added
        session.flush()
        return _store(
            scan,
            Verdict.OK,
            check.message(ADDITION_WORD),
            Action.ADDED,
            None,
            instruction("scan_powder"),
        )
    except _Rejected as rejected:
        return _store(scan, Verdict.NOK, rejected.message, None, rejected.rejection, None)


def unload(session: Session, actor: Actor, station: str, code: str) -> None:
    """Take a lot off a station (or abandon an open container)."""
    actor.require(Permission.OPERATE_STATION)
    _station(session, station)
    item = session.scalar(select(Item).where(Item.business_id == code.strip(), visible_items()))
    if item is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "Unknown lot or serial number: {id}"), id=code
        )
    session.execute(
        update(StationLoad)
        .where(
            StationLoad.station == station,
            StationLoad.item_id == item.id,
            StationLoad.unloaded_at.is_(None),
        )
        .values(unloaded_at=utc_now())
    )


def _instruction(session: Session, station: Station, program: StationProgram) -> Message:
    if program.mode is Mode.ASSEMBLE:
        assert program.assembles is not None and program.makes is not None
        rows = _loads(session, station.code, "container")
        if not rows:
            return instruction("scan_container", kind=program.makes.value)
        kind, size = program.assembles
        return instruction(
            "scan_child", kind=kind.value, number=_children(session, rows[0][1].id) + 1, total=size
        )
    if program.mode is Mode.MIX:
        rows = _loads(session, station.code, "container")
        return instruction("scan_powder" if rows else "scan_batch")
    loaded = {lot.material for _l, lot in _loads(session, station.code)}
    if program.loads and not set(program.loads) <= loaded:
        return instruction("scan_load")
    if program.loads is None and not loaded:
        return instruction("scan_load")
    if program.mode is Mode.PASS:
        return instruction("scan_cell")
    if program.makes is ItemKind.CELL:
        return instruction("scan_new_cell")
    return instruction("scan_new_lot")


def recent_scans(session: Session, station: str, limit: int = RECENT) -> list[ScanResult]:
    events = session.scalars(
        select(ScanEvent)
        .where(ScanEvent.station == station)
        .order_by(ScanEvent.at.desc(), ScanEvent.id.desc())
        .limit(limit)
    )
    return [_result(e) for e in events]


def station_state(session: Session, actor: Actor, station: str) -> StationState:
    actor.require(Permission.VIEW_PLANT)
    row, program = _station(session, station)
    loaded = [
        LoadedLot(
            lot.business_id,
            lot.material,
            lot.remaining,
            lot.unit,
            effective_status(lot.status, lot.held),
        )
        for _l, lot in _loads(session, station)
    ]
    containers = _loads(session, station, "container")
    container = containers[0][1] if containers else None
    size = program.assembles[1] if program.assembles else 0
    return StationState(
        station=row.code,
        name=row.name,
        station_type=row.station_type_code,
        mode=program.mode.value,
        weighs=program.weighs,
        instruction=_instruction(session, row, program),
        loaded=loaded,
        container=container.business_id if container else None,
        container_count=_children(session, container.id) if container else 0,
        container_size=size,
        products=products(session, program.station_type),
        recent=recent_scans(session, station),
    )


def station_operator(session: Session, username: str, station: str) -> Actor:
    """Who scans at a headless station (a PLC, a test rig: `linedesk station scan`): the user
    account `username` acting at `station`, built as the sign-in builds it.

    No secret is asked (whoever runs commands on the PC can open the database anyway, as for
    every command), but everything else the sign-in checks holds: the station and the user
    exist, the account is active, its role may operate a station, and an operator holds a
    valid certification for the station's type.
    """
    _station(session, station)
    user = security._user(session, username.strip().lower())
    if not user.active:
        raise security.SignInRefused(
            QT_TRANSLATE_NOOP("Messages", "{user} is no longer active; ask an administrator"),
            user=user.display_name,
        )
    actor = security._actor(user, station)
    actor.require(Permission.OPERATE_STATION)
    problem = security._certification_problem(session, user, station)
    if problem is not None:
        raise security.NotCertified(actor, problem)
    return actor
