"""DataContract XML on the wire, as the conformance hooks need it: schema lookups and the codec.

Plain functions over the OpenAPI document schemathesis loaded (no schemathesis imports), so the
harness's own tests can exercise them directly.
"""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Mapping
from typing import Any

from contactimport.datacontract import DataContractCodec
from lxml import etree
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
        root = etree.fromstring(raw, parser=_PARSER)
    except (LookupError, ValueError, etree.XMLSyntaxError):
        return False  # not even readable: the server had to refuse it
    if text_where_elements_belong(document, {"$ref": SCHEMA_REF_PREFIX + name}, root):
        return False  # a scalar where an object or collection belongs: never a valid body
    schema = {"$ref": SCHEMA_REF_PREFIX + name, "components": document.get("components", {})}
    return bool(OAS30WriteValidator(schema).is_valid(value))


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _has_text(text: str | None) -> bool:
    return bool(text and text.strip())


def text_where_elements_belong(
    document: Mapping[str, Any], schema: Mapping[str, Any], element: Any
) -> bool:
    """Whether an object, array or dictionary element holds text where only elements belong.

    Checked on the raw XML, independently of the codec, so the wire filter does not take the
    codec's word for a body that DataContractSerializer would refuse.
    """
    schema = _schema_of(document, schema)
    dictionary = schema.get("x-datacontract-type") == "dictionary"
    properties = schema.get("properties")
    items = schema.get("items")
    if not (dictionary or isinstance(properties, dict) or isinstance(items, dict)):
        return False  # a scalar: its text is its value
    if _has_text(element.text) or any(_has_text(child.tail) for child in element):
        return True
    if dictionary:
        return False
    order = _member_order(schema, properties or {})
    last = -1
    for child in element:
        if not isinstance(child.tag, str):
            continue  # comments, processing instructions
        local = etree.QName(child).localname
        if isinstance(items, dict):
            child_schema: Mapping[str, Any] | None = items
        else:
            key, child_schema = _property_by_element(document, properties or {}, local)
            if key is not None:
                # DataContractSerializer skips a member that comes after a later one without
                # reading it: its content cannot make the body invalid.
                position = order.index(key)
                if position <= last:
                    continue
                last = position
        if child_schema is not None and text_where_elements_belong(document, child_schema, child):
            return True
    return False


def _member_order(schema: Mapping[str, Any], properties: Mapping[str, Any]) -> list[str]:
    """Contract order (docs/spec-conventions.md): base members first, then ordinal order."""
    base = [
        str(name)
        for name in (schema.get("x-datacontract", {}).get("base") or {}).get("members", ())
    ]
    own = sorted((str(k) for k in properties if k not in base), key=lambda k: k.encode("utf-16-be"))
    return base + own


def _property_by_element(
    document: Mapping[str, Any], properties: Mapping[str, Any], local_name: str
) -> tuple[str | None, Mapping[str, Any] | None]:
    for key, prop in properties.items():
        xml_name = _schema_of(document, prop).get("xml", {}).get("name", key)
        if local_name in (key, xml_name):
            return str(key), dict(prop)
    return None, None


def _parameters(
    document: Mapping[str, Any], path_item: Mapping[str, Any], operation: Mapping[str, Any]
) -> list[Mapping[str, Any]]:
    found = [resolve(document, p) for p in path_item.get("parameters", [])]
    found += [resolve(document, p) for p in operation.get("parameters", [])]
    return [p for p in found if p.get("in") == "query"]


def query_is_valid(
    document: Mapping[str, Any],
    path_item: Mapping[str, Any],
    operation: Mapping[str, Any],
    raw_query: str,
    *,
    ignore_undeclared: bool = False,
) -> bool:
    """Whether a query string, read as the spec's parameter styles say, holds valid values.

    ``ignore_undeclared``: names no parameter declares are skipped, as the APIs do (assumption
    `undeclared-query-parameters`), unless the operation has a free-form object parameter (W50's
    PATCH matchValues), which takes every other name.

    Only what these specs use is read (strings, `form` arrays of strings without explode, one
    free-form object of strings with explode); anything else counts as not valid, so a failure
    about it is kept.
    """
    pairs = urllib.parse.parse_qsl(raw_query, keep_blank_values=True)
    components = {"components": document.get("components", {})}
    claimed: set[str] = set()
    free_form: Mapping[str, Any] | None = None
    for parameter in _parameters(document, path_item, operation):
        schema = _schema_of(document, parameter.get("schema", {}))
        if schema.get("type") == "object":
            if free_form is not None or not parameter.get("explode", True):
                return False
            free_form = parameter
            continue
        name = str(parameter["name"])
        claimed.add(name)
        values = [value for key, value in pairs if key == name]
        if not values:
            if parameter.get("required"):
                return False
            continue
        if len(values) > 1:
            return False
        raw = values[0]
        if schema.get("type") == "array" and not parameter.get("explode", True):
            items = _schema_of(document, schema.get("items", {}))
            if items.get("type") != "string":
                return False
            value: Any = [] if raw == "" else raw.split(",")
        elif schema.get("type") == "string":
            value = raw
        else:
            return False
        if not OAS30WriteValidator({**parameter["schema"], **components}).is_valid(value):
            return False
    rest = [(key, value) for key, value in pairs if key not in claimed]
    if not rest:
        return True
    if free_form is None:
        return ignore_undeclared
    if len({key for key, _ in rest}) != len(rest):
        return False
    schema = {**free_form["schema"], **components}
    return bool(OAS30WriteValidator(schema).is_valid(dict(rest)))
