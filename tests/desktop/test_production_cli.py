"""`linedesk simulate line` and `linedesk report throughput`, run as a person runs them."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_kit import linedesk


def throughput(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`linedesk report throughput ARGS` on the database at `url`."""
    return linedesk("--database", url, "report", "throughput", *args)


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Seed the demo, then an hour of the whole plant at full speed."""
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'demo.sqlite'}"
    seeded = linedesk("--database", url, "db", "seed-demo")
    assert seeded.returncode == 0, seeded.stderr
    assert "production:" in seeded.stdout
    return url


def test_an_hour_of_the_demo_plant_is_simulated_and_reported(demo_url: str) -> None:
    done = linedesk("--database", demo_url, "simulate", "line", "--minutes", "60", "--speed", "max")
    assert done.returncode == 0, done.stderr
    assert re.search(r"^\d+ units and \d+ detected stops on 19 stations", done.stdout)
    window = re.search(r"--from (\S+) --to (\S+)", done.stdout)
    assert window is not None
    report = throughput(demo_url, "--format", "json", "--from", window[1], "--to", window[2])
    assert report.returncode == 0, report.stderr
    data = json.loads(report.stdout)
    assert len(data["stations"]) == 19 and len(data["lines"]) == 4
    for station in data["stations"]:
        assert 0 <= station["oee"] <= 1, station
        assert station["units"] >= 0
    busy = [
        s
        for s in data["stations"]
        if s["line"] in ("CELL-1", "CELL-2", "MOD-1", "PACK-1")
        and s["station"].split("-")[0] in ("STACK", "FILL", "FORM", "GRADE", "MODA", "PACKA")
    ]
    assert all(s["units"] > 10 for s in busy)
    # the default window (the current shift up to now) reports the seeded history too
    default = throughput(demo_url, "--format", "json")
    assert default.returncode == 0, default.stderr
    assert all(0 <= s["oee"] <= 1 for s in json.loads(default.stdout)["stations"])


def test_the_report_prints_csv_and_a_table_for_one_line(demo_url: str) -> None:
    done = throughput(demo_url, "--line", "mod-1", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["station"] for r in rows] == ["MODA-1", "MODA-2", ""]
    assert rows[2]["line"] == "MOD-1"
    table = throughput(demo_url, "--from", "2020-01-01 05:00", "--to", "2020-01-01 13:00")
    assert table.returncode == 0, table.stderr
    assert "bottleneck" in table.stdout and "FILL-1" in table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "throughput", "--from", "yesterday"], "Not a date-time: yesterday"),
        (["report", "throughput", "--line", "NOPE"], "Unknown line: NOPE"),
        (["report", "throughput", "--from", "2026-03-29 02:30"], "does not exist in plant time"),
        (["simulate", "line", "--speed", "fast", "--minutes", "1"], "--speed must be a number"),
        (["simulate", "line", "--line", "NOPE", "--speed", "max"], "Unknown line: NOPE"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(demo_url: str, args: list[str], message: str) -> None:
    done = linedesk("--database", demo_url, *args)
    assert done.returncode == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_report_subcommands_can_come_from_other_modules(tmp_path: Path, monkeypatch) -> None:
    """A module of desktop.commands that defines `register_report` adds its own report."""
    import desktop.commands
    from desktop.cli import build_parser

    (tmp_path / "zz_extra_report.py").write_text(
        "def register_report(report_commands):\n"
        "    extra = report_commands.add_parser('extra')\n"
        "    extra.set_defaults(handler=lambda args: 0, extra_report=True)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(desktop.commands, "__path__", [*desktop.commands.__path__, str(tmp_path)])
    monkeypatch.delitem(sys.modules, "desktop.commands.zz_extra_report", raising=False)
    args = build_parser().parse_args(["report", "extra"])
    assert args.extra_report is True
    assert build_parser().parse_args(["report", "throughput"]).format == "table"
