"""The line simulator: realistic production events for every station of the demo lines.

Each station completes units at its ideal cycle time plus noise, with minor stops (shorter than
its stop threshold: a loss of performance), breakdowns (long enough to be detected as downtime)
and NG units. Stations never overlap their own production: each continues from its newest
completion, so the simulator, station scanning and the demo history make one timeline.

- `run(...)`: real time (`speed=1`), X times faster, or as fast as possible (`speed=None`) in
  batches for N simulated minutes; writes through `ingest` and one audit row per run.
- `start_background(database)`: the same in a plain thread, for `linedesk demo`.
- `seed_history(database, actor)`: the demo step, the last 7 days as minute totals, in seconds.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import time as dt_time

import numpy as np
from sqlalchemy import func, select, update

from desktop.domain.messages import QT_TRANSLATE_NOOP, NotFoundError
from desktop.domain.plant_time import local_window
from desktop.domain.production import UNEXPLAINED, detected_stop
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.production.ingest import EventIn, ingest
from desktop.services.production.rates import StationRateInfo, ensure_rate_rows, station_rates
from desktop.services.shifts import plant_zone
from desktop.storage.database import Database
from desktop.storage.models.production import Downtime, ProductionMinute, StationRate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Profile:
    """How a station type behaves: cycle noise, minor stops, breakdowns, NG."""

    slowdown: float = 0.05  # mean extra cycle time, as a fraction of the ideal cycle
    minor_stop_rate: float = 0.01  # chance per unit of a minor stop
    breakdowns_per_hour: float = 1 / 8
    breakdown_minutes: float = 12.0  # median
    ng_rate: float = 0.01


PROFILES: dict[str, Profile] = {
    "mixing": Profile(0.04, 0.02, 1 / 24, 20.0, 0.005),
    "coating": Profile(0.05, 0.02, 1 / 16, 25.0, 0.01),
    "calendering": Profile(0.04, 0.02, 1 / 16, 15.0, 0.005),
    "slitting": Profile(0.04, 0.02, 1 / 16, 15.0, 0.01),
    "stacking": Profile(0.06, 0.01, 1 / 10, 12.0, 0.015),
    "filling": Profile(0.12, 0.015, 1 / 8, 15.0, 0.01),  # the demo's usual bottleneck
    "formation": Profile(0.05, 0.005, 1 / 20, 20.0, 0.02),
    "grading": Profile(0.05, 0.01, 1 / 12, 10.0, 0.03),
    "module_assembly": Profile(0.08, 0.02, 1 / 10, 12.0, 0.005),
    "pack_assembly": Profile(0.08, 0.02, 1 / 12, 15.0, 0.003),
}


class StationSim:
    """One station's stream of completions, generated ahead in numpy chunks."""

    def __init__(
        self,
        rate: StationRateInfo,
        rng: np.random.Generator,
        start: float,
    ) -> None:
        self.rate = rate
        self.profile = PROFILES.get(rate.station_type, Profile())
        self.rng = rng
        self.clock = start  # epoch seconds of the newest generated completion
        self._times = np.empty(0)
        self._passed = np.empty(0, dtype=bool)
        self._cycles = np.empty(0)

    def _generate(self, until: float) -> None:
        ideal = self.rate.ideal_cycle_seconds
        p = self.profile
        threshold = self.rate.stop_after_seconds
        chunks_t, chunks_p, chunks_c = [self._times], [self._passed], [self._cycles]
        while self.clock < until:
            n = int(min(max((until - self.clock) / ideal * 1.05, 16), 200_000)) + 1
            cycles = ideal * (1.0 + self.rng.gamma(2.0, p.slowdown / 2.0, n))
            gaps = cycles.copy()
            minor = self.rng.random(n) < p.minor_stop_rate
            gaps[minor] += self.rng.uniform(0.1, 0.8, int(minor.sum())) * min(
                threshold - ideal, 10 * ideal + 20
            )
            broken = self.rng.random(n) < p.breakdowns_per_hour * ideal / 3600.0
            minutes = np.clip(
                self.rng.lognormal(np.log(p.breakdown_minutes), 0.6, int(broken.sum())), 2, 120
            )
            gaps[broken] += minutes * 60.0
            times = self.clock + np.cumsum(gaps)
            chunks_t.append(times)
            chunks_p.append(self.rng.random(n) >= p.ng_rate)
            chunks_c.append(cycles)
            self.clock = float(times[-1])
        self._times = np.concatenate(chunks_t)
        self._passed = np.concatenate(chunks_p)
        self._cycles = np.concatenate(chunks_c)

    def take(self, until: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Completions before `until` (epoch seconds): times, passed flags, cycle times."""
        if self.clock < until:
            self._generate(until)
        cut = int(np.searchsorted(self._times, until, side="left"))
        taken = self._times[:cut], self._passed[:cut], self._cycles[:cut]
        self._times, self._passed, self._cycles = (
            self._times[cut:],
            self._passed[cut:],
            self._cycles[cut:],
        )
        return taken


def _rng(code: str, salt: int) -> np.random.Generator:
    return np.random.default_rng([zlib.crc32(code.encode()), salt])


def _epoch(moment: datetime) -> float:
    return moment.timestamp()


def _when(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


@dataclass
class RunResult:
    start: datetime
    end: datetime
    events: int = 0
    stops: int = 0
    stations: list[str] = field(default_factory=list)
    already: int = 0  # stations that had made units inside the window before the run


CATCH_UP_SECONDS = 3600.0


def _stations(database: Database, lines: Sequence[str] | None) -> list[StationRateInfo]:
    with database.reading() as session:
        rates = station_rates(session)
    if lines:
        wanted = set(lines)
        unknown = wanted - {r.line for r in rates}
        if unknown:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Messages", "Unknown line: {line}"), line=sorted(unknown)[0]
            )
        rates = [r for r in rates if r.line in wanted]
    return rates


def _write(database: Database, sims: list[StationSim], until: float, result: RunResult) -> None:
    events = []
    for sim in sims:
        times, passed, cycles = sim.take(until)
        sid = sim.rate.station_id
        events.extend(
            EventIn(sid, _when(t), bool(ok), None, round(float(c), 3))
            for t, ok, c in zip(times, passed, cycles, strict=True)
        )
    if not events:
        return
    events.sort(key=lambda e: e.at)
    with database.unit_of_work() as session:
        counts = ingest(session, events, source="simulator")
    result.events += counts.events
    result.stops += counts.stops


def run(
    database: Database,
    actor: Actor,
    *,
    lines: Sequence[str] | None = None,
    speed: float | None = 1.0,
    minutes: float | None = None,
    stop: threading.Event | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    batch_minutes: float = 5.0,
    tick_seconds: float = 1.0,
    seed: int = 0,
) -> RunResult:
    """Simulate the stations of `lines` (all by default).

    `speed=None` is as fast as possible: the last N minutes up to now, in batches of
    `batch_minutes`, then return. It never writes ahead of the clock, and each station starts
    from its newest unit, so a station that already produced in the window (station scanning,
    the demo history) only fills the rest of it. Otherwise the simulated clock runs `speed`
    times faster than the wall clock from now (so faster than 1 writes ahead of the clock), for
    `minutes` simulated minutes or until `stop` is set; its first tick catches up the stations
    silent for up to an hour; each tick writes what the stations completed in one transaction.
    """
    actor.require(Permission.RUN_LINE_SIMULATOR)
    rates = _stations(database, lines)
    wall_start = _epoch(now())
    if speed is None:
        length = (minutes or 60.0) * 60.0
        begin = wall_start - length
    else:
        length = minutes * 60.0 if minutes else None
        begin = wall_start
    # each station continues from its newest unit (a station never makes two at once), but a
    # live run catches up at most CATCH_UP_SECONDS: an older silence was the plant stopped
    start_of = {
        r.station: max(
            begin if speed is None else wall_start - CATCH_UP_SECONDS,
            _epoch(r.last_event_at) if r.last_event_at else 0.0,
        )
        for r in rates
    }
    sims = [StationSim(r, _rng(r.station, seed), start_of[r.station]) for r in rates]
    result = RunResult(_when(begin), _when(begin), stations=[r.station for r in rates])
    result.already = sum(1 for r in rates if start_of[r.station] > begin)
    stop = stop or threading.Event()
    try:
        if speed is None:
            assert length is not None
            cursor = begin
            while cursor < begin + length and not stop.is_set():
                cursor = min(cursor + batch_minutes * 60.0, begin + length)
                _write(database, sims, cursor, result)
            result.end = _when(cursor)
        else:
            started = time.monotonic()
            while not stop.is_set():
                simulated = begin + (time.monotonic() - started) * speed
                if length is not None:
                    simulated = min(simulated, begin + length)
                try:
                    _write(database, sims, simulated, result)
                except Exception:  # noqa: BLE001 - a busy database must not end the demo
                    log.exception("line simulator: a batch failed; retrying next tick")
                result.end = _when(simulated)
                if length is not None and simulated >= begin + length:
                    break
                stop.wait(tick_seconds)
    finally:
        with database.unit_of_work() as session:
            audit.record_bulk(
                session,
                actor,
                "simulate_line",
                "production_event",
                counts={"events": result.events, "stops": result.stops},
                details={
                    "lines": sorted({r.line for r in rates}),
                    "from": result.start,
                    "to": result.end,
                    "speed": "max" if speed is None else speed,
                },
            )
    return result


class BackgroundSimulator:
    """A handle on a simulator thread; `stop()` ends it (and writes its audit row)."""

    def __init__(self, thread: threading.Thread, stop_event: threading.Event) -> None:
        self._thread = thread
        self._stop = stop_event

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._thread.join(timeout)


def start_background(
    database: Database,
    speed: float = 1.0,
    *,
    actor: Actor | None = None,
    lines: Sequence[str] | None = None,
) -> BackgroundSimulator:
    """Run the simulator for every line in a plain daemon thread until `.stop()`.

    For `linedesk demo`: the dashboard moves because events land in the database, exactly as
    they would from stations.
    """
    actor = actor or Actor.system()
    stop_event = threading.Event()

    def work() -> None:
        try:
            run(database, actor, lines=lines, speed=speed, stop=stop_event)
        except Exception:  # noqa: BLE001 - logged; the demo keeps running without it
            log.exception("line simulator stopped")

    thread = threading.Thread(target=work, name="line-simulator", daemon=True)
    thread.start()
    return BackgroundSimulator(thread, stop_event)


# --- the demo history --------------------------------------------------------------------------

HISTORY_DAYS = 7
CHANGEOVER_MINUTES = 40  # once a day per line, at 10:00 plant time: a planned stop


def _changeovers(begin_at: datetime, end_at: datetime, tz) -> list[tuple[float, float]]:  # noqa: ANN001
    windows = []
    day = begin_at.astimezone(tz).date()
    while day <= end_at.astimezone(tz).date():
        start, _ = local_window(day, dt_time(10), dt_time(11), tz)
        windows.append((_epoch(start), _epoch(start) + CHANGEOVER_MINUTES * 60))
        day += timedelta(days=1)
    return windows


def seed_history(database: Database, actor: Actor, days: int = HISTORY_DAYS) -> str:
    """The last `days` days of production up to now: minute totals, detected stops and one
    planned changeover per line and day, written with Core batch inserts. Not one row per unit:
    a week of the demo plant is millions of units, and the figures read the minute totals."""
    actor.require(Permission.SEED_DEMO)
    end_at = datetime.now(UTC).replace(microsecond=0)
    begin_at = (end_at - timedelta(days=days)).replace(second=0)
    with database.reading() as session:
        rates = station_rates(session)
        tz = plant_zone(session)
        already = session.scalar(select(func.count()).select_from(ProductionMinute)) or 0
    if already:
        return "production history already there"
    begin, end = _epoch(begin_at), _epoch(end_at)
    changeovers = [c for c in _changeovers(begin_at, end_at, tz) if c[0] < end]
    created = datetime.now(UTC)
    minute_rows: list[dict] = []
    stop_rows: list[dict] = []
    last_events: dict[int, datetime | None] = {}
    units_total = 0
    for rate in rates:
        times, passed, _cycles = StationSim(rate, _rng(rate.station, 7), begin).take(end)
        keep = np.ones(len(times), dtype=bool)
        for c_start, c_end in changeovers:
            keep &= ~((times >= c_start) & (times < c_end))
        times, passed = times[keep], passed[keep]
        units_total += len(times)
        minute = ((times - begin) // 60).astype(np.int64)
        units = np.bincount(minute)
        ng = np.bincount(minute, weights=(~passed).astype(np.float64))
        for index in np.nonzero(units)[0]:
            minute_rows.append(
                {
                    "station_id": rate.station_id,
                    "minute": begin_at + timedelta(minutes=int(index)),
                    "units": int(units[index]),
                    "ng": int(ng[index]),
                }
            )
        for index in np.nonzero(np.diff(times) > rate.stop_after_seconds)[0]:
            stop = detected_stop(
                _when(times[index]),
                _when(times[index + 1]),
                rate.ideal_cycle_seconds,
                rate.stop_multiple,
            )
            if stop is None:
                continue
            length = (stop[1] - stop[0]).total_seconds()
            covered = sum(
                max(0.0, min(_epoch(stop[1]), c_end) - max(_epoch(stop[0]), c_start))
                for c_start, c_end in changeovers
            )
            if length - covered > rate.stop_after_seconds:
                stop_rows.append(_stop_row(rate.station_id, stop, created, "detected"))
        for c_start, c_end in changeovers:
            row = _stop_row(rate.station_id, (_when(c_start), _when(c_end)), created, "manual")
            stop_rows.append({**row, "reason": "changeover", "planned": True})
        last_events[rate.station_id] = _when(float(times[-1])) if len(times) else None
    with database.unit_of_work() as session:
        ensure_rate_rows(session, list(last_events))
        for station_id, last in last_events.items():
            session.execute(
                update(StationRate)
                .where(StationRate.station_id == station_id)
                .values(last_event_at=last)
            )
        for chunk in range(0, len(minute_rows), 20_000):
            session.execute(
                ProductionMinute.__table__.insert(), minute_rows[chunk : chunk + 20_000]
            )
        if stop_rows:
            session.execute(Downtime.__table__.insert(), stop_rows)
        audit.record_bulk(
            session,
            actor,
            "seed_production_history",
            "production_minute",
            counts={"minutes": len(minute_rows), "units": units_total, "stops": len(stop_rows)},
            details={"from": begin_at, "to": end_at},
        )
    return f"{units_total} units over {days} days, {len(stop_rows)} stops"


def _stop_row(
    station_id: int, stop: tuple[datetime, datetime], created: datetime, source: str
) -> dict:
    return {
        "uuid": str(uuid.uuid4()),
        "station_id": station_id,
        "start": stop[0],
        "end": stop[1],
        "reason": UNEXPLAINED,
        "planned": False,
        "source": source,
        "note": None,
        "created_by": "demo",
        "created_at": created,
    }
