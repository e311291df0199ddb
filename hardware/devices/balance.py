"""Balances: the same verbs over MT-SICS, Sartorius SBI and A&D (README, "Balances and scanners").

Request/reply verbs discard stale input, send one command and wait for its reply. The
continuous stream (``SIR``, SBI autoprint, A&D stream) drops the first line after the port
opens or reopens, because it may be the tail of a line sent before we listened, and
resynchronises on the terminator; a partial line that times out is not a reading.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from hardware.codecs import aandd, mtsics, sbi
from hardware.codecs.reading import Reading
from hardware.devices._lines import LineReader
from hardware.framing import BALANCE_TERMINATORS, MAX_LINE, LineFramer, Overlong
from hardware.messages import QT_TRANSLATE_NOOP, Reason, reason
from hardware.transport import Transport

PROTOCOLS = ("mt-sics", "sbi", "and")


class DeviceTimeout(TimeoutError):
    """The device did not answer in time; ``reason`` says which request."""

    def __init__(self, why: Reason) -> None:
        super().__init__(str(why))
        self.reason = why


@dataclass(frozen=True)
class CommandResult:
    """Outcome of zero/tare/clear tare: ``ok``, why not, and the tare weight when sent back."""

    ok: bool
    reason: Reason | None = None
    reading: Reading | None = None
    raw: bytes = b""


def _no_reply(what: str, seconds: float) -> DeviceTimeout:
    return DeviceTimeout(
        reason(
            QT_TRANSLATE_NOOP("Messages", "No reply to {command} within {seconds} s"),
            command=what,
            seconds=seconds,
        )
    )


def _not_supported(protocol: str, verb: str) -> CommandResult:
    return CommandResult(
        False,
        reason(
            QT_TRANSLATE_NOOP("Messages", "The {protocol} protocol has no {verb} command"),
            protocol=protocol,
            verb=verb,
        ),
    )


class Balance:
    """Verbs common to every balance; subclasses say which bytes mean what."""

    protocol = ""

    def __init__(self, transport: Transport, max_line: int = MAX_LINE) -> None:
        self.transport = transport
        self.lines = LineReader(transport, LineFramer(BALANCE_TERMINATORS, max_line))
        self.streaming = False
        self._drop_next = False

    # -- to override ------------------------------------------------------------------------
    def decode(self, line: bytes) -> Reading:
        raise NotImplementedError

    def _stream_command(self) -> bytes | None:
        """Bytes that start a continuous stream (None: the balance streams on its own)."""
        return None

    # -- helpers ----------------------------------------------------------------------------
    def _to_reading(self, frame: bytes | Overlong) -> Reading:
        if isinstance(frame, Overlong):
            return Reading.error(frame.reason, frame.head)
        return self.decode(frame)

    def _request(
        self,
        data: bytes,
        timeout: float,
        accept: Callable[[bytes], bool] | None = None,
    ) -> bytes | Overlong:
        """Send ``data`` and return the first line ``accept`` takes, within ``timeout``."""
        what = data.decode("ascii", "replace").strip().replace("\x1b", "ESC ")
        self.transport.discard_input()
        self.lines.sync()
        self.lines.clear()
        if not self.transport.write(data):
            raise _no_reply(what, timeout)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            frame = self.lines.read_line(max(0.0, remaining))
            if self.lines.reconnected:
                # The device went away under the request; ask again on the new connection.
                self.lines.reconnected = False
                if not self.transport.write(data):
                    raise _no_reply(what, timeout)
                continue
            if frame is None:
                raise _no_reply(what, timeout)
            if isinstance(frame, Overlong) or accept is None or accept(frame):
                return frame

    def _send(self, data: bytes) -> CommandResult:
        """Write a command the balance does not answer (SBI, A&D zero and tare): sent is done."""
        if self.transport.write(data):
            return CommandResult(True)
        return CommandResult(
            False, reason(QT_TRANSLATE_NOOP("Messages", "The balance is not connected"))
        )

    def _after_command(self) -> None:
        """Re-arm the stream if a command interrupted it (MT-SICS: any command ends SIR)."""
        if self.streaming:
            self.start_stream()

    # -- verbs ------------------------------------------------------------------------------
    def stable_weight(self, timeout: float = 10.0) -> Reading:
        raise NotImplementedError

    def weight_now(self, timeout: float = 2.0) -> Reading:
        raise NotImplementedError

    def zero(self, timeout: float = 5.0) -> CommandResult:
        raise NotImplementedError

    def tare(self, timeout: float = 5.0) -> CommandResult:
        raise NotImplementedError

    def clear_tare(self, timeout: float = 5.0) -> CommandResult:
        return _not_supported(self.protocol, "clear tare")

    def identify(self, timeout: float = 2.0) -> dict[str, str] | None:
        """Model and serial number, where the protocol can tell them."""
        return None

    def start_stream(self) -> None:
        """Ask for (or listen to) the continuous stream; its first line will be dropped."""
        self.streaming = True
        self._drop_next = True
        self.lines.reconnected = False
        command = self._stream_command()
        if command is not None:
            # Replies to earlier requests must not pass for stream lines.
            self.transport.discard_input()
            self.lines.clear()
            self.transport.write(command)

    def stop_stream(self) -> None:
        self.streaming = False

    def read_stream(self, timeout: float) -> Reading | None:
        """The next stream reading within ``timeout`` s, or None."""
        deadline = time.monotonic() + timeout
        while True:
            frame = self.lines.read_line(max(0.0, deadline - time.monotonic()))
            if self.lines.reconnected:
                self.lines.reconnected = False
                self.start_stream()
                if frame is None:
                    continue
            if frame is None:
                return None
            if self._drop_next:
                self._drop_next = False
                continue
            return self._to_reading(frame)

    def stream(self, stop: Callable[[], bool] = lambda: False) -> Iterator[Reading]:
        """Readings until ``stop()`` is true."""
        self.start_stream()
        while not stop():
            reading = self.read_stream(0.1)
            if reading is not None:
                yield reading

    def poll(self, timeout: float = 2.0) -> Reading:
        """One reading on request (the weight now), for balances that do not stream."""
        return self.weight_now(timeout)


class SicsBalance(Balance):
    """Mettler Toledo MT-SICS: ``S``, ``SI``, ``SIR``, ``Z``, ``T``, ``TAC``, ``I2``, ``I4``."""

    protocol = "mt-sics"

    def decode(self, line: bytes) -> Reading:
        return mtsics.decode(line)

    def _stream_command(self) -> bytes:
        return mtsics.command("SIR")

    def _exchange(self, name: str, timeout: float) -> mtsics.Reply:
        expected = mtsics.REPLY_ID[name]

        def accept(line: bytes) -> bool:
            reply = mtsics.parse_reply(line)
            return reply.error is not None or reply.id in (expected, *mtsics.ERRORS)

        frame = self._request(mtsics.command(name), timeout, accept)
        if isinstance(frame, Overlong):
            return mtsics.Reply("", "", (), frame.head, frame.reason)
        return mtsics.parse_reply(frame)

    def _weigh(self, name: str, timeout: float) -> Reading:
        try:
            return mtsics.to_reading(self._exchange(name, timeout))
        finally:
            self._after_command()

    def stable_weight(self, timeout: float = 10.0) -> Reading:
        return self._weigh("S", timeout)

    def weight_now(self, timeout: float = 2.0) -> Reading:
        return self._weigh("SI", timeout)

    def _command(self, name: str, timeout: float) -> CommandResult:
        try:
            reply = self._exchange(name, timeout)
        finally:
            self._after_command()
        if mtsics.acknowledged(reply, name):
            reading = mtsics.to_reading(reply) if name == "T" else None
            return CommandResult(True, None, reading, reply.raw)
        why = mtsics.reply_reason(reply) or reason(
            QT_TRANSLATE_NOOP("Messages", "Unexpected reply to {command}: {line!r}"),
            command=name,
            line=reply.raw.decode("ascii", "replace")[:40],
        )
        return CommandResult(False, why, None, reply.raw)

    def zero(self, timeout: float = 5.0) -> CommandResult:
        return self._command("Z", timeout)

    def zero_now(self, timeout: float = 2.0) -> CommandResult:
        return self._command("ZI", timeout)

    def tare(self, timeout: float = 5.0) -> CommandResult:
        return self._command("T", timeout)

    def clear_tare(self, timeout: float = 5.0) -> CommandResult:
        return self._command("TAC", timeout)

    def reset(self, timeout: float = 2.0) -> CommandResult:
        return self._command("@", timeout)

    def identify(self, timeout: float = 2.0) -> dict[str, str] | None:
        info: dict[str, str] = {}
        for name, key in (("I2", "model"), ("I4", "serial_number")):
            try:
                reply = self._exchange(name, timeout)
            finally:
                self._after_command()
            if mtsics.acknowledged(reply, name):
                info[key] = reply.text
        return info


class SbiBalance(Balance):
    """Sartorius SBI: streams (autoprint) or prints one line per ``ESC P``."""

    protocol = "sbi"

    def decode(self, line: bytes) -> Reading:
        return sbi.decode(line)

    def weight_now(self, timeout: float = 2.0) -> Reading:
        return self._to_reading(self._request(sbi.PRINT, timeout))

    def stable_weight(self, timeout: float = 10.0) -> Reading:
        """SBI has no "stable" request: print until a line comes with its unit (stable)."""
        deadline = time.monotonic() + timeout
        while True:
            reading = self.weight_now(max(0.05, deadline - time.monotonic()))
            if reading.stable or not reading.ok or time.monotonic() >= deadline:
                return reading

    def zero(self, timeout: float = 5.0) -> CommandResult:
        return self._send(sbi.ZERO)

    def tare(self, timeout: float = 5.0) -> CommandResult:
        return self._send(sbi.TARE)


class AndBalance(Balance):
    """A&D: ``Q`` weigh now, ``S`` stable, ``SIR`` repeat, ``Z`` zero, ``T`` tare."""

    protocol = "and"

    def decode(self, line: bytes) -> Reading:
        return aandd.decode(line)

    def weight_now(self, timeout: float = 2.0) -> Reading:
        return self._to_reading(self._request(aandd.WEIGH_NOW, timeout))

    def stable_weight(self, timeout: float = 10.0) -> Reading:
        return self._to_reading(self._request(aandd.STABLE, timeout))

    def zero(self, timeout: float = 5.0) -> CommandResult:
        return self._send(aandd.ZERO)

    def tare(self, timeout: float = 5.0) -> CommandResult:
        return self._send(aandd.TARE)


_CLASSES: dict[str, type[Balance]] = {
    "mt-sics": SicsBalance,
    "sbi": SbiBalance,
    "and": AndBalance,
}


def make_balance(protocol: str, transport: Transport) -> Balance:
    """The balance class for ``protocol`` (``mt-sics``, ``sbi``, ``and``)."""
    try:
        return _CLASSES[protocol](transport)
    except KeyError:
        raise ValueError(
            f"unknown balance protocol {protocol!r}; use one of {', '.join(PROTOCOLS)}"
        ) from None
