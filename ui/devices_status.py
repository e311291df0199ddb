"""Device states in words for the status bar and the Admin page."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.style import NOK_RED, OK_GREEN, WARN_AMBER


def reason_text(reason: Any) -> str:
    """A hardware reason (template + parameters) in the user's language."""
    if reason is None:
        return ""
    template = QCoreApplication.translate("Messages", reason.template)
    try:
        return template.format(**reason.params)
    except (KeyError, IndexError, ValueError):
        return str(reason)


def device_name(name: str) -> str:
    names = {
        "scale": QCoreApplication.translate("Devices", "Balance"),
        "scanner": QCoreApplication.translate("Devices", "Scanner"),
    }
    return names.get(name, name)


def state_text(status: Any) -> tuple[str, str]:
    """(words, colour) for a DeviceStatus."""
    state = getattr(status.state, "value", str(status.state))
    text, colour = short_state(status)
    reason = reason_text(status.reason)
    if status.attempt and state == "reconnecting":
        text += QCoreApplication.translate("Devices", " (attempt {n})").format(n=status.attempt)
    if reason and state != "connected":
        text = QCoreApplication.translate("Devices", "{state}: {reason}").format(
            state=text, reason=reason
        )
    return text, colour


def short_state(status: Any) -> tuple[str, str]:
    """(one word, colour) for a DeviceStatus: the status bar stays one short line; the reason
    is shown where there is room for it (the balance panel, Admin > Devices)."""
    state = getattr(status.state, "value", str(status.state))
    words = {
        "connected": (QCoreApplication.translate("Devices", "connected"), OK_GREEN),
        "reconnecting": (QCoreApplication.translate("Devices", "reconnecting"), WARN_AMBER),
        "failed": (QCoreApplication.translate("Devices", "failed"), NOK_RED),
        "closed": (QCoreApplication.translate("Devices", "closed"), WARN_AMBER),
    }
    return words.get(state, (state, WARN_AMBER))


def summary_html(statuses: dict[str, Any]) -> str:
    """One short line for the status bar: each device and its state in a word, coloured."""
    parts = []
    for name, status in sorted(statuses.items()):
        text, colour = short_state(status)
        state = f"<span style='color:{colour}'><b>{html.escape(text)}</b></span>"
        parts.append(
            QCoreApplication.translate("Devices", "{device}: {state}").format(
                device=html.escape(device_name(name)), state=state
            )
        )
    return " &nbsp; ".join(parts)
