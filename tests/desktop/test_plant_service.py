"""Plant master data through the services the Admin page uses."""

from __future__ import annotations

import time

import pytest

from desktop.domain.messages import ConflictError, InputError, NotFoundError, PermissionDenied
from desktop.domain.roles import Role
from desktop.services import plant
from desktop.services.actor import Actor
from desktop.services.database import open_database
from desktop.services.demo import is_demo, seed_demo

ADMIN = Actor.system()
OPERATOR = Actor("op1", Role.OPERATOR, "FILL-1")


def test_an_admin_creates_a_line_and_its_station(database) -> None:
    service = plant.PlantService(database, lambda: ADMIN)
    service.save_line("cell-9", "Cell line 9", "cell")
    service.save_station("fill-9", "Filling 9", "CELL-9", "filling", new=True)
    assert [s.code for s in service.stations("CELL-9")] == ["FILL-9"]
    assert service.lines()[0].station_count == 1


def test_an_operator_may_not_edit_master_data(database) -> None:
    service = plant.PlantService(database, lambda: OPERATOR)
    with pytest.raises(PermissionDenied, match="Operator may not"):
        service.save_line("CELL-9", "Cell line 9", "cell")
    assert plant.PlantService(database, lambda: ADMIN).lines() == []


@pytest.mark.parametrize(
    ("code", "name", "station_type", "message"),
    [
        ("FILL 1", "Filling", "filling", "Station id 'FILL 1' is not valid"),
        ("FILL-1", "  ", "filling", "station name must have"),
        ("FILL-1", "Filling", "brewing", "Unknown station type 'brewing'"),
    ],
)
def test_bad_station_input_changes_nothing(database, code, name, station_type, message) -> None:
    service = plant.PlantService(database, lambda: ADMIN)
    service.save_line("CELL-1", "Cell line 1", "cell")
    with pytest.raises(InputError, match=message):
        service.save_station(code, name, "CELL-1", station_type, new=True)
    assert service.stations() == []


def test_a_station_on_an_unknown_line_is_refused(database) -> None:
    service = plant.PlantService(database, lambda: ADMIN)
    with pytest.raises(NotFoundError, match="Unknown line: CELL-7"):
        service.save_station("FILL-7", "Filling 7", "CELL-7", "filling")


def test_a_new_station_may_not_overwrite_an_existing_one(database) -> None:
    service = plant.PlantService(database, lambda: ADMIN)
    service.save_line("CELL-1", "Cell line 1", "cell")
    service.save_station("FILL-1", "Filling 1", "CELL-1", "filling", new=True)
    with pytest.raises(ConflictError, match="already exists"):
        service.save_station("FILL-1", "Other", "CELL-1", "grading", new=True)
    assert service.stations()[0].name == "Filling 1"


def test_seed_demo_builds_the_demo_plant_quickly_and_again(database) -> None:
    started = time.perf_counter()
    report = seed_demo(database, ADMIN)
    assert time.perf_counter() - started < 30
    assert is_demo(database)
    service = plant.PlantService(database, lambda: ADMIN)
    lines = {line.code: line for line in service.lines()}
    assert {"CELL-1", "CELL-2", "MOD-1", "PACK-1"} <= set(lines)
    cell_types = [s.station_type for s in service.stations("CELL-1")]
    assert cell_types == [
        "mixing",
        "coating",
        "calendering",
        "slitting",
        "stacking",
        "filling",
        "formation",
        "grading",
    ]
    assert "plant" in report.steps
    seed_demo(database, ADMIN)
    assert len(service.stations()) == sum(line.station_count for line in lines.values())


def test_the_demo_is_never_seeded_into_a_plant_database(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    plant.PlantService(database, lambda: ADMIN).save_line("L1", "Real line", "cell")
    with pytest.raises(ConflictError, match="not a demo database"):
        seed_demo(database, ADMIN)
    assert not is_demo(database)
    database.dispose()
