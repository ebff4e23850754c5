"""
The typed constructors of the record classes, written from the fields' kinds.

A field declared with :func:`~negotiation_records.fields.field` converts what
it is given (``"state"`` becomes ``PartyKind.STATE``, a list becomes a tuple),
but mypy's attrs plugin sees only converters written literally as
``attrs.field(converter=...)``: it would type every constructor argument as
the stored type.  So each record class is decorated
``@frozen_record(kw_only=True, init=False)`` and declares, under
``if TYPE_CHECKING:``, an ``__init__`` whose argument types are what the kinds
accept (:meth:`~negotiation_records.fields.Kind.accepts`).  At run time the
constructor is the one attrs writes; the declaration only informs type checkers.

The declarations are written by this module, never by hand::

    python -m negotiation_records._signatures --write   # rewrite them
    python -m negotiation_records._signatures           # check them (exit 1 if stale)

and ``tests/test_signatures.py`` fails when one is missing or stale.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import importlib
import inspect
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from negotiation_records._record import Record
from negotiation_records.fields import kind_of


__all__ = [
    "declared_parameters",
    "expected_parameters",
    "record_classes",
    "stale_classes",
]

Parameter = tuple[str, str, bool]
"""A keyword argument: its name, its annotation text, whether it has a default."""

_PACKAGE = "negotiation_records"
_COMMENT = (
    "# The constructor's argument types, written from the kinds by\n"
    "# `python -m negotiation_records._signatures --write`.\n"
)


def record_classes() -> list[type[Any]]:
    """Every record class of the package, in the order of their modules."""
    package = importlib.import_module(_PACKAGE)
    for name in package.__all__:  # the modules the package imports on first use
        getattr(package, name)
    found: dict[type[Any], None] = {}
    todo = list(Record.__subclasses__())
    while todo:
        cls = todo.pop(0)
        todo.extend(cls.__subclasses__())
        # A class attrs made has its own __attrs_attrs__ (the compiled
        # loaders' builders, subclasses that add nothing, have none).
        if cls.__module__.startswith(_PACKAGE + ".") and "__attrs_attrs__" in vars(cls):
            found[cls] = None
    return sorted(found, key=lambda c: (c.__module__, c.__qualname__))


def _annotation(cls: type[Any], name: str) -> str:
    """The annotation text of the attribute *name*, from the class that declares it."""
    for klass in cls.__mro__:
        text = inspect.get_annotations(klass).get(name)
        if isinstance(text, str):
            return text
    raise LookupError(
        f"{cls.__qualname__}.{name} has no annotation"
    )  # pragma: no cover


def expected_parameters(cls: type[Any]) -> list[Parameter]:
    """
    The constructor's keyword arguments as the kinds describe them: a field
    with a kind takes :meth:`~negotiation_records.fields.Kind.accepts`; one
    without (an init-only argument such as ``status=``) takes its annotation.
    """
    parameters = []
    for attribute in attrs.fields(cls):
        if not attribute.init:
            continue
        kind = kind_of(attribute)
        annotation = (
            kind.accepts() if kind is not None else _annotation(cls, attribute.name)
        )
        has_default = attribute.default is not attrs.NOTHING
        parameters.append((attribute.alias, annotation, has_default))
    return parameters


def _class_node(tree: ast.Module, cls: type[Any]) -> ast.ClassDef:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == cls.__name__:
            return node
    raise LookupError(f"no class {cls.__name__} in {cls.__module__}")


def _is_type_checking(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    )


def _declared_init(node: ast.ClassDef) -> tuple[ast.If, ast.FunctionDef] | None:
    for statement in node.body:
        if _is_type_checking(statement):
            assert isinstance(statement, ast.If)  # noqa: S101 - tested above
            for inner in statement.body:
                if isinstance(inner, ast.FunctionDef) and inner.name == "__init__":
                    return statement, inner
    return None


def _normal(annotation: str) -> str:
    return ast.unparse(ast.parse(annotation, mode="eval"))


def declared_parameters(cls: type[Any], source: str) -> list[Parameter] | None:
    """The keyword arguments of the ``__init__`` that *source* declares for *cls*."""
    found = _declared_init(_class_node(ast.parse(source), cls))
    if found is None:
        return None
    function = found[1]
    arguments = function.args
    defaults = [d is not None for d in arguments.kw_defaults]
    return [
        (
            argument.arg,
            _normal(ast.unparse(argument.annotation)) if argument.annotation else "",
            has_default,
        )
        for argument, has_default in zip(arguments.kwonlyargs, defaults, strict=True)
    ]


def _declares_init_false(cls: type[Any], source: str) -> bool:
    """Whether the class is decorated ``@frozen_record(..., init=False)``."""
    for decorator in _class_node(ast.parse(source), cls).decorator_list:
        if (
            isinstance(decorator, ast.Call)
            and isinstance(decorator.func, ast.Name)
            and decorator.func.id == "frozen_record"
        ):
            return any(
                k.arg == "init"
                and isinstance(k.value, ast.Constant)
                and k.value.value is False
                for k in decorator.keywords
            )
    return False


def _normalised(parameters: list[Parameter]) -> list[Parameter]:
    return [(name, _normal(text), default) for name, text, default in parameters]


def stale_classes(classes: Sequence[type[Any]] | None = None) -> list[str]:
    """
    What is wrong with the declared constructors: a class not decorated
    ``@frozen_record(..., init=False)``, or whose declared ``__init__`` is missing
    or does not match :func:`expected_parameters`.  Empty when all are current.
    """
    problems = []
    for cls in record_classes() if classes is None else classes:
        source = Path(sys.modules[cls.__module__].__file__ or "").read_text("utf-8")
        name = f"{cls.__module__}.{cls.__qualname__}"
        if not _declares_init_false(cls, source):
            problems.append(f"{name}: not decorated @frozen_record(..., init=False)")
        declared = declared_parameters(cls, source)
        if declared is None:
            problems.append(f"{name}: no typed __init__ declared")
        elif declared != _normalised(expected_parameters(cls)):
            problems.append(f"{name}: the declared __init__ is stale")
    return problems


def _block(cls: type[Any]) -> str:
    lines = ["if TYPE_CHECKING:", *("    " + c for c in _COMMENT.splitlines())]
    lines += ["    def __init__(", "        self,", "        *,"]
    for name, annotation, has_default in expected_parameters(cls):
        default = " = ..." if has_default else ""
        noqa = "  # noqa: A002 - the field's name" if hasattr(builtins, name) else ""
        lines.append(f"        {name}: {annotation}{default},{noqa}")
    lines.append("    ) -> None: ...")
    return "\n".join("    " + line for line in lines) + "\n"


def _rewrite(path: Path, classes: list[type[Any]]) -> bool:
    """Write the declarations of *classes* into the module at *path*."""
    source = path.read_text("utf-8")
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []  # (first line, end line, text), 0-based
    for cls in classes:
        node = _class_node(ast.parse(source), cls)
        found = _declared_init(node)
        if found is not None:
            statement = found[0]
            start = statement.lineno - 1
            end = statement.end_lineno or statement.lineno
            edits.append((start, end, _block(cls)))
            continue
        fields = [s for s in node.body if isinstance(s, ast.AnnAssign)]
        after = (fields[-1].end_lineno if fields else node.body[0].end_lineno) or 0
        edits.append((after, after, "\n" + _block(cls)))
    for start, end, text in sorted(edits, reverse=True):
        lines[start:end] = [text]
    new = "".join(lines)
    if new == source:
        return False
    path.write_text(new, "utf-8")
    return True


def _modules() -> Iterator[tuple[Path, list[type[Any]]]]:
    by_module: dict[str, list[type[Any]]] = {}
    for cls in record_classes():
        by_module.setdefault(cls.__module__, []).append(cls)
    for module, classes in by_module.items():
        yield Path(sys.modules[module].__file__ or ""), classes


def main(argv: Sequence[str] | None = None) -> int:
    """Check the declared constructors, or rewrite them with ``--write``."""
    parser = argparse.ArgumentParser(prog="python -m negotiation_records._signatures")
    parser.add_argument("--write", action="store_true", help="rewrite stale ones")
    arguments = parser.parse_args(argv)
    if arguments.write:
        changed = [str(path) for path, classes in _modules() if _rewrite(path, classes)]
        if changed:
            subprocess.run(  # noqa: S603 - a fixed command on our own files
                [sys.executable, "-m", "ruff", "format", *changed], check=True
            )
        for path in changed:
            print(f"rewrote {path}")
    problems = stale_classes()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
