"""LOTS.csv and LINKS.csv of the genealogy import, read by the one CSV reader
(desktop/services/csv_files.py) with the file's name and the line on every error."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, Message
from desktop.services.csv_files import open_csv

LOT_COLUMNS = ("id", "kind", "material", "quantity", "unit", "created_at")
LINK_COLUMNS = ("parent_id", "child_id", "quantity", "unit", "linked_at", "station")


def file_error(path: Path, line: int, reason: Message) -> InputError:
    return InputError(
        QT_TRANSLATE_NOOP("Messages", "{file} line {line}: {reason}"),
        file=path.name,
        line=line,
        reason=reason,
    )


class ImportFile:
    """LOTS.csv or LINKS.csv (desktop/services/csv_files.py reads them): rows in the order of
    `columns`, with the file's name on every error and the bytes read so far for progress."""

    def __init__(self, path: Path, columns: tuple[str, ...]) -> None:
        self.path = path
        try:
            self._reader = open_csv(path)
        except UnicodeDecodeError as exc:
            raise file_error(
                path, 1, Message(QT_TRANSLATE_NOOP("Messages", "not UTF-8 text"))
            ) from exc
        self.size = self._reader.size
        header = self._reader.header
        missing = [c for c in columns if c not in header]
        if missing:
            self._reader.close()
            raise file_error(
                path,
                1,
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "the header lacks {missing} (expected the columns {expected})"
                    ),
                    {"missing": ", ".join(missing), "expected": ",".join(columns)},
                ),
            )
        self.positions = [header.index(c) for c in columns]
        self.width = len(header)

    def chunks(
        self, size: int | Callable[[], int] = 10_000
    ) -> Iterator[tuple[int, list[list[str]]]]:
        """Rows in lists of `size` (or of what `size()` says before each list), each with the
        line number of its first row; rows are in the order of `columns`. Blank rows come as
        empty lists (a spreadsheet counts them)."""
        chunks = self._reader.chunks(size)
        positions = self.positions
        natural = positions == list(range(len(positions))) and self.width == len(positions)
        line = 2
        while True:
            try:
                line, rows = next(chunks)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                raise file_error(
                    self.path, line, Message(QT_TRANSLATE_NOOP("Messages", "not UTF-8 text"))
                ) from exc
            except csv.Error as exc:
                raise file_error(self.path, line, Message(str(exc))) from exc
            if not natural:
                rows = [[row[p] for p in positions] if len(row) == self.width else row
                        for row in rows]  # fmt: skip
            yield line, rows
            line += len(rows)

    def row_error(self, line: int, row: list[str]) -> InputError:
        """The error of a row that does not unpack into the expected columns."""
        return file_error(
            self.path,
            line,
            Message(
                QT_TRANSLATE_NOOP("Messages", "{found} fields where the header has {expected}"),
                {"found": len(row), "expected": self.width},
            ),
        )

    def position(self) -> int:
        return self._reader.position()

    def close(self) -> None:
        self._reader.close()
