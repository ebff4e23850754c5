"""``st.from_type`` of every record class, through Hypothesis's entry point."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import negotiation_records
from negotiation_records import strategies as nst
from negotiation_records._signatures import record_classes
from negotiation_records.hypothesis_plugin import RECORD_TYPES, register_strategies


ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def with_strategies() -> set[str]:
    """The public classes the strategies module has a strategy for."""
    names = set()
    for name in negotiation_records.__all__:
        value = getattr(negotiation_records, name)
        if not inspect.isclass(value):
            continue
        try:
            nst.for_type(value)
        except TypeError:
            continue
        names.add(name)
    return names


def _run_with_entry_point(
    code: str, tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    """
    *code* run in a fresh interpreter that sees this tree and a stand-in
    ``.dist-info`` carrying pyproject.toml's entry points (the test
    environment's own install may be of another tree).
    """
    site = tmp_path / "site"
    info = site / "negotiation_records-0.0.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: negotiation-records\nVersion: 0.0.0\n",
        encoding="utf-8",
    )
    groups = PYPROJECT["project"]["entry-points"]
    (info / "entry_points.txt").write_text(
        "".join(
            f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in entries.items())
            for group, entries in groups.items()
        ),
        encoding="utf-8",
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"HYPOTHESIS_NO_PLUGINS", "COV_CORE_SOURCE"}
    }
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(ROOT)])
    return subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )


class TestHook:
    def test_every_record_class(self) -> None:
        """
        The hook registers exactly the classes the strategies cover, and they
        cover every record class of the package (the timeline's events too),
        and ``PartialDate`` and ``Period``.
        """
        assert sorted(RECORD_TYPES) == list(RECORD_TYPES)
        assert set(RECORD_TYPES) == with_strategies()
        every = {cls.__name__ for cls in record_classes()} | {"PartialDate", "Period"}
        # The answers of the queries are records, worked out from a record and
        # not drawn (docs/testing.md).
        answers = {"PartyPositions", "TermStance", "PhaseEnd"}
        assert set(RECORD_TYPES) == every - answers

    @pytest.mark.parametrize("name", RECORD_TYPES)
    def test_from_type_draws_valid_records(self, name: str) -> None:
        """After the hook, ``st.from_type(cls)`` gives instances that construct."""
        register_strategies()
        cls = getattr(negotiation_records, name)

        @settings(
            max_examples=5, database=None, suppress_health_check=[HealthCheck.too_slow]
        )
        @given(st.from_type(cls))
        def draws(value: object) -> None:
            assert type(value) is cls

        draws()

    def test_builds_uses_it_for_annotated_fields(self) -> None:
        """``st.builds`` of a function annotated with a record class uses it too."""
        register_strategies()

        def deadline_of(ultimatum: negotiation_records.Ultimatum) -> object:
            return ultimatum.deadline

        @settings(max_examples=5, database=None)
        @given(st.builds(deadline_of))
        def draws(deadline: object) -> None:
            assert isinstance(deadline, negotiation_records.Deadline)

        draws()


class TestOtherTypes:
    """Hypothesis asks the registered resolvers about base classes too."""

    def setup_method(self) -> None:
        register_strategies()

    @settings(max_examples=50, database=None)
    @given(st.from_type(object), st.lists(st.from_type(object), max_size=3))
    def test_from_type_object_still_works(
        self, value: object, values: list[object]
    ) -> None:
        assert values is not None


class TestEntryPoint:
    def test_declared(self) -> None:
        """pyproject.toml declares the hook in the ``hypothesis`` group."""
        entry = PYPROJECT["project"]["entry-points"]["hypothesis"]
        assert entry == {
            "negotiation-records": "negotiation_records.hypothesis_plugin:register_strategies"
        }

    def test_hypothesis_loads_it(self, tmp_path: Path) -> None:
        """
        With the package's metadata installed, importing Hypothesis registers the
        strategies: a stand-in ``.dist-info`` carries the entry points of
        pyproject.toml (the test environment's own install may be of another tree).
        """
        code = textwrap.dedent(
            """
            import sys
            import negotiation_records
            assert "hypothesis" not in sys.modules
            from hypothesis import HealthCheck, given, settings, strategies as st
            assert "negotiation_records.hypothesis_plugin" in sys.modules
            assert "negotiation_records.strategies" not in sys.modules
            from negotiation_records import Negotiation, Party

            @settings(max_examples=10, database=None, deadline=None,
                      suppress_health_check=list(HealthCheck))
            @given(st.from_type(Party), st.from_type(Negotiation))
            def test(party, talks):
                assert isinstance(party, Party)
                assert isinstance(talks, Negotiation)

            test()
            print(negotiation_records.__file__)
            """
        )
        result = _run_with_entry_point(code, tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().startswith(str(ROOT))

    @pytest.mark.parametrize(
        "first",
        [
            "from negotiation_records.hypothesis_plugin import register_strategies",
            "from negotiation_records.hypothesis_plugin import register_strategies\n"
            "register_strategies()",
        ],
        ids=["imported", "called"],
    )
    def test_the_hook_before_hypothesis(self, first: str, tmp_path: Path) -> None:
        """
        The hook's module may be imported, and the hook called, before
        Hypothesis (a ``conftest.py`` that registers the strategies itself):
        Hypothesis then loads the entry point of a module that is whole.
        """
        code = (
            f"{first}\n"
            "from hypothesis import find, strategies as st\n"
            "from negotiation_records import Party\n"
            "print(type(find(st.from_type(Party), lambda party: True)).__name__)\n"
        )
        result = _run_with_entry_point(code, tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout == "Party\n"

    def test_the_library_never_imports_hypothesis(self, tmp_path: Path) -> None:
        """Importing the package and its exports pulls in neither Hypothesis nor the hook."""
        code = (
            "import sys, negotiation_records as n\n"
            "import negotiation_records.plover, negotiation_records.ical\n"
            "n.to_plover, n.to_ical\n"
            "assert 'hypothesis' not in sys.modules, 'hypothesis'\n"
            "assert 'negotiation_records.hypothesis_plugin' not in sys.modules\n"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
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


def test_the_strategies_without_hypothesis_name_the_extra() -> None:
    """Imported where Hypothesis is missing, the module says what to install."""
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    import negotiation_records.strategies\n"
        "except ImportError as exc:\n"
        "    print(exc.name, exc)\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert done.stdout == (
        "hypothesis the strategies need Hypothesis; install the 'strategies' "
        "extra: python -m pip install 'negotiation-records[strategies]'\n"
    )
