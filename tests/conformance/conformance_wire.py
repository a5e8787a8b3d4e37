"""DataContract XML on the wire, as the conformance hooks need it: schema lookups and the codec.

Plain functions over the OpenAPI document schemathesis loaded (no schemathesis imports), so the
harness's own tests can exercise them directly.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from contactimport.datacontract import DataContractCodec
from openapi_schema_validator import OAS30WriteValidator

XML_MEDIA_TYPES = ("application/xml", "text/xml")
SCHEMA_REF_PREFIX = "#/components/schemas/"

_lock = threading.Lock()
_codecs: dict[int, tuple[Mapping[str, Any], DataContractCodec]] = {}


def codec_for(document: Mapping[str, Any]) -> DataContractCodec:
    """The codec of the very document schemathesis loaded (built once per document)."""
    with _lock:
        cached = _codecs.get(id(document))
        if cached is None or cached[0] is not document:
            cached = (document, DataContractCodec.from_document(document))
            _codecs[id(document)] = cached
        return cached[1]


def resolve(document: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    """Follow local `$ref`s until a node that is not a reference."""
    while "$ref" in node:
        target: Any = document
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _media_schema_name(document: Mapping[str, Any], holder: Mapping[str, Any], media: str) -> str:
    content = resolve(document, holder).get("content", {})
    media_object = content.get(media) or content.get("application/json")
    if media_object is None:
        raise LookupError(f"no body schema for {media}")
    ref = str(media_object.get("schema", {}).get("$ref", ""))
    if not ref.startswith(SCHEMA_REF_PREFIX):
        raise LookupError(f"the {media} body schema is not a components/schemas reference")
    return ref.removeprefix(SCHEMA_REF_PREFIX)


def response_schema_name(
    document: Mapping[str, Any], operation: Mapping[str, Any], status: int, media: str
) -> str:
    """The components/schemas name of an operation's response body for a status code."""
    responses = operation.get("responses", {})
    response = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX")
    if response is None:
        response = responses.get("default")
    if response is None:
        raise LookupError(f"status {status} is not documented")
    return _media_schema_name(document, response, media)


def request_schema_name(
    document: Mapping[str, Any], operation: Mapping[str, Any], media: str
) -> str:
    """The components/schemas name of an operation's request body."""
    body = operation.get("requestBody")
    if body is None:
        raise LookupError("the operation has no request body")
    return _media_schema_name(document, body, media)


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _schema_of(document: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    """A schema with `$ref` followed and single-entry `allOf` wrappers (spec-conventions) merged."""
    node = resolve(document, node)
    merged: dict[str, Any] = dict(node)
    for part in node.get("allOf", []):
        merged.update(_schema_of(document, part))
    return merged


def declared_only(document: Mapping[str, Any], schema: Mapping[str, Any], value: Any) -> Any:
    """`value` without the object members its schema does not declare.

    JSON may carry members a DTO does not declare (Json.NET ignores them, and the schemas allow
    them); DataContract XML has no element for them, so the XML form of a value leaves them out.
    """
    schema = _schema_of(document, schema)
    properties = schema.get("properties")
    if isinstance(value, dict) and isinstance(properties, dict):
        return {
            key: declared_only(document, properties[key], item)
            for key, item in value.items()
            if key in properties
        }
    items = schema.get("items")
    if isinstance(value, list) and isinstance(items, dict):
        return [declared_only(document, items, item) for item in value]
    return value


def encode_request_body(
    document: Mapping[str, Any], operation: Mapping[str, Any], media: str, value: Any
) -> bytes:
    """A request body as DataContract XML (ValueError when the contract cannot write it)."""
    name = request_schema_name(document, operation, media)
    schema = {"$ref": SCHEMA_REF_PREFIX + name}
    return codec_for(document).encode(name, declared_only(document, schema, value))


def request_body_is_valid(
    document: Mapping[str, Any], operation: Mapping[str, Any], media: str, raw: bytes
) -> bool:
    """Whether an XML request body, as sent, decodes into a value the spec accepts."""
    try:
        name = request_schema_name(document, operation, media)
        value = codec_for(document).decode(name, raw)
    except (LookupError, ValueError):
        return False  # not even readable: the server had to refuse it
    schema = {"$ref": SCHEMA_REF_PREFIX + name, "components": document.get("components", {})}
    return bool(OAS30WriteValidator(schema).is_valid(value))
