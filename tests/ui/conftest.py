"""Fixtures of the UI tests: the seeded floor database, and the station kernels shut down
after each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.services.demo import seed_plant
from desktop.services.genealogy_demo import seed_floor, seed_live_floor
from desktop.storage.database import Database
from tests.demo_kit import seeded_database
from tests.ui.station_kit import KERNELS


@pytest.fixture
def floor(sqlite_url: str) -> Iterator[Database]:
    with seeded_database(sqlite_url, seed_plant, seed_floor, seed_live_floor) as database:
        yield database


@pytest.fixture(autouse=True)
def _shut_kernels() -> Iterator[None]:
    yield
    while KERNELS:
        ops, operations = KERNELS.pop()
        ops.wait()
        operations.shutdown()
