"""The package as users get it: public names, version, and the built wheel."""

from __future__ import annotations

import email.parser
import importlib.metadata
import inspect
import os
import re
import subprocess
import sys
import tomllib
import types
import zipfile
from pathlib import Path

import pytest

import negotiation_records


ROOT = Path(__file__).resolve().parent.parent
PUBLIC = sorted(negotiation_records.__all__)
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
EXTRAS = {"cli", "plot", "fast", "strategies", "tables"}
URLS = {"Documentation", "Changelog", "Source"}


def _name(requirement: str) -> str:
    """The distribution name a requirement string starts with."""
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert match is not None, requirement
    return match.group(0).lower()


class TestPublicApi:
    def test_version_matches_the_metadata(self) -> None:
        """__version__ is the installed distribution's version."""
        assert negotiation_records.__version__ == importlib.metadata.version(
            "negotiation-records"
        )
        assert "__version__" in dir(negotiation_records)  # for completion, help()
        assert "__annotations__" not in vars(negotiation_records)  # help(): noise

    def test_no_version_where_the_package_is_not_installed(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Imported from a source tree that was never installed, there is no
        metadata to read the version from: an AttributeError that says so,
        so that ``hasattr`` and ``getattr(..., default)`` work (it was the
        metadata's PackageNotFoundError)."""

        def not_installed(name: str) -> str:
            raise importlib.metadata.PackageNotFoundError(name)

        monkeypatch.setattr(importlib.metadata, "version", not_installed)
        assert not hasattr(negotiation_records, "__version__")
        assert getattr(negotiation_records, "__version__", "unknown") == "unknown"
        with pytest.raises(AttributeError, match="the package is not installed"):
            negotiation_records.__version__  # noqa: B018

    def test_unknown_attribute(self) -> None:
        """A missing attribute raises AttributeError naming it."""
        with pytest.raises(AttributeError, match="no attribute 'nope'"):
            _ = negotiation_records.nope  # type: ignore[attr-defined]

    def test_all_has_no_duplicates(self) -> None:
        """__all__ lists each name once."""
        assert len(set(negotiation_records.__all__)) == len(negotiation_records.__all__)

    @pytest.mark.parametrize("name", PUBLIC)
    def test_every_public_name_exists(self, name: str) -> None:
        """Every name in __all__ is importable from the package root."""
        assert hasattr(negotiation_records, name)

    @pytest.mark.parametrize("name", PUBLIC)
    def test_every_public_name_is_documented(self, name: str) -> None:
        """Every public class and function has its own docstring."""
        obj = getattr(negotiation_records, name)
        if isinstance(obj, types.UnionType):  # the Moment and MomentInput aliases
            assert name in {"Moment", "MomentInput"}
            return
        if inspect.isclass(obj) or inspect.isroutine(obj):
            doc = obj.__dict__.get("__doc__") if inspect.isclass(obj) else obj.__doc__
            assert doc
            assert doc.strip()

    def test_the_issue_import_line(self) -> None:
        """The import line of the set-up instructions works."""
        from negotiation_records import (  # noqa: F401
            Condition,
            Deadline,
            Negotiation,
            Party,
            Proposal,
            Round,
            Ultimatum,
            ValidationError,
        )

    def test_import_leaves_the_reading_layer_for_first_use(self) -> None:
        """``import negotiation_records`` loads neither cattrs nor the format's
        serialization and migrations; their names load them when first used."""
        code = (
            "import sys, negotiation_records as nr\n"
            "later = ['cattrs', 'negotiation_records.serialization',"
            " 'negotiation_records.migrations']\n"
            "print([m for m in later if m in sys.modules])\n"
            "import negotiation_records.migrations as m\n"
            "print(nr.SCHEMA_VERSION == m.SCHEMA_VERSION,"
            " nr.register_migration is m.register_migration,"
            " nr.unregister_migration is m.unregister_migration)\n"
        )
        result = subprocess.run(  # noqa: S603 - this Python, fixed code
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == "[]\nTrue True True\n"

    def test_py_typed(self) -> None:
        """The package ships the PEP 561 marker."""
        assert (Path(negotiation_records.__file__).parent / "py.typed").is_file()

    def test_moment_alias(self) -> None:
        """Moment is the union of the three moment types."""
        import pendulum

        assert set(negotiation_records.Moment.__args__) == {
            pendulum.DateTime,
            pendulum.Date,
            negotiation_records.PartialDate,
        }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from the source tree, offline."""
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(  # noqa: S603 - our own interpreter and pip
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-build-isolation",
            "--no-deps",
            "--no-index",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("negotiation_records-*.whl")
    return built


class TestWheel:
    def test_contents(self, wheel: Path) -> None:
        """The wheel holds the package and py.typed, not tests, docs or examples."""
        names = zipfile.ZipFile(wheel).namelist()
        assert "negotiation_records/__init__.py" in names
        assert "negotiation_records/py.typed" in names
        top = {name.split("/")[0] for name in names}
        assert top == {
            "negotiation_records",
            next(t for t in top if t.endswith(".dist-info")),
        }
        package = {p.name for p in (ROOT / "negotiation_records").glob("*.py")}
        assert {f"negotiation_records/{p}" for p in package} <= set(names)

    def test_metadata(self, wheel: Path) -> None:
        """Only attrs, cattrs and pendulum are required; Python 3.11 at least."""
        archive = zipfile.ZipFile(wheel)
        (meta,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        message = email.parser.Parser().parsestr(archive.read(meta).decode())
        assert message["Name"] == "negotiation-records"
        assert message["Version"] == negotiation_records.__version__
        assert message["Requires-Python"] == ">=3.11"
        required = sorted(
            r.split(">")[0].split("=")[0].strip()
            for r in message.get_all("Requires-Dist") or []
            if "extra ==" not in r
        )
        assert required == ["attrs", "cattrs", "pendulum"]
        assert set(message.get_all("Provides-Extra") or []) == EXTRAS
        strategies = [
            r for r in message.get_all("Requires-Dist") or [] if "'strategies'" in r
        ]
        assert [_name(r) for r in strategies] == ["hypothesis"]

    def test_license_and_urls(self, wheel: Path) -> None:
        """METADATA names the license and its file, and the project's URLs."""
        archive = zipfile.ZipFile(wheel)
        (meta,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        message = email.parser.Parser().parsestr(archive.read(meta).decode())
        assert message["License-Expression"] == "MIT"
        assert message.get_all("License-File") == ["LICENSE"]
        urls = dict(
            entry.split(", ", 1) for entry in message.get_all("Project-URL") or []
        )
        assert set(urls) == URLS
        assert all(url.startswith("https://") for url in urls.values())
        licence = meta.replace("METADATA", "licenses/LICENSE")
        assert archive.read(licence).decode() == (ROOT / "LICENSE").read_text(
            encoding="utf-8"
        )

    def test_installed_wheel_imports(self, wheel: Path, tmp_path: Path) -> None:
        """The built package imports and reports its version outside the tree."""
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(tmp_path / "site")
        code = (
            "import importlib.metadata, negotiation_records as n\n"
            "from negotiation_records import Party, Proposal, Condition, Ultimatum, "
            "Round, Negotiation, Deadline, ValidationError\n"
            "print(n.__file__)\n"
            "print(n.__version__ == importlib.metadata.version('negotiation-records'))\n"
            "print(Deadline.after(__import__('pendulum').date(2025, 7, 14), days=50).due)\n"
        )
        env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
        result = subprocess.run(  # noqa: S603 - our own interpreter
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
            env=env,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        location, same_version, due = result.stdout.splitlines()
        assert location.startswith(str(tmp_path / "site"))
        assert same_version == "True"
        assert due == "2025-09-02"


class TestPyproject:
    """What users see (extras) and what only developers need (dependency groups)."""

    def test_license_file(self) -> None:
        """The MIT license is in the repository and named in the metadata."""
        text = (ROOT / "LICENSE").read_text(encoding="utf-8")
        assert text.startswith("MIT License")
        assert "negotiation-records developers" in text
        assert PYPROJECT["project"]["license"] == "MIT"
        assert PYPROJECT["project"]["license-files"] == ["LICENSE"]

    def test_extras_are_features(self) -> None:
        """The extras are features of the library; the tools are not among them."""
        extras = PYPROJECT["project"]["optional-dependencies"]
        assert set(extras) == EXTRAS
        assert [_name(r) for r in extras["strategies"]] == ["hypothesis"]

    def test_tools_are_dependency_groups(self) -> None:
        """test, lint, docs and bench are PEP 735 groups, and dev holds them all."""
        groups = PYPROJECT["dependency-groups"]
        assert {"test", "lint", "docs", "bench", "dev"} <= set(groups)
        assert {"include-group": "test"} in groups["dev"]

    def test_groups_do_not_name_the_project(self) -> None:
        """A group never asks an index for this package (which is on none)."""
        for name, group in PYPROJECT["dependency-groups"].items():
            names = [_name(r) for r in group if isinstance(r, str)]
            assert "negotiation-records" not in names, name

    def test_the_test_group_brings_every_extra(self) -> None:
        """The tests exercise every extra, at the versions the extras ask for."""
        test = {r for r in PYPROJECT["dependency-groups"]["test"] if isinstance(r, str)}
        for name, requirements in PYPROJECT["project"]["optional-dependencies"].items():
            missing = [r for r in requirements if r not in test]
            assert missing == [], name
