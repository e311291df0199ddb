"""The layer rules that import-linter's contracts (pyproject.toml) cannot express: the QtCore
bridges use QtCore only, the report writer QtCore and QtGui, no module of desktop/ imports
QtWidgets (widgets live in ui/, whose composition root is ui/main.py), and no module of desktop/,
ui/ or hardware/ takes part in an import cycle (ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED_QT = {
    "desktop/acquisition.py": {"PySide6.QtCore"},
    "desktop/tasks.py": {"PySide6.QtCore"},
    "desktop/context.py": {"PySide6.QtCore"},
    "desktop/workstation.py": {"PySide6.QtCore"},
    "desktop/reports_pdf.py": {"PySide6.QtCore", "PySide6.QtGui"},
}


def qt_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "PySide6" and len(parts) > 1 and parts[1].startswith("Qt"):
                found.add(".".join(parts[:2]))
            elif parts[0] == "pyqtgraph":
                found.add("pyqtgraph")
    return found


@pytest.mark.parametrize("relative", sorted(ALLOWED_QT))
def test_bridges_use_only_their_qt_modules(relative: str) -> None:
    path = ROOT / relative
    if not path.exists():
        pytest.skip(f"{relative} is not part of the tree")
    extra = qt_imports(path) - ALLOWED_QT[relative]
    assert not extra, f"{relative} imports {sorted(extra)}"


def test_the_checker_sees_a_widget_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtWidgets import QLabel\nimport PySide6.QtCore\n")
    assert qt_imports(sample) == {"PySide6.QtWidgets", "PySide6.QtCore"}


def test_no_desktop_module_imports_widgets() -> None:
    """Widgets belong to ui/: the Qt-free core and the QtCore bridges alike stay without them,
    lazy imports inside functions included."""
    offenders = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "desktop").rglob("*.py")
        if {"PySide6.QtWidgets", "pyqtgraph"} & qt_imports(path)
    )
    assert not offenders, f"import widgets: {offenders}"


# Cycles known and being broken, each one cycle's modules with a comment naming it; none now.
KNOWN_CYCLES: list[frozenset[str]] = []


def import_cycles(graph: grimp.ImportGraph) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[frozenset[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(frozenset(group))
    return groups


def test_no_import_cycles() -> None:
    """Every import grimp sees counts: at module level, lazy inside a function, and under
    `if TYPE_CHECKING:` alike. A lazy import keeps a start-up fast, it does not make two modules
    independent; a name imported only for a type annotation is still a dependency of the design.
    Imports of a package's own submodules through the package (`desktop -> desktop.paths`) are
    ordinary edges too, so a package `__init__` that imports its children counts."""
    graph = grimp.build_graph("desktop", "ui", "hardware", cache_dir=None)
    cycles = [c for c in import_cycles(graph) if c not in KNOWN_CYCLES]
    assert not cycles, "import cycles: " + "; ".join(
        " <-> ".join(sorted(cycle)) for cycle in cycles
    )


def test_the_cycle_finder_sees_a_lazy_circle() -> None:
    graph = grimp.ImportGraph()
    for name in ("a", "a.one", "a.two", "a.three"):
        graph.add_module(name)
    graph.add_import(importer="a.one", imported="a.two")
    graph.add_import(importer="a.two", imported="a.one")  # say, inside a function
    graph.add_import(importer="a.three", imported="a.one")
    assert import_cycles(graph) == [frozenset({"a.one", "a.two"})]
