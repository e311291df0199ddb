"""`linedesk simulate line`: production events for every station of the demo lines."""

from __future__ import annotations

import argparse

from desktop.commands import opened


def register_simulate(simulate_commands: argparse._SubParsersAction) -> None:
    line = simulate_commands.add_parser(
        "line",
        help="simulated production on the lines (cycle times, stops, NG)",
        description="Writes production events for every station of the line (all lines by "
        "default): in real time, X times faster, or with --speed max as fast as possible for "
        "the last --minutes minutes up to now (default 60). Each station continues from its "
        "last unit, so a station that already produced in that window only fills the rest. "
        "Prints the window; one audit row per run.",
    )
    line.add_argument("--line", action="append", metavar="LINE", help="this line (repeatable)")
    line.add_argument(
        "--speed", default="1", metavar="X|max", help="1 = real time, X times faster, or max"
    )
    line.add_argument(
        "--minutes", type=float, metavar="N", help="simulated minutes (default: until Ctrl-C)"
    )
    line.set_defaults(handler=_run)


def _speed(text: str) -> float | None:
    from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError

    if text.strip().lower() == "max":
        return None
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value <= 100_000:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Messages", "--speed must be a number above 0 (times real time) or max, not {text}"
            ),
            text=text,
        )
    return value


def _run(args: argparse.Namespace) -> int:
    import threading

    from desktop.domain.messages import QT_TRANSLATE_NOOP, InputError
    from desktop.domain.plant_time import to_plant
    from desktop.services import line_simulator
    from desktop.services.actor import Actor
    from desktop.services.shifts import plant_zone

    speed = _speed(args.speed)
    if args.minutes is not None and not 0 < args.minutes <= 60 * 24 * 31:
        raise InputError(
            QT_TRANSLATE_NOOP("Messages", "--minutes must be between 0 and 44640, not {minutes}"),
            minutes=args.minutes,
        )
    minutes = args.minutes if args.minutes is not None or speed is not None else 60.0
    lines = [code.strip().upper() for code in args.line] if args.line else None
    stop = threading.Event()
    with opened(args.context.open_database()) as database:
        try:
            result = line_simulator.run(
                database, Actor.system(), lines=lines, speed=speed, minutes=minutes, stop=stop
            )
        except KeyboardInterrupt:
            stop.set()
            return 130
        with database.reading() as session:
            tz = plant_zone(session)
    start = to_plant(result.start, tz).isoformat(timespec="seconds")
    end = to_plant(result.end, tz).isoformat(timespec="seconds")
    print(
        f"{result.events} units and {result.stops} detected stops on {len(result.stations)} "
        f"stations, from {start} to {end}"
    )
    if result.already:
        print(
            f"{result.already} stations had already produced in this window: "
            "each continued from its last unit"
        )
    print(f"report: linedesk report throughput --from {start} --to {end}")
    return 0
