"""Numbers as people and spreadsheets write them: the one decimal reader, the one plain writer of
a quantity and the one percentage writer of the application.

Pure Python so the Qt-free core (CSV imports, the shift report's PDF and workbook tables) and the
widgets (`ui.formatting`, which passes the user's decimal mark and group separator) read and write
the same way. The balance and tester simulators in `hardware/sim` read a weight the device's way
(a point) and stay on their own: `hardware` imports nothing of ours.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

NARROW_NO_BREAK_SPACE = "\u202f"
# Spaces a locale, a spreadsheet or a person may put between groups of digits.
GROUP_SPACES = (" ", "\u00a0", NARROW_NO_BREAK_SPACE)


def parse_decimal(text: str, *, decimal_point: str = ",", group_separator: str = "") -> Decimal:
    """A finite decimal from `text`. With `decimal_point` "," (French, and every file: a French
    spreadsheet writes `12,5`), a comma or a point is the decimal mark; with ".", the point is,
    and `group_separator` (English ",") is dropped. Spaces between digit groups are dropped.
    Raises ValueError when `text` is no number."""
    cleaned = text.strip()
    for space in GROUP_SPACES:
        cleaned = cleaned.replace(space, "")
    if decimal_point == ",":
        cleaned = cleaned.replace(",", ".")
    elif group_separator:
        cleaned = cleaned.replace(group_separator, "")
    if not cleaned or cleaned.count(".") > 1:
        raise ValueError(f"not a number: {text!r}")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None
    if not value.is_finite():
        raise ValueError(f"not a number: {text!r}")
    return value


def decimal_text(value: Decimal) -> str:
    """A quantity as plain digits, a point and no trailing zeros (`12.5`, `1000`, never `1E+3`):
    how a scan's message, its stored values, a CSV cell and a form field write a Decimal."""
    return format(value.normalize(), "f")


def percent_text(fraction: float | None, decimals: int = 1, decimal_point: str = ".") -> str:
    """`fraction` (0.873) as a percentage with `decimals` decimals: `87,3 %` where the decimal
    mark is a comma (French: a narrow no-break space before the sign), `87.3%` in English; None
    is empty."""
    if fraction is None:
        return ""
    digits = f"{100.0 * fraction:.{decimals}f}"
    if decimal_point == ",":
        return digits.replace(".", ",") + NARROW_NO_BREAK_SPACE + "%"
    return digits + "%"
