"""Fixtures of the UI tests: the seeded floor database, and the station kernels shut down
after each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.services.actor import Actor
from desktop.services.demo import seed_plant
from desktop.services.genealogy_demo import seed_floor, seed_live_floor
from desktop.startup import open_database
from desktop.storage.database import Database
from tests.ui.station_kit import KERNELS


@pytest.fixture
def floor(sqlite_url: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    seed_plant(database, Actor.system())
    seed_floor(database, Actor.system())
    seed_live_floor(database, Actor.system())
    yield database
    database.dispose()


@pytest.fixture(autouse=True)
def _shut_kernels() -> Iterator[None]:
    yield
    while KERNELS:
        ops, operations = KERNELS.pop()
        ops.wait()
        operations.shutdown()
