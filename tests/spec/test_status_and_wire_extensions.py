"""`x-status-values` stages and `x-wire-formats` (docs/spec-conventions.md, Other extensions)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from .examplesites import example_sites
from .specdoc import Document, load_document, visited

STAGES = ("open", "in-progress", "final")
OUTCOMES = ("succeeded", "failed")
ITEM_KEYS = {"value", "meaning", "stage", "outcome"}
WIRE_FORMATS = ("json", "xml")
VALUE_TYPES: Mapping[str, type] = {"string": str, "integer": int}


def _properties(doc: Document) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(`Schema.member`, property node) over every component schema and its allOf parts."""
    for name, schema in doc.schemas.items():
        parts = [schema]
        while parts:
            part = parts.pop()
            if not isinstance(part, Mapping) or "$ref" in part:
                continue
            for member, node in (part.get("properties") or {}).items():
                if isinstance(node, Mapping):
                    yield f"{name}.{member}", node
            parts.extend(part.get("allOf") or [])


def _holders(doc: Document, key: str) -> list[str]:
    """Where `key` appears anywhere in the document (JSON-pointer-like locations)."""
    found: list[str] = []

    def visit(node: Any, where: str) -> None:
        if isinstance(node, Mapping):
            for name, value in node.items():
                if name == key:
                    found.append(where)
                visit(value, f"{where}/{name}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, f"{where}/{index}")

    visit(doc.data, "#")
    return found


def status_item_problems(prop: Mapping[str, Any], where: str) -> list[str]:
    """What is wrong with a property's `x-status-values` (empty when nothing)."""
    items = prop.get("x-status-values")
    if not isinstance(items, list) or not items:
        return [f"{where}: x-status-values must be a non-empty list"]
    problems: list[str] = []
    if "enum" in prop:
        problems.append(f"{where}: a status property must not be an enum (other states stay valid)")
    value_type = VALUE_TYPES.get(str(prop.get("type")))
    if value_type is None:
        problems.append(f"{where}: a status property is a string or an integer")
    seen: set[Any] = set()
    for index, item in enumerate(items):
        at = f"{where} x-status-values[{index}]"
        if not isinstance(item, Mapping):
            problems.append(f"{at}: not a {{value, meaning, stage, outcome}} map")
            continue
        if set(item) - ITEM_KEYS:
            problems.append(f"{at}: unknown keys {sorted(set(item) - ITEM_KEYS)}")
        value = item.get("value")
        if value_type is not None and (
            not isinstance(value, value_type) or isinstance(value, bool)
        ):
            problems.append(f"{at}: value {value!r} is not of the property's type")
        if value in seen:
            problems.append(f"{at}: value {value!r} is listed twice")
        seen.add(value)
        if not isinstance(item.get("meaning"), str) or not item["meaning"].strip():
            problems.append(f"{at}: meaning must be a non-empty text")
        stage = item.get("stage")
        if stage not in STAGES:
            problems.append(f"{at}: stage {stage!r} is not one of {', '.join(STAGES)}")
        if stage == "final" and item.get("outcome") not in OUTCOMES:
            problems.append(
                f"{at}: a final state needs outcome {' or '.join(OUTCOMES)}, "
                f"not {item.get('outcome')!r}"
            )
        if stage != "final" and "outcome" in item:
            problems.append(f"{at}: outcome is only for final states (stage {stage!r})")
    stages = {item.get("stage") for item in items if isinstance(item, Mapping)}
    if "final" not in stages:
        problems.append(f"{where}: no final state: a client would wait forever")
    return problems


def test_every_x_status_values_item_has_a_stage_and_an_outcome_iff_final(doc: Document) -> None:
    holders = {where: prop for where, prop in _properties(doc) if "x-status-values" in prop}
    assert holders, f"{doc.api}: no property has x-status-values"
    everywhere = len(_holders(doc, "x-status-values"))
    assert everywhere == len(holders), "x-status-values is only for schema properties"
    problems: list[str] = []
    for where, prop in holders.items():
        problems += status_item_problems(prop, where)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "broken, rule",
    [
        ({"value": "Done", "meaning": "done", "stage": "closed"}, "stage 'closed' is not one"),
        ({"value": "Done", "meaning": "done", "stage": "final"}, "final state needs outcome"),
        (
            {"value": "Done", "meaning": "done", "stage": "open", "outcome": "failed"},
            "outcome is only for final states",
        ),
        ({"value": "Done", "meaning": "done"}, "stage None is not one"),
        ({"value": 7, "meaning": "done", "stage": "open"}, "is not of the property's type"),
        ({"value": "Created", "meaning": "again", "stage": "open"}, "listed twice"),
        ({"value": "Done", "meaning": "", "stage": "open"}, "meaning must be"),
        ({"value": "Done", "meaning": "d", "stage": "open", "final": True}, "unknown keys"),
    ],
)
def test_the_status_check_refuses_a_broken_item(broken: dict[str, Any], rule: str) -> None:
    prop = dict(load_document("which50").schemas["ImportJob"]["properties"]["CurrentStatus"])
    prop["x-status-values"] = [*prop["x-status-values"], broken]
    assert any(rule in problem for problem in status_item_problems(prop, "ImportJob.X")), rule


def test_the_status_check_wants_a_final_state() -> None:
    prop = dict(load_document("which50").schemas["ImportJob"]["properties"]["CurrentStatus"])
    prop["x-status-values"] = [item for item in prop["x-status-values"] if item["stage"] != "final"]
    assert any("no final state" in p for p in status_item_problems(prop, "ImportJob.X"))


def _stages(doc: Document, schema: str, member: str) -> dict[Any, tuple[str, str | None]]:
    items = doc.schemas[schema]["properties"][member]["x-status-values"]
    return {item["value"]: (item["stage"], item.get("outcome")) for item in items}


def test_which50_job_states_are_staged_as_decided() -> None:
    assert _stages(load_document("which50"), "ImportJob", "CurrentStatus") == {
        "Created": ("open", None),
        "Loaded": ("open", None),
        "Running": ("in-progress", None),
        "Finished": ("final", "succeeded"),
        "Failed": ("final", "failed"),
    }


def test_checkmarket_queue_states_are_staged_as_decided() -> None:
    assert _stages(load_document("checkmarket"), "ImportQueueItem", "StatusId") == {
        1: ("in-progress", None),
        2: ("in-progress", None),
        3: ("final", "failed"),
        4: ("final", "succeeded"),
    }


# --- x-wire-formats -----------------------------------------------------------------------------


def wire_format_problems(prop: Mapping[str, Any], where: str, required: bool) -> list[str]:
    formats = prop.get("x-wire-formats")
    if (
        not isinstance(formats, list)
        or not formats
        or any(value not in WIRE_FORMATS for value in formats)
        or len(set(formats)) != len(formats)
    ):
        return [f"{where}: x-wire-formats must list some of {', '.join(WIRE_FORMATS)}, once each"]
    if list(formats) == list(WIRE_FORMATS):
        return [f"{where}: x-wire-formats naming every format says nothing; leave it out"]
    if required:
        return [f"{where}: a required member must be on every wire"]
    return []


def _required(doc: Document, where: str) -> bool:
    schema_name, _, member = where.partition(".")
    view = doc.view(doc.schemas[schema_name])
    return any(member in (part.get("required") or []) for part in view)


def test_x_wire_formats_name_known_formats_on_optional_properties(doc: Document) -> None:
    properties = visited(_properties(doc), "schema properties")
    holders = {where: prop for where, prop in properties if "x-wire-formats" in prop}
    everywhere = len(_holders(doc, "x-wire-formats"))
    assert everywhere == len(holders), "x-wire-formats is only for schema properties"
    problems: list[str] = []
    for where, prop in holders.items():
        problems += wire_format_problems(prop, where, _required(doc, where))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "formats, required, rule",
    [
        (["soap"], False, "must list some of"),
        ([], False, "must list some of"),
        ("xml", False, "must list some of"),
        (["xml", "xml"], False, "must list some of"),
        (["json", "xml"], False, "says nothing"),
        (["xml"], True, "required member"),
    ],
)
def test_the_wire_format_check_refuses(formats: Any, required: bool, rule: str) -> None:
    problems = wire_format_problems({"x-wire-formats": formats}, "Thing.Id", required)
    assert any(rule in problem for problem in problems), problems


def test_which50_contact_id_is_on_the_xml_wire_only() -> None:
    which50 = load_document("which50")
    marked = {
        where: prop["x-wire-formats"]
        for where, prop in _properties(which50)
        if "x-wire-formats" in prop
    }
    assert marked == {"Contact.Id": ["xml"]}


def _off_wire(doc: Document, schema: Any, value: Any, wire: str, where: str) -> Iterator[str]:
    """Members of `value` (at any depth) that `schema` says the `wire` format does not carry."""
    view = doc.view(schema)
    if isinstance(value, Mapping):
        nodes = doc.property_nodes(view)
        for key, item in value.items():
            declared = nodes.get(str(key), [])
            if any(wire not in node.get("x-wire-formats", [wire]) for node in declared):
                yield f"{where}.{key}"
            yield from _off_wire(doc, {"allOf": declared}, item, wire, f"{where}.{key}")
    elif isinstance(value, list):
        items = [part["items"] for part in view if "items" in part]
        for index, item in enumerate(value):
            yield from _off_wire(doc, {"allOf": items}, item, wire, f"{where}[{index}]")


def test_no_json_example_carries_a_member_off_the_json_wire(doc: Document) -> None:
    problems: list[str] = []
    sites = [site for site in example_sites(doc) if site.kind == "json"]
    for site in visited(sites, "JSON examples"):
        problems += _off_wire(doc, site.schema, site.value, "json", site.where)
    assert not problems, "\n".join(problems)


def test_the_example_check_finds_a_nested_off_wire_member() -> None:
    which50 = load_document("which50")
    batch = [{"Values": {}}, {"Values": {}, "Id": 3}]
    found = list(
        _off_wire(which50, {"$ref": "#/components/schemas/ArrayOfContact"}, batch, "json", "$")
    )
    assert found == ["$[1].Id"]
