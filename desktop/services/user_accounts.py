"""User accounts and their secrets: who may sign in, with which role, badge, PIN and password.

An administrator creates, changes, lists and unlocks users (each signed and audited, through
`SignedChange` of desktop/services/signatures.py); the plant database's very first start creates
its first administrator from the sign-in screen. Secrets are stored as hashes only
(desktop/services/passwords.py). Signing in with them, and the lock after failed attempts, are
desktop/services/security.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, ConflictError, InputError
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission, Role
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.passwords import hash_secret
from desktop.services.security import _actor, _user
from desktop.services.signatures import Meaning, SignedChange
from desktop.storage.models.people import Employee
from desktop.storage.models.security import User

_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,63}$")
_PIN = re.compile(r"^[0-9]{4,8}$")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: str
    badge: str | None
    active: bool
    locked_until: datetime | None  # while a lock after failed attempts is in force
    has_password: bool
    has_pin: bool


def _info(user: User, badge: str | None) -> UserInfo:
    """`locked_until` only while the lock is in force (a lock that ran out is no lock)."""
    locked = user.locked_until if user.locked_until and user.locked_until > utc_now() else None
    return UserInfo(
        user.id,
        user.username,
        user.display_name,
        user.role,
        badge,
        user.active,
        locked,
        bool(user.password_hash),
        bool(user.pin_hash),
    )


def _badge_of(session: Session, user: User) -> str | None:
    if user.employee_id is None:
        return None
    return session.scalar(select(Employee.badge).where(Employee.id == user.employee_id))


def check_username(value: str) -> str:
    username = value.strip().lower()
    if not _USERNAME.match(username):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "User name '{value}' is not valid: 2 to 64 lower-case letters, digits, '.', '-' or "
                "'_', starting with a letter",
            ),
            value=value,
        )
    return username


def check_password(value: str) -> str:
    if len(value) < MIN_PASSWORD:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "A password needs at least {count} characters"),
            count=MIN_PASSWORD,
        )
    return value


def check_pin(value: str) -> str:
    if not _PIN.match(value):
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A PIN is 4 to 8 digits"))
    return value


def check_role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Unknown role '{role}'; known: {known}"),
            role=value,
            known=", ".join(r.value for r in Role),
        ) from None


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def _employee_for_badge(session: Session, badge: str, display_name: str) -> Employee:
    """The employee with this badge; a minimal record is made when HR has not imported it yet."""
    employee = session.scalar(select(Employee).where(Employee.badge == badge))
    if employee is None:
        from desktop.services.shifts import plant_today

        employee = Employee(
            badge=badge, name=display_name, hire_date=plant_today(session), created_at=utc_now()
        )
        session.add(employee)
        session.flush()
    return employee


def _new_user(
    session: Session,
    username: str,
    display_name: str,
    role: Role,
    badge: str | None,
    password: str | None,
    pin: str | None,
) -> User:
    username = check_username(username)
    display_name = display_name.strip()
    if not display_name or len(display_name) > 200:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A name must have 1 to 200 characters"))
    if password is None and pin is None:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "Give a password, a PIN or both"))
    if pin is not None and not badge:
        raise InputError(QT_TRANSLATE_NOOP("Messages", "A PIN needs a badge to go with it"))
    password_hash = hash_secret(check_password(password)) if password is not None else None
    pin_hash = hash_secret(check_pin(pin)) if pin is not None else None
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Messages", "User {user} already exists"), user=username
        )
    employee_id = None
    if badge:
        employee = _employee_for_badge(session, badge.strip(), display_name)
        if session.scalar(select(User.id).where(User.employee_id == employee.id)) is not None:
            raise ConflictError(
                QT_TRANSLATE_NOOP("Messages", "Badge {badge} already belongs to another user"),
                badge=badge,
            )
        employee_id = employee.id
    user = User(
        username=username,
        display_name=display_name,
        role=role.value,
        employee_id=employee_id,
        password_hash=password_hash,
        pin_hash=pin_hash,
        active=True,
        failed_attempts=0,
        created_at=utc_now(),
    )
    session.add(user)
    session.flush()
    return user


def needs_first_admin(session: Session) -> bool:
    """A plant database with no user yet: the sign-in screen creates the first administrator."""
    return count_users(session) == 0


def create_first_admin(
    session: Session, at: Actor, username: str, display_name: str, password: str
) -> Actor:
    """The plant database's first start: the first administrator, only while there is no user.
    `at` is the `workstation()` it is created at (nobody is signed in yet)."""
    if count_users(session) > 0:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "Messages", "This database has users already; an administrator adds new ones"
            )
        )
    user = _new_user(session, username, display_name, Role.ADMIN, None, password, None)
    actor = _actor(user, at.station)
    audit.record(
        session,
        actor,
        "create",
        "user",
        user.username,
        changes={"role": Role.ADMIN.value, "first_admin": True},
    )
    return actor


def create_user(
    session: Session,
    actor: Actor,
    username: str,
    display_name: str,
    role: str,
    *,
    badge: str | None = None,
    password: str | None = None,
    pin: str | None = None,
    secret: str = "",
    meaning: Meaning | str = Meaning.APPROVE,
) -> UserInfo:
    change = SignedChange(session, actor, Permission.MANAGE_USERS)
    chosen = check_role(role)
    change.sign(secret, meaning)
    user = _new_user(session, username, display_name, chosen, badge, password, pin)
    change.record(
        "create",
        "user",
        user.username,
        changes={
            "role": chosen.value,
            "badge": badge,
            "password": password is not None,
            "pin": pin is not None,
        },
    )
    return _info(user, badge)


def update_user(
    session: Session,
    actor: Actor,
    username: str,
    *,
    role: str | None = None,
    active: bool | None = None,
    password: str | None = None,
    pin: str | None = None,
    secret: str = "",
    reason: str | None = None,
    meaning: Meaning | str = Meaning.APPROVE,
) -> UserInfo:
    """Change a user's role, activity or secrets (an unlock comes with a new secret)."""
    change = SignedChange(session, actor, Permission.MANAGE_USERS).sign(secret, meaning)
    user = _user(session, username)
    changes: dict[str, tuple[object, object]] = {}
    if role is not None and role != user.role:
        changes["role"] = (user.role, check_role(role).value)
        user.role = role
    if active is not None and active != user.active:
        if not active and user.id == actor.user_id:
            raise ConflictError(QT_TRANSLATE_NOOP("Messages", "You cannot deactivate yourself"))
        changes["active"] = (user.active, active)
        user.active = active
    if password is not None:
        user.password_hash = hash_secret(check_password(password))
        changes["password"] = ("***", "new")
    if pin is not None:
        if user.employee_id is None:
            raise InputError(QT_TRANSLATE_NOOP("Messages", "A PIN needs a badge to go with it"))
        user.pin_hash = hash_secret(check_pin(pin))
        changes["pin"] = ("***", "new")
    if password is not None or pin is not None:
        user.failed_attempts, user.locked_until = 0, None
    if changes:
        change.record("update", "user", user.username, changes=changes, reason=reason)
    session.flush()
    return _info(user, _badge_of(session, user))


def list_users(session: Session, actor: Actor) -> list[UserInfo]:
    actor.require(Permission.MANAGE_USERS)
    rows = session.execute(
        select(User, Employee.badge)
        .outerjoin(Employee, User.employee_id == Employee.id)
        .order_by(User.username)
    ).all()
    return [_info(user, badge) for user, badge in rows]


def unlock_user(
    session: Session,
    actor: Actor,
    username: str,
    *,
    reason: str | None = None,
    secret: str = "",
    meaning: Meaning | str = Meaning.APPROVE,
    now: datetime | None = None,
) -> UserInfo:
    """An administrator lifts a lock after failed attempts before it runs out (signed,
    audited); the failure count starts again from zero."""
    change = SignedChange(session, actor, Permission.MANAGE_USERS).sign(secret, meaning)
    user = _user(session, username)
    now = now or utc_now()
    if user.locked_until is None or user.locked_until <= now:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Messages", "{user} is not locked"), user=user.display_name
        )
    change.record(
        "unlock",
        "user",
        user.username,
        changes={"locked_until": (user.locked_until, None)},
        reason=(reason or "").strip() or None,
    )
    user.failed_attempts, user.locked_until = 0, None
    session.flush()
    return _info(user, _badge_of(session, user))
