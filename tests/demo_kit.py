"""Seeded databases for the tests: a database opened with seeds applied by the system, closed
when the test is done; and a seeded file for a whole module, since seeding the demo takes
seconds (a module-scoped fixture seeds it once and its tests open it)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.services.actor import Actor
from desktop.startup import open_database
from desktop.storage.database import Database

Seed = Callable[[Any, Actor], object]


@contextmanager
def seeded_database(url: str, *seeds: Seed) -> Iterator[Database]:
    """The database at `url`, opened and seeded with each of `seeds` in turn; closed after."""
    database = open_database(url)
    for seed in seeds:
        seed(database, Actor.system())
    yield database
    database.dispose()


def seeded_url(folder: Path, *seeds: Seed) -> str:
    """The URL of `demo.sqlite` in `folder`, seeded with each of `seeds` and closed again."""
    url = "sqlite:///" + (folder / "demo.sqlite").as_posix()
    with seeded_database(url, *seeds):
        pass
    return url
