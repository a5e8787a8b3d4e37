"""The spec's ``maxItems`` on request arrays, checked before a request is sent (issue 20).

Every array a request body may carry has a ``maxItems`` in the spec (a W50 batch's 10,000
contacts, FieldNames, a CheckMarket bulk import's contacts, ColumnMappings, ...). The server
refuses a longer one; the clients refuse it first, naming the field and the bound, so nothing is
sent. The value is walked along its schema (``$ref``, ``allOf``, ``items``, ``properties``,
``additionalProperties``); schemas that reach no bounded array are not walked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._spec import resolve

__all__ = ["ArrayBounds", "TooManyItems"]


class TooManyItems(ValueError):
    """An array of a request body is longer than its ``maxItems`` (the message names it)."""

    def __init__(self, where: str, count: int, limit: int) -> None:
        what = "the request body" if where == "$" else where
        super().__init__(f"{what} holds {count} items, more than the API's limit of {limit}")
        self.where = where
        self.count = count
        self.limit = limit


class _Over(Exception):
    """An array over its bound, found below some value: the path is built on the way up."""

    def __init__(self, path: list[str], count: int, limit: int) -> None:
        self.path = path
        self.count = count
        self.limit = limit


class _Checker:
    """The check of one schema node, compiled once: its bounds, and the checkers of the parts
    of a value that can reach a bounded array (none: the value is not walked)."""

    __slots__ = ("extra", "flat", "items", "limits", "properties")

    def __init__(self) -> None:
        self.limits: tuple[int, ...] = ()
        self.items: tuple[_Checker, ...] = ()
        self.properties: dict[str, tuple[_Checker, ...]] = {}
        self.extra: tuple[_Checker, ...] = ()
        self.flat: dict[str, int] | None = None
        """Member -> bound, when every check below is a bound on a member array of scalars
        (a contact's ValidationWarnings): an item is then checked without a call per item."""

    def finish(self) -> None:
        leaves = [c for checkers in self.properties.values() for c in checkers]
        if not self.extra and all(
            len(c.limits) == 1 and not (c.items or c.properties or c.extra) for c in leaves
        ):
            self.flat = {
                name: checkers[0].limits[0]
                for name, checkers in self.properties.items()
                if len(checkers) == 1
            }
            if len(self.flat) != len([n for n, c in self.properties.items() if c]):
                self.flat = None

    def check(self, value: Any) -> None:
        if isinstance(value, list):
            for limit in self.limits:
                if len(value) > limit:
                    raise _Over([], len(value), limit)
            for checker in self.items:
                flat = checker.flat
                if flat is not None:
                    for index, item in enumerate(value):
                        if type(item) is dict:
                            for name, limit in flat.items():
                                member = item.get(name)
                                if type(member) is list and len(member) > limit:
                                    raise _Over([f"[{index}]", f".{name}"], len(member), limit)
                        else:
                            self._item(checker, index, item)
                    continue
                for index, item in enumerate(value):
                    self._item(checker, index, item)
        elif self.extra and isinstance(value, Mapping):
            for name, member in value.items():
                for checker in self.properties.get(name, self.extra):
                    self._member(checker, name, member)
        elif self.properties and isinstance(value, Mapping):
            # Only the members that can hold a bounded array (a contact: one lookup).
            for name, checkers in self.properties.items():
                member = value.get(name)
                if member is not None:
                    for checker in checkers:
                        self._member(checker, name, member)

    @staticmethod
    def _item(checker: _Checker, index: int, item: Any) -> None:
        _Checker._below(checker, f"[{index}]", item)

    @staticmethod
    def _member(checker: _Checker, name: str, member: Any) -> None:
        _Checker._below(checker, f".{name}", member)

    @staticmethod
    def _below(checker: _Checker, step: str, value: Any) -> None:
        """Check a part of the value, naming the step to it in the error's path."""
        try:
            checker.check(value)
        except _Over as over:
            over.path.insert(0, step)
            raise


class ArrayBounds:
    """Checks a JSON-shaped request body against the ``maxItems`` of its schema, at any depth.

    Each schema node is compiled once into a checker (`_Checker`); a batch of 10,000 contacts
    costs one pass over the items whose schema can hold a bounded array, none otherwise.
    """

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self._reaches: dict[int, bool] = {}
        self._checkers: dict[int, _Checker | None] = {}

    def check(self, schema_name: str, value: Any) -> None:
        """Raise :class:`TooManyItems` for the first array of ``value`` over its bound."""
        checker = self._checker(self.document["components"]["schemas"][schema_name])
        if checker is None:
            return
        try:
            checker.check(value)
        except _Over as over:
            path = "".join(over.path)
            where = path[1:] if path.startswith(".") else f"${path}"
            raise TooManyItems(where, over.count, over.limit) from None

    def _checker(self, node: Any) -> _Checker | None:
        resolved = self._resolve(node)
        key = id(resolved)
        if key in self._checkers:
            return self._checkers[key]
        if not self._reach(node):
            self._checkers[key] = None
            return None
        checker = _Checker()
        self._checkers[key] = checker  # before the children: a recursive schema meets itself
        parts = self._parts(node)
        checker.limits = tuple(
            part["maxItems"] for part in parts if isinstance(part.get("maxItems"), int)
        )
        checker.items = tuple(
            c
            for part in parts
            if isinstance(part.get("items"), Mapping)
            for c in [self._checker(part["items"])]
            if c is not None
        )
        properties: dict[str, list[_Checker]] = {}
        extra: list[_Checker] = []
        for part in parts:
            for name, member in (part.get("properties") or {}).items():
                found = self._checker(member) if isinstance(member, Mapping) else None
                properties.setdefault(str(name), [])
                if found is not None:
                    properties[str(name)].append(found)
            if isinstance(part.get("additionalProperties"), Mapping):
                found = self._checker(part["additionalProperties"])
                if found is not None:
                    extra.append(found)
        # With additionalProperties checked, a named member without checks must still be
        # told apart from the others (an empty tuple); without, only members with checks count.
        checker.properties = {
            name: tuple(found) for name, found in properties.items() if found or extra
        }
        checker.extra = tuple(extra)
        checker.finish()
        return checker

    def _resolve(self, node: Any) -> Any:
        return resolve(self.document, node)

    def _parts(self, node: Any) -> list[Mapping[str, Any]]:
        found: list[Mapping[str, Any]] = []
        pending = [node]
        while pending:
            part = self._resolve(pending.pop(0))
            if isinstance(part, Mapping) and not any(part is seen for seen in found):
                found.append(part)
                pending.extend(part.get("allOf", ()))
        return found

    def _children(self, part: Mapping[str, Any]) -> list[Any]:
        children: list[Any] = list((part.get("properties") or {}).values())
        children += [part[key] for key in ("items", "additionalProperties") if key in part]
        return [child for child in children if isinstance(child, Mapping)]

    def _reach(self, node: Any, seen: frozenset[int] = frozenset()) -> bool:
        """Whether a value of ``node`` may hold an array with ``maxItems`` (cached)."""
        key = id(self._resolve(node))
        cached = self._reaches.get(key)
        if cached is not None:
            return cached
        if key in seen:
            return False
        parts = self._parts(node)
        found = any("maxItems" in part for part in parts) or any(
            self._reach(child, seen | {key}) for part in parts for child in self._children(part)
        )
        self._reaches[key] = found
        return found
