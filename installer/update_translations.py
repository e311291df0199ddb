"""Keep the French catalogue `resources/translations/linedesk_fr.ts` in step with the code.

    python installer/update_translations.py              # extract new strings, drop vanished ones
    python installer/update_translations.py --check      # exit 1 when the catalogue lags the code
    python installer/update_translations.py --export unfinished.tsv   # what is left to translate
    python installer/update_translations.py --import done.tsv         # fill translations in

Extraction is `pyside6-lupdate` over desktop/, ui/ and hardware/ (it reads `self.tr(...)`,
`QCoreApplication.translate(...)` and the core's `QT_TRANSLATE_NOOP("Messages", ...)` in .py
files), followed by a walk of the Python syntax trees that adds anything lupdate missed, so a
message never goes untranslated because of an extractor quirk. The TSV files have three columns,
context, source and translation, with `\\n` and `\\t` escaped; Linguist (`pyside6-linguist`) edits
the .ts as well.

The same functions serve tests/test_translations.py: `code_messages()` lists every literal
translatable string in the code and `read_catalogue()` what the .ts says about each.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("desktop", "ui", "hardware")
CATALOGUE = ROOT / "resources" / "translations" / "linedesk_fr.ts"
LANGUAGE = "fr_FR"

Key = tuple[str, str, str]  # (context, source, disambiguation comment)


@dataclass
class Entry:
    """One message of the catalogue."""

    context: str
    source: str
    comment: str = ""
    translation: str = ""
    unfinished: bool = True
    extracomment: str = ""
    translatorcomment: str = ""

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment)


@dataclass(frozen=True)
class Found:
    """A translatable string in the code, or a call whose text cannot be read (`source` None)."""

    context: str
    source: str | None
    comment: str
    where: str


# -- reading the code ------------------------------------------------------------------------


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _translate_helpers(tree: ast.Module) -> dict[str, str]:
    """Module functions `def _tr(text): return QCoreApplication.translate("Ctx", text)`:
    name -> context. lupdate does not follow them; the walk does."""
    helpers = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        param = node.args.args[0].arg
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and _call_name(inner) == "translate"
                and len(inner.args) >= 2
                and _literal(inner.args[0]) is not None
                and isinstance(inner.args[1], ast.Name)
                and inner.args[1].id == param
            ):
                helpers[node.name] = _literal(inner.args[0]) or ""
    return helpers


class _Walker(ast.NodeVisitor):
    def __init__(self, where: str, helpers: dict[str, str] | None = None) -> None:
        self.where = where
        self.helpers = helpers or {}
        self.classes: list[str] = []
        self.found: list[Found] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 - ast API
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802 - ast API
        name = _call_name(node)
        where = f"{self.where}:{node.lineno}"
        args = node.args
        if isinstance(node.func, ast.Name) and name in self.helpers and args:
            self.found.append(Found(self.helpers[name], _literal(args[0]), "", where))
        elif name == "tr" and isinstance(node.func, ast.Attribute) and self.classes and args:
            comment = _literal(args[1]) if len(args) > 1 else ""
            self.found.append(Found(self.classes[-1], _literal(args[0]), comment or "", where))
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
            context = _literal(args[0])
            if name == "translate" and context is None:
                pass  # QLocale.translate or the like: not a catalogue call
            elif context is not None:
                comment = _literal(args[2]) if len(args) > 2 else ""
                self.found.append(Found(context, _literal(args[1]), comment or "", where))
        self.generic_visit(node)


def python_files(root: Path = ROOT, dirs: Iterable[str] = SOURCE_DIRS) -> Iterator[Path]:
    for name in dirs:
        yield from sorted((root / name).rglob("*.py"))


def scan_code(root: Path = ROOT, dirs: Iterable[str] = SOURCE_DIRS) -> list[Found]:
    """Every tr/translate/QT_TRANSLATE_NOOP call in the code, in file order."""
    found: list[Found] = []
    for path in python_files(root, dirs):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        walker = _Walker(path.relative_to(root).as_posix(), _translate_helpers(tree))
        walker.visit(tree)
        found.extend(walker.found)
    return found


def code_messages(root: Path = ROOT) -> dict[Key, str]:
    """Each literal translatable string in the code -> where it first appears."""
    messages: dict[Key, str] = {}
    for item in scan_code(root):
        if item.source is not None:
            messages.setdefault((item.context, item.source, item.comment), item.where)
    return messages


# -- the catalogue file ----------------------------------------------------------------------


def read_catalogue(path: Path = CATALOGUE) -> list[Entry]:
    """The messages of a .ts file, in file order (vanished and obsolete ones left out)."""
    if not path.exists():
        return []
    entries = []
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            entries.append(
                Entry(
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    (translation.text or "") if translation is not None else "",
                    kind == "unfinished",
                    message.findtext("extracomment") or "",
                    message.findtext("translatorcomment") or "",
                )
            )
    return entries


def _escape(text: str) -> str:
    """Escape as lupdate does, so a file written here and one written by lupdate agree."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def write_catalogue(entries: Iterable[Entry], path: Path = CATALOGUE) -> None:
    """Write the .ts in lupdate's own layout (contexts sorted, messages in the given order)."""
    by_context: dict[str, list[Entry]] = {}
    for entry in entries:
        by_context.setdefault(entry.context, []).append(entry)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{LANGUAGE}">',
    ]
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{_escape(context)}</name>"]
        for entry in by_context[context]:
            lines.append("    <message>")
            lines.append(f"        <source>{_escape(entry.source)}</source>")
            if entry.comment:
                lines.append(f"        <comment>{_escape(entry.comment)}</comment>")
            if entry.extracomment:
                lines.append(f"        <extracomment>{_escape(entry.extracomment)}</extracomment>")
            if entry.translatorcomment:
                lines.append(
                    f"        <translatorcomment>{_escape(entry.translatorcomment)}"
                    "</translatorcomment>"
                )
            kind = ' type="unfinished"' if entry.unfinished else ""
            lines.append(f"        <translation{kind}>{_escape(entry.translation)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    partial = path.with_name(path.name + ".partial")
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    partial.replace(path)


# -- updating --------------------------------------------------------------------------------


def find_tool(name: str) -> str:
    """Qt's `lupdate`/`lrelease` from the PySide6 package, `pyside6-<name>` beside this Python,
    or either on the PATH."""
    exe = ".exe" if sys.platform == "win32" else ""
    candidates = []
    try:
        import PySide6

        candidates.append(Path(PySide6.__file__).resolve().parent / f"{name}{exe}")
    except ImportError:
        pass
    candidates.append(Path(sys.executable).parent / f"pyside6-{name}{exe}")
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 in this Python")
    return found


def run_lupdate(target: Path, root: Path = ROOT) -> None:
    """Merge the code's strings into `target` (created if missing), dropping vanished ones."""
    command = [
        find_tool("lupdate"),
        "-extensions",
        "py",
        "-locations",
        "none",
        "-no-obsolete",
        "-silent",
        *(str(root / d) for d in SOURCE_DIRS),
        "-ts",
        str(target),
    ]
    subprocess.run(command, check=True, cwd=root)


def updated_entries(current: Path = CATALOGUE, root: Path = ROOT) -> list[Entry]:
    """What the catalogue should hold: lupdate's merge plus what only the AST walk found."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / current.name
        if current.exists():
            shutil.copyfile(current, work)
        run_lupdate(work, root)
        entries = read_catalogue(work)
    known = {e.key for e in entries}
    old = {e.key: e for e in read_catalogue(current)}
    for key in code_messages(root):
        if key not in known:  # lupdate missed it: keep it all the same
            previous = old.get(key)
            entries.append(previous or Entry(*key))
            known.add(key)
    return entries


def update(path: Path = CATALOGUE) -> tuple[int, int]:
    """Bring the catalogue in step with the code; (messages, unfinished)."""
    entries = updated_entries(path)
    write_catalogue(entries, path)
    return len(entries), sum(e.unfinished for e in entries)


def _tsv_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _tsv_unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"t": "\t", "n": "\n", "\\": "\\"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def export_unfinished(target: Path, path: Path = CATALOGUE) -> int:
    rows = [e for e in read_catalogue(path) if e.unfinished]
    with target.open("w", encoding="utf-8") as handle:
        for e in rows:
            context = e.context if not e.comment else f"{e.context}|{e.comment}"
            handle.write(f"{context}\t{_tsv_escape(e.source)}\t{_tsv_escape(e.translation)}\n")
    return len(rows)


def import_translations(source: Path, path: Path = CATALOGUE) -> tuple[int, list[str]]:
    """Fill translations from a TSV (context, source, translation); (filled, unknown lines)."""
    entries = read_catalogue(path)
    index = {e.key: e for e in entries}
    filled, unknown = 0, []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2]:
            unknown.append(f"{source.name}:{number}: needs 3 columns and a translation")
            continue
        context, _, comment = parts[0].partition("|")
        entry = index.get((context, _tsv_unescape(parts[1]), comment))
        if entry is None:
            unknown.append(f"{source.name}:{number}: not in the catalogue: {parts[1][:60]!r}")
            continue
        entry.translation, entry.unfinished = _tsv_unescape(parts[2]), False
        filled += 1
    write_catalogue(entries, path)
    return filled, unknown


def compile_catalogue(source: Path, target: Path) -> None:
    """`.ts` -> `.qm` with lrelease (the bundle build ships the result)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([find_tool("lrelease"), "-silent", str(source), "-qm", str(target)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", action="store_true", help="exit 1 when the .ts lags the code")
    action.add_argument("--export", type=Path, metavar="TSV", help="write unfinished messages")
    action.add_argument("--import", dest="import_", type=Path, metavar="TSV")
    action.add_argument("--qm", type=Path, metavar="FILE", help="compile the .ts to FILE")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    if args.export:
        print(f"{export_unfinished(args.export)} unfinished messages written to {args.export}")
        return 0
    if args.import_:
        filled, problems = import_translations(args.import_)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{filled} translations filled in")
        return 1 if problems else 0
    if args.qm:
        compile_catalogue(CATALOGUE, args.qm)
        return 0
    if args.check:
        wanted = updated_entries()
        current = read_catalogue()
        stale = {e.key for e in wanted} != {e.key for e in current}
        unfinished = [e for e in current if e.unfinished]
        if stale:
            print("the catalogue lags the code: run installer/update_translations.py")
        if unfinished:
            print(f"{len(unfinished)} unfinished messages")
        return 1 if stale or unfinished else 0
    total, unfinished = update()
    print(f"{CATALOGUE.relative_to(ROOT)}: {total} messages, {unfinished} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
