"""The weighed steps: electrolyte filling (the cell weighed before and after) and mixing (each
powder addition weighed), each checked against its recipe's target and tolerance.

A weight counts only when the balance reports it stable, and only in a unit of mass that
converts to the recipe's (desktop/domain/genealogy.py `convert_quantity`).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from desktop.domain.genealogy import ItemKind
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.numbers import decimal_text
from desktop.domain.station import (
    ADDITION_WORD,
    FILL_WORD,
    Action,
    Mode,
    Rejection,
    ToleranceCheck,
    instruction,
)
from desktop.services.actor import Actor
from desktop.services.station.checks import (
    check_route,
    check_usable,
    empty_lot,
    fill_recipe,
    in_lot_unit,
    in_recipe_unit,
    loads_at,
    mixing_recipe,
    out_of_tolerance,
    require_stable,
    unknown_id,
    wrong_kind,
)
from desktop.services.station.pipeline import run_scan
from desktop.services.station.scan import (
    Rejected,
    Scan,
    ScanResult,
    accepted,
    tell_production,
)


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
    return run_scan(
        session,
        actor,
        station,
        code,
        event_id,
        at,
        lambda scan: _fill(scan, before, after, unit, stable),
        duplicate_check=False,
    )


def _fill(scan: Scan, before: Decimal, after: Decimal, unit: str, stable: bool) -> ScanResult:
    session = scan.session
    program = scan.program
    item = scan.item
    if program.station_type != "filling":
        raise Rejected(
            Rejection.WRONG_KIND,
            QT_TRANSLATE_NOOP("Messages", "This station does not fill cells"),
        )
    if item is None:
        raise unknown_id(scan.code)
    if item.kind != ItemKind.CELL:
        raise wrong_kind(item, "cell")
    require_stable(stable)
    check_usable(session, item)
    position = check_route(session, item, program.station_type)
    recipe = fill_recipe(session, program.station_type, item)
    electrolyte = [
        lot
        for _l, lot in loads_at(session, scan.station.code)
        if lot.material in (program.loads or ())
    ]
    if not electrolyte:
        raise Rejected(
            Rejection.NOT_LOADED,
            QT_TRANSLATE_NOOP("Messages", "Load {materials} first"),
            materials=", ".join(program.loads or ()),
        )
    check = ToleranceCheck(
        in_recipe_unit(after, unit, recipe.unit) - in_recipe_unit(before, unit, recipe.unit),
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
        tell_production(scan, item, False)
        raise out_of_tolerance(check, FILL_WORD)
    lot = electrolyte[0]
    check_usable(session, lot)
    amount = in_lot_unit(check.measured, recipe.unit, lot)
    if amount > lot.remaining:
        raise empty_lot(lot)
    scan.link(lot, item, check.measured, recipe.unit)
    scan.consume(lot, amount)
    item.route_position = position
    item.last_station = scan.station.code
    session.flush()
    tell_production(scan, item, True)
    return accepted(
        scan,
        check.message(FILL_WORD),
        Action.FILLED,
        instruction("scan_cell"),
    )


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
    return run_scan(
        session,
        actor,
        station,
        code,
        event_id,
        at,
        lambda scan: _addition(scan, weight, unit, stable),
        duplicate_check=False,
    )


def _addition(scan: Scan, weight: Decimal, unit: str, stable: bool) -> ScanResult:
    session = scan.session
    if scan.program.mode is not Mode.MIX:
        raise Rejected(
            Rejection.WRONG_KIND, QT_TRANSLATE_NOOP("Messages", "This station does not mix")
        )
    open_rows = loads_at(session, scan.station.code, "container")
    if not open_rows:
        raise Rejected(
            Rejection.NO_CONTAINER, QT_TRANSLATE_NOOP("Messages", "Scan the slurry batch first")
        )
    batch = open_rows[0][1]
    lot = scan.item
    if lot is None:
        raise unknown_id(scan.code)
    require_stable(stable)
    check_usable(session, lot)
    recipe = mixing_recipe(session, batch, lot)
    check = ToleranceCheck(
        in_recipe_unit(weight, unit, recipe.unit), recipe.target, recipe.tolerance, recipe.unit
    )
    scan.values.update(
        weight=weight,
        weighed_in=unit,
        target=recipe.target,
        tolerance=recipe.tolerance,
        unit=recipe.unit,
    )
    if not check.ok:
        raise out_of_tolerance(check, ADDITION_WORD)
    amount = in_lot_unit(check.measured, recipe.unit, lot)
    if amount > lot.remaining:
        raise Rejected(
            Rejection.EMPTY,
            QT_TRANSLATE_NOOP("Messages", "Lot {id} has {remaining} {unit} left"),
            id=lot.business_id,
            remaining=decimal_text(lot.remaining),
            unit=lot.unit,
        )
    added = in_lot_unit(check.measured, recipe.unit, batch)
    scan.link(lot, batch, check.measured, recipe.unit)
    scan.consume(lot, amount)
    batch.quantity = batch.quantity + added
    batch.remaining = batch.remaining + added
    session.flush()
    return accepted(
        scan,
        check.message(ADDITION_WORD),
        Action.ADDED,
        instruction("scan_powder"),
    )
