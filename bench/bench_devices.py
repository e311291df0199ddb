"""Device benchmarks, run by hand (not part of the test run); prints figures for the README.

1. Readings parsed per second per protocol (codec only, one core).
2. Latency from the last byte of a frame written on a pty to the reading delivered on the Qt
   GUI thread through ``desktop.acquisition`` signals, with a window shown (offscreen is fine):
   p50 / p99 / max; target p99 under 20 ms.
3. ``--soak-minutes N``: an MT-SICS ``SIR`` stream paced at the 9600-baud line rate (about 48
   readings a second); weights are numbered so that any dropped or garbled reading shows.

    python bench/bench_devices.py --soak-minutes 10
"""

from __future__ import annotations

import argparse
import os
import select
import statistics
import sys
import threading
import time
import tty
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

LINE_RATE = 9600 / 10 / len(b"S S     123.45 g\r\n")  # 10 bits a byte: ~53 lines/s max


def bench_parsing(seconds: float = 1.0) -> None:
    from hardware.codecs import aandd, mtsics, sbi
    from hardware.codecs import scanner as scanner_codec

    cases = {
        "mt-sics": (mtsics.decode, b"S S     123.45 g"),
        "sbi": (sbi.decode, b"+   123.56 g  "),
        "and": (aandd.decode, b"ST,+00123.45  g"),
        "scanner GS1": (scanner_codec.decode, b"]d2010590123412345710LOT42\x1d21SN7"),
        "scanner plant": (scanner_codec.decode, b"LOT-2025-0001"),
    }
    print("Readings parsed per second (one core):")
    for name, (decode, line) in cases.items():
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            for _ in range(1000):
                decode(line)
            count += 1000
        rate = count / (time.perf_counter() - start)
        print(f"  {name:<14} {rate:>12,.0f} /s")


class PacedWriter(threading.Thread):
    """The balance side: waits for SIR, then writes numbered lines at ``rate`` a second."""

    def __init__(self, master: int, count: int, rate: float) -> None:
        super().__init__(daemon=True)
        self.master, self.count, self.rate = master, count, rate
        self.sent_at: dict[int, float] = {}
        self.started = threading.Event()

    def run(self) -> None:
        buffer = b""
        while b"SIR\r\n" not in buffer:
            ready, _, _ = select.select([self.master], [], [], 1.0)
            if ready:
                buffer += os.read(self.master, 64)
        os.write(self.master, b"S S       0.00 g\r\n")  # first line after SIR is dropped
        time.sleep(0.05)
        self.started.set()
        period = 1.0 / self.rate
        next_at = time.perf_counter()
        for seq in range(1, self.count + 1):
            delay = next_at - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            frame = f"S S {seq / 100:>10.2f} g\r\n".encode()
            # Taken just before the one write() that puts the whole frame on the line, so the
            # latency is an upper bound (it includes the write call itself).
            self.sent_at[seq] = time.perf_counter()
            os.write(self.master, frame)
            next_at += period


def bench_stream(count: int, rate: float, label: str) -> bool:
    from PySide6.QtWidgets import QApplication, QLabel

    from desktop.acquisition import DeviceHub

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QLabel("weight")
    window.resize(300, 80)
    window.show()
    master, slave = os.openpty()
    tty.setraw(slave)
    path = os.ttyname(slave)
    hub = DeviceHub({"scale": {"port": path, "protocol": "mt-sics", "mode": "stream"}})
    writer = PacedWriter(master, count, rate)
    received_at: dict[int, float] = {}
    problems: list[str] = []
    expected = [1]

    def on_reading(reading) -> None:  # noqa: ANN001 - Reading
        now = time.perf_counter()
        if not writer.started.is_set():
            return
        if reading.value is None:
            problems.append(f"error reading: {reading.reason} {reading.raw!r}")
            return
        seq = int(reading.value * 100)
        if reading.value != Decimal(seq) / 100 or reading.unit != "g" or not reading.stable:
            problems.append(f"garbled: {reading.raw!r}")
            return
        if seq != expected[0]:
            problems.append(f"expected {expected[0]}, got {seq}")
        expected[0] = seq + 1
        received_at[seq] = now
        window.setText(f"{reading.value} {reading.unit}")
        if seq == count:
            app.quit()

    hub.reading.connect(on_reading)
    hub.status.connect(lambda name, status: print(f"   status {name}: {status}"))
    hub.start()
    writer.start()
    timeout_ms = int((count / rate + 10) * 1000)
    from PySide6.QtCore import QTimer

    guard = QTimer()  # an object, not singleShot: it must not fire into the next stage
    guard.setSingleShot(True)
    guard.timeout.connect(app.quit)
    guard.start(timeout_ms)
    app.exec()
    guard.stop()
    hub.stop()
    os.close(master)
    os.close(slave)
    received = len(received_at)
    latencies = sorted(
        (t - writer.sent_at[seq]) * 1000 for seq, t in received_at.items() if seq in writer.sent_at
    )
    p50 = statistics.median(latencies) if latencies else float("nan")
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else 0
    print(
        f"{label}: {received}/{count} readings at {rate:.0f}/s; latency last byte -> GUI "
        f"p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {max(latencies or [0]):.2f} ms; "
        f"missing {count - received}, garbled or out of order {len(problems)}"
    )
    if received != count:
        print(f"   last reading received: {expected[0] - 1}; written: {len(writer.sent_at)}")
    for problem in problems[:10]:
        print("   ", problem)
    return not problems and received == count and p99 < 20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--soak-minutes",
        type=float,
        default=10.0,
        help="length of the 48/s SIR soak (0 to skip; default 10)",
    )
    parser.add_argument("--latency-frames", type=int, default=2000)
    parser.add_argument("--parse-seconds", type=float, default=1.0)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs")
    bench_parsing(args.parse_seconds)
    ok = bench_stream(args.latency_frames, 100.0, "Latency (100 frames/s)")
    if args.soak_minutes > 0:
        frames = int(args.soak_minutes * 60 * 48)
        ok = bench_stream(frames, 48.0, f"Soak {args.soak_minutes:g} min SIR at 48/s") and ok
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
