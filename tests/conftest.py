"""Shared fixtures: an isolated home folder and Qt settings folder, real databases (SQLite files,
and PostgreSQL when LINEDESK_TEST_DATABASE_URL is set), and the offscreen Qt platform."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("LINEDESK_DATABASE_URL", None)
os.environ.pop("LINEDESK_LANGUAGE", None)
_SETTINGS = Path(tempfile.mkdtemp(prefix="linedesk-test-settings-"))
os.environ["XDG_CONFIG_HOME"] = str(_SETTINGS / "user")

PG_URL = os.environ.get("LINEDESK_TEST_DATABASE_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(autouse=True, scope="session")
def linedesk_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every folder Linedesk uses (data, config, logs) lives in a temporary home."""
    home = tmp_path_factory.mktemp("home")
    os.environ["LINEDESK_HOME"] = str(home)
    yield home


@pytest.fixture(autouse=True, scope="session")
def qt_settings_home() -> Iterator[Path]:
    """QSettings (window geometry, the last area) write into a temporary folder, never into the
    user's own `Linedesk.conf`: every format and scope in this process, and child processes
    (the self-test, the CLI) through XDG_CONFIG_HOME, where Qt looks on Linux. The variable is
    set when this file is imported, before any test module copies the environment."""
    from PySide6.QtCore import QSettings

    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(_SETTINGS / "user"))
        QSettings.setPath(settings_format, QSettings.Scope.SystemScope, str(_SETTINGS / "system"))
    yield _SETTINGS
    shutil.rmtree(_SETTINGS, ignore_errors=True)


def _pg_schema_url(schema: str) -> str:
    from sqlalchemy.engine import make_url

    url = make_url(PG_URL)
    return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )


@pytest.fixture
def pg_schema() -> Iterator[str]:
    """A PostgreSQL URL whose search path is a schema of this test's own, dropped afterwards.

    The server outlives the test run, so nothing is left behind on it.
    """
    if not PG_URL:
        pytest.skip("LINEDESK_TEST_DATABASE_URL is not set")
    from sqlalchemy import create_engine, text

    schema = f"linedesk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _pg_schema_url(schema)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each configured backend."""
    if request.param == "sqlite":
        return "sqlite:///" + (tmp_path / "linedesk.sqlite").as_posix()
    return request.getfixturevalue("pg_schema")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return "sqlite:///" + (tmp_path / "linedesk.sqlite").as_posix()


@pytest.fixture
def database(database_url: str):  # noqa: ANN201 - Database, imported lazily
    from tests.demo_kit import seeded_database

    with seeded_database(database_url) as db:
        yield db


@pytest.fixture
def demo_database(sqlite_url: str):  # noqa: ANN201
    """A SQLite database seeded with the demo plant."""
    from desktop.services.demo import seed_demo
    from tests.demo_kit import seeded_database

    with seeded_database(sqlite_url, seed_demo) as db:
        yield db
