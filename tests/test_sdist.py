"""
The source distribution: what it ships, and that it holds what its tests need.

Its tests are run from the unpacked archive by ``.ci/run`` (the last step): that
is a whole second test run, too long for here. These tests build the archive from
a copy of the tree, offline, and check its contents.
"""

from __future__ import annotations

import email.parser
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent

#: What the tests read besides the package: the examples, the docs pages, the
#: schema file, the benchmark scripts (smoke-tested) and ``.ci/run`` (its test
#: command must be the README's).
NEEDED_BY_TESTS = (
    "negotiation_records",
    "tests",
    "docs",
    "examples",
    "schema",
    "benchmarks",
    ".ci/run",
    "README.md",
    "CHANGELOG.md",
    "LICENSE",
    "pyproject.toml",
)

_COPY_IGNORES = shutil.ignore_patterns(
    ".git",
    "_build",
    "__pycache__",
    "*.pyc",
    ".hypothesis",
    ".*_cache",
    ".coverage*",
    "htmlcov",
    "dist",
    "build",
    ".venv",
    "venv",
)


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """
    An sdist built from a copy of the tree in which a virtual environment sits.

    The planted ``venv/`` holds a ``tests`` folder and a ``docs`` folder, as a
    real one does (numpy's tests, matplotlib's); none of it may be shipped.
    """
    pytest.importorskip("hatchling")
    tree = tmp_path_factory.mktemp("tree") / "negotiation-records"
    shutil.copytree(ROOT, tree, ignore=_COPY_IGNORES)
    for planted in (
        "venv/lib/python3.11/site-packages/numpy/tests/test_big.py",
        "venv/lib/python3.11/site-packages/matplotlib/tests/baseline.png",
        "venv/share/docs/index.md",
        "docs/_build/html/index.html",
    ):
        (tree / planted).parent.mkdir(parents=True, exist_ok=True)
        (tree / planted).write_text("not to be shipped\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("sdist")
    result = subprocess.run(  # noqa: S603 - our own interpreter and hatchling
        [
            sys.executable,
            "-c",
            "import sys, hatchling.build as b; print(b.build_sdist(sys.argv[1]))",
            str(out),
        ],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    archive = out / result.stdout.strip()
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    top = names[0].split("/")[0]
    assert all(name.split("/")[0] == top for name in names)
    return archive, [name.removeprefix(top + "/") for name in names if "/" in name]


def test_ships_what_the_tests_need(sdist: tuple[Path, list[str]]) -> None:
    """The package, tests, docs, examples, schema, benchmarks, .ci/run, LICENSE."""
    _, names = sdist
    for needed in NEEDED_BY_TESTS:
        assert any(n == needed or n.startswith(needed + "/") for n in names), needed


def test_ships_every_file_of_those_folders(sdist: tuple[Path, list[str]]) -> None:
    """Nothing the tests may open is left out of a shipped folder."""
    _, names = sdist
    for folder in ("negotiation_records", "tests", "docs", "examples", "schema"):
        for path in (ROOT / folder).rglob("*"):
            relative = path.relative_to(ROOT).as_posix()
            if path.is_file() and not _ignored(relative):
                assert relative in names, relative


def _ignored(relative: str) -> bool:
    """Whether *relative* is one of the generated files git ignores too."""
    parts = relative.split("/")
    return (
        "__pycache__" in parts
        or relative.startswith("docs/_build/")
        or any(part.startswith(".") for part in parts)
    )


def test_ships_nothing_from_a_virtual_environment(
    sdist: tuple[Path, list[str]],
) -> None:
    """Anchored patterns: a venv/ in the clone is not shipped, nor docs/_build."""
    _, names = sdist
    assert [n for n in names if n.startswith("venv/") or "/venv/" in n] == []
    assert [n for n in names if n.startswith("docs/_build")] == []
    top = {n.split("/")[0] for n in names}
    assert top <= {*NEEDED_BY_TESTS, ".ci", ".gitignore", "PKG-INFO"}


def test_pkg_info_has_license_and_urls(sdist: tuple[Path, list[str]]) -> None:
    """The sdist's own metadata names the license and the project's URLs."""
    archive, _ = sdist
    with tarfile.open(archive) as tar:
        (member,) = [
            m
            for m in tar.getmembers()
            if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO")
        ]
        data = tar.extractfile(member)
        assert data is not None
        message = email.parser.Parser().parsestr(data.read().decode())
    assert message["License-Expression"] == "MIT"
    assert message.get_all("License-File") == ["LICENSE"]
    urls = {entry.split(", ", 1)[0] for entry in message.get_all("Project-URL") or []}
    assert urls == {"Documentation", "Changelog", "Source"}
