"""The package's shape: small modules, private names kept private, one-way imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from negotiation_records._signatures import record_classes


PACKAGE = Path(__file__).resolve().parent.parent / "negotiation_records"
MODULES = sorted(PACKAGE.glob("*.py"))


def _record_modules() -> list[str]:
    """The modules that define record classes (the lazily loaded ones too)."""
    # loaded on first use: imported here so that their classes are listed
    import negotiation_records._snapshot
    import negotiation_records.queries
    import negotiation_records.timeline  # noqa: F401

    return sorted({cls.__module__.rpartition(".")[2] for cls in record_classes()})


#: The record modules (DESIGN.md, "Layout"): they never import the serializer.
RECORD_MODULES = _record_modules()
#: What sits on top, the command line and the plotting: nothing below imports it.
TOP = {
    "cli",
    "plot",
    "__main__",
    *(p.stem for p in MODULES if p.stem.startswith("_cli")),
}


def _imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) of every ``from negotiation_records... import name``, at any depth."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "negotiation_records"
        ):
            found += [(node.module or "", alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [
                (alias.name, "")
                for alias in node.names
                if alias.name.startswith("negotiation_records")
            ]
    return found


def _imported_modules(path: Path) -> set[str]:
    """The package's modules *path* imports, by their short names."""
    names = set()
    for module, name in _imports(path):
        if module == "negotiation_records" and name:
            names.add(name)  # from negotiation_records import _lookup
        else:
            names.add(module.removeprefix("negotiation_records").lstrip(".") or "")
    return names - {""}


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.stem)
def test_no_module_over_1000_lines(path: Path) -> None:
    """Modules with one job stay small."""
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 1000


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.stem)
def test_no_private_name_of_another_module(path: Path) -> None:
    """A module imports other modules' public names (a private module is fine)."""
    private = [
        f"{module}.{name}"
        for module, name in _imports(path)
        if name.startswith("_")
        and not (module == "negotiation_records" and (PACKAGE / f"{name}.py").exists())
    ]
    assert private == []


@pytest.mark.parametrize("name", RECORD_MODULES)
def test_record_modules_do_not_import_the_serializer(name: str) -> None:
    """A record module never imports the serializer (DESIGN.md, "Layout")."""
    assert "serialization" not in _imported_modules(PACKAGE / f"{name}.py")


@pytest.mark.parametrize("name", ["errors", "timeutil"])
def test_the_bottom_imports_no_record(name: str) -> None:
    """``errors`` and ``timeutil`` import no record module."""
    assert not _imported_modules(PACKAGE / f"{name}.py") & set(RECORD_MODULES)


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.stem)
def test_nothing_below_imports_the_top(path: Path) -> None:
    """The command line and the plotting sit on top: no other module imports them."""
    if path.stem not in TOP:
        assert not _imported_modules(path) & TOP
