"""A small plant of the tests' own, for the shift and handover tests: line CELL-9 with Filling 9
first and whatever stations a test adds after it, all active, none a bottleneck."""

from __future__ import annotations

from typing import Any

from desktop.services import plant


def put_line_9(session: Any, *after: tuple[str, str, str]) -> None:
    """Line CELL-9 with FILL-9 at position 1, then each `(code, name, station type)` of `after`."""
    plant.put_line(session, "CELL-9", "Cell line 9", "cell", True)
    stations = (("FILL-9", "Filling 9", "filling"), *after)
    for position, (code, name, station_type) in enumerate(stations, 1):
        plant.put_station(session, code, name, "CELL-9", station_type, position, True, False)
