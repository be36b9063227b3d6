"""The imports between the parts of reportkit/, checked against the layers of the pipeline.

A part is a package of reportkit/ or a module loose at its top. Each sits in one layer
(`LAYERS`, lowest first) and may import only from its own layer or lower ones, and parts
of one layer must not import each other in a circle: so the file list reads as the
pipeline, and a stage can be understood without the stages after it. Imports inside
functions and under `TYPE_CHECKING` count as much as those at the top of a module: a lazy
import still ties the two parts together. At most `MOST_LOOSE` modules sit loose at the top.

    python tools/layers.py    # the imports between the parts; exit status 1 on a violation
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "reportkit"
ROOT = "reportkit"  # the package's face, `reportkit/__init__.py`: what the library exports

LAYERS: tuple[frozenset[str], ...] = tuple(
    frozenset(layer.split())
    for layer in (
        "model problems",
        "base",
        "reference",
        "arrange",
        "schema",
        "read",
        "render",
        "template_check",
        "merge state changes",
        "publish",
        "starter translate",
        "api",
        "batch",
        "cli web",
        f"{ROOT} __main__",
    )
)
MOST_LOOSE = 6


@dataclass(frozen=True)
class Import:
    """One import of `imported` by `importer`, where it is written."""

    importer: str
    imported: str
    where: str


def parts() -> set[str]:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    return packages | {p.stem for p in loose() if p.stem != "__init__"} | {ROOT}


def loose() -> list[Path]:
    """The modules at the top of reportkit/, its face `__init__.py` among them."""
    return sorted(PACKAGE.glob("*.py"))


def imports() -> list[Import]:
    """Every import from one part of reportkit/ into another."""
    known = parts()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        importer = (
            ROOT if relative == Path("__init__.py") else relative.parts[0].removesuffix(".py")
        )
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for imported in _imported(node, known):
                if imported != importer:
                    where = f"reportkit/{relative.as_posix()}:{node.lineno}"
                    found.append(Import(importer, imported, where))
    return found


def _imported(node: ast.AST, known: set[str]) -> list[str]:
    if isinstance(node, ast.Import):
        return [_part(alias.name.split(".")) for alias in node.names if _ours(alias.name)]
    if isinstance(node, ast.ImportFrom) and node.module and _ours(node.module):
        assert node.level == 0, "reportkit imports absolutely"
        path = node.module.split(".")
        if len(path) > 1:
            return [_part(path)]
        return [alias.name if alias.name in known else ROOT for alias in node.names]
    return []


def _ours(module: str) -> bool:
    return module == ROOT or module.startswith(ROOT + ".")


def _part(path: list[str]) -> str:
    return path[1] if len(path) > 1 else ROOT


def layer_of(part: str) -> int | None:
    return next((i for i, layer in enumerate(LAYERS) if part in layer), None)


def violations() -> list[str]:
    """What breaks the rules, one line each; none when the house is in order."""
    found = imports()
    out = [
        f"{part}: in no layer of tools/layers.py"
        for part in sorted(parts())
        if layer_of(part) is None
    ]
    placed = [
        i for i in found if layer_of(i.importer) is not None and layer_of(i.imported) is not None
    ]
    out += [
        f"{i.where}: {i.importer} imports {i.imported}, a higher layer"
        for i in placed
        if layer_of(i.importer) < layer_of(i.imported)  # type: ignore[operator]
    ]
    out += [f"a circle: {' → '.join(circle)}" for circle in circles(found)]
    if len(loose()) > MOST_LOOSE:
        names = ", ".join(p.name for p in loose())
        out.append(
            f"{len(loose())} modules loose at the top of reportkit/ ({names}); at most {MOST_LOOSE}"
        )
    return out


def circles(found: list[Import]) -> list[list[str]]:
    """The circles between parts, each once, starting at its first part in name order."""
    graph: dict[str, set[str]] = defaultdict(set)
    for i in found:
        graph[i.importer].add(i.imported)
    seen: set[tuple[str, ...]] = set()
    out = []

    def walk(path: list[str]) -> None:
        for following in sorted(graph[path[-1]]):
            if following == path[0]:
                circle = path[path.index(min(path)) :] + path[: path.index(min(path))]
                if tuple(circle) not in seen:
                    seen.add(tuple(circle))
                    out.append([*circle, circle[0]])
            elif following not in path and following > path[0]:
                walk([*path, following])

    for start in sorted(graph):
        walk([start])
    return out


def main() -> int:
    between: dict[str, set[str]] = defaultdict(set)
    for i in imports():
        between[i.importer].add(i.imported)
    for layer in LAYERS:
        for part in sorted(layer):
            print(f"{part:15} → {', '.join(sorted(between[part])) or '—'}")
    problems = violations()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
