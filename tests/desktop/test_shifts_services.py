"""Shift services on a real database (SQLite, and PostgreSQL when configured): calendar and
holidays, roster and qualification cover, badge clocking across the autumn night, audited
corrections, the handover with its signed acknowledgement, pattern editing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop.domain.messages import ConflictError, InputError, NotFoundError, PermissionDenied
from desktop.domain.people import EmployeeInput
from desktop.domain.roles import Role
from desktop.services import (
    attendance,
    handover,
    people,
    roster,
    roster_changes,
    shift_master_data,
    shifts,
    skills,
)
from desktop.services.actor import Actor, RoleRefused
from desktop.services.user_accounts import create_user
from desktop.storage.models.security import AuditEntry, User
from tests.plant_kit import put_line_9

SYSTEM = Actor.system()
PARIS = ZoneInfo("Europe/Paris")
AUTUMN = date(2026, 10, 24)  # its night has 9 hours


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS).astimezone(UTC)


def _employee(session, badge: str, crew: str | None, name: str = "") -> None:  # noqa: ANN001
    people.save_employee(
        session,
        SYSTEM,
        EmployeeInput(
            badge,
            name or f"Person {badge}",
            "production",
            "Opérateur",
            "CDI",
            date(2025, 1, 6),
            None,
            crew,
        ),
        effective=date(2025, 1, 6),
    )


@pytest.fixture
def plant_db(database):  # noqa: ANN001, ANN201
    """A line of two stations; the autumn night's crew with two members, another crew's one."""
    with database.unit_of_work() as session:
        put_line_9(session, ("FORM-9", "Formation 9", "formation"))
        night = shifts.shift_info(session, AUTUMN, "night")
        other = next(c for c in shifts.CREWS if c != night.crew)
        _employee(session, "E1", night.crew, "Léa Qualified")
        _employee(session, "E2", night.crew, "Théo Trainee")
        _employee(session, "E3", other, "Inès Other")
        skills.set_certification(session, SYSTEM, "E1", "filling", "qualified", None)
        skills.set_certification(session, SYSTEM, "E2", "formation", "trainee", None)
        roster_changes.set_post(session, SYSTEM, "E1", "FILL-9")
        roster_changes.set_post(session, SYSTEM, "E2", "FORM-9")
        roster_changes.set_post(session, SYSTEM, "E3", "FORM-9")
    database.night_crew, database.other_crew = night.crew, other
    return database


def _audit(session, object_type: str) -> list[AuditEntry]:  # noqa: ANN001
    return list(
        session.scalars(
            select(AuditEntry).where(AuditEntry.object_type == object_type).order_by(AuditEntry.id)
        )
    )


def test_calendar_crews_holidays_and_an_unknown_shift(database) -> None:
    with database.unit_of_work() as session:
        days = shifts.calendar(session, date(2026, 3, 27), 4)
        for day in days:
            crews = [s.crew for s in day.shifts]
            assert len(set(crews)) == 3 and None not in crews
        spring = days[1].shifts[2]
        assert (spring.day, spring.code, spring.minutes) == (date(2026, 3, 28), "night", 420)
        with pytest.raises(NotFoundError, match="Unknown shift: evening; known: morning"):
            shifts.shift_info(session, date(2026, 3, 28), "evening")
        assert shift_master_data.add_french_holidays(session, SYSTEM, 2026) == 11
        assert shift_master_data.add_french_holidays(session, SYSTEM, 2026) == 0
        shift_master_data.save_holiday(
            session, SYSTEM, date(2026, 12, 25), "Christmas Day", closed=True
        )
        christmas = shifts.shift_info(session, date(2026, 12, 25), "morning")
        assert christmas.closed and christmas.crew is None
        assert shifts.shift_info(session, date(2026, 7, 14), "night").holiday == "Bastille Day"
        assert [e.action for e in _audit(session, "public_holiday")] == ["create", "update"]


def test_the_plan_follows_the_rotation_and_posts_and_flags_an_uncovered_station(plant_db) -> None:
    with plant_db.reading() as session:
        night = roster.shift_roster(session, SYSTEM, AUTUMN, "night", "CELL-9", paris(2026, 10, 23))
    assert not night.stored
    assert {(r.badge, r.station, r.qualified) for r in night.rows} == {
        ("E1", "FILL-9", True),
        ("E2", "FORM-9", False),
    }
    cover = {s.station: s for s in night.stations}
    assert not cover["FILL-9"].uncovered and cover["FORM-9"].uncovered
    assert night.uncovered_stations == ["FORM-9"]
    assert night.planned == 2 and night.present == 0 and night.expected == 2

    with plant_db.unit_of_work() as session:
        roster_changes.assign(session, SYSTEM, AUTUMN, "night", "E3", "FILL-9")
        roster_changes.unassign(session, SYSTEM, AUTUMN, "night", "E2")
    with plant_db.reading() as session:
        night = roster.shift_roster(session, SYSTEM, AUTUMN, "night", None, paris(2026, 10, 23))
        assert night.stored
        assert sorted(r.badge for r in night.rows) == ["E1", "E3"]
        assert [e.action for e in _audit(session, "roster_entry")] == ["create", "delete"]


def test_a_crew_change_later_leaves_the_earlier_plan_alone(plant_db) -> None:
    with plant_db.unit_of_work() as session:
        roster_changes.set_crew(session, SYSTEM, "E1", plant_db.other_crew, date(2026, 11, 1))
    with plant_db.reading() as session:
        autumn = roster.shift_roster(
            session, SYSTEM, AUTUMN, "night", "CELL-9", paris(2026, 10, 23)
        )
        assert "E1" in {r.badge for r in autumn.rows}
        later = shifts.calendar(session, date(2026, 11, 2), 10)
        nights = [s for d in later for s in d.shifts if s.crew == plant_db.night_crew]
        plan = roster.shift_roster(session, SYSTEM, nights[0].day, nights[0].code, None, AFTER)
        assert "E1" not in {r.badge for r in plan.rows}


AFTER = datetime(2026, 12, 1, tzinfo=UTC)


def test_badge_clocking_through_the_nine_hour_night(plant_db) -> None:
    supervisor = Actor("chef", Role.SUPERVISOR, "OFFICE")
    with plant_db.unit_of_work() as session:
        first = attendance.clock(session, supervisor, "E1", paris(2026, 10, 24, 20, 55))
        again = attendance.clock(session, supervisor, "E1", paris(2026, 10, 24, 20, 56))
        late = attendance.clock(session, supervisor, "E2", paris(2026, 10, 24, 21, 25))
        stranger = attendance.clock(session, supervisor, "E3", paris(2026, 10, 24, 21, 2))
    assert (first.action, first.day, first.shift, first.planned) == ("in", AUTUMN, "night", True)
    assert again.action == "repeat"
    assert late.verdict.state == "late" and not stranger.planned
    with plant_db.unit_of_work() as session:
        # 02:30 happens twice that night; the second pass is an hour later in real time
        out = attendance.clock(session, supervisor, "E1", paris(2026, 10, 25, 5, 3))
        assert out.action == "out"
    with plant_db.reading() as session:
        night = roster.shift_roster(session, SYSTEM, AUTUMN, "night", None, AFTER)
    rows = {r.badge: r for r in night.rows}
    assert rows["E1"].verdict.worked_minutes == pytest.approx(548)
    assert rows["E1"].verdict.overtime_minutes == 0
    assert rows["E1"].clock_in.astimezone(PARIS).strftime("%H:%M") == "20:55"
    assert rows["E2"].verdict.late_minutes == pytest.approx(25)
    assert rows["E2"].verdict.missing_clock_out
    assert rows["E3"].state == "extra" and rows["E3"].station == "FORM-9"
    assert (night.planned, night.present, night.late, night.extra) == (2, 3, 1, 1)


def test_an_operator_clocks_but_may_not_correct(plant_db) -> None:
    operator = Actor("op", Role.OPERATOR, "FILL-9")
    with plant_db.unit_of_work() as session:
        result = attendance.clock(session, operator, "E1", paris(2026, 10, 24, 20, 50))
        assert result.action == "in"
        with pytest.raises(RoleRefused):
            attendance.correct(
                session, operator, "E1", AUTUMN, "night", None, None, "forgot the badge"
            )


def test_a_correction_needs_a_reason_and_is_audited_with_old_and_new(plant_db) -> None:
    supervisor = Actor("chef", Role.SUPERVISOR, "OFFICE")
    with plant_db.unit_of_work() as session:
        attendance.clock(session, supervisor, "E1", paris(2026, 10, 24, 21, 40))
    with plant_db.unit_of_work() as session:
        with pytest.raises(InputError, match="reason"):
            attendance.correct(session, supervisor, "E1", AUTUMN, "night", None, None, " ")
        with pytest.raises(InputError, match="within 6 hours"):
            attendance.correct(
                session, supervisor, "E1", AUTUMN, "night", paris(2026, 10, 23, 8), None, "x y z"
            )
        attendance.correct(
            session,
            supervisor,
            "E1",
            AUTUMN,
            "night",
            paris(2026, 10, 24, 20, 58),
            paris(2026, 10, 25, 5, 0),
            "Badge reader at gate 2 was down",
        )
    with plant_db.reading() as session:
        night = roster.shift_roster(session, SYSTEM, AUTUMN, "night", None, AFTER)
        row = next(r for r in night.rows if r.badge == "E1")
        assert row.state == "present" and row.corrected_by == "chef"
        (entry,) = _audit(session, "attendance")
        assert entry.reason == "Badge reader at gate 2 was down"
        changes = json.loads(entry.changes)
        assert changes["clock_in"][1].startswith("2026-10-24T18:58")


def _supervisor(session, name: str) -> Actor:  # noqa: ANN001
    create_user(session, SYSTEM, name, name.title(), "supervisor", password=f"{name}-secret-1")
    user = session.scalar(select(User).where(User.username == name))
    return Actor(name, Role.SUPERVISOR, "OFFICE", user_id=user.id)


def test_handover_written_submitted_flagged_then_acknowledged_with_a_signature(plant_db) -> None:
    with plant_db.unit_of_work() as session:
        outgoing, incoming = _supervisor(session, "sup.out"), _supervisor(session, "sup.in")
    evening = paris(2026, 10, 24, 20, 30)
    with plant_db.unit_of_work() as session:
        handover.save_handover(
            session, outgoing, "CELL-9", AUTUMN, "afternoon", notes="Filler slow", now=evening
        )
    with plant_db.reading() as session:
        pending = handover.pending_handovers(session, SYSTEM, paris(2026, 10, 24, 22), "CELL-9")
        assert [(p.shift, p.status) for p in pending] == [("afternoon", "draft")]
    with plant_db.unit_of_work() as session:
        view = handover.save_handover(
            session,
            outgoing,
            "CELL-9",
            AUTUMN,
            "afternoon",
            notes="Filler slow after the nozzle change",
            safety="Near miss at the aisle crossing",
            submit=True,
            now=paris(2026, 10, 24, 20, 50),
        )
        assert view.status == "submitted" and view.summary.line == "CELL-9"
        assert view.summary.planned == 0 and view.summary.units == 0
        with pytest.raises(ConflictError, match="incoming supervisor"):
            handover.acknowledge_handover(
                session, outgoing, "CELL-9", AUTUMN, "afternoon", secret="sup.out-secret-1"
            )
        with pytest.raises(PermissionDenied, match="wrong"):
            handover.acknowledge_handover(
                session, incoming, "CELL-9", AUTUMN, "afternoon", secret="guess"
            )
    with plant_db.reading() as session:
        pending = handover.pending_handovers(session, SYSTEM, paris(2026, 10, 24, 22), "CELL-9")
        assert [(p.shift, p.status, p.author) for p in pending] == [
            ("afternoon", "submitted", "sup.out")
        ]
    with plant_db.unit_of_work() as session:
        done = handover.acknowledge_handover(
            session,
            incoming,
            "CELL-9",
            AUTUMN,
            "afternoon",
            "Read, thanks",
            secret="sup.in-secret-1",
        )
        assert done.status == "acknowledged" and done.signature_meaning == "approve"
    with plant_db.reading() as session:
        assert handover.pending_handovers(session, SYSTEM, paris(2026, 10, 24, 22), "CELL-9") == []
        entries = _audit(session, "handover")
        assert [e.action for e in entries] == ["create", "submit", "acknowledge"]
        assert entries[-1].signature_meaning == "approve" and entries[-1].username == "sup.in"
    with plant_db.unit_of_work() as session:
        with pytest.raises(ConflictError, match="cannot change"):
            handover.save_handover(
                session, outgoing, "CELL-9", AUTUMN, "afternoon", notes="edit", now=AFTER
            )


def _save_3x8(session, *hours: tuple[int, int]):  # noqa: ANN001, ANN202
    """The 3x8 pattern saved with its morning, afternoon and night from and to these hours."""
    names = ("morning", "afternoon", "night")
    times = [(name, time(a), time(b)) for name, (a, b) in zip(names, hours, strict=True)]
    return shift_master_data.save_pattern(session, SYSTEM, "3x8", times)


def test_pattern_times_are_checked_signed_and_audited(database) -> None:
    with database.unit_of_work() as session:
        with pytest.raises(InputError, match="overlap"):
            _save_3x8(session, (6, 14), (13, 21), (21, 5))
        moved = _save_3x8(session, (6, 14), (14, 22), (22, 6))
        assert moved.shifts[2].start == time(22)
        night = shifts.shift_info(session, date(2026, 3, 28), "night")
        assert night.start == paris(2026, 3, 28, 22) and night.minutes == 420
        shift_master_data.activate_pattern(session, SYSTEM, "2x12")
        assert [s.code for s in shifts.calendar(session, date(2026, 1, 5), 1)[0].shifts] == [
            "day",
            "night",
        ]
        entries = _audit(session, "shift_pattern")
        assert [e.action for e in entries] == ["update", "update"]
        with pytest.raises(RoleRefused):
            shift_master_data.activate_pattern(session, Actor("chef", Role.SUPERVISOR), "3x8")
