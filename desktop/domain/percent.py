"""A share written as a percentage, the one way the application writes one: `87,3 %` where the
decimal mark is a comma (French: a narrow no-break space before the sign), `87.3%` in English.

Pure Python so the Qt-free core (the shift report's PDF and workbook tables) and the widgets
(ui.formatting.percent, which passes the user's decimal mark) write the same thing.
"""

from __future__ import annotations

NARROW_NO_BREAK_SPACE = "\u202f"


def percent_text(fraction: float | None, decimals: int = 1, decimal_point: str = ".") -> str:
    """`fraction` (0.873) as a percentage with `decimals` decimals; None is empty."""
    if fraction is None:
        return ""
    digits = f"{100.0 * fraction:.{decimals}f}"
    if decimal_point == ",":
        return digits.replace(".", ",") + NARROW_NO_BREAK_SPACE + "%"
    return digits + "%"
