"""People figures: importing an HR file, re-importing it, headcount of a day, the overview.

Run by hand: `python bench/bench_people.py [EMPLOYEES]` (default 5,000) prints one line per step.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from desktop.domain.people import CONTRACTS, DEPARTMENTS
from desktop.services.actor import Actor
from desktop.services.headcount import headcount_at, headcount_overview
from desktop.services.people_demo import seed_people
from desktop.services.people_import import import_employees
from desktop.startup import open_database


def hr_file(count: int) -> bytes:
    rng = random.Random(1)
    lines = ["badge;name;department;job;contract;hire_date;end_date;crew"]
    for n in range(count):
        hire = date(2024, 1, 1) + timedelta(rng.randrange(1000))
        end = (hire + timedelta(rng.randrange(30, 400))).isoformat() if rng.random() < 0.2 else ""
        lines.append(
            f"B{n:06d};Zoé D'Almeida {n};{rng.choice(list(DEPARTMENTS))};Opérateur;"
            f"{rng.choice(list(CONTRACTS))};{hire.isoformat()};{end};{rng.choice('ABCDE')}"
        )
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def timed(label: str, work):  # noqa: ANN001, ANN201
    started = time.perf_counter()
    result = work()
    print(f"{label:<48} {time.perf_counter() - started:8.3f} s")
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    actor = Actor.system()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        data = hr_file(count)

        def run_import(effective: date | None = None):  # noqa: ANN202
            with database.unit_of_work() as session:
                return import_employees(session, actor, data, "hr.csv", effective)

        timed(f"import {count} employees into an empty database", run_import)
        timed(f"import the same {count} again (no change)", run_import)
        data = data.replace(b";CDD;", b";CDI;")
        report = timed(
            "re-import with contract changes (effective-dated)",
            lambda: run_import(date(2026, 1, 1)),
        )
        print(f"  {report.changed} employees changed")

        def headcount():  # noqa: ANN202
            with database.reading() as session:
                return headcount_at(session, actor, date(2025, 9, 1))

        snapshot = timed("headcount with breakdowns on a past day", headcount)
        print(f"  {snapshot.headcount} people on {snapshot.date}")

        def overview():  # noqa: ANN202
            with database.reading() as session:
                return headcount_overview(session, actor)

        timed("overview (history since opening, rates, forecast)", overview)
        database.dispose()
        demo = open_database(f"sqlite:///{Path(folder) / 'demo.sqlite'}")
        timed(
            "demo people step (650 today, certifications, plan)", lambda: seed_people(demo, actor)
        )
        demo.dispose()


if __name__ == "__main__":
    main()
