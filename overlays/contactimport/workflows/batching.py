"""Cut any iterable into lists of at most N items, and read N from the spec document."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterable, Generator, Iterable, Mapping
from itertools import islice
from typing import Any, TypeVar

__all__ = ["abatched", "batched", "find_operation", "request_body_max_items"]

T = TypeVar("T")

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def batched(items: Iterable[T], size: int) -> Generator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter); holds one list at a time."""
    if size < 1:
        raise ValueError(f"the batch size must be at least 1, got {size}")
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


async def abatched(items: AsyncIterable[T] | Iterable[T], size: int) -> AsyncGenerator[list[T]]:
    """:func:`batched` for an async (or plain) iterable."""
    if size < 1:
        raise ValueError(f"the batch size must be at least 1, got {size}")
    if not isinstance(items, AsyncIterable):
        for whole in batched(items, size):
            yield whole
        return
    batch: list[T] = []
    async for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _resolve(document: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    """Follow local ``$ref``s (``#/components/...``) until a node without one."""
    seen: set[str] = set()
    while "$ref" in node:
        reference = str(node["$ref"])
        if not reference.startswith("#/") or reference in seen:
            raise ValueError(f"cannot resolve $ref {reference!r}")
        seen.add(reference)
        target: Any = document
        for part in reference[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def find_operation(document: Mapping[str, Any], operation_id: str) -> Mapping[str, Any]:
    """The operation object whose ``operationId`` is ``operation_id``."""
    for path_item in document.get("paths", {}).values():
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if isinstance(operation, Mapping) and operation.get("operationId") == operation_id:
                return operation
    raise KeyError(f"the spec has no operation {operation_id!r}")


def request_body_max_items(document: Mapping[str, Any], operation_id: str) -> int | None:
    """``maxItems`` of an operation's JSON array request body (None when the spec sets none)."""
    operation = find_operation(document, operation_id)
    body = _resolve(document, operation.get("requestBody", {}))
    content = body.get("content", {})
    media = content.get("application/json") or next(iter(content.values()), None)
    if media is None:
        raise KeyError(f"operation {operation_id!r} has no request body")
    schema = _resolve(document, media.get("schema", {}))
    maximum = schema.get("maxItems")
    return int(maximum) if maximum is not None else None
