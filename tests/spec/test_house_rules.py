"""The house rules of docs/spec-conventions.md and the team's decisions, as tests."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from .specdoc import (
    APIS,
    BODY_MEDIA_TYPES,
    Document,
    Operation,
    View,
    load_document,
    visited,
)
from .xmlcontract import ARRAYS_NS

LOWER_CAMEL_CASE = re.compile(r"^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$")

# CheckMarket import result codes (api-facts.md, from the vendor's documentation).
RESULT_CODES = {
    "R0300": "Successfully updated",
    "R0301": "Successfully created",
    "R0302": "Invalid date of birth",
    "R0303": "Unknown country code",
    "R0304": "Unknown state code",
    "R0305": "No language code",
    "R0306": "Invalid language code",
    "R0307": "No email address",
    "R0308": "Invalid email address",
    "R0309": "Opted-out",
    "R0310": "Email address on global bounce list",
    "R0311": "Cooldown list",
    "R0315": "Duplicate e-mail address in file",
    "R0316": "Duplicate e-mail address in contacts",
    "R0317": "No alternative identifying value specified",
    "R0318": "Using default language code",
    "R0319": "Trial surveys are limited to 25 respondents",
    "R0321": 'Survey should have "In development" or "Live" status',
    "R0322": "Invalid phone number (+[country code][area code][number])",
    "R0323": "Domain blocked from import",
    "R0324": "Role-based addresses",
    "R0326": "Contact not found",
    "R0327": "Restricted in development environment",
}


def _problems(problems: list[str]) -> str:
    return "\n".join(problems)


def test_every_operation_has_a_unique_lower_camel_case_id_a_tag_and_a_summary(
    doc: Document,
) -> None:
    problems: list[str] = []
    operations = visited(doc.operations(), "operations")
    ids = Counter(operation.node.get("operationId") for operation in operations)
    for operation in operations:
        operation_id = operation.node.get("operationId")
        if not isinstance(operation_id, str) or not LOWER_CAMEL_CASE.match(operation_id):
            problems.append(f"{operation.label}: operationId {operation_id!r} not lowerCamelCase")
        elif ids[operation_id] > 1:
            problems.append(f"{operation.label}: operationId {operation_id} is not unique")
        tags = operation.node.get("tags")
        if not isinstance(tags, list) or not tags or not all(isinstance(t, str) for t in tags):
            problems.append(f"{operation.label}: no tag")
        summary = operation.node.get("summary")
        if not isinstance(summary, str) or not summary.strip():
            problems.append(f"{operation.label}: no summary")
    assert not problems, _problems(problems)


def test_every_body_offers_json_text_json_xml_and_text_xml_with_one_schema(
    doc: Document,
) -> None:
    problems: list[str] = []
    bodies = [
        (f"{operation.label} {part}", body["content"])
        for operation in doc.operations()
        for part, body in doc.bodies(operation)
        if body.get("content") is not None
    ]
    for where, content in visited(bodies, "request or response bodies"):
        if not isinstance(content, Mapping):
            problems.append(f"{where}: content is not a map")
            continue
        if list(content) != BODY_MEDIA_TYPES:
            problems.append(f"{where}: media types {list(content)}, want {BODY_MEDIA_TYPES}")
            continue
        schemas = [media.get("schema") for media in content.values()]
        if any(schema != schemas[0] for schema in schemas):
            problems.append(f"{where}: the four media types do not share one schema")
        if doc.ref_name(schemas[0]) is None:
            problems.append(f"{where}: the body schema is inline, not a $ref to a component")
    assert not problems, _problems(problems)


def test_every_error_response_documents_a_body(doc: Document) -> None:
    problems: list[str] = []
    errors = [
        (f"{operation.label} {code}", response)
        for operation in doc.operations()
        for code, response in doc.responses(operation).items()
        if code.startswith(("4", "5")) or code == "default"
    ]
    for where, response in visited(errors, "error responses"):
        content = response.get("content")
        if not isinstance(content, Mapping) or not content:
            problems.append(f"{where}: no body")
        elif not all(
            isinstance(media, Mapping) and "schema" in media for media in content.values()
        ):
            problems.append(f"{where}: a media type without schema")
    assert not problems, _problems(problems)


def _all_schema_properties(doc: Document) -> Iterator[tuple[str, str, Any]]:
    """(schema name, property name, property node) over every component schema and allOf part."""
    for name, schema in doc.schemas.items():
        parts = [schema]
        while parts:
            part = parts.pop()
            if not isinstance(part, Mapping) or "$ref" in part:
                continue
            properties = part.get("properties")
            if isinstance(properties, Mapping):
                for member, node in properties.items():
                    yield str(name), str(member), node
            parts.extend(part.get("allOf") or [])


def test_every_object_and_array_schema_has_xml_and_x_datacontract(doc: Document) -> None:
    problems: list[str] = []
    structured = [
        (name, schema)
        for name, schema in doc.schemas.items()
        if (doc.types(view := doc.view(schema)) & {"object", "array"} or doc.properties(view))
        and doc.first(view, "x-datacontract-type") != "dictionary"
    ]
    for name, schema in visited(structured, "object or array schemas"):
        if not isinstance(schema, Mapping) or not isinstance(schema.get("xml"), Mapping):
            problems.append(f"{name}: no xml object")
        contract = schema.get("x-datacontract") if isinstance(schema, Mapping) else None
        if not isinstance(contract, Mapping):
            problems.append(f"{name}: no x-datacontract")
        elif not isinstance(contract.get("name"), str) or not isinstance(
            contract.get("namespace"), str
        ):
            problems.append(f"{name}: x-datacontract needs a name and a namespace (may be '')")
    assert not problems, _problems(problems)


def test_every_property_has_an_xml_name(doc: Document) -> None:
    problems: list[str] = []
    for schema_name, member, node in visited(_all_schema_properties(doc), "schema properties"):
        xml = node.get("xml") if isinstance(node, Mapping) else None
        if not isinstance(xml, Mapping) or not isinstance(xml.get("name"), str):
            problems.append(f"{schema_name}.{member}: no xml.name")
        elif "$ref" in node:
            problems.append(f"{schema_name}.{member}: xml beside $ref is ignored; use allOf")
    assert not problems, _problems(problems)


def _string_arrays(doc: Document) -> list[tuple[str, str, Any, View]]:
    """(schema name, property name, property node, its view) of every array-of-strings property."""
    return [
        (schema_name, member, node, view)
        for schema_name, member, node in _all_schema_properties(doc)
        if "array" in doc.types(view := doc.view(node)) and doc.types(doc.items(view)) == {"string"}
    ]


def test_the_string_array_rule_has_properties_to_check() -> None:
    """CheckMarket has none; without W50's the rule below would pass checking nothing."""
    visited(
        (found for api in APIS for found in _string_arrays(load_document(api))),
        "array-of-strings properties",
    )


def test_string_arrays_put_their_items_in_the_serialization_arrays_namespace(
    doc: Document,
) -> None:
    problems: list[str] = []
    for schema_name, member, node, view in _string_arrays(doc):
        xml = doc.first(doc.items(view), "xml")
        if not isinstance(xml, Mapping) or xml.get("namespace") != ARRAYS_NS:
            problems.append(f"{schema_name}.{member}: string items not in {ARRAYS_NS}")
        elif xml.get("name") != "string":
            problems.append(f"{schema_name}.{member}: string items not named 'string'")
        wrapper = node.get("xml") if isinstance(node, Mapping) else None
        if not isinstance(wrapper, Mapping) or wrapper.get("wrapped") is not True:
            problems.append(f"{schema_name}.{member}: array property without xml.wrapped: true")
    assert not problems, _problems(problems)


def _walk(node: Any, where: str) -> Iterator[tuple[str, str, Any]]:
    """(location, key, value) for every mapping entry in the document."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield where, str(key), value
            yield from _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{where}/{index}")


def test_assumptions_are_listed_and_none_is_empty(doc: Document) -> None:
    problems: list[str] = []
    listed = doc.data.get("info", {}).get("x-assumptions")
    if not isinstance(listed, list) or not listed:
        problems.append("info.x-assumptions is missing or empty")
    else:
        ids = Counter(entry.get("id") if isinstance(entry, Mapping) else None for entry in listed)
        for entry in listed:
            if not isinstance(entry, Mapping):
                problems.append(f"info.x-assumptions entry {entry!r} is not a {{id, text}} map")
                continue
            if not isinstance(entry.get("id"), str) or not entry["id"].strip():
                problems.append(f"info.x-assumptions entry without id: {entry!r}")
            elif ids[entry["id"]] > 1:
                problems.append(f"info.x-assumptions id {entry['id']} is not unique")
            if not isinstance(entry.get("text"), str) or not entry["text"].strip():
                problems.append(f"info.x-assumptions {entry.get('id')}: empty text")
    for where, key, value in _walk(doc.data, "#"):
        if key == "x-assumption" and (not isinstance(value, str) or not value.strip()):
            problems.append(f"{where}: empty or non-text x-assumption")
    assert not problems, _problems(problems)


def _request_arrays(
    doc: Document, schema: Any, where: str, seen: set[int]
) -> Iterator[tuple[str, Any]]:
    """(where, view) of every array schema a request body of ``schema`` may hold, at any depth."""
    view = doc.view(schema)
    if not view or any(id(part) in seen for part in view):
        return
    seen = seen | {id(part) for part in view}
    if "array" in doc.types(view):
        yield where, view
        items = doc.items(view)
        if items:
            yield from _request_arrays(doc, {"allOf": items}, f"{where}[]", seen)
    for name, declared in doc.properties(view).items():
        yield from _request_arrays(doc, {"allOf": declared}, f"{where}.{name}", seen)
    extra = doc.additional_properties(view)
    if extra:
        yield from _request_arrays(doc, {"allOf": extra}, f"{where}.*", seen)
    for part in view:
        for key in ("oneOf", "anyOf"):
            for alternative in part.get(key, []) or []:
                yield from _request_arrays(doc, alternative, where, seen)


def test_every_request_body_array_has_max_items(doc: Document) -> None:
    """Issue 20: an unbounded array let one request take the sandbox past 1 GB; every array a
    request may carry is bounded in the spec (an x-assumption where the vendor states none)."""
    problems: list[str] = []
    checked = 0
    for operation in doc.operations():
        body = doc.request_body(operation)
        if body is None:
            continue
        for media, entry in (body.get("content") or {}).items():
            for where, view in _request_arrays(doc, entry.get("schema"), "$", set()):
                checked += 1
                maximum = doc.first(view, "maxItems")
                if not isinstance(maximum, int) or isinstance(maximum, bool) or maximum < 1:
                    problems.append(f"{operation.label} {media} {where}: no maxItems")
    assert checked, "no request body array found: the walk is broken"
    assert not problems, _problems(problems)


def test_request_limits_are_stated_and_explained(doc: Document) -> None:
    limits = doc.data.get("info", {}).get("x-request-limits")
    assert isinstance(limits, Mapping), "info.x-request-limits is missing"
    names = ("maxBodyBytes", "largeBodyBytes", "concurrentLargeBodies", "retryAfterSeconds")
    for name in names:
        value = limits.get(name)
        assert isinstance(value, int) and not isinstance(value, bool) and value >= 1, name
    assert limits["largeBodyBytes"] < limits["maxBodyBytes"]
    ids = {entry.get("id") for entry in doc.data["info"].get("x-assumptions", [])}
    assert {"request-limits", "request-array-limits"} <= ids


def test_document_is_plain_json_data(doc: Document) -> None:
    """YAML must not turn values into dates or keys into numbers: the spec ships as JSON."""
    problems: list[str] = []

    def visit(node: Any, where: str) -> None:
        if isinstance(node, Mapping):
            for key, value in node.items():
                if not isinstance(key, str):
                    problems.append(f"{where}: key {key!r} is a {type(key).__name__}, not text")
                visit(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, f"{where}/{index}")
        elif node is not None and not isinstance(node, str | int | float | bool):
            problems.append(f"{where}: {node!r} is a {type(node).__name__} (quote it in YAML)")

    visit(doc.data, "#")
    assert not problems, _problems(problems)


# --- W50API -----------------------------------------------------------------------------------


@pytest.fixture
def which50() -> Document:
    return load_document("which50")


@pytest.fixture
def checkmarket() -> Document:
    return load_document("checkmarket")


def _operation_by_id(doc: Document, operation_id: str) -> Operation:
    for operation in doc.operations():
        if operation.node.get("operationId") == operation_id:
            return operation
    raise AssertionError(f"{doc.api}: no operation {operation_id}")


def _security(doc: Document, operation: Operation) -> list[Mapping[str, Any]]:
    security = operation.node.get("security", doc.data.get("security"))
    return [item for item in security or [] if isinstance(item, Mapping)]


def test_which50_operations_require_a_bearer_token(which50: Document) -> None:
    schemes = which50.components.get("securitySchemes", {}) or {}
    bearer = {
        name
        for name, scheme in schemes.items()
        if isinstance(scheme, Mapping)
        and scheme.get("type") == "http"
        and str(scheme.get("scheme", "")).lower() == "bearer"
    }
    assert bearer, "no http bearer security scheme"
    problems = [
        f"{operation.label}: security {requirements!r} does not always require a bearer token"
        for operation in visited(which50.operations(), "operations")
        if not (requirements := _security(which50, operation))
        or not all(set(requirement) & bearer for requirement in requirements)
    ]
    assert not problems, _problems(problems)


def test_which50_batch_upload_takes_at_most_10000_contacts(which50: Document) -> None:
    operation = _operation_by_id(which50, "uploadImportBatch")
    body = which50.request_body(operation)
    assert body is not None and body.get("required") is True, "the batch body must be required"
    view = which50.view(body["content"]["application/json"]["schema"])
    assert "array" in which50.types(view)
    assert which50.first(view, "maxItems") == 10000
    contract = which50.contract(which50.items(view))
    assert contract is not None and contract.get("name") == "Contact"


LIST_PARAMETERS = ("customevents", "match")
MATCHING_OPERATIONS = (
    "runImportJob",
    "runImportJobPut",
    "runImportJobPatch",
    "upsertContact",
    "upsertContactPut",
    "patchContacts",
)
PATCH_OPERATIONS = ("runImportJobPatch", "patchContacts")


def test_which50_customevents_and_match_are_comma_joined_string_arrays(
    which50: Document,
) -> None:
    problems: list[str] = []
    for operation_id in MATCHING_OPERATIONS:
        operation = _operation_by_id(which50, operation_id)
        parameters = {
            p.get("name"): p for p in which50.parameters(operation) if p.get("in") == "query"
        }
        for name in LIST_PARAMETERS:
            parameter = parameters.get(name)
            if parameter is None:
                problems.append(f"{operation_id}: no query parameter {name}")
                continue
            view = which50.view(parameter.get("schema", {}))
            if parameter.get("style") != "form" or parameter.get("explode") is not False:
                problems.append(f"{operation_id} {name}: not style form, explode false")
            if "array" not in which50.types(view) or which50.types(which50.items(view)) != {
                "string"
            }:
                problems.append(f"{operation_id} {name}: not an array of strings")
    assert not problems, _problems(problems)


def test_which50_patch_operations_take_free_form_match_values(which50: Document) -> None:
    problems: list[str] = []
    for operation_id in PATCH_OPERATIONS:
        operation = _operation_by_id(which50, operation_id)
        parameters = {
            p.get("name"): p for p in which50.parameters(operation) if p.get("in") == "query"
        }
        parameter = parameters.get("matchValues")
        if parameter is None:
            problems.append(f"{operation_id}: no matchValues query parameter")
            continue
        view = which50.view(parameter.get("schema", {}))
        extra = which50.additional_properties(view)
        if parameter.get("style") != "form" or parameter.get("explode") is not True:
            problems.append(f"{operation_id} matchValues: not style form, explode true")
        if "object" not in which50.types(view) or extra is None:
            problems.append(f"{operation_id} matchValues: not a free-form object")
        elif which50.types(extra) != {"string"}:
            problems.append(f"{operation_id} matchValues: values are not strings")
    others = [
        operation
        for operation in which50.operations()
        if operation.method != "patch" and operation.operation_id not in PATCH_OPERATIONS
    ]
    for operation in visited(others, "operations other than PATCH"):
        if "matchValues" in {p.get("name") for p in which50.parameters(operation)}:
            problems.append(f"{operation.label}: matchValues outside a PATCH operation")
    assert not problems, _problems(problems)


# --- CheckMarket ------------------------------------------------------------------------------

KEY_HEADERS = {"X-Master-Key", "X-Key"}


def _required_headers(doc: Document, operation: Operation) -> set[str]:
    """Header names every accepted request must carry (security schemes or parameters)."""
    schemes = doc.components.get("securitySchemes", {}) or {}
    header_of = {
        name: str(scheme.get("name"))
        for name, scheme in schemes.items()
        if isinstance(scheme, Mapping)
        and scheme.get("type") == "apiKey"
        and scheme.get("in") == "header"
    }
    requirements = _security(doc, operation)
    by_security = (
        set.intersection(*({header_of.get(name, "") for name in r} for r in requirements))
        if requirements
        else set()
    )
    by_parameter = {
        str(p.get("name"))
        for p in doc.parameters(operation)
        if p.get("in") == "header" and p.get("required") is True
    }
    return by_security | by_parameter


def test_checkmarket_operations_require_both_key_headers(checkmarket: Document) -> None:
    problems = [
        f"{operation.label}: {sorted(KEY_HEADERS - headers)} not required"
        for operation in visited(checkmarket.operations(), "operations")
        if not (headers := _required_headers(checkmarket, operation)) >= KEY_HEADERS
    ]
    assert not problems, _problems(problems)


def test_checkmarket_operations_name_their_required_roles(checkmarket: Document) -> None:
    problems = [
        f"{operation.label}: x-required-roles {roles!r}"
        for operation in visited(checkmarket.operations(), "operations")
        if not isinstance(roles := operation.node.get("x-required-roles"), list)
        or not roles
        or not all(isinstance(role, str) and role.strip() for role in roles)
    ]
    assert not problems, _problems(problems)


def test_checkmarket_result_code_is_a_tolerant_pattern_listing_every_known_code(
    checkmarket: Document,
) -> None:
    holders = {
        name: schema
        for name, schema in checkmarket.schemas.items()
        if isinstance(schema, Mapping) and "x-result-codes" in schema
    }
    assert list(holders) == ["ResultCode"], f"x-result-codes found on {sorted(holders)}"
    schema = holders["ResultCode"]
    assert schema.get("type") == "string"
    assert schema.get("pattern") == r"^R\d{4}$"
    assert "enum" not in schema, "an enum would reject codes the vendor adds later"
    listed: dict[str, Any] = {
        str(entry.get("code")): entry.get("meaning")
        for entry in schema["x-result-codes"]
        if isinstance(entry, Mapping)
    }
    assert len(listed) == len(schema["x-result-codes"]), "duplicate or malformed entries"
    assert set(listed) == set(RESULT_CODES)
    wrong = {code: meaning for code, meaning in listed.items() if meaning != RESULT_CODES[code]}
    assert not wrong, f"meanings differ from the vendor's: {wrong}"


def test_checkmarket_responses_are_payload_envelopes(checkmarket: Document) -> None:
    problems: list[str] = []
    json_bodies = [
        (f"{operation.label} {code}", content["application/json"])
        for operation in checkmarket.operations()
        for code, response in checkmarket.responses(operation).items()
        if isinstance(content := response.get("content"), Mapping) and "application/json" in content
    ]
    for where, media in visited(json_bodies, "JSON responses"):
        view = checkmarket.view(media.get("schema", {}))
        if not {"Meta", "Data"} <= set(checkmarket.properties(view)):
            problems.append(f"{where}: no Meta and Data members")
        contract = checkmarket.contract(view)
        if contract is None or contract.get("name") != "Payload":
            problems.append(f"{where}: XML root is not Payload")
    assert not problems, _problems(problems)
