"""What the Line page reads, on a real database, where it meets the shift model: the plan tile
(a planned break holds the plan still, and the tile says what the shift report says) and the
view between two shifts."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from desktop.domain.plant_time import local_window
from desktop.domain.roles import Role
from desktop.services.actor import Actor
from desktop.services.demo import seed_plant
from desktop.services.production.downtime import record_downtime
from desktop.services.production.ingest import record_unit_completed
from desktop.services.production.live import (
    line_plan_curve,
    line_plan_so_far,
    line_snapshot,
    line_view,
)
from desktop.services.production.plan import PlanState
from desktop.services.production.rates import set_station_rate, station_rates
from desktop.services.shift_report import build_shift_report
from desktop.services.shifts import ShiftInfo, plant_zone, shift_at, shift_info
from desktop.storage.models import ShiftDefinition, ShiftPattern

ADMIN = Actor.system()
SUPERVISOR = Actor("sup", Role.SUPERVISOR, "OFFICE")
LINE = "CELL-1"
DAY = date(2026, 1, 13)  # an ordinary Tuesday, no holiday


@pytest.fixture
def morning(database) -> tuple[object, ShiftInfo, str]:
    """The morning shift of DAY on the demo plant: the line's output station planned at 60
    units an hour, one unit a minute for the first two hours, then a 30 minute break."""
    seed_plant(database, ADMIN)
    with database.unit_of_work() as session:
        output = station_rates(session, LINE)[-1].station
        set_station_rate(
            session,
            ADMIN,
            output,
            ideal_cycle_seconds=30.0,
            target_per_hour=60.0,
            stop_multiple=None,
        )
        shift = shift_info(session, DAY, "morning")
        for minute in range(120):
            at = shift.start + timedelta(minutes=minute, seconds=30)
            record_unit_completed(session, output, f"U{minute}", True, 60.0, at)
        record_downtime(
            session,
            SUPERVISOR,
            start=shift.start + timedelta(hours=2),
            end=shift.start + timedelta(hours=2, minutes=30),
            reason="break",
            line=LINE,
        )
    return database, shift, output


def _tile(database, shift: ShiftInfo, now: datetime):  # noqa: ANN202 - PlanProgress
    """What the tile shows at `now`: the snapshot's output station's units, as the page
    counts them from the minute totals, against the plan so far."""
    with database.reading() as session:
        snapshot = line_snapshot(session, LINE, shift, now)
    output = snapshot.rates[-1].station
    made = sum(u for s, m, u, _n in snapshot.minutes if s == output and shift.start <= m < now)
    return line_plan_so_far(snapshot, made, now, snapshot.downtime)


def test_a_planned_break_does_not_make_the_plan_tile_fall_behind(morning) -> None:
    database, shift, _output = morning
    before = _tile(database, shift, shift.start + timedelta(hours=2))
    during = _tile(database, shift, shift.start + timedelta(hours=2, minutes=25))
    assert before.made == during.made == 120
    assert before.plan == pytest.approx(120.0) and during.plan == pytest.approx(120.0)
    assert during.state is not PlanState.BEHIND
    # counting the break as time to produce in, 145 units were due: the tile would be red
    assert during.made < 145 * 0.95


def test_the_plan_tile_and_the_shift_report_agree(morning) -> None:
    database, shift, _output = morning
    for now in (
        shift.start + timedelta(hours=1, minutes=30),
        shift.start + timedelta(hours=2, minutes=15),
        shift.start + timedelta(hours=3),
    ):
        tile = _tile(database, shift, now)
        with database.reading() as session:
            report = build_shift_report(session, SUPERVISOR, DAY, "morning", LINE, now)
        (line,) = report.figures.lines
        assert (tile.made, tile.plan) == (line.units, pytest.approx(line.plan))


def test_the_output_charts_plan_line_is_the_tiles_plan_at_every_moment(morning) -> None:
    database, shift, _output = morning
    now = shift.start + timedelta(hours=3)
    with database.reading() as session:
        snapshot = line_snapshot(session, LINE, shift, now)
    curve = line_plan_curve(snapshot, now, snapshot.downtime)
    break_start, break_end = shift.start + timedelta(hours=2), shift.start + timedelta(hours=2.5)
    assert [t for t, _p in curve] == [shift.start, break_start, break_end, shift.end]
    assert [p for _t, p in curve] == pytest.approx([0.0, 120.0, 120.0, 450.0])
    for moment, plan in curve:
        assert line_plan_so_far(snapshot, 0, moment).plan == pytest.approx(plan)


def test_between_two_shifts_the_line_page_shows_the_one_that_ended(database) -> None:
    """A pattern with a gap (the morning ends at 12:00, the afternoon starts at 13:00): at
    12:30 the page shows the morning, over, instead of failing; the shift report's model."""
    seed_plant(database, ADMIN)
    with database.unit_of_work() as session:
        morning = session.scalars(
            select(ShiftDefinition)
            .join(ShiftPattern)
            .where(ShiftPattern.active, ShiftDefinition.code == "morning")
        ).one()
        morning.end = time(12)
    with database.reading() as session:
        tz = plant_zone(session)
        gap = local_window(DAY, time(12, 30), time(12, 31), tz)[0]
        assert shift_at(session, gap) is None
        morning_shift = shift_info(session, DAY, "morning")
    with database.reading() as session:  # a read of its own, as the kernel runs it
        view = line_view(session, SUPERVISOR, "CELL-1", now=gap)
    assert view.shift == morning_shift
    assert not view.live and view.shift.end == gap - timedelta(minutes=30)
