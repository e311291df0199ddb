"""`linedesk devices ...` and `linedesk simulate scale|scanner` through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.cli_kit import ROOT, start_linedesk
from tests.cli_kit import linedesk as run_linedesk

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("pseudo-terminals need POSIX", allow_module_level=True)


def devices(*args: str) -> subprocess.CompletedProcess[bytes]:
    """`linedesk devices ARGS` to its end, its output kept as bytes."""
    return run_linedesk(
        "devices", *args, text=False, timeout=30, cwd=ROOT, env={"PYTHONPATH": str(ROOT)}
    )


@pytest.fixture
def simulator():
    procs: list[subprocess.Popen] = []

    def start(*args: str) -> tuple[subprocess.Popen, str]:
        proc = start_linedesk("simulate", *args)
        procs.append(proc)
        return proc, proc.stdout.readline().decode().strip()

    yield start
    for proc in procs:
        proc.terminate()
        proc.wait(5)


def test_devices_test_reads_the_simulated_mtsics_balance(simulator):
    sim, path = simulator("scale", "--protocol", "mt-sics", "--weight", "42.5")
    result = devices("test", "--port", path, "--type", "scale", "--count", "3", "--seconds", "20")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(x) for x in result.stdout.decode().splitlines()]
    assert [(x["value"], x["unit"], x["stable"], x["status"]) for x in lines] == [
        ("42.50", "g", True, "ok")
    ] * 3


def test_devices_test_reads_the_simulated_scanner_over_tcp(simulator):
    sim, url = simulator("scanner", "--tcp", "0")
    assert url.startswith("socket://127.0.0.1:")
    test = start_linedesk(
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
    result = devices("test", "--port", "/dev/no-such-port", "--type", "scale", "--count", "1")
    assert result.returncode == 2 and result.stdout == b""
    assert len(result.stderr.decode().splitlines()) == 1


def test_devices_list_json_is_a_list():
    result = devices("list", "--format", "json")
    assert result.returncode == 0 and isinstance(json.loads(result.stdout), list)
