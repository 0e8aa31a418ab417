"""The package keeps a shape a newcomer can read.

Small modules, layers that say what they are for, and domain code that never
reaches for the terminal libraries. These read the source (no imports, no processes), so they run in the fast loop.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "orgdesign"
MAX_LINES = 500

# Modules still over the limit, each with the helper splitting it. The test fails when one of
# them shrinks under the limit, so the entry is removed as soon as the split lands.
OVER_THE_LIMIT_TODAY: set[str] = set()

# The only modules that may use typer or rich: the command line, and the two terminal views.
TERMINAL_MODULES = {
    "__main__.py",
    "interview/terminal.py",
    "present/terminal.py",
    "present/rules_view.py",
    "present/org_view.py",
    "present/findings_view.py",
}
TERMINAL_PACKAGES = {"cli"}
TERMINAL_LIBRARIES = {"typer", "rich", "click"}

MODULES = sorted(PACKAGE.rglob("*.py"))
PACKAGES = sorted({path.parent for path in MODULES})


def _name(path: Path) -> str:
    """`orgdesign/input/source.py` -> `input/source.py`."""
    return path.relative_to(PACKAGE).as_posix()


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_the_limit():
    over = {_name(path): _lines(path) for path in MODULES if _lines(path) > MAX_LINES}
    new = {name: lines for name, lines in over.items() if name not in OVER_THE_LIMIT_TODAY}
    assert not new, f"modules over {MAX_LINES} lines (split them by job): {new}"
    fixed = sorted(OVER_THE_LIMIT_TODAY - set(over))
    assert not fixed, f"now under {MAX_LINES} lines: remove {fixed} from OVER_THE_LIMIT_TODAY in tests/test_layout.py"


@pytest.mark.parametrize("package", PACKAGES, ids=[f"orgdesign/{_name(p)}".rstrip("/.") for p in PACKAGES])
def test_every_package_says_what_it_is_for(package):
    init = package / "__init__.py"
    assert init.is_file(), f"{_name(package)}/ has modules but no __init__.py to say what the layer is for"
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    summary = docstring.split("\n\n")[0]
    assert len(summary.split()) >= 6 and summary.rstrip().endswith((".", ":")), (
        f"{_name(init)} needs a docstring that opens with a sentence saying what the layer is for; found {summary!r}"
    )


# --- imports: domain code never imports typer or rich, not even through another module ----------


def _is_terminal(name: str) -> bool:
    return name in TERMINAL_MODULES or name.split("/")[0] in TERMINAL_PACKAGES


@cache
def _imports(path: Path) -> tuple[set[str], set[Path]]:
    """The third-party top-level names and the orgdesign modules that `path` imports, anywhere in it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    outside: set[str] = set()
    inside: set[Path] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = path.parent
            for _ in range(node.level - 1):
                base = base.parent
            prefix = ".".join(("orgdesign", *base.relative_to(PACKAGE).parts))
            module = f"{prefix}.{node.module}" if node.module else prefix
            targets = [module] + [f"{module}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            top = target.split(".")[0]
            if top != "orgdesign":
                outside.add(top)
            elif (found := _module_file(target)) is not None:
                inside.add(found)
    return outside, inside


def _module_file(dotted: str) -> Path | None:
    """The file that `import dotted` runs: a module, or a package's __init__ (None for a name in a module)."""
    parts = dotted.split(".")[1:]
    candidate = PACKAGE.joinpath(*parts)
    if candidate.with_suffix(".py").is_file():
        return candidate.with_suffix(".py")
    if (candidate / "__init__.py").is_file():
        return candidate / "__init__.py"
    return None


def _path_to_terminal(start: Path) -> list[str] | None:
    """The chain of imports from `start` to typer, rich or a terminal module, or None."""
    seen = {start}
    queue = [(start, [_name(start)])]
    while queue:
        path, chain = queue.pop(0)
        outside, inside = _imports(path)
        if found := sorted(outside & TERMINAL_LIBRARIES):
            return [*chain, found[0]]
        for module in sorted(inside):
            if module in seen:
                continue
            seen.add(module)
            if _is_terminal(_name(module)):
                return [*chain, _name(module)]
            queue.append((module, [*chain, _name(module)]))
    return None


DOMAIN = [path for path in MODULES if not _is_terminal(_name(path))]


@pytest.mark.parametrize("module", DOMAIN, ids=[_name(p) for p in DOMAIN])
def test_domain_code_never_imports_the_terminal_libraries(module):
    chain = _path_to_terminal(module)
    assert chain is None, (
        f"{_name(module)} reaches a terminal library: {' -> '.join(chain)}; "
        "only cli/, present/terminal.py and interview/terminal.py may use typer or rich"
    )


def test_the_import_check_sees_what_it_must():
    """The scan finds a function-level import and a chain through another module (so it cannot pass by going blind)."""
    assert "rich" in _imports(PACKAGE / "present" / "terminal.py")[0]
    assert _path_to_terminal(PACKAGE / "present" / "terminal.py") is not None
    assert PACKAGE / "present" / "terminal.py" in _imports(PACKAGE / "cli" / "common.py")[1]
    assert _path_to_terminal(PACKAGE / "cli" / "common.py")[-1] in TERMINAL_LIBRARIES | {"present/terminal.py"}
    assert {"input/source.py", "engine/pipeline.py", "present/formats.py"} <= {_name(p) for p in DOMAIN}


# --- the pipeline's direction: a layer builds on the layers to its left, never on one to its right ---

PIPELINE = ["input", "rulebook", "engine", "present"]
BESIDE = {"interview", "batch", "cli"}  # these use the pipeline; the pipeline never uses them

# Imports against the direction that exist today, each being removed by the helper who owns it.
# The test fails when one disappears, so the entry goes as soon as the fix lands.
AGAINST_THE_PIPELINE_TODAY: set[tuple[str, str]] = set()


def _against_the_pipeline() -> set[tuple[str, str]]:
    found = set()
    for path in MODULES:
        layer = _name(path).split("/")[0]
        if layer not in PIPELINE:
            continue
        for module in _imports(path)[1]:
            other = _name(module).split("/")[0]
            if other in BESIDE or other in PIPELINE and PIPELINE.index(other) > PIPELINE.index(layer):
                found.add((_name(path), _name(module)))
    return found


def test_layers_import_only_the_layers_before_them():
    found = _against_the_pipeline()
    new = sorted(found - AGAINST_THE_PIPELINE_TODAY)
    assert not new, f"imports against {' -> '.join(PIPELINE)} (or into {sorted(BESIDE)}): {new}"
    gone = sorted(AGAINST_THE_PIPELINE_TODAY - found)
    assert not gone, f"fixed: remove {gone} from AGAINST_THE_PIPELINE_TODAY in tests/test_layout.py"
