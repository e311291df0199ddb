"""The one way a signed change is made (desktop/services/signatures.py): the permission first,
then the signature, then the change and its audit row with the meaning; a refusal on the way
records nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.domain.messages import PermissionDenied
from desktop.domain.roles import Permission, Role
from desktop.services import user_accounts
from desktop.services.actor import Actor, RoleRefused
from desktop.services.signatures import Meaning, SignedChange
from desktop.storage.models.security import AuditEntry

SYSTEM = Actor.system()


def _rows(session) -> int:  # noqa: ANN001
    return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


@pytest.fixture
def admin(database) -> Actor:  # noqa: ANN001
    with database.unit_of_work() as session:
        info = user_accounts.create_user(
            session, SYSTEM, "ad.min", "Admin", "admin", password="long secret"
        )
    return Actor("ad.min", Role.ADMIN, None, info.id)


def test_the_permission_is_checked_before_the_signature(database) -> None:  # noqa: ANN001
    operator = Actor("op", Role.OPERATOR, "FILL-1", user_id=None)
    with database.unit_of_work() as session, pytest.raises(RoleRefused):
        # A wrong secret would be refused too: the role is refused first.
        SignedChange(session, operator, Permission.MANAGE_USERS).sign("wrong")


def test_a_wrong_secret_is_refused_and_nothing_recorded(database, admin: Actor) -> None:  # noqa: ANN001
    with database.unit_of_work() as session:
        before = _rows(session)
        change = SignedChange(session, admin, Permission.MANAGE_USERS)
        with pytest.raises(PermissionDenied, match="Signature refused"):
            change.sign("not it")
        with pytest.raises(RuntimeError):
            change.record("update", "user", "ad.min", changes={"x": (1, 2)})
        assert _rows(session) == before


def test_the_audit_row_carries_the_meaning_signed(database, admin: Actor) -> None:  # noqa: ANN001
    with database.unit_of_work() as session:
        change = SignedChange(session, admin, Permission.MANAGE_USERS).sign(
            "long secret", Meaning.REJECT
        )
        assert change.meaning is Meaning.REJECT
        entry = change.record("update", "user", "ad.min", changes={"x": (1, 2)}, reason="why")
        assert (entry.username, entry.action, entry.object_type, entry.object_id) == (
            "ad.min",
            "update",
            "user",
            "ad.min",
        )
        assert (entry.reason, entry.signature_meaning) == ("why", "reject")
