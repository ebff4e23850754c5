"""The documentation covers the public API, and every code example on it is run."""

from __future__ import annotations

import ast
import doctest
import importlib
import inspect
import itertools
import re
import sys
from pathlib import Path

import pendulum
import pytest

import negotiation_records
from negotiation_records import to_json
from tests.seed import seed_record


ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
API_PAGES = sorted((DOCS / "api").glob("*.md"))
GUIDE_PAGES = sorted(DOCS.glob("*.md"))
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))

_AUTODOC = re.compile(
    r"^\.\. auto(?:class|exception|function|data)::\s+([\w.]+)", re.MULTILINE
)
_CURRENT_MODULE = re.compile(
    r"^\.\. (?:current)?module::\s+([\w.]+)|^\.\. automodule::\s+([\w.]+)",
    re.MULTILINE,
)
_PAGE_LINK = re.compile(r":doc:`[^`]+`|:ref:`[^`]+`|examples/\w+\.py")
_NAME_LINK = re.compile(
    r":(?:class|func|meth|data|attr|exc):`~?(?:negotiation_records\.)?(\w+)"
)


def documented_names(pages: tuple[Path, ...] = ()) -> list[str]:
    """Every name *pages* (the API pages by default) document with autodoc."""
    names: list[str] = []
    for page in pages or API_PAGES:
        text = page.read_text(encoding="utf-8")
        events = sorted(
            [
                (m.start(), "module", m.group(1) or m.group(2))
                for m in _CURRENT_MODULE.finditer(text)
            ]
            + [(m.start(), "name", m.group(1)) for m in _AUTODOC.finditer(text)]
        )
        module = ""
        for _, kind, value in events:
            if kind == "module":
                module = value
            elif value.startswith("negotiation_records."):
                names.append(value)
            else:
                names.append(f"{module}.{value}")
    return names


def attribute_docstring(name: str) -> str | None:
    """The doc-string written under a module-level assignment of *name*, if any."""
    value = getattr(negotiation_records, name)
    for module_name, module in sorted(sys.modules.items()):
        if not module_name.startswith("negotiation_records."):
            continue
        if getattr(module, name, None) is not value or module.__file__ is None:
            continue
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node, following in itertools.pairwise(tree.body):
            targets = (
                [node.target]
                if isinstance(node, ast.AnnAssign)
                else node.targets
                if isinstance(node, ast.Assign)
                else []
            )
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                if isinstance(following, ast.Expr) and isinstance(
                    following.value, ast.Constant
                ):
                    return str(following.value.value)
    return None


def has_example(doc: str, seen: frozenset[str] = frozenset()) -> bool:
    """
    Whether *doc* shows an example, or links to a page or to a public name that does.
    """
    if ">>>" in doc or _PAGE_LINK.search(doc):
        return True
    for linked in _NAME_LINK.findall(doc):
        if linked in negotiation_records.__all__ and linked not in seen:
            if has_example(docstring_of(linked), seen | {linked}):
                return True
    return False


def docstring_of(name: str) -> str:
    """The docstring a reader of the API reference sees for a public name."""
    value = getattr(negotiation_records, name)
    if inspect.isclass(value) or inspect.isroutine(value):
        return inspect.getdoc(value) or ""
    return attribute_docstring(name) or ""


class TestApiReference:
    def test_every_public_name_is_documented(self) -> None:
        """Each name in negotiation_records.__all__ appears in the API reference."""
        documented = set(documented_names())
        missing = [
            name
            for name in negotiation_records.__all__
            if f"negotiation_records.{name}" not in documented
        ]
        assert missing == []

    def test_every_name_is_documented_once(self) -> None:
        """No name is documented twice (Sphinx would report a duplicate object)."""
        names = documented_names((*API_PAGES, *GUIDE_PAGES))
        assert sorted({n for n in names if names.count(n) > 1}) == []

    def test_documented_names_exist(self) -> None:
        """The pages document nothing that cannot be imported."""
        for name in documented_names((*API_PAGES, *GUIDE_PAGES)):
            module_name, _, attribute = name.rpartition(".")
            module = importlib.import_module(module_name)
            assert hasattr(module, attribute), name

    @pytest.mark.parametrize("name", negotiation_records.__all__)
    def test_public_name_has_an_example(self, name: str) -> None:
        """Each public name has a docstring with an example or a link to one."""
        doc = docstring_of(name)
        assert doc.strip(), f"{name} has no docstring"
        assert has_example(doc, frozenset({name})), (
            f"{name}'s docstring has neither an example nor a link to one"
        )


class TestPages:
    @pytest.mark.parametrize("page", GUIDE_PAGES, ids=lambda p: p.name)
    def test_code_on_pages_is_executed(self, page: Path) -> None:
        """Python code on the guide pages is in doctest blocks, which the build runs."""
        text = page.read_text(encoding="utf-8")
        untested = re.findall(
            r"^```(?:python|py|pycon|python3)\s*$", text, re.MULTILINE
        )
        assert untested == [], f"{page.name} has code that is not executed"

    def test_toctree_lists_every_page(self) -> None:
        """Every page is reachable from the landing page."""
        index = (DOCS / "index.md").read_text(encoding="utf-8")
        for page in GUIDE_PAGES:
            if page.stem != "index":
                assert f"\n{page.stem}\n" in index, page.name
        api_index = (DOCS / "api" / "index.md").read_text(encoding="utf-8")
        for page in API_PAGES:
            if page.stem != "index":
                assert f"\n{page.stem}\n" in api_index, page.name

    def test_landing_page_lists_every_example(self) -> None:
        """The landing page names each example script."""
        index = (DOCS / "index.md").read_text(encoding="utf-8")
        assert [p.name for p in EXAMPLES if p.name not in index] == []

    def test_changelog_is_included(self) -> None:
        """The changelog page includes CHANGELOG.md rather than copying it."""
        assert "{include} ../CHANGELOG.md" in (DOCS / "changelog.md").read_text(
            encoding="utf-8"
        )


class TestExampleData:
    def test_shipped_json_is_the_seed_record(self) -> None:
        """examples/data/russia-ukraine-2025.json is the seed record as to_json writes it."""
        shipped = ROOT / "examples" / "data" / "russia-ukraine-2025.json"
        expected = to_json(seed_record(), indent=2) + "\n"
        assert shipped.read_text(encoding="utf-8") == expected, (
            "stale: write to_json(seed_record(), indent=2) to it again"
        )


_BY_NAME = re.compile(r"pip install\b(?P<args>.*)$")


def command_lines(text: str) -> list[str]:
    """The lines of the fenced blocks of *text* that are not directives (shell, text)."""
    lines: list[str] = []
    fence: str | None = None
    for line in text.splitlines():
        if fence is None:
            if line.startswith("```"):
                fence = line[3:].strip()
        elif line.startswith("```"):
            fence = None
        elif not fence.startswith("{"):
            lines.append(line)
    return lines


class TestNewcomer:
    """What a new user reads first is true: installing, the reference, the figures."""

    @pytest.mark.parametrize(
        "page", [ROOT / "README.md", *GUIDE_PAGES], ids=lambda p: p.name
    )
    def test_nothing_is_installed_from_an_index_by_name(self, page: Path) -> None:
        """
        The package is on no index: no command asks one for it.

        Adding an extra by name to the copy already installed is fine
        (``python -m pip install 'negotiation-records[plot]'``), and so is a folder of
        wheels with the index turned off.
        """
        for line in command_lines(page.read_text(encoding="utf-8")):
            match = _BY_NAME.search(line)
            if match is None or "--no-index" in match.group("args"):
                continue
            words = [w.strip("'\"") for w in match.group("args").split()]
            assert "negotiation-records" not in words, line

    def test_api_reference_shows_signatures(self) -> None:
        """No ``autoclass:: Name()``: the empty parentheses would hide the fields."""
        for page in API_PAGES:
            text = page.read_text(encoding="utf-8")
            hidden = re.findall(r"^\.\. auto(?:class|exception):: \S+\(\)", text, re.M)
            assert hidden == [], page.name

    def test_strategies_are_documented(self) -> None:
        """The strategies module has a reference page and a guide with a test."""
        reference = (DOCS / "api" / "strategies.md").read_text(encoding="utf-8")
        assert ".. automodule:: negotiation_records.strategies" in reference
        guide = (DOCS / "testing.md").read_text(encoding="utf-8")
        assert "```{doctest}\n>>> from hypothesis import given" in guide

    @pytest.mark.parametrize(
        "term",
        ["principal", "anchor", "cut-off", "window", "milestone", "partial date"],
    )
    def test_glossary_defines(self, term: str) -> None:
        """The glossary defines the words the rest of the docs rely on."""
        glossary = (DOCS / "glossary.md").read_text(encoding="utf-8")
        assert f"\n{term}\n  " in glossary

    def test_comparison_quotes_the_benchmarks(self) -> None:
        """The comparison page gives the figures of benchmarks/README.md, as measured."""
        results = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")
        comparison = (DOCS / "comparison.md").read_text(encoding="utf-8")
        targets = results[results.index("## The targets, measured cold") :]
        quoted = 0
        for measure in (
            "decode, distinct documents",
            "encode, records built in Python",
            "round trip, distinct documents",
            "read_jsonl, 20,000 distinct lines",
        ):
            row = re.search(rf"^\| {re.escape(measure)} \|(.*)$", targets, re.M)
            assert row is not None, measure
            for figure in row.group(1).split("|")[:3]:
                assert figure.strip() in comparison, (measure, figure)
                quoted += 1
        assert quoted == 12
        measured = re.search(r"Run on (\S+)", targets)
        assert measured is not None
        assert measured.group(1) in comparison

    def test_copy_buttons(self) -> None:
        """Code blocks get a copy button, and the docs group installs it."""
        conf = (DOCS / "conf.py").read_text(encoding="utf-8")
        assert '"sphinx_copybutton"' in conf
        pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        assert '"sphinx-copybutton' in pyproject


class TestGazaPhaseOneExample:
    """
    The docs' Gaza ceasefire: its first phase began on 19 January 2025 and
    ended on 1 March, day 42 counting the first day (``Deadline.on_day``), not
    on 2 March, 42 days *after* the start.
    """

    def _run(self, text: str, name: str) -> list[str]:
        """Run the doctest examples of *text*; the outputs they show."""
        parser = doctest.DocTestParser()
        globs: dict[str, object] = {"pendulum": pendulum}
        exec("from negotiation_records import *", globs)  # noqa: S102 - the docs' setup
        test = parser.get_doctest(text, globs, name, None, 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        failed, _ = runner.run(test, out=lambda _: None)
        assert failed == 0, name
        return [example.want for example in test.examples]

    def test_phase_docstring(self) -> None:
        """The ``Phase`` docstring's phase one ends on 1 March 2025."""
        shown = self._run(inspect.getdoc(negotiation_records.Phase) or "", "Phase")
        assert "Date(2025, 3, 1)\n" in shown

    def test_modelling_page(self) -> None:
        """The agreement of docs/modelling.md ends its phase one on 1 March 2025."""
        page = (DOCS / "modelling.md").read_text(encoding="utf-8")
        start = page.index("## An agreement with phases")
        section = page[start : page.index("\n## ", start + 1)]
        blocks = re.findall(r"```\{doctest\}\n(.*?)```", section, re.DOTALL)
        shown = self._run(blocks[0], "modelling.md")
        assert "(<AgreementStatus.IN_FORCE: 'in-force'>, Date(2025, 3, 1))\n" in shown
