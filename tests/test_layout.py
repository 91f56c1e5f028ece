"""The package's import graph: no module imports, even for type checking only, a module that
imports it back, and the model types import nothing above them."""

from __future__ import annotations

import ast
from pathlib import Path

import screening

PACKAGE = Path(screening.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``path`` imports anywhere in its body."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("screening"):
            submodules = {f"{node.module}.{alias.name}" for alias in node.names}
            named = submodules & modules.keys()
            found.update(named or {node.module})
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, modules) - {name} for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of ``graph`` (a path that ends where it starts), or []."""
    done: set[str] = set()
    for start in sorted(graph):
        stack: list[tuple[str, list[str]]] = [(start, [start])]
        while stack:
            module, path = stack.pop()
            for imported in sorted(graph.get(module, ())):
                if imported == start:
                    return [*path, start]
                if imported not in path and imported not in done:
                    stack.append((imported, [*path, imported]))
        done.add(start)
    return []


def test_the_package_has_no_import_cycle() -> None:
    assert [] == _cycle(_graph())


def test_a_cycle_is_found_when_there_is_one() -> None:
    assert ["a", "b", "a"] == _cycle({"a": {"b"}, "b": {"a"}, "c": {"a"}})


def test_model_types_import_nothing_above_them() -> None:
    graph = _graph()
    allowed = {"screening.names", "screening._countries", "screening.exceptions"}
    assert set() == graph["screening.models"] - allowed


def test_the_name_engine_imports_no_results() -> None:
    graph = _graph()
    above = {"screening.results", "screening.review", "screening.matching", "screening.cli"}
    engine = ("screening._forms", "screening._rules", "screening._alignment", "screening._index")
    assert set() == set().union(*(graph[module] for module in engine)) & above
