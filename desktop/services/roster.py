"""The roster: who is planned on a shift, where, and who came.

The plan of a shift is the rotation's crew on that day (each member as assigned on that day,
effective-dated by the People part) at their usual station (`station_post`), until a supervisor
changes it (desktop.services.roster_changes): the first change writes the whole plan of that
shift down (`roster_shift` and its entries), and from then on those rows are the plan. Reading
never writes.

Against the plan stand the clockings (attendance): planned against present, late, absent,
overtime (domain.shifts.judge), and the stations without a qualified operator planned (the
People part's certifications: qualified or trainer, valid on the shift's day).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.domain import shifts as rules
from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, NotFoundError
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.services.actor import Actor
from desktop.services.employee_history import crew_ids
from desktop.services.shifts import ShiftInfo, shift_info
from desktop.services.skills import certification_problem
from desktop.storage.models import Line, Station
from desktop.storage.models.people import Employee, EmployeeAssignment
from desktop.storage.models.shifts import Attendance, RosterEntry, RosterShift, StationPost

BATCH = 900


@dataclass(frozen=True)
class StationRef:
    id: int
    code: str
    name: str
    line: str
    station_type: str


@dataclass(frozen=True)
class PlannedPerson:
    employee_id: int
    badge: str
    name: str
    crew: str | None
    station: StationRef | None


@dataclass(frozen=True)
class RosterRow:
    """One person on the shift: planned, came, or both."""

    employee_id: int
    badge: str
    name: str
    crew: str | None
    station: str | None
    line: str | None
    planned: bool
    problem: Message | None  # why they may not work at their station (None: qualified)
    clock_in: datetime | None
    clock_out: datetime | None
    verdict: rules.Verdict | None
    corrected_by: str | None = None
    correction_reason: str | None = None

    @property
    def qualified(self) -> bool:
        return self.station is not None and self.problem is None

    @property
    def state(self) -> str:
        return self.verdict.state.value if self.verdict else ""


@dataclass(frozen=True)
class StationCover:
    station: str
    name: str
    line: str
    station_type: str
    planned: int
    qualified: int
    present: int
    present_qualified: int

    @property
    def uncovered(self) -> bool:
        """No qualified operator planned: highlighted on the roster."""
        return self.qualified == 0


@dataclass(frozen=True)
class ShiftRoster:
    shift: ShiftInfo
    line: str | None
    stored: bool
    now: datetime
    rows: list[RosterRow]
    stations: list[StationCover]
    crew_members: int = 0
    notes: list[Message] = field(default_factory=list)

    @property
    def in_progress(self) -> bool:
        return self.shift.start <= self.now < self.shift.end

    def _count(self, *states: rules.AttendanceState) -> int:
        return sum(1 for r in self.rows if r.verdict is not None and r.verdict.state in states)

    @property
    def planned(self) -> int:
        return sum(1 for r in self.rows if r.planned)

    @property
    def present(self) -> int:
        return sum(1 for r in self.rows if r.verdict is not None and r.verdict.present)

    @property
    def absent(self) -> int:
        return self._count(rules.AttendanceState.ABSENT)

    @property
    def late(self) -> int:
        return self._count(rules.AttendanceState.LATE)

    @property
    def extra(self) -> int:
        return self._count(rules.AttendanceState.EXTRA)

    @property
    def expected(self) -> int:
        return self._count(rules.AttendanceState.EXPECTED)

    @property
    def overtime_minutes(self) -> float:
        return sum(r.verdict.overtime_minutes for r in self.rows if r.verdict is not None)

    @property
    def uncovered_stations(self) -> list[str]:
        return [s.station for s in self.stations if s.uncovered]


# --- helpers on the People and plant models ------------------------------------------------------


def stations_by_id(session: Session, line: str | None = None) -> dict[int, StationRef]:
    query = select(Station, Line.code).join(Line).where(Station.active)
    if line is not None:
        query = query.where(Line.code == line)
    rows = session.execute(query.order_by(Line.code, Station.position, Station.code)).all()
    return {
        s.id: StationRef(s.id, s.code, s.name, line_code, s.station_type_code)
        for s, line_code in rows
    }


def active_lines(session: Session) -> list[str]:
    """The codes of the lines in production, for a choice of line."""
    return list(session.scalars(select(Line.code).where(Line.active).order_by(Line.code)))


def station_refs(session: Session, line: str | None = None) -> list[StationRef]:
    """The active stations (of one line or all), for planning people on them."""
    return list(stations_by_id(session, line).values())


def check_line(session: Session, line: str | None) -> str | None:
    """The line code, upper-cased, or a NotFoundError for an unknown one."""
    if line is None or not line.strip():
        return None
    code = line.strip().upper()
    if session.scalar(select(Line.id).where(Line.code == code)) is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown line: {line}"), line=code)
    return code


def crews_in_force(session: Session, day: date) -> dict[int, int | None]:
    """Employee id -> crew id on `day`, for the employees employed that day.

    The People part keeps assignments effective-dated; this reads the one in force (the latest
    valid_from on or before `day`; the first one when all start later), so a past shift's plan
    stays what it was after someone changed crew.
    """
    employed = dict(
        session.execute(
            select(Employee.id, Employee.crew_id).where(
                Employee.hire_date <= day,
                or_(Employee.end_date.is_(None), Employee.end_date >= day),
                Employee.status != "anonymised",
            )
        ).all()
    )
    seen: set[int] = set()
    rows = session.execute(
        select(
            EmployeeAssignment.employee_id,
            EmployeeAssignment.valid_from,
            EmployeeAssignment.crew_id,
        ).order_by(EmployeeAssignment.employee_id, EmployeeAssignment.valid_from)
    )
    for employee_id, valid_from, crew in rows:
        if employee_id in employed and (employee_id not in seen or valid_from <= day):
            employed[employee_id] = crew
            seen.add(employee_id)
    return employed


def _people(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    wanted = list(ids)
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(wanted), BATCH):
        for employee_id, badge, name in session.execute(
            select(Employee.id, Employee.badge, Employee.name).where(
                Employee.id.in_(wanted[start : start + BATCH])
            )
        ):
            found[employee_id] = (badge, name)
    return found


def employee_by_badge(session: Session, badge: str) -> Employee:
    employee = session.scalar(select(Employee).where(Employee.badge == (badge or "").strip()))
    if employee is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Messages", "Unknown badge: {badge}"), badge=badge)
    return employee


def station_ref(session: Session, code: str) -> StationRef:
    row = session.execute(
        select(Station, Line.code).join(Line).where(Station.code == code.strip().upper())
    ).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "Unknown station: {station}"), station=code
        )
    s, line_code = row
    return StationRef(s.id, s.code, s.name, line_code, s.station_type_code)


# --- the plan ------------------------------------------------------------------------------------


def planned(session: Session, shift: ShiftInfo) -> tuple[list[PlannedPerson], bool]:
    """Who is planned on `shift` and where; True when the roster was written down."""
    stations = stations_by_id(session)
    crew_codes = {v: k for k, v in crew_ids(session).items()}
    stored = session.scalar(
        select(RosterShift).where(
            RosterShift.day == shift.day, RosterShift.shift_code == shift.code
        )
    )
    if stored is not None:
        entries = session.execute(
            select(RosterEntry.employee_id, RosterEntry.station_id).where(
                RosterEntry.roster_shift_id == stored.id
            )
        ).all()
        in_force = crews_in_force(session, shift.day)
        people = _people(session, [e for e, _s in entries])
        return [
            PlannedPerson(
                employee_id,
                *people[employee_id],
                crew_codes.get(in_force.get(employee_id) or -1),
                stations.get(station_id) if station_id is not None else None,
            )
            for employee_id, station_id in entries
            if employee_id in people
        ], True
    if shift.closed or shift.crew is None:
        return [], False
    crew_id = crew_ids(session).get(shift.crew)
    members = [e for e, c in crews_in_force(session, shift.day).items() if c == crew_id]
    people = _people(session, members)
    posts: dict[int, int] = {}
    for start in range(0, len(members), BATCH):
        posts.update(
            session.execute(
                select(StationPost.employee_id, StationPost.station_id).where(
                    StationPost.employee_id.in_(members[start : start + BATCH])
                )
            ).all()
        )
    return [
        PlannedPerson(
            employee_id,
            *people[employee_id],
            shift.crew,
            stations.get(posts[employee_id]) if employee_id in posts else None,
        )
        for employee_id in members
        if employee_id in people
    ], False


def is_planned(session: Session, employee_id: int, shift: ShiftInfo) -> bool:
    stored = session.scalar(
        select(RosterShift.id).where(
            RosterShift.day == shift.day, RosterShift.shift_code == shift.code
        )
    )
    if stored is not None:
        return (
            session.scalar(
                select(RosterEntry.id).where(
                    RosterEntry.roster_shift_id == stored, RosterEntry.employee_id == employee_id
                )
            )
            is not None
        )
    if shift.closed or shift.crew is None:
        return False
    crew = crews_in_force(session, shift.day).get(employee_id)
    return crew is not None and crew == crew_ids(session).get(shift.crew)


def shift_roster(
    session: Session,
    actor: Actor,
    day: date,
    code: str,
    line: str | None = None,
    now: datetime | None = None,
) -> ShiftRoster:
    """The plan of a shift against its clockings, with station coverage (one line or all)."""
    actor.require(Permission.VIEW_SHIFTS)
    return build_roster(session, shift_info(session, day, code), check_line(session, line), now)


def build_roster(
    session: Session, shift: ShiftInfo, line: str | None, now: datetime | None = None
) -> ShiftRoster:
    now = now or utc_now()
    people, stored = planned(session, shift)
    crew_size = len(people)
    stations = stations_by_id(session, line)
    by_code = {ref.code: ref for ref in stations_by_id(session).values()}
    clockings = {
        a.employee_id: a
        for a in session.scalars(
            select(Attendance).where(
                Attendance.day == shift.day, Attendance.shift_code == shift.code
            )
        )
    }
    crew_codes = {v: k for k, v in crew_ids(session).items()}
    rows: list[RosterRow] = []
    planned_ids = set()
    for person in people:
        planned_ids.add(person.employee_id)
        if line is not None and (person.station is None or person.station.line != line):
            continue
        clocking = clockings.get(person.employee_id)
        problem = (
            certification_problem(
                session, person.employee_id, person.station.station_type, shift.day
            )
            if person.station is not None
            else None
        )
        rows.append(_row(person, True, problem, clocking, shift, now))
    extras = [e for e in clockings if e not in planned_ids]
    if extras:
        in_force = crews_in_force(session, shift.day)
        names = _people(session, extras)
        posts = dict(
            session.execute(
                select(StationPost.employee_id, StationPost.station_id).where(
                    StationPost.employee_id.in_(extras[:BATCH])
                )
            ).all()
        )
        every = stations_by_id(session)
        for employee_id in extras:
            clocking = clockings[employee_id]
            # where they clocked in, when that was a station; else their usual post
            where = by_code.get(clocking.station or "") or every.get(posts.get(employee_id, -1))
            if line is not None and (where is None or where.line != line):
                continue
            if employee_id not in names:
                continue
            person = PlannedPerson(
                employee_id,
                *names[employee_id],
                crew_codes.get(in_force.get(employee_id) or -1),
                where,
            )
            rows.append(_row(person, False, None, clocking, shift, now))
    rows.sort(key=lambda r: (r.line or "~", r.station or "~", r.name))
    covers = []
    grouped: dict[str, list[RosterRow]] = defaultdict(list)
    for row in rows:
        if row.station is not None:
            grouped[row.station].append(row)
    for ref in stations.values():
        mine = grouped.get(ref.code, [])
        planned_rows = [r for r in mine if r.planned]
        present_rows = [r for r in mine if r.verdict is not None and r.verdict.present]
        covers.append(
            StationCover(
                ref.code,
                ref.name,
                ref.line,
                ref.station_type,
                len(planned_rows),
                sum(1 for r in planned_rows if r.qualified),
                len(present_rows),
                sum(1 for r in present_rows if r.planned and r.qualified),
            )
        )
    return ShiftRoster(shift, line, stored, now, rows, covers, crew_size)


def _row(
    person: PlannedPerson,
    is_planned_: bool,
    problem: Message | None,
    clocking: Attendance | None,
    shift: ShiftInfo,
    now: datetime,
) -> RosterRow:
    clock_in = clocking.clock_in if clocking else None
    clock_out = clocking.clock_out if clocking else None
    return RosterRow(
        person.employee_id,
        person.badge,
        person.name,
        person.crew,
        person.station.code if person.station else None,
        person.station.line if person.station else None,
        is_planned_,
        problem,
        clock_in,
        clock_out,
        rules.judge(is_planned_, shift.slot, clock_in, clock_out, now),
        clocking.corrected_by if clocking else None,
        clocking.correction_reason if clocking else None,
    )
