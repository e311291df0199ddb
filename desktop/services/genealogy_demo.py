"""The demo's genealogy: routes and recipes, the last days of production imported through
`import genealogy` (thousands of cells from real-looking lots), a QA hold, and a live floor
(lots loaded at stacking and filling, fresh cells waiting for filling) to scan at.

Also used by the tests to set up stations the way the demo has them.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.domain.station import FILL
from desktop.services import genealogy, station_routes
from desktop.services.actor import Actor
from desktop.services.genealogy_import import import_genealogy
from desktop.services.genealogy_synthetic import SyntheticPlant
from desktop.services.station.pipeline import record_scan
from desktop.services.station.scan import ScanResult
from desktop.services.station.weighing import record_fill
from desktop.storage.database import Database
from desktop.storage.models.genealogy import Item

# (station type, product, parameter, target, tolerance, unit)
RECIPES: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("filling", "P56 cell", FILL, "180", "1.5", "g"),
    ("stacking", "P56 cell", "cathode reel", "0.5", "0", "m"),
    ("stacking", "P56 cell", "anode reel", "0.5", "0", "m"),
    ("stacking", "P56 cell", "separator", "1", "0", "m"),
    ("mixing", "cathode slurry", "NMC811 powder", "500", "0.5", "kg"),
    ("mixing", "cathode slurry", "PVDF binder", "20", "0.05", "kg"),
    ("mixing", "cathode slurry", "carbon black", "20", "0.05", "kg"),
    ("mixing", "cathode slurry", "NMP solvent", "260", "1", "kg"),
    ("mixing", "anode slurry", "graphite powder", "500", "0.5", "kg"),
    ("mixing", "anode slurry", "PVDF binder", "20", "0.05", "kg"),
    ("mixing", "anode slurry", "carbon black", "20", "0.05", "kg"),
    ("mixing", "anode slurry", "NMP solvent", "260", "1", "kg"),
    ("coating", "cathode coated roll", "cathode slurry", "400", "0", "kg"),
    ("coating", "cathode coated roll", "Al foil", "2000", "0", "m"),
    ("coating", "anode coated roll", "anode slurry", "400", "0", "kg"),
    ("coating", "anode coated roll", "Cu foil", "2000", "0", "m"),
    ("slitting", "cathode reel", "cathode calendered roll", "500", "0", "m"),
    ("slitting", "anode reel", "anode calendered roll", "500", "0", "m"),
)

# Lots on the live floor: (id, kind, material, quantity, unit, loaded at).
FLOOR_LOTS: tuple[tuple[str, str, str, str, str, str | None], ...] = (
    ("LOT-2026-100101", "intermediate", "cathode reel", "500", "m", "STACK-1"),
    ("LOT-2026-100102", "intermediate", "anode reel", "500", "m", "STACK-1"),
    ("LOT-2026-100103", "raw", "separator", "2000", "m", "STACK-1"),
    ("LOT-2026-100201", "raw", "electrolyte", "200", "kg", "FILL-1"),
    ("LOT-2026-100202", "raw", "electrolyte", "200", "kg", None),
    ("LOT-2026-100301", "raw", "NMC811 powder", "2000", "kg", None),
)
HELD_LOT = "LOT-2026-100202"
HELD_REASON = "Water content 31 ppm, above the 20 ppm limit (supplier certificate)"
HISTORY_HOLD_REASON = "Electrolyte lot under investigation: low capacity at grading"
DEMO_OPERATOR = Actor("demo.operator", Role.OPERATOR, station="STACK-1")
HISTORY_PACKS = 16  # 4,096 cells, about 25,000 links


def _exists(database: Database, business_id: str) -> bool:
    with database.reading() as session:
        return session.scalar(select(Item.id).where(Item.business_id == business_id)) is not None


def seed_floor(database: Database, actor: Actor) -> int:
    """Routes and recipes (signed by `actor`, the system account in the demo)."""
    with database.unit_of_work() as session:
        station_routes.ensure_default_routes(session, actor)
        known = {
            (r.station_type, r.product, r.parameter) for r in station_routes.list_recipes(session)
        }
        for station_type, product, parameter, target, tolerance, unit in RECIPES:
            if (station_type, product, parameter) not in known:
                station_routes.save_recipe(
                    session,
                    actor,
                    station_type,
                    product,
                    parameter,
                    Decimal(target),
                    Decimal(tolerance),
                    unit,
                    "",
                )
    return len(RECIPES)


def seed_history(database: Database, actor: Actor, packs: int = HISTORY_PACKS) -> tuple[int, int]:
    """The last days of production, imported as an ERP would hand it over."""
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    plant = SyntheticPlant(packs, prefix="D", start=now - timedelta(days=3))
    if _exists(database, plant.cell_id(0)):
        return 0, 0  # seeded before: the history stays as it was
    with tempfile.TemporaryDirectory() as folder:
        lots, links = Path(folder) / "lots.csv", Path(folder) / "links.csv"
        plant.write(lots, links)
        report = import_genealogy(database, actor, lots, links)
    with database.unit_of_work() as session:
        held = plant.lot_id("EL", 1)
        info = genealogy.item_info(session, actor, held)
        if info.hold_reason is None:
            genealogy.place_hold(session, actor, held, HISTORY_HOLD_REASON)
    return plant.cells, report.links_added


def seed_live_floor(database: Database, actor: Actor, cells: int = 12) -> int:
    """Lots received and loaded, a held electrolyte lot, fresh cells waiting for filling."""
    if _exists(database, FLOOR_LOTS[0][0]):
        return 0
    with database.unit_of_work() as session:
        for bid, kind, material, quantity, unit, _where in FLOOR_LOTS:
            genealogy.receive_lot(session, actor, bid, kind, material, Decimal(quantity), unit)
        genealogy.place_hold(session, actor, HELD_LOT, HELD_REASON)

    def scan(where: str, code: str) -> ScanResult:
        with database.unit_of_work() as session:
            return record_scan(session, DEMO_OPERATOR, where, code)

    for bid, *_rest, where in FLOOR_LOTS:
        if where is not None:
            scan(where, bid)
    made = 0
    for index in range(cells):
        result = scan("STACK-1", f"CELL-26L{index:07d}")
        made += result.ok
    # The first half filled within tolerance: they wait for formation.
    for index in range(cells // 2):
        code = f"CELL-26L{index:07d}"
        scan("FILL-1", code)
        with database.unit_of_work() as session:
            record_fill(
                session,
                DEMO_OPERATOR,
                "FILL-1",
                code,
                Decimal("812.4"),
                Decimal("992.6") + index % 3 / Decimal(10),
                "g",
            )
    return made


def seed_demo_genealogy(database: Database, actor: Actor) -> str:
    """The DEMO_STEPS entry."""
    seed_floor(database, actor)
    cells, links = seed_history(database, actor)
    made = seed_live_floor(database, actor)
    return (
        f"{cells} cells and {links} genealogy links of the last days, "
        f"{made} fresh cells at the stacking and filling stations, 2 lots on hold"
    )
