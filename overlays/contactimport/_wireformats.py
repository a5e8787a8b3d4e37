"""Members a wire format does not carry (``x-wire-formats``), left out of the bodies sent in it.

A property's ``x-wire-formats`` lists the wire formats whose bodies carry it (absent: ``json`` and
``xml``; docs/spec-conventions.md). :func:`wire_formats` is the one reader of it, with the one
message for a malformed list, used by the DataContract codec (which leaves the members off the XML
wire out of its contracts), by :class:`OffWireMembers` and by the sandbox. :class:`OffWireMembers`
leaves the members off the JSON wire out of JSON request bodies: a W50 contact's ``Id``
(``[xml]``) is not sent in JSON even when the caller set it.

The value is walked along its schema (``$ref``, ``allOf``, ``items``, ``additionalProperties`` and
the object alternatives of ``oneOf``/``anyOf``), so a marked member is left out at any depth, e.g.
from each contact of a batch. A schema that reaches no marked member is not walked at all (its
value is sent as it is).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ._spec import follow

__all__ = ["WIRE_FORMATS", "OffWireMembers", "WireFormatsSpecError", "wire_formats"]

WIRE_FORMATS: Final = ("json", "xml")
_SCHEMAS: Final = "#/components/schemas/"


class WireFormatsSpecError(ValueError):
    """The spec's ``x-wire-formats`` on a property is malformed (the message names it)."""


def wire_formats(prop: Mapping[str, Any], where: str) -> tuple[str, ...]:
    """The wire formats whose bodies carry a property (``x-wire-formats``; absent: all).

    ``where`` names the property in the error a malformed list raises.
    """
    formats = prop.get("x-wire-formats", WIRE_FORMATS)
    if (
        not isinstance(formats, list | tuple)
        or not formats
        or any(value not in WIRE_FORMATS for value in formats)
    ):
        raise WireFormatsSpecError(
            f"{where}: x-wire-formats must be a non-empty list of {', '.join(WIRE_FORMATS)}, "
            f"not {formats!r}"
        )
    return tuple(formats)


@dataclass(frozen=True)
class _Plan:
    """What to do with a value of one schema node (only for nodes reaching an off-wire member)."""

    named: frozenset[str]
    """Every property the node (with its allOf parts) names."""
    dropped: frozenset[str]
    """The properties off the wire."""
    nested: Mapping[str, tuple[Any, str]]
    """Properties whose own value may hold an off-wire member: name -> (schema, where)."""
    extra: tuple[tuple[Any, str], ...]
    """additionalProperties schemas reaching one (they apply to the members not named)."""
    items: tuple[tuple[Any, str], ...]
    alternatives: tuple[tuple[Any, str], ...]
    """oneOf/anyOf alternatives reaching one (each applies to the whole value)."""

    @property
    def flat(self) -> bool:
        """Only members to drop at this level: nothing below needs a walk."""
        return not (self.nested or self.extra or self.items or self.alternatives)


class OffWireMembers:
    """Leaves the members ``wire`` does not carry out of values of the document's schemas.

    Build one per document and wire format and keep it: what each schema node needs is worked out
    once. A malformed ``x-wire-formats`` raises :class:`WireFormatsSpecError` naming the member.
    """

    def __init__(self, document: Mapping[str, Any], wire: str) -> None:
        if wire not in WIRE_FORMATS:
            raise ValueError(f"unknown wire format {wire!r}")
        self._document = document
        self._wire = wire
        self._reaches: dict[int, bool] = {}
        self._plans: dict[int, _Plan] = {}
        self._by_node: dict[int, tuple[Any, _Plan | None]] = {}
        """id(schema node) -> (the node, kept alive so the id stays its own; its plan)."""

    def strip(self, schema_name: str, value: Any) -> Any:
        """``value``, a body of ``components/schemas/<schema_name>``, without those members."""
        node = self._document["components"]["schemas"][schema_name]
        return self._strip(node, f"components/schemas/{schema_name}", value)

    # -- the schemas -------------------------------------------------------------------------
    def _resolve(self, node: Any, where: str) -> tuple[Any, str]:
        for _ in range(32):
            reference = node.get("$ref") if isinstance(node, Mapping) else None
            if not isinstance(reference, str):
                return node, where
            if not reference.startswith(_SCHEMAS):
                raise WireFormatsSpecError(f"{where}: only local schema $refs are followed")
            where = reference[2:]
            node = follow(self._document, reference)
        raise WireFormatsSpecError(f"{where}: the $ref chain is too long")

    def _parts(self, node: Any, where: str) -> list[tuple[Mapping[str, Any], str]]:
        """The node and its allOf parts, resolved (all of them apply to the same value)."""
        found: list[tuple[Mapping[str, Any], str]] = []
        pending = [(node, where)]
        while pending:
            part, place = self._resolve(*pending.pop(0))
            if isinstance(part, Mapping) and not any(part is seen for seen, _ in found):
                found.append((part, place))
                pending += [(p, f"{place}/allOf/{i}") for i, p in enumerate(part.get("allOf", ()))]
        return found

    def _children(self, node: Mapping[str, Any], where: str) -> list[tuple[Any, str]]:
        children = [(node.get(k), f"{where}/{k}") for k in ("items", "additionalProperties")]
        for keyword in ("allOf", "oneOf", "anyOf"):
            children += [(p, f"{where}/{keyword}/{i}") for i, p in enumerate(node.get(keyword, ()))]
        return [(child, place) for child, place in children if isinstance(child, Mapping)]

    def _search(self, node: Any, where: str, seen: set[int]) -> bool:
        node, where = self._resolve(node, where)
        if not isinstance(node, Mapping) or id(node) in seen:
            return False
        seen.add(id(node))
        for name, prop in (node.get("properties") or {}).items():
            place = f"{where}/properties/{name}"
            if self._wire not in wire_formats(prop, place) or self._search(prop, place, seen):
                return True
        return any(self._search(child, place, seen) for child, place in self._children(node, where))

    def _reaches_member(self, node: Any, where: str) -> bool:
        """Whether a value of ``node`` can hold a member off the wire (worked out once a node)."""
        resolved, _ = self._resolve(node, where)
        cached = self._reaches.get(id(resolved))
        if cached is None:
            cached = self._search(node, where, set())
            self._reaches[id(resolved)] = cached
        return cached

    def _plan(self, node: Any, where: str) -> _Plan | None:
        """The plan of a schema node, worked out once a node (a batch walks the same item
        schema for each of its items: the lookup must cost next to nothing)."""
        known = self._by_node.get(id(node))
        if known is not None and known[0] is node:
            return known[1]
        plan = self._make_plan(node, where)
        self._by_node[id(node)] = (node, plan)
        return plan

    def _make_plan(self, node: Any, where: str) -> _Plan | None:
        if not self._reaches_member(node, where):
            return None
        resolved, _ = self._resolve(node, where)
        plan = self._plans.get(id(resolved))
        if plan is not None:
            return plan
        named: set[str] = set()
        dropped: set[str] = set()
        nested: dict[str, tuple[Any, str]] = {}
        extra: list[tuple[Any, str]] = []
        items: list[tuple[Any, str]] = []
        alternatives: list[tuple[Any, str]] = []
        for part, place in self._parts(node, where):
            for name, prop in (part.get("properties") or {}).items():
                inner = f"{place}/properties/{name}"
                named.add(str(name))
                if self._wire not in wire_formats(prop, inner):
                    dropped.add(str(name))
                elif self._reaches_member(prop, inner):
                    nested[str(name)] = (prop, inner)
            for keyword, found in (("additionalProperties", extra), ("items", items)):
                child = part.get(keyword)
                if isinstance(child, Mapping) and self._reaches_member(child, f"{place}/{keyword}"):
                    found.append((child, f"{place}/{keyword}"))
            for keyword in ("oneOf", "anyOf"):
                for index, child in enumerate(part.get(keyword, ())):
                    inner = f"{place}/{keyword}/{index}"
                    if self._reaches_member(child, inner):
                        alternatives.append((child, inner))
        plan = _Plan(
            frozenset(named),
            frozenset(dropped),
            nested,
            tuple(extra),
            tuple(items),
            tuple(alternatives),
        )
        self._plans[id(resolved)] = plan
        return plan

    # -- walking a value ---------------------------------------------------------------------
    def _strip(self, node: Any, where: str, value: Any) -> Any:
        plan = self._plan(node, where)
        if plan is None:
            return value
        if isinstance(value, Mapping):
            value = self._strip_members(plan, value)
        elif isinstance(value, list | tuple):
            for schema, place in plan.items:
                item_plan = self._plan(schema, place)
                if item_plan is not None and item_plan.flat:
                    # The common case (a batch of contacts): members to drop, nothing nested.
                    dropped = item_plan.dropped
                    value = [
                        item
                        if (type(item) is dict and dropped.isdisjoint(item))
                        or not isinstance(item, Mapping)
                        or dropped.isdisjoint(item)
                        else {k: v for k, v in item.items() if k not in dropped}
                        for item in value
                    ]
                else:
                    value = [self._strip(schema, place, item) for item in value]
        for schema, place in plan.alternatives:
            value = self._strip(schema, place, value)
        return value

    def _strip_members(self, plan: _Plan, value: Mapping[str, Any]) -> Mapping[str, Any]:
        """The object without its off-wire members (itself when it holds none)."""
        if plan.flat and plan.dropped.isdisjoint(value):
            return value
        result: dict[str, Any] = {}
        for key, item in value.items():
            if key in plan.dropped:
                continue
            if key in plan.nested:
                item = self._strip(*plan.nested[key], item)
            elif key not in plan.named:
                for schema, place in plan.extra:
                    item = self._strip(schema, place, item)
            result[key] = item
        return result
