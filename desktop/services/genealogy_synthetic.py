"""A synthetic plant in the import formats of `linedesk import genealogy`, for the benchmark,
the tests and the demo.

The process chain (desktop/domain/plant.py) at the plant's proportions: a pack is 4 modules of 64
cells plus a BMS and a housing; each cell is stacked from a cathode reel, an anode reel, separator
and pouch film and filled from an electrolyte lot (5 parents, then consumed into its module: about 6
links per cell, so a plant year of 200,000 packs is 51 M cells and about 300 M links). Reels are
slit from calendered rolls, calendered from coated rolls, coated from a slurry batch on a foil roll,
and slurry batches are mixed from powder, binder, carbon black and solvent lots. Every lot is
consumed by quantity within what it holds, so the files import without error.

Times are plant time without offset (as an ERP exports them), one cell every 0.6 s from the
plant's production start; they are generated as UTC instants and written in plant time, so none
falls in the spring-forward gap.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

CELLS_PER_MODULE = 64
MODULES_PER_PACK = 4
CELLS_PER_PACK = CELLS_PER_MODULE * MODULES_PER_PACK
START = datetime(2025, 6, 3, 4, 0, tzinfo=UTC)  # 06:00 plant time, the production start
CELL_SECONDS = 0.6

Row = tuple[str, str, str, str, str, str]


@dataclass(frozen=True)
class LotSpec:
    """One kind of lot: its material, unit, how much a lot holds and how much each consumer
    takes, so that `per_lot` consumers share one lot."""

    prefix: str
    kind: str
    material: str
    unit: str
    holds: int | str
    takes: str
    per_lot: int


# Lots consumed by cells (per cell), by packs (per pack), by reels, rolls and slurry batches.
CELL_LOTS = (
    LotSpec("CR", "intermediate", "cathode reel", "m", 500, "0.5", 1000),
    LotSpec("AR", "intermediate", "anode reel", "m", 500, "0.5", 1000),
    LotSpec("SP", "raw", "separator", "m", 2000, "1", 2000),
    LotSpec("EL", "raw", "electrolyte", "kg", 200, "0.18", 1000),
    LotSpec("PF", "raw", "pouch film", "m", 600, "0.3", 2000),
)
PACK_LOTS = (
    LotSpec("BM", "raw", "BMS", "pcs", 500, "1", 500),
    LotSpec("HS", "raw", "pack housing", "pcs", 500, "1", 500),
)


@dataclass
class SyntheticPlant:
    """`packs` packs and everything they are made of, as LOTS.csv and LINKS.csv rows."""

    packs: int
    time_zone: str = "Europe/Paris"
    prefix: str = "25"
    start: datetime = START
    _local: dict[int, str] = field(default_factory=dict, repr=False)

    @property
    def cells(self) -> int:
        return self.packs * CELLS_PER_PACK

    @property
    def modules(self) -> int:
        return self.packs * MODULES_PER_PACK

    # -- ids -----------------------------------------------------------------------------------
    def cell_id(self, index: int) -> str:
        return f"CELL-{self.prefix}{index:09d}"

    def module_id(self, index: int) -> str:
        return f"MOD-{self.prefix}{index:07d}"

    def pack_id(self, index: int) -> str:
        return f"PACK-{self.prefix}{index:06d}"

    def lot_id(self, prefix: str, index: int) -> str:
        return f"LOT-{prefix}{self.prefix}-{index:06d}"

    # -- time ----------------------------------------------------------------------------------
    def at(self, seconds: float) -> str:
        """Plant time, ISO 8601 without offset, `seconds` after the production start."""
        whole = int(seconds)
        hour, rest = divmod(whole, 3600)
        local_hour = self._local.get(hour)
        if local_hour is None:
            moment = (self.start + timedelta(hours=hour)).astimezone(ZoneInfo(self.time_zone))
            local_hour = moment.strftime("%Y-%m-%dT%H")
            self._local[hour] = local_hour
        minute, second = divmod(rest, 60)
        return f"{local_hour}:{minute:02d}:{second:02d}"

    # -- the chain upstream of the cells -------------------------------------------------------
    def _count(self, spec: LotSpec, consumers: int) -> int:
        return -(-consumers // spec.per_lot)

    def electrode_chain(self) -> Iterator[tuple[str, Row | None]]:
        """Lots and links of the reels' ancestry: ("lot", row) and ("link", row)."""
        for side, powder in (("C", "NMC811 powder"), ("A", "graphite powder")):
            reels = self._count(CELL_LOTS[0], self.cells)
            calendered = -(-reels // 4)
            coated = calendered
            batches = -(-coated // 2)
            foils = -(-coated // 2)
            powders = -(-batches // 4)
            binders = -(-batches // 10)
            carbons = -(-batches // 10)
            solvents = -(-batches // 3)
            t0 = -86400.0  # upstream material is made the day before
            foil_name = "Al foil" if side == "C" else "Cu foil"
            electrode = "cathode" if side == "C" else "anode"
            for i in range(powders):
                yield "lot", (self.lot_id(f"P{side}", i), "raw", powder, "2000", "kg", self.at(t0))
            for i in range(binders):
                yield "lot", (self.lot_id(f"B{side}", i), "raw", "PVDF binder", "200", "kg",
                              self.at(t0))  # fmt: skip
            for i in range(carbons):
                yield "lot", (self.lot_id(f"K{side}", i), "raw", "carbon black", "200", "kg",
                              self.at(t0))  # fmt: skip
            for i in range(solvents):
                yield "lot", (self.lot_id(f"N{side}", i), "raw", "NMP solvent", "1000", "kg",
                              self.at(t0))  # fmt: skip
            for i in range(foils):
                yield "lot", (self.lot_id(f"F{side}", i), "raw", foil_name, "4000", "m",
                              self.at(t0))  # fmt: skip
            for b in range(batches):
                batch = self.lot_id(f"S{side}", b)
                at = self.at(t0 + 600 + b)
                yield "lot", (batch, "intermediate", f"{electrode} slurry", "800", "kg", at)
                yield "link", (self.lot_id(f"P{side}", b // 4), batch, "500", "kg", at, "MIX-1")
                yield "link", (self.lot_id(f"B{side}", b // 10), batch, "20", "kg", at, "MIX-1")
                yield "link", (self.lot_id(f"K{side}", b // 10), batch, "20", "kg", at, "MIX-1")
                yield "link", (self.lot_id(f"N{side}", b // 3), batch, "260", "kg", at, "MIX-1")
            for r in range(coated):
                roll = self.lot_id(f"R{side}", r)
                at = self.at(t0 + 3600 + r)
                yield "lot", (roll, "intermediate", f"{electrode} coated roll", "2000", "m", at)
                yield "link", (self.lot_id(f"S{side}", r // 2), roll, "400", "kg", at, "COAT-1")
                yield "link", (self.lot_id(f"F{side}", r // 2), roll, "2000", "m", at, "COAT-1")
            for r in range(calendered):
                roll = self.lot_id(f"L{side}", r)
                at = self.at(t0 + 7200 + r)
                yield "lot", (roll, "intermediate", f"{electrode} calendered roll", "2000", "m",
                              at)  # fmt: skip
                yield "link", (self.lot_id(f"R{side}", r), roll, "2000", "m", at, "CAL-1")
            for r in range(reels):
                reel = self.lot_id(f"{side}R", r)
                at = self.at(t0 + 10800 + r)
                yield "lot", (reel, "intermediate", f"{electrode} reel", "500", "m", at)
                yield "link", (self.lot_id(f"L{side}", r // 4), reel, "500", "m", at, "SLIT-1")

    def raw_lots(self) -> Iterator[Row]:
        for spec in CELL_LOTS[2:]:
            for i in range(self._count(spec, self.cells)):
                yield (self.lot_id(spec.prefix, i), spec.kind, spec.material, str(spec.holds),
                       spec.unit, self.at(-86400))  # fmt: skip
        for spec in PACK_LOTS:
            for i in range(self._count(spec, self.packs)):
                yield (self.lot_id(spec.prefix, i), spec.kind, spec.material, str(spec.holds),
                       spec.unit, self.at(-86400))  # fmt: skip

    # -- rows ----------------------------------------------------------------------------------
    def lots(self) -> Iterator[Row]:
        """Every item: lots first, then cells, modules and packs."""
        for what, row in self.electrode_chain():
            if what == "lot" and row is not None:
                yield row
        yield from self.raw_lots()
        for c in range(self.cells):
            yield (self.cell_id(c), "cell", "P56 cell", "1", "pcs", self.at(c * CELL_SECONDS))
        for m in range(self.modules):
            done = (m + 1) * CELLS_PER_MODULE * CELL_SECONDS + 60
            yield (self.module_id(m), "module", "M64 module", "1", "pcs", self.at(done))
        for p in range(self.packs):
            done = (p + 1) * CELLS_PER_PACK * CELL_SECONDS + 600
            yield (self.pack_id(p), "pack", "P52 pack", "1", "pcs", self.at(done))

    def links(self) -> Iterator[Row]:
        """Every genealogy link, upstream first, then cell by cell, module, pack."""
        for what, row in self.electrode_chain():
            if what == "link" and row is not None:
                yield row
        stations = ("STACK-1", "STACK-1", "STACK-1", "FILL-1", "STACK-1")
        names = [[self.lot_id(s.prefix, i) for i in range(self._count(s, self.cells))]
                 for s in CELL_LOTS]  # fmt: skip
        for c in range(self.cells):
            cell = self.cell_id(c)
            at = self.at(c * CELL_SECONDS)
            for spec, ids, station in zip(CELL_LOTS, names, stations, strict=True):
                yield (ids[c // spec.per_lot], cell, spec.takes, spec.unit, at, station)
        for m in range(self.modules):
            module = self.module_id(m)
            at = self.at((m + 1) * CELLS_PER_MODULE * CELL_SECONDS + 60)
            first = m * CELLS_PER_MODULE
            for c in range(first, first + CELLS_PER_MODULE):
                yield (self.cell_id(c), module, "1", "pcs", at, "MODA-1")
        for p in range(self.packs):
            pack = self.pack_id(p)
            at = self.at((p + 1) * CELLS_PER_PACK * CELL_SECONDS + 600)
            first = p * MODULES_PER_PACK
            for m in range(first, first + MODULES_PER_PACK):
                yield (self.module_id(m), pack, "1", "pcs", at, "PACKA-1")
            for spec in PACK_LOTS:
                yield (self.lot_id(spec.prefix, p // spec.per_lot), pack, spec.takes, spec.unit,
                       at, "PACKA-1")  # fmt: skip

    def write(self, lots_path: Path, links_path: Path, separator: str = ",") -> tuple[int, int]:
        """Write both files; returns (lots, links) row counts."""
        counts = []
        for path, header, rows in (
            (lots_path, "id,kind,material,quantity,unit,created_at", self.lots()),
            (links_path, "parent_id,child_id,quantity,unit,linked_at,station", self.links()),
        ):
            n = 0
            with path.open("w", encoding="utf-8", newline="") as out:
                out.write(header.replace(",", separator) + "\n")
                buffer: list[str] = []
                for row in rows:
                    buffer.append(separator.join(row))
                    n += 1
                    if len(buffer) == 50_000:
                        out.write("\n".join(buffer) + "\n")
                        buffer.clear()
                if buffer:
                    out.write("\n".join(buffer) + "\n")
            counts.append(n)
        return counts[0], counts[1]
