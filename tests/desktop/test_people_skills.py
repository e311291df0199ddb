"""Certifications and the station sign-in check, the supervisor's override, and GDPR rules."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain.messages import InputError, PermissionDenied
from desktop.domain.people import CertificateState, EmployeeInput
from desktop.domain.roles import Role
from desktop.services import headcount, people, people_settings, skills
from desktop.services.actor import Actor
from desktop.storage.models.people import Employee
from desktop.storage.models.security import AuditEntry
from tests.people_kit import add_user

ADMIN = Actor.system()
DAY = date(2026, 3, 2)


def _staff(database) -> dict[str, int]:  # noqa: ANN001
    with database.unit_of_work() as session:
        for badge, name, contract, crew, end in (
            ("E1", "Zoé D'Almeida", "CDI", "A", None),
            ("E2", "Jérôme Lefèvre", "CDD", "B", None),
            ("E3", "Noémie O'Neill", "interim", "A", date(2020, 5, 31)),
        ):
            hire = date(2019, 1, 7) if end else date(2025, 1, 6)
            people.save_employee(
                session,
                ADMIN,
                EmployeeInput(badge, name, "production", "Opérateur", contract, hire, end, crew),
            )
        return {e.badge: e.id for e in session.scalars(select(Employee))}


def _user(database, username: str, role: Role, employee_id: int | None) -> Actor:  # noqa: ANN001
    return add_user(database, username, role, employee_id, station="FILL-1")


def test_sign_in_needs_a_valid_qualified_certificate(database) -> None:
    ids = _staff(database)
    with database.unit_of_work() as session:
        assert str(skills.certification_problem(session, ids["E1"], "filling", DAY)) == (
            "Not qualified for Electrolyte filling"
        )
        skills.set_certification(session, ADMIN, "E1", "filling", "trainee", date(2026, 12, 31))
        assert "Only a trainee for Electrolyte filling" in str(
            skills.certification_problem(session, ids["E1"], "filling", DAY)
        )
        skills.set_certification(session, ADMIN, "E1", "filling", "qualified", date(2026, 3, 1))
        problem = skills.certification_problem(session, ids["E1"], "filling", DAY)
        assert str(problem) == "Certificate for Electrolyte filling expired on 2026-03-01"
        # valid_until is the last valid day
        assert skills.certification_problem(session, ids["E1"], "filling", date(2026, 3, 1)) is None
        skills.set_certification(session, ADMIN, "E1", "filling", "trainer", None)
        assert skills.certification_problem(session, ids["E1"], "filling", DAY) is None
        assert "Not qualified for Mixing" in str(
            skills.certification_problem(session, ids["E1"], "mixing", DAY)
        )
        assert "No longer employed: last day was 2020-05-31" in str(
            skills.certification_problem(session, ids["E3"], "filling", DAY)
        )


def test_the_problem_is_a_message_the_ui_translates(database) -> None:
    ids = _staff(database)
    with database.unit_of_work() as session:
        problem = skills.certification_problem(session, ids["E2"], "filling", DAY)
    french = {
        "Not qualified for {station_type}": "Pas qualifié pour {station_type}",
        "Electrolyte filling": "Remplissage d'électrolyte",
    }
    assert problem.render(lambda t: french.get(t, t)) == (
        "Pas qualifié pour Remplissage d'électrolyte"
    )


def test_a_supervisor_override_is_recorded_with_its_reason(database) -> None:
    ids = _staff(database)
    supervisor = _user(database, "sup", Role.SUPERVISOR, None)
    operator = _user(database, "op", Role.OPERATOR, ids["E2"])
    with database.unit_of_work() as session:
        with pytest.raises(InputError, match="Give a reason"):
            skills.record_certification_override(session, supervisor, ids["E2"], "FILL-1", " ")
        with pytest.raises(PermissionDenied):
            skills.record_certification_override(session, operator, ids["E2"], "FILL-1", "me")
        skills.record_certification_override(
            session, supervisor, ids["E2"], "FILL-1", "trainer beside him all shift"
        )
    with database.reading() as session:
        row = session.scalar(select(AuditEntry).where(AuditEntry.action == "override"))
    assert (row.username, row.object_type, row.object_id) == (
        "sup",
        "certification",
        str(ids["E2"]),
    )
    assert row.reason == "trainer beside him all shift"
    assert json.loads(row.changes) == {"station": "FILL-1"}


def test_the_matrix_colours_expired_and_soon_expiring_certificates(database) -> None:
    _staff(database)
    with database.unit_of_work() as session:
        skills.set_certification(session, ADMIN, "E1", "filling", "qualified", date(2026, 3, 1))
        skills.set_certification(session, ADMIN, "E1", "mixing", "qualified", date(2026, 3, 20))
        skills.set_certification(session, ADMIN, "E2", "grading", "trainer", date(2027, 3, 1))
        matrix = skills.skills_matrix(session, ADMIN, DAY)
    states = {(k[1], v.level): v.state for k, v in matrix.cells.items()}
    assert states == {
        ("filling", "qualified"): CertificateState.EXPIRED,
        ("mixing", "qualified"): CertificateState.SOON,
        ("grading", "trainer"): CertificateState.VALID,
    }
    assert [e.badge for e in matrix.employees] == ["E2", "E1"]  # by name, leavers left out
    assert [code for code, _ in matrix.station_types][:2] == ["mixing", "coating"]


def test_who_sees_what(database) -> None:
    ids = _staff(database)
    hr = _user(database, "hr", Role.HR, None)
    supervisor = _user(database, "sup", Role.SUPERVISOR, None)
    operator = _user(database, "op", Role.OPERATOR, ids["E2"])
    stranger = _user(database, "qa", Role.QA, None)
    with database.unit_of_work() as session:
        for_hr = people.list_employees(session, hr, on=DAY)
        for_supervisor = people.list_employees(session, supervisor, on=DAY)
        for_operator = people.list_employees(session, operator, on=DAY)
        for_qa = people.list_employees(session, stranger, on=DAY)
        with pytest.raises(PermissionDenied, match="only your own"):
            people.get_employee(session, operator, "E1")
        own = people.get_employee(session, operator, "E2")
    assert {e.contract for e in for_hr} == {"CDI", "CDD"}
    assert [(e.name, e.crew, e.contract, e.hire_date) for e in for_supervisor] == [
        ("Jérôme Lefèvre", "B", None, None),
        ("Zoé D'Almeida", "A", None, None),
    ]
    assert [(e.badge, e.contract) for e in for_operator] == [("E2", "CDD")]
    assert own.contract == "CDD"
    assert for_qa == []
    with database.reading() as session:
        views = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "view")))
    # only the HR view of personal details is recorded, with field names and no values
    assert [(v.username, json.loads(v.changes)) for v in views] == [
        ("hr", ["contract", "end_date", "hire_date"])
    ]


def test_leavers_are_anonymised_after_the_configured_years(database) -> None:
    ids = _staff(database)
    with database.unit_of_work() as session:
        skills.set_certification(session, ADMIN, "E3", "filling", "qualified", date(2020, 1, 1))
        before = headcount.headcount_history(session, ADMIN, date(2019, 1, 1), DAY)
        people_settings.save_people_settings(session, ADMIN, anonymise_after=6)
        assert people.anonymise_leavers(session, ADMIN, today=DAY) == 0  # left 5.75 years ago
        assert people.anonymise_leavers(session, ADMIN, today=DAY, years=5) == 1
        assert people.anonymise_leavers(session, ADMIN, today=DAY, years=5) == 0
        after = headcount.headcount_history(session, ADMIN, date(2019, 1, 1), DAY)
        leaver = session.get(Employee, ids["E3"])
        assert (leaver.name, leaver.badge, leaver.status) == (
            f"Anonymised {ids['E3']}",
            f"ANON-{ids['E3']}",
            "anonymised",
        )
        assert skills.skills_matrix(session, ADMIN, date(2020, 1, 1)).cells == {}
        rows = list(session.scalars(select(AuditEntry)))
    assert before == after
    assert not any("O'Neill" in (r.changes + (r.reason or "")) for r in rows)
