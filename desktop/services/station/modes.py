"""What a scan does at each kind of station (the station type's `Mode`,
desktop/domain/station.py): make a new unit or lot from the loaded lots, pass a unit through its
route step, assemble units into a module or pack, mix powders into a slurry batch.

A lot scanned at a station that consumes lots is loaded there first, whatever the mode.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sqlalchemy import select

from desktop.domain.genealogy import LOT_KINDS, ItemKind, ItemStatus
from desktop.domain.messages import QT_TRANSLATE_NOOP, Message
from desktop.domain.numbers import decimal_text
from desktop.domain.station import (
    OUTPUT_MATERIAL,
    Action,
    Mode,
    Rejection,
    instruction,
    route_position,
)
from desktop.services.station.checks import (
    check_route,
    check_usable,
    children_of,
    fill_recipe,
    in_lot_unit,
    loads_at,
    mixing_recipe,
    products,
    require_loaded,
    route_for,
    unknown_id,
    wrong_kind,
)
from desktop.services.station.scan import (
    Rejected,
    Scan,
    ScanResult,
    accepted,
    put_on_station,
    tell_production,
)
from desktop.services.station.state import next_instruction
from desktop.storage.models.genealogy import Item, Recipe

NEW_ID_PREFIX = {
    ItemKind.CELL: "CELL-",
    ItemKind.MODULE: "MOD-",
    ItemKind.PACK: "PACK-",
    ItemKind.INTERMEDIATE: "LOT-",
}


def load_lot(scan: Scan, lot: Item) -> ScanResult:
    program = scan.program
    if program.loads is not None and lot.material not in program.loads:
        raise Rejected(
            Rejection.WRONG_KIND,
            QT_TRANSLATE_NOOP("Messages", "{id} is {material}; this station loads {expected}"),
            id=lot.business_id,
            material=lot.material,
            expected=", ".join(program.loads),
        )
    check_usable(scan.session, lot)
    for load, other in loads_at(scan.session, scan.station.code):
        if other.id == lot.id:
            raise Rejected(
                Rejection.DUPLICATE,
                QT_TRANSLATE_NOOP("Messages", "{id} is loaded already"),
                id=lot.business_id,
            )
        if other.material == lot.material:
            load.unloaded_at = scan.at  # a new lot of the same material replaces the old one
    put_on_station(scan, lot.id, "material")
    scan.session.flush()
    return accepted(
        scan,
        Message(
            QT_TRANSLATE_NOOP("Messages", "{id} loaded: {material}, {remaining} {unit} left"),
            {
                "id": lot.business_id,
                "material": lot.material,
                "remaining": decimal_text(lot.remaining),
                "unit": lot.unit,
            },
        ),
        Action.LOADED,
        next_instruction(scan.session, scan.station, scan.program),
    )


def default_product(scan: Scan, product: str | None) -> str:
    if product:
        return product
    known = products(scan.session, scan.program.station_type)
    if known:
        return known[0]
    if scan.program.makes is ItemKind.CELL:
        return "cell"
    return scan.program.station_type


def make(scan: Scan, product: str | None) -> ScanResult:
    """Coating, calendering, slitting, stacking: a lot scanned is loaded; a new id is made."""
    program = scan.program
    item = scan.item
    if item is not None:
        if item.kind in LOT_KINDS:
            return load_lot(scan, item)
        if item.kind == program.makes:
            raise Rejected(
                Rejection.EXISTS,
                QT_TRANSLATE_NOOP(
                    "Messages", "{id} exists already: it was made on {at} at {station}"
                ),
                id=item.business_id,
                at=item.created_at.isoformat(sep=" ", timespec="seconds"),
                station=item.station or "",
            )
        raise wrong_kind(item, program.makes.value if program.makes else "lot")
    makes = program.makes or ItemKind.INTERMEDIATE
    if not scan.code.startswith(NEW_ID_PREFIX[makes]):
        raise unknown_id(scan.code)
    loaded = loads_at(scan.session, scan.station.code)
    if program.loads:
        require_loaded((lot.material for _l, lot in loaded), program.loads)
    elif not loaded:
        raise Rejected(Rejection.NOT_LOADED, QT_TRANSLATE_NOOP("Messages", "Load a lot first"))
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
        material = default_product(scan, product)
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
        check_usable(scan.session, lot)
        recipe = recipes.get(lot.material)
        if recipe is not None:
            amount = in_lot_unit(recipe.target, recipe.unit, lot)
        elif lot.kind == ItemKind.INTERMEDIATE and makes is ItemKind.INTERMEDIATE:
            amount = lot.remaining
        else:
            raise Rejected(
                Rejection.NO_RECIPE,
                QT_TRANSLATE_NOOP(
                    "Messages", "No recipe says how much {material} a {product} takes"
                ),
                material=lot.material,
                product=material,
            )
        if amount > lot.remaining:
            raise Rejected(
                Rejection.EMPTY,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Lot {id} has {remaining} {unit} left, {needed} are needed: load a new one",
                ),
                id=lot.business_id,
                remaining=decimal_text(lot.remaining),
                unit=lot.unit,
                needed=decimal_text(amount),
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
        tell_production(scan, made, True)
    return accepted(
        scan,
        Message(
            QT_TRANSLATE_NOOP("Messages", "{id} made ({material})"),
            {"id": made.business_id, "material": material},
        ),
        Action.CREATED,
        instruction(
            "scan_load"
            if any(lot.status != ItemStatus.AVAILABLE for lot, _a in takes)
            else "scan_new_cell"
            if makes is ItemKind.CELL
            else "scan_new_lot"
        ),
    )


def pass_step(scan: Scan, product: str | None) -> ScanResult:
    """Filling, formation, grading: a unit passes its route step; filling weighs it first."""
    program = scan.program
    item = scan.item
    if item is None:
        raise unknown_id(scan.code)
    if item.kind in LOT_KINDS and program.loads:
        return load_lot(scan, item)
    if item.kind != program.passes:
        raise wrong_kind(item, program.passes.value if program.passes else "")
    check_usable(scan.session, item)
    position = check_route(scan.session, item, program.station_type)
    if program.loads:
        loaded = loads_at(scan.session, scan.station.code)
        require_loaded((lot.material for _l, lot in loaded), program.loads)
    if program.weighs:
        recipe = fill_recipe(scan.session, program.station_type, item)
        return _accepted_for_weighing(
            scan,
            QT_TRANSLATE_NOOP("Messages", "{id} accepted: fill {target} +/- {tolerance} {unit}"),
            recipe,
            instruction("weigh_before"),
        )
    item.route_position = position
    item.last_station = scan.station.code
    tell_production(scan, item, True)
    return accepted(
        scan,
        Message(
            QT_TRANSLATE_NOOP("Messages", "{id} passed {station_type}"),
            {"id": item.business_id, "station_type": program.station_type},
        ),
        Action.PASSED,
        next_instruction(scan.session, scan.station, program),
    )


def assemble(scan: Scan, product: str | None) -> ScanResult:
    """Module and pack assembly: open a container, then consume units into it."""
    program = scan.program
    assert program.assembles is not None and program.makes is not None
    child_kind, size = program.assembles
    open_rows = loads_at(scan.session, scan.station.code, "container")
    container = open_rows[0][1] if open_rows else None
    item = scan.item
    if container is None:
        if item is None:
            if not scan.code.startswith(NEW_ID_PREFIX[program.makes]):
                raise unknown_id(scan.code)
            material = default_product(scan, product)
            if material == program.station_type:
                material = "M64 module" if program.makes is ItemKind.MODULE else "P52 pack"
            position = route_position(
                route_for(scan.session, program.makes.value, material), program.station_type
            )
            container = scan.new_item(program.makes.value, material, Decimal(1), "pcs", position)
        elif item.kind == program.makes and item.status == ItemStatus.AVAILABLE:
            if children_of(scan.session, item.id) >= size:
                raise Rejected(
                    Rejection.EXISTS,
                    QT_TRANSLATE_NOOP("Messages", "{id} is complete already"),
                    id=item.business_id,
                )
            container = item
        else:
            raise wrong_kind(item, program.makes.value)
        put_on_station(scan, container.id, "container")
        scan.session.flush()
        count = children_of(scan.session, container.id)
        return accepted(
            scan,
            Message(QT_TRANSLATE_NOOP("Messages", "{id} opened"), {"id": container.business_id}),
            Action.OPENED,
            instruction("scan_child", kind=child_kind.value, number=count + 1, total=size),
        )
    if item is None:
        raise unknown_id(scan.code)
    if item.id == container.id:
        raise Rejected(
            Rejection.DUPLICATE,
            QT_TRANSLATE_NOOP("Messages", "{id} is open already"),
            id=item.business_id,
        )
    if item.kind != child_kind:
        raise wrong_kind(item, child_kind.value)
    check_usable(scan.session, item)
    position = check_route(scan.session, item, program.station_type)
    scan.link(item, container, Decimal(1), "pcs")
    scan.consume(item, item.remaining)
    item.route_position = position
    scan.session.flush()
    count = children_of(scan.session, container.id)
    if count >= size:
        for load, _item in open_rows:
            load.unloaded_at = scan.at
        container.last_station = scan.station.code
        scan.item = container
        tell_production(scan, container, True)
        return accepted(
            scan,
            Message(
                QT_TRANSLATE_NOOP("Messages", "{id} complete: {count} {kind}s"),
                {"id": container.business_id, "count": count, "kind": child_kind.value},
            ),
            Action.COMPLETED,
            instruction("scan_container", kind=program.makes.value),
        )
    return accepted(
        scan,
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
        instruction("scan_child", kind=child_kind.value, number=count + 1, total=size),
    )


def mix(scan: Scan, product: str | None) -> ScanResult:
    """Mixing: open a slurry batch, then weighed additions of powder lots; the batch id again
    closes it."""
    open_rows = loads_at(scan.session, scan.station.code, "container")
    batch = open_rows[0][1] if open_rows else None
    item = scan.item
    if batch is None:
        if item is not None:
            raise wrong_kind(item, "new slurry batch")
        if not scan.code.startswith(NEW_ID_PREFIX[ItemKind.INTERMEDIATE]):
            raise unknown_id(scan.code)
        material = default_product(scan, product)
        batch = scan.new_item(ItemKind.INTERMEDIATE.value, material, Decimal(0), "kg", None)
        put_on_station(scan, batch.id, "container")
        return accepted(
            scan,
            Message(
                QT_TRANSLATE_NOOP("Messages", "Batch {id} opened ({material})"),
                {"id": batch.business_id, "material": material},
            ),
            Action.OPENED,
            instruction("scan_powder"),
        )
    if item is None:
        raise unknown_id(scan.code)
    if item.id == batch.id:
        for load, _item in open_rows:
            load.unloaded_at = scan.at
        return accepted(
            scan,
            Message(
                QT_TRANSLATE_NOOP("Messages", "Batch {id} closed: {quantity} kg"),
                {"id": batch.business_id, "quantity": decimal_text(batch.quantity)},
            ),
            Action.COMPLETED,
            instruction("scan_batch"),
        )
    if item.kind not in LOT_KINDS:
        raise wrong_kind(item, "lot")
    check_usable(scan.session, item)
    recipe = mixing_recipe(scan.session, batch, item)
    return _accepted_for_weighing(
        scan,
        QT_TRANSLATE_NOOP("Messages", "{id} accepted: add {target} +/- {tolerance} {unit}"),
        recipe,
        instruction("weigh_addition", material=item.material),
    )


def _accepted_for_weighing(
    scan: Scan, template: str, recipe: Recipe, next_step: Message
) -> ScanResult:
    """The scanned item may be weighed next: the verdict names the recipe's target and
    tolerance, the weighing itself is desktop/services/station/weighing.py's."""
    assert scan.item is not None
    return accepted(
        scan,
        Message(
            template,
            {
                "id": scan.item.business_id,
                "target": decimal_text(recipe.target),
                "tolerance": decimal_text(recipe.tolerance),
                "unit": recipe.unit,
            },
        ),
        Action.CHECKED,
        next_step,
    )


MODES: dict[Mode, Callable[[Scan, str | None], ScanResult]] = {
    Mode.MAKE: make,
    Mode.PASS: pass_step,
    Mode.ASSEMBLE: assemble,
    Mode.MIX: mix,
}
