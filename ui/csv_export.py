"""CSV files for the user's spreadsheet: `;` and decimal commas in French, `,` in English
(Excel in a French locale expects the former), UTF-8 with a BOM so accents survive."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLocale


def separator(locale: QLocale | None = None) -> str:
    return ";" if (locale or QLocale()).decimalPoint() == "," else ","


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    locale: QLocale | None = None,
) -> None:
    """Write a table; floats take the locale's decimal mark. Written whole or not at all."""
    locale = locale or QLocale()
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator(locale))
        writer.writerow(header)
        for row in rows:
            writer.writerow(
                [locale.toString(v, "f", 3) if isinstance(v, float) else v for v in row]
            )
    partial.replace(path)
