"""Production rules: downtime reasons, the plan from capacity, stop detection, the poll cursor.

Pure: no Qt, no SQL. The services and the Line page build on these.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError

# --- downtime reasons -----------------------------------------------------------------------


@dataclass(frozen=True)
class DowntimeReason:
    code: str
    name: str  # English template, translated by the UI
    planned: bool


DOWNTIME_REASONS: tuple[DowntimeReason, ...] = (
    DowntimeReason("breakdown", QT_TRANSLATE_NOOP("Messages", "Breakdown"), False),
    DowntimeReason("material", QT_TRANSLATE_NOOP("Messages", "Material shortage"), False),
    DowntimeReason("quality", QT_TRANSLATE_NOOP("Messages", "Quality problem"), False),
    DowntimeReason("no_operator", QT_TRANSLATE_NOOP("Messages", "No operator"), False),
    DowntimeReason("upstream", QT_TRANSLATE_NOOP("Messages", "Starved or blocked"), False),
    DowntimeReason("other", QT_TRANSLATE_NOOP("Messages", "Other"), False),
    DowntimeReason("break", QT_TRANSLATE_NOOP("Messages", "Break (planned)"), True),
    DowntimeReason("changeover", QT_TRANSLATE_NOOP("Messages", "Changeover (planned)"), True),
    DowntimeReason(
        "maintenance", QT_TRANSLATE_NOOP("Messages", "Planned maintenance (planned)"), True
    ),
)
REASONS_BY_CODE = {r.code: r for r in DOWNTIME_REASONS}
# A stop the application found by itself and nobody has explained yet.
UNEXPLAINED = "unexplained"
UNEXPLAINED_NAME = QT_TRANSLATE_NOOP("Messages", "Not explained yet")


def check_reason(code: str) -> DowntimeReason:
    reason = REASONS_BY_CODE.get(code.strip().lower())
    if reason is None:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Unknown downtime reason '{reason}'; known: {known}"),
            reason=code,
            known=", ".join(REASONS_BY_CODE),
        )
    return reason


# --- the plan from capacity ------------------------------------------------------------------

CELLS_PER_PACK = 4 * 64  # a 52 kWh pack of 4 modules of 64 cells
HOURS_PER_YEAR = 8760.0  # the 3x8 runs around the clock, every day
# The plan assumes this OEE, so the ideal rate a station's cycle time gives is plan / this.
PLANNED_OEE = 0.85

# How many cells one output unit of each station type serves. Upstream stations make batches,
# rolls and reels rather than cells; these are the demo plant's order-of-magnitude figures.
CELLS_PER_OUTPUT: dict[str, float] = {
    "mixing": 4800.0,  # a slurry batch
    "coating": 2400.0,  # a coated roll
    "calendering": 2400.0,  # a calendered roll
    "slitting": 600.0,  # a slit reel (4 per roll)
    "stacking": 1.0,
    "filling": 1.0,
    "formation": 1.0,
    "grading": 1.0,
    "module_assembly": 64.0,
    "pack_assembly": float(CELLS_PER_PACK),
}

DEFAULT_STOP_MULTIPLE = 10.0  # a station idle for 10 ideal cycles is stopped...
SLOW_STOP_MULTIPLE = 3.0  # ...3 for batch stations whose cycle is a minute or more...
MIN_STOP_SECONDS = 60.0  # ...but never for less than a minute (shorter ones are minor stops)


def default_stop_multiple(ideal_cycle_seconds: float) -> float:
    """Ten cycles of a cell station is seconds; ten batches of a mixer would be a shift."""
    return DEFAULT_STOP_MULTIPLE if ideal_cycle_seconds < 60 else SLOW_STOP_MULTIPLE


def capacity_plan_per_hour(
    packs_per_year: int, station_type: str, lines_of_kind: int, parallel_stations: int
) -> float:
    """Units per hour a station must make for the site to reach its yearly capacity.

    200,000 packs a year x 256 cells = 51.2 M cells a year; shared over the lines of the kind
    (two cell lines: 2,922 cells an hour each) and the stations of the same type on a line
    (two module stations share the module line's rate).
    """
    cells_per_hour = packs_per_year * CELLS_PER_PACK / HOURS_PER_YEAR
    per_output = CELLS_PER_OUTPUT.get(station_type, 1.0)
    return cells_per_hour / per_output / max(lines_of_kind, 1) / max(parallel_stations, 1)


def ideal_cycle_for(plan_per_hour: float) -> float:
    """Default ideal cycle time: the plan is met at the planned OEE."""
    if plan_per_hour <= 0:
        return 60.0
    return 3600.0 / (plan_per_hour / PLANNED_OEE)


def stop_threshold_seconds(ideal_cycle_seconds: float, multiple: float) -> float:
    return max(ideal_cycle_seconds * multiple, MIN_STOP_SECONDS)


def detected_stop(
    previous: datetime, current: datetime, ideal_cycle_seconds: float, multiple: float
) -> tuple[datetime, datetime] | None:
    """The stop between two completions at one station, when there is one.

    The station made nothing from `previous` until the unit completed at `current` started,
    one ideal cycle before it: that is the stop, if the gap exceeds the threshold.
    """
    gap = (current - previous).total_seconds()
    if gap <= stop_threshold_seconds(ideal_cycle_seconds, multiple):
        return None
    return previous, current - timedelta(seconds=ideal_cycle_seconds)


def check_rate_settings(
    ideal_cycle_seconds: float | None, target_per_hour: float | None, stop_multiple: float | None
) -> None:
    if ideal_cycle_seconds is not None and not 0.01 <= ideal_cycle_seconds <= 86400:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "An ideal cycle time must be between 0.01 s and 24 h, not {value}"
            ),
            value=ideal_cycle_seconds,
        )
    if target_per_hour is not None and not 0 < target_per_hour <= 1_000_000:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "A target must be above 0 units per hour, not {value}"),
            value=target_per_hour,
        )
    if stop_multiple is not None and not 1 <= stop_multiple <= 10_000:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "The stop multiple must be between 1 and 10000 cycles, not {value}"
            ),
            value=stop_multiple,
        )


# --- polling by event id across PCs ------------------------------------------------------------


@dataclass
class EventCursor:
    """Where a live view is in the production event stream, robust to out-of-order commits.

    Events get their id from a sequence when inserted, but on PostgreSQL two workstations'
    transactions may commit in the other order: id 101 can be visible before id 100. A cursor
    that only kept "the highest id seen" would skip 100 for ever. This one also keeps the ids
    below the highest that it has not seen yet (gaps), as ranges, and asks for them again on the
    next polls until they show up or are older than `grace_seconds` (a rolled-back insert leaves
    a gap that never fills). On SQLite writers are serialised, so gaps never open there.
    """

    high: int = 0
    gaps: list[list[float]] = field(default_factory=list)  # [low, high, first_seen_monotonic]
    grace_seconds: float = 120.0
    max_ranges: int = 16
    clock: Callable[[], float] = _time.monotonic

    def ranges(self) -> list[tuple[int, int]]:
        """The gap ranges to ask for again (inclusive), at most `max_ranges` of them; more are
        merged into one range from the lowest gap, which may re-read seen rows (filtered out)."""
        spans = [(int(lo), int(hi)) for lo, hi, _ in self.gaps]
        if len(spans) > self.max_ranges:
            return [(spans[0][0], self.high)]
        return spans

    def _in_gap(self, event_id: int) -> int | None:
        for index, (lo, hi, _) in enumerate(self.gaps):
            if lo <= event_id <= hi:
                return index
        return None

    def accept(self, ids: Iterable[int]) -> list[int]:
        """Take the ids a poll returned (any order); return those not seen before, in order."""
        now = self.clock()
        fresh: list[int] = []
        for event_id in sorted(set(ids)):
            if event_id > self.high:
                if event_id > self.high + 1:
                    self.gaps.append([self.high + 1, event_id - 1, now])
                self.high = event_id
                fresh.append(event_id)
                continue
            index = self._in_gap(event_id)
            if index is None:
                continue  # seen already
            lo, hi, since = self.gaps.pop(index)
            if lo < event_id:
                self.gaps.insert(index, [lo, event_id - 1, since])
                index += 1
            if event_id < hi:
                self.gaps.insert(index, [event_id + 1, hi, since])
            fresh.append(event_id)
        self.gaps = [g for g in self.gaps if now - g[2] < self.grace_seconds]
        self.gaps.sort()
        return fresh

    def start_at(self, floor: int, present: Iterable[int]) -> None:
        """Start from a snapshot: `present` are the ids above `floor` that it holds (the
        trailing window); ids missing among them belong to transactions still open then, so
        they become gaps to ask for again."""
        self.high, self.gaps = max(floor, 0), []
        self.accept(present)
