"""People vocabulary and rules: departments, contracts, certification levels, the headcount rule,
one employee record and its one validator, and the HR file's columns
(`badge,name,department,job,contract,hire_date,end_date,crew`).

Pure: no SQL, no Qt. The services store what these functions validate; the HR form, the HR file
(desktop/services/people_import.py) and the command line all pass through `check_employee`, so
a value is refused everywhere with the same message.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, Message

PLANT_OPENING = date(2025, 6, 3)

# Code -> English name (a template the UI translates).
DEPARTMENTS: dict[str, str] = {
    "production": QT_TRANSLATE_NOOP("Messages", "Production"),
    "quality": QT_TRANSLATE_NOOP("Messages", "Quality"),
    "maintenance": QT_TRANSLATE_NOOP("Messages", "Maintenance"),
    "logistics": QT_TRANSLATE_NOOP("Messages", "Logistics"),
    "engineering": QT_TRANSLATE_NOOP("Messages", "Engineering"),
    "support": QT_TRANSLATE_NOOP("Messages", "Support"),
}
# French labour law: CDI permanent, CDD fixed term, interim agency temporary, apprentice.
CONTRACTS: dict[str, str] = {
    "CDI": QT_TRANSLATE_NOOP("Messages", "CDI (permanent)"),
    "CDD": QT_TRANSLATE_NOOP("Messages", "CDD (fixed term)"),
    "interim": QT_TRANSLATE_NOOP("Messages", "Interim (agency)"),
    "apprentice": QT_TRANSLATE_NOOP("Messages", "Apprentice"),
}


class Level(StrEnum):
    """How far an employee is certified at a station type."""

    TRAINEE = "trainee"
    QUALIFIED = "qualified"
    TRAINER = "trainer"


LEVEL_NAMES = {
    Level.TRAINEE: QT_TRANSLATE_NOOP("Messages", "Trainee"),
    Level.QUALIFIED: QT_TRANSLATE_NOOP("Messages", "Qualified"),
    Level.TRAINER: QT_TRANSLATE_NOOP("Messages", "Trainer"),
}
# May work alone at the station (and sign in there).
WORKING_LEVELS = frozenset({Level.QUALIFIED, Level.TRAINER})
SOON_DAYS = 30


def counts_on(hire_date: date, end_date: date | None, day: date) -> bool:
    """The headcount rule: hired on or before `day`, and `day` no later than the last day worked."""
    return hire_date <= day and (end_date is None or day <= end_date)


class CertificateState(StrEnum):
    VALID = "valid"
    SOON = "soon"
    EXPIRED = "expired"


def certificate_state(valid_until: date | None, on: date, soon_days: int = SOON_DAYS) -> str:
    """Valid, expiring within `soon_days` (the matrix shows it amber), or expired (red)."""
    if valid_until is None:
        return CertificateState.VALID
    if valid_until < on:
        return CertificateState.EXPIRED
    if (valid_until - on).days <= soon_days:
        return CertificateState.SOON
    return CertificateState.VALID


# --- the HR file -------------------------------------------------------------------------------

COLUMNS = ("badge", "name", "department", "job", "contract", "hire_date", "end_date", "crew")
MAX_ERRORS = 50
MAX_JOB_TITLE = 100


@dataclass(frozen=True)
class EmployeeInput:
    """One employee record as HR enters it or an HR file holds it."""

    badge: str
    name: str
    department: str
    job: str
    contract: str
    hire_date: date
    end_date: date | None
    crew: str | None


@dataclass(frozen=True)
class EmployeeRow(EmployeeInput):
    """One validated line of an HR file (`line` as a spreadsheet shows it)."""

    line: int = 0


@dataclass(frozen=True)
class LineError:
    line: int
    message: Message

    def render(self, translate=None) -> str:  # noqa: ANN001 - a Translator
        reason = self.message.render(translate) if translate else self.message.render()
        return f"line {self.line}: {reason}"


class FileRefused(InputError):
    """An HR file with errors: nothing was imported. `errors` names every bad line (up to 50)."""

    def __init__(self, path: str, errors: list[LineError], more: int = 0) -> None:
        first = errors[0]
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages", "{file}: line {line}: {reason} ({count} bad lines; nothing imported)"
            ),
            file=path,
            line=first.line,
            reason=first.message,
            count=len(errors) + more,
        )
        self.errors = errors
        self.more = more


def parse_file_date(text: str) -> date:
    """YYYY-MM-DD, or DD/MM/YYYY as a French Excel writes it; 2026-02-30 is refused."""
    cleaned = text.strip()
    try:
        if "/" in cleaned:
            day, month, year = cleaned.split("/")
            if len(year) != 4:
                raise ValueError(cleaned)
            return date(int(year), int(month), int(day))
        if len(cleaned) != 10:
            raise ValueError(cleaned)
        return date.fromisoformat(cleaned)
    except ValueError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "'{text}' is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
            text=text,
        ) from exc


def _bad(template: str, **params: object) -> InputError:
    return InputError(template, **params)


def _choice(value: str, known: Iterable[str], what: str) -> str:
    by_fold = {code.casefold(): code for code in known}
    code = by_fold.get(value.strip().casefold())
    if code is None:
        raise _bad(
            QT_TRANSLATE_NOOP("Messages", "{what} '{value}' is unknown; known: {known}"),
            what=what,
            value=value,
            known=", ".join(known),
        )
    return code


def check_badge(value: str) -> str:
    badge = value.strip()
    if not badge or len(badge) > 32 or any(c.isspace() for c in badge):
        raise _bad(
            QT_TRANSLATE_NOOP(
                "Messages", "badge '{value}' is not valid: 1 to 32 characters without spaces"
            ),
            value=value,
        )
    return badge


def check_person_name(value: str) -> str:
    name = " ".join(value.split())
    if not name or len(name) > 200:
        raise _bad(QT_TRANSLATE_NOOP("Messages", "a name must have 1 to 200 characters"))
    return name


def check_job_title(value: str) -> str:
    job = " ".join(value.split())
    if len(job) > MAX_JOB_TITLE:
        raise _bad(QT_TRANSLATE_NOOP("Messages", "a job title must have at most 100 characters"))
    return job


def check_employee(item: EmployeeInput, crews: Iterable[str]) -> EmployeeInput:
    """The one validator of an employee record, field by field; the first problem is raised.

    Codes are matched without regard to case (`Production`, `cdi`, crew `a`) and stored as
    codes; blanks inside names and job titles are collapsed."""
    badge = check_badge(item.badge)
    name = check_person_name(item.name)
    department = _choice(item.department, DEPARTMENTS, "department")
    job = check_job_title(item.job)
    contract = _choice(item.contract, CONTRACTS, "contract")
    if item.end_date is not None and item.end_date < item.hire_date:
        raise _bad(
            QT_TRANSLATE_NOOP("Messages", "end_date {end} is before hire_date {hire}"),
            end=item.end_date.isoformat(),
            hire=item.hire_date.isoformat(),
        )
    crew = (item.crew or "").strip().upper() or None
    if crew is not None:
        crew = _choice(crew, sorted(crews), "crew")
    return EmployeeInput(
        badge, name, department, job, contract, item.hire_date, item.end_date, crew
    )


def _file_date(text: str, template: str) -> date:
    """A date cell of the HR file; refused with the column's name (`template`) and why."""
    try:
        return parse_file_date(text)
    except InputError as exc:
        raise _bad(template, reason=exc.message) from exc


def validate_row(cells: dict[str, str], line: int, crews: Iterable[str]) -> EmployeeRow:
    """One line of the HR file: its dates read, then the record checked by `check_employee`."""
    hire_date = _file_date(cells["hire_date"], QT_TRANSLATE_NOOP("Messages", "hire_date: {reason}"))
    end_date = (
        _file_date(cells["end_date"], QT_TRANSLATE_NOOP("Messages", "end_date: {reason}"))
        if cells["end_date"].strip()
        else None
    )
    item = check_employee(
        EmployeeInput(
            cells["badge"],
            cells["name"],
            cells["department"],
            cells["job"],
            cells["contract"],
            hire_date,
            end_date,
            cells["crew"],
        ),
        crews,
    )
    return EmployeeRow(**vars(item), line=line)
