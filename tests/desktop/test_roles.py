"""Every service, called by a user without the permission, is refused before it writes; and every
role is refused or let through as the permission matrix says.

Services are found by what they are, not by their check: every public function of a
desktop.services module that takes a unit of work (`session` or `database`) and the acting user
(`actor`). Each is called as `Nobody`, a signed-in user whom no permission lists, and must raise
`PermissionDenied` with nothing written; a service that forgets its check fails here the day it
is written. The few that rightly need no permission are listed below, each with its reason.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import event

import desktop.services
from desktop.domain import roles
from desktop.domain.messages import PermissionDenied
from desktop.domain.roles import MATRIX, NAVIGATION_ONLY, Permission, Role
from desktop.services.actor import Actor, RoleRefused

# Public functions taking a unit of work and the actor that need no permission of their own.
NO_PERMISSION: dict[str, str] = {
    "desktop.services.audit.record": "writes the audit row of a service that checked already",
    "desktop.services.audit.record_bulk": "the same for a bulk run, once per run",
    "desktop.services.line_simulator.start_background": "starts `run` in a thread; `run` checks",
    "desktop.services.people.get_employee": "graded: finds the badge, then require_sight_of",
    "desktop.services.people.list_employees": "graded: without the permission, one's own record",
    "desktop.services.people.own_employee_id": "which employee the actor is: their own record",
    "desktop.services.people.read_employees": "graded: without the permission, one's own record",
    "desktop.services.people.record_list_view": "logs that HR saw the list, after the check",
    "desktop.services.people.record_view": "logs that personal data was seen, after the check",
    "desktop.services.people.require_sight_of": "the graded check itself: one's own record",
    "desktop.services.shift_overview.shift_overview": "shift times for all; the roster checks",
    "desktop.services.signatures.sign": "the signature is the check: the user's own secret",
    "desktop.services.skills.skills_matrix": "graded through list_employees: one's own row",
    "desktop.services.skills.read_skills_matrix": "graded through read_employees: one's own row",
    "desktop.services.station_routes.ensure_default_routes": "default routes of a fresh plant",
}


class NoRole(str):
    """A role that no permission of the matrix lists (the value code and messages read)."""

    value = "nobody"


@dataclass(frozen=True)
class Nobody(Actor):
    """Signed in, allowed nothing; remembers which permissions the service asked for."""

    asked: list[Permission] | None = field(default=None, hash=False, compare=False)

    def require(self, permission: Permission) -> None:
        if self.asked is not None:
            self.asked.append(permission)
        raise RoleRefused("A {role} may not do this: {permission}", role="nobody", permission="")


class GatePassed(Exception):  # noqa: N818 - not an error: the call got through the check
    """Raised where a role's check succeeds, so nothing past the gate runs."""


@dataclass(frozen=True)
class AtTheGate(Actor):
    """A user of a real role, stopped at the first check: refused, or `GatePassed`."""

    def require(self, permission: Permission) -> None:
        super().require(permission)
        raise GatePassed(permission)


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(desktop.services.__path__, "desktop.services."):
        yield importlib.import_module(info.name)


def services() -> dict[str, Callable[..., Any]]:
    """Public functions of desktop.services taking a unit of work and the acting user."""
    found = {}
    for module in _modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            parameters = list(inspect.signature(function).parameters)
            if parameters[:1] in (["session"], ["database"]) and "actor" in parameters:
                found[f"{module.__name__}.{name}"] = function
    return dict(sorted(found.items()))


SERVICES = services()
CHECKED = {name: fn for name, fn in SERVICES.items() if name not in NO_PERMISSION}


def _call(function: Callable[..., Any], actor: Actor, unit: Any) -> None:
    """Call with the actor, `unit` as the session or database, and None for every required
    argument: a refusal comes before any argument is looked at."""
    arguments: dict[str, Any] = {}
    for name, parameter in inspect.signature(function).parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if name == "actor":
            arguments[name] = actor
        elif name in ("session", "database"):
            arguments[name] = unit
        elif parameter.default is not parameter.empty:
            continue
        else:
            arguments[name] = None
    function(**arguments)


class Writes:
    """Every INSERT, UPDATE or DELETE sent to the database while the block runs."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.statements: list[str] = []

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            self.statements.append(statement)

    def __enter__(self) -> Writes:
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_exc: Any) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)


@contextmanager
def graded_checks(asked: list[Permission]) -> Iterator[None]:
    """Services that grade access (an operator sees only their own record) ask
    `allowed(actor.role, permission)`: heard too, in every module that imported it."""
    real = roles.allowed
    patched = [m for m in _modules() if getattr(m, "allowed", None) is real]

    def heard(role: Any, permission: Permission) -> bool:
        asked.append(permission)
        return real(role, permission)

    for module in patched:
        module.allowed = heard
    try:
        yield
    finally:
        for module in patched:
            module.allowed = real


@dataclass
class Outcome:
    """What a call as Nobody came to: the permissions asked for, in order, what was raised (None
    when nothing was) and what was written or left pending to be."""

    asked: list[Permission]
    raised: BaseException | None
    written: list[Any]


def _as_nobody(database: Any, function: Callable[..., Any]) -> Outcome:
    """Call `function` as Nobody in a transaction rolled back afterwards."""
    asked: list[Permission] = []
    actor = Nobody("nobody", NoRole("nobody"), "FILL-1", asked=asked)  # type: ignore[arg-type]
    unit = database
    with (
        database._sessions() as session,
        Writes(database.engine) as writes,
        graded_checks(asked),
    ):
        session.begin()
        if "session" in inspect.signature(function).parameters:
            unit = session
        try:
            _call(function, actor, unit)
        except Exception as exc:  # noqa: BLE001 - the test says which
            raised: Any = exc
        else:
            raised = None
        finally:
            pending = list(session.new) + list(session.dirty) + list(session.deleted)
            session.rollback()
    return Outcome(asked, raised, writes.statements + pending)


def test_services_are_found_and_the_allow_list_is_current() -> None:
    names = {name.rsplit(".", 1)[-1] for name in SERVICES}
    assert {"save_station", "save_line", "create_user", "search", "seed_demo"} <= names
    assert set(NO_PERMISSION) - set(SERVICES) == set(), "allow-listed functions that are gone"


@pytest.mark.parametrize("name", list(CHECKED))
def test_a_user_without_the_permission_is_refused_before_anything_is_written(
    database, name: str
) -> None:
    outcome = _as_nobody(database, CHECKED[name])
    assert isinstance(outcome.raised, PermissionDenied), (
        f"{name} did not refuse a user without permission (raised {outcome.raised!r}): check "
        "the permission first, or list it in NO_PERMISSION with the reason"
    )
    assert outcome.written == [], f"{name} wrote before it refused"


@pytest.fixture(scope="module")
def gate_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One database for the calls stopped at the gate: nothing past a check runs, so nothing
    is left for the next call."""
    from desktop.startup import open_database

    path = tmp_path_factory.mktemp("gates") / "gates.sqlite"
    database = open_database("sqlite:///" + path.as_posix())
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def asked(gate_database: Any) -> dict[str, list[Permission]]:
    """The permissions each service asks of a user without any, in the order it asks."""
    return {name: _as_nobody(gate_database, fn).asked for name, fn in SERVICES.items()}


@pytest.fixture(scope="module")
def gates(asked: dict[str, list[Permission]]) -> dict[str, Permission]:
    """The first permission each checked service asks for: the gate a role must pass."""
    return {name: asked[name][0] for name in CHECKED if asked[name]}


def test_every_permission_is_enforced_by_some_service(asked: dict[str, list[Permission]]) -> None:
    enforced = {permission for permissions in asked.values() for permission in permissions}
    expected = {p for p in MATRIX if MATRIX[p] != frozenset(Role)} - NAVIGATION_ONLY
    assert expected - enforced == set(), "permissions that no service enforces"


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("name", list(CHECKED))
def test_every_role_is_refused_or_let_through_as_the_matrix_says(
    gate_database: Any, gates: dict[str, Permission], name: str, role: Role
) -> None:
    if name not in gates:
        pytest.skip("asks no permission of a user without any: nothing to grade by role")
    function, permission = CHECKED[name], gates[name]
    actor = AtTheGate(f"someone-{role.value}", role, "FILL-1", user_id=None)
    allowed = role in MATRIX[permission]
    with gate_database._sessions() as session:
        session.begin()
        parameters = inspect.signature(function).parameters
        unit = session if "session" in parameters else gate_database
        try:
            _call(function, actor, unit)
        except RoleRefused:
            assert not allowed, f"{name} refused a {role.value}, whom the matrix allows"
        except GatePassed:
            assert allowed, f"{name} let a {role.value} through"
        finally:
            session.rollback()
