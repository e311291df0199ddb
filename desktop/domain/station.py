"""What each station type does at a scan, the verdicts, and the weighing rules (pure, no SQL).

The process chain (desktop/domain/plant.py): a station type consumes some materials and makes
something.
- Lots are *loaded* at a station (the electrolyte lot at filling, the reels at stacking); every
  unit made or filled there consumes from the loaded lots.
- Stations that make a unit or an intermediate lot create it when its new id is scanned
  (cell serials are born at stacking).
- Formation and grading pass a unit through one route step.
- Module and pack assembly open a container (scan the new module id), then consume units into it.
- Filling weighs each cell before and after filling; mixing weighs each powder addition.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from desktop.domain.genealogy import ItemKind, convert_quantity
from desktop.domain.messages import QT_TRANSLATE_NOOP, Message


class Verdict(StrEnum):
    OK = "ok"
    NOK = "nok"


class Rejection(StrEnum):
    """Why a scan was refused; each has its own message and is stored with the scan."""

    NO_OPERATOR = "no_operator"
    UNKNOWN_ID = "unknown_id"
    WRONG_KIND = "wrong_kind"
    ON_HOLD = "on_hold"
    CONSUMED = "consumed"
    SCRAPPED = "scrapped"
    EMPTY = "empty"
    STEP_SKIPPED = "step_skipped"
    STEP_REPEATED = "step_repeated"
    DUPLICATE = "duplicate"
    NOT_LOADED = "not_loaded"
    NO_CONTAINER = "no_container"
    OUT_OF_TOLERANCE = "out_of_tolerance"
    NO_RECIPE = "no_recipe"
    UNSTABLE = "unstable"
    UNIT = "unit"  # a weight or quantity in a unit that does not convert to the one needed
    EXISTS = "exists"


class Action(StrEnum):
    """What a scan did when it was accepted."""

    LOADED = "loaded"
    CREATED = "created"
    OPENED = "opened"
    CONSUMED = "consumed"
    PASSED = "passed"
    CHECKED = "checked"
    FILLED = "filled"
    ADDED = "added"
    COMPLETED = "completed"


# Same code at the same station within this many seconds: the second scan records nothing.
DUPLICATE_WINDOW_S = 3.0


class Mode(StrEnum):
    MAKE = "make"  # a new id scanned makes an item, consuming from the loaded lots
    PASS = "pass"  # a unit passes through a route step
    ASSEMBLE = "assemble"  # a container is opened, then units are consumed into it
    MIX = "mix"  # a batch is opened, then weighed additions of powder lots go into it


@dataclass(frozen=True)
class StationProgram:
    """What a station type consumes and makes.

    `loads`: materials of lots loaded at the station and consumed by everything made there
    (None: any lot may be loaded, e.g. coating takes a slurry batch and a foil roll).
    `makes`: the kind of item born at the station. `passes`: the kind that passes through.
    `assembles`: (child kind, how many make a full container).
    """

    station_type: str
    mode: Mode
    makes: ItemKind | None = None
    passes: ItemKind | None = None
    loads: tuple[str, ...] | None = ()
    assembles: tuple[ItemKind, int] | None = None
    weighs: bool = False


PROGRAMS: dict[str, StationProgram] = {
    p.station_type: p
    for p in (
        StationProgram("mixing", Mode.MIX, makes=ItemKind.INTERMEDIATE, loads=None, weighs=True),
        StationProgram("coating", Mode.MAKE, makes=ItemKind.INTERMEDIATE, loads=None),
        StationProgram("calendering", Mode.MAKE, makes=ItemKind.INTERMEDIATE, loads=None),
        StationProgram("slitting", Mode.MAKE, makes=ItemKind.INTERMEDIATE, loads=None),
        StationProgram(
            "stacking",
            Mode.MAKE,
            makes=ItemKind.CELL,
            loads=("cathode reel", "anode reel", "separator"),
        ),
        StationProgram(
            "filling", Mode.PASS, passes=ItemKind.CELL, loads=("electrolyte",), weighs=True
        ),
        StationProgram("formation", Mode.PASS, passes=ItemKind.CELL),
        StationProgram("grading", Mode.PASS, passes=ItemKind.CELL),
        StationProgram(
            "module_assembly",
            Mode.ASSEMBLE,
            makes=ItemKind.MODULE,
            assembles=(ItemKind.CELL, 64),
        ),
        StationProgram(
            "pack_assembly", Mode.ASSEMBLE, makes=ItemKind.PACK, assembles=(ItemKind.MODULE, 4)
        ),
    )
}

# The default routes: the order of station types a unit passes (editable on the Admin page).
DEFAULT_ROUTES: dict[str, tuple[str, ...]] = {
    "cell": ("stacking", "filling", "formation", "grading", "module_assembly"),
    "module": ("module_assembly", "pack_assembly"),
    "pack": ("pack_assembly",),
}

# The material names the plant prints on its labels, per station type's output.
OUTPUT_MATERIAL = {
    "coating": "coated roll",
    "calendering": "calendered roll",
    "slitting": "reel",
}

# Recipe parameter names.
FILL = "electrolyte fill"

INSTRUCTIONS = {
    "scan_load": QT_TRANSLATE_NOOP("Messages", "Scan the lot to load"),
    "scan_cell": QT_TRANSLATE_NOOP("Messages", "Scan the cell"),
    "scan_new_cell": QT_TRANSLATE_NOOP("Messages", "Scan the new cell's serial number"),
    "scan_new_lot": QT_TRANSLATE_NOOP("Messages", "Scan the new lot's label"),
    "scan_container": QT_TRANSLATE_NOOP("Messages", "Scan the new {kind}'s label"),
    "scan_child": QT_TRANSLATE_NOOP("Messages", "Scan {kind} {number} of {total}"),
    "scan_batch": QT_TRANSLATE_NOOP("Messages", "Scan the slurry batch"),
    "scan_powder": QT_TRANSLATE_NOOP("Messages", "Scan the powder lot of the next addition"),
    "weigh_addition": QT_TRANSLATE_NOOP("Messages", "Weigh the addition of {material}"),
    "clear_pan": QT_TRANSLATE_NOOP(
        "Messages", "Take the previous cell off the balance, then put this cell on it"
    ),
    "weigh_before": QT_TRANSLATE_NOOP("Messages", "Put the cell on the balance"),
    "weigh_after": QT_TRANSLATE_NOOP("Messages", "Fill the cell, then put it back on the balance"),
}


def instruction(key: str, **params: object) -> Message:
    return Message(INSTRUCTIONS[key], params)


@dataclass(frozen=True)
class ToleranceCheck:
    """A measured value against a recipe's target and tolerance (both in `unit`)."""

    measured: Decimal
    target: Decimal
    tolerance: Decimal
    unit: str

    @property
    def ok(self) -> bool:
        return abs(self.measured - self.target) <= self.tolerance

    @property
    def deviation(self) -> Decimal:
        return self.measured - self.target

    def message(self, what: str) -> Message:
        if self.ok:
            return Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "{what} {measured} {unit}: within {target} +/- {tolerance} {unit}"
                ),
                {
                    "what": Message(what),
                    "measured": self.measured,
                    "target": self.target,
                    "tolerance": self.tolerance,
                    "unit": self.unit,
                },
            )
        return Message(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{what} out of tolerance: measured {measured} {unit}, target {target} +/- "
                "{tolerance} {unit}",
            ),
            {
                "what": Message(what),
                "measured": self.measured,
                "target": self.target,
                "tolerance": self.tolerance,
                "unit": self.unit,
            },
        )


FILL_WORD = QT_TRANSLATE_NOOP("Messages", "Fill")
ADDITION_WORD = QT_TRANSLATE_NOOP("Messages", "Addition")


def fill_check(
    before: Decimal, after: Decimal, target: Decimal, tolerance: Decimal, unit: str
) -> ToleranceCheck:
    """Electrolyte filling: fill = after - before, against the cell design's target."""
    return ToleranceCheck(after - before, target, tolerance, unit)


def route_position(route: tuple[str, ...], station_type: str) -> int | None:
    """1-based position of `station_type` in `route`, None when the route does not pass it."""
    try:
        return route.index(station_type) + 1
    except ValueError:
        return None


class FillSequence:
    """Before and after weights of one cell at filling, from the balance's readings.

    The operator puts the cell on the pan (the first stable load is "before"), takes it off to
    fill it (the pan drops below `min_load_g`), and puts it back (the next stable load is
    "after"). Only stable readings count, and only readings taken
    after the cell was scanned (`scanned_at`, the same monotonic clock as the readings' `at`).
    When the pan has not been back near zero since the previous cell (`pan_cleared` false: the
    filled cell 7 still lies on it when cell 8 is scanned), the sequence first waits for an empty
    pan, so cell 7's weight can never become cell 8's empty weight.
    """

    def __init__(
        self, scanned_at: float, pan_cleared: bool, min_load_g: Decimal = Decimal(5)
    ) -> None:
        self.scanned_at = scanned_at
        self.min_load_g = min_load_g
        self.stage = "before" if pan_cleared else "clear"
        self.before: Decimal | None = None
        self.after: Decimal | None = None
        self.unit = "g"

    @classmethod
    def again(
        cls, before: Decimal, unit: str, since: float, min_load_g: Decimal = Decimal(5)
    ) -> FillSequence:
        """A second "after" weighing of a cell whose empty weight is known (a re-weigh): the
        cell comes off the pan and goes back on."""
        sequence = cls(since, pan_cleared=True, min_load_g=min_load_g)
        sequence.before, sequence.unit, sequence.stage = before, unit, "emptied"
        return sequence

    def loaded(self, value: Decimal, unit: str) -> bool | None:
        """Whether `value` is a load on the pan (None when the unit is not a mass)."""
        grams = convert_quantity(value, unit, "g")
        return None if grams is None else grams >= self.min_load_g

    def feed(self, value: Decimal | None, unit: str, stable: bool, at: float) -> bool:
        """Take one reading taken at `at`; True once both weights are known."""
        if value is None or self.stage == "done" or at < self.scanned_at:
            return self.stage == "done"
        loaded = self.loaded(value, unit)
        if loaded is None:
            return False
        if self.stage == "clear" and not loaded:
            self.stage = "before"
        elif self.stage == "before" and stable and loaded:
            self.before, self.unit, self.stage = value, unit, "emptied"
        elif self.stage == "emptied" and not loaded:
            self.stage = "after"
        elif self.stage == "after" and stable and loaded:
            converted = convert_quantity(value, unit, self.unit)
            if converted is None:
                return False  # a unit that does not convert never completes a fill
            self.after = converted
            self.stage = "done"
        return self.stage == "done"
