"""What a vendor page documents must be in the spec: operations, parameters, fields, codes, samples.

The pages are parsed at run time from the seeds folder (never copied into the repository); each test
collects every gap it finds for one page and lists them all in its failure message.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from .examplesites import violating_examples
from .seedpages import SeedDto, SeedPage
from .specdoc import Api, Document, Operation, View, load_document, visited
from .xmlcontract import same_tree


def _operations(page: SeedPage) -> tuple[Document, list[Operation], list[str]]:
    doc = load_document(page.api)
    found: list[Operation] = []
    missing: list[str] = []
    for method in page.methods:
        operation = doc.operation(page.path, method)
        if operation is None:
            missing.append(f"{method} {page.path} (documented by {page.name}) is not in the spec")
        else:
            found.append(operation)
    return doc, found, missing


def _main_operation(page: SeedPage) -> tuple[Document, Operation]:
    doc = load_document(page.api)
    operation = doc.operation(page.path, page.method)
    assert operation is not None, f"{page.method} {page.path} ({page.name}) is not in the spec"
    return doc, operation


def seed_type_problem(doc: Document, view: View, seed_type: str | None) -> str | None:
    """Why the schema `view` cannot hold what the page calls `seed_type` (None when it can)."""
    if seed_type is None:
        return None
    types = doc.types(view)
    fmt = doc.first(view, "format")
    simple = {
        "integer": ("integer", None),
        "string": ("string", None),
        "date": ("string", "date-time"),
        "boolean": ("boolean", None),
        "decimal number": ("number", None),
        "globally unique identifier": ("string", "uuid"),
    }
    if seed_type in simple:
        wanted_type, wanted_format = simple[seed_type]
        if wanted_type not in types:
            return f"type {sorted(types) or 'unset'}, the page says {seed_type} ({wanted_type})"
        if wanted_format is not None and fmt != wanted_format:
            return f"format {fmt!r}, the page says {seed_type} (format {wanted_format})"
        return None
    if seed_type.startswith("Collection of "):
        item = seed_type.removeprefix("Collection of ")
        if "array" not in types:
            return f"type {sorted(types) or 'unset'}, the page says {seed_type} (array)"
        items = doc.items(view)
        if item in ("string", "integer", "boolean"):
            if doc.types(items) != {item}:
                return f"items of type {sorted(doc.types(items))}, the page says {seed_type}"
            return None
        contract = doc.contract(items)
        if contract is None or contract.get("name") != item:
            name = None if contract is None else contract.get("name")
            return f"items' x-datacontract.name is {name!r}, the page says {seed_type}"
        return None
    if seed_type.startswith("Dictionary of "):
        if "object" not in types or doc.additional_properties(view) is None:
            return f"not an object with additionalProperties, the page says {seed_type}"
        return None
    # a named .NET type (MetaData, Hateoas, ...)
    contract = doc.contract(view)
    if "object" not in types and not doc.properties(view):
        return f"type {sorted(types) or 'unset'}, the page says the object type {seed_type}"
    if contract is None or contract.get("name") != seed_type:
        name = None if contract is None else contract.get("name")
        return f"x-datacontract.name is {name!r}, the page says {seed_type}"
    return None


def _body_view(doc: Document, body: Mapping[str, Any] | None) -> View | None:
    if body is None:
        return None
    content = body.get("content")
    if not isinstance(content, Mapping) or not isinstance(content.get("application/json"), Mapping):
        return None
    return doc.view(content["application/json"].get("schema"))


def _dto_problems(doc: Document, view: View | None, dto: SeedDto, where: str) -> list[str]:
    if view is None:
        return [f"{where}: no application/json schema for the page's {dto.name or 'body'}"]
    problems: list[str] = []
    contract = doc.contract(view)
    if dto.name is not None and (contract is None or contract.get("name") != dto.name):
        name = None if contract is None else contract.get("name")
        problems.append(f"{where}: x-datacontract.name is {name!r}, the page names {dto.name}")
    properties = doc.properties(view)
    for field in dto.fields:
        if field.name not in properties:
            problems.append(f"{where}: member {field.name} ({field.type}) is missing")
            continue
        problem = seed_type_problem(doc, properties[field.name], field.type)
        if problem is not None:
            problems.append(f"{where}.{field.name}: {problem}")
        if field.max_length is not None:
            declared = doc.first(properties[field.name], "maxLength")
            if declared != field.max_length:
                problems.append(
                    f"{where}.{field.name}: maxLength {declared!r}, the page says "
                    f"{field.max_length}"
                )
    return problems


def test_every_operation_a_page_shows_is_in_the_spec(seed_page: SeedPage) -> None:
    _, _, missing = _operations(seed_page)
    assert not missing, "\n".join(missing)


def test_path_and_uri_parameters_of_a_page_are_declared_with_their_types(
    seed_page: SeedPage,
) -> None:
    doc, operations, _ = _operations(seed_page)
    assert operations, f"no operation of {seed_page.name} is in the spec"
    seed_types = {field.name: field.type for field in seed_page.uri_parameters}
    names = set(seed_page.path_parameter_names) | set(seed_types)
    problems: list[str] = []
    for operation in operations:
        declared = {
            str(parameter["name"]): parameter
            for parameter in doc.parameters(operation)
            if parameter.get("in") == "path"
        }
        for name in sorted(names):
            parameter = declared.get(name)
            if parameter is None:
                problems.append(f"{operation.label}: path parameter {name} is missing")
                continue
            if parameter.get("required") is not True:
                problems.append(f"{operation.label}: path parameter {name} is not required")
            problem = seed_type_problem(
                doc, doc.view(parameter.get("schema", {})), seed_types.get(name)
            )
            if problem is not None:
                problems.append(f"{operation.label}: path parameter {name}: {problem}")
    assert not problems, "\n".join(problems)


def test_query_parameters_a_page_mentions_are_declared(seed_page: SeedPage) -> None:
    doc, operations, _ = _operations(seed_page)
    assert operations, f"no operation of {seed_page.name} is in the spec"
    problems: list[str] = []
    for operation in operations:
        query = [p for p in doc.parameters(operation) if p.get("in") == "query"]
        names = {str(p.get("name")) for p in query}
        for name in seed_page.query_parameters:
            if name not in names:
                problems.append(f"{operation.label}: query parameter {name} is missing")
        if seed_page.free_form_match_values and operation.method == "patch":
            free_form = [
                p
                for p in query
                if "object" in doc.types(doc.view(p.get("schema", {})))
                and doc.additional_properties(doc.view(p.get("schema", {}))) is not None
            ]
            if not free_form:
                problems.append(
                    f"{operation.label}: no free-form query object for the PATCH match values"
                )
    assert not problems, "\n".join(problems)


def test_request_body_members_of_a_page_are_declared_with_their_types(
    seed_page: SeedPage,
) -> None:
    doc, operations, _ = _operations(seed_page)
    assert operations, f"no operation of {seed_page.name} is in the spec"
    problems: list[str] = []
    for operation in operations:
        body = doc.request_body(operation)
        if seed_page.request is None:
            if body is not None:
                problems.append(f"{operation.label}: the page says no body, the spec has one")
            continue
        where = f"{operation.label} request"
        problems += _dto_problems(doc, _body_view(doc, body), seed_page.request, where)
    assert not problems, "\n".join(problems)


def test_response_members_of_a_page_are_declared_with_their_types(seed_page: SeedPage) -> None:
    doc, operations, _ = _operations(seed_page)
    assert operations, f"no operation of {seed_page.name} is in the spec"
    if seed_page.response is None:
        return
    problems: list[str] = []
    for operation in operations:
        response = doc.responses(operation).get("200")
        where = f"{operation.label} 200"
        problems += _dto_problems(doc, _body_view(doc, response), seed_page.response, where)
    assert not problems, "\n".join(problems)


def test_response_codes_a_page_lists_are_documented(seed_page: SeedPage) -> None:
    doc, operations, _ = _operations(seed_page)
    assert operations, f"no operation of {seed_page.name} is in the spec"
    problems = [
        f"{operation.label}: response {code} is missing"
        for operation in operations
        for code in seed_page.response_codes
        if str(code) not in doc.responses(operation)
    ]
    assert not problems, "\n".join(problems)


def test_required_roles_a_page_names_are_on_the_operation(seed_page: SeedPage) -> None:
    _, operation = _main_operation(seed_page)
    roles = operation.node.get("x-required-roles") or []
    missing = [role for role in seed_page.required_roles if role not in roles]
    assert not missing, f"{operation.label}: x-required-roles {roles!r} lacks {missing!r}"


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _region_media(doc: Document, operation: Operation, region: str) -> Mapping[str, Any]:
    body = (
        doc.request_body(operation) if region == "request" else doc.responses(operation).get("200")
    )
    content = body.get("content") if body is not None else None
    return content if isinstance(content, Mapping) else {}


def test_json_samples_of_a_page_are_examples_in_the_spec(seed_page: SeedPage) -> None:
    doc, operation = _main_operation(seed_page)
    problems: list[str] = []
    for sample in visited(seed_page.json_samples, f"JSON samples on {seed_page.name}"):
        media = _region_media(doc, operation, sample.region).get("application/json")
        if not isinstance(media, Mapping):
            problems.append(f"{operation.label} {sample.region}: no application/json body")
            continue
        examples = {_canonical(value) for _, value in doc.media_examples(media)}
        if _canonical(sample.value) not in examples:
            problems.append(
                f"{operation.label} {sample.region} application/json: the page's "
                f"{sample.media_types[0]} sample is not among the {len(examples)} example(s): "
                f"{_canonical(sample.value)[:160]}"
            )
    assert not problems, "\n".join(problems)


_JSON_TYPES: dict[type, set[str]] = {
    bool: {"boolean"},
    int: {"integer", "number"},
    float: {"number"},
    str: {"string"},
}


def sample_mismatches(doc: Document, view: View, value: Any, where: str) -> list[str]:
    """Members of a JSON sample the schema does not declare, or declares with another type."""
    problems: list[str] = []
    types = doc.types(view)
    if isinstance(value, dict):
        properties = doc.properties(view)
        extra = doc.additional_properties(view)
        if types - {"object"}:
            problems.append(f"{where}: an object where the spec says {sorted(types)}")
        elif properties:
            for key, member in value.items():
                if key in properties:
                    problems += sample_mismatches(doc, properties[key], member, f"{where}.{key}")
                elif extra is None:
                    problems.append(f"{where}.{key}: not declared")
        elif extra is not None:
            for key, member in value.items():
                problems += sample_mismatches(doc, extra, member, f"{where}[{key!r}]")
    elif isinstance(value, list):
        if types - {"array"}:
            problems.append(f"{where}: an array where the spec says {sorted(types)}")
        items = doc.items(view)
        for index, member in enumerate(value):
            problems += sample_mismatches(doc, items, member, f"{where}[{index}]")
    elif value is None:
        if types and not doc.nullable(view):
            problems.append(f"{where}: null, but the spec does not mark it nullable")
    elif types and not types & _JSON_TYPES[type(value)]:
        problems.append(f"{where}: {value!r} where the spec says {sorted(types)}")
    return problems


def test_json_sample_members_are_declared_with_their_types_at_every_depth(
    seed_page: SeedPage,
) -> None:
    doc, operation = _main_operation(seed_page)
    problems: list[str] = []
    for sample in visited(seed_page.json_samples, f"JSON samples on {seed_page.name}"):
        media = _region_media(doc, operation, sample.region).get("application/json")
        if not isinstance(media, Mapping):
            problems.append(f"{operation.label} {sample.region}: no application/json body")
            continue
        view = doc.view(media.get("schema", {}))
        problems += sample_mismatches(doc, view, sample.value, f"{operation.label} {sample.region}")
    assert not problems, "\n".join(sorted(set(problems)))


def test_xml_samples_of_a_page_are_examples_in_the_spec(seed_page: SeedPage) -> None:
    doc, operation = _main_operation(seed_page)
    problems: list[str] = []
    for sample in visited(seed_page.xml_samples, f"XML samples on {seed_page.name}"):
        content = _region_media(doc, operation, sample.region)
        candidates: list[ET.Element] = []
        for media_type in ("application/xml", "text/xml"):
            media = content.get(media_type)
            if not isinstance(media, Mapping):
                continue
            for _, value in doc.media_examples(media):
                if isinstance(value, str):
                    try:
                        candidates.append(ET.fromstring(value))
                    except ET.ParseError:
                        continue  # reported by the examples tests
        if not any(same_tree(sample.root, candidate) for candidate in candidates):
            problems.append(
                f"{operation.label} {sample.region}: the page's XML sample <{sample.root.tag}> is "
                f"not among the {len(candidates)} XML example(s)"
            )
    assert not problems, "\n".join(problems)


def test_only_verbatim_vendor_samples_may_be_marked_as_violating_the_schema(
    api: Api, seed_pages: list[SeedPage]
) -> None:
    doc = load_document(api)
    samples = {
        _canonical(sample.value)
        for page in seed_pages
        if page.api == api
        for sample in page.json_samples
    }
    problems = [
        f"{site.where}: marked x-violates-schema but is not a vendor sample"
        for site in violating_examples(doc)
        if site.kind != "json" or _canonical(site.value) not in samples
    ]
    assert not problems, "\n".join(problems)
