"""Electronic signatures: re-entering one's PIN or password and choosing a meaning.

Releasing a hold, scrapping and master-data changes require one; the meaning is stored with the
record and in the audit trail (`signature_meaning`). `SignedChange` walks every such service
through the same steps in the same order: the permission, the signature, the change, the audit
row with the meaning.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, PermissionDenied
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.passwords import verify_secret
from desktop.storage.models.security import AuditEntry, User


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


class SignedChange:
    """One signed change of business data, from its permission to its audit row.

    Making one checks the permission (nothing else has run yet); the service then checks its
    request, calls `sign` before it changes anything, makes the change and `record`s it. A change
    refused on the way raises, and nothing is recorded; `record` before `sign` is a programming
    error. Usually `SignedChange(session, actor, permission).sign(secret, meaning)` in one line.
    """

    def __init__(self, session: Session, actor: Actor, permission: Permission) -> None:
        actor.require(permission)
        self.session = session
        self.actor = actor
        self._meaning: Meaning | None = None

    def sign(self, secret: str, meaning: Meaning | str = Meaning.APPROVE) -> SignedChange:
        """Check the signer's secret (`sign` above); the change may be made after this."""
        self._meaning = sign(self.session, self.actor, secret, meaning)
        return self

    @property
    def meaning(self) -> Meaning:
        """The meaning signed, to store on the record itself (a hold, a handover)."""
        if self._meaning is None:
            raise RuntimeError("a signed change is signed before it is made")
        return self._meaning

    def record(
        self,
        action: str,
        object_type: str,
        object_id: str,
        *,
        changes: Mapping[str, Any] | None = None,
        reason: str | None = None,
    ) -> AuditEntry:
        """The audit row of the change, with the meaning signed (desktop/services/audit.py)."""
        return audit.record(
            self.session,
            self.actor,
            action,
            object_type,
            object_id,
            changes=changes,
            reason=reason,
            signature_meaning=self.meaning.value,
        )
