"""Routes and recipes: master data edited by administrators on the Admin page, audited and
signed (an electronic signature with the PIN or password)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.domain.genealogy import KIND_CODES, check_unit
from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, NotFoundError
from desktop.domain.plant import check_station_type
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.domain.station import DEFAULT_ROUTES
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.signatures import SignedChange
from desktop.storage.models.genealogy import Recipe, Route, RouteStep


@dataclass(frozen=True)
class RouteInfo:
    code: str
    name: str
    kind: str
    material: str | None
    steps: tuple[str, ...]
    active: bool


@dataclass(frozen=True)
class RecipeInfo:
    station_type: str
    product: str
    parameter: str
    target: Decimal
    tolerance: Decimal
    unit: str
    updated_by: str


def list_routes(session: Session) -> list[RouteInfo]:
    routes = []
    for route in session.scalars(select(Route).order_by(Route.code)):
        steps = session.scalars(
            select(RouteStep.station_type)
            .where(RouteStep.route_id == route.id)
            .order_by(RouteStep.position)
        ).all()
        routes.append(
            RouteInfo(
                route.code, route.name, route.kind, route.material, tuple(steps), route.active
            )
        )
    return routes


def _text(value: str, what: str, limit: int) -> str:
    cleaned = value.strip()
    if not cleaned or len(cleaned) > limit:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "{what} must have 1 to {limit} characters"),
            what=what,
            limit=limit,
        )
    return cleaned


def save_route(
    session: Session,
    actor: Actor,
    code: str,
    name: str,
    kind: str,
    steps: list[str] | tuple[str, ...],
    secret: str,
    material: str | None = None,
    active: bool = True,
) -> RouteInfo:
    """Create or replace a route (signed, audited with the old and new steps)."""
    change = SignedChange(session, actor, Permission.EDIT_ROUTES)
    code = _text(code, "Route id", 32).upper()
    name = _text(name, "Route name", 100)
    if kind not in KIND_CODES:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "Unknown kind '{kind}'"), kind=kind)
    if not steps:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A route needs at least one step"))
    for step in steps:
        check_station_type(step)
    if len(set(steps)) != len(steps):
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A route passes each station type once"))
    material = material.strip() or None if material else None
    change.sign(secret)
    route = session.scalar(select(Route).where(Route.code == code))
    old: dict[str, object] = {}
    if route is None:
        route = Route(
            code=code, name=name, kind=kind, material=material, active=active, updated_at=utc_now()
        )
        session.add(route)
        session.flush()
    else:
        old = {
            "name": route.name,
            "kind": route.kind,
            "material": route.material,
            "active": route.active,
            "steps": list(_steps(session, route.id)),
        }
        route.name, route.kind, route.material, route.active = name, kind, material, active
        route.updated_at = utc_now()
        session.execute(delete(RouteStep).where(RouteStep.route_id == route.id))
    for position, step in enumerate(steps, start=1):
        session.add(RouteStep(route_id=route.id, position=position, station_type=step))
    session.flush()
    new = {"name": name, "kind": kind, "material": material, "active": active, "steps": list(steps)}
    change.record(
        "update" if old else "create",
        "route",
        code,
        changes=audit.diff(old, new) if old else new,
    )
    return RouteInfo(code, name, kind, material, tuple(steps), active)


def _steps(session: Session, route_id: int) -> list[str]:
    return list(
        session.scalars(
            select(RouteStep.station_type)
            .where(RouteStep.route_id == route_id)
            .order_by(RouteStep.position)
        )
    )


def ensure_default_routes(session: Session, actor: Actor) -> int:
    """The default cell, module and pack routes when none is stored (demo and first start)."""
    added = 0
    for kind, steps in DEFAULT_ROUTES.items():
        code = f"{kind.upper()}-STD"
        if session.scalar(select(Route.id).where(Route.code == code)) is None:
            save_route(session, actor, code, f"Standard {kind} route", kind, steps, "")
            added += 1
    return added


def list_recipes(session: Session, station_type: str | None = None) -> list[RecipeInfo]:
    query = select(Recipe).order_by(Recipe.station_type, Recipe.product, Recipe.parameter)
    if station_type:
        query = query.where(Recipe.station_type == station_type)
    return [
        RecipeInfo(
            r.station_type, r.product, r.parameter, r.target, r.tolerance, r.unit, r.updated_by
        )
        for r in session.scalars(query)
    ]


def save_recipe(
    session: Session,
    actor: Actor,
    station_type: str,
    product: str,
    parameter: str,
    target: Decimal,
    tolerance: Decimal,
    unit: str,
    secret: str,
) -> RecipeInfo:
    """Create or change a target and tolerance (signed, audited old -> new)."""
    change = SignedChange(session, actor, Permission.EDIT_ROUTES)
    check_station_type(station_type)
    product = _text(product, "Product", 64)
    parameter = _text(parameter, "Parameter", 64)
    unit = check_unit(unit)
    target, tolerance = Decimal(target), Decimal(tolerance)
    if target < 0 or tolerance < 0:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "Target and tolerance cannot be negative"))
    change.sign(secret)
    recipe = session.scalar(
        select(Recipe).where(
            Recipe.station_type == station_type,
            Recipe.product == product,
            Recipe.parameter == parameter,
        )
    )
    new = {"target": target, "tolerance": tolerance, "unit": unit}
    if recipe is None:
        recipe = Recipe(
            station_type=station_type,
            product=product,
            parameter=parameter,
            target=target,
            tolerance=tolerance,
            unit=unit,
            updated_at=utc_now(),
            updated_by=actor.username,
        )
        session.add(recipe)
        changes: dict[str, object] = new
        action = "create"
    else:
        old = {
            "target": recipe.target.normalize(),
            "tolerance": recipe.tolerance.normalize(),
            "unit": recipe.unit,
        }
        changes = audit.diff(
            old, {k: v.normalize() if isinstance(v, Decimal) else v for k, v in new.items()}
        )
        recipe.target, recipe.tolerance, recipe.unit = target, tolerance, unit
        recipe.updated_at, recipe.updated_by = utc_now(), actor.username
        action = "update"
    session.flush()
    change.record(action, "recipe", f"{station_type}/{product}/{parameter}", changes=changes)
    return RecipeInfo(station_type, product, parameter, target, tolerance, unit, actor.username)


def delete_recipe(
    session: Session, actor: Actor, station_type: str, product: str, parameter: str, secret: str
) -> None:
    change = SignedChange(session, actor, Permission.EDIT_ROUTES)
    recipe = session.scalar(
        select(Recipe).where(
            Recipe.station_type == station_type,
            Recipe.product == product,
            Recipe.parameter == parameter,
        )
    )
    if recipe is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "No such recipe: {recipe}"),
            recipe=f"{station_type}/{product}/{parameter}",
        )
    change.sign(secret)
    old = {"target": recipe.target, "tolerance": recipe.tolerance, "unit": recipe.unit}
    session.delete(recipe)
    session.flush()
    change.record(
        "delete",
        "recipe",
        f"{station_type}/{product}/{parameter}",
        changes={k: (v, None) for k, v in old.items()},
    )
