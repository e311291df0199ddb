"""The Qt part of the layer rules that import-linter cannot express: the QtCore bridges use
QtCore only, report writers QtCore and QtGui, none of them widgets (DESIGN.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED_QT = {
    "desktop/acquisition.py": {"PySide6.QtCore"},
    "desktop/tasks.py": {"PySide6.QtCore"},
    "desktop/context.py": {"PySide6.QtCore"},
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
