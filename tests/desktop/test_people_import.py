"""HR file import: validated line by line, all or nothing, idempotent, effective-dated changes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.domain.messages import PermissionDenied
from desktop.domain.people import FileRefused
from desktop.domain.roles import Role
from desktop.services import headcount, people
from desktop.services.actor import Actor
from desktop.services.people_import import import_employees
from desktop.storage.models.people import Employee, EmployeeAssignment
from desktop.storage.models.security import AuditEntry

ADMIN = Actor.system()
HEADER = "badge,name,department,job,contract,hire_date,end_date,crew"
GOOD = [
    HEADER,
    "E001,Zoé D'Almeida,production,Opératrice,CDI,2025-01-06,,A",
    'E002,"Lefèvre, Jérôme",quality,Technicien qualité,CDD,2025-06-03,2025-12-31,',
    "E003,Noémie O'Neill,maintenance,Électromécanicienne,interim,2025-09-15,,C",
]


def _import(database, lines, *, sep=",", bom=False, effective=None, crlf=False):  # noqa: ANN001
    text = ("\r\n" if crlf else "\n").join(line.replace(",", sep) if sep != "," else line
                                           for line in lines) + "\n"  # fmt: skip
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    with database.unit_of_work() as session:
        return import_employees(session, ADMIN, data, "hr.csv", effective)


def _count(database, model) -> int:  # noqa: ANN001
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def _audit_rows(database) -> list[AuditEntry]:  # noqa: ANN001
    with database.reading() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.object_type == "employee")))


def test_an_hr_file_fills_an_empty_database_and_again_changes_nothing(database) -> None:
    report = _import(database, GOOD)
    assert (report.lines, report.created, report.changed) == (3, 3, 0)
    assert _count(database, Employee) == 3 and _count(database, EmployeeAssignment) == 3
    again = _import(database, GOOD)
    assert (again.created, again.changed, again.unchanged) == (0, 0, 3)
    assert _count(database, EmployeeAssignment) == 3
    rows = _audit_rows(database)
    assert len(rows) == 1  # one row per run that changed something; the second changed nothing
    assert "Zoé" not in rows[0].changes and "D'Almeida" not in rows[0].changes
    assert json.loads(rows[0].changes)["counts"]["created"] == 3
    with database.reading() as session:
        names = {e.badge: e.name for e in session.scalars(select(Employee))}
    assert names == {"E001": "Zoé D'Almeida", "E002": "Lefèvre, Jérôme", "E003": "Noémie O'Neill"}


@pytest.mark.parametrize(
    ("sep", "bom", "crlf"), [(";", True, True), (",", True, False), (";", False, False)]
)
def test_excel_files_with_bom_semicolons_and_crlf_are_read(database, sep, bom, crlf) -> None:
    lines = [line.replace('"Lefèvre, Jérôme"', "Jérôme Lefèvre") for line in GOOD]
    report = _import(database, lines, sep=sep, bom=bom, crlf=crlf)
    assert report.created == 3
    with database.reading() as session:
        assert session.scalar(select(Employee.name).where(Employee.badge == "E002")) == (
            "Jérôme Lefèvre"
        )


def test_french_dates_are_read(database) -> None:
    _import(database, [HEADER, "E9,Anaïs Béghin,logistics,Cariste,CDI,03/06/2025,,B"])
    with database.reading() as session:
        assert session.scalar(select(Employee.hire_date)) == date(2025, 6, 3)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("E004,Léa Martin,production,Op,CDI,2025-02-30,,A", "line 5: hire_date: '2025-02-30'"),
        ("E004,Léa Martin,prod,Op,CDI,2025-02-03,,A", "line 5: department 'prod' is unknown"),
        ("E004,Léa Martin,production,Opératrice,CDX,2025-02-03,,A", "line 5: contract 'CDX'"),
        ("E004,Léa Martin,production,Opératrice,CDI,2025-02-03,,Z", "line 5: crew 'Z' is unknown"),
        ("E004,Léa Martin,production,Opératrice,CDI,2025-02-03,2025-01-01,A", "line 5: end_date"),
        ("E001,Léa Martin,production,Op,CDI,2025-02-03,,A", "badge E001 is already on line 2"),
        ("E004,Léa Martin,production,CDI,2025-02-03,,A", "line 5: 7 cells where the header has 8"),
        ("E004,,production,Opératrice,CDI,2025-02-03,,A", "line 5: a name must have"),
    ],
)  # fmt: skip
def test_one_bad_line_refuses_the_whole_file(database, bad_line, message) -> None:
    with pytest.raises(FileRefused) as refused:
        _import(database, [*GOOD, bad_line])
    assert message in str(refused.value)
    assert "nothing imported" in str(refused.value)
    assert _count(database, Employee) == 0 and _audit_rows(database) == []


def test_every_bad_line_is_named(database) -> None:
    lines = [*GOOD, "E5,A,production,,CDI,2025-13-01,,", "", "E6,B,production,,CDI,nope,,"]
    with pytest.raises(FileRefused) as refused:
        _import(database, lines)
    assert [e.line for e in refused.value.errors] == [5, 7]


def test_a_header_without_the_columns_is_refused_on_line_1(database) -> None:
    with pytest.raises(
        FileRefused, match="line 1: the header must name the columns.*missing: crew"
    ):
        _import(database, [HEADER.replace(",crew", ""), "E1,A,production,,CDI,2025-01-01,"])


def test_a_file_that_is_not_utf8_is_refused(database) -> None:
    data = (HEADER + "\nE1,Zo\xe9,production,,CDI,2025-01-01,,\n").encode("latin-1")
    with database.unit_of_work() as session, pytest.raises(Exception, match="line 2: .*UTF-8"):
        import_employees(session, ADMIN, data, "hr.csv")


def test_changed_fields_become_effective_dated_changes(database) -> None:
    _import(database, GOOD, effective=date(2025, 9, 1))
    changed = [
        HEADER,
        "E001,Zoé D'Almeida,production,Cheffe d'équipe,CDI,2025-01-06,,B",  # new job and crew
        'E002,"Lefèvre, Jérôme",quality,Technicien qualité,CDI,2025-06-03,,',  # CDI, no end
        "E003,Noémie O'Neill,maintenance,Électromécanicienne,interim,2025-09-15,,C",
    ]
    report = _import(database, changed, effective=date(2025, 11, 1))
    assert (report.changed, report.unchanged) == (2, 1)
    with database.reading() as session:
        october = headcount.headcount_at(session, ADMIN, date(2025, 10, 31))
        november = headcount.headcount_at(session, ADMIN, date(2025, 11, 1))
        next_year = headcount.headcount_at(session, ADMIN, date(2026, 1, 1))
    assert october.by_contract["CDD"] == 1 and october.by_crew["A"] == 1
    assert november.by_contract["CDD"] == 0 and november.by_crew["B"] == 1
    assert next_year.headcount == 3  # E002's end date was removed
    assert _count(database, EmployeeAssignment) == 5
    assert len(_audit_rows(database)) == 2


def test_only_hr_and_admin_import(database) -> None:
    supervisor = Actor("sup", Role.SUPERVISOR)
    with database.unit_of_work() as session, pytest.raises(PermissionDenied):
        import_employees(session, supervisor, "\n".join(GOOD).encode(), "hr.csv")


def test_a_job_title_over_100_characters_is_refused_by_the_file_the_form_and_a_requisition(
    database,
) -> None:
    """One validator (desktop.domain.people.check_employee): the same refusal everywhere, where
    the form once cut the title at 100 characters without a word."""
    from desktop.domain.messages import InputError
    from desktop.domain.people import EmployeeInput
    from desktop.services import requisitions

    too_long, longest = "J" * 101, "J" * 100
    words = "a job title must have at most 100 characters"
    with pytest.raises(FileRefused) as refused:
        _import(database, [*GOOD, f"E004,Léa Martin,production,{too_long},CDI,2025-02-03,,A"])
    assert f"line 5: {words}" in str(refused.value)
    hire = EmployeeInput("E004", "Léa Martin", "production", too_long, "CDI", date(2025, 2, 3),
                         None, "A")  # fmt: skip
    with database.unit_of_work() as session, pytest.raises(InputError, match=words):
        people.save_employee(session, ADMIN, hire)
    with database.unit_of_work() as session, pytest.raises(InputError, match=words):
        requisitions.open_requisition(session, ADMIN, "REQ-9", "production", too_long, "CDI")
    assert _count(database, Employee) == 0
    with database.unit_of_work() as session:
        saved = people.save_employee(session, ADMIN, replace(hire, job=longest))
    assert saved.job == longest
