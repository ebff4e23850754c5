"""
Sphinx configuration for the negotiation-records documentation.

The build must pass offline with ``-n -W`` (see ``.ci/run``): intersphinx is only
switched on when ``DOCS_INTERSPHINX=1`` (or on Read the Docs), and the names that
cannot be resolved without it are listed in ``nitpick_ignore_regex``.
"""

from __future__ import annotations

import doctest
import enum
import functools
import importlib
import os
import pkgutil
import re
import sys
from importlib.metadata import version as _version
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging

import negotiation_records


# -- Project -------------------------------------------------------------------

project = "negotiation-records"
author = "negotiation-records developers"
copyright = "2026, negotiation-records developers"
release = _version("negotiation-records")
version = ".".join(release.split(".")[:2])

# -- General -------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "sphinx_copybutton",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
default_role = "any"
nitpicky = True

# -- autodoc and napoleon -----------------------------------------------------------

autodoc_typehints = "description"
autodoc_typehints_description_target = "all"
autodoc_member_order = "bysource"
autodoc_type_aliases = {"Moment": "negotiation_records.Moment"}
autodoc_default_options = {"exclude-members": "__init__, __new__"}
autoclass_content = "class"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = True
napoleon_attr_annotations = True

# Sphinx shows an alias inside a union (``Moment | None``) as the repr of its
# internal placeholder, ``TypeAliasForwardRef('negotiation_records.Moment')``;
# make that repr the alias name so that the union reads ``Moment | None``.
try:
    from sphinx.util.inspect import TypeAliasForwardRef as _AliasRef
except ImportError:  # pragma: no cover - a Sphinx without the placeholder
    pass
else:
    _AliasRef.__repr__ = lambda self: str(self.name)  # type: ignore[method-assign]

# -- doctest -------------------------------------------------------------------------

doctest_global_setup = """\
import pendulum
from negotiation_records import *
from negotiation_records.timeline import build_timeline
from negotiation_records.timeutil import moment_span, zone
"""
# The Hypothesis examples of the testing page run under a profile without time
# limits: on a loaded machine their health check could call them too slow.
doctest_global_setup += """\
try:
    import hypothesis as _hypothesis
except ImportError:
    pass
else:
    _hypothesis.settings.register_profile(
        "docs",
        deadline=None,
        suppress_health_check=[_hypothesis.HealthCheck.too_slow],
    )
    _hypothesis.settings.load_profile("docs")
"""
# Exception messages are part of what the examples show, so they are compared
# (Sphinx's default would ignore them).
doctest_default_flags = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1

# -- intersphinx (online only) -------------------------------------------------------

if os.environ.get("DOCS_INTERSPHINX") == "1" or os.environ.get("READTHEDOCS"):
    intersphinx_mapping = {
        "python": ("https://docs.python.org/3", None),
        "attrs": ("https://www.attrs.org/en/stable/", None),
        "cattrs": ("https://catt.rs/en/stable/", None),
    }
else:
    intersphinx_mapping = {}

# Names outside this project.  pendulum publishes no Sphinx inventory, so its
# names never resolve; the standard library, attrs and cattrs resolve only with
# intersphinx (online).
nitpick_ignore_regex = [
    (r"py:.*", r"pendulum(\..*)?"),
    (r"py:.*", r"(datetime|zoneinfo|collections\.abc|enum|json|io|os|pathlib)\..*"),
    # ``import datetime as _dt``: an annotation autodoc cannot evaluate stays text.
    (r"py:.*", r"_dt\..*"),
    (r"py:.*", r"(attrs|attr|cattrs|cattr)(\..*)?"),
    (r"py:.*", r"(typing|typing_extensions|types)\..*"),
    (r"py:.*", r"(Duration|DateTime|Date|Timezone|FixedTimezone|Interval)"),
    # matplotlib (the `plot` extra) publishes an inventory, but only online.
    (r"py:.*", r"(matplotlib(\..*)?|Figure)"),
    # Hypothesis (the `strategies` extra) publishes an inventory, but only online.
    (r"py:.*", r"(hypothesis(\..*)?|SearchStrategy|S)"),
    # pyarrow (the `tables` extra) publishes an inventory, but only online.
    (r"py:.*", r"pyarrow(\..*)?"),
    # What write_jsonl and write_plover write to: any object with a ``write``
    # method for text or for bytes (structural types, described in their text).
    (r"py:class", r"negotiation_records\._files\.(Text|Bytes)Writer"),
    # Type variables (``T`` in ``from_json(cls: type[T], ...) -> T``).
    (r"py:class", r"negotiation_records\.\w+\.[A-Z]"),
]

# -- copy buttons (sphinx-copybutton) ----------------------------------------------------

# Copying an example copies the code only: not the ``>>>``/``...`` prompts (.gp),
# not the output (.go), not line numbers.
copybutton_exclude = ".linenos, .gp, .go"

# -- HTML ------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"negotiation-records {release}"
html_static_path: list[str] = []


# -- references to the package root ------------------------------------------------------


@functools.cache
def _public_name(target: str) -> str | None:
    """
    ``negotiation_records.deadlines.Deadline.on`` -> ``negotiation_records.Deadline.on``.

    Every public name is documented once, at the path users import it from (the
    package root).  Type hints and docstrings name the defining module instead;
    this maps such a target to the documented one.
    """
    parts = target.split(".")
    for cut in range(len(parts), 0, -1):
        module_name = ".".join(parts[:cut])
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        rest = parts[cut:]
        if not rest:
            return None
        obj: Any = getattr(module, rest[0], None)
        if obj is None:
            return None
        for public in negotiation_records.__all__:
            if getattr(negotiation_records, public) is obj:
                return ".".join(["negotiation_records", public, *rest[1:]])
        return None
    return None


def _resolve_public(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """
    Resolve a Python reference that names a public object by another path.

    ``negotiation_records.deadlines.Deadline`` (a type hint), ``Moment`` (a short
    name inside a docstring) and ``Ultimatum.revise_deadline`` all lead to the one
    place the object is documented.
    """
    if node.get("refdomain") != "py":
        return None
    target: str = node["reftarget"]
    module = node.get("py:module") or ""
    cls = node.get("py:class") or ""
    candidates = [target]
    if not target.startswith("negotiation_records"):
        if module and cls:
            candidates.append(f"{module}.{cls}.{target}")
        if module:
            candidates.append(f"{module}.{target}")
        candidates.append(f"negotiation_records.{target}")
    domain = env.get_domain("py")
    documented = domain.objects  # type: ignore[attr-defined]
    wanted: list[str] = []
    for candidate in candidates:
        public = _public_name(candidate)
        if public is not None:
            wanted.append(public)
        if candidate in documented:
            wanted.append(candidate)
    if not wanted and "." not in target.removeprefix("negotiation_records."):
        short = target.removeprefix("negotiation_records.")
        found = [
            name
            for name in documented
            if name.startswith("negotiation_records.") and name.endswith("." + short)
        ]
        if len(found) == 1:
            wanted = found
    for name in wanted:
        # ``Moment`` is data, but type hints refer to it as a class.
        for reftype in (node["reftype"], "obj"):
            if name == target and reftype == node["reftype"]:
                continue
            resolved = domain.resolve_xref(
                env, node["refdoc"], app.builder, reftype, name, node, contnode
            )
            if resolved is not None:
                return resolved
    return None


_DOTTED = re.compile(r"negotiation_records(?:\.\w+)+")


#: Names a type hint gives as the source spells them, not as a reader imports
#: them: the package's ``import datetime as _dt``, and pendulum's classes under
#: the modules that define them (``pendulum.date`` is a function in pendulum 3).
_READERS_NAMES = re.compile(
    r"\b_dt\.|\bpendulum\.(?:datetime|date|time|duration|interval)\."
    r"(?=(?:DateTime|Date|Time|Duration|Interval)\b)"
)


def _readers_name(match: re.Match[str]) -> str:
    return "datetime." if match.group().startswith("_dt") else "pendulum."


def _public_link_text(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """
    Show every link to a public name under that name, and every type hint's
    name as a reader imports it (``datetime.date``, ``pendulum.DateTime``).

    Type hints name the defining module (``negotiation_records.parties.PartyKind``);
    the link already leads to the documented name, and this makes its text (and its
    tooltip) say ``negotiation_records.PartyKind``, what users import.
    """
    for text in list(doctree.findall(nodes.Text)):
        shown = _READERS_NAMES.sub(_readers_name, str(text))
        if shown != str(text) and text.parent is not None:
            text.parent.replace(text, nodes.Text(shown))
    for ref in doctree.findall(nodes.reference):
        title = ref.get("reftitle")
        if isinstance(title, str) and _DOTTED.fullmatch(title):
            ref["reftitle"] = _public_name(title) or title
        for text in list(ref.findall(nodes.Text)):
            if _DOTTED.fullmatch(str(text)) and text.parent is not None:
                public = _public_name(str(text))
                if public is not None and public != str(text):
                    text.parent.replace(text, nodes.Text(public))


def _enum_values_as_members(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """
    Show an attribute that holds a member of an enum (``Ultimatum.RAN_OUT``)
    as that member, ``= UltimatumStatus.EXPIRED``, not as its value.

    autodoc shows any enum attribute by its ``.value`` (``= 'expired'``), as
    suits the members listed in their own enum's page, but reads as text for
    a class constant that names a member of another enum.
    """
    for signature in doctree.findall(addnodes.desc_signature):
        module = sys.modules.get(signature.get("module") or "")
        owner: object = None
        value: object = module
        for part in str(signature.get("fullname") or "").split("."):
            owner, value = value, getattr(value, part, None)
        if not isinstance(value, enum.Enum) or module is None or owner is type(value):
            continue  # an enum's own members show their values
        shown = f"{type(value).__name__}.{value.name}"
        for annotation in signature.findall(addnodes.desc_annotation):
            for text in list(annotation.findall(nodes.Text)):
                if str(text) == repr(value.value) and text.parent is not None:
                    text.parent.replace(text, nodes.Text(shown))


def _data_docstring(  # noqa: PLR0917 - the signature of a Sphinx event
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """
    Give a public *data* name (``Moment``) the doc-comment it has where defined.

    autodoc looks for the comment in the package ``__init__``, where the name is
    only imported, and would fall back to the docstring of the value's type.
    """
    if what != "data" or not name.startswith("negotiation_records."):
        return
    short = name.rsplit(".", 1)[1]
    for module_name in sorted(sys.modules):
        if not module_name.startswith("negotiation_records."):
            continue
        if getattr(sys.modules[module_name], short, None) is not obj:
            continue
        try:
            docs = ModuleAnalyzer.for_module(module_name).find_attr_docs()
        except PycodeError:
            continue
        found = docs.get(("", short))
        if found:
            lines[:] = list(found)
            return


def _no_inline_attribute_type(  # noqa: PLR0917 - the signature of a Sphinx event
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """
    Keep napoleon from reading ``"A round of talks: held, ..."`` as a type.

    napoleon takes the text before a colon on the first line of an attribute's or
    a property's docstring as its type.  The library's types come from the
    annotations, so a first line that is an empty comment turns that reading off.
    """
    if what in {"attribute", "property", "data"} and lines and ":" in lines[0]:
        lines[:0] = ["..", ""]


def _no_constructor_parameters(  # noqa: PLR0917 - the signature of a Sphinx event
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> None:
    """
    Leave the constructor's parameters out of a class's description.

    A record's fields are its constructor's parameters; they are documented,
    with their types, under "Attributes", so listing them twice only adds noise.
    """
    if what in {"class", "exception"}:
        app.env.current_document.autodoc_annotations.pop(name, None)


def _status_steps_table(  # noqa: PLR0917 - the signature of a Sphinx event
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """
    Show a ``STATUS_STEPS`` table as the steps it allows, read from the table.

    Its value's ``repr`` would be a wall of ``<ProposalStatus.PENDING:
    'pending'>``; a list of the steps from each status, and the final ones,
    is what a reader asks of it.
    """
    if what != "data" or not name.endswith(".STATUS_STEPS") or not obj:
        return
    assert isinstance(obj, dict)  # noqa: S101 - a table of steps
    first = next(iter(obj))
    assert isinstance(first, enum.Enum)  # noqa: S101 - keyed by a status enum
    order = list(type(first))
    lines += ["", ".. list-table::", "   :header-rows: 1", ""]
    lines += ["   * - from", "     - a step may lead to"]
    for status in order:
        steps = sorted(obj.get(status, ()), key=order.index)
        lines.append(f"   * - ``{status.value}``")
        lines.append(
            "     - " + (", ".join(f"``{s.value}``" for s in steps) or "(final)")
        )
    lines.append("")


_LOGGER = logging.getLogger(__name__)


def _every_public_name_documented(app: Sphinx, env: BuildEnvironment) -> None:
    """
    Warn (an error under ``-W``) of a name in a public module's ``__all__``
    that the API reference does not document: under its module's path, or
    under the package root where the root exports the same object.
    """
    documented = {entry[0] for entry in env.get_domain("py").get_objects()}
    public = ["negotiation_records"] + [
        f"negotiation_records.{info.name}"
        for info in pkgutil.iter_modules(negotiation_records.__path__)
        if not info.name.startswith("_")
    ]
    for module_name in public:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if f"{module_name}.{name}" in documented or (
                f"negotiation_records.{name}" in documented
                and getattr(negotiation_records, name, None) is value
            ):
                continue
            _LOGGER.warning(
                "%s.%s is in its module's __all__ but not in the API reference",
                module_name,
                name,
                type="negotiation_records",
                subtype="undocumented",
            )


# -- the timeline picture of the seed record (cli.md) -----------------------------------


def _render_seed_timeline(app: Sphinx) -> None:
    """
    Draw the seed record's timeline for ``cli.md``, afresh on every build.

    The picture goes under ``_build/`` (ignored by git), not into the sources.
    """
    import importlib.util  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from negotiation_records.plot import timeline  # noqa: PLC0415

    source = Path(app.srcdir).parent / "examples" / "ukraine_russia_2025.py"
    spec = importlib.util.spec_from_file_location("_docs_seed_example", source)
    assert spec is not None and spec.loader is not None  # noqa: S101, PT018
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    target = Path(app.srcdir) / "_build" / "generated" / "seed-timeline.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    record = example.build_record().as_of(example.REPORT_DAY)  # as plot --at draws
    timeline(record, at=example.REPORT_DAY).savefig(target)


def setup(app: Sphinx) -> None:
    app.connect("missing-reference", _resolve_public)
    app.connect("doctree-resolved", _public_link_text)
    app.connect("doctree-resolved", _enum_values_as_members)
    app.connect("builder-inited", _render_seed_timeline)
    # Both before sphinx.ext.napoleon (500) reads the docstrings.
    app.connect("autodoc-process-docstring", _data_docstring, priority=400)
    app.connect("autodoc-process-docstring", _status_steps_table, priority=420)
    app.connect("autodoc-process-docstring", _no_inline_attribute_type, priority=450)
    # After sphinx.ext.autodoc.typehints has recorded the annotations (500).
    app.connect("autodoc-process-signature", _no_constructor_parameters, priority=600)
    app.connect("env-check-consistency", _every_public_name_documented)
