"""Typed helpers for the W50 `match` and `customevents` query parameters.

The W50API reads three things from the query string of the upsert (`/contact`) and run
(`/import/{id}/run`) operations:

* ``customevents=SendWelcomeEmail,SendEventInvite`` -- custom events fired for every contact the
  call inserted or updated: :class:`CustomEvents`.
* ``match=ReferanceAccountId,Email`` -- the properties that identify existing contacts.
  With POST/PUT the values come from each contact itself: :class:`MatchOn`.
* With PATCH, also one parameter per matched property carrying the value to match
  (``ReferanceAccountId=123456&Email=pgannon%40customerminds.com``): :class:`MatchValues`.

Every name is checked when the helper is built, before any request: a name must match the
spec's `pattern` for the list's items (:func:`list_item_rule`, the rule the sandbox applies too:
not empty, no comma -- the separator of the list --, no blank at either end, no control
character); duplicates (the API compares names without regard to case) and names that collide
with the operation's own query parameters (read from the spec) are rejected too, with
:class:`~contactimport.errors.InvalidParameterError` naming the offending value.

Example::

    from contactimport.querystring import CustomEvents, MatchOn, MatchValues

    match = MatchOn("Email", "ReferanceAccountId")          # POST/PUT: values from the contact
    patch = MatchValues({"ReferanceAccountId": 123456})      # PATCH: values given here
    events = CustomEvents("SendWelcomeEmail", "SendEventInvite")
    match.query() + events.query()  # [("match", "Email,ReferanceAccountId"), ("customevents", ...)]
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final
from urllib.parse import quote

from . import _spec
from ._spec import operation_specs
from .errors import InvalidParameterError

__all__ = [
    "CUSTOM_EVENTS_PARAMETER",
    "MATCH_PARAMETER",
    "CustomEvents",
    "ListItemRule",
    "MatchOn",
    "MatchValue",
    "MatchValues",
    "build_query",
    "check_contacts_carry_match",
    "check_names_against_fields",
    "encode_query",
    "list_item_rule",
    "reserved_query_names",
]

MATCH_PARAMETER: Final = "match"
CUSTOM_EVENTS_PARAMETER: Final = "customevents"
_SEPARATOR: Final = ","
_BLANKS: Final = " \t\n\r\x0b\x0c"

MatchValue = str | int | float | bool
"""A value to match on: sent as text (`True` as `true`, numbers as written by `str`)."""


@lru_cache(maxsize=1)
def reserved_query_names() -> frozenset[str]:
    """Lower-cased names of every named query parameter of the W50 spec (`match`, `customevents`).

    A property called like one of them could not be told apart from the parameter on the wire.
    Taken from the operations the clients read once from the spec (`_spec.operation_specs`); the
    free-form `matchValues` object is not a name on the wire and is left out.
    """
    return frozenset(
        name.lower()
        for operation in operation_specs("which50").values()
        for name in operation.query_names
    )


@dataclass(frozen=True)
class ListItemRule:
    """What one item of a `match` / `customevents` list may hold: its schema's `minLength` and
    `pattern`, as the spec states them (assumption `query-list-items`)."""

    parameter: str
    min_length: int
    pattern: re.Pattern[str] | None

    def problem(self, item: str) -> str | None:
        """Why ``item`` breaks the rule, in words (None when it does not)."""
        if len(item) < self.min_length:
            return "is empty"
        if self.pattern is None or self.pattern.search(item) is not None:
            return None
        # The pattern decides; the rest only says why, in words.
        if not item.strip(_BLANKS):
            return "is empty"
        if _SEPARATOR in item:
            return "contains a comma, the separator of the list"
        if item != item.strip(_BLANKS):
            return "has leading or trailing blanks"
        if any(unicodedata.category(ch) == "Cc" for ch in item):
            return "contains a control character"
        return f"does not match the pattern {self.pattern.pattern!r} of the spec"


def list_item_rule(parameter: str, document: Mapping[str, Any] | None = None) -> ListItemRule:
    """The item rule of the W50 list parameter ``parameter`` (`match`, `customevents`), read from
    ``document`` (the W50 spec; `contactimport.generated.spec`'s by default).

    Every operation declaring the parameter must give its items the same rule; the sandbox reads
    its requests by this same function, so client and server cannot disagree on a name.
    """
    if document is None:
        return _default_rule(parameter)
    rules: set[tuple[int, str | None]] = set()
    for item in (document.get("paths") or {}).values():
        if not isinstance(item, Mapping):
            continue
        operations = [op for op in item.values() if isinstance(op, Mapping) and "responses" in op]
        for holder in (item, *operations):
            for declared in holder.get("parameters") or []:
                declared = _resolve(document, declared)
                if declared.get("name") != parameter or declared.get("in") != "query":
                    continue
                items = _resolve(
                    document, _resolve(document, declared.get("schema") or {}).get("items") or {}
                )
                pattern = items.get("pattern")
                rules.add(
                    (int(items.get("minLength", 0)), None if pattern is None else str(pattern))
                )
    if len(rules) != 1:
        raise ValueError(
            f"the spec gives the items of query parameter {parameter!r} "
            + ("no rule" if not rules else f"different rules: {sorted(rules, key=str)}")
        )
    ((min_length, pattern),) = rules
    return ListItemRule(parameter, min_length, None if pattern is None else re.compile(pattern))


@lru_cache(maxsize=4)
def _default_rule(parameter: str) -> ListItemRule:
    return list_item_rule(parameter, _spec.document("which50"))


def _resolve(document: Mapping[str, Any], node: Any) -> Mapping[str, Any]:
    """The node behind ``node``'s ``$ref``s (`_spec.resolve`), or an empty one if not an object."""
    node = _spec.resolve(document, node)
    return node if isinstance(node, Mapping) else {}


def _describe(value: object) -> str:
    return repr(value)


def _check_names(names: Sequence[object], what: str, *, reserved: bool) -> tuple[str, ...]:
    if not names:
        raise InvalidParameterError(f"{what}: give at least one name")
    seen: dict[str, str] = {}
    checked: list[str] = []
    for position, name in enumerate(names):
        where = f"{what} name #{position + 1}"
        if not isinstance(name, str):
            raise InvalidParameterError(f"{where} must be a string, got {_describe(name)}")
        problem = list_item_rule(what).problem(name)
        if problem == "is empty":
            raise InvalidParameterError(f"{where} is empty: {_describe(name)}")
        if problem is not None:
            advice = "; give each name separately" if _SEPARATOR in name else ""
            raise InvalidParameterError(f"{where} {_describe(name)} {problem}{advice}")
        if any(unicodedata.category(ch) == "Cs" for ch in name):
            # Not a rule of the spec: a lone surrogate has no UTF-8 form, it cannot be sent.
            raise InvalidParameterError(f"{where} {_describe(name)} contains a lone surrogate")
        key = name.casefold()
        if key in seen:
            raise InvalidParameterError(
                f"{what} name {_describe(name)} is given twice"
                + (f" (as {_describe(seen[key])})" if seen[key] != name else "")
                + "; the API compares names without regard to case"
            )
        if reserved and name.lower() in reserved_query_names():
            raise InvalidParameterError(
                f"{what} name {_describe(name)} collides with the query parameter "
                f"{_describe(name.lower())} of the API"
            )
        seen[key] = name
        checked.append(name)
    return tuple(checked)


def _as_names(names: tuple[str | Iterable[str], ...]) -> list[object]:
    """Accept `X("A", "B")` and `X(["A", "B"])` alike (but not a bare string split into letters)."""
    if len(names) == 1 and isinstance(names[0], Iterable) and not isinstance(names[0], str):
        return list(names[0])
    return list(names)


class CustomEvents:
    """Custom events to fire for every contact the call inserts or updates."""

    __slots__ = ("names",)

    def __init__(self, *names: str | Iterable[str]) -> None:
        self.names: tuple[str, ...] = _check_names(_as_names(names), "customevents", reserved=False)

    def query(self) -> list[tuple[str, str]]:
        """`[("customevents", "A,B")]`: one comma-joined value, as the API documents."""
        return [(CUSTOM_EVENTS_PARAMETER, _SEPARATOR.join(self.names))]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CustomEvents) and other.names == self.names

    def __hash__(self) -> int:
        return hash(("CustomEvents", self.names))

    def __repr__(self) -> str:
        return f"CustomEvents({', '.join(map(repr, self.names))})"


class MatchOn:
    """POST/PUT matching: the named properties identify existing contacts; values come from each
    contact sent (the body of an upsert, every contact loaded into a job for a run)."""

    __slots__ = ("names",)

    def __init__(self, *names: str | Iterable[str]) -> None:
        self.names: tuple[str, ...] = _check_names(_as_names(names), "match", reserved=True)

    def query(self) -> list[tuple[str, str]]:
        """`[("match", "Email,ReferanceAccountId")]`."""
        return [(MATCH_PARAMETER, _SEPARATOR.join(self.names))]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MatchOn) and other.names == self.names

    def __hash__(self) -> int:
        return hash(("MatchOn", self.names))

    def __repr__(self) -> str:
        return f"MatchOn({', '.join(map(repr, self.names))})"


def _value_text(name: str, value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        text = str(value)
        if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text):
            raise InvalidParameterError(
                f"match value for {name!r} contains a control character: {value!r}"
            )
        return text
    raise InvalidParameterError(
        f"match value for {name!r} must be a string, number or boolean, got {value!r}"
    )


class MatchValues:
    """PATCH matching: the names and the values contacts must hold to be updated.

    `MatchValues({"ReferanceAccountId": 123456, "Email": "pgannon@customerminds.com"})` sends
    `match=ReferanceAccountId,Email&ReferanceAccountId=123456&Email=pgannon%40customerminds.com`.
    """

    __slots__ = ("values",)

    def __init__(self, values: Mapping[str, object] | Iterable[tuple[str, object]]) -> None:
        # Typed loosely on purpose: mypy sees `{"Id": 1, "Email": "x"}` as dict[str, object];
        # each value is checked here instead (a string, number or boolean).
        pairs = list(values.items()) if isinstance(values, Mapping) else list(values)
        names = _check_names([name for name, _ in pairs], "match", reserved=True)
        self.values: dict[str, str] = {
            name: _value_text(name, value) for name, (_, value) in zip(names, pairs, strict=True)
        }

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the properties matched on."""
        return tuple(self.values)

    def query(self) -> list[tuple[str, str]]:
        """`[("match", "A,B"), ("A", "1"), ("B", "x")]`."""
        return [(MATCH_PARAMETER, _SEPARATOR.join(self.values)), *self.values.items()]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MatchValues) and other.values == self.values

    def __hash__(self) -> int:
        return hash(("MatchValues", tuple(self.values.items())))

    def __repr__(self) -> str:
        return f"MatchValues({self.values!r})"


def _deprecated(name: str, instead: str) -> None:
    warnings.warn(
        f"contactimport.querystring.{name} is deprecated and will be removed in 0.3.0: no client "
        f"calls it; use {instead}",
        DeprecationWarning,
        stacklevel=3,
    )


def build_query(
    *,
    match: MatchOn | MatchValues | None = None,
    custom_events: CustomEvents | None = None,
) -> list[tuple[str, str]]:
    """The query parameters, in wire order: match (and PATCH values), then customevents.

    Deprecated, removed in 0.3.0: no client calls it (the generated operations encode the
    query); use ``match.query() + custom_events.query()``.
    """
    _deprecated("build_query", "match.query() + custom_events.query()")
    params: list[tuple[str, str]] = []
    if match is not None:
        params += match.query()
    if custom_events is not None:
        params += custom_events.query()
    return params


_LIST_PARAMETERS: Final = frozenset({MATCH_PARAMETER, CUSTOM_EVENTS_PARAMETER})


def encode_query(params: Iterable[tuple[str, str]]) -> str:
    """URL-encode parameters as the generated clients do: every reserved character
    percent-encoded (a space as %20, a comma inside a value as %2C), except the commas that
    separate the items of the `match` and `customevents` lists.

    Deprecated, removed in 0.3.0: no client calls it; the clients' query string is written by
    the generated operations (``types.encode_query`` of each generated client).
    """
    _deprecated("encode_query", "the clients' operation methods, which encode their query")
    pairs: list[str] = []
    for name, value in params:
        if name in _LIST_PARAMETERS:
            text = ",".join(quote(item, safe="") for item in value.split(_SEPARATOR))
        else:
            text = quote(value, safe="")
        pairs.append(f"{quote(name, safe='')}={text}")
    return "&".join(pairs)


def check_names_against_fields(
    names: Iterable[str], field_names: Iterable[str], *, contact_list_id: int | str
) -> None:
    """Reject match names that are not fields of the contact list, naming them."""
    known = list(field_names)
    known_set = set(known)
    by_fold = {name.casefold(): name for name in known}
    for name in names:
        if name in known_set:
            continue
        hint = by_fold.get(name.casefold())
        suggestion = f"; did you mean {hint!r}?" if hint else ""
        listed = ", ".join(repr(n) for n in sorted(known)) or "none"
        raise InvalidParameterError(
            f"match name {name!r} is not a field of contact list {contact_list_id}{suggestion} "
            f"(fields: {listed})"
        )


def check_contacts_carry_match(
    match: MatchOn, contacts: Iterable[Mapping[str, Any] | None], *, what: str = "contact"
) -> None:
    """POST/PUT match takes values from each contact: every contact must carry every name."""
    for position, values in enumerate(contacts):
        present = values or {}
        missing = [name for name in match.names if name not in present]
        if missing:
            where = f"{what} #{position + 1}"
            raise InvalidParameterError(
                f"{where} has no value for match name(s) {', '.join(map(repr, missing))}; "
                "with POST/PUT the values to match are taken from the contact's Values"
            )
