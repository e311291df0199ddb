"""The People part's settings: staff per GWh, the expansion plan in GWh, and after how many
years leavers are anonymised (GDPR). Stored as plant settings (desktop/services/plant.py)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from desktop.domain import headcount as hc
from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.plant import default_site, get_setting, put_setting

STAFF_PER_GWH_KEY = "people.staff_per_gwh"
ANONYMISE_AFTER_KEY = "people.anonymise_after_years"
EXPANSION_KEY = "people.expansion_gwh"
DEFAULT_ANONYMISE_AFTER_YEARS = 5


def staff_per_gwh(session: Session) -> float:
    """People per GWh a year; by default the site's target over its capacity (1,000 / 10)."""
    stored = get_setting(session, STAFF_PER_GWH_KEY)
    if stored:
        return float(stored)
    site = default_site(session)
    return site.staffing_target / site.capacity_gwh if site.capacity_gwh else 0.0


def expansion_gwh(session: Session) -> tuple[float, ...]:
    stored = get_setting(session, EXPANSION_KEY)
    if stored:
        return tuple(float(v) for v in stored.split(","))
    return hc.DEFAULT_EXPANSION_GWH


def anonymise_after_years(session: Session) -> int:
    stored = get_setting(session, ANONYMISE_AFTER_KEY)
    return int(stored) if stored else DEFAULT_ANONYMISE_AFTER_YEARS


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
    if staff_per_gwh_value is not None:
        if not 0 < staff_per_gwh_value <= 10_000:
            raise InputError(
                QT_TRANSLATE_NOOP("Messages", "Staff per GWh must be between 0 and 10,000")
            )
        changes[STAFF_PER_GWH_KEY] = (staff_per_gwh(session), staff_per_gwh_value)
        put_setting(session, STAFF_PER_GWH_KEY, repr(float(staff_per_gwh_value)))
    if anonymise_after is not None:
        if not 1 <= anonymise_after <= 50:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Leavers are anonymised after 1 to 50 years, not {years}"
                ),
                years=anonymise_after,
            )
        changes[ANONYMISE_AFTER_KEY] = (anonymise_after_years(session), anonymise_after)
        put_setting(session, ANONYMISE_AFTER_KEY, str(anonymise_after))
    if expansion is not None:
        if not expansion or any(not 0 < v <= 1000 for v in expansion):
            raise InputError(
                QT_TRANSLATE_NOOP("Messages", "Capacities must be between 0 and 1,000 GWh")
            )
        changes[EXPANSION_KEY] = (expansion_gwh(session), tuple(expansion))
        put_setting(session, EXPANSION_KEY, ",".join(repr(float(v)) for v in expansion))
    if changes:
        audit.record(session, actor, "update", "setting", "people", changes=changes)
