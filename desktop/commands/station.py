"""`linedesk station scan`: a headless station, for a PLC or a test rig.

The scans go through the same service (`record_scan`) and the same operations kernel as the
station page: one writer lane, in arrival order, each scan its own unit of work, committed before
its verdict is printed. Each verdict is one JSON line, flushed at once, so the program on the
other end of the pipe can read them as they come.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from desktop.commands import command_group

if TYPE_CHECKING:
    from desktop.operations import Operations
    from desktop.services.actor import Actor

EXIT_NOT_RECORDED = 1


def register(commands: argparse._SubParsersAction) -> None:
    sub = command_group(
        commands, "station", "work a station without the window (a PLC, a script, a test rig)"
    )
    scan = sub.add_parser(
        "scan",
        help="record scans at a station and print one JSON verdict per line",
        description="Record each CODE (or, without codes, each line of standard input until "
        "its end) as a scan at the station, as the user NAME; print one JSON object per scan: "
        '{"code", "ok", "reason", "latency_ms"}. Exits 2 for an unknown station or user, '
        "1 when the database refused to store a scan.",
    )
    scan.add_argument("--station", required=True, metavar="ID", help="station code (STACK-1)")
    scan.add_argument("--user", required=True, metavar="NAME", help="user account who scans")
    scan.add_argument(
        "--product", help="product the station makes, where it makes several (P56 cell)"
    )
    scan.add_argument("codes", nargs="*", metavar="CODE", help="codes to scan, in order")
    scan.set_defaults(handler=_scan)


@dataclass
class _Pending:
    """One scan handed to the kernel: when its code was read, and when its commit came back."""

    code: str
    read_at: float
    future: Future[Any]
    done_at: list[float] = field(default_factory=list)

    def stamp(self, _future: Future[Any]) -> None:
        self.done_at.append(time.perf_counter())

    @property
    def latency_ms(self) -> float:
        return round((self.done_at[0] - self.read_at) * 1000, 3)


def _codes(lines: Iterable[str]) -> Iterator[str]:
    """Codes one per line; blank lines (a scanner's stray CR, a trailing newline) are none."""
    for line in lines:
        code = line.strip()
        if code:
            yield code


def _submit(
    operations: Operations,
    actor: Actor,
    station: str,
    product: str | None,
    codes: Iterable[str],
    pending: queue.Queue[_Pending | None],
) -> None:
    """Hand each code to the writer lane the moment it is read; None marks the end."""
    from desktop.services.station.pipeline import record_scan

    try:
        for code in codes:
            read_at = time.perf_counter()
            future = operations.write(actor, record_scan, station, code, product=product)
            item = _Pending(code, read_at, future)
            future.add_done_callback(item.stamp)
            pending.put(item)
    finally:
        pending.put(None)


def _verdicts(pending: queue.Queue[_Pending | None], out: TextIO) -> bool:
    """Print each scan's verdict in order as its commit returns; True when all were stored."""
    from desktop.domain.messages import LinedeskError

    stored = True
    while (item := pending.get()) is not None:
        try:
            result = item.future.result()
            ok, reason = result.ok, None if result.ok else result.message.render()
        except LinedeskError as refused:  # not stored (StorageFailure), or refused outright
            ok, reason = False, refused.render()
            stored = False
        line = {"code": item.code, "ok": ok, "reason": reason, "latency_ms": item.latency_ms}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        out.flush()
    return stored


def _scan(args: argparse.Namespace) -> int:
    from desktop.operations import Operations
    from desktop.services.station.operator import station_operator

    database = args.context.open_database()
    operations = Operations(database)
    try:
        # Unknown station or user, inactive or uncertified: refused before anything is recorded.
        actor = operations.read(station_operator, args.user, args.station).result()
        pending: queue.Queue[_Pending | None] = queue.Queue()
        codes = _codes(args.codes or sys.stdin)
        if args.codes:
            _submit(operations, actor, args.station, args.product, codes, pending)
        else:
            # Standard input is read on its own thread, so a verdict is printed as soon as it is
            # committed, not when the next code arrives.
            threading.Thread(
                target=_submit,
                args=(operations, actor, args.station, args.product, codes, pending),
                name="linedesk-station-input",
                daemon=True,
            ).start()
        stored = _verdicts(pending, sys.stdout)
    finally:
        operations.shutdown()
        database.dispose()
    return 0 if stored else EXIT_NOT_RECORDED
