"""The demo plant's shifts: France's public holidays, station posts, and for the last 7 days (and
the shift running now) the rosters, the clockings and the handovers of every line, so
yesterday's shift reports are full.

Deterministic (a fixed random seed) and relative to now. Written with Core batch inserts and one
audit row; the handover summaries are computed from the production history seeded before.
"""

from __future__ import annotations

import json
import random
import uuid
from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select

from desktop.domain.people import WORKING_LEVELS
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.domain.shifts import french_holidays
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.employee_history import crew_ids
from desktop.services.handover_summary import HandoverSummary
from desktop.services.plant import default_site
from desktop.services.roster import crews_in_force, planned, stations_by_id
from desktop.services.shifts import ShiftInfo, calendar, plant_today
from desktop.services.shifts_figures import figures
from desktop.storage.database import Database
from desktop.storage.models import Line
from desktop.storage.models.people import Certification, Employee
from desktop.storage.models.shifts import (
    Attendance,
    Handover,
    PublicHoliday,
    RosterEntry,
    RosterShift,
    StationPost,
)

DAYS = 7
# The outgoing supervisors of the crews (the demo user `supervisor` leads crew A).
LEADERS = {"A": "supervisor", "B": "m.lefebvre", "C": "k.benali", "D": "s.nguyen", "E": "j.caron"}
NOTES = (
    "Ran to plan. Coater web tension checked after the roll change, stable since.",
    "Changeover done on time; first cells after it measured and within tolerance.",
    "Slow start: material arrived 20 min late from the warehouse. Caught up by mid-shift.",
    "Good shift. Two operators in training on the stacker with their trainer.",
    "Calender rolls cleaned at the planned stop. Nothing else to report.",
    "Formation racks 3 and 4 swapped for the firmware update, all racks back in service.",
)
OPEN_ISSUES = (
    "",
    "",
    "Filler nozzle 2 drips after restart: maintenance ticket open, watch the fill weights.",
    "Separator roll stock low for the next shift: logistics informed.",
    "Grading station throws the odd communication error; restart clears it. IT ticket open.",
)
SAFETY = (
    "",
    "",
    "",
    "Near miss: forklift and pedestrian at the aisle crossing by the mixers. Area briefed.",
    "Electrolyte drip on the floor at filling, cleaned with the spill kit; no exposure.",
)
QUALITY = (
    "",
    "",
    "Fill weights near the upper tolerance at the end of the shift: QA told.",
    "One cathode roll with coating defects at the edge, set aside for QA.",
)


def _posts(  # noqa: ANN001
    session, rng: random.Random, today
) -> tuple[dict[int, int], dict[int, set[str]]]:
    """A usual station for each production employee in a crew: one of the station types they
    are qualified for, spreading each crew evenly over the stations; a few without a valid
    certification are posted anyway (the roster shows them)."""
    stations = list(stations_by_id(session).values())
    by_type: dict[str, list] = defaultdict(list)
    for ref in stations:
        by_type[ref.station_type].append(ref)
    in_force = crews_in_force(session, today)
    production = set(
        session.scalars(select(Employee.id).where(Employee.department == "production"))
    )
    qualified: dict[int, set[str]] = defaultdict(set)
    for employee_id, station_type, level, valid_until in session.execute(
        select(
            Certification.employee_id,
            Certification.station_type_code,
            Certification.level,
            Certification.valid_until,
        )
    ):
        if level in WORKING_LEVELS and (valid_until is None or valid_until >= today):
            qualified[employee_id].add(station_type)
    load: dict[tuple[int, int], int] = defaultdict(int)
    posts: dict[int, int] = {}
    for employee_id in sorted(in_force):
        crew = in_force[employee_id]
        if crew is None or employee_id not in production:
            continue
        choices = [ref for t in sorted(qualified.get(employee_id, ())) for ref in by_type[t]]
        if not choices or rng.random() < 0.04:
            choices = stations
        best = min(choices, key=lambda ref: (load[(crew, ref.id)], rng.random()))
        load[(crew, best.id)] += 1
        posts[employee_id] = best.id
    return posts, qualified


def seed_shifts(database: Database, actor: Actor) -> str:
    actor.require(Permission.SEED_DEMO)
    rng = random.Random(20260329)
    now = utc_now()
    with database.unit_of_work() as session:
        if session.scalar(select(func.count()).select_from(RosterShift)):
            return "shifts already seeded"
        site = default_site(session)
        today = plant_today(session, now)
        holidays = 0
        known = set(session.scalars(select(PublicHoliday.day)))
        for year in (today.year - 1, today.year, today.year + 1):
            rows = [
                {"site_id": site.id, "day": day, "name": name, "closed": False}
                for day, name in french_holidays(year)
                if day not in known
            ]
            if rows:
                session.execute(insert(PublicHoliday), rows)
                holidays += len(rows)
        posts, qualified = _posts(session, rng, today)
        if posts:
            session.execute(
                insert(StationPost),
                [{"employee_id": e, "station_id": s, "updated_at": now} for e, s in posts.items()],
            )
        session.flush()
        crews = crew_ids(session)
        names = dict(session.execute(select(Employee.id, Employee.name)).all())
        lines = dict(session.execute(select(Line.code, Line.id).where(Line.active)).all())
        shifts = [
            s
            for d in calendar(session, today - timedelta(days=DAYS), DAYS + 1)
            for s in d.shifts
            if s.start <= now and s.crew is not None
        ]
        counts = defaultdict(int)
        attendance_rows: list[dict] = []
        handover_rows: list[dict] = []
        station_refs = stations_by_id(session)
        last_finished = max((s.start for s in shifts if s.end <= now), default=None)
        for index, shift in enumerate(shifts):
            people, _stored = planned(session, shift)
            if not people:
                continue
            # one on leave, one from a resting crew covering for overtime
            leave = rng.choice(people)
            people = [p for p in people if p is not leave]
            in_force = crews_in_force(session, shift.day)
            resting = sorted(
                e
                for e, c in in_force.items()
                if e in posts and c is not None and c != crews.get(shift.crew)
            )
            cover = rng.choice(resting) if resting else None
            roster_id = session.scalar(
                insert(RosterShift)
                .values(
                    day=shift.day,
                    shift_code=shift.code,
                    crew_id=crews.get(shift.crew),
                    created_at=now,
                    created_by=LEADERS.get(shift.crew or "", "supervisor"),
                )
                .returning(RosterShift.id)
            )
            entries = [(p.employee_id, p.station.id if p.station else None) for p in people]
            if cover is not None:
                entries.append((cover, posts[cover]))
            session.execute(
                insert(RosterEntry),
                [
                    {"roster_shift_id": roster_id, "employee_id": e, "station_id": s}
                    for e, s in entries
                ],
            )
            counts["roster"] += len(entries)
            per_line: dict[str, dict] = defaultdict(
                lambda: {"planned": 0, "absent": [], "late": 0, "covered": set()}
            )
            for employee_id, station_id in entries:
                ref = station_refs.get(station_id) if station_id is not None else None
                row, state = _clocking(rng, shift, employee_id, ref.code if ref else None, now)
                if ref is not None:
                    stats = per_line[ref.line]
                    stats["planned"] += 1
                    if state == "absent":
                        stats["absent"].append(names.get(employee_id, ""))
                    stats["late"] += state == "late"
                    if ref.station_type in qualified.get(employee_id, ()):
                        stats["covered"].add(ref.code)
                if row is not None:
                    attendance_rows.append(row)
            if resting and rng.random() < 0.5:
                extra = rng.choice(resting)
                if extra != cover:
                    ref = station_refs.get(posts[extra])
                    row, _state = _clocking(
                        rng, shift, extra, ref.code if ref else None, now, always=True
                    )
                    if row is not None:
                        attendance_rows.append(row)
            if shift.end > now:
                if lines:
                    code = sorted(lines)[0]
                    handover_rows.append(
                        _handover_row(
                            lines[code],
                            shift,
                            LEADERS.get(shift.crew or "", "supervisor"),
                            now,
                            {"notes": "Started on plan. To be completed before the end."},
                        )
                    )
                continue
            following = shifts[index + 1] if index + 1 < len(shifts) else None
            acknowledger = (
                LEADERS.get(following.crew or "", "supervisor")
                if following is not None and shift.start != last_finished
                else None
            )
            for code, line_id in sorted(lines.items()):
                handover_rows.append(
                    _finished_handover(
                        rng, session, shift, code, line_id, per_line[code], acknowledger, now
                    )
                )
        for start in range(0, len(attendance_rows), 900):
            session.execute(insert(Attendance), attendance_rows[start : start + 900])
        if handover_rows:
            session.execute(insert(Handover), handover_rows)
        audit.record_bulk(
            session,
            actor,
            "seed-demo",
            "shifts",
            {
                "holidays": holidays,
                "station_posts": len(posts),
                "roster_entries": counts["roster"],
                "attendance": len(attendance_rows),
                "handovers": len(handover_rows),
            },
        )
    return (
        f"{len(posts)} station posts, {counts['roster']} roster entries, "
        f"{len(attendance_rows)} clockings, {len(handover_rows)} handovers"
    )


def _clocking(
    rng: random.Random,
    shift: ShiftInfo,
    employee_id: int,
    station: str | None,
    now: datetime,
    *,
    always: bool = False,
) -> tuple[dict | None, str]:
    """A plausible clocking: 5 % absent, 7 % late, 6 % overtime, a few leaving early."""
    if not always and rng.random() < 0.05:
        return None, "absent"
    late = not always and rng.random() < 0.07
    clock_in = shift.start + (
        timedelta(minutes=rng.uniform(6, 40)) if late else -timedelta(minutes=rng.uniform(2, 15))
    )
    if clock_in > now:
        return None, "expected"
    draw = rng.random()
    if draw < 0.06:
        clock_out = shift.end + timedelta(minutes=rng.uniform(20, 120))
    elif draw < 0.08:
        clock_out = shift.end - timedelta(minutes=rng.uniform(30, 120))
    else:
        clock_out = shift.end + timedelta(minutes=rng.uniform(0, 10))
    row = {
        "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
        "employee_id": employee_id,
        "day": shift.day,
        "shift_code": shift.code,
        "clock_in": clock_in,
        "clock_out": clock_out if clock_out <= now else None,
        "station": station,
        "source": "badge",
        "corrected_by": None,
        "correction_reason": None,
        "updated_at": min(clock_out, now),
    }
    return row, "late" if late else "present"


def _handover_row(
    line_id: int, shift: ShiftInfo, author: str, now: datetime, texts: dict[str, str]
) -> dict:
    return {
        "uuid": str(uuid.uuid4()),
        "line_id": line_id,
        "day": shift.day,
        "shift_code": shift.code,
        "author": author,
        "notes": texts.get("notes", ""),
        "open_issues": texts.get("open_issues", ""),
        "safety": texts.get("safety", ""),
        "quality": texts.get("quality", ""),
        "summary": texts.get("summary"),
        "created_at": min(shift.start + timedelta(hours=1), now),
        "updated_at": min(shift.end - timedelta(minutes=15), now),
        "submitted_at": None,
        "acknowledged_by": None,
        "acknowledged_at": None,
        "acknowledgement_note": None,
        "signature_meaning": None,
    }


def _finished_handover(
    rng: random.Random,
    session,  # noqa: ANN001
    shift: ShiftInfo,
    line: str,
    line_id: int,
    stats: dict,
    acknowledger: str | None,
    now: datetime,
) -> dict:
    """A submitted handover with the summary the application would have frozen; acknowledged
    by the next crew's supervisor, except the last shift's (flagged to the shift running now)."""
    summary = HandoverSummary.of(
        figures(session, shift.start, shift.end, line, now),
        line,
        False,
        planned=stats["planned"],
        present=stats["planned"] - len(stats["absent"]),
        absent=stats["absent"],
        late=stats["late"],
        uncovered_stations=[
            ref.code
            for ref in stations_by_id(session, line).values()
            if ref.code not in stats["covered"]
        ],
    )
    author = LEADERS.get(shift.crew or "", "supervisor")
    row = _handover_row(
        line_id,
        shift,
        author,
        now,
        {
            "notes": f"{line}: " + rng.choice(NOTES),
            "open_issues": rng.choice(OPEN_ISSUES),
            "safety": rng.choice(SAFETY),
            "quality": rng.choice(QUALITY),
            "summary": json.dumps(summary.to_json(), sort_keys=True),
        },
    )
    row["submitted_at"] = shift.end - timedelta(minutes=10)
    if acknowledger is not None and acknowledger != author:
        row["acknowledged_by"] = acknowledger
        row["acknowledged_at"] = shift.end + timedelta(minutes=rng.uniform(5, 25))
        row["signature_meaning"] = "approve"
    return row
