"""The simulators speak the real bytes: read by plain pyserial clients that are not ours."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import serial

from hardware.sim import PtyEndpoint, ScaleModel, ScaleSimulator, ScannerSimulator, TcpEndpoint

ROOT = Path(__file__).resolve().parents[2]


def ask(port: serial.Serial, command: bytes) -> bytes:
    port.write(command)
    return port.read_until(b"\r\n")


def test_sics_sim_answers_the_documented_replies():
    with ScaleSimulator(PtyEndpoint(), "mt-sics", ScaleModel("100")) as sim:
        with serial.Serial(sim.path, 9600, timeout=2) as client:
            assert ask(client, b"S\r\n") == b"S S     100.00 g\r\n"
            assert ask(client, b"I4\r\n") == b'I4 A "SIM0000001"\r\n'
            assert ask(client, b"T\r\n") == b"T S     100.00 g\r\n"
            assert ask(client, b"SI\r\n") == b"S S       0.00 g\r\n"
            assert ask(client, b"TAC\r\n") == b"TAC A\r\n"
            assert ask(client, b"Z\r\n") == b"Z A\r\n"
            assert ask(client, b"XYZ\r\n") == b"ES\r\n"


def test_sics_sim_unstable_while_settling():
    model = ScaleModel("0", settle=30)
    with ScaleSimulator(PtyEndpoint(), "mt-sics", model) as sim:
        model.put("500")
        with serial.Serial(sim.path, 9600, timeout=2) as client:
            assert ask(client, b"SI\r\n").startswith(b"S D ")


def test_sics_sim_overload():
    model = ScaleModel("1")
    model.force("+")
    with ScaleSimulator(PtyEndpoint(), "mt-sics", model) as sim:
        with serial.Serial(sim.path, 9600, timeout=2) as client:
            assert ask(client, b"S\r\n") == b"S +\r\n"


def test_sbi_sim_prints_on_esc_p_over_tcp():
    with ScaleSimulator(TcpEndpoint(), "sbi", ScaleModel("123.56"), stream=False) as sim:
        with serial.serial_for_url(sim.path, timeout=2) as client:
            assert ask(client, b"\x1bP") == b"+   123.56 g  \r\n"


def test_and_sim_answers_q():
    with ScaleSimulator(PtyEndpoint(), "and", ScaleModel("123.45"), stream=False) as sim:
        with serial.Serial(sim.path, 2400, timeout=2) as client:
            assert ask(client, b"Q\r\n") == b"ST,+00123.45  g\r\n"


def test_scanner_sim_sends_code_and_suffix():
    with ScannerSimulator(PtyEndpoint()) as sim:
        with serial.Serial(sim.path, 9600, timeout=2) as client:
            sim.send("]C0LOT-2025-0001")
            assert client.read_until(b"\r") == b"]C0LOT-2025-0001\r"


def test_simulate_scale_command_first_line_is_the_path_and_stdin_sets_the_weight():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "hardware.sim", "scale", "--protocol", "mt-sics"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    try:
        path = proc.stdout.readline().decode().strip()
        with serial.Serial(path, 9600, timeout=3) as client:
            proc.stdin.write(b"250.5\n")
            proc.stdin.flush()
            for _ in range(100):
                if ask(client, b"SI\r\n") == b"S S     250.50 g\r\n":
                    break
            assert ask(client, b"S\r\n") == b"S S     250.50 g\r\n"
            proc.stdin.write(b"+\n")
            proc.stdin.flush()
            for _ in range(100):
                if ask(client, b"S\r\n") == b"S +\r\n":
                    break
            else:
                raise AssertionError("no overload")
    finally:
        proc.terminate()
        proc.wait(5)
