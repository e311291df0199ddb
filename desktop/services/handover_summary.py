"""The automatic summary of a handover: what a line's shift produced against plan, its NG, downtime
by reason and holds placed, planned against present and who was absent, up to a moment.

Shown while the shift runs and frozen into the handover (as JSON) when it is handed over, so the
incoming supervisor reads what the outgoing one saw; desktop.services.handover decides which one
a reader sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.services.actor import Actor
from desktop.services.production.plan import PlannedOutput
from desktop.services.roster import build_roster
from desktop.services.shifts import ShiftInfo, shift_info
from desktop.services.shifts_figures import ShiftFigures, figures


@dataclass(frozen=True)
class DowntimeReason:
    """One reason's stops in a handover summary."""

    reason: str  # code
    stops: int
    minutes: float


@dataclass(frozen=True)
class HandoverSummary(PlannedOutput):
    """The automatic part of a handover: output against plan, NG, downtime by reason, holds
    placed, planned against present and who was absent. Frozen into the handover as JSON when
    it is handed over (`to_json` / `from_json` keep the stored keys)."""

    line: str
    start: datetime | None = None
    until: datetime | None = None
    in_progress: bool = False
    units: int = 0
    plan: float = 0.0
    ng: int = 0
    downtime_minutes: float = 0.0
    downtime: tuple[DowntimeReason, ...] = ()
    holds: tuple[str, ...] = ()
    planned: int = 0
    present: int = 0
    absent: tuple[str, ...] = ()
    late: int = 0
    uncovered_stations: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        shown: ShiftFigures,
        line: str,
        in_progress: bool,
        *,
        planned: int,
        present: int,
        absent: Sequence[str],
        late: int,
        uncovered_stations: Sequence[str],
    ) -> HandoverSummary:
        """The summary of `line` from a shift's figures and its roster's counts."""
        figures_of_line = next((f for f in shown.lines if f.line == line), None)
        return cls(
            line,
            shown.start,
            shown.until,
            in_progress,
            figures_of_line.units if figures_of_line else 0,
            round(figures_of_line.plan, 1) if figures_of_line else 0.0,
            figures_of_line.ng if figures_of_line else 0,
            round(figures_of_line.downtime_minutes, 1) if figures_of_line else 0.0,
            tuple(DowntimeReason(r.reason, r.stops, round(r.minutes, 1)) for r in shown.downtime),
            tuple(h.item for h in shown.holds),
            planned,
            present,
            tuple(absent),
            late,
            tuple(uncovered_stations),
        )

    def to_json(self) -> dict[str, Any]:
        """The stored form (the keys handovers have always been frozen with)."""
        return {
            "line": self.line,
            "from": self.start.isoformat() if self.start else None,
            "until": self.until.isoformat() if self.until else None,
            "in_progress": self.in_progress,
            "units": self.units,
            "plan": self.plan,
            "ng": self.ng,
            "downtime_minutes": self.downtime_minutes,
            "downtime": [
                {"reason": r.reason, "stops": r.stops, "minutes": r.minutes} for r in self.downtime
            ],
            "holds": list(self.holds),
            "planned": self.planned,
            "present": self.present,
            "absent": list(self.absent),
            "late": self.late,
            "uncovered_stations": list(self.uncovered_stations),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HandoverSummary:
        """A stored summary; a key an older handover lacks takes its default."""

        def moment(key: str) -> datetime | None:
            value = data.get(key)
            return datetime.fromisoformat(value) if value else None

        return cls(
            str(data.get("line", "")),
            moment("from"),
            moment("until"),
            bool(data.get("in_progress", False)),
            int(data.get("units", 0)),
            float(data.get("plan") or 0.0),
            int(data.get("ng", 0)),
            float(data.get("downtime_minutes") or 0.0),
            tuple(
                DowntimeReason(d["reason"], int(d.get("stops", 0)), float(d.get("minutes", 0)))
                for d in data.get("downtime", [])
            ),
            tuple(data.get("holds", [])),
            int(data.get("planned", 0)),
            int(data.get("present", 0)),
            tuple(data.get("absent", [])),
            int(data.get("late", 0)),
            tuple(data.get("uncovered_stations", [])),
        )


def handover_summary(
    session: Session, shift: ShiftInfo, line: str, now: datetime | None = None
) -> HandoverSummary:
    """The automatic part of a handover of `line`'s shift, up to `now`."""
    now = now or utc_now()
    roster = build_roster(session, shift, line, now)
    return HandoverSummary.of(
        figures(session, shift.start, shift.end, line, now),
        line,
        now < shift.end,
        planned=roster.planned,
        present=roster.present,
        absent=[r.name for r in roster.rows if r.state == "absent"],
        late=roster.late,
        uncovered_stations=roster.uncovered_stations,
    )


def summary_of(session: Session, actor: Actor, line: str, day: date, code: str) -> HandoverSummary:
    """The automatic summary of a line's shift up to now, for whoever may read shifts (shown
    before the handover is written and frozen)."""
    actor.require(Permission.VIEW_SHIFTS)
    return handover_summary(session, shift_info(session, day, code), line)
