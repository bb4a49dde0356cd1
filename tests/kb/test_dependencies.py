"""Dependencies between apps point one way, and no import hides inside a function.

taxonomy ← practices ← search ← pages, contributions, finder ← desk, opendata ← the
project's wiring; the shared helpers (kb.text, kb.translations) sit below them all.
The layers are an import-linter contract in pyproject.toml; a second one forbids
circles between the modules of a package (between files, not only between apps).
"""

import ast
from pathlib import Path

from importlinter.cli import lint_imports

REPO = Path(__file__).resolve().parents[2]
APPS = ("kb", "taxonomy", "practices", "search", "pages", "contributions")
APPS += ("desk", "opendata", "finder")


def test_the_import_contracts_are_kept():
    """Fails with the offending import chain when an app imports one above it, or
    with the import to remove when two modules of a package import each other."""
    assert (
        lint_imports(
            config_filename=str(REPO / "pyproject.toml"), no_cache=True, no_logo=True
        )
        == 0
    )


def _function_level_imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                yield node.lineno, node.module
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    yield node.lineno, alias.name


def test_no_function_level_import_between_apps():
    """An import moved into a function to dodge a cycle is still a cycle."""
    found = []
    for app in APPS:
        for path in (REPO / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for line, module in _function_level_imports(path):
                target = module.split(".")[0]
                if target in APPS and target != app:
                    found.append(f"{path.relative_to(REPO)}:{line} imports {module}")
    assert found == []
