"""What every station mode looks up and checks before it records anything: the station and its
program, routes and recipes, what is loaded, whether an item may be used, the route step, and the
units a weight or a quantity is in.

A failed check raises `Rejected` (desktop/services/station/scan.py): the pipeline stores it as a
rejected scan, so each check here says why in the operator's words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.genealogy import LOT_KINDS, ItemStatus, convert_quantity
from desktop.domain.messages import QT_TRANSLATE_NOOP, NotFoundError
from desktop.domain.station import (
    DEFAULT_ROUTES,
    FILL,
    PROGRAMS,
    Rejection,
    StationProgram,
    ToleranceCheck,
    route_position,
)
from desktop.services.genealogy import blocking_hold
from desktop.services.station.scan import Rejected
from desktop.storage.models.genealogy import (
    GenealogyLink,
    Item,
    ItemHold,
    Recipe,
    Route,
    RouteStep,
    StationLoad,
)
from desktop.storage.models.plant import Station

# -- look-ups ----------------------------------------------------------------------------------


def station_program(session: Session, code: str) -> tuple[Station, StationProgram]:
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


def find_recipe(session: Session, station_type: str, product: str, parameter: str) -> Recipe | None:
    return session.scalar(
        select(Recipe).where(
            Recipe.station_type == station_type,
            Recipe.product == product,
            Recipe.parameter == parameter,
        )
    )


def loads_at(
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


def children_of(session: Session, item_id: int) -> int:
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


def any_hold(session: Session) -> bool:
    """Whether any hold is active in the plant (cached for the scan's unit of work)."""
    cached = session.info.get("linedesk_any_hold")
    if cached is None:
        cached = bool(session.scalar(select(exists().where(ItemHold.released_at.is_(None)))))
        session.info["linedesk_any_hold"] = cached
    return cached


def check_usable(session: Session, item: Item) -> None:
    """Not consumed, scrapped or empty, and neither it nor any ancestor on hold."""
    if item.status == ItemStatus.SCRAPPED:
        raise Rejected(
            Rejection.SCRAPPED,
            QT_TRANSLATE_NOOP("Messages", "{id} is scrapped"),
            id=item.business_id,
        )
    if item.status in (ItemStatus.CONSUMED, ItemStatus.SHIPPED) or item.remaining <= 0:
        if item.kind in LOT_KINDS:
            raise empty_lot(item)
        raise Rejected(
            Rejection.CONSUMED,
            QT_TRANSLATE_NOOP("Messages", "{id} is used already (consumed or shipped)"),
            id=item.business_id,
        )
    hold = blocking_hold(session, item.id) if any_hold(session) else None
    if hold is not None:
        if hold.item == item.business_id:
            raise Rejected(
                Rejection.ON_HOLD,
                QT_TRANSLATE_NOOP("Messages", "{id} is on hold: {reason}"),
                id=item.business_id,
                reason=hold.reason,
            )
        raise Rejected(
            Rejection.ON_HOLD,
            QT_TRANSLATE_NOOP(
                "Messages", "{id} is blocked: it is made from {held}, on hold: {reason}"
            ),
            id=item.business_id,
            held=hold.item,
            reason=hold.reason,
        )


def check_route(session: Session, item: Item, station_type: str) -> int | None:
    """The route position this station completes for `item`; refuses a skipped or repeated
    step. Units without a tracked position (imported) are not checked."""
    route = route_for(session, item.kind, item.material)
    position = route_position(route, station_type)
    if position is None:
        raise Rejected(
            Rejection.WRONG_KIND,
            QT_TRANSLATE_NOOP("Messages", "A {kind}'s route does not pass {station_type}"),
            kind=item.kind,
            station_type=station_type,
        )
    done = item.route_position
    if done is None:
        return position
    if position <= done:
        raise Rejected(
            Rejection.STEP_REPEATED,
            QT_TRANSLATE_NOOP("Messages", "{id} has passed {station_type} already"),
            id=item.business_id,
            station_type=station_type,
        )
    if position > done + 1:
        raise Rejected(
            Rejection.STEP_SKIPPED,
            QT_TRANSLATE_NOOP("Messages", "{id} skipped a step: it must pass {missing} first"),
            id=item.business_id,
            missing=route[done],
        )
    return position


def wrong_kind(item: Item, expected: str) -> Rejected:
    return Rejected(
        Rejection.WRONG_KIND,
        QT_TRANSLATE_NOOP(
            "Messages", "{id} is a {kind} ({material}); this step takes a {expected}"
        ),
        id=item.business_id,
        kind=item.kind,
        material=item.material,
        expected=expected,
    )


def empty_lot(lot: Item) -> Rejected:
    return Rejected(
        Rejection.EMPTY, QT_TRANSLATE_NOOP("Messages", "Lot {id} is empty"), id=lot.business_id
    )


def unknown_id(code: str) -> Rejected:
    return Rejected(
        Rejection.UNKNOWN_ID,
        QT_TRANSLATE_NOOP("Messages", "Unknown lot or serial number: {id}"),
        id=code,
    )


def in_recipe_unit(value: Decimal, unit: str, to_unit: str) -> Decimal:
    """A balance reading in the recipe's unit; refused when the two do not convert."""
    converted = convert_quantity(value, unit, to_unit)
    if converted is None:
        raise Rejected(
            Rejection.UNIT,
            QT_TRANSLATE_NOOP("Messages", "The balance weighs in {unit}, the recipe in {other}"),
            unit=unit,
            other=to_unit,
        )
    return converted


def in_lot_unit(quantity: Decimal, unit: str, lot: Item) -> Decimal:
    """`quantity` (in `unit`) in the unit the lot is counted in; refused when they do not
    convert, so kilograms are never taken from a lot as if they were metres."""
    converted = convert_quantity(quantity, unit, lot.unit)
    if converted is None:
        raise Rejected(
            Rejection.UNIT,
            QT_TRANSLATE_NOOP(
                "Messages", "Lot {id} is counted in {lot_unit}, which {unit} does not convert to"
            ),
            id=lot.business_id,
            lot_unit=lot.unit,
            unit=unit,
        )
    return converted


def require_loaded(loaded: Iterable[str], materials: Sequence[str]) -> None:
    """Refuses a step while one of `materials` is not among the `loaded` lots' materials."""
    have = set(loaded)
    missing = [m for m in materials if m not in have]
    if missing:
        raise Rejected(
            Rejection.NOT_LOADED,
            QT_TRANSLATE_NOOP("Messages", "Load {materials} first"),
            materials=", ".join(missing),
        )


def out_of_tolerance(check: ToleranceCheck, word: str) -> Rejected:
    """A weighed step outside its recipe's tolerance, with the numbers (`word`: what it weighs)."""
    message = check.message(word)
    return Rejected(Rejection.OUT_OF_TOLERANCE, message.template, **message.params)


def require_stable(stable: bool) -> None:
    """Only a stable balance reading is a weight (the balance says when it has settled)."""
    if not stable:
        raise Rejected(
            Rejection.UNSTABLE,
            QT_TRANSLATE_NOOP("Messages", "Only a stable weight counts: wait for the balance"),
        )


def fill_recipe(session: Session, station_type: str, cell: Item) -> Recipe:
    """The electrolyte fill a cell of its design takes; refused when no recipe says."""
    recipe = find_recipe(session, station_type, cell.material, FILL)
    if recipe is None:
        raise Rejected(
            Rejection.NO_RECIPE,
            QT_TRANSLATE_NOOP("Messages", "No fill recipe for {material}"),
            material=cell.material,
        )
    return recipe


def mixing_recipe(session: Session, batch: Item, lot: Item) -> Recipe:
    """How much of `lot`'s powder the batch's product takes; refused when it takes none."""
    recipe = find_recipe(session, "mixing", batch.material, lot.material)
    if recipe is None:
        raise Rejected(
            Rejection.WRONG_KIND,
            QT_TRANSLATE_NOOP("Messages", "{material} is not in the recipe of {product}"),
            material=lot.material,
            product=batch.material,
        )
    return recipe
