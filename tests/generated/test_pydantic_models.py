"""The datamodel-code-generator models (which the sandbox validates requests with) agree with the
spec: every JSON example of a component schema validates, except the vendor samples the spec marks
`x-violates-schema`, which must be rejected; the spec's limits hold.
"""

from __future__ import annotations

import importlib
import typing
from collections.abc import Iterator
from typing import Any

import pydantic
import pytest
from contactimport.generated.spec import APIS, document

HTTP_METHODS = ("get", "put", "post", "delete", "patch")


def resolve(doc: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = doc
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


class Case(typing.NamedTuple):
    api: str
    schema: str
    where: str
    example: Any
    violates: bool


def media_cases(api: str, doc: dict[str, Any], media: dict[str, Any], where: str) -> Iterator[Case]:
    ref = (media.get("schema") or {}).get("$ref", "")
    if not ref.startswith("#/components/schemas/"):
        return
    schema = ref.rsplit("/", 1)[1]
    if "example" in media:
        yield Case(api, schema, where, media["example"], False)
    for name, example in (media.get("examples") or {}).items():
        example = resolve(doc, example)
        yield Case(api, schema, f"{where} {name}", example["value"], "x-violates-schema" in example)


def collect() -> list[Case]:
    cases: list[Case] = []
    for api in APIS:
        doc = document(api)
        for item in doc["paths"].values():
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                operation = item[method]
                body = resolve(doc, operation.get("requestBody") or {})
                media = (body.get("content") or {}).get("application/json") or {}
                cases += media_cases(api, doc, media, f"{operation['operationId']} request")
                for status, response in operation["responses"].items():
                    media = (resolve(doc, response).get("content") or {}).get("application/json")
                    where = f"{operation['operationId']} {status}"
                    cases += media_cases(api, doc, media or {}, where)
    return cases


CASES = collect()


def model(api: str, schema: str) -> type[pydantic.BaseModel]:
    found: type[pydantic.BaseModel] = getattr(
        importlib.import_module(f"contactimport.generated.{api}_models"), schema
    )
    return found


def test_examples_of_both_apis_are_checked_and_some_vendor_samples_are_marked_invalid() -> None:
    assert {case.api for case in CASES} == set(APIS)
    assert any(case.violates for case in CASES)


@pytest.mark.parametrize(
    "case", CASES, ids=lambda c: f"{c.api}-{c.where}-{c.schema}".replace(" ", "-")
)
def test_each_example_validates_unless_the_spec_marks_it_as_violating_the_schema(
    case: Case,
) -> None:
    validator = model(case.api, case.schema)
    if case.violates:
        with pytest.raises(pydantic.ValidationError):
            validator.model_validate(case.example)
    else:
        validator.model_validate(case.example)


def test_a_batch_over_the_spec_limit_is_rejected_and_one_at_the_limit_accepted() -> None:
    from contactimport.generated.spec import MAX_BATCH_CONTACTS
    from contactimport.generated.which50_models import ArrayOfContact

    contact = {"Values": {"Email": "a@example.com"}}
    ArrayOfContact.model_validate([contact] * MAX_BATCH_CONTACTS)
    with pytest.raises(pydantic.ValidationError, match="at most 10000"):
        ArrayOfContact.model_validate([contact] * (MAX_BATCH_CONTACTS + 1))


def test_an_import_config_name_longer_than_50_characters_is_rejected() -> None:
    from contactimport.generated.checkmarket_models import ImportConfig

    ImportConfig.model_validate({"Name": "n" * 50})
    with pytest.raises(pydantic.ValidationError, match="at most 50"):
        ImportConfig.model_validate({"Name": "n" * 51})
