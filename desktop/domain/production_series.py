"""Per-minute production counts of a set of stations over a sliding window, in numpy.

The Line page keeps one of these: loaded once from the minute totals in the database, then fed
with the events each poll returns, then slid forward as time passes, so a live tick never reloads
the window. The charts draw arrays computed from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import numpy as np


def minute_floor(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def epoch(moment: datetime) -> float:
    return moment.timestamp()


class MinuteSeries:
    """Units and NG per station and per minute for `minutes` minutes from `start` (UTC)."""

    def __init__(self, stations: Sequence[str], start: datetime, minutes: int) -> None:
        self.stations = list(stations)
        self.index = {code: i for i, code in enumerate(self.stations)}
        self.start = minute_floor(start.astimezone(UTC))
        self.minutes = minutes
        self.units = np.zeros((len(self.stations), minutes), dtype=np.int64)
        self.ng = np.zeros((len(self.stations), minutes), dtype=np.int64)
        self.version = 0  # bumped by every change, so a view redraws only when needed

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    def x(self) -> np.ndarray:
        """The start of each minute, in epoch seconds (pyqtgraph's DateAxisItem unit)."""
        return epoch(self.start) + 60.0 * np.arange(self.minutes, dtype=np.float64)

    def minute_of(self, moment: datetime) -> int:
        return int((moment - self.start).total_seconds() // 60)

    def add(self, station: str, minute: datetime, units: int, ng: int) -> bool:
        """Add counts to a minute; False when the station or the minute is outside."""
        row = self.index.get(station)
        column = self.minute_of(minute)
        if row is None or not 0 <= column < self.minutes:
            return False
        self.units[row, column] += units
        self.ng[row, column] += ng
        self.version += 1
        return True

    def add_events(
        self, stations: Sequence[str], at: Sequence[datetime], passed: Sequence[bool]
    ) -> int:
        """Add single events (a poll's result); returns how many fell inside the window."""
        if not stations:
            return 0
        rows = np.array([self.index.get(s, -1) for s in stations], dtype=np.int64)
        base = epoch(self.start)
        columns = np.array([(a.timestamp() - base) // 60 for a in at], dtype=np.int64)
        bad = ~np.array(passed, dtype=bool)
        keep = (rows >= 0) & (columns >= 0) & (columns < self.minutes)
        np.add.at(self.units, (rows[keep], columns[keep]), 1)
        np.add.at(self.ng, (rows[keep], columns[keep]), bad[keep].astype(np.int64))
        self.version += 1
        return int(keep.sum())

    def advance(self, now: datetime) -> int:
        """Slide the window so that the minute of `now` is its last one; returns the shift."""
        shift = self.minute_of(minute_floor(now)) - (self.minutes - 1)
        if shift <= 0:
            return 0
        if shift >= self.minutes:
            self.units[:] = 0
            self.ng[:] = 0
        else:
            self.units[:, :-shift] = self.units[:, shift:]
            self.units[:, -shift:] = 0
            self.ng[:, :-shift] = self.ng[:, shift:]
            self.ng[:, -shift:] = 0
        self.start += timedelta(minutes=shift)
        self.version += 1
        return shift

    def per_hour(self, rolling_minutes: int | Sequence[int] = 15) -> np.ndarray:
        """Units per hour at each minute: the trailing sum over `rolling_minutes` (one for all
        stations, or one per station), scaled to an hour; fewer minutes at the very start."""
        counts = np.cumsum(self.units, axis=1, dtype=np.float64)
        windows = (
            [int(rolling_minutes)] * len(self.stations)
            if isinstance(rolling_minutes, int | float)
            else [int(w) for w in rolling_minutes]
        )
        result = np.empty_like(counts)
        positions = np.arange(1, self.minutes + 1)
        for row, window in enumerate(windows):
            window = max(window, 1)
            shifted = np.zeros(self.minutes, dtype=np.float64)
            if window < self.minutes:
                shifted[window:] = counts[row, :-window]
            result[row] = (counts[row] - shifted) * (60.0 / np.minimum(positions, window))
        return result

    @staticmethod
    def window_for(ideal_cycle_seconds: float, floor: int = 15, ceiling: int = 240) -> int:
        """A rolling window that holds a few units of the station: 15 min for a cell station,
        hours for a mixer that makes a batch an hour (else its line is a row of spikes)."""
        return int(min(max(np.ceil(4 * ideal_cycle_seconds / 60.0), floor), ceiling))

    def cumulative(self, station: str, since: datetime) -> np.ndarray:
        """Running total of a station's units from `since` (zero before it)."""
        row = self.units[self.index[station]].copy()
        first = self.minute_of(since)
        if first > 0:
            row[: min(first, self.minutes)] = 0
        return np.cumsum(row)

    def totals(self, since: datetime | None = None) -> dict[str, tuple[int, int]]:
        first = max(self.minute_of(since), 0) if since is not None else 0
        return {
            code: (int(self.units[i, first:].sum()), int(self.ng[i, first:].sum()))
            for i, code in enumerate(self.stations)
        }
