"""Double-click safety for page buttons that write.

A button that writes is disabled from the click until its write is back (done or refused), so a
double click records once. `hold()` takes the buttons and gives back the one call that puts them
back as they were (a button that was disabled for its own reason stays so). Edit dialogs get the
same from `ui.forms.FormDialog`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


def hold(*widgets: QWidget) -> Callable[[], None]:
    """Disable `widgets` now; the returned call gives each its earlier state back, once (both
    the done and the refused path may call it)."""
    states = [(widget, widget.isEnabled()) for widget in widgets]
    for widget, _ in states:
        widget.setEnabled(False)
    released = False

    def release() -> None:
        nonlocal released
        if released:
            return
        released = True
        for widget, enabled in states:
            widget.setEnabled(enabled)

    return release
