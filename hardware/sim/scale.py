"""A simulated balance speaking MT-SICS, Sartorius SBI or A&D (README, "Balances and scanners").

The pan model: a weight put on the pan moves linearly from the previous one to the new one
over ``settle`` seconds, unstable meanwhile (MT-SICS ``S D``, SBI blank unit, A&D ``US``);
``noise`` adds Gaussian noise (grams, standard deviation) to every reading; overload and
underload are switched on explicitly (stdin ``+`` / ``-``) or by exceeding the capacity.
"""

from __future__ import annotations

import random
import threading
import time
from decimal import ROUND_HALF_EVEN, Decimal

from hardware.framing import BALANCE_TERMINATORS, LineFramer
from hardware.sim.endpoints import Endpoint
from hardware.sim.running import DeviceSimulator

PROTOCOLS = ("mt-sics", "sbi", "and")


class ScaleModel:
    """Gross weight on the pan, zero offset and tare, in grams with ``decimals`` places."""

    def __init__(
        self,
        weight: Decimal | str | float = 0,
        noise: float = 0.0,
        settle: float = 0.0,
        capacity: Decimal = Decimal("6200"),
        decimals: int = 2,
        seed: int | None = None,
    ) -> None:
        self.noise = noise
        self.settle = settle
        self.capacity = capacity
        self.quantum = Decimal(1).scaleb(-decimals)
        self._lock = threading.Lock()
        self._rng = random.Random(seed)
        self._from = self._target = Decimal(str(weight))
        self._t0 = time.monotonic() - settle
        self._forced: str | None = None
        self._zero = Decimal(0)
        self._tare = Decimal(0)

    def put(self, weight: Decimal | str | float) -> None:
        """Put ``weight`` grams (gross) on the pan; clears a forced overload/underload."""
        with self._lock:
            now = time.monotonic()
            self._from = self._gross(now)
            self._target = Decimal(str(weight))
            self._t0 = now
            self._forced = None

    def force(self, state: str | None) -> None:
        """``"+"`` overload, ``"-"`` underload, None back to normal."""
        with self._lock:
            self._forced = state

    def _gross(self, now: float) -> Decimal:
        if self.settle <= 0 or now - self._t0 >= self.settle:
            return self._target
        fraction = Decimal(str((now - self._t0) / self.settle))
        return self._from + (self._target - self._from) * fraction

    def sample(self) -> tuple[str, Decimal, bool]:
        """(state, net weight, stable); state is ``ok``, ``+`` or ``-``."""
        with self._lock:
            now = time.monotonic()
            stable = self.settle <= 0 or now - self._t0 >= self.settle
            gross = self._gross(now)
            if self._forced:
                return self._forced, Decimal(0), False
            if gross > self.capacity:
                return "+", Decimal(0), False
            if gross - self._zero < -self.capacity / 10:
                return "-", Decimal(0), False
            net = gross - self._zero - self._tare
            if self.noise:
                net += Decimal(str(self._rng.gauss(0.0, self.noise)))
            return "ok", net.quantize(self.quantum, rounding=ROUND_HALF_EVEN), stable

    def zero(self) -> bool:
        with self._lock:
            if self._forced:
                return False
            self._zero = self._gross(time.monotonic())
            self._tare = Decimal(0)
            return True

    def tare(self) -> Decimal | None:
        with self._lock:
            if self._forced:
                return None
            self._tare = self._gross(time.monotonic()) - self._zero
            return self._tare.quantize(self.quantum)

    def clear_tare(self) -> None:
        with self._lock:
            self._tare = Decimal(0)


# -- wire formats ---------------------------------------------------------------------------
def sics_weight(
    state: str, value: Decimal, stable: bool, unit: str = "g", ident: str = "S"
) -> bytes:
    if state != "ok":
        return f"{ident} {state}\r\n".encode()
    return f"{ident} {'S' if stable else 'D'} {value:>10} {unit}\r\n".encode()


def sbi_line(state: str, value: Decimal, stable: bool, unit: str = "g", ident: str = "") -> bytes:
    head = f"{ident:<6}" if ident else ""
    if state == "+":
        body = "    High      "
    elif state == "-":
        body = "    Low       "
    else:
        sign = "-" if value < 0 else "+"
        body = f"{sign} {abs(value):>8} {unit if stable else '':<3}"
    return f"{head}{body}\r\n".encode()


def and_line(state: str, value: Decimal, stable: bool, unit: str = "g") -> bytes:
    if state == "+":
        return b"OL,+9999999E+19\r\n"
    if state == "-":
        return b"OL,-9999999E+19\r\n"
    sign = "-" if value < 0 else "+"
    header = "ST" if stable else "US"
    return f"{header},{sign}{abs(value):0>8}{unit:>3}\r\n".encode()


class ScaleSimulator(DeviceSimulator):
    """Serve a :class:`ScaleModel` over an endpoint in ``protocol``'s bytes, on a thread.

    MT-SICS answers requests (``S`` waits for stability, up to ``stable_wait`` s, then ``S I``)
    and streams after ``SIR`` until the next command. SBI and A&D stream ``rate`` lines a
    second when ``stream`` is true, and answer ``ESC P`` / ``Q`` in any case.
    """

    serial_number = "SIM0000001"
    model_text = "Linedesk SIM-6200 6200.00 g"
    thread_name = "scale-sim"

    def __init__(
        self,
        endpoint: Endpoint,
        protocol: str = "mt-sics",
        model: ScaleModel | None = None,
        stream: bool | None = None,
        rate: float = 10.0,
        stable_wait: float = 5.0,
        sbi_ident: str = "",
    ) -> None:
        if protocol not in PROTOCOLS:
            raise ValueError(f"unknown protocol {protocol!r}; use one of {', '.join(PROTOCOLS)}")
        super().__init__(endpoint)
        self.protocol = protocol
        self.model = model or ScaleModel()
        self.streaming = (protocol != "mt-sics") if stream is None else stream
        self.rate = rate
        self.stable_wait = stable_wait
        self.sbi_ident = sbi_ident
        self._pending: list[tuple[str, float]] = []
        self._framer = LineFramer(BALANCE_TERMINATORS)
        self._esc = False
        self.received: list[bytes] = []

    # -- loop -------------------------------------------------------------------------------
    def _run(self) -> None:
        period = 1.0 / self.rate if self.rate > 0 else 1.0
        next_line = time.monotonic()
        while not self._stop.is_set():
            wait = min(0.01, max(0.0, next_line - time.monotonic())) if self.streaming else 0.01
            data = self.endpoint.read(wait)
            if data:
                self._receive(data)
            self._serve_pending()
            now = time.monotonic()
            if self.streaming and now >= next_line:
                self.endpoint.write(self._weight_line())
                next_line = max(next_line + period, now - period)

    def _receive(self, data: bytes) -> None:
        if self.protocol == "sbi":
            for byte in data:
                if self._esc:
                    self._esc = False
                    self._sbi_command(chr(byte))
                elif byte == 0x1B:
                    self._esc = True
            return
        for line in self._framer.feed(data):
            if isinstance(line, bytes):
                self.received.append(line)
                command = line.decode("ascii", "replace").strip()
                if self.protocol == "mt-sics":
                    self._sics_command(command)
                else:
                    self._and_command(command)

    def _weight_line(self, ident: str = "S") -> bytes:
        state, value, stable = self.model.sample()
        if self.protocol == "mt-sics":
            return sics_weight(state, value, stable, ident=ident)
        if self.protocol == "sbi":
            return sbi_line(state, value, stable, ident=self.sbi_ident)
        return and_line(state, value, stable)

    def _serve_pending(self) -> None:
        if not self._pending:
            return
        state, _, stable = self.model.sample()
        still: list[tuple[str, float]] = []
        for command, deadline in self._pending:
            if stable or state != "ok":
                self._answer_when_stable(command)
            elif time.monotonic() >= deadline:
                self.endpoint.write(
                    f"{command} I\r\n".encode() if self.protocol == "mt-sics" else b""
                )
            else:
                still.append((command, deadline))
        self._pending = still

    def _answer_when_stable(self, command: str) -> None:
        state, value, _ = self.model.sample()
        if self.protocol == "and":
            self.endpoint.write(self._weight_line())
        elif command == "S":
            self.endpoint.write(self._weight_line())
        elif command == "Z":
            if state != "ok":
                self.endpoint.write(f"Z {state}\r\n".encode())
            else:
                self.model.zero()
                self.endpoint.write(b"Z A\r\n")
        elif command == "T":
            tare = self.model.tare() if state == "ok" else None
            if tare is None:
                self.endpoint.write(f"T {state if state != 'ok' else 'I'}\r\n".encode())
            else:
                self.endpoint.write(f"T S {tare:>10} g\r\n".encode())

    # -- protocols --------------------------------------------------------------------------
    def _sics_command(self, command: str) -> None:
        if not command:
            return
        if command != "SIR":
            self.streaming = False
        deadline = time.monotonic() + self.stable_wait
        if command in ("S", "Z", "T"):
            self._pending.append((command, deadline))
            self._serve_pending()
        elif command == "SI":
            self.endpoint.write(self._weight_line())
        elif command == "SIR":
            self.streaming = True
        elif command == "ZI":
            state, _, stable = self.model.sample()
            if state != "ok":
                self.endpoint.write(f"ZI {state}\r\n".encode())
            else:
                self.model.zero()
                self.endpoint.write(f"ZI {'S' if stable else 'D'}\r\n".encode())
        elif command == "TAC":
            self.model.clear_tare()
            self.endpoint.write(b"TAC A\r\n")
        elif command == "@":
            self._pending.clear()
            self.endpoint.write(f'I4 A "{self.serial_number}"\r\n'.encode())
        elif command == "I2":
            self.endpoint.write(f'I2 A "{self.model_text}"\r\n'.encode())
        elif command == "I4":
            self.endpoint.write(f'I4 A "{self.serial_number}"\r\n'.encode())
        else:
            self.endpoint.write(b"ES\r\n")

    def _sbi_command(self, letter: str) -> None:
        if letter == "P":
            self.endpoint.write(self._weight_line())
        elif letter == "T":
            self.model.tare()
        elif letter == "V":
            self.model.zero()

    def _and_command(self, command: str) -> None:
        if command == "Q":
            self.endpoint.write(self._weight_line())
        elif command == "S":
            self._pending.append(("S", time.monotonic() + self.stable_wait))
            self._serve_pending()
        elif command == "SIR":
            self.streaming = True
        elif command == "C":
            self.streaming = False
        elif command == "Z":
            self.model.zero()
        elif command == "T":
            self.model.tare()
