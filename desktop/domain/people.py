"""People vocabulary and rules: departments, contracts, certification levels, the headcount rule,
and the HR file format (`badge,name,department,job,contract,hire_date,end_date,crew`).

Pure: no SQL, no Qt. The services store what these functions validate.
"""

from __future__ import annotations

import csv
import io
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


@dataclass(frozen=True)
class EmployeeRow:
    """One validated line of an HR file."""

    line: int
    badge: str
    name: str
    department: str
    job: str
    contract: str
    hire_date: date
    end_date: date | None
    crew: str | None


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


def decode(data: bytes) -> str:
    """UTF-8 with or without the byte-order mark Excel writes; anything else is refused."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "line {line}: the file is not UTF-8 text (save it as CSV UTF-8)"
            ),
            line=line,
        ) from exc


def separator(header: str) -> str:
    """`;` (Excel in a French locale) or `,`: whichever the header line uses."""
    return ";" if header.count(";") > header.count(",") else ","


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


def validate_row(cells: dict[str, str], line: int, crews: Iterable[str]) -> EmployeeRow:
    """One line of the HR file, checked field by field; the first problem is raised."""
    badge = check_badge(cells["badge"])
    name = check_person_name(cells["name"])
    department = _choice(cells["department"], DEPARTMENTS, "department")
    job = " ".join(cells["job"].split())
    if len(job) > 100:
        raise _bad(QT_TRANSLATE_NOOP("Messages", "a job title must have at most 100 characters"))
    contract = _choice(cells["contract"], CONTRACTS, "contract")
    try:
        hire_date = parse_file_date(cells["hire_date"])
    except InputError as exc:
        raise _bad(
            QT_TRANSLATE_NOOP("Messages", "hire_date: {reason}"), reason=exc.message
        ) from exc
    end_date = None
    if cells["end_date"].strip():
        try:
            end_date = parse_file_date(cells["end_date"])
        except InputError as exc:
            raise _bad(
                QT_TRANSLATE_NOOP("Messages", "end_date: {reason}"), reason=exc.message
            ) from exc
        if end_date < hire_date:
            raise _bad(
                QT_TRANSLATE_NOOP("Messages", "end_date {end} is before hire_date {hire}"),
                end=end_date.isoformat(),
                hire=hire_date.isoformat(),
            )
    crew = cells["crew"].strip().upper() or None
    if crew is not None:
        crew = _choice(crew, sorted(crews), "crew")
    return EmployeeRow(line, badge, name, department, job, contract, hire_date, end_date, crew)


def read_employee_file(data: bytes, path: str, crews: Iterable[str]) -> list[EmployeeRow]:
    """Every line of an HR file, validated; raises FileRefused naming each bad line.

    Line numbers are those a spreadsheet shows: the header is line 1. A quoted cell may hold the
    separator or a line break (csv module rules); such a record is numbered by its first line.
    """
    text = decode(data)
    crews = list(crews)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(first_line))
    try:
        header = next(reader)
    except StopIteration:
        raise FileRefused(
            path, [LineError(1, Message(QT_TRANSLATE_NOOP("Messages", "the file is empty")))]
        ) from None
    names = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in names]
    unknown = [h for h in names if h not in COLUMNS]
    duplicated = sorted({h for h in names if names.count(h) > 1})
    if missing or unknown or duplicated:
        raise FileRefused(
            path,
            [
                LineError(
                    1,
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Messages",
                            "the header must name the columns {columns} "
                            "(missing: {missing}; unknown: {unknown}; twice: {twice})",
                        ),
                        {
                            "columns": ",".join(COLUMNS),
                            "missing": ", ".join(missing) or "-",
                            "unknown": ", ".join(unknown) or "-",
                            "twice": ", ".join(duplicated) or "-",
                        },
                    ),
                )
            ],
        )
    rows: list[EmployeeRow] = []
    errors: list[LineError] = []
    more = 0
    seen: dict[str, int] = {}
    line = 1
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(
                LineError(
                    start,
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "unreadable CSV: {reason}"),
                        {"reason": str(exc)},
                    ),
                )
            )
            break
        line = start
        if not any(c.strip() for c in cells):
            continue
        problem: Message | None = None
        if len(cells) != len(names):
            problem = Message(
                QT_TRANSLATE_NOOP("Messages", "{found} cells where the header has {expected}"),
                {"found": len(cells), "expected": len(names)},
            )
        else:
            try:
                row = validate_row(dict(zip(names, cells, strict=True)), line, crews)
            except InputError as exc:
                problem = exc.message
            else:
                if row.badge in seen:
                    problem = Message(
                        QT_TRANSLATE_NOOP("Messages", "badge {badge} is already on line {first}"),
                        {"badge": row.badge, "first": seen[row.badge]},
                    )
                else:
                    seen[row.badge] = line
                    rows.append(row)
        if problem is not None:
            if len(errors) < MAX_ERRORS:
                errors.append(LineError(line, problem))
            else:
                more += 1
    if errors:
        raise FileRefused(path, errors, more)
    return rows
