"""Domain verbs over a transport: weigh, zero, tare, stream; next scan."""

from hardware.devices.balance import (
    AndBalance,
    Balance,
    CommandResult,
    DeviceTimeout,
    SbiBalance,
    SicsBalance,
    make_balance,
)
from hardware.devices.scanner import Scanner

__all__ = [
    "AndBalance",
    "Balance",
    "CommandResult",
    "DeviceTimeout",
    "SbiBalance",
    "Scanner",
    "SicsBalance",
    "make_balance",
]
