"""Printing data from commands: `--format table|json|csv`, the same rows three ways.

The CSV goes through the one writer (desktop/services/csv_files.py) in English, `,` and points:
the command line speaks English (desktop/cli.py loads no translator), and a script reading it
should not depend on the workstation's language.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, TextIO

from desktop.services.csv_files import write_rows

FORMATS = ("table", "json", "csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)


def print_rows(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    fmt: str,
    out: TextIO | None = None,
) -> None:
    """Print `rows` restricted to `columns` as an aligned table, a JSON array or CSV."""
    out = out or sys.stdout
    if fmt == "json":
        out.write(dumps([{c: row.get(c) for c in columns} for row in rows]) + "\n")
        return
    if fmt == "csv":
        cells = ([_cell(row.get(c)) for c in columns] for row in rows)
        write_rows(out, columns, cells, french=False, lineterminator="\n")
        return
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")
