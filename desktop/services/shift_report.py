"""The shift report: production per station against target, scrap, downtime by reason,
attendance, holds and the handover notes of one shift (one line or all), as plain data.

The same tables (desktop.services.shift_report_tables, the one place that decides what the
report shows) feed the PDF (desktop.reports_pdf, Qt's own PDF writer) and the XLSX (openpyxl,
desktop.services.shift_report_export). A shift still running is reported up to now and marked
in progress. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.domain.shifts import shift_name
from desktop.services.actor import Actor
from desktop.services.handover import HandoverView, handovers_of
from desktop.services.plant import default_site
from desktop.services.roster import ShiftRoster, build_roster, check_line
from desktop.services.shifts import ShiftInfo, plant_zone, shift_info
from desktop.services.shifts_figures import ShiftFigures, figures


@dataclass(frozen=True)
class ShiftReport:
    site: str
    time_zone: str
    shift: ShiftInfo
    line: str | None
    generated_at: datetime
    figures: ShiftFigures
    roster: ShiftRoster
    handovers: list[HandoverView]

    @property
    def in_progress(self) -> bool:
        return self.generated_at < self.shift.end

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def title(self) -> Message:
        return Message(
            QT_TRANSLATE_NOOP("Messages", "Shift report {day}, {shift}"),
            {"day": self.shift.day.isoformat(), "shift": shift_name(self.shift.code)},
        )

    def local(self, moment: datetime | None, with_day: bool = False) -> str:
        if moment is None:
            return ""
        shown = moment.astimezone(self.tz)
        if with_day or shown.date() != self.shift.day:
            return shown.strftime("%Y-%m-%d %H:%M")
        return shown.strftime("%H:%M")


def build_shift_report(
    session: Any,
    actor: Actor,
    day: date,
    code: str,
    line: str | None = None,
    now: datetime | None = None,
) -> ShiftReport:
    """Everything the shift report shows, read in one snapshot."""
    actor.require(Permission.VIEW_SHIFTS)
    now = now or utc_now()
    line = check_line(session, line)
    shift = shift_info(session, day, code)
    site = default_site(session)
    shown = figures(session, shift.start, shift.end, line, now)
    roster = build_roster(session, shift, line, now)
    return ShiftReport(
        site.name,
        str(plant_zone(session)),
        shift,
        line,
        now,
        shown,
        roster,
        handovers_of(session, shift, line),
    )
