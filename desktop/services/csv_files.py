"""CSV files as spreadsheets write and read them: the one reader and the one writer.

Reading (the HR file, the genealogy import): UTF-8 with or without the byte-order mark Excel
writes; `;` (Excel in a French locale) or `,`, whichever the header line uses; line numbers as a
spreadsheet shows them, the header being line 1. Writing (exports): the user's language decides,
`;` and decimal commas in French, `,` and points in English, UTF-8 with a byte-order mark so
Excel keeps the accents; a file is written whole or not at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import BinaryIO, TextIO

from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError, Message
from desktop.domain.numbers import decimal_text


def separator(header: str) -> str:
    """`;` (Excel in a French locale) or `,`: whichever the header line uses."""
    return ";" if header.count(";") > header.count(",") else ","


def decode(data: bytes) -> str:
    """UTF-8 with or without the byte-order mark Excel writes; anything else is refused."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "line {line}: the file is not UTF-8 text (save it as CSV UTF-8)"
            ),
            line=line,
        ) from exc


class CsvReader:
    """The records of a CSV text after its header line.

    `header` holds the header's names, stripped and in lower case (empty for an empty file).
    Reading a bad byte raises UnicodeDecodeError and a bad record csv.Error: the caller names
    the file and the line in its own words.
    """

    def __init__(self, text: io.TextIOBase, raw: BinaryIO | None = None, size: int = 0) -> None:
        self._text = text
        self._raw = raw
        self.size = size
        header_line = text.readline()
        self.empty = header_line == ""
        self.delimiter = separator(header_line)
        first = next(csv.reader([header_line], delimiter=self.delimiter), [])
        self.header = [h.strip().lower() for h in first]
        self.line = 1

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """Each record with the line it starts on (a quoted cell may hold a line break, so a
        record may span lines). Blank lines come as empty lists. On csv.Error, `line` is the
        line the unreadable record starts on."""
        reader = csv.reader(self._text, delimiter=self.delimiter)
        while True:
            start = self.line = reader.line_num + 2
            try:
                cells = next(reader)
            except StopIteration:
                return
            yield start, cells

    def chunks(
        self, size: int | Callable[[], int] = 10_000
    ) -> Iterator[tuple[int, list[list[str]]]]:
        """Records in lists of `size` (or of what `size()` says before each list), each list
        with the line of its first record, counting one line per record (the fast path of
        files of millions of one-line records). Blank lines come as empty lists."""
        sizes = size if callable(size) else (lambda: size)
        reader = csv.reader(self._text, delimiter=self.delimiter)
        line = 2
        while True:
            rows = list(islice(reader, sizes()))
            if not rows:
                return
            yield line, rows
            line += len(rows)

    def position(self) -> int:
        """Bytes read so far (for a progress bar); 0 for a text in memory."""
        return self._raw.tell() if self._raw is not None else 0

    def close(self) -> None:
        self._text.close()


def read_bytes(data: bytes) -> CsvReader:
    """A CSV file's bytes, decoded whole first (a bad byte is refused with its line)."""
    return CsvReader(io.StringIO(decode(data), newline=""))


def _unreadable(path: Path, exc: OSError) -> InputError:
    return InputError(
        QT_TRANSLATE_NOOP("Messages", "Cannot read {path}: {reason}"),
        path=str(path),
        reason=Message(exc.strerror or str(exc)),
    )


def file_bytes(path: Path) -> bytes:
    """A whole file (an HR export: thousands of lines at most), refused in words."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from exc


def open_csv(path: Path) -> CsvReader:
    """A CSV file read as it streams (for files of millions of lines). The header line is read
    at once: a bad byte in it raises UnicodeDecodeError."""
    try:
        size = path.stat().st_size
        raw = path.open("rb")
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    try:
        return CsvReader(text, raw, size)
    except BaseException:
        text.close()
        raise


def cell_text(value: object, french: bool, decimals: int = 3) -> object:
    """A cell as the user's spreadsheet reads it: numbers with fractions in the language's
    decimal mark, `decimals` places for floats; None as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.{decimals}f}"
    elif isinstance(value, Decimal):
        text = decimal_text(value)
    else:
        return value
    return text.replace(".", ",") if french else text


def write_rows(
    handle: TextIO,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    french: bool,
    decimals: int = 3,
    lineterminator: str = "\r\n",
) -> None:
    """A table onto an open text (a file being written, or the command line's output): `;`
    and decimal commas when `french`, `,` and points otherwise."""
    writer = csv.writer(handle, delimiter=";" if french else ",", lineterminator=lineterminator)
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell_text(v, french, decimals) for v in row])


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    french: bool,
    decimals: int = 3,
    bom: bool = True,
) -> None:
    """Write a table as the user's spreadsheet reads it; written whole or not at all (a
    `.partial` file replaced at the end). Refused in words when the disk says no."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
            write_rows(handle, header, rows, french=french, decimals=decimals)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "Cannot write {path}: {reason}"),
            path=str(path),
            reason=Message(exc.strerror or str(exc)),
        ) from exc
