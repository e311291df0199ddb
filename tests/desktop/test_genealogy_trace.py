"""Traces of an imported synthetic plant, checked against an oracle walked in Python over the
very rows written to the files: every reachable item exactly once, no other, every link."""

from __future__ import annotations

import json
from collections import defaultdict, deque
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.messages import NotFoundError, PermissionDenied
from desktop.domain.roles import Role
from desktop.services.actor import Actor
from desktop.services.genealogy import recall, trace
from desktop.services.genealogy_import import import_genealogy
from desktop.services.genealogy_synthetic import SyntheticPlant
from desktop.services.genealogy_trace import Direction
from tests.cli_kit import linedesk

PACKS = 2


class Oracle:
    """The plant's graph from the generated rows."""

    def __init__(self, plant: SyntheticPlant) -> None:
        self.items = {row[0]: row for row in plant.lots()}
        self.parents: dict[str, list[tuple[str, Decimal, str]]] = defaultdict(list)
        self.children: dict[str, list[tuple[str, Decimal, str]]] = defaultdict(list)
        for parent, child, quantity, unit, _at, _station in plant.links():
            self.parents[child].append((parent, Decimal(quantity), unit))
            self.children[parent].append((child, Decimal(quantity), unit))

    def walk(self, root: str, direction: str) -> tuple[dict[str, int], set[tuple]]:
        onward = self.parents if direction == "backward" else self.children
        depth = {root: 0}
        links: set[tuple] = set()
        queue = deque([root])
        while queue:
            current = queue.popleft()
            for other, quantity, unit in onward.get(current, ()):
                pair = (other, current) if direction == "backward" else (current, other)
                links.add((*pair, quantity, unit))
                if other not in depth:
                    depth[other] = depth[current] + 1
                    queue.append(other)
        return depth, links


@pytest.fixture(scope="module")
def plant_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, SyntheticPlant]:
    folder = tmp_path_factory.mktemp("plant")
    plant = SyntheticPlant(PACKS)
    plant.write(folder / "lots.csv", folder / "links.csv")
    return folder / "lots.csv", folder / "links.csv", plant


@pytest.fixture(scope="module")
def oracle(plant_files) -> Oracle:
    return Oracle(plant_files[2])


@pytest.fixture
def plant_db(database, plant_files):
    lots, links, _plant = plant_files
    import_genealogy(database, Actor.system(), lots, links)
    return database


def _check(database, oracle: Oracle, root: str, direction: str) -> None:
    with database.reading() as session:
        result = trace(session, Actor.system(), root, direction)
    depth, links = oracle.walk(root, direction)
    ids = [n.id for n in result.nodes]
    assert len(ids) == len(set(ids)), "an item appears twice"
    assert {n.id: n.depth for n in result.nodes} == depth
    got = {(link.parent, link.child, link.quantity, link.unit) for link in result.links}
    assert len(got) == len(result.links)
    assert got == links
    for node in result.nodes:
        row = oracle.items[node.id]
        assert (node.kind, node.material) == (row[1], row[2])


def test_backward_from_every_pack_and_some_cells_is_exact(plant_db, oracle, plant_files) -> None:
    plant = plant_files[2]
    for p in range(plant.packs):
        _check(plant_db, oracle, plant.pack_id(p), "backward")
    for c in (0, 255, 256, plant.cells - 1):
        _check(plant_db, oracle, plant.cell_id(c), "backward")


def test_a_pack_traces_back_to_its_256_cells_and_their_lots(plant_db, oracle) -> None:
    with plant_db.reading() as session:
        result = trace(session, Actor.system(), "PACK-25000000", Direction.BACKWARD)
    kinds = defaultdict(int)
    for node in result.nodes:
        kinds[node.kind] += 1
    assert kinds["pack"] == 1 and kinds["module"] == 4 and kinds["cell"] == 256
    assert {"NMC811 powder", "graphite powder", "electrolyte", "BMS"} <= {
        n.material for n in result.nodes
    }


def test_forward_from_raw_lots_is_exact(plant_db, oracle, plant_files) -> None:
    plant = plant_files[2]
    roots = [row[0] for row in plant.lots() if row[1] == "raw"]
    assert len(roots) >= 10
    for root in roots:
        _check(plant_db, oracle, root, "forward")


def test_forward_from_the_nmc_powder_reaches_every_pack(plant_db, plant_files) -> None:
    plant = plant_files[2]
    with plant_db.reading() as session:
        rows = recall(session, Actor.system(), "LOT-PC25-000000")
    packs = [r.id for r in rows if r.kind == "pack"]
    assert packs == [plant.pack_id(p) for p in range(plant.packs)]
    cells = [r for r in rows if r.kind == "cell"]
    assert len(cells) == plant.cells
    assert {r.status for r in cells} == {"consumed"}
    assert {r.last_station for r in cells} == {"MODA-1"}


def test_unknown_id_and_permissions(plant_db) -> None:
    with plant_db.reading() as session:
        with pytest.raises(NotFoundError, match="Unknown lot or serial number: NOPE"):
            trace(session, Actor.system(), "NOPE", "backward")
        with pytest.raises(PermissionDenied):
            trace(session, Actor("op", Role.OPERATOR), "PACK-25000000", "backward")


def test_trace_command_json_and_unknown_id(tmp_path: Path, plant_files, oracle) -> None:
    lots, links, _plant = plant_files
    url = f"sqlite:///{tmp_path / 'plant.sqlite'}"
    done = linedesk("--database", url, "import", "genealogy", "--lots", str(lots), "--links",
                    str(links))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "links: 3100 added" in done.stdout
    done = linedesk("--database", url, "trace", "backward", "CELL-25000000007", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["root"] == "CELL-25000000007" and data["direction"] == "backward"
    depth, links_expected = oracle.walk("CELL-25000000007", "backward")
    assert {n["id"]: n["depth"] for n in data["nodes"]} == depth
    assert set(data["nodes"][0]) == {"id", "kind", "material", "status", "depth"}
    assert {
        (link["parent"], link["child"], Decimal(link["quantity"]), link["unit"])
        for link in data["links"]
    } == links_expected
    done = linedesk("--database", url, "trace", "forward", "LOT-EL25-000000", "--format", "csv")
    assert done.returncode == 0 and done.stdout.startswith("depth,id,kind,material,status,via")
    done = linedesk("--database", url, "trace", "forward", "LOT-NOPE")
    assert done.returncode == 2
    assert done.stderr.strip() == "linedesk: Unknown lot or serial number: LOT-NOPE"
    assert done.stdout == ""
