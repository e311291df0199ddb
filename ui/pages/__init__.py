"""The areas of the main window: Station, Line, Genealogy, Shifts, People, Admin.

Each area module has `create_area(context) -> Area | None`; each Admin tab module has
`create_tab(context) -> (label, widget) | None` (None when the signed-in user may not see it).
"""

from __future__ import annotations

import importlib
from types import ModuleType


def optional_module(name: str) -> ModuleType | None:
    """The module, or None when that part of Linedesk is not in this build (an area appears once
    its part is built); an import error inside the module is still raised."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return None
