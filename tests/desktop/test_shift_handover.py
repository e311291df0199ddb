"""Which automatic summary a handover is shown with, decided by the service on a real database:
none before the shift starts or without a line, the one up to now while nothing was handed over
(a draft included), and the one frozen at hand-over once submitted. Every moment is given."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.domain.messages import PermissionDenied
from desktop.domain.roles import Role
from desktop.services import handover, shifts
from desktop.services.actor import Actor
from desktop.services.handover_summary import HandoverSummary, handover_summary
from desktop.services.production.ingest import record_unit_completed
from tests.plant_kit import put_line_9

SYSTEM = Actor.system()
OPERATOR = Actor("op", Role.OPERATOR, "FILL-9")
DAY = date(2026, 3, 10)
MORNING_START = datetime(2026, 3, 10, 4, tzinfo=UTC)  # 05:00 in Paris


@pytest.fixture
def line_db(database):  # noqa: ANN001, ANN201
    with database.unit_of_work() as session:
        put_line_9(session)
        for minute in range(0, 60, 5):
            at = MORNING_START + timedelta(minutes=minute)
            record_unit_completed(session, "FILL-9", None, minute != 10, None, at)
    return database


def _live(session, view, now: datetime, line: str | None = "CELL-9"):  # noqa: ANN001, ANN202
    shift = shifts.shift_info(session, DAY, "morning")
    return handover.live_summary(session, SYSTEM, shift, line, view, now)


def test_no_summary_before_the_shift_starts_or_without_a_line(line_db) -> None:
    with line_db.reading() as session:
        assert _live(session, None, MORNING_START - timedelta(minutes=1)) is None
        assert _live(session, None, MORNING_START + timedelta(hours=1), line=None) is None


def test_the_summary_up_to_now_while_nothing_was_handed_over(line_db) -> None:
    now = MORNING_START + timedelta(hours=1)
    with line_db.reading() as session:
        live = _live(session, None, now)
    assert isinstance(live, HandoverSummary)
    assert live.line == "CELL-9" and live.in_progress and live.until == now
    assert live.units == 12 and live.ng == 1
    assert handover.shown_summary(None, live) is live


def test_a_draft_still_shows_the_summary_up_to_now(line_db) -> None:
    written = MORNING_START + timedelta(hours=2)
    with line_db.unit_of_work() as session:
        draft = handover.save_handover(
            session, SYSTEM, "CELL-9", DAY, "morning", notes="Pump P2", now=written
        )
    assert draft.summary is None
    with line_db.reading() as session:
        live = _live(session, draft, written + timedelta(hours=1))
    assert live is not None and live.until == written + timedelta(hours=1)
    assert handover.shown_summary(draft, live) is live


def test_once_handed_over_the_frozen_summary_is_shown_and_none_is_computed(line_db) -> None:
    submitted = MORNING_START + timedelta(hours=7)
    with line_db.unit_of_work() as session:
        view = handover.save_handover(
            session, SYSTEM, "CELL-9", DAY, "morning", submit=True, now=submitted
        )
    with line_db.reading() as session:
        later = submitted + timedelta(hours=3)
        assert _live(session, view, later) is None
        shift = shifts.shift_info(session, DAY, "morning")
        expected = handover_summary(session, shift, "CELL-9", submitted)
    frozen = view.summary
    assert frozen is not None and frozen.until == submitted and frozen.in_progress
    assert frozen == expected  # what the outgoing supervisor saw when handing over
    assert handover.shown_summary(view, None) is frozen
    with line_db.reading() as session:
        reread = handover.get_handover(session, SYSTEM, "CELL-9", DAY, "morning")
    assert reread is not None and reread.summary == frozen  # stored and read back alike


def test_a_summary_is_for_those_who_may_read_shifts(line_db) -> None:
    with line_db.reading() as session, pytest.raises(PermissionDenied):
        shift = shifts.shift_info(session, DAY, "morning")
        handover.live_summary(session, OPERATOR, shift, "CELL-9", None, MORNING_START)


def test_a_summary_stored_without_some_keys_reads_with_their_defaults() -> None:
    old = HandoverSummary.from_json({"line": "CELL-1", "units": 5, "plan": 10})
    assert old == HandoverSummary("CELL-1", units=5, plan=10.0)
    assert old.attainment == 0.5 and HandoverSummary("CELL-1").attainment is None
    assert HandoverSummary.from_json(old.to_json()) == old
