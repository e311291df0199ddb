"""The Devices tab over the demo's simulated balance and scanner: real bytes on real ptys,
read by the real device workers."""

from __future__ import annotations

import sys
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop.acquisition import DeviceHub
from desktop.demo_devices import DemoDevices
from ui.pages.admin_devices import AdminDevicesPage

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


@pytest.fixture
def demo_devices(qtbot):
    simulators = DemoDevices()
    hub = DeviceHub(simulators.device_sections())
    page = AdminDevicesPage(hub, simulators)
    qtbot.addWidget(page)
    page.show()
    hub.start()
    yield simulators, hub, page
    hub.stop()
    simulators.stop()


def wait_connected(qtbot, page, device: str) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: "connected" in page.rows[device]["state"].text(), timeout=10000)


def simulate_scan(qtbot, hub, page, code: str):  # noqa: ANN001, ANN201
    """`code` sent from the page's simulated scanner; the scan the hub delivered."""
    page.sim_code.setText(code)
    with qtbot.waitSignal(hub.scan, timeout=10000) as caught:
        page.send_scan()
    return caught.args[0]


def test_states_and_a_live_weight_show(qtbot, demo_devices) -> None:
    simulators, _hub, page = demo_devices
    wait_connected(qtbot, page, "scale")
    wait_connected(qtbot, page, "scanner")
    simulators.put_weight(Decimal("180.25"))
    qtbot.waitUntil(lambda: page.rows["scale"]["last"].text().startswith("180.2"), timeout=10000)


def test_a_scan_from_the_simulated_scanner_is_shown_with_its_kind(qtbot, demo_devices) -> None:
    _simulators, hub, page = demo_devices
    wait_connected(qtbot, page, "scanner")
    scan = simulate_scan(qtbot, hub, page, "BADGE-900001")
    assert scan.kind == "badge"
    assert page.rows["scanner"]["last"].text() == "BADGE-900001  (badge)"


def test_zero_on_the_balance_reports_its_outcome(qtbot, demo_devices) -> None:
    _simulators, hub, page = demo_devices
    wait_connected(qtbot, page, "scale")
    with qtbot.waitSignal(hub.commandDone, timeout=10000):
        hub.command("scale", "zero")
    qtbot.waitUntil(lambda: "zero" in page.outcome.text())


def test_a_scanned_code_that_looks_like_markup_shows_exactly_as_scanned(
    qtbot, demo_devices
) -> None:
    _simulators, hub, page = demo_devices
    wait_connected(qtbot, page, "scanner")
    scan = simulate_scan(qtbot, hub, page, "<script>?%")
    last = page.rows["scanner"]["last"]
    assert last.textFormat() == Qt.TextFormat.PlainText  # shown as the characters, not markup
    assert last.text() == f"<script>?%  ({scan.kind})"
    state = page.rows["scanner"]["state"]
    assert state.textFormat() == Qt.TextFormat.PlainText and state.text() == "connected"
