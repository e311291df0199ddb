"""Electronic signatures: re-entering one's PIN or password and choosing a meaning.

Releasing a hold, scrapping and master-data changes require one; the meaning is stored with the
record and in the audit trail (`signature_meaning`).
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, PermissionDenied
from desktop.services.actor import Actor
from desktop.services.passwords import verify_secret
from desktop.storage.models.security import User


class Meaning(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"


def sign(session: Session, actor: Actor, secret: str, meaning: Meaning | str) -> Meaning:
    """Check `secret` (the signer's PIN or password) and return the meaning to store.

    The system user of the command line signs by being the operating-system account: its
    commands are run deliberately by whoever holds the PC, and are recorded as such.
    """
    chosen = Meaning(meaning)
    if actor.is_system:
        return chosen
    user = session.get(User, actor.user_id) if actor.user_id is not None else None
    if user is None or not user.active:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Messages", "Sign in to sign this record"))
    if not (verify_secret(user.pin_hash, secret) or verify_secret(user.password_hash, secret)):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Messages", "Signature refused: the PIN or password is wrong")
        )
    return chosen
