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

__all__ = ["ArrayBounds", "TooManyItems"]


class TooManyItems(ValueError):
    """An array of a request body is longer than its ``maxItems`` (the message names it)."""

    def __init__(self, where: str, count: int, limit: int) -> None:
        what = "the request body" if where == "$" else where
        super().__init__(f"{what} holds {count} items, more than the API's limit of {limit}")
        self.where = where
        self.count = count
        self.limit = limit


class ArrayBounds:
    """Checks a JSON-shaped request body against the ``maxItems`` of its schema, at any depth."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self._reaches: dict[int, bool] = {}

    def check(self, schema_name: str, value: Any) -> None:
        """Raise :class:`TooManyItems` for the first array of ``value`` over its bound."""
        node = self.document["components"]["schemas"][schema_name]
        if self._reach(node):
            self._check(node, value, "$")

    def _resolve(self, node: Any) -> Any:
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            target: Any = self.document
            for part in str(node["$ref"]).removeprefix("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

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

    def _check(self, node: Any, value: Any, where: str) -> None:
        parts = self._parts(node)
        if isinstance(value, list):
            for part in parts:
                limit = part.get("maxItems")
                if isinstance(limit, int) and len(value) > limit:
                    raise TooManyItems(where, len(value), limit)
            items = [part["items"] for part in parts if isinstance(part.get("items"), Mapping)]
            for item_schema in items:
                if self._reach(item_schema):
                    for index, item in enumerate(value):
                        self._check(item_schema, item, f"{where}[{index}]")
        elif isinstance(value, Mapping):
            properties: dict[str, Any] = {}
            extra: list[Any] = []
            for part in parts:
                properties.update(part.get("properties") or {})
                if isinstance(part.get("additionalProperties"), Mapping):
                    extra.append(part["additionalProperties"])
            for name, member in value.items():
                schemas = [properties[name]] if name in properties else extra
                for schema in schemas:
                    if self._reach(schema):
                        self._check(schema, member, name if where == "$" else f"{where}.{name}")
