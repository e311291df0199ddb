"""Plant-wide settings (the `setting` table): every one declared once below, typed, with defaults.

The habit of the workstation options (desktop/config.py): each setting names its key, its kind
(how the value is stored as text and read back), its default and the check of what is allowed.
`read` returns the typed value, or the default while nothing valid is stored; `write` refuses a
setting that is not declared here or a value of the wrong kind or out of range, with the key and
what is expected, before anything is written. Like `plant.put_line`, `write` is the storage step
of a service: the service checks the permission and records the change in the audit trail.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from desktop.domain import headcount as hc
from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, LinedeskError, Message
from desktop.services.plant import default_site, get_setting, put_setting

log = logging.getLogger(__name__)

T = TypeVar("T")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@dataclass(frozen=True)
class Kind(Generic[T]):
    """How values of one type are told apart, stored as text and read back."""

    name: str
    accepts: Callable[[object], bool]
    parse: Callable[[str], T]
    format: Callable[[T], str]


WHOLE_NUMBER: Kind[int] = Kind(
    QT_TRANSLATE_NOOP("Messages", "a whole number"),
    lambda v: isinstance(v, int) and not isinstance(v, bool),
    int,
    str,
)
NUMBER: Kind[float] = Kind(
    QT_TRANSLATE_NOOP("Messages", "a number"), _is_number, float, lambda v: repr(float(v))
)
NUMBERS: Kind[tuple[float, ...]] = Kind(
    QT_TRANSLATE_NOOP("Messages", "a list of numbers"),
    lambda v: isinstance(v, list | tuple) and all(_is_number(x) for x in v),
    lambda text: tuple(float(x) for x in text.split(",")),
    lambda v: ",".join(repr(float(x)) for x in v),
)
FLAG: Kind[bool] = Kind(
    QT_TRANSLATE_NOOP("Messages", "true or false"),
    lambda v: isinstance(v, bool),
    lambda text: {"true": True, "false": False}[text],
    lambda v: "true" if v else "false",
)


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One plant setting. `default_from` computes the default from the plant when it depends
    on it; `check` raises `InputError` for a value out of range (and is silent otherwise)."""

    key: str
    kind: Kind[T]
    default: T | None
    help: str
    check: Callable[[T], None] | None = None
    default_from: Callable[[Session], T] | None = None


def _lockout_check(minutes: int) -> None:
    if not 0 <= minutes <= 1440:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "An account is locked for 0 to 1,440 minutes, not {value}"
            ),
            value=minutes,
        )


def _staff_per_gwh_check(value: float) -> None:
    if not 0 < value <= 10_000:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Staff per GWh must be between 0 and 10,000")
        )


def _site_staff_per_gwh(session: Session) -> float:
    """The site's staffing target over its capacity (1,000 people for 10 GWh: 100)."""
    site = default_site(session)
    return site.staffing_target / site.capacity_gwh if site.capacity_gwh else 0.0


def _anonymise_check(years: int) -> None:
    if not 1 <= years <= 50:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "Leavers are anonymised after 1 to 50 years, not {years}"
            ),
            years=years,
        )


def _expansion_check(capacities: Sequence[float]) -> None:
    if not capacities or any(not 0 < v <= 1000 for v in capacities):
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Capacities must be between 0 and 1,000 GWh")
        )


LOCKOUT_MINUTES: Setting[int] = Setting(
    "security.lockout_minutes",
    WHOLE_NUMBER,
    15,
    "Minutes an account stays locked after five failed sign-in attempts in a row.",
    check=_lockout_check,
)
STAFF_PER_GWH: Setting[float] = Setting(
    "people.staff_per_gwh",
    NUMBER,
    None,
    "People per GWh a year; by default the site's staffing target over its capacity.",
    check=_staff_per_gwh_check,
    default_from=_site_staff_per_gwh,
)
ANONYMISE_AFTER_YEARS: Setting[int] = Setting(
    "people.anonymise_after_years",
    WHOLE_NUMBER,
    5,
    "Years after leaving when a leaver's personal data is anonymised (GDPR).",
    check=_anonymise_check,
)
EXPANSION_GWH: Setting[tuple[float, ...]] = Setting(
    "people.expansion_gwh",
    NUMBERS,
    hc.DEFAULT_EXPANSION_GWH,
    "The capacities of the expansion plan, in GWh a year, after today's.",
    check=_expansion_check,
)
DEMO: Setting[bool] = Setting(
    "demo",
    FLAG,
    False,
    "This database holds the demo plant (the demo is never seeded into a real plant's).",
)

SETTINGS: tuple[Setting[Any], ...] = (
    LOCKOUT_MINUTES,
    STAFF_PER_GWH,
    ANONYMISE_AFTER_YEARS,
    EXPANSION_GWH,
    DEMO,
)
_BY_KEY = {s.key: s for s in SETTINGS}


def _unknown(key: object) -> InputError:
    return InputError(
        QT_TRANSLATE_NOOP("Messages", "Unknown plant setting '{key}'; known: {known}"),
        key=key,
        known=", ".join(sorted(_BY_KEY)),
    )


def setting(key: str) -> Setting[Any]:
    """The declared setting stored under `key` (as a command line or a file names it)."""
    found = _BY_KEY.get(key)
    if found is None:
        raise _unknown(key)
    return found


def _declared(chosen: Setting[T]) -> None:
    """Refuse a setting not declared in SETTINGS (made elsewhere, or a bare key)."""
    key = getattr(chosen, "key", chosen)
    if not isinstance(chosen, Setting) or _BY_KEY.get(chosen.key) is not chosen:
        raise _unknown(key)


def _default(session: Session, chosen: Setting[T]) -> T:
    if chosen.default_from is not None:
        return chosen.default_from(session)
    return chosen.default  # type: ignore[return-value]


def read(session: Session, chosen: Setting[T]) -> T:
    """The stored value, or the default while none is stored or what is stored is not valid."""
    _declared(chosen)
    stored = get_setting(session, chosen.key)
    if not stored:
        return _default(session, chosen)
    try:
        value = chosen.kind.parse(stored)
        if chosen.check is not None:
            chosen.check(value)
    except (ValueError, KeyError, LinedeskError):
        log.warning("Plant setting %s holds %r: the default applies", chosen.key, stored)
        return _default(session, chosen)
    return value


def write(session: Session, chosen: Setting[T], value: T) -> None:
    """Store `value`, checked against the declaration; refused before anything is written."""
    _declared(chosen)
    if not chosen.kind.accepts(value):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "Plant setting {key}: expected {expected}, got {value!r}"
            ),
            key=chosen.key,
            expected=Message(chosen.kind.name),
            value=value,
        )
    if chosen.check is not None:
        chosen.check(value)
    put_setting(session, chosen.key, chosen.kind.format(value))
