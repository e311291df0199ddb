"""Users, sign-in, lockout, signatures: through the service functions and the operations
kernel, on real databases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from desktop.domain.messages import ConflictError, InputError, PermissionDenied
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Role
from desktop.operations import Operations
from desktop.services import plant, security, user_accounts
from desktop.services.actor import Actor
from desktop.services.security import NotCertified, SignInRefused, workstation
from desktop.storage.models.security import AuditEntry, User

SYSTEM = Actor.system()


@pytest.fixture
def ops(database) -> Iterator[Operations]:  # noqa: ANN001
    operations = Operations(database)
    yield operations
    operations.shutdown()


def sign_in_badge(ops: Operations, badge: str, pin: str, station: str | None) -> Actor:
    """As the sign-in screen does: a write by the workstation; the refusal after the commit."""
    attempt = ops.write(workstation(station), security.sign_in_badge, badge, pin).result()
    if attempt.refusal is not None:
        raise attempt.refusal
    return attempt.actor


def sign_in_password(ops: Operations, username: str, password: str) -> Actor:
    attempt = ops.write(workstation(None), security.sign_in_password, username, password).result()
    if attempt.refusal is not None:
        raise attempt.refusal
    return attempt.actor


def create_user(ops: Operations, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
    return ops.write(SYSTEM, user_accounts.create_user, *args, **kwargs).result()


def user_row(database, username: str) -> User:  # noqa: ANN001
    with database.reading() as session:
        return session.scalar(select(User).where(User.username == username))


@pytest.fixture
def users(ops: Operations) -> Operations:
    create_user(
        ops,
        "op.martin",
        "Léa Martin",
        "operator",
        badge="BADGE-1001",
        pin="2468",
        password="correct horse",
    )
    create_user(ops, "chef", "Chef d'équipe", "supervisor", password="supervise-me")
    return ops


def test_first_admin_only_on_an_empty_database(database, ops) -> None:
    here = workstation(None)
    assert ops.read(user_accounts.needs_first_admin).result()
    admin = ops.write(
        here, user_accounts.create_first_admin, "admin", "Plant Admin", "long enough"
    ).result()
    assert admin.role is Role.ADMIN and not ops.read(user_accounts.needs_first_admin).result()
    with pytest.raises(ConflictError, match="has users already"):
        ops.write(
            here, user_accounts.create_first_admin, "admin2", "Another", "long enough"
        ).result()


def test_sign_in_by_badge_and_pin_gives_the_operator(users: Operations) -> None:
    actor = sign_in_badge(users, "BADGE-1001", "2468", "FILL-1")
    assert (actor.username, actor.role, actor.station) == ("op.martin", Role.OPERATOR, "FILL-1")
    assert actor.name == "Léa Martin" and actor.user_id is not None


def test_sign_in_by_password(users: Operations) -> None:
    assert sign_in_password(users, "CHEF", "supervise-me").role is Role.SUPERVISOR


def test_a_wrong_pin_says_nothing_about_which_part_was_wrong(users: Operations) -> None:
    with pytest.raises(SignInRefused) as wrong_pin:
        sign_in_badge(users, "BADGE-1001", "0000", "FILL-1")
    with pytest.raises(SignInRefused) as wrong_badge:
        sign_in_badge(users, "BADGE-9999", "2468", "FILL-1")
    assert str(wrong_pin.value) == str(wrong_badge.value)


def test_five_failures_lock_the_account_and_the_lock_is_audited(database, users) -> None:
    for _ in range(4):
        with pytest.raises(SignInRefused, match="Sign-in refused"):
            sign_in_badge(users, "BADGE-1001", "9999", "FILL-1")
    # the fifth failure itself says the account is now locked, and until when (plant time)
    with pytest.raises(SignInRefused, match=r"Léa Martin is locked until \d\d:\d\d after 5"):
        sign_in_badge(users, "BADGE-1001", "9999", "FILL-1")
    with pytest.raises(SignInRefused, match="locked until"):
        sign_in_badge(users, "BADGE-1001", "2468", "FILL-1")
    with database.reading() as session:
        lock = session.scalar(select(AuditEntry).where(AuditEntry.action == "lock"))
        assert lock.object_id == "op.martin"
        assert lock.username == "station:FILL-1"


def test_the_lock_says_until_when_in_plant_time(database, users) -> None:
    from desktop.domain.plant_time import to_plant, zone

    for _ in range(5):
        with pytest.raises(SignInRefused):
            sign_in_password(users, "chef", "nope")
    until = user_row(database, "chef").locked_until
    plant_time = to_plant(until, zone("Europe/Paris")).strftime("%H:%M")
    with pytest.raises(SignInRefused, match=f"locked until {plant_time} "):
        sign_in_password(users, "chef", "supervise-me")


@pytest.mark.parametrize(
    ("badge", "pin", "message"),
    [
        ("BADGE-1001", "", "Enter your PIN"),
        ("", "2468", "Scan your badge or type its number"),
        ("  ", "", "Scan your badge"),
    ],
)
def test_an_empty_pin_or_badge_is_no_attempt(database, users, badge, pin, message) -> None:
    for _ in range(7):
        with pytest.raises(SignInRefused, match=message):
            sign_in_badge(users, badge, pin, "FILL-1")
    row = user_row(database, "op.martin")
    assert (row.failed_attempts, row.locked_until) == (0, None)
    assert sign_in_badge(users, "BADGE-1001", "2468", None).username == "op.martin"


def test_an_empty_password_is_no_attempt(database, users) -> None:
    for _ in range(7):
        with pytest.raises(SignInRefused, match="Enter your password"):
            sign_in_password(users, "chef", "")
    with pytest.raises(SignInRefused, match="Enter your user name"):
        sign_in_password(users, "", "supervise-me")
    row = user_row(database, "chef")
    assert (row.failed_attempts, row.locked_until) == (0, None)
    with database.reading() as session:
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "lock")) is None
    assert sign_in_password(users, "chef", "supervise-me").username == "chef"


def test_an_administrator_unlocks_an_account_signed_and_audited(database, users) -> None:
    create_user(users, "boss", "Boss", "admin", password="admin-secret")
    boss = sign_in_password(users, "boss", "admin-secret")
    for _ in range(5):
        with pytest.raises(SignInRefused):
            sign_in_password(users, "chef", "nope")
    listed = {u.username: u for u in users.read(user_accounts.list_users, boss).result()}
    assert listed["chef"].locked_until is not None and listed["boss"].locked_until is None
    with pytest.raises(PermissionDenied, match="PIN or password is wrong"):
        users.write(boss, user_accounts.unlock_user, "chef", secret="guess").result()
    assert user_row(database, "chef").locked_until is not None
    unlocked = users.write(
        boss,
        user_accounts.unlock_user,
        "chef",
        reason="called the help desk",
        secret="admin-secret",
    ).result()
    assert unlocked.locked_until is None
    assert sign_in_password(users, "chef", "supervise-me").username == "chef"
    with database.reading() as session:
        row = session.scalar(select(AuditEntry).where(AuditEntry.action == "unlock"))
    assert (row.username, row.object_id, row.reason, row.signature_meaning) == (
        "boss",
        "chef",
        "called the help desk",
        "approve",
    )
    with pytest.raises(ConflictError, match="Chef d'équipe is not locked"):
        users.write(boss, user_accounts.unlock_user, "chef", secret="admin-secret").result()


def test_only_an_administrator_unlocks(database, users) -> None:
    chef = sign_in_password(users, "chef", "supervise-me")
    for _ in range(5):
        with pytest.raises(SignInRefused):
            sign_in_badge(users, "BADGE-1001", "0000", None)
    with pytest.raises(PermissionDenied, match="may not do this"):
        users.write(chef, user_accounts.unlock_user, "op.martin", secret="supervise-me").result()
    assert user_row(database, "op.martin").locked_until is not None


def test_the_lock_ends_after_the_configured_time(database, users) -> None:
    for _ in range(5):
        with pytest.raises(SignInRefused):
            sign_in_password(users, "chef", "nope")
    with database.unit_of_work() as session:
        user = session.scalar(select(User).where(User.username == "chef"))
        assert user.locked_until is not None
        user.locked_until = utc_now() - timedelta(seconds=1)
    listed = {u.username: u for u in users.read(user_accounts.list_users, SYSTEM).result()}
    assert listed["chef"].locked_until is None  # a lock that ran out is no lock
    assert sign_in_password(users, "chef", "supervise-me").username == "chef"


def test_an_inactive_user_cannot_sign_in(users: Operations) -> None:
    users.write(SYSTEM, user_accounts.update_user, "chef", active=False, reason="left").result()
    with pytest.raises(SignInRefused, match="no longer active"):
        sign_in_password(users, "chef", "supervise-me")


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
        create_user(users, "new.user", "New User", "operator", **kwargs)
    listed = users.read(user_accounts.list_users, SYSTEM).result()
    assert "new.user" not in [u.username for u in listed]


def test_a_bad_username_and_a_duplicate_are_refused(users: Operations) -> None:
    with pytest.raises(InputError, match="User name 'Bad Name!' is not valid"):
        create_user(users, "Bad Name!", "X", "operator", password="long enough")
    with pytest.raises(ConflictError, match="already exists"):
        create_user(users, "chef", "X", "operator", password="long enough")


def test_a_signature_needs_the_signers_own_secret(database, users) -> None:
    create_user(users, "boss", "Boss", "admin", password="admin-secret")
    boss = sign_in_password(users, "boss", "admin-secret")
    with pytest.raises(PermissionDenied, match="PIN or password is wrong"):
        users.write(boss, plant.save_line, "CELL-9", "Cell line 9", "cell", secret="guess").result()
    assert users.read(plant.list_lines).result() == []
    users.write(
        boss, plant.save_line, "CELL-9", "Cell line 9", "cell",
        secret="admin-secret", meaning="approve",
    ).result()  # fmt: skip
    with database.reading() as session:
        row = session.scalar(select(AuditEntry).where(AuditEntry.object_id == "CELL-9"))
        assert (row.username, row.action, row.signature_meaning) == ("boss", "create", "approve")


def test_user_changes_are_audited_without_secrets(database, users) -> None:
    users.write(
        SYSTEM, user_accounts.update_user, "op.martin", pin="1357", reason="forgot PIN"
    ).result()
    with database.reading() as session:
        row = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.object_id == "op.martin")
            .order_by(AuditEntry.id.desc())
        ).first()
    assert row.reason == "forgot PIN"
    assert "1357" not in row.changes and "***" in row.changes


def test_the_roles_of_the_matrix_are_checked(users: Operations) -> None:
    with pytest.raises(InputError, match="Unknown role 'boss'"):
        user_accounts.check_role("boss")


def _filling_station(database) -> None:  # noqa: ANN001
    with database.unit_of_work() as session:
        plant.save_line(session, SYSTEM, "CELL-1", "Cell line 1", "cell")
        plant.save_station(session, SYSTEM, "FILL-1", "Filling 1", "CELL-1", "filling", new=True)


def test_an_uncertified_operator_is_refused_at_a_station_until_a_supervisor_overrides(
    database, users
) -> None:
    _filling_station(database)
    create_user(users, "chef.b", "Chef B", "supervisor", badge="BADGE-2002", pin="8642")
    with pytest.raises(NotCertified, match="Léa Martin may not work here") as refused:
        sign_in_badge(users, "BADGE-1001", "2468", "FILL-1")
    assert sign_in_badge(users, "BADGE-1001", "2468", None).username == "op.martin"
    operator = refused.value.operator

    def override(pin: str, reason: str) -> Actor:
        return users.write(
            operator, security.override_certification, "BADGE-2002", pin, reason
        ).result()

    with pytest.raises(SignInRefused):
        override("0000", "short of trained staff")
    with pytest.raises(InputError, match="Give a reason"):
        override("8642", "")
    allowed = override("8642", "trainer beside her")
    assert allowed.username == "op.martin" and allowed.override_by == "chef.b"
    with database.reading() as session:
        row = session.scalar(select(AuditEntry).where(AuditEntry.action == "override"))
        assert (row.username, row.reason) == ("chef.b", "trainer beside her")


def test_an_operator_may_not_override_for_another(database, users) -> None:
    _filling_station(database)
    create_user(users, "op.two", "Op Two", "operator", badge="BADGE-3003", pin="1357")
    with pytest.raises(NotCertified) as refused:
        sign_in_badge(users, "BADGE-1001", "2468", "FILL-1")
    with pytest.raises(PermissionDenied, match="may not do this"):
        users.write(
            refused.value.operator, security.override_certification, "BADGE-3003", "1357", "x"
        ).result()
