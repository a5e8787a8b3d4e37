"""What the sandbox knows about each API, read from the spec document at run time.

The documents come from the generated ``contactimport_spec`` package. In a source checkout where it
has not been generated yet, the YAML under ``spec/`` is read instead (needs PyYAML).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Literal

Api = Literal["which50", "checkmarket"]

_SPEC_FILES = {"which50": "which50.openapi.yaml", "checkmarket": "checkmarket.openapi.yaml"}


@functools.cache
def document(api: Api) -> dict[str, Any]:
    """The parsed OpenAPI document of ``api``."""
    try:
        import contactimport_spec
    except ImportError:
        return _document_from_checkout(api)
    result: dict[str, Any] = contactimport_spec.document(api)
    return result


def _document_from_checkout(api: Api) -> dict[str, Any]:
    root = Path(__file__).resolve().parents[2]
    path = root / "spec" / _SPEC_FILES[api]
    try:
        import yaml
    except ImportError:  # pragma: no cover - only without the generated package and PyYAML
        raise RuntimeError(
            "neither the generated contactimport_spec package nor PyYAML is available to read "
            f"{path}"
        ) from None
    with path.open("rb") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    # JSON round trip: the same types the generated package gives (no YAML dates).
    result: dict[str, Any] = json.loads(json.dumps(loaded, default=str))
    return result


def resolve(doc: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref`` (local refs only) until a schema body."""
    while "$ref" in node:
        ref = str(node["$ref"])
        target: Any = doc
        for part in ref.removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def schema(doc: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = doc["components"]["schemas"][name]
    return found


def operation(doc: dict[str, Any], operation_id: str) -> tuple[str, str, dict[str, Any]]:
    """(method, path, operation object) of an operationId."""
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return method.upper(), str(path), op
    raise KeyError(f"operationId {operation_id!r} is not in the document")


def request_schema_name(doc: dict[str, Any], operation_id: str) -> str | None:
    """The components/schemas name of an operation's JSON request body, if it has one."""
    _, _, op = operation(doc, operation_id)
    body = op.get("requestBody")
    if body is None:
        return None
    body = resolve(doc, body)
    media = body.get("content", {}).get("application/json", {})
    ref = media.get("schema", {}).get("$ref")
    return None if ref is None else str(ref).rsplit("/", 1)[-1]


def batch_bounds(doc: dict[str, Any]) -> tuple[int, int]:
    """(fewest, most) contacts one uploadImportBatch request may carry (minItems, maxItems)."""
    name = request_schema_name(doc, "uploadImportBatch")
    if name is None:
        raise KeyError("uploadImportBatch has no JSON request body in the document")
    body = resolve(doc, schema(doc, name))
    return int(body.get("minItems", 0)), int(body["maxItems"])


def status_values(doc: dict[str, Any], schema_name: str, property_name: str) -> dict[str, Any]:
    """``{meaning: value}`` of a property's ``x-status-values`` (e.g. "Completed" → 4)."""
    prop = resolve(doc, schema(doc, schema_name))["properties"][property_name]
    return {str(item["meaning"]): item["value"] for item in prop["x-status-values"]}


def enum_members(doc: dict[str, Any], schema_name: str) -> dict[str, Any]:
    """``{name: value}`` of an enum schema, named by its ``x-enum-varnames``."""
    body = resolve(doc, schema(doc, schema_name))
    return dict(zip(body["x-enum-varnames"], body["enum"], strict=True))


def required_roles(doc: dict[str, Any], operation_id: str) -> tuple[str, ...]:
    _, _, op = operation(doc, operation_id)
    return tuple(str(role) for role in op.get("x-required-roles", []))


def property_defaults(doc: dict[str, Any], schema_name: str) -> dict[str, Any]:
    """``default`` of every property of a schema that declares one."""
    body = resolve(doc, schema(doc, schema_name))
    defaults: dict[str, Any] = {}
    for name, prop in body.get("properties", {}).items():
        prop_schema = prop
        if "default" not in prop_schema and "allOf" in prop_schema:
            for part in prop_schema["allOf"]:
                if "default" in part:
                    prop_schema = part
        if "default" in prop_schema:
            defaults[str(name)] = prop_schema["default"]
    return defaults
