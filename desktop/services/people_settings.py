"""The People part's settings: staff per GWh, the expansion plan in GWh, and after how many
years leavers are anonymised (GDPR). Declared with the other plant settings in
desktop/services/plant_settings.py; changed here, with the permission and the audit row."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services import plant_settings as settings
from desktop.services.actor import Actor


def staff_per_gwh(session: Session) -> float:
    """People per GWh a year; by default the site's target over its capacity (1,000 / 10)."""
    return settings.read(session, settings.STAFF_PER_GWH)


def expansion_gwh(session: Session) -> tuple[float, ...]:
    return settings.read(session, settings.EXPANSION_GWH)


def anonymise_after_years(session: Session) -> int:
    return settings.read(session, settings.ANONYMISE_AFTER_YEARS)


def save_people_settings(
    session: Session,
    actor: Actor,
    *,
    staff_per_gwh_value: float | None = None,
    anonymise_after: int | None = None,
    expansion: Sequence[float] | None = None,
) -> None:
    """The staff-per-GWh ratio, the years after which leavers are anonymised, the expansion."""
    actor.require(Permission.EDIT_EMPLOYEES)
    changes: dict[str, tuple[object, object]] = {}
    wanted = (
        (settings.STAFF_PER_GWH, staff_per_gwh_value),
        (settings.ANONYMISE_AFTER_YEARS, anonymise_after),
        (settings.EXPANSION_GWH, tuple(expansion) if expansion is not None else None),
    )
    for setting, value in wanted:
        if value is not None:
            old = settings.read(session, setting)
            settings.write(session, setting, value)
            changes[setting.key] = (old, value)
    if changes:
        audit.record(session, actor, "update", "setting", "people", changes=changes)
