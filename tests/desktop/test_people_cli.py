"""Done when: an HR export of several hundred people imported with `linedesk import employees`
gives exact headcounts and breakdowns on past dates through `linedesk headcount --format json`;
a file with one bad date is refused whole with its line number."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook

from desktop.domain.people import CONTRACTS, DEPARTMENTS, counts_on
from tests.cli_kit import linedesk

NAMES = ("Zoé D'Almeida", "Jérôme Lefèvre", "Noémie O'Neill", "Anaïs Béghin", "Loïc Hénon")


def _export(count: int, seed: int = 3) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        hire = date(2024, 3, 1) + timedelta(rng.randrange(950))
        end = hire + timedelta(rng.randrange(20, 500)) if rng.random() < 0.2 else None
        rows.append(
            {
                "badge": f"B{number:05d}",
                "name": f"{rng.choice(NAMES)} {number}",
                "department": rng.choice(list(DEPARTMENTS)),
                "job": "Opérateur; régleur" if number % 7 == 0 else "Technicien",
                "contract": rng.choice(list(CONTRACTS)),
                "hire_date": hire,
                "end_date": end,
                "crew": rng.choice(["A", "B", "C", "D", "E", ""]),
            }
        )
    return rows


def _write(path: Path, rows: list[dict], bad_date_at: int | None = None) -> Path:
    lines = ["badge;name;department;job;contract;hire_date;end_date;crew"]
    for index, r in enumerate(rows):
        hire = "2025-02-30" if index == bad_date_at else r["hire_date"].isoformat()
        end = r["end_date"].isoformat() if r["end_date"] else ""
        job = f'"{r["job"]}"'
        lines.append(
            f"{r['badge']};{r['name']};{r['department']};{job};{r['contract']};{hire};{end};"
            f"{r['crew']}"
        )
    path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def test_an_hr_export_gives_exact_headcounts_on_past_dates(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plant.sqlite'}"
    rows = _export(400)
    done = linedesk(
        "--database", url, "import", "employees", str(_write(tmp_path / "hr.csv", rows))
    )
    assert done.returncode == 0, done.stderr
    assert "400 hired" in done.stdout
    for day in (date(2025, 6, 2), date(2025, 6, 3), date(2025, 12, 31), date(2026, 7, 14)):
        result = linedesk(
            "--database", url, "headcount", "--at", day.isoformat(), "--format", "json"
        )
        assert result.returncode == 0, result.stderr
        figures = json.loads(result.stdout)
        counted = [r for r in rows if counts_on(r["hire_date"], r["end_date"], day)]
        assert figures["date"] == day.isoformat()
        assert figures["target"] == 1000
        assert figures["headcount"] == len(counted)
        assert figures["by_department"] == {
            d: sum(r["department"] == d for r in counted) for d in DEPARTMENTS
        }
        assert figures["by_contract"] == {
            c: sum(r["contract"] == c for r in counted) for c in CONTRACTS
        }
    again = linedesk("--database", url, "import", "employees", str(tmp_path / "hr.csv"))
    assert again.returncode == 0 and "0 hired, 0 changed" in again.stdout


def test_a_file_with_one_bad_date_is_refused_whole_with_its_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plant.sqlite'}"
    path = _write(tmp_path / "hr.csv", _export(300), bad_date_at=122)
    done = linedesk("--database", url, "import", "employees", str(path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "line 124: hire_date: '2025-02-30' is not a date" in done.stderr  # header = line 1
    assert "nothing imported" in done.stderr and "Traceback" not in done.stderr
    result = linedesk("--database", url, "headcount", "--at", "2026-01-01", "--format", "json")
    assert json.loads(result.stdout)["headcount"] == 0


def test_headcount_table_and_xlsx_export(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plant.sqlite'}"
    linedesk(
        "--database", url, "import", "employees", str(_write(tmp_path / "hr.csv", _export(50)))
    )
    book = tmp_path / "headcount.xlsx"
    done = linedesk("--database", url, "headcount", "--at", "2025-12-01", "--xlsx", str(book))
    assert done.returncode == 0, done.stderr
    assert "headcount on 2025-12-01:" in done.stdout and "production" in done.stdout
    workbook = load_workbook(book)
    assert workbook.sheetnames == ["Headcount", "History", "Requisitions", "Skills matrix"]
    assert (
        workbook["Headcount"]["A3"].value == "target" and workbook["Headcount"]["B3"].value == 1000
    )


def test_a_bad_date_option_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = linedesk(
        "--database", f"sqlite:///{tmp_path / 'x.sqlite'}", "headcount", "--at", "2025-02-30"
    )
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "Not a valid date: 2025-02-30" in done.stderr
