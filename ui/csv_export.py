"""CSV exports from a screen: the core's one writer (desktop/services/csv_files.py) in the
language the screen shows, `;` and decimal commas in French (Excel in a French locale expects
them), `,` and points in English."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QLocale

from desktop.services import csv_files


def french_screen() -> bool:
    """Whether the screen writes numbers the French way: `ui.i18n.install_translators` sets the
    default locale from the user's language, so its decimal mark tells."""
    return QLocale().decimalPoint() == ","


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
) -> None:
    """Write a table as the screen's language reads it; written whole or not at all, refused
    in words (an InputError) when the disk says no."""
    csv_files.write_csv(path, header, rows, french=french_screen())
