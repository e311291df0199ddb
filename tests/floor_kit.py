"""The demo plant's stations and floor with lots received, for the scan tests and the benchmarks:
each lot a row `(id, kind, material, quantity, unit)`, received by the system in one unit of
work, so that loading them at a station is what the test goes on to do."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from desktop.services import genealogy
from desktop.services.actor import Actor
from desktop.services.demo import seed_plant
from desktop.services.genealogy_demo import seed_floor
from desktop.storage.database import Database

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
