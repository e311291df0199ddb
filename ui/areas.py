"""The areas of the main window in the plant's order of work, and building them for a sign-in.

Each area module has `create_area(context) -> Area | None` (None when the signed-in user may not
see it). A module not present is an area whose part is not built yet; the self-test imports every
one of them by name (ui/selftest.py), so a bundle that missed one fails there.
"""

from __future__ import annotations

from desktop.context import AppContext
from ui.main_window import Area
from ui.pages import optional_module

# (key, module)
AREAS: tuple[tuple[str, str], ...] = (
    ("station", "ui.pages.station"),
    ("line", "ui.pages.line"),
    ("genealogy", "ui.pages.genealogy"),
    ("shifts", "ui.pages.shifts"),
    ("people", "ui.pages.people"),
    ("admin", "ui.pages.admin"),
)


def create_areas(context: AppContext) -> list[Area]:
    """Every area whose part is built and the signed-in user may see, in order of work."""
    areas = []
    for _key, module_name in AREAS:
        module = optional_module(module_name)
        if module is None:
            continue
        area = module.create_area(context)
        if area is not None:
            areas.append(area)
    return areas
