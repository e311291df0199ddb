"""Every protected service, called with every role: the refusals follow the permission matrix.

Protected services are found, not listed: every function in desktop.services whose code calls
`actor.require(Permission.X)`. A new service is covered the day it is written.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import desktop.services
from desktop.domain.roles import MATRIX, NAVIGATION_ONLY, Permission, Role
from desktop.services.actor import Actor, RoleRefused

_REQUIRE = re.compile(r"\.require\(Permission\.([A-Z_]+)\)")
# Graded access (an operator sees only their own record): enforced in the service too.
_GRADED = re.compile(r"allowed\(actor\.role, Permission\.([A-Z_]+)\)")


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(desktop.services.__path__, "desktop.services."):
        yield importlib.import_module(info.name)


def protected_services() -> list[tuple[str, Callable[..., Any], Permission]]:
    found = {}
    for module in _modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__:
                continue
            parameters = inspect.signature(function).parameters
            if "actor" not in parameters:
                continue
            match = _REQUIRE.search(inspect.getsource(function))
            if match:
                found[f"{module.__name__}.{name}"] = (function, Permission[match.group(1)])
    return [(key, fn, perm) for key, (fn, perm) in sorted(found.items())]


def graded_permissions() -> set[Permission]:
    return {
        Permission[name]
        for module in _modules()
        for name in _GRADED.findall(inspect.getsource(module))
    }


PROTECTED = protected_services()


def test_the_protected_services_are_found() -> None:
    names = {name.rsplit(".", 1)[-1] for name, _fn, _perm in PROTECTED}
    assert {"save_station", "save_line", "create_user", "search", "seed_demo"} <= names
    enforced = {p for _n, _f, p in PROTECTED} | graded_permissions()
    expected = {p for p in MATRIX if MATRIX[p] != frozenset(Role)} - NAVIGATION_ONLY
    assert expected - enforced == set(), "permissions that no service enforces"


def _call(function: Callable[..., Any], actor: Actor, session: Any) -> None:
    arguments: dict[str, Any] = {}
    for name, parameter in inspect.signature(function).parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if name == "actor":
            arguments[name] = actor
        elif name == "session":
            arguments[name] = session
        elif parameter.default is not parameter.empty:
            continue
        else:
            arguments[name] = None
    function(**arguments)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize(
    ("name", "function", "permission"), PROTECTED, ids=[name for name, _f, _p in PROTECTED]
)
def test_every_role_is_refused_or_let_through_as_the_matrix_says(
    database, name: str, function: Callable[..., Any], permission: Permission, role: Role
) -> None:
    actor = Actor(f"someone-{role.value}", role, "FILL-1", user_id=None)
    allowed = role in MATRIX[permission]
    with database._sessions() as session:
        session.begin()
        try:
            _call(function, actor, session)
        except RoleRefused:
            assert not allowed, f"{name} refused a {role.value}, whom the matrix allows"
        except Exception:  # noqa: BLE001 - past the gate, dummy arguments fail as they may
            assert allowed, f"{name} let a {role.value} through"
        else:
            assert allowed, f"{name} let a {role.value} through"
        finally:
            session.rollback()
