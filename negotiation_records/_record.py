"""
The base of every record (private): validation on construction.

Records validate on construction and report **every** problem at once.  attrs
runs converters and validators field by field and stops at the first exception,
so the records use a different split:

* each field's kind (:mod:`negotiation_records.fields`) converts what it can
  into the stored form and passes anything else through untouched;
* :class:`Record` then tests every field — first with one compiled test per
  class, built from the kinds' :meth:`~negotiation_records.fields.Kind.check_code`,
  which vouches for valid values without a call; when it cannot vouch for
  them all, every kind's :meth:`~negotiation_records.fields.Kind.problems` runs
  and makes the messages;
* when the fields are valid, the class's own cross-field ``_problems()`` runs;
* one :class:`~negotiation_records.ValidationError` holds everything found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Final

import attrs

from negotiation_records._codegen import Namespace, compile_function
from negotiation_records._frozen import refuse_changes
from negotiation_records._references import STATE as _READING
from negotiation_records._unread import read_failure
from negotiation_records._value_methods import ValueMethods
from negotiation_records.errors import (
    ValidationError,
    join_path,
    moved_problems,
)
from negotiation_records.fields import Many, kind_of
from negotiation_records.timeutil import KeepsFold


__all__ = [
    "Record",
    "argument_problems",
    "cross_field_validator",
    "field_check",
    "field_error",
    "field_problems",
    "frozen_record",
    "given_fields",
    "given_test",
    "has_cross_field_check",
    "only_with",
    "read_values_test",
    "record_validator",
]

_VALIDATORS: Final[dict[type, Callable[[Any], None]]] = {}
_MISSING: Final = object()

if TYPE_CHECKING:
    # Type checkers see ``attrs.frozen(..., init=False)``: the class's own typed
    # ``__init__`` declaration then gives the constructor's argument types.
    from attrs import frozen as frozen_record
else:

    def frozen_record(*, init: bool = True, **options: Any) -> Any:
        """
        The decorator of every record class: ``attrs.frozen(**options)``.

        Record classes are written ``@frozen_record(kw_only=True, init=False)``
        and declare, under ``if TYPE_CHECKING:``, an ``__init__`` whose argument
        types are what the fields' kinds accept (``kind: PartyKind | str``,
        ``aliases: Iterable[str]``), written by ``python -m
        negotiation_records._signatures --write``.  mypy's attrs plugin cannot
        see the converters that :func:`~negotiation_records.fields.field`
        installs, so without that declaration it would type the arguments as the
        stored types.  Type checkers read ``init=False`` and keep the declared
        ``__init__``; at run time *init* is ignored and the constructor is the one
        attrs writes.  Equality, hashing and ``repr`` are :class:`Record`'s,
        written for a class on first use (see ``_value_methods``), not attrs',
        which attrs would write for every class on import.  Setting or
        deleting an attribute raises
        :class:`~negotiation_records.FrozenRecordError` (see ``_frozen``).
        """
        del init
        decorate = attrs.frozen(**{"eq": False, "repr": False, **options})
        return lambda cls: refuse_changes(decorate(cls))


def field_problems(instance: object) -> Iterator[tuple[str, str]]:
    """Every field's problems, with paths from the record."""
    for attribute in attrs.fields(type(instance)):  # type: ignore[arg-type]
        kind = kind_of(attribute)
        if kind is None:
            continue
        for path, message in kind.problems(getattr(instance, attribute.name)):
            yield join_path(attribute.name, path), message


def field_error(record: object, problems: list[tuple[str, str]]) -> ValidationError:
    """
    The :class:`ValidationError` of the fields' *problems* of *record*: its
    ``__cause__`` is the exception that reading a list given for one of the
    fields raised (a generator that failed part-way), if one did, so that
    the user's own failure is kept, traceback and all.
    """
    error = ValidationError(problems)
    values = (getattr(record, a.name) for a in attrs.fields(type(record)))  # type: ignore[arg-type]
    error.__cause__ = read_failure(values)
    return error


def argument_problems(
    owner: type, name: str, value: object
) -> tuple[Any, list[tuple[str, str]]]:
    """
    *value*, given to a method for the field *name* of the record class
    *owner*: as the field stores it (its kind's conversion), and its problems,
    at the field's path, by the field's kind.
    """
    return field_check(attrs.fields_dict(owner)[name])(value)


def field_check(
    attribute: attrs.Attribute[Any],
) -> Callable[[object], tuple[Any, list[tuple[str, str]]]]:
    """
    The check a record makes of a value given for its field *attribute*: a
    function of the value that gives it as the field stores it (its kind's
    conversion) and its problems, at the field's path, by the field's kind.
    """
    kind = kind_of(attribute)
    assert kind is not None  # noqa: S101 - a record's fields are declared with field()
    name = attribute.name
    convert, convert_late, problems = kind.convert, kind.convert_late, kind.problems

    def check(value: object) -> tuple[Any, list[tuple[str, str]]]:
        stored = convert_late(convert(value))
        return stored, [(join_path(name, path), m) for path, m in problems(stored)]

    return check


def read_values_test(cls: type) -> Callable[[Mapping[str, Any]], bool]:
    """
    The compiled test of values read from a document for fields of the record
    class *cls* (by :meth:`Kind.load <negotiation_records.fields.Kind.load>`,
    which gives the stored form, as the compiled loaders do; a mapping by
    argument name, in which any field may be left out): ``True`` when it
    vouches that none has a problem, ``False`` when :func:`field_check` must
    say.
    """
    ns = Namespace(_MISSING=_MISSING)
    lines = ["def values_ok(a):"]
    for attribute in attrs.fields(cls):
        kind = kind_of(attribute)
        if kind is None:
            continue
        lines += [
            f"    v = a.get({attribute.alias!r}, _MISSING)",
            "    if v is not _MISSING:",
            *kind.check_code(ns, "v", "        ", "return False"),
            "        pass",
        ]
    lines.append("    return True")
    test: Callable[[Any], bool] = compile_function(
        lines, f"checks read values {cls.__module__}.{cls.__qualname__}", ns.names
    )

    def values_ok(values: Mapping[str, Any]) -> bool:
        try:
            return test(values)
        except Exception:  # noqa: BLE001 - field_check will say what
            return False

    return values_ok


def _compile_field_test(cls: type) -> Callable[[Any], bool]:
    """The compiled test of every field of the record class *cls*."""
    ns = Namespace()
    lines = ["def fields_ok(self):"]
    for attribute in attrs.fields(cls):
        kind = kind_of(attribute)
        if kind is not None:
            lines.append(f"    v = self.{attribute.name}")
            lines.extend(kind.check_code(ns, "v", "    ", "return False"))
    lines.append("    return True")
    test: Callable[[Any], bool] = compile_function(
        lines, f"checks {cls.__module__}.{cls.__qualname__}", ns.names
    )
    return test


def _converted_late(cls: type) -> tuple[tuple[str, Any], ...]:
    """The fields of *cls* whose kinds convert late (see ``Kind.convert_late``)."""
    found = []
    for attribute in attrs.fields(cls):
        kind = kind_of(attribute)
        if kind is not None and kind.converts_late:
            found.append((attribute.name, kind))
    return tuple(found)


def _convert_late(record: Any, late: tuple[tuple[str, Any], ...]) -> bool:
    """
    Apply the late conversions of the fields *late* to a new *record* whose
    compiled check failed (a str subclass becomes a plain str); whether any
    value changed.
    """
    changed = False
    for name, kind in late:
        value = getattr(record, name)
        stored = kind.convert_late(value)
        if stored is not value:
            object.__setattr__(record, name, stored)
            changed = True
    return changed


_ONLY_WITH: Final = "_only_with"

_Check = Callable[..., Iterable[tuple[str, str]]]


def only_with(*names: str) -> Callable[[_Check], _Check]:
    """
    Mark a record's check across fields (its ``_problems``) as one that finds
    nothing while any of the fields *names* is empty: ``None``, or an empty
    tuple.  The constructor and the compiled loader then skip the call (a
    generator made and run) for such a record: most representatives give no
    dates, most quantities no parties.  The check itself stays whole (it
    still tests what it needs, for the type checker and for direct calls);
    ``tests/test_only_with.py`` holds every marked check to the mark.
    """

    def mark(check: _Check) -> _Check:
        setattr(check, _ONLY_WITH, names)
        return check

    return mark


def given_fields(cls: type) -> tuple[str, ...]:
    """
    The fields without which the check across fields of *cls* finds nothing
    (:func:`only_with`), ``()`` when it runs always; a name that is no field
    of *cls* is a :class:`TypeError`.
    """
    names: tuple[str, ...] = getattr(getattr(cls, "_problems", None), _ONLY_WITH, ())
    fields = attrs.fields_dict(cls)
    unknown = [name for name in names if name not in fields]
    if unknown:
        raise TypeError(
            f"only_with() of {cls.__qualname__}._problems names no field of it: "
            f"{', '.join(unknown)}"
        )
    return names


def given_test(cls: type, value: Callable[[str], str]) -> str:
    """
    The Python test that every field the check across fields of *cls* needs
    (:func:`given_fields`) holds something, on the expression *value* gives
    for each field's value: a list field not empty, any other not ``None``;
    ``""`` when the check runs always.  The constructor's check and the
    compiled loader (on its locals) both test this.
    """
    fields = attrs.fields_dict(cls)
    return " and ".join(
        value(name)
        if isinstance(kind_of(fields[name]), Many)
        else f"{value(name)} is not None"
        for name in given_fields(cls)
    )


def has_cross_field_check(cls: type) -> bool:
    """Whether the record class *cls* has a check across fields (a ``_problems`` of its own)."""
    return getattr(cls, "_problems", Record._problems) is not Record._problems


def cross_field_validator(cls: type) -> Callable[[Any], None] | None:
    """
    The check across fields of the record class *cls* (its ``_problems``), as a
    function that raises the :class:`ValidationError`, or ``None`` if it has none.
    It is not called for a record whose fields named by :func:`only_with` are
    not all given.
    """
    if not has_cross_field_check(cls):
        return None
    given = given_test(cls, lambda name: f"self.{name}")
    lines = [
        "def validate(self):",
        *([f"    if not ({given}):", "        return"] if given else []),
        "    problems = list(_cross(self))",
        "    if problems:",
        "        raise _ValidationError(problems)",
    ]
    names = {"_cross": cls._problems, "_ValidationError": ValidationError}  # type: ignore[attr-defined]
    validate: Callable[[Any], None] = compile_function(
        lines, f"cross-field check {cls.__qualname__}", names
    )
    return validate


def record_validator(cls: type) -> Callable[[Any], None]:
    """
    The function that validates a new instance of the record class *cls*: one
    :class:`ValidationError` with every field's problems or, when the fields
    are valid, with the problems across fields.  Built once a class.
    """
    known = _VALIDATORS.get(cls)
    if known is not None:
        return known
    fields_ok = _compile_field_test(cls)
    cross = cross_field_validator(cls)
    late = _converted_late(cls)

    def validate(self: Any) -> None:
        try:
            valid = fields_ok(self)
        except Exception:  # noqa: BLE001 - the kinds' own checks will say what
            valid = False
        if not valid and late and _convert_late(self, late):
            try:
                valid = fields_ok(self)
            except Exception:  # noqa: BLE001 - as above
                valid = False
        if not valid:
            problems = list(field_problems(self))
            if problems:
                raise field_error(self, problems)
        if cross is not None:
            cross(self)

    _VALIDATORS[cls] = validate
    return validate


def _with_argument_problems(record: Any, exc: ValidationError) -> None:
    """Raise *exc*'s problems with an init-only argument, and the fields' too."""
    problems = list(exc.errors)
    problems += [
        problem
        for problem in field_problems(record)
        if not problem[0].startswith("history")
    ]
    order = {a.alias: i for i, a in enumerate(attrs.fields(type(record)))}
    order.update({a.name: i for i, a in enumerate(attrs.fields(type(record)))})
    order["status"] = order["status_on"] = order.get("history", 0)
    problems.sort(key=lambda p: order.get(p[0].split(".")[0].split("[")[0], 0))
    error = field_error(record, problems)
    # The fields' failure, else the init-only argument's (a zone that raised)
    raise error from error.__cause__ or exc.__cause__


class Record(ValueMethods, KeepsFold):
    """
    The base of every record class: on construction each field is checked by
    its kind, then the record's own checks across fields run.

    A record class of your own subclasses it, is an attrs class
    (``@attrs.frozen(kw_only=True)``) and declares its fields with
    :func:`~negotiation_records.fields.field`: it is then checked as the
    library's records are (every problem at once, in a
    :class:`~negotiation_records.ValidationError`), on construction and when
    :func:`~negotiation_records.from_json` reads it, and
    :func:`~negotiation_records.to_json` and
    :func:`~negotiation_records.json_schema` write and describe it.  An attrs
    class that declares its fields so without this base is converted, read
    and written, but not checked.  Checks across fields go in a method
    ``_problems(self)`` that yields ``(path, message)`` pairs; it runs only
    when every field passed its own check, so it may rely on their types.
    (A class that is a whole document, with a ``schema_version`` when
    serialized, sets ``_versioned = True``.)

    Example:
        >>> import attrs
        >>> from negotiation_records.fields import Slug, Text, field
        >>> @attrs.frozen(kw_only=True)
        ... class Briefing(Record):
        ...     id: str = field(Slug())
        ...     text: str = field(Text())
        >>> Briefing(id="Brief 1", text=" ")
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: 2 problems:
          id: must be a lower-case slug (a-z, 0-9 and '-', '_', '.' inside, at most 64 characters), got 'Brief 1'
          text: must be non-empty text, got ' '
        >>> to_json(Briefing(id="b-1", text="Talks resume"))
        '{"id":"b-1","text":"Talks resume"}'
        >>> from_json(Briefing, '{"id": "b-1", "text": ""}')
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: text: must be non-empty text, got ''
    """

    __slots__ = ()

    _kind: ClassVar[str] = "record"
    #: Whether the record checks the references of the records inside it: its
    #: :meth:`_problems` then takes the ``References`` its compiled loader
    #: noted (``None`` when built otherwise; see ``_references``).
    _checks_references: ClassVar[bool] = False
    _versioned: ClassVar[bool] = False
    #: Whether the class takes init-only arguments (``status=``) that
    #: :meth:`_take_init_only` folds into its fields before the check.
    _init_only: ClassVar[bool] = False

    def __attrs_post_init__(self) -> None:
        reading = _READING.references
        if reading is not None:  # built while a document is read: see _references
            reading.complete = False
        cls = self.__class__
        validate = _VALIDATORS.get(cls) or record_validator(cls)
        if not cls._init_only:
            validate(self)
            return
        try:
            moves = self._take_init_only()
        except ValidationError as exc:  # reported with the fields' problems
            _with_argument_problems(self, exc)
        try:
            validate(self)
        except ValidationError as exc:
            if not moves:
                raise
            # A step the arguments made is reported at the arguments.
            raise ValidationError(moved_problems(exc.errors, moves)) from exc.__cause__

    def _take_init_only(self) -> Mapping[str, str]:
        """
        Fold the init-only arguments into the fields; the default has none.
        Returns where the problems of what they made are reported
        (:func:`~negotiation_records.errors.moved_path`).
        """
        return {}

    def _problems(self) -> Iterable[tuple[str, str]]:
        """Cross-field problems; the default finds none."""
        return ()
