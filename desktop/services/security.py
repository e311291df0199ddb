"""Users and sign-in: badge + PIN at stations, username + password at office PCs.

Five failed attempts in a row lock the account for a configurable time (the plant setting
`LOCKOUT_MINUTES` of desktop/services/plant_settings.py); the lock and every change to a user go to
the audit trail. Messages never say whether the badge or the PIN was wrong, so a guess learns
nothing. An empty PIN or password is no attempt (nothing counted), a locked account says until when
in plant time, and an administrator may lift a lock before it runs out (`unlock_user`, signed and
audited).

Every function takes the unit of work first; the GUI calls them through the operations kernel.
A sign-in is a write by the `workstation()` (nobody is signed in yet) that returns an `Attempt`
rather than raising, so the failure it counts is committed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.messages import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    InputError,
    Message,
    NotFoundError,
    PermissionDenied,
)
from desktop.domain.plant_time import to_plant, utc_now, zone
from desktop.domain.roles import Permission, Role
from desktop.services import audit, plant, plant_settings
from desktop.services.actor import Actor
from desktop.services.passwords import hash_secret, verify_secret
from desktop.services.signatures import Meaning, SignedChange
from desktop.storage.models.people import Employee
from desktop.storage.models.plant import Station
from desktop.storage.models.security import User

MAX_FAILED_ATTEMPTS = 5
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


class SignInRefused(PermissionDenied):
    """Wrong credentials, an inactive or a locked account."""


class NotCertified(SignInRefused):
    """The operator's badge and PIN are right, but they may not work at this station (not
    qualified, or the certificate expired). A supervisor may let them in for this session."""

    def __init__(self, operator: Actor, problem: Message) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "{operator} may not work here: {problem}"),
            operator=operator.name,
            problem=problem,
        )
        self.operator = operator


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


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown user: {user}"), user=username)
    return user


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


def _actor(user: User, station: str | None) -> Actor:
    return Actor(
        username=user.username,
        role=Role(user.role),
        station=station,
        user_id=user.id,
        display_name=user.display_name,
        employee_id=user.employee_id,
    )


@dataclass(frozen=True)
class Attempt:
    """What a sign-in attempt came to; the caller commits, then raises `refusal` if any."""

    actor: Actor | None
    refusal: SignInRefused | None


def workstation(station: str | None) -> Actor:
    """Who acts while nobody is signed in: the workstation itself. A sign-in attempt is a write
    (it counts failures, it may lock an account) and the kernel binds an actor to every write;
    the lock after failed attempts is audited under this name."""
    return Actor(f"station:{station or '?'}", Role.OPERATOR, station)


def _plant_moment(session: Session, moment: datetime, now: datetime) -> str:
    """`14:35` in plant time, with the plant date in front when that is not today."""
    tz = zone(plant.site_info(session).time_zone)
    local = to_plant(moment, tz)
    if local.date() == to_plant(now, tz).date():
        return local.strftime("%H:%M")
    return local.strftime("%d/%m/%Y %H:%M")


def _locked(session: Session, user: User, now: datetime) -> SignInRefused:
    assert user.locked_until is not None
    return SignInRefused(
        QT_TRANSLATE_NOOP(
            "Messages", "{user} is locked until {time} after {count} failed attempts"
        ),
        user=user.display_name,
        time=_plant_moment(session, user.locked_until, now),
        count=MAX_FAILED_ATTEMPTS,
    )


def _attempt(
    session: Session,
    user: User | None,
    secret_hash: Callable[[User], str | None],
    secret: str,
    station: str | None,
    now: datetime,
) -> Attempt:
    wrong = SignInRefused(
        QT_TRANSLATE_NOOP(
            "Messages", "Sign-in refused: unknown badge or user, or wrong PIN or password"
        )
    )
    if user is None:
        return Attempt(None, wrong)
    if user.locked_until is not None and user.locked_until > now:
        return Attempt(None, _locked(session, user, now))
    if not user.active:
        return Attempt(
            None,
            SignInRefused(
                QT_TRANSLATE_NOOP("Messages", "{user} is no longer active; ask an administrator"),
                user=user.display_name,
            ),
        )
    if not verify_secret(secret_hash(user), secret):
        user.failed_attempts += 1
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            minutes = plant_settings.read(session, plant_settings.LOCKOUT_MINUTES)
            user.locked_until = now + timedelta(minutes=minutes)
            user.failed_attempts = 0
            audit.record(
                session,
                workstation(station),
                "lock",
                "user",
                user.username,
                changes={"failed_attempts": MAX_FAILED_ATTEMPTS, "minutes": minutes},
            )
            return Attempt(None, _locked(session, user, now))
        return Attempt(None, wrong)
    user.failed_attempts, user.locked_until = 0, None
    actor = _actor(user, station)
    problem = _certification_problem(session, user, station)
    if problem is not None:
        return Attempt(None, NotCertified(actor, problem))
    return Attempt(actor, None)


def _nothing_typed(message: str) -> Attempt:
    """An empty field is no attempt: nothing is looked up, no failure counted."""
    return Attempt(None, SignInRefused(message))


def _certification_problem(session: Session, user: User, station: str | None) -> Message | None:
    """At a station, an operator needs a valid certification for its station type (DOMAIN.md)."""
    if station is None or user.role != Role.OPERATOR.value:
        return None
    from desktop.services.shifts import plant_today
    from desktop.services.skills import certification_problem

    station_type = session.scalar(select(Station.station_type_code).where(Station.code == station))
    if station_type is None:
        return None
    if user.employee_id is None:
        return Message(QT_TRANSLATE_NOOP("Messages", "No employee record for this user"))
    return certification_problem(session, user.employee_id, station_type, plant_today(session))


def override_certification(
    session: Session, operator: Actor, supervisor_badge: str, supervisor_pin: str, reason: str
) -> Actor:
    """A supervisor, with their own badge and PIN, lets an uncertified operator work at the
    station for this signed-in session; their scans are marked with the override."""
    attempt = attempt_badge(session, supervisor_badge, supervisor_pin, None)
    if attempt.refusal is not None:
        raise attempt.refusal
    assert attempt.actor is not None and operator.employee_id is not None
    supervisor = Actor(
        attempt.actor.username,
        attempt.actor.role,
        operator.station,
        attempt.actor.user_id,
        display_name=attempt.actor.display_name,
    )
    from desktop.services.skills import record_certification_override

    record_certification_override(
        session, supervisor, operator.employee_id, operator.station or "", reason
    )
    return replace(operator, override_by=supervisor.username)


def attempt_password(
    session: Session, username: str, password: str, station: str | None, now: datetime | None = None
) -> Attempt:
    if not username.strip():
        return _nothing_typed(QT_TRANSLATE_NOOP("Messages", "Enter your user name"))
    if not password:
        return _nothing_typed(QT_TRANSLATE_NOOP("Messages", "Enter your password"))
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    return _attempt(session, user, lambda u: u.password_hash, password, station, now or utc_now())


def attempt_badge(
    session: Session, badge: str, pin: str, station: str | None, now: datetime | None = None
) -> Attempt:
    if not badge.strip():
        return _nothing_typed(QT_TRANSLATE_NOOP("Messages", "Scan your badge or type its number"))
    if not pin:
        return _nothing_typed(QT_TRANSLATE_NOOP("Messages", "Enter your PIN"))
    user = session.scalar(
        select(User)
        .join(Employee, User.employee_id == Employee.id)
        .where(Employee.badge == badge.strip())
    )
    return _attempt(session, user, lambda u: u.pin_hash, pin, station, now or utc_now())


def sign_in_password(session: Session, at: Actor, username: str, password: str) -> Attempt:
    """A sign-in at an office PC, as the kernel runs it: `at` is the `workstation()`."""
    return attempt_password(session, username, password, at.station)


def sign_in_badge(session: Session, at: Actor, badge: str, pin: str) -> Attempt:
    """A sign-in at a station with badge and PIN, as the kernel runs it."""
    return attempt_badge(session, badge, pin, at.station)


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
