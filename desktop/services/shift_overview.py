"""What the Shifts page shows, each read in one snapshot: the choices it offers (shifts, lines,
stations, the crews' calendar, the plant's time zone) and one shift's overview (its plan against
its clockings, the handovers waiting for acknowledgement, the handover of the chosen line and its
automatic summary).

One reading session per refresh, so the headline, the roster and the handover never mix two
moments of the floor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from desktop.domain.plant_time import utc_now
from desktop.services.actor import Actor
from desktop.services.handover import (
    HandoverView,
    PendingHandover,
    get_handover,
    live_summary,
    pending_handovers,
    shown_summary,
)
from desktop.services.handover_summary import HandoverSummary
from desktop.services.roster import (
    ShiftRoster,
    StationRef,
    active_lines,
    shift_roster,
    station_refs,
)
from desktop.services.shifts import (
    CalendarDay,
    ShiftInfo,
    calendar,
    current_shift,
    plant_today,
    plant_zone,
    shift_codes,
    shift_info,
)


@dataclass(frozen=True)
class ShiftChoices:
    """The page's choices; `today` is the plant's calendar day, not the PC's."""

    codes: list[str]
    lines: list[str]
    current: ShiftInfo | None
    time_zone: ZoneInfo
    stations: list[StationRef]
    calendar: list[CalendarDay]
    today: date


def shift_choices(session: Session, with_plant: bool, calendar_days: int) -> ShiftChoices:
    """The shifts to choose from and the current one; with `with_plant` also the lines, the
    stations and the crews' calendar from the plant's today on (an operator at the badge clock
    needs none of them)."""
    now = utc_now()
    today = plant_today(session, now)
    return ShiftChoices(
        shift_codes(session),
        active_lines(session) if with_plant else [],
        current_shift(session, now),
        plant_zone(session),
        station_refs(session) if with_plant else [],
        calendar(session, today, calendar_days) if with_plant else [],
        today,
    )


@dataclass(frozen=True)
class ShiftOverview:
    """One shift as the page shows it; `roster` is None for someone who only clocks. `summary`
    is the chosen line's summary up to now, while none was frozen into its handover."""

    shift: ShiftInfo
    roster: ShiftRoster | None
    pending: list[PendingHandover]
    handover: HandoverView | None
    summary: HandoverSummary | None

    @property
    def shown_summary(self) -> HandoverSummary | None:
        """The summary the handover is shown with (frozen, or up to now)."""
        return shown_summary(self.handover, self.summary)


def shift_overview(
    session: Session,
    actor: Actor,
    day: date,
    code: str,
    line: str | None,
    with_roster: bool,
    now: datetime | None = None,
) -> ShiftOverview:
    """The shift `code` of plant day `day`; with `with_roster` its roster (one line or all),
    the handovers still to acknowledge and, for one line, its handover or (while none was
    handed over) the summary up to now. The services check that `actor` may read shifts."""
    shift = shift_info(session, day, code)
    if not with_roster:
        return ShiftOverview(shift, None, [], None, None)
    roster = shift_roster(session, actor, day, code, line, now)
    pending = pending_handovers(session, actor, now, line=line)
    view = get_handover(session, actor, line, day, code) if line else None
    summary = live_summary(session, actor, shift, line, view, roster.now)
    return ShiftOverview(shift, roster, pending, view, summary)
