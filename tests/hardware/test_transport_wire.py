"""The transport over real peers: a raw pty and TCP sockets on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from decimal import Decimal

import pytest
from peers import wait_for

from hardware.devices.balance import SicsBalance
from hardware.transport import (
    Backoff,
    DeviceState,
    PortInfo,
    PortSettings,
    Transport,
    TransportError,
    resolve_port,
)


def fast(port: str, **kw) -> Transport:
    statuses = kw.pop("statuses", None)
    return Transport(
        PortSettings(port=port, **kw),
        on_status=statuses.append if statuses is not None else None,
        backoff=Backoff(first=0.02, cap=0.1),
    )


def test_reads_exact_bytes_from_a_pty(pty_peer):
    with fast(pty_peer.path) as transport:
        transport.open()
        pty_peer.write(b"S S     1.00 g\r\n")
        received = b""
        while len(received) < 16:
            received += transport.read(1.0)
        assert received == b"S S     1.00 g\r\n"


def test_writes_exact_bytes_to_a_pty(pty_peer):
    with fast(pty_peer.path) as transport:
        transport.open()
        assert transport.write(b"SIR\r\n")
        assert pty_peer.read_until(b"\r\n") == b"SIR\r\n"


def test_unknown_port_is_an_error_in_words():
    with pytest.raises(TransportError) as info:
        Transport(PortSettings(port="/dev/no-such-port")).open()
    assert "Cannot open /dev/no-such-port" in str(info.value.reason)


def test_invalid_setting_fails_at_once():
    statuses = []
    transport = Transport(PortSettings(port="loop://", bytesize=9), on_status=statuses.append)
    transport.start()
    assert transport.failed and statuses[-1].state is DeviceState.FAILED


def test_closing_the_pty_peer_reports_reconnecting(pty_peer):
    statuses = []
    with fast(pty_peer.path, statuses=statuses) as transport:
        transport.open()
        pty_peer.write(b"S D 1 g\r\n")
        assert transport.read(1.0)
        pty_peer.close()
        assert wait_for(
            lambda: transport.read(0.05) == b"" and statuses[-1].state is DeviceState.RECONNECTING,
            3,
        )
        assert [s.state for s in statuses][:2] == [DeviceState.CONNECTED, DeviceState.RECONNECTING]
        assert "Connection lost" in str(statuses[1].reason)


def test_silent_streaming_device_counts_as_unplugged(pty_peer):
    statuses = []
    with fast(pty_peer.path, statuses=statuses, silence_timeout=0.2) as transport:
        transport.open()
        assert wait_for(lambda: transport.read(0.05) == b"" and len(statuses) >= 2, 3)
        assert statuses[1].state is DeviceState.RECONNECTING
        assert "No data for 0.2 s" in str(statuses[1].reason)


def test_gives_up_after_max_attempts():
    statuses = []
    transport = Transport(
        PortSettings(port="/dev/no-such-port"),
        statuses.append,
        Backoff(first=0.01, cap=0.01),
        max_attempts=3,
    )
    transport.start()
    assert wait_for(lambda: transport.read(0.02) == b"" and transport.failed, 3)
    assert [s.attempt for s in statuses] == [1, 2, 3]
    assert statuses[-1].state is DeviceState.FAILED


def test_backoff_doubles_up_to_its_cap():
    backoff = Backoff(first=0.25, cap=1.0)
    assert [backoff.next_delay() for _ in range(5)] == [0.25, 0.5, 1.0, 1.0, 1.0]


def test_usb_binding_picks_the_device_with_that_serial_number():
    ports = [
        PortInfo("/dev/ttyUSB0", "FT232R", 0x0403, 0x6001, "A1"),
        PortInfo("/dev/ttyUSB1", "FT232R", 0x0403, 0x6001, "B2"),
    ]
    settings = PortSettings(usb_vid=0x0403, usb_pid=0x6001, usb_serial="B2")
    assert resolve_port(settings, ports) == "/dev/ttyUSB1"


def test_ambiguous_usb_binding_names_the_candidates():
    ports = [
        PortInfo("COM3", "x", 0x0403, 0x6001, "A1"),
        PortInfo("COM4", "x", 0x0403, 0x6001, "B2"),
    ]
    with pytest.raises(TransportError) as info:
        resolve_port(PortSettings(usb_vid=0x0403), ports)
    assert "COM3, COM4" in str(info.value.reason)


class LineServer:
    """A TCP peer streaming numbered MT-SICS lines to one client, until closed."""

    def __init__(self, port: int = 0, start: int = 0) -> None:
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", port))
        self.server.listen(1)
        self.port = self.server.getsockname()[1]
        self.next = start
        self.stop = threading.Event()
        self.client: socket.socket | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.client, _ = self.server.accept()
            while not self.stop.wait(0.01):
                self.client.sendall(f"S S {self.next:>10}.00 g\r\n".encode())
                self.next += 1
        except OSError:
            pass

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)
        for sock in (self.client, self.server):
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()


def test_unplug_and_replug_over_tcp_reconnects_and_readings_resume():
    statuses = []
    first = LineServer()
    port = first.port
    transport = fast(f"socket://127.0.0.1:{port}", statuses=statuses)
    balance = SicsBalance(transport)
    transport.open()
    balance.streaming, balance._drop_next = True, True
    assert balance.read_stream(2.0).value is not None
    first.close()  # unplugged mid-stream
    assert wait_for(
        lambda: (
            balance.read_stream(0.02) is None and statuses[-1].state is DeviceState.RECONNECTING
        ),
        5,
    )
    second = LineServer(port, start=1000)  # plugged back on the same address
    try:
        assert wait_for(
            lambda: (
                (r := balance.read_stream(0.05)) is not None
                and r.value is not None
                and r.value >= Decimal(1000)
            ),
            5,
        )
        states = [s.state for s in statuses]
        assert states[0] is DeviceState.CONNECTED and states[-1] is DeviceState.CONNECTED
        assert DeviceState.RECONNECTING in states
    finally:
        transport.close()
        second.close()
