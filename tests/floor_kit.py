"""The demo plant's stations and floor with lots received, for the scan tests and the benchmarks:
each lot a row `(id, kind, material, quantity, unit)`, received by the system in one unit of
work, so that loading them at a station is what the test goes on to do; and how many rows
(links, holds) point at an item, for what a test expects the floor to hold afterwards."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from desktop.services import genealogy
from desktop.services.actor import Actor
from desktop.services.demo import seed_plant
from desktop.services.genealogy_demo import seed_floor
from desktop.storage.database import Database
from desktop.storage.models.genealogy import Item

Lot = tuple[str, str, str, "str | int | Decimal", str]


def receive_lots(database: Database, lots: Iterable[Lot]) -> None:
    """The lots stored as received, all in one unit of work."""
    with database.unit_of_work() as session:
        for bid, kind, material, quantity, unit in lots:
            genealogy.receive_lot(
                session, Actor.system(), bid, kind, material, Decimal(quantity), unit
            )


def stock_floor(database: Database, lots: Iterable[Lot] = ()) -> None:
    """The plant and its floor seeded, then `lots` received (if any)."""
    seed_plant(database, Actor.system())
    seed_floor(database, Actor.system())
    lots = tuple(lots)
    if lots:
        receive_lots(database, lots)


def rows_pointing_at(database: Database, column: Any, business_id: str) -> int:
    """How many rows of `column`'s table point with it (a key to item.id) at `business_id`."""
    with database.reading() as session:
        return session.scalar(
            select(func.count())
            .select_from(column.class_)
            .join(Item, Item.id == column)
            .where(Item.business_id == business_id)
        )
