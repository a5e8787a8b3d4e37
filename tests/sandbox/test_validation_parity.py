"""The sandbox validates request bodies with the generated pydantic models alone; this pins that
they refuse every body the spec's own JSON schema refuses (``SchemaValidator``, compiled from the
document, is the oracle), so dropping the second schema pass lost no check.

Each request body schema of both specs starts from a valid body that uses every member; every
member at any depth is then deleted or replaced by each value of a list chosen to hit each rule
(null, format ranges, lengths, patterns, types, enums), and both validators must agree.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("pydantic")

from contactimport_sandbox.spec import document, request_schema_name
from contactimport_sandbox.validation import ModelValidator, SchemaValidator, ValidationFailed

SURVEY_LINK = {
    "SurveyId": 7,
    "InvitationDelayInDays": 0,
    "InvitationTime": "08:30:00",
    "ExpirationAfterDays": 14,
    "ExpirationTime": "1.23:59:59.1234567",
    "ConsiderCooldownPeriod": True,
    "SurveyCooldownAfterInvitation": 1,
    "SurveyCooldownAfterResponse": 2,
    "AccountCooldownAfterInvitation": 3,
    "AccountCooldownAfterResponse": 4,
}
CONTACT = {
    "EncContactId": "q8Vd2k3LwQ0=",
    "Id": 12,
    "ListId": 1,
    "Values": {"Email": "ada@example.com", "Age": 36, "Score": 1.5, "Vip": True, "Note": None},
    "ValidationWarnings": ["Mobile is not a valid SMS number."],
}
VALID_BODIES: dict[tuple[str, str], Any] = {
    ("which50", "ImportJobCreateRequest"): {"FieldNames": ["Email", "FirstName"]},
    ("which50", "ArrayOfContact"): [CONTACT, {"Values": {"Email": "b@example.com"}}],
    ("which50", "Contact"): CONTACT,
    ("checkmarket", "ImportConfig"): {
        "ImportConfigId": 3,
        "Name": "Nightly import",
        "ContactGroupId": 1,
        "ContactListId": 2,
        "SurveySettings": SURVEY_LINK,
        "ColumnMappings": [{"SourceColumnNumber": 1, "TargetColumnName": "Email"}],
        "EmailMustBeUniqueWithinAccount": True,
        "EmailMustBeUniqueWithinGroup": False,
        "EmailMustBeUniqueWithinFile": True,
        "EmailIsRequired": True,
        "DateFormat": "dd/MM/yyyy",
        "FirstRow": 2,
        "FieldDelimiter": ",",
        "RowDelimiter": "\\r\\n",
        "SendNotificationMail": False,
        "IsReusable": True,
        "DefaultLanguageCode": "en",
        "UpdateTypeId": 2,
    },
    ("checkmarket", "ImportContactList"): [
        {
            "FirstName": "Ada",
            "LastName": "Lovelace",
            "Email": "ada@example.com",
            "LangCode": "en",
            "CountryCode": "GB",
            "StateCode": "LND",
            "Phone": "+441234567890",
            "DateOfBirth": "10/12/1815",
            "CustomFields": {"Tier": "gold"},
        }
    ],
}
REPLACEMENTS: list[Any] = [
    None,
    True,
    0,
    -1,
    1.0,
    1.5,
    2.0,
    2**31 - 1,
    2**31,
    -(2**31) - 1,
    2**63,
    "",
    "x",
    "x" * 51,
    "12:00:00",
    "25:00",
    "1",
    [],
    [None],
    [""],
    {},
    {"k": None},
    {"k": {}},
]


def body_schemas() -> list[tuple[str, str]]:
    found = set()
    for api in ("which50", "checkmarket"):
        doc = document(api)
        for item in doc["paths"].values():
            for operation in item.values():
                if isinstance(operation, dict) and "requestBody" in operation:
                    name = request_schema_name(doc, operation["operationId"])
                    assert name is not None
                    found.add((api, name))
    return sorted(found)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every member and item inside ``value`` (not ``value`` itself)."""
    children: Any = (
        value.items() if isinstance(value, dict) else enumerate(value)
        if isinstance(value, list) else ()
    )  # fmt: skip
    for key, child in children:
        yield (*prefix, key)
        yield from paths(child, (*prefix, key))


def mutations(body: Any) -> Iterator[tuple[str, Any]]:
    yield "as is", body
    for replacement in REPLACEMENTS:
        yield f"$ = {replacement!r:.20}", replacement
    for path in paths(body):
        parent_path, last = path[:-1], path[-1]
        for replacement in [*REPLACEMENTS, "deleted"]:
            mutated = copy.deepcopy(body)
            parent = mutated
            for key in parent_path:
                parent = parent[key]
            if replacement == "deleted":
                if isinstance(parent, dict):
                    del parent[last]
                else:
                    parent.pop(last)
            else:
                parent[last] = replacement
            yield f"{'.'.join(map(str, path))} = {replacement!r:.20}", mutated


def refuses(validator: ModelValidator | SchemaValidator, schema: str, body: Any) -> bool:
    try:
        if isinstance(validator, ModelValidator):
            validator.validate(schema, body, json.dumps(body).encode())
        else:
            validator.validate(schema, body)
    except ValidationFailed:
        return True
    return False


def test_every_request_body_schema_of_both_specs_has_a_valid_body_here() -> None:
    assert sorted(VALID_BODIES) == body_schemas()


@pytest.mark.parametrize(("api", "schema"), sorted(VALID_BODIES))
def test_the_models_refuse_exactly_the_bodies_the_spec_schema_refuses(
    api: str, schema: str
) -> None:
    doc = document(api)
    models = ModelValidator.for_api(api, doc)
    assert isinstance(models, ModelValidator), "the generated models must be importable"
    oracle = SchemaValidator(doc)
    assert not refuses(oracle, schema, VALID_BODIES[(api, schema)])
    disagreements = []
    refused = 0
    for what, body in mutations(VALID_BODIES[(api, schema)]):
        by_spec = refuses(oracle, schema, body)
        refused += by_spec
        if refuses(models, schema, body) != by_spec:
            disagreements.append(f"{what}: spec {'refuses' if by_spec else 'accepts'}")
    assert disagreements == []
    assert refused > 20  # the mutations do hit the rules


@pytest.mark.parametrize(
    ("api", "schema", "second_pass"),
    [
        ("which50", "ArrayOfContact", False),
        ("which50", "Contact", False),
        ("which50", "ImportJobCreateRequest", False),
        ("checkmarket", "ImportContactList", False),
        ("checkmarket", "ImportConfig", True),  # UpdateType: pydantic takes true for 1
    ],
)
def test_only_a_body_reaching_an_enum_of_numbers_gets_the_spec_schema_pass_after_the_models(
    api: str, schema: str, second_pass: bool
) -> None:
    models = ModelValidator.for_api(api, document(api))
    assert isinstance(models, ModelValidator)
    assert models.needs_schema_pass(schema) is second_pass
