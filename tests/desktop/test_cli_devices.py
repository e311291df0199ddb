"""`linedesk devices ...` and `linedesk simulate scale|scanner` through the real command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("pseudo-terminals need POSIX", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(ROOT))


def linedesk(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        cwd=ROOT,
        **kw,
    )


@pytest.fixture
def simulator():
    procs: list[subprocess.Popen] = []

    def start(*args: str) -> tuple[subprocess.Popen, str]:
        proc = linedesk("simulate", *args)
        procs.append(proc)
        return proc, proc.stdout.readline().decode().strip()

    yield start
    for proc in procs:
        proc.terminate()
        proc.wait(5)


def test_devices_test_reads_the_simulated_mtsics_balance(simulator):
    sim, path = simulator("scale", "--protocol", "mt-sics", "--weight", "42.5")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop.cli",
            "devices",
            "test",
            "--port",
            path,
            "--type",
            "scale",
            "--count",
            "3",
            "--seconds",
            "20",
        ],
        capture_output=True,
        env=ENV,
        cwd=ROOT,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(x) for x in result.stdout.decode().splitlines()]
    assert [(x["value"], x["unit"], x["stable"], x["status"]) for x in lines] == [
        ("42.50", "g", True, "ok")
    ] * 3


def test_devices_test_reads_the_simulated_scanner_over_tcp(simulator):
    sim, url = simulator("scanner", "--tcp", "0")
    assert url.startswith("socket://127.0.0.1:")
    test = linedesk(
        "devices", "test", "--port", url, "--type", "scanner", "--count", "1", "--seconds", "20"
    )
    assert test.stderr.readline().decode().startswith("opened ")
    sim.stdin.write(b"]d20105901234123458\n")
    sim.stdin.flush()
    out, _ = test.communicate(timeout=30)
    line = json.loads(out)
    assert (line["symbology"], line["kind"], line["gs1"], line["error"]) == (
        "]d2",
        "gs1",
        {"01": "05901234123458"},
        "GTIN check digit is wrong: expected 7, got 8",
    )


def test_devices_test_unknown_port_one_line_exit_2():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop.cli",
            "devices",
            "test",
            "--port",
            "/dev/no-such-port",
            "--type",
            "scale",
            "--count",
            "1",
        ],
        capture_output=True,
        env=ENV,
        cwd=ROOT,
        timeout=30,
    )
    assert result.returncode == 2 and result.stdout == b""
    assert len(result.stderr.decode().splitlines()) == 1


def test_devices_list_json_is_a_list():
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "devices", "list", "--format", "json"],
        capture_output=True,
        env=ENV,
        cwd=ROOT,
        timeout=30,
    )
    assert result.returncode == 0 and isinstance(json.loads(result.stdout), list)
