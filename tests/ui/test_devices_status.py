"""The status bar's device line stays one short line whatever a device says; the full reason
is kept for where there is room for it (ui/devices_status.py)."""

from __future__ import annotations

from hardware.messages import QT_TRANSLATE_NOOP, reason
from hardware.transport import DeviceState, DeviceStatus
from ui.devices_status import state_text, summary_html


def test_the_status_bar_names_the_state_in_a_word_and_escapes_device_text(qapp) -> None:
    long = reason(
        QT_TRANSLATE_NOOP("Messages", "Device error: {detail}"),
        detail="SerialException: <b>" + "x" * 300,
    )
    lost = DeviceStatus(DeviceState.RECONNECTING, long, attempt=7, port="/dev/ttyUSB0")
    line = summary_html({"scale": lost, "scanner": DeviceStatus(DeviceState.CONNECTED)})
    assert "reconnecting" in line and "connected" in line
    assert "xxx" not in line and "<b>x" not in line
    assert len(line) < 300
    words, _colour = state_text(lost)  # the full reason stays where there is room for it
    assert "x" * 300 in words
