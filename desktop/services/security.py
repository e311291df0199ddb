"""Signing in: badge + PIN at stations, username + password at office PCs, and the lockout.

Five failed attempts in a row lock the account for a configurable time (the plant setting
`LOCKOUT_MINUTES` of desktop/services/plant_settings.py); the lock goes to the audit trail.
Messages never say whether the badge or the PIN was wrong, so a guess learns nothing. An empty
PIN or password is no attempt (nothing counted), and a locked account says until when in plant
time; an administrator may lift a lock before it runs out (`unlock_user` in
desktop/services/user_accounts.py, with the other changes to a user). At a station an operator
also needs a valid certification for its station type, or a supervisor's override.

Every function takes the unit of work first; the GUI calls them through the operations kernel.
A sign-in is a write by the `workstation()` (nobody is signed in yet) that returns an `Attempt`
rather than raising, so the failure it counts is committed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, NotFoundError, PermissionDenied
from desktop.domain.plant_time import to_plant, utc_now, zone
from desktop.domain.roles import Role
from desktop.services import audit, plant, plant_settings
from desktop.services.actor import Actor
from desktop.services.passwords import verify_secret
from desktop.storage.models.people import Employee
from desktop.storage.models.plant import Station
from desktop.storage.models.security import User

MAX_FAILED_ATTEMPTS = 5


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


def _user(session: Session, username: str) -> User:
    """The user of this name (the account changes of user_accounts.py look them up here too)."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown user: {user}"), user=username)
    return user


def _actor(user: User, station: str | None) -> Actor:
    """Who acts once `user` is signed in at `station` (or at an office PC: None)."""
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
    """At a station, an operator needs a valid certification for its station type."""
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
