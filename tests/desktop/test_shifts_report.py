"""The shift report: figures up to now for a running shift, the same tables in the PDF and the
XLSX, real text in the PDF (read back here without any PDF tool), and the command line on the
demo plant (yesterday's morning and night), refusing 2026-02-30 and unknown shifts with exit 2.
"""

from __future__ import annotations

import re
import subprocess
import zlib
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from desktop.domain.plant_time import local_window
from desktop.services import handover, shift_report, shift_report_export
from desktop.services.actor import Actor
from desktop.services.production.ingest import record_unit_completed
from desktop.services.shift_report_tables import PERCENT, format_cell, report_tables
from desktop.services.shift_report_tables import facts as report_facts
from tests import cli_kit
from tests.demo_kit import seeded_url
from tests.plant_kit import put_line_9

SYSTEM = Actor.system()
PARIS = ZoneInfo("Europe/Paris")


# --- reading a PDF's text back, in plain Python ---------------------------------------------------

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
# Up to `endstream` with its end-of-line: compressed data may itself end in a CR or LF byte, and
# the decompressor ignores what follows its end.
_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _stream(body: bytes) -> bytes:
    found = _STREAM.search(body)
    if found is None:
        return b""
    data = found.group(1)
    if b"FlateDecode" in body[: body.find(b"stream")]:
        return zlib.decompressobj().decompress(data)
    return data


def _cmap(data: bytes) -> dict[int, str]:
    """A ToUnicode CMap's bfchar and bfrange entries: glyph code -> text."""
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, rest in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block
        ):
            first, last = int(lo, 16), int(hi, 16)
            if rest.startswith(b"["):
                for offset, dst in enumerate(_HEX.findall(rest)):
                    mapping[first + offset] = bytes.fromhex(dst.decode()).decode("utf-16-be")
            else:
                start = int(rest[1:-1], 16)
                for code in range(first, last + 1):
                    mapping[code] = chr(start + code - first)
    return mapping


def pdf_text(path: Path) -> str:
    """The text drawn in a PDF written by Qt: fonts' ToUnicode maps applied to the glyph
    codes of every Tj in the page content streams, one line per text object."""
    data = path.read_bytes()
    objects = {int(n): body for n, body in _OBJECT.findall(data)}
    fonts: dict[bytes, dict[int, str]] = {}
    for body in objects.values():
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            font = objects.get(int(number), b"")
            unicode_ref = re.search(rb"/ToUnicode (\d+) 0 R", font)
            if unicode_ref:
                fonts[name] = _cmap(_stream(objects[int(unicode_ref.group(1))]))
    contents = {
        int(n) for body in objects.values() for n in re.findall(rb"/Contents (\d+) 0 R", body)
    }
    lines: list[str] = []
    for number in sorted(contents):
        current: dict[int, str] = {}
        text: list[str] = []
        for token in re.finditer(
            rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj|\bET\b", _stream(objects[number])
        ):
            if token.group(1):
                current = fonts.get(token.group(1), {})
            elif token.group(2):
                code = token.group(2)
                width = 4 if len(code) % 4 == 0 else 2
                for i in range(0, len(code), width):
                    text.append(current.get(int(code[i : i + width], 16), "?"))
            else:
                lines.append("".join(text))
                text = []
    return "\n".join(lines)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- a small plant with production in the current shift -------------------------------------------


@pytest.fixture
def line_db(database):  # noqa: ANN001, ANN201
    with database.unit_of_work() as session:
        put_line_9(session, ("GRADE-9", "Grading 9", "grading"))
    return database


DAY = date(2026, 3, 28)  # its night crosses the spring clock change


def test_a_running_night_is_reported_up_to_now_and_marked_in_progress(line_db) -> None:
    start = datetime(2026, 3, 28, 20, tzinfo=UTC)  # 21:00 CET
    with line_db.unit_of_work() as session:
        for minute in range(0, 300, 2):  # up to 02:00 CET, then the clocks jump
            at = start + timedelta(minutes=minute)
            record_unit_completed(session, "FILL-9", None, minute % 20 != 0, None, at)
            record_unit_completed(session, "GRADE-9", None, True, None, at)
        handover.save_handover(
            session,
            SYSTEM,
            "CELL-9",
            DAY,
            "night",
            notes="Nozzle 2 cleaned at 23:40",
            now=start + timedelta(hours=3),
        )
    now = start + timedelta(hours=6)  # 02:00 UTC = 04:00 CEST, an hour before the end
    with line_db.reading() as session:
        report = shift_report.build_shift_report(session, SYSTEM, DAY, "night", "cell-9", now)
    assert report.in_progress and report.figures.until == now
    assert report.shift.minutes == 420
    facts = dict(report_facts(report))
    assert facts["Status"] == "in progress, up to 2026-03-29 04:00"
    assert facts["From - to"].startswith("2026-03-28 21:00 - 2026-03-29 05:00")
    stations = {s.station: s for s in report.figures.stations}
    assert stations["FILL-9"].units == 150 and stations["FILL-9"].ng == 15
    tables = {t.key: t for t in report_tables(report)}
    assert tables["handover"].rows[0][3] == "Nozzle 2 cleaned at 23:40"
    assert [r[1] for r in tables["stations"].rows] == ["FILL-9", "GRADE-9"]


def test_the_pdf_holds_the_tables_as_real_text_and_the_xlsx_the_same_tables(
    line_db, qapp, tmp_path: Path
) -> None:
    from desktop.reports_pdf import write_shift_report_pdf

    end = datetime(2026, 3, 29, 3, tzinfo=UTC)
    with line_db.unit_of_work() as session:
        record_unit_completed(session, "FILL-9", None, True, None, end - timedelta(hours=1))
    with line_db.reading() as session:
        report = shift_report.build_shift_report(session, SYSTEM, DAY, "night", None, end)
    assert not report.in_progress
    pdf = write_shift_report_pdf(report, tmp_path / "night.pdf")
    xlsx = shift_report_export.write_xlsx(report, tmp_path / "night.xlsx")
    assert pdf.read_bytes().startswith(b"%PDF")
    text = squeezed(pdf_text(pdf))
    tables = report_tables(report)
    for table in tables:
        assert squeezed(table.title) in text
    for needle in ("Shift report 2026-03-28, night", "FILL-9", "Filling 9", "finished", "7 h"):
        assert squeezed(needle) in text, needle
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Summary"] + [t.title for t in tables]
    sheet = book["Production per station"]
    assert [c.value for c in sheet[1]] == tables[1].headers
    assert sheet["B2"].value == "FILL-9" and sheet["D2"].value == 1


def test_a_running_shift_s_pdf_says_in_progress_at_the_time_given(
    line_db, qapp, tmp_path: Path
) -> None:
    """The in-progress branch on purpose: the report is built at a moment inside the night
    (23:00 CET), whatever the clock on the wall says."""
    from desktop.reports_pdf import write_shift_report_pdf

    start = datetime(2026, 3, 28, 20, tzinfo=UTC)  # 21:00 CET
    now = start + timedelta(hours=2)
    with line_db.unit_of_work() as session:
        record_unit_completed(session, "FILL-9", None, True, None, start + timedelta(minutes=30))
        handover.save_handover(
            session, SYSTEM, "CELL-9", DAY, "night", notes="Half way", submit=True, now=now
        )
    with line_db.reading() as session:
        report = shift_report.build_shift_report(session, SYSTEM, DAY, "night", None, now)
    assert report.in_progress and report.figures.until == now
    assert dict(report_facts(report))["Status"] == "in progress, up to 2026-03-28 23:00"
    text = squeezed(pdf_text(write_shift_report_pdf(report, tmp_path / "running.pdf")))
    banner = "IN PROGRESS: figures up to 2026-03-28 23:00, the shift is not over"
    assert squeezed(banner) in text
    assert squeezed("not acknowledged") in text and "finished" not in text


def test_shares_in_the_report_are_written_the_languages_way() -> None:
    assert format_cell(0.873, PERCENT) == "87.3%"
    assert format_cell(0.873, PERCENT, ",") == "87,3\u202f%"
    assert format_cell(None, PERCENT) == ""


# --- the command line ----------------------------------------------------------------------------


def linedesk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Without a display: the PDF report must switch itself to the offscreen platform."""
    return cli_kit.linedesk(
        *args, env={"LINEDESK_HOME": str(home)}, without=("DISPLAY", "QT_QPA_PLATFORM")
    )


def report_shift(
    home: Path, url: str, day: str, shift: str, *args: str
) -> subprocess.CompletedProcess[str]:
    """`linedesk report shift` of `shift` on `day` from the database at `url`."""
    return linedesk(
        home, "--database", url, "report", "shift", "--date", day, "--shift", shift, *args
    )


def test_a_date_that_does_not_exist_or_an_unknown_shift_is_one_line_and_exit_2(
    tmp_path: Path,
) -> None:
    url = "sqlite:///" + (tmp_path / "plant.sqlite").as_posix()
    bad_date = report_shift(
        tmp_path, url, "2026-02-30", "morning", "--xlsx", str(tmp_path / "x.xlsx")
    )
    assert bad_date.returncode == 2
    assert bad_date.stderr.strip().count("\n") == 0 and "2026-02-30" in bad_date.stderr
    unknown = report_shift(tmp_path, url, "2026-02-27", "evening", "--pdf", str(tmp_path / "x.pdf"))
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == (
        "linedesk: Unknown shift: evening; known: morning, afternoon, night"
    )
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.xlsx").exists()


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from desktop.services.demo import seed_demo

    return seeded_url(tmp_path_factory.mktemp("demo"), seed_demo)


@pytest.mark.parametrize("shift", ["morning", "night"])
def test_yesterdays_shift_on_the_demo_plant_as_pdf_and_xlsx(
    demo_url: str, shift: str, tmp_path: Path
) -> None:
    yesterday = (datetime.now(PARIS).date() - timedelta(days=1)).isoformat()
    pdf = report_shift(tmp_path, demo_url, yesterday, shift, "--pdf", str(tmp_path / "r.pdf"))
    assert pdf.returncode == 0, pdf.stderr
    xlsx = report_shift(
        tmp_path, demo_url, yesterday, shift, "--line", "CELL-1", "--xlsx", str(tmp_path / "r.xlsx")
    )
    assert xlsx.returncode == 0, xlsx.stderr
    text = squeezed(pdf_text(tmp_path / "r.pdf"))
    # Between midnight and 05:00 plant time, yesterday's night is still running: its report
    # says so, and its handover is not acknowledged yet.
    hours = {"morning": (time(5), time(13)), "night": (time(21), time(5))}[shift]
    _start, end = local_window(date.fromisoformat(yesterday), *hours, PARIS)
    closing = "IN PROGRESS" if datetime.now(UTC) < end else "acknowledged"
    for needle in (
        f"Shift report {yesterday}, {shift}",
        "Production per station",
        "STACK-1",
        "Grading 2",
        "PACKA-1",
        "Downtime by reason",
        "Attendance",
        "Handover notes",
        closing,
    ):
        assert squeezed(needle) in text, needle
    book = load_workbook(tmp_path / "r.xlsx")
    stations = [
        row[1] for row in book["Production per station"].iter_rows(min_row=2, values_only=True)
    ]
    assert stations == [
        "MIX-1",
        "COAT-1",
        "CAL-1",
        "SLIT-1",
        "STACK-1",
        "FILL-1",
        "FORM-1",
        "GRADE-1",
    ]
    units = [
        row[3] for row in book["Production per station"].iter_rows(min_row=2, values_only=True)
    ]
    assert sum(units) > 1000
    assert book["Attendance"].max_row > 10
    handovers = list(book["Handover notes"].iter_rows(min_row=2, values_only=True))
    assert len(handovers) == 1 and handovers[0][0] == "CELL-1" and handovers[0][3]
