"""Who scans at a headless station (a PLC, a test rig): a user account acting at a station,
checked as the sign-in checks it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.roles import Permission
from desktop.services import security
from desktop.services.actor import Actor
from desktop.services.station.checks import station_program


def station_operator(session: Session, username: str, station: str) -> Actor:
    """Who scans at a headless station (a PLC, a test rig: `linedesk station scan`): the user
    account `username` acting at `station`, built as the sign-in builds it.

    No secret is asked (whoever runs commands on the PC can open the database anyway, as for
    every command), but everything else the sign-in checks holds: the station and the user
    exist, the account is active, its role may operate a station, and an operator holds a
    valid certification for the station's type.
    """
    station_program(session, station)
    user = security._user(session, username.strip().lower())
    if not user.active:
        raise security.SignInRefused(
            QT_TRANSLATE_NOOP("Messages", "{user} is no longer active; ask an administrator"),
            user=user.display_name,
        )
    actor = security._actor(user, station)
    actor.require(Permission.OPERATE_STATION)
    problem = security._certification_problem(session, user, station)
    if problem is not None:
        raise security.NotCertified(actor, problem)
    return actor
