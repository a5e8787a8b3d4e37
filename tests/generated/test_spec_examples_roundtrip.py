"""Every application/json example of both specs (they carry the vendors' JSON samples) goes through
the generated attrs models and comes back equal: responses through each operation's own response
parser, request bodies through the body model and the operation's request builder.

Date-times compare as instants to the microsecond: Python's datetime holds microseconds, .NET
writes 100 ns ticks (seven fraction digits), and `Z` comes back as `+00:00`. That loss is pinned
down on its own below.
"""

from __future__ import annotations

import importlib
import inspect
import re
import types
import typing
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest
from contactimport.generated.spec import APIS, document

DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def resolve(doc: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = doc
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


def media_examples(doc: dict[str, Any], media: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    if "example" in media:
        yield "example", media["example"]
    for name, example in (media.get("examples") or {}).items():
        yield name, resolve(doc, example)["value"]


class Case(typing.NamedTuple):
    api: str
    operation_id: str
    tag: str
    where: str  # "request" or a response status
    name: str
    example: Any


def collect() -> list[Case]:
    cases: list[Case] = []
    for api in APIS:
        doc = document(api)
        for item in doc["paths"].values():
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                operation = item[method]
                key = (api, operation["operationId"], operation["tags"][0])
                body = resolve(doc, operation.get("requestBody") or {})
                media = (body.get("content") or {}).get("application/json")
                for name, example in media_examples(doc, media or {}):
                    cases.append(Case(*key, "request", name, example))
                for status, response in operation["responses"].items():
                    media = (resolve(doc, response).get("content") or {}).get("application/json")
                    for name, example in media_examples(doc, media or {}):
                        cases.append(Case(*key, status, name, example))
    return cases


CASES = collect()


def endpoint_module(case: Case) -> types.ModuleType:
    return importlib.import_module(
        f"contactimport.generated.{case.api}_client.api.{snake(case.tag)}.{snake(case.operation_id)}"
    )


def as_instants(value: Any) -> Any:
    """The value with every date-time string replaced by the instant it names (to the µs)."""
    if isinstance(value, dict):
        return {key: as_instants(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_instants(item) for item in value]
    if isinstance(value, str) and DATE_TIME.fullmatch(value):
        return datetime.fromisoformat(value)  # 3.11: any fraction length, truncated to µs
    return value


def to_json_shape(parsed: Any) -> Any:
    if isinstance(parsed, list):
        return [to_json_shape(item) for item in parsed]
    if hasattr(parsed, "to_dict"):
        return parsed.to_dict()
    return parsed


def test_the_specs_carry_examples_for_requests_and_responses_of_both_apis() -> None:
    kinds = {(case.api, case.where == "request") for case in CASES}
    assert kinds == {(api, is_request) for api in APIS for is_request in (True, False)}


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if case.where != "request"],
    ids=lambda c: f"{c.api}-{c.operation_id}-{c.where}-{c.name}",
)
def test_each_response_example_parses_and_writes_back_equal(case: Case) -> None:
    module = endpoint_module(case)
    package = importlib.import_module(f"contactimport.generated.{case.api}_client")
    client = package.Client(base_url="https://example.invalid", raise_on_unexpected_status=True)
    response = httpx.Response(int(case.where), json=case.example)
    parsed = module._parse_response(client=client, response=response)
    assert parsed is not None
    assert as_instants(to_json_shape(parsed)) == as_instants(case.example)


def body_type(module: types.ModuleType) -> Any:
    annotation = inspect.signature(module._get_kwargs).parameters["body"].annotation
    if isinstance(annotation, types.UnionType):
        (annotation,) = [arg for arg in typing.get_args(annotation) if arg.__name__ != "Unset"]
    return annotation


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if case.where == "request"],
    ids=lambda c: f"{c.api}-{c.operation_id}-{c.name}",
)
def test_each_request_example_parses_and_is_sent_back_equal(case: Case) -> None:
    module = endpoint_module(case)
    model = body_type(module)
    if typing.get_origin(model) is list:
        (item_model,) = typing.get_args(model)
        body: Any = [item_model.from_dict(item) for item in case.example]
    else:
        body = model.from_dict(case.example)
    assert as_instants(to_json_shape(body)) == as_instants(case.example)
    signature = inspect.signature(module._get_kwargs)
    path_arguments = [
        1
        for parameter in signature.parameters.values()
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    ]
    sent = module._get_kwargs(*path_arguments, body=body)["json"]
    assert sent == to_json_shape(body)


def test_date_times_keep_all_seven_fraction_digits_on_the_way_back() -> None:
    from contactimport.generated.which50_client.models import ImportJob

    job = ImportJob.from_dict(
        {**spec_import_job(), "StartDate": "2025-11-14T16:20:52.4841747+00:00"}
    )
    assert isinstance(job.start_date, datetime)
    assert job.start_date.microsecond == 484174
    assert job.to_dict()["StartDate"] == "2025-11-14T16:20:52.4841747+00:00"


def spec_import_job() -> dict[str, Any]:
    (case,) = [c for c in CASES if c.operation_id == "getImportJob" and c.where == "200"][:1]
    example: dict[str, Any] = case.example
    return example
