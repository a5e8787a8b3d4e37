"""The generated pydantic models enforce the spec's nullability and integer formats.

An optional member that is not `nullable` may be absent but must refuse an explicit null; a
`nullable` member takes null. The sandbox validates request bodies with these models alone, so
what they accept is what the sandbox accepts. Pinned on named fields of both specs, then swept over
every optional member of every schema that has a JSON example in the spec.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from typing import Any, NamedTuple

import pydantic
import pytest
from contactimport.generated.spec import APIS, document

HTTP_METHODS = ("get", "put", "post", "delete", "patch")

CONTACT = {"Values": {"Email": "ada@example.com"}}
IMPORT_CONFIG = {"Name": "Nightly import"}
SURVEY_LINK = {"SurveyId": 7}
IMPORT_CONTACT = {"Email": "ada@example.com"}


def model(api: str, schema: str) -> type[pydantic.BaseModel]:
    found: type[pydantic.BaseModel] = getattr(
        importlib.import_module(f"contactimport.generated.{api}_models"), schema
    )
    return found


def validate(api: str, schema: str, value: Any) -> pydantic.BaseModel:
    """As the sandbox validates a JSON body: strict, from the JSON text."""
    return model(api, schema).model_validate_json(json.dumps(value), strict=True)


def with_member(base: dict[str, Any], name: str, value: Any) -> dict[str, Any]:
    return {**base, name: value}


NOT_NULLABLE: list[tuple[str, str, dict[str, Any], str]] = [
    ("which50", "Contact", CONTACT, "ListId"),
    ("which50", "Contact", CONTACT, "Id"),
    ("checkmarket", "ImportConfig", IMPORT_CONFIG, "ContactListId"),
    ("checkmarket", "ImportConfig", IMPORT_CONFIG, "SurveySettings"),
    ("checkmarket", "ImportConfig", IMPORT_CONFIG, "EmailIsRequired"),
    ("checkmarket", "ImportConfig", IMPORT_CONFIG, "UpdateTypeId"),
    ("checkmarket", "ImportSurveyLink", SURVEY_LINK, "InvitationTime"),
    ("checkmarket", "ImportContact", IMPORT_CONTACT, "LangCode"),
    ("checkmarket", "ImportContact", IMPORT_CONTACT, "CustomFields"),
]
NULLABLE: list[tuple[str, str, dict[str, Any], str]] = [
    ("which50", "Contact", CONTACT, "EncContactId"),
    ("which50", "Contact", CONTACT, "ValidationWarnings"),
]


@pytest.mark.parametrize(("api", "schema", "base", "name"), NOT_NULLABLE)
def test_an_explicit_null_is_refused_where_the_member_is_not_nullable(
    api: str, schema: str, base: dict[str, Any], name: str
) -> None:
    with pytest.raises(pydantic.ValidationError) as refused:
        validate(api, schema, with_member(base, name, None))
    assert [error["loc"][0] for error in refused.value.errors()] == [name]


@pytest.mark.parametrize(("api", "schema", "base", "name"), NOT_NULLABLE + NULLABLE)
def test_an_optional_member_may_be_absent_and_is_then_left_out_of_the_dump(
    api: str, schema: str, base: dict[str, Any], name: str
) -> None:
    assert name not in base
    parsed = validate(api, schema, base)
    dumped = parsed.model_dump(mode="json", by_alias=True)
    defaults = {"EmailIsRequired": False, "UpdateTypeId": 1}
    if name in defaults:  # members with a spec `default` take it
        assert dumped[name] == defaults[name]
    else:
        assert name not in dumped


@pytest.mark.parametrize(("api", "schema", "base", "name"), NULLABLE)
def test_an_explicit_null_is_accepted_and_kept_where_the_member_is_nullable(
    api: str, schema: str, base: dict[str, Any], name: str
) -> None:
    parsed = validate(api, schema, with_member(base, name, None))
    assert parsed.model_dump(mode="json", by_alias=True)[name] is None


def test_a_contact_value_may_be_null_a_map_of_strings_may_not() -> None:
    validate("which50", "Contact", {"Values": {"Email": None, "Age": 3, "Vip": True}})
    with pytest.raises(pydantic.ValidationError):
        validate("checkmarket", "ImportContact", {"CustomFields": {"Tier": None}})


def test_a_null_contact_inside_a_batch_is_refused() -> None:
    with pytest.raises(pydantic.ValidationError):
        validate("which50", "ArrayOfContact", [CONTACT, None])


@pytest.mark.parametrize(
    ("api", "schema", "base", "name"),
    [
        ("which50", "Contact", CONTACT, "ListId"),
        ("checkmarket", "ImportConfig", IMPORT_CONFIG, "ContactListId"),
        ("checkmarket", "ImportSurveyLink", SURVEY_LINK, "SurveyId"),
    ],
)
def test_an_int32_member_refuses_values_outside_the_int32_range(
    api: str, schema: str, base: dict[str, Any], name: str
) -> None:
    for edge in (-(2**31), 2**31 - 1):
        validate(api, schema, with_member(base, name, edge))
    for outside in (-(2**31) - 1, 2**31):
        with pytest.raises(pydantic.ValidationError):
            validate(api, schema, with_member(base, name, outside))


def test_a_contact_value_outside_int64_is_still_a_number() -> None:
    # Values admit integer (int64) or number: 2**63 is no int64 but is a number, as in the spec.
    parsed = validate("which50", "Contact", {"Values": {"Big": 2**63}})
    assert parsed.model_dump(by_alias=True)["Values"]["Big"] == float(2**63)


# -- the sweep over every optional member of every schema with a JSON example ------------------


def resolve(doc: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = doc
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


class Member(NamedTuple):
    api: str
    schema: str
    example: dict[str, Any]
    name: str
    nullable: bool


def examples(api: str, doc: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(schema name, example) for every valid JSON example of a component schema."""
    for item in doc["paths"].values():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            holders = [resolve(doc, operation.get("requestBody") or {})]
            holders += [resolve(doc, r) for r in operation["responses"].values()]
            for holder in holders:
                media = (holder.get("content") or {}).get("application/json") or {}
                ref = (media.get("schema") or {}).get("$ref", "")
                if not ref.startswith("#/components/schemas/"):
                    continue
                schema = ref.rsplit("/", 1)[1]
                if "example" in media:
                    yield schema, media["example"]
                for example in (media.get("examples") or {}).values():
                    example = resolve(doc, example)
                    if "x-violates-schema" not in example:
                        yield schema, example["value"]


def members() -> list[Member]:
    found: dict[tuple[str, str, str], Member] = {}
    for api in APIS:
        doc = document(api)
        for schema, example in examples(api, doc):
            node = resolve(doc, doc["components"]["schemas"][schema])
            if not isinstance(example, dict) or "properties" not in node:
                continue
            required = set(node.get("required", []))
            for name, prop in node["properties"].items():
                if name in required:
                    continue
                nullable = bool(resolve(doc, prop).get("nullable", False))
                found.setdefault((api, schema, name), Member(api, schema, example, name, nullable))
    return list(found.values())


MEMBERS = members()


def test_the_sweep_covers_both_apis_and_both_kinds_of_member() -> None:
    assert {m.api for m in MEMBERS} == set(APIS)
    assert any(m.nullable for m in MEMBERS) and any(not m.nullable for m in MEMBERS)
    assert len(MEMBERS) >= 30


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{m.api}-{m.schema}.{m.name}")
def test_every_optional_member_takes_null_exactly_when_the_spec_says_nullable(
    member: Member,
) -> None:
    absent = {k: v for k, v in member.example.items() if k != member.name}
    validate(member.api, member.schema, absent)
    nulled = with_member(member.example, member.name, None)
    if member.nullable:
        validate(member.api, member.schema, nulled)
    else:
        with pytest.raises(pydantic.ValidationError):
            validate(member.api, member.schema, nulled)
