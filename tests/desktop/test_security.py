"""Users, sign-in, lockout, signatures: through the services, on real databases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from desktop.domain.messages import ConflictError, InputError, PermissionDenied
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Role
from desktop.services import security
from desktop.services.actor import Actor
from desktop.services.plant import PlantService
from desktop.services.security import SecurityService, SignInRefused
from desktop.storage.models.security import AuditEntry, User

SYSTEM = Actor.system()


@pytest.fixture
def users(database) -> SecurityService:
    service = SecurityService(database, lambda: SYSTEM)
    service.create_user(
        "op.martin",
        "Léa Martin",
        "operator",
        badge="BADGE-1001",
        pin="2468",
        password="correct horse",
    )
    service.create_user("chef", "Chef d'équipe", "supervisor", password="supervise-me")
    return service


def test_first_admin_only_on_an_empty_database(database) -> None:
    service = SecurityService(database, lambda: SYSTEM)
    assert service.needs_first_admin()
    admin = service.create_first_admin("admin", "Plant Admin", "long enough")
    assert admin.role is Role.ADMIN and not service.needs_first_admin()
    with pytest.raises(ConflictError, match="has users already"):
        service.create_first_admin("admin2", "Another", "long enough")


def test_sign_in_by_badge_and_pin_gives_the_operator(users: SecurityService) -> None:
    actor = users.sign_in_badge("BADGE-1001", "2468", "FILL-1")
    assert (actor.username, actor.role, actor.station) == ("op.martin", Role.OPERATOR, "FILL-1")
    assert actor.name == "Léa Martin" and actor.user_id is not None


def test_sign_in_by_password(users: SecurityService) -> None:
    assert users.sign_in_password("CHEF", "supervise-me", None).role is Role.SUPERVISOR


def test_a_wrong_pin_says_nothing_about_which_part_was_wrong(users: SecurityService) -> None:
    with pytest.raises(SignInRefused) as wrong_pin:
        users.sign_in_badge("BADGE-1001", "0000", "FILL-1")
    with pytest.raises(SignInRefused) as wrong_badge:
        users.sign_in_badge("BADGE-9999", "2468", "FILL-1")
    assert str(wrong_pin.value) == str(wrong_badge.value)


def test_five_failures_lock_the_account_and_the_lock_is_audited(database, users) -> None:
    for _ in range(5):
        with pytest.raises(SignInRefused):
            users.sign_in_badge("BADGE-1001", "9999", "FILL-1")
    with pytest.raises(SignInRefused, match="locked until"):
        users.sign_in_badge("BADGE-1001", "2468", "FILL-1")
    with database.reading() as session:
        lock = session.scalar(select(AuditEntry).where(AuditEntry.action == "lock"))
        assert lock.object_id == "op.martin"


def test_the_lock_ends_after_the_configured_time(database, users) -> None:
    for _ in range(5):
        with pytest.raises(SignInRefused):
            users.sign_in_password("chef", "nope", None)
    with database.unit_of_work() as session:
        user = session.scalar(select(User).where(User.username == "chef"))
        assert user.locked_until is not None
        user.locked_until = utc_now() - timedelta(seconds=1)
    assert users.sign_in_password("chef", "supervise-me", None).username == "chef"


def test_an_inactive_user_cannot_sign_in(users: SecurityService) -> None:
    users.update_user("chef", active=False, reason="left the plant")
    with pytest.raises(SignInRefused, match="no longer active"):
        users.sign_in_password("chef", "supervise-me", None)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"password": "short"}, "at least 8 characters"),
        ({"badge": "BADGE-2", "pin": "12a4"}, "4 to 8 digits"),
        ({"pin": "1234"}, "needs a badge"),
        ({}, "password, a PIN or both"),
    ],
)
def test_bad_user_input_is_refused_and_nothing_written(users, kwargs, message) -> None:
    with pytest.raises(InputError, match=message):
        users.create_user("new.user", "New User", "operator", **kwargs)
    assert "new.user" not in [u.username for u in users.users()]


def test_a_bad_username_and_a_duplicate_are_refused(users: SecurityService) -> None:
    with pytest.raises(InputError, match="User name 'Bad Name!' is not valid"):
        users.create_user("Bad Name!", "X", "operator", password="long enough")
    with pytest.raises(ConflictError, match="already exists"):
        users.create_user("chef", "X", "operator", password="long enough")


def test_a_signature_needs_the_signers_own_secret(database, users) -> None:
    admin = SecurityService(database, lambda: SYSTEM)
    admin.create_user("boss", "Boss", "admin", password="admin-secret")
    boss = admin.sign_in_password("boss", "admin-secret", None)
    plant = PlantService(database, lambda: boss)
    with pytest.raises(PermissionDenied, match="PIN or password is wrong"):
        plant.save_line("CELL-9", "Cell line 9", "cell", secret="guess")
    assert plant.lines() == []
    plant.save_line("CELL-9", "Cell line 9", "cell", secret="admin-secret", meaning="approve")
    with database.reading() as session:
        row = session.scalar(select(AuditEntry).where(AuditEntry.object_id == "CELL-9"))
        assert (row.username, row.action, row.signature_meaning) == ("boss", "create", "approve")


def test_user_changes_are_audited_without_secrets(database, users) -> None:
    users.update_user("op.martin", pin="1357", reason="forgot PIN")
    with database.reading() as session:
        row = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.object_id == "op.martin")
            .order_by(AuditEntry.id.desc())
        ).first()
    assert row.reason == "forgot PIN"
    assert "1357" not in row.changes and "***" in row.changes


def test_the_roles_of_the_matrix_are_checked(users: SecurityService) -> None:
    with pytest.raises(InputError, match="Unknown role 'boss'"):
        security.check_role("boss")


def test_an_uncertified_operator_is_refused_at_a_station_until_a_supervisor_overrides(
    database, users
) -> None:
    from desktop.services.security import NotCertified

    plant = PlantService(database, lambda: SYSTEM)
    plant.save_line("CELL-1", "Cell line 1", "cell")
    plant.save_station("FILL-1", "Filling 1", "CELL-1", "filling", new=True)
    users.create_user("chef.b", "Chef B", "supervisor", badge="BADGE-2002", pin="8642")
    with pytest.raises(NotCertified, match="Léa Martin may not work here") as refused:
        users.sign_in_badge("BADGE-1001", "2468", "FILL-1")
    assert users.sign_in_badge("BADGE-1001", "2468", None).username == "op.martin"
    operator = refused.value.operator
    with pytest.raises(SignInRefused):
        users.override_certification(operator, "BADGE-2002", "0000", "short of trained staff")
    with pytest.raises(InputError, match="Give a reason"):
        users.override_certification(operator, "BADGE-2002", "8642", "")
    allowed = users.override_certification(operator, "BADGE-2002", "8642", "trainer beside her")
    assert allowed.username == "op.martin" and allowed.override_by == "chef.b"
    with database.reading() as session:
        row = session.scalar(select(AuditEntry).where(AuditEntry.action == "override"))
        assert (row.username, row.reason) == ("chef.b", "trainer beside her")


def test_an_operator_may_not_override_for_another(database, users) -> None:
    from desktop.services.security import NotCertified

    plant = PlantService(database, lambda: SYSTEM)
    plant.save_line("CELL-1", "Cell line 1", "cell")
    plant.save_station("FILL-1", "Filling 1", "CELL-1", "filling", new=True)
    users.create_user("op.two", "Op Two", "operator", badge="BADGE-3003", pin="1357")
    with pytest.raises(NotCertified) as refused:
        users.sign_in_badge("BADGE-1001", "2468", "FILL-1")
    with pytest.raises(PermissionDenied, match="may not do this"):
        users.override_certification(refused.value.operator, "BADGE-3003", "1357", "friend")
