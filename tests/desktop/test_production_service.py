"""Production services on real databases (SQLite, and PostgreSQL when configured): events and
their minute totals, stop detection, downtime with audit, figures over shifts, the live poll."""

from __future__ import annotations

import time as wall
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from desktop.domain.messages import InputError, NotFoundError, PermissionDenied
from desktop.domain.plant_time import local_window
from desktop.domain.production import EventCursor
from desktop.domain.roles import Role
from desktop.services import line_simulator
from desktop.services.actor import Actor
from desktop.services.demo import seed_plant
from desktop.services.production.downtime import (
    DowntimeInfo,
    end_downtime,
    explain_downtime,
    record_downtime,
)
from desktop.services.production.figures import throughput
from desktop.services.production.ingest import record_unit_completed
from desktop.services.production.live import (
    line_choices,
    line_figures,
    line_snapshot,
    line_view,
    poll_events,
    start_cursor,
)
from desktop.services.production.rates import set_station_rate, station_rates
from desktop.services.shifts import plant_zone, shift_at, shift_info
from desktop.storage.models import Station
from desktop.storage.models.production import (
    Downtime,
    ProductionEvent,
    ProductionMinute,
    StationRate,
)
from desktop.storage.models.security import AuditEntry

ADMIN = Actor.system()
SUPERVISOR = Actor("sup", Role.SUPERVISOR, "OFFICE")
OPERATOR = Actor("op", Role.OPERATOR, "FILL-1")
PARIS_NIGHT = date(2026, 3, 28)  # 21:00 -> 05:00 across midnight and the spring clock change


@pytest.fixture
def plant(database):
    seed_plant(database, ADMIN)
    return database


def events(database, station: str, moments, ng_every: int = 0) -> None:
    with database.unit_of_work() as session:
        for index, moment in enumerate(moments):
            passed = not (ng_every and index % ng_every == ng_every - 1)
            record_unit_completed(session, station, f"U{index}", passed, 10.0, moment)


def set_rate(database, station: str, ideal: float, target: float | None = None) -> None:
    with database.unit_of_work() as session:
        set_station_rate(
            session,
            ADMIN,
            station,
            ideal_cycle_seconds=ideal,
            target_per_hour=target,
            stop_multiple=None,
        )


def test_a_completed_unit_is_stored_with_its_uuid_and_minute_total(plant) -> None:
    moment = datetime(2026, 1, 12, 8, 0, 30, tzinfo=UTC)
    events(plant, "FILL-1", [moment, moment + timedelta(seconds=10)], ng_every=2)
    with plant.reading() as session:
        stored = session.scalars(select(ProductionEvent).order_by(ProductionEvent.id)).all()
        assert [(e.unit_id, e.passed, e.source) for e in stored] == [
            ("U0", True, "station"),
            ("U1", False, "station"),
        ]
        assert len({e.uuid for e in stored}) == 2 and len(stored[0].uuid) == 36
        minute = session.execute(select(ProductionMinute.units, ProductionMinute.ng)).one()
        assert tuple(minute) == (2, 1)
        assert session.scalar(select(StationRate.last_event_at)) == moment + timedelta(seconds=10)


def test_an_unknown_station_or_a_naive_time_changes_nothing(plant) -> None:
    with pytest.raises(NotFoundError, match="Unknown station: NOPE"):
        with plant.unit_of_work() as session:
            record_unit_completed(session, "NOPE", None, True, None, datetime.now(UTC))
    with pytest.raises(InputError, match="needs a time with its zone"):
        with plant.unit_of_work() as session:
            record_unit_completed(session, "FILL-1", None, True, None, datetime.now())
    with plant.reading() as session:
        assert session.scalar(select(func.count()).select_from(ProductionEvent)) == 0


def test_a_station_idle_beyond_its_threshold_gets_a_detected_stop(plant) -> None:
    set_rate(plant, "FILL-1", ideal=10)  # threshold 10 x 10 s = 100 s
    t = datetime(2026, 1, 12, 8, 0, tzinfo=UTC)
    events(plant, "FILL-1", [t, t + timedelta(seconds=60), t + timedelta(seconds=400)])
    with plant.reading() as session:
        stops = session.scalars(select(Downtime)).all()
    assert [(s.start, s.end, s.reason, s.source, s.planned) for s in stops] == [
        (t + timedelta(seconds=60), t + timedelta(seconds=390), "unexplained", "detected", False)
    ]


def test_downtime_is_entered_by_a_supervisor_explained_and_audited(plant) -> None:
    start = datetime.now(UTC) - timedelta(minutes=30)
    with pytest.raises(PermissionDenied), plant.unit_of_work() as session:
        record_downtime(
            session, OPERATOR, start=start, end=None, reason="breakdown", station="FILL-1"
        )
    with plant.unit_of_work() as session:
        created = record_downtime(
            session,
            SUPERVISOR,
            start=start,
            end=None,
            reason="changeover",
            line="CELL-1",
            note="new electrolyte lot",
        )
    assert len(created) == 8 and all(d.planned for d in created)
    with plant.unit_of_work() as session:
        fixed = explain_downtime(session, SUPERVISOR, created[0].uuid, "breakdown")
        ended = end_downtime(session, SUPERVISOR, created[0].uuid, datetime.now(UTC))
    assert (fixed.reason, fixed.planned, ended.end is not None) == ("breakdown", False, True)
    with pytest.raises(InputError, match="end after it starts"), plant.unit_of_work() as s:
        record_downtime(s, SUPERVISOR, start=start, end=start, reason="breakdown", station="FILL-1")
    with pytest.raises(InputError, match="Unknown downtime reason"), plant.unit_of_work() as s:
        record_downtime(s, SUPERVISOR, start=start, end=None, reason="x", line="CELL-1")
    with plant.reading() as session:
        actions = session.execute(
            select(AuditEntry.action, AuditEntry.username).where(
                AuditEntry.object_type == "downtime"
            )
        ).all()
        assert sorted(set(actions)) == [("create", "sup"), ("update", "sup")]
        assert len(actions) == 10
        assert session.scalar(select(func.count()).select_from(Downtime)) == 8


def test_station_rates_default_from_capacity_and_are_edited_with_audit(plant) -> None:
    with plant.reading() as session:
        rates = {r.station: r for r in station_rates(session)}
    assert rates["FILL-1"].target_per_hour == pytest.approx(2922.37, abs=0.01)
    assert rates["MODA-1"].target_per_hour == pytest.approx(45.66, abs=0.01)
    assert rates["FILL-1"].target_is_default and rates["FILL-1"].stop_multiple == 10
    assert rates["MIX-1"].stop_multiple == 3  # a batch station: 3 cycles, not 10
    with pytest.raises(InputError, match="ideal cycle time"), plant.unit_of_work() as session:
        set_station_rate(
            session,
            ADMIN,
            "FILL-1",
            ideal_cycle_seconds=0,
            target_per_hour=None,
            stop_multiple=None,
        )
    with pytest.raises(PermissionDenied), plant.unit_of_work() as session:
        set_station_rate(
            session,
            OPERATOR,
            "FILL-1",
            ideal_cycle_seconds=2,
            target_per_hour=None,
            stop_multiple=None,
        )
    set_rate(plant, "FILL-1", ideal=1.5, target=2000)
    with plant.reading() as session:
        info = station_rates(session, "CELL-1")[5]
        audit_rows = session.scalar(
            select(func.count()).where(AuditEntry.object_type == "station_rate")
        )
    assert (info.station, info.ideal_cycle_seconds, info.target_per_hour) == ("FILL-1", 1.5, 2000)
    assert audit_rows == 1


def test_night_shift_figures_across_midnight_on_the_spring_clock_change(plant) -> None:
    """The night of 28-29 March 2026 lasts 7 h. FILL-1, ideal cycle 30 s (threshold 300 s):
    one unit every 36 s from 21:00 except a 1 h stop at 01:00 (detected) and a 20 min planned
    changeover entered at 23:50-00:10 (nothing made then). Every 50th unit NG.

    Hand computation: planned = 25200 - 1200 = 24000 s. The detected stop runs from the last
    unit before the gap to the next unit's start (its time - 30 s).
    """
    set_rate(plant, "FILL-1", ideal=30, target=100)
    with plant.reading() as session:
        tz = plant_zone(session)
        shift = shift_info(session, PARIS_NIGHT, "night")
    start, end = shift.start, shift.end
    assert (end - start) == timedelta(hours=7)
    change_start, change_end = local_window(PARIS_NIGHT, time(23, 50), time(0, 10), tz)
    stop_start = local_window(date(2026, 3, 29), time(1), time(2), tz)[0]
    moments, t = [], start + timedelta(seconds=36)
    while t < end:
        if not (change_start <= t < change_end) and not (
            stop_start <= t < stop_start + timedelta(hours=1)
        ):
            moments.append(t)
        t += timedelta(seconds=36)
    events(plant, "FILL-1", moments, ng_every=50)
    with plant.unit_of_work() as session:
        record_downtime(
            session,
            SUPERVISOR,
            start=change_start,
            end=change_end,
            reason="changeover",
            station="FILL-1",
        )
    with plant.reading() as session:
        report = throughput(session, start, end, "CELL-1", now=end)
    fill = next(s for s in report.stations if s.station == "FILL-1")
    units, ng = len(moments), len(moments) // 50
    # the stops the data implies: the changeover gap is detected too, but lies in planned time
    gap = [
        (a, b) for a, b in zip(moments, moments[1:], strict=False) if (b - a).total_seconds() > 300
    ]
    assert len(gap) == 2
    long_stop = next((a, b) for a, b in gap if a >= stop_start - timedelta(minutes=1))
    around = next((a, b) for a, b in gap if a < change_start)
    # the detected stop around the changeover counts only outside it (before 23:50 and after
    # 00:10 until the next unit started)
    downtime = (long_stop[1] - timedelta(seconds=30) - long_stop[0]).total_seconds() + (
        (change_start - around[0]).total_seconds()
        + max((around[1] - timedelta(seconds=30) - change_end).total_seconds(), 0)
    )
    planned = 7 * 3600 - 1200
    run = planned - downtime
    assert (fill.units, fill.ng) == (units, ng)
    assert fill.planned_stop_minutes == pytest.approx(20)
    assert fill.downtime_minutes == pytest.approx(downtime / 60)
    assert fill.availability == pytest.approx(run / planned)
    assert fill.performance == pytest.approx(min(units * 30 / run, 1))
    assert fill.fpy == pytest.approx((units - ng) / units)
    assert fill.oee == pytest.approx((run / planned) * (units * 30 / run) * (units - ng) / units)
    assert fill.plan_units == pytest.approx(100 * planned / 3600)
    line = report.lines[0]
    assert line.units == 0  # GRADE-1, the line's last station, made nothing
    assert line.bottleneck is not None


def test_report_json_has_exactly_the_agreed_shape(plant) -> None:
    now = datetime.now(UTC)
    events(plant, "PACKA-1", [now - timedelta(minutes=m) for m in range(1, 4)])
    with plant.reading() as session:
        report = throughput(session, now - timedelta(hours=1), now, now=now)
    data = report.as_json()
    assert set(data) == {"from", "to", "stations", "lines"}
    assert set(data["stations"][0]) == {
        "station",
        "line",
        "units",
        "ng",
        "fpy",
        "oee",
        "downtime_minutes",
    }
    pack = next(s for s in data["stations"] if s["station"] == "PACKA-1")
    assert pack["units"] == 3 and 0 <= pack["oee"] <= 1
    assert {ln["line"] for ln in data["lines"]} == {"CELL-1", "CELL-2", "MOD-1", "PACK-1"}


def test_the_poll_returns_only_new_events_and_ignores_nothing(plant) -> None:
    now = datetime.now(UTC)
    events(plant, "FILL-1", [now - timedelta(seconds=30)])
    cursor = EventCursor()
    with plant.reading() as session:
        start_cursor(session, cursor)
        assert poll_events(session, cursor) == []
    events(plant, "FILL-1", [now - timedelta(seconds=20), now - timedelta(seconds=10)])
    events(plant, "GRADE-2", [now])
    with plant.reading() as session:
        polled = poll_events(session, cursor)
        assert [(e.station, e.at) for e in polled] == [
            ("FILL-1", now - timedelta(seconds=20)),
            ("FILL-1", now - timedelta(seconds=10)),
            ("GRADE-2", now),
        ]
        assert poll_events(session, cursor) == []


def test_events_committed_out_of_order_on_postgresql_are_not_lost(plant) -> None:
    """Two workstations: A takes an id and commits late; B takes the next id and commits first.
    A poll in between sees B's event; the next poll must still return A's."""
    if not plant.engine.dialect.name == "postgresql":
        pytest.skip("SQLite serialises writers: ids always commit in order there")
    now = datetime.now(UTC)
    cursor = EventCursor()
    with plant.reading() as session:
        start_cursor(session, cursor)
    slow = plant._sessions()
    slow.begin()
    record_unit_completed(slow, "FILL-1", "A", True, None, now)  # id n, not committed
    slow.flush()
    events(plant, "FILL-2", [now])  # id n+1, committed
    with plant.reading() as session:
        first = poll_events(session, cursor)
    assert [e.station for e in first] == ["FILL-2"] and cursor.ranges()
    slow.commit()
    slow.close()
    with plant.reading() as session:
        second = poll_events(session, cursor)
    assert [e.station for e in second] == ["FILL-1"] and cursor.ranges() == []


def test_a_line_snapshot_holds_the_minute_totals_and_a_live_cursor(plant) -> None:
    now = datetime.now(UTC)
    events(plant, "STACK-1", [now - timedelta(minutes=2), now - timedelta(minutes=1)])
    with plant.reading() as session:
        shift = shift_at(session, now)
    with plant.reading() as session:
        snapshot = line_snapshot(session, "CELL-1", shift, now)
    with pytest.raises(NotFoundError), plant.reading() as session:
        line_snapshot(session, "NOPE", shift, now)
    assert snapshot.live and snapshot.cursor is not None and snapshot.cursor.high == 2
    assert sum(u for s, _m, u, _n in snapshot.minutes if s == "STACK-1") == 2
    assert [r.station for r in snapshot.rates][0] == "MIX-1"


def test_the_simulator_continues_each_station_and_writes_one_audit_row(plant) -> None:
    first = line_simulator.run(plant, ADMIN, lines=["CELL-1", "PACK-1"], speed=None, minutes=20)
    assert first.events > 1000 and first.end - first.start == timedelta(minutes=20)
    with plant.reading() as session:
        last = dict(
            session.execute(
                select(Station.code, StationRate.last_event_at).join(
                    StationRate, StationRate.station_id == Station.id
                )
            ).all()
        )
        per_station = dict(
            session.execute(
                select(Station.code, func.count())
                .join(ProductionEvent, ProductionEvent.station_id == Station.id)
                .group_by(Station.code)
            ).all()
        )
    assert per_station["STACK-1"] > 500 and per_station["PACKA-1"] > 3
    assert "FILL-2" not in per_station
    assert max(last.values()) <= datetime.now(UTC)  # never ahead of the clock at full speed
    count_before = per_station["STACK-1"]
    second = line_simulator.run(plant, ADMIN, lines=["CELL-1"], speed=None, minutes=5)
    assert second.already >= 4  # the cell stations had produced in those 5 minutes
    with plant.reading() as session:
        stack = session.scalars(
            select(ProductionEvent.at)
            .join(Station)
            .where(Station.code == "STACK-1")
            .order_by(ProductionEvent.id)
        ).all()
        audit_rows = session.scalars(
            select(AuditEntry.object_id).where(AuditEntry.action == "bulk")
        ).all()
    # the second run only continued STACK-1 after its last unit: no overlap in time
    assert all(at > last["STACK-1"] for at in stack[count_before:])
    assert stack == sorted(stack)
    assert audit_rows.count("simulate_line") == 2
    with pytest.raises(PermissionDenied):
        line_simulator.run(plant, SUPERVISOR, speed=None, minutes=1)


def test_the_background_simulator_moves_in_real_time_and_stops(plant) -> None:
    handle = line_simulator.start_background(plant, speed=60.0, lines=["CELL-2"])
    deadline = wall.monotonic() + 20
    count = 0
    while wall.monotonic() < deadline and count == 0:
        wall.sleep(0.2)
        with plant.reading() as session:
            count = session.scalar(select(func.count()).select_from(ProductionEvent))
    handle.stop()
    assert count > 0 and not handle.running


def test_the_demo_history_is_a_week_of_minute_totals(plant) -> None:
    line_simulator.seed_history(plant, ADMIN)
    now = datetime.now(UTC)
    with plant.reading() as session:
        report = throughput(session, now - timedelta(days=1), now, now=now)
        planned = session.scalar(select(func.count()).where(Downtime.planned))
    assert planned == 19 * 8 or planned == 19 * 7
    for station in report.stations:
        assert station.units > 0 and 0 <= station.oee <= 1, station
    assert line_simulator.seed_history(plant, ADMIN) == "production history already there"


def _stops(database) -> list[tuple[str, datetime, datetime | None]]:
    with database.reading() as session:
        return session.execute(
            select(Station.code, Downtime.start, Downtime.end)
            .join(Station, Station.id == Downtime.station_id)
            .order_by(Station.code, Downtime.start)
        ).all()


def _record(database, **kwargs) -> list[DowntimeInfo]:
    with database.unit_of_work() as session:
        return record_downtime(session, SUPERVISOR, **kwargs)


def test_a_stop_overlapping_one_entered_at_the_station_is_refused_and_named(plant) -> None:
    from desktop.domain.messages import ConflictError
    from desktop.domain.plant_time import zone

    paris = zone("Europe/Paris")
    start = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=2)
    end = start + timedelta(minutes=40)
    _record(plant, start=start, end=end, reason="breakdown", station="FILL-1", note="pump")
    before = _stops(plant)
    with plant.reading() as session:
        audited = session.scalar(select(func.count()).select_from(AuditEntry))
    in_plant = f"{start.astimezone(paris):%d/%m/%Y %H:%M} to {end.astimezone(paris):%H:%M}"
    for overlapping in (
        {"start": start + timedelta(minutes=10), "end": start + timedelta(minutes=20)},
        {"start": start - timedelta(minutes=10), "end": start + timedelta(minutes=1)},
        {"start": end - timedelta(minutes=1), "end": None},
        {"start": start - timedelta(hours=1), "end": end + timedelta(hours=1)},
    ):
        with pytest.raises(ConflictError) as refused:
            _record(plant, reason="changeover", station="FILL-1", **overlapping)
        assert str(refused.value).startswith(
            f"FILL-1 already has a stop from {in_plant} (Breakdown)"
        ), str(refused.value)
    # a whole-line stop that touches FILL-1's writes nothing for any station of the line
    with pytest.raises(ConflictError, match="FILL-1 already has a stop"):
        _record(plant, start=start, end=end, reason="breakdown", line="CELL-1")
    assert _stops(plant) == before
    with plant.reading() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == audited
    # next to it, or at another station, is no overlap
    _record(plant, start=end, end=end + timedelta(minutes=5), reason="breakdown", station="FILL-1")
    _record(plant, start=start, end=end, reason="breakdown", station="STACK-1")
    assert len(_stops(plant)) == len(before) + 2


def test_an_open_stop_is_named_as_not_ended(plant) -> None:
    from desktop.domain.messages import ConflictError

    start = datetime.now(UTC) - timedelta(minutes=30)
    _record(plant, start=start, end=None, reason="material", station="FILL-1")
    with pytest.raises(ConflictError, match=r"FILL-1 is already stopped since \d\d/\d\d/\d{4}"):
        _record(
            plant,
            start=start + timedelta(minutes=5),
            end=None,
            reason="breakdown",
            station="FILL-1",
        )


def test_the_same_whole_line_stop_twice_is_recorded_once(plant) -> None:
    """What a double click on "record stop" sends: the second write is refused, 8 rows stay."""
    from desktop.domain.messages import ConflictError
    from desktop.operations import Operations

    operations = Operations(plant)
    start = datetime.now(UTC) - timedelta(minutes=20)
    stop = {"start": start, "end": None, "reason": "breakdown", "line": "CELL-1"}
    first = operations.write(SUPERVISOR, record_downtime, **stop)
    second = operations.write(SUPERVISOR, record_downtime, **stop)
    assert len(first.result()) == 8
    with pytest.raises(ConflictError, match="already stopped since"):
        second.result()
    operations.shutdown()
    with plant.reading() as session:
        assert session.scalar(select(func.count()).select_from(Downtime)) == 8


def test_a_detected_stop_does_not_block_entering_its_reason_over_it(plant) -> None:
    t = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
    events(plant, "FILL-1", [t, t + timedelta(minutes=30)])
    detected = [s for s in _stops(plant) if s[0] == "FILL-1"]
    assert len(detected) == 1
    _record(plant, start=t, end=t + timedelta(minutes=30), reason="breakdown", station="FILL-1")
    assert len([s for s in _stops(plant) if s[0] == "FILL-1"]) == 2


def test_the_line_page_reads_as_the_kernel_runs_them(plant) -> None:
    # each call a read of its own (one snapshot each), as the kernel runs them
    with plant.reading() as session:
        lines, shifts = line_choices(session)
    with plant.reading() as session:
        view = line_view(session, SUPERVISOR, "CELL-1")
    with plant.reading() as session:
        report, stops = line_figures(session, SUPERVISOR, "CELL-1", view.shift)
    assert "CELL-1" in lines and shifts
    assert view.live and view.line == "CELL-1"
    assert [s.station for s in report.stations] == [r.station for r in view.rates]
    assert stops == []
    with plant.reading() as session:
        past = line_view(session, OPERATOR, "CELL-1", view.shift.day, shifts[0])
    assert past.shift.code == shifts[0]
