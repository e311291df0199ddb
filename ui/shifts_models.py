"""Table models of the Shifts page: records with a colour per row (absent in red, late in amber,
a station without a qualified operator highlighted), and the words for shift codes and states."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain.shifts import SHIFT_NAMES, STATE_NAMES, AttendanceState
from desktop.services.roster import RosterRow, StationCover
from ui.messages import render, translate
from ui.style import NOK_RED, WARN_AMBER
from ui.table_model import Column, RecordTableModel

Index = QModelIndex | QPersistentModelIndex
HIGHLIGHT = "#fde2e1"


def shift_label(code: str) -> str:
    """`morning` -> "matin" in French (the catalogue's Messages context)."""
    return translate(SHIFT_NAMES[code]) if code in SHIFT_NAMES else code


def local_time(moment: datetime | None, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%H:%M") if moment is not None else ""


class ColouredTableModel(RecordTableModel):
    """A RecordTableModel whose rows may carry a text colour and a background."""

    def __init__(
        self,
        columns: Sequence[Column],
        colours: Callable[[Any], tuple[str | None, str | None]],
        parent: Any = None,
    ) -> None:
        super().__init__(columns, parent)
        self._colours = colours

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            if not index.isValid() or not 0 <= index.row() < self.rowCount():
                return None
            text, background = self._colours(self.record(index.row()))
            chosen = text if role == Qt.ItemDataRole.ForegroundRole else background
            return QBrush(QColor(chosen)) if chosen else None
        return super().data(index, role)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShiftsPage", text)


def state_text(row: RosterRow) -> str:
    if row.verdict is None:
        return ""
    text = translate(STATE_NAMES[row.verdict.state])
    if row.verdict.missing_clock_out:
        text += " / " + translate("no clock-out")
    return text


def _minutes(value: float) -> str:
    return f"{value:.0f}" if value else ""


def people_model(tz: Callable[[], ZoneInfo], parent: Any = None) -> ColouredTableModel:
    def colours(row: RosterRow) -> tuple[str | None, str | None]:
        if row.verdict is not None and row.verdict.state is AttendanceState.ABSENT:
            return NOK_RED, None
        if row.verdict is not None and row.verdict.state is AttendanceState.LATE:
            return WARN_AMBER, None
        if row.station is not None and row.problem is not None:
            return None, HIGHLIGHT
        return None, None

    return ColouredTableModel(
        [
            Column(_tr("Name"), lambda r: r.name),
            Column(_tr("Badge"), lambda r: r.badge),
            Column(_tr("Crew"), lambda r: r.crew or ""),
            Column(_tr("Station"), lambda r: r.station or ""),
            Column(
                _tr("Qualified"),
                lambda r: (
                    ""
                    if r.station is None
                    else (_tr("yes") if r.problem is None else render(r.problem))
                ),
            ),
            Column(_tr("Status"), state_text),
            Column(_tr("In"), lambda r: local_time(r.clock_in, tz())),
            Column(_tr("Out"), lambda r: local_time(r.clock_out, tz())),
            Column(
                _tr("Late (min)"),
                lambda r: _minutes(r.verdict.late_minutes) if r.verdict else "",
                align_right=True,
            ),
            Column(
                _tr("Overtime (min)"),
                lambda r: _minutes(r.verdict.overtime_minutes) if r.verdict else "",
                align_right=True,
            ),
            Column(_tr("Correction"), lambda r: r.correction_reason or ""),
        ],
        colours,
        parent,
    )


def stations_model(parent: Any = None) -> ColouredTableModel:
    return ColouredTableModel(
        [
            Column(_tr("Line"), lambda s: s.line),
            Column(_tr("Station"), lambda s: s.station),
            Column(_tr("Name"), lambda s: s.name),
            Column(_tr("Planned"), lambda s: s.planned, align_right=True),
            Column(_tr("Qualified planned"), lambda s: s.qualified, align_right=True),
            Column(_tr("Present"), lambda s: s.present, align_right=True),
            Column(
                _tr("Cover"),
                lambda s: _tr("no qualified operator") if s.uncovered else _tr("covered"),
            ),
        ],
        lambda s: (
            (NOK_RED, HIGHLIGHT) if isinstance(s, StationCover) and s.uncovered else (None, None)
        ),
        parent,
    )
