"""The simulated balance and scanner of `linedesk demo`, so a newcomer sees a live weight and
can scan without hardware.

They speak the real bytes (MT-SICS, scanner lines) on a pseudo-terminal (or a TCP port where
there are no pseudo-terminals), and the application reads them through the same workers as a
real station: only the port is different.
"""

from __future__ import annotations

import os
from decimal import Decimal
from typing import Any

from hardware.sim.endpoints import open_endpoint
from hardware.sim.scale import ScaleModel, ScaleSimulator
from hardware.sim.scanner import ScannerSimulator, expand


class DemoDevices:
    def __init__(self) -> None:
        tcp = None if os.name == "posix" else 0
        self.scale = ScaleSimulator(
            open_endpoint(tcp), "mt-sics", ScaleModel("0", noise=0.004, settle=0.8)
        ).start()
        self.scanner = ScannerSimulator(open_endpoint(tcp)).start()

    def device_sections(self) -> dict[str, dict[str, Any]]:
        """The `[devices.*]` sections that point the station at the simulators."""
        return {
            "scale": {"port": self.scale.path, "protocol": "mt-sics", "mode": "stream"},
            "scanner": {"port": self.scanner.path},
        }

    def put_weight(self, grams: Decimal) -> None:
        """Put `grams` on the simulated pan (it settles like a real balance)."""
        self.scale.model.put(grams)

    def overload(self) -> None:
        self.scale.model.force("+")

    def send_scan(self, code: str) -> None:
        """Scan `code` (type <GS> for the GS1 separator)."""
        self.scanner.send(expand(code))

    def stop(self) -> None:
        self.scanner.stop()
        self.scale.stop()
