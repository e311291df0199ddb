"""Plant master data through the service functions the Admin page calls, on the kernel."""

from __future__ import annotations

import time

import pytest

from desktop.domain.messages import ConflictError, InputError, NotFoundError, PermissionDenied
from desktop.domain.roles import Role
from desktop.operations import Operations
from desktop.services import plant
from desktop.services.actor import Actor
from desktop.services.demo import is_demo, seed_demo
from desktop.startup import open_database

ADMIN = Actor.system()
OPERATOR = Actor("op1", Role.OPERATOR, "FILL-1")


@pytest.fixture
def kernel(database):  # noqa: ANN001, ANN201
    operations = Operations(database)
    yield operations
    operations.shutdown()


def lines(kernel: Operations) -> list[plant.LineInfo]:
    return kernel.read(plant.list_lines).result()


def stations(kernel: Operations, line: str | None = None) -> list[plant.StationInfo]:
    return kernel.read(plant.list_stations, line).result()


def test_an_admin_creates_a_line_and_its_station(kernel) -> None:
    kernel.write(ADMIN, plant.save_line, "cell-9", "Cell line 9", "cell").result()
    kernel.write(
        ADMIN, plant.save_station, "fill-9", "Filling 9", "CELL-9", "filling", new=True
    ).result()
    assert [s.code for s in stations(kernel, "CELL-9")] == ["FILL-9"]
    assert lines(kernel)[0].station_count == 1


def test_an_operator_may_not_edit_master_data(kernel) -> None:
    with pytest.raises(PermissionDenied, match="Operator may not"):
        kernel.write(OPERATOR, plant.save_line, "CELL-9", "Cell line 9", "cell").result()
    assert lines(kernel) == []


@pytest.mark.parametrize(
    ("code", "name", "station_type", "message"),
    [
        ("FILL 1", "Filling", "filling", "Station id 'FILL 1' is not valid"),
        ("FILL-1", "  ", "filling", "station name must have"),
        ("FILL-1", "Filling", "brewing", "Unknown station type 'brewing'"),
    ],
)
def test_bad_station_input_changes_nothing(kernel, code, name, station_type, message) -> None:
    kernel.write(ADMIN, plant.save_line, "CELL-1", "Cell line 1", "cell").result()
    with pytest.raises(InputError, match=message):
        kernel.write(
            ADMIN, plant.save_station, code, name, "CELL-1", station_type, new=True
        ).result()
    assert stations(kernel) == []


def test_a_station_on_an_unknown_line_is_refused(kernel) -> None:
    with pytest.raises(NotFoundError, match="Unknown line: CELL-7"):
        kernel.write(ADMIN, plant.save_station, "FILL-7", "Filling 7", "CELL-7", "filling").result()


def test_a_new_station_may_not_overwrite_an_existing_one(kernel) -> None:
    kernel.write(ADMIN, plant.save_line, "CELL-1", "Cell line 1", "cell").result()
    new = {"new": True}
    kernel.write(
        ADMIN, plant.save_station, "FILL-1", "Filling 1", "CELL-1", "filling", **new
    ).result()
    with pytest.raises(ConflictError, match="already exists"):
        kernel.write(
            ADMIN, plant.save_station, "FILL-1", "Other", "CELL-1", "grading", **new
        ).result()
    assert stations(kernel)[0].name == "Filling 1"


def test_seed_demo_builds_the_demo_plant_quickly_and_again(database, kernel) -> None:
    started = time.perf_counter()
    report = seed_demo(database, ADMIN)
    assert time.perf_counter() - started < 30
    assert is_demo(database)
    by_code = {line.code: line for line in lines(kernel)}
    assert {"CELL-1", "CELL-2", "MOD-1", "PACK-1"} <= set(by_code)
    cell_types = [s.station_type for s in stations(kernel, "CELL-1")]
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
    assert len(stations(kernel)) == sum(line.station_count for line in by_code.values())


def test_the_demo_is_never_seeded_into_a_plant_database(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    with database.unit_of_work() as session:
        plant.save_line(session, ADMIN, "L1", "Real line", "cell")
    with pytest.raises(ConflictError, match="not a demo database"):
        seed_demo(database, ADMIN)
    assert not is_demo(database)
    database.dispose()
