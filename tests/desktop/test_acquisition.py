"""Device workers on QThreads, fed by real pty peers, observed from the GUI thread. How fast
`stop` returns is bench/bench_station_devices.py's figure, not a test's."""

from __future__ import annotations

import os
import sys
from decimal import Decimal

import pytest

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("pseudo-terminals need POSIX", allow_module_level=True)

from PySide6.QtCore import QTimer

from desktop.acquisition import DeviceHub, StationDevices
from hardware.transport import DeviceState
from tests.hardware.peers import PtyPeer


@pytest.fixture
def pty():
    peer = PtyPeer()
    yield peer
    peer.close()


@pytest.fixture
def hub_for(qtbot):
    hubs: list[DeviceHub] = []

    def make(devices):
        hub = DeviceHub(devices)
        hubs.append(hub)
        return hub

    yield make
    for hub in hubs:
        hub.stop()


def started(qtbot, hub: DeviceHub) -> DeviceHub:  # noqa: ANN001
    """`hub` started, back once its first device status has arrived."""
    with qtbot.waitSignal(hub.status, timeout=5000):
        hub.start()
    return hub


def test_scale_reading_arrives_on_the_gui_thread(qtbot, pty, hub_for):
    stream = {"port": pty.path, "protocol": "and", "mode": "stream"}
    hub = started(qtbot, hub_for({"scale": stream}))
    # A streaming balance: the worker drops the first line and may flush what came before it
    # armed the stream, so the peer keeps streaming, as a real one does.
    streaming = QTimer()
    streaming.timeout.connect(lambda: os.write(pty.master, b"ST,+00123.45  g\r\n"))
    with qtbot.waitSignal(hub.reading, timeout=5000) as blocker:
        streaming.start(20)
    streaming.stop()
    assert blocker.args[0].value == Decimal("123.45")
    assert hub.last_reading.value == Decimal("123.45")


def test_scan_arrives_by_signal(qtbot, pty, hub_for):
    hub = started(qtbot, hub_for({"scanner": {"port": pty.path}}))
    with qtbot.waitSignal(hub.scan, timeout=5000) as blocker:
        os.write(pty.master, b"]C0LOT-2025-0001\r")
    assert (blocker.args[0].kind, blocker.args[0].symbology) == ("lot", "]C0")


def test_unplug_is_reported_as_reconnecting(qtbot, pty, hub_for):
    hub = started(qtbot, hub_for({"scanner": {"port": pty.path}}))
    with qtbot.waitSignal(
        hub.status,
        timeout=5000,
        check_params_cb=lambda name, status: status.state is DeviceState.RECONNECTING,
    ):
        pty.close()


def test_tare_command_goes_to_the_worker_and_back(qtbot, pty, hub_for):
    poll = {"port": pty.path, "protocol": "mt-sics", "mode": "poll", "poll_interval": 10}
    hub = started(qtbot, hub_for({"scale": poll}))
    # A single-line device on the pty: answer T, ignore the rest.
    import threading

    def device() -> None:
        buffer = b""
        while b"T\r\n" not in buffer:
            try:
                buffer += os.read(pty.master, 64)
            except OSError:
                return
        os.write(pty.master, b"T S      2.486 g\r\n")

    threading.Thread(target=device, daemon=True).start()
    with qtbot.waitSignal(hub.commandDone, timeout=5000) as blocker:
        hub.tare()
    outcome = blocker.args[0]
    assert outcome.ok, outcome
    assert outcome.reading.value == Decimal("2.486")


def test_stop_ends_every_worker_thread(qtbot, pty, hub_for):
    hub = started(qtbot, hub_for({"scanner": {"port": pty.path}}))
    threads = list(hub.threads.values())
    hub.stop()
    assert not hub.threads and all(thread.isFinished() for thread in threads)


def test_the_hub_is_what_a_station_page_needs(qtbot, pty, hub_for):
    """The station page is written against StationDevices; the hub has every part of it."""
    hub = hub_for({"scale": {"port": pty.path, "protocol": "and", "mode": "stream"}})
    assert isinstance(hub, StationDevices)
    with qtbot.waitSignal(hub.status, timeout=5000):
        hub.start()
    assert hub.last_status["scale"].port == pty.path
