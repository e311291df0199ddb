"""The demo plant, built by code from resources/ through the services the application uses.

Later parts of Linedesk add their own step to `DEMO_STEPS` (people, production of the last days,
genealogy, shifts); `seed_demo` runs them in order. The demo lives in its own database file, never
in the plant's: a database is marked as a demo when seeded, and a database with plant data that is
not so marked is refused.
"""

from __future__ import annotations

import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select

from desktop.domain.messages import QT_TRANSLATE_NOOP, ConflictError
from desktop.domain.roles import Permission
from desktop.paths import RESOURCES
from desktop.services import audit, plant, plant_settings
from desktop.services.actor import Actor
from desktop.storage.database import Database
from desktop.storage.models import Line


@dataclass
class SeedReport:
    steps: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


DemoStep = Callable[[Database, Actor], str]


def seed_plant(database: Database, actor: Actor) -> str:
    """Lines and stations of resources/demo/plant.toml."""
    spec = tomllib.loads((RESOURCES / "demo" / "plant.toml").read_text(encoding="utf-8"))
    stations = 0
    actor.require(Permission.EDIT_MASTER_DATA)
    with database.unit_of_work() as session:
        for line in spec["lines"]:
            plant.put_line(session, line["code"], line["name"], line["kind"], True)
            for position, (code, name, station_type) in enumerate(line["stations"], start=1):
                plant.put_station(
                    session, code, name, line["code"], station_type, position, True, False
                )
                stations += 1
        audit.record_bulk(
            session,
            actor,
            "seed-demo",
            "plant",
            {"lines": len(spec["lines"]), "stations": stations},
        )
    return f"{len(spec['lines'])} lines, {stations} stations"


def _seed_users(database: Database, actor: Actor) -> str:
    from desktop.services.demo_users import seed_users

    return seed_users(database, actor)


def _seed_people(database: Database, actor: Actor) -> str:
    from desktop.services.people_demo import seed_people

    return seed_people(database, actor)


def _seed_production(database: Database, actor: Actor) -> str:
    from desktop.services.line_simulator import seed_history

    return seed_history(database, actor)


def _seed_genealogy(database: Database, actor: Actor) -> str:
    from desktop.services.genealogy_demo import seed_demo_genealogy

    return seed_demo_genealogy(database, actor)


def _seed_shifts(database: Database, actor: Actor) -> str:
    from desktop.services.shifts_demo import seed_shifts

    return seed_shifts(database, actor)


DEMO_STEPS: list[tuple[str, DemoStep]] = [
    ("plant", seed_plant),
    ("people", _seed_people),
    ("users", _seed_users),
    ("production", _seed_production),
    ("genealogy", _seed_genealogy),
    ("shifts", _seed_shifts),
]


def is_demo(database: Database) -> bool:
    with database.reading() as session:
        return plant_settings.read(session, plant_settings.DEMO)


def seed_demo(database: Database, actor: Actor) -> SeedReport:
    """Fill `database` with the demo plant; running it again brings it up to date."""
    actor.require(Permission.SEED_DEMO)
    with database.unit_of_work() as session:
        marked = plant_settings.read(session, plant_settings.DEMO)
        has_lines = session.scalar(select(func.count()).select_from(Line)) > 0
        if has_lines and not marked:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "This database holds plant data and is not a demo database: "
                    "the demo is never seeded into it",
                )
            )
        plant_settings.write(session, plant_settings.DEMO, True)
    report = SeedReport()
    started = time.perf_counter()
    for name, step in DEMO_STEPS:
        report.steps[name] = step(database, actor)
    report.seconds = time.perf_counter() - started
    return report
