"""What the Shifts page reads and writes through the operations kernel, on a real database: its
choices and one shift's overview in one snapshot, a handover written on the writer lane, and the
shift report on the long-job lane with progress."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from desktop.domain.messages import PermissionDenied
from desktop.domain.plant_time import plant_date, utc_now
from desktop.domain.roles import Role
from desktop.operations import Cancelled, Operations
from desktop.services import handover, shifts
from desktop.services.actor import Actor
from desktop.services.handover_summary import summary_of
from desktop.services.shift_overview import shift_choices, shift_overview
from desktop.services.shift_report_export import WRITING, report_job, xlsx_job
from tests.plant_kit import put_line_9

PARIS = ZoneInfo("Europe/Paris")
SUPERVISOR = Actor("sup", Role.SUPERVISOR, "OFFICE")
OPERATOR = Actor("op", Role.OPERATOR, "FILL-9")


@pytest.fixture
def ops(database):  # noqa: ANN001, ANN201
    with database.unit_of_work() as session:
        put_line_9(session)
    operations = Operations(database)
    yield operations
    operations.shutdown()


def _current(ops: Operations) -> shifts.ShiftInfo:
    current = ops.read(shifts.current_shift).result(10)
    assert current is not None  # the 3x8 pattern leaves no gap
    return current


def test_the_choices_start_on_the_plants_day(ops: Operations) -> None:
    choices = ops.read(shift_choices, True, 14).result(10)
    assert choices.codes == ["morning", "afternoon", "night"]
    assert choices.lines == ["CELL-9"]
    assert [s.code for s in choices.stations] == ["FILL-9"]
    assert str(choices.time_zone) == "Europe/Paris"
    assert choices.today == plant_date(utc_now(), PARIS)
    assert [d.day for d in choices.calendar] == [
        choices.today + timedelta(days=n) for n in range(14)
    ]
    assert choices.current is not None and choices.current.start <= utc_now()
    clock_only = ops.read(shift_choices, False, 14).result(10)
    assert clock_only.lines == [] and clock_only.stations == [] and clock_only.calendar == []


def test_the_overview_of_a_line_and_who_may_read_it(ops: Operations) -> None:
    current = _current(ops)
    overview = ops.read_as(
        SUPERVISOR, shift_overview, current.day, current.code, "CELL-9", True
    ).result(10)
    assert overview.shift == current and overview.roster is not None
    assert overview.handover is None and overview.summary is not None
    assert overview.summary.line == "CELL-9" and overview.summary.in_progress
    assert [p.line for p in overview.pending] == ["CELL-9"]  # the shift before handed nothing
    # someone who only clocks gets the shift, nothing of the roster
    clock_only = ops.read_as(
        OPERATOR, shift_overview, current.day, current.code, None, False
    ).result(10)
    assert clock_only.roster is None and clock_only.pending == []
    with pytest.raises(PermissionDenied):
        ops.read_as(OPERATOR, shift_overview, current.day, current.code, None, True).result(10)
    with pytest.raises(PermissionDenied):
        ops.read_as(None, shift_overview, current.day, current.code, None, True).result(10)


def test_a_handover_written_on_the_writer_lane_is_shown_with_its_frozen_summary(
    ops: Operations,
) -> None:
    current = _current(ops)
    view = ops.write(
        SUPERVISOR,
        handover.save_handover,
        "CELL-9",
        current.day,
        current.code,
        submit=True,
        notes="Pump P2 noisy",
    ).result(10)
    assert view.status == "submitted" and view.author == "sup"
    overview = ops.read_as(
        SUPERVISOR, shift_overview, current.day, current.code, "CELL-9", True
    ).result(10)
    assert overview.handover == view and overview.summary is None  # the frozen one is shown
    assert (
        ops.read_as(SUPERVISOR, summary_of, "CELL-9", current.day, current.code).result(10).line
        == "CELL-9"
    )
    with pytest.raises(PermissionDenied):
        ops.read_as(OPERATOR, summary_of, "CELL-9", current.day, current.code).result(10)


def test_the_shift_report_on_the_long_lane_reports_progress_and_stops_when_asked(
    ops: Operations, tmp_path: Path
) -> None:
    current = _current(ops)
    heard: list[tuple[int, int | None, str]] = []
    future, job = ops.long(
        SUPERVISOR,
        xlsx_job,
        current.day,
        current.code,
        "CELL-9",
        tmp_path / "r.xlsx",
    )
    job.listen(lambda *report: heard.append(report))
    assert future.result(30) == tmp_path / "r.xlsx"
    assert "Production per station" in load_workbook(tmp_path / "r.xlsx").sheetnames
    assert heard[-1] == (2, 2, WRITING)
    report_future, _ = ops.long(SUPERVISOR, report_job, current.day, current.code)
    report = report_future.result(30)
    assert report.shift == current and report.line is None
    # a cancelled job stops at its first clean point and writes nothing (the lane is held
    # busy meanwhile, so the cancel surely comes before the job starts)
    gate = threading.Event()
    busy, _ = ops.long(SUPERVISOR, lambda _job: gate.wait(30))
    stopped, stopped_job = ops.long(
        SUPERVISOR,
        xlsx_job,
        date(2026, 3, 2),
        "morning",
        None,
        tmp_path / "never.xlsx",
    )
    stopped_job.cancel()
    gate.set()
    assert busy.result(30)
    with pytest.raises(Cancelled):
        stopped.result(30)
    assert not (tmp_path / "never.xlsx").exists()
    with pytest.raises(PermissionDenied):
        ops.long(OPERATOR, report_job, current.day, current.code)[0].result(30)


def test_the_current_shift_is_the_one_running_in_plant_time(ops: Operations) -> None:
    # 04:30 plant time on a winter morning is still the night that started the day before
    early = datetime(2026, 1, 14, 4, 30, tzinfo=PARIS).astimezone(UTC)
    night = ops.read(shifts.current_shift, early).result(10)
    assert (night.day, night.code) == (date(2026, 1, 13), "night")
    assert ops.read(shifts.shift_codes).result(10) == ["morning", "afternoon", "night"]
