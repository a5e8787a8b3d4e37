"""The generated CheckMarket API v3 client on the wire: method, path, query, headers, JSON body.

Every request goes through an in-process httpx.MockTransport; nothing leaves the process.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

import pytest
from contactimport.generated.checkmarket_client import Client
from contactimport.generated.checkmarket_client.api.bulk_import import (
    bulk_import_contacts,
    get_import_result,
    get_import_result_legacy,
)
from contactimport.generated.checkmarket_client.api.import_configs import (
    create_import_config,
    delete_import_config,
    get_import_config,
    list_import_configs,
    update_import_config,
)
from contactimport.generated.checkmarket_client.models import (
    ErrorData,
    ErrorPayload,
    ImportConfig,
    ImportContact,
)

from .recording import CHECKMARKET_BASE_URL, Recorder, json_of, raw_query, raw_target, spec_example

MASTER_KEY = "master-key-secret-0123"
KEY = "key-secret-4567"
CONFIG = {"Name": "Weekly import", "IsReusable": True, "UpdateTypeId": 1}


def client_for(recorder: Recorder) -> Client:
    return Client(
        base_url=CHECKMARKET_BASE_URL,
        headers={"X-Master-Key": MASTER_KEY, "X-Key": KEY},
        httpx_args={"transport": recorder.transport()},
    )


Call = Callable[[Client], Any]

# (operation, call, method, path, response body)
OPERATIONS: list[tuple[str, Call, str, str, Any]] = [
    (
        "createImportConfig",
        lambda c: create_import_config.sync_detailed(client=c, body=ImportConfig.from_dict(CONFIG)),
        "POST",
        "/3/contacts/import/configs",
        spec_example("checkmarket", "createImportConfig"),
    ),
    (
        "listImportConfigs",
        lambda c: list_import_configs.sync_detailed(client=c),
        "GET",
        "/3/contacts/import/configs",
        spec_example("checkmarket", "listImportConfigs"),
    ),
    (
        "getImportConfig",
        lambda c: get_import_config.sync_detailed(290, client=c),
        "GET",
        "/3/contacts/import/configs/290",
        spec_example("checkmarket", "getImportConfig"),
    ),
    (
        "updateImportConfig",
        lambda c: update_import_config.sync_detailed(
            290, client=c, body=ImportConfig.from_dict(CONFIG)
        ),
        "PUT",
        "/3/contacts/import/configs/290",
        spec_example("checkmarket", "updateImportConfig"),
    ),
    (
        "deleteImportConfig",
        lambda c: delete_import_config.sync_detailed(290, client=c),
        "DELETE",
        "/3/contacts/import/configs/290",
        spec_example("checkmarket", "deleteImportConfig"),
    ),
    (
        "bulkImportContacts",
        lambda c: bulk_import_contacts.sync_detailed(
            290, client=c, body=[ImportContact.from_dict({"Email": "a@example.com"})]
        ),
        "POST",
        "/3/contacts/import/290",
        spec_example("checkmarket", "bulkImportContacts"),
    ),
    (
        "getImportResult",
        lambda c: get_import_result.sync_detailed(4711, client=c),
        "GET",
        "/3/contacts/import/4711",
        spec_example("checkmarket", "getImportResult"),
    ),
    (
        "getImportResultLegacy",
        lambda c: get_import_result_legacy.sync_detailed(4711, client=c),
        "GET",
        "/3/contacts/import/result/4711",
        spec_example("checkmarket", "getImportResultLegacy"),
    ),
]


@pytest.mark.parametrize(
    ("call", "method", "path", "answer"),
    [operation[1:] for operation in OPERATIONS],
    ids=[operation[0] for operation in OPERATIONS],
)
def test_each_operation_sends_its_method_and_path_with_both_key_headers(
    call: Call, method: str, path: str, answer: Any
) -> None:
    recorder = Recorder(json_body=answer)
    response = call(client_for(recorder))
    request = recorder.only
    assert request.method == method
    assert raw_target(request) == path
    assert request.url.host == "api.checkmarket.com"
    assert (request.headers["X-Master-Key"], request.headers["X-Key"]) == (MASTER_KEY, KEY)
    assert response.status_code == HTTPStatus.OK
    assert response.parsed is not None


def test_the_checkmarket_operations_table_covers_every_operation_of_the_spec() -> None:
    from contactimport.generated.spec import document

    in_spec = {
        operation["operationId"]
        for item in document("checkmarket")["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    assert in_spec == {operation[0] for operation in OPERATIONS}


def test_a_full_replace_sends_the_configuration_as_json() -> None:
    recorder = Recorder(json_body=spec_example("checkmarket", "updateImportConfig"))
    update_import_config.sync_detailed(
        290, client=client_for(recorder), body=ImportConfig.from_dict(CONFIG)
    )
    request = recorder.only
    assert raw_query(request) == ""
    assert request.headers["Content-Type"] == "application/json"
    assert json_of(request) == CONFIG


def test_a_rename_sends_only_the_encoded_name_with_no_body_and_no_content_type() -> None:
    recorder = Recorder(json_body=spec_example("checkmarket", "updateImportConfig"))
    update_import_config.sync_detailed(290, client=client_for(recorder), name="Zoë & Co = 50%")
    request = recorder.only
    assert raw_target(request) == (
        "/3/contacts/import/configs/290?name=Zo%C3%AB%20%26%20Co%20%3D%2050%25"
    )
    assert request.url.params.get("name") == "Zoë & Co = 50%"
    assert request.content == b""
    assert "Content-Type" not in request.headers


def test_bulk_import_sends_the_contacts_as_a_json_array() -> None:
    recorder = Recorder(json_body=spec_example("checkmarket", "bulkImportContacts"))
    contacts: list[dict[str, Any]] = [
        {"FirstName": "Ann", "LastName": "Lee", "Email": "ann@example.com", "LangCode": "en"},
        {"Email": "bo@example.com", "CustomFields": {"Shop": "Gent"}},
    ]
    bulk_import_contacts.sync_detailed(
        290, client=client_for(recorder), body=[ImportContact.from_dict(c) for c in contacts]
    )
    assert json_of(recorder.only) == contacts


def test_error_payloads_parse_with_an_error_object_or_a_plain_text_data() -> None:
    forbidden = spec_example("checkmarket", "deleteImportConfig", "403")
    recorder = Recorder(status=403, json_body=forbidden)
    response = delete_import_config.sync_detailed(290, client=client_for(recorder))
    assert isinstance(response.parsed, ErrorPayload)
    assert isinstance(response.parsed.data, ErrorData)
    assert response.parsed.to_dict()["Data"] == forbidden["Data"]

    unauthorized = spec_example("checkmarket", "deleteImportConfig", "401")
    assert isinstance(unauthorized["Data"], str)
    recorder = Recorder(status=401, json_body=unauthorized)
    response = delete_import_config.sync_detailed(290, client=client_for(recorder))
    assert isinstance(response.parsed, ErrorPayload)
    assert response.parsed.data == unauthorized["Data"]


def test_the_async_client_sends_the_same_request_as_the_sync_one() -> None:
    recorder = Recorder(json_body=spec_example("checkmarket", "updateImportConfig"))
    client = client_for(recorder)
    update_import_config.sync_detailed(290, client=client, name="New name")
    asyncio.run(update_import_config.asyncio_detailed(290, client=client, name="New name"))
    sync_request, async_request = recorder.requests
    assert raw_target(async_request) == raw_target(sync_request)
    assert async_request.headers["X-Key"] == sync_request.headers["X-Key"] == KEY


def test_the_key_headers_stay_out_of_the_client_repr() -> None:
    client = client_for(Recorder())
    client.get_httpx_client()
    for secret in (MASTER_KEY, KEY):
        assert secret not in repr(client)
        assert secret not in repr(client.with_timeout(client.get_httpx_client().timeout))
