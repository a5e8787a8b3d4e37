"""Read-only helpers over one OpenAPI 3.0.3 document: $ref resolution, allOf views, operations."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import pytest
import yaml

Api = Literal["which50", "checkmarket"]
APIS: tuple[Api, ...] = ("which50", "checkmarket")
SPEC_FOLDER = Path(__file__).resolve().parents[2] / "spec"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
BODY_MEDIA_TYPES = ["application/json", "text/json", "application/xml", "text/xml"]

T = TypeVar("T")

Schema = dict[str, Any]
View = list[Schema]
"""A schema with its `$ref`s followed and its `allOf` parts flattened: all parts apply at once."""


def visited(items: Iterable[T], what: str) -> list[T]:
    """`items` as a list, failing when there is none: a rule checked over nothing passes without
    checking anything, so a walk that stopped finding its items would look like a clean spec."""
    listed = list(items)
    assert listed, f"nothing was checked: no {what} found"
    return listed


def spec_path(api: Api) -> Path:
    return SPEC_FOLDER / f"{api}.openapi.yaml"


@functools.cache
def load_raw(api: Api) -> Any:
    """The YAML document exactly as PyYAML reads it (cached; callers must not mutate it)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with spec_path(api).open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=loader)


@dataclass(frozen=True)
class Operation:
    api: Api
    path: str
    method: str
    """Lower case, as the Paths Object spells it."""
    node: Mapping[str, Any]
    path_item: Mapping[str, Any]

    @property
    def label(self) -> str:
        return f"{self.api} {self.method.upper()} {self.path}"

    @property
    def operation_id(self) -> str:
        return str(self.node.get("operationId", "?"))


class Document:
    def __init__(self, api: Api, data: Mapping[str, Any]) -> None:
        self.api = api
        self.data = data

    @property
    def components(self) -> Mapping[str, Any]:
        components = self.data.get("components", {})
        return components if isinstance(components, Mapping) else {}

    @property
    def schemas(self) -> Mapping[str, Any]:
        schemas = self.components.get("schemas", {})
        return schemas if isinstance(schemas, Mapping) else {}

    def pointer(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise KeyError(f"only local references are supported: {ref!r}")
        node: Any = self.data
        for token in ref[2:].split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            if isinstance(node, Mapping) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise KeyError(f"unresolvable reference {ref!r}")
        return node

    def resolve(self, node: Any) -> Any:
        """Follows `$ref` chains (a node with `$ref` is replaced by its target, as 3.0.3 says)."""
        seen: set[str] = set()
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                raise KeyError(f"circular reference {ref!r}")
            seen.add(ref)
            node = self.pointer(ref)
        return node

    def ref_name(self, node: Any) -> str | None:
        """`Contact` for `{$ref: '#/components/schemas/Contact'}` (also through a lone allOf)."""
        if isinstance(node, Mapping):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                return ref.rsplit("/", 1)[-1]
            parts = node.get("allOf")
            if isinstance(parts, list) and len(parts) == 1:
                return self.ref_name(parts[0])
        return None

    def view(self, schema: Any) -> View:
        """The schema and every allOf part (recursively), `$ref`s resolved; outermost first."""
        result: View = []
        pending = [schema]
        while pending:
            node = self.resolve(pending.pop(0))
            if not isinstance(node, dict):
                continue
            if any(node is seen for seen in result):
                continue
            result.append(node)
            parts = node.get("allOf")
            if isinstance(parts, list):
                pending.extend(parts)
        return result

    def views(self, schemas: list[Any]) -> View:
        result: View = []
        for schema in schemas:
            for part in self.view(schema):
                if not any(part is seen for seen in result):
                    result.append(part)
        return result

    @staticmethod
    def first(view: View, key: str) -> Any:
        """The first value of `key` over the parts (outermost schema first)."""
        for part in view:
            if key in part:
                return part[key]
        return None

    def types(self, view: View) -> set[str]:
        return {part["type"] for part in view if isinstance(part.get("type"), str)}

    def properties(self, view: View) -> dict[str, View]:
        """Each property name with the view of every part's declaration of it."""
        declared: dict[str, list[Any]] = {}
        for part in view:
            properties = part.get("properties")
            if isinstance(properties, Mapping):
                for name, schema in properties.items():
                    declared.setdefault(str(name), []).append(schema)
        return {name: self.views(schemas) for name, schemas in declared.items()}

    def property_nodes(self, view: View) -> dict[str, list[Any]]:
        """Each property name with its unresolved declarations (to read siblings of `allOf`)."""
        declared: dict[str, list[Any]] = {}
        for part in view:
            properties = part.get("properties")
            if isinstance(properties, Mapping):
                for name, schema in properties.items():
                    declared.setdefault(str(name), []).append(schema)
        return declared

    def items(self, view: View) -> View:
        return self.views([part["items"] for part in view if "items" in part])

    def additional_properties(self, view: View) -> View | None:
        """None when no part allows additional properties with a schema (`true` gives [])."""
        found: list[Any] = []
        allowed = False
        for part in view:
            value = part.get("additionalProperties")
            if value is True:
                allowed = True
            elif isinstance(value, Mapping):
                allowed = True
                found.append(value)
        return self.views(found) if allowed else None

    def contract(self, view: View) -> Mapping[str, Any] | None:
        value = self.first(view, "x-datacontract")
        return value if isinstance(value, Mapping) else None

    def operations(self) -> Iterator[Operation]:
        paths = self.data.get("paths", {})
        if not isinstance(paths, Mapping):
            return
        for path, item in paths.items():
            item = self.resolve(item)
            if not isinstance(item, Mapping):
                continue
            for method in HTTP_METHODS:
                node = item.get(method)
                if isinstance(node, Mapping):
                    yield Operation(self.api, str(path), method, node, item)

    def operation(self, path: str, method: str) -> Operation | None:
        for operation in self.operations():
            if operation.path == path and operation.method == method.lower():
                return operation
        return None

    def parameters(self, operation: Operation) -> list[Mapping[str, Any]]:
        """Path-level parameters overridden by operation-level ones, `$ref`s resolved."""
        merged: dict[tuple[str, str], Mapping[str, Any]] = {}
        for source in (operation.path_item, operation.node):
            for parameter in source.get("parameters", []) or []:
                resolved = self.resolve(parameter)
                if isinstance(resolved, Mapping):
                    merged[(str(resolved.get("name")), str(resolved.get("in")))] = resolved
        return list(merged.values())

    def request_body(self, operation: Operation) -> Mapping[str, Any] | None:
        body = self.resolve(operation.node.get("requestBody"))
        return body if isinstance(body, Mapping) else None

    def responses(self, operation: Operation) -> dict[str, Mapping[str, Any]]:
        responses = operation.node.get("responses", {})
        if not isinstance(responses, Mapping):
            return {}
        result: dict[str, Mapping[str, Any]] = {}
        for code, response in responses.items():
            resolved = self.resolve(response)
            if isinstance(resolved, Mapping):
                result[str(code)] = resolved
        return result

    def bodies(self, operation: Operation) -> Iterator[tuple[str, Mapping[str, Any]]]:
        """(`request` or the response code, the Request Body / Response Object) pairs."""
        request = self.request_body(operation)
        if request is not None:
            yield "request", request
        yield from self.responses(operation).items()

    def media_examples(self, media: Mapping[str, Any]) -> list[tuple[str, Any]]:
        """(name, value) of a Media Type or Parameter Object's `example` and `examples`."""
        found: list[tuple[str, Any]] = []
        if "example" in media:
            found.append(("example", media["example"]))
        examples = media.get("examples")
        if isinstance(examples, Mapping):
            for name, example in examples.items():
                resolved = self.resolve(example)
                if isinstance(resolved, Mapping) and "value" in resolved:
                    found.append((f"examples.{name}", resolved["value"]))
        return found

    def nullable(self, view: View) -> bool:
        return any(part.get("nullable") is True for part in view)


def load_document(api: Api) -> Document:
    """The document of `api`; the test fails (rather than errors) when the file is missing."""
    if not spec_path(api).is_file():
        pytest.fail(f"{spec_path(api)} does not exist")
    return document(api)


@functools.cache
def document(api: Api) -> Document:
    data = load_raw(api)
    if not isinstance(data, Mapping):
        raise TypeError(f"{spec_path(api)} is not a YAML mapping")
    return Document(api, data)
