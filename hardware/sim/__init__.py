"""Simulated balances and scanners speaking the real bytes, on a pty (POSIX) or TCP port.

Usable in-process from tests (each simulator runs on its own thread) and from the command
line (``linedesk simulate scale|scanner`` or ``python -m hardware.sim scale|scanner``).
"""

from hardware.sim.endpoints import Endpoint, PtyEndpoint, TcpEndpoint, open_endpoint
from hardware.sim.scale import ScaleModel, ScaleSimulator
from hardware.sim.scanner import ScannerSimulator

__all__ = [
    "Endpoint",
    "PtyEndpoint",
    "ScaleModel",
    "ScaleSimulator",
    "ScannerSimulator",
    "TcpEndpoint",
    "open_endpoint",
]
