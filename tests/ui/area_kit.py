"""Opening an area's page as the main window would, for the page tests: the area built from an
app context for the acting user (None when that user may not see it), shown at a size."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.config import defaults
from desktop.context import AppContext
from desktop.services.actor import Actor


def show_area(
    qtbot: Any,
    create_area: Callable[[AppContext], Any],
    database: Any,
    actor: Actor,
    key: str,
    size: tuple[int, int] = (1400, 900),
) -> Any:
    """The page of the area `key`, shown at `size` (the area must exist for `actor`)."""
    area = create_area(AppContext(database, defaults(), actor, demo=True))
    assert area is not None and area.key == key
    page = area.page
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    return page
