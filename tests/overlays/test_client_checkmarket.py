"""CheckMarket / AsyncCheckMarket against the sandbox: every operation in JSON and XML, regions,
credentials, and errors (HTTP status and the Payload's Meta.Status)."""

from __future__ import annotations

import copy
import time
from collections.abc import Iterator
from typing import Any

import contactimport.generated.spec
import httpx
import pytest
from contactimport._spec import operation_specs, security_schemes, server_urls
from contactimport.checkmarket import AsyncCheckMarket, CheckMarket, auth_header_names, regions
from contactimport.errors import (
    AuthenticationError,
    ContactImportError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
    ValidationError,
)
from contactimport.generated.checkmarket_client.models import (
    ActionResult,
    BulkImportResult,
    CreateImportConfigResult,
    ImportConfig,
    ImportConfigPayload,
    ImportQueueItem,
)
from contactimport.workflows import queue_states

from .overlay_support import CM_KEY, CM_MASTER, CM_READ_KEY, FAST_RETRIES, LiveSandbox, run

BASE = "http://sandbox.test"
FORMATS = ["json", "xml"]
CONFIG = {
    "Name": "API import",
    "IsReusable": True,
    "EmailIsRequired": True,
    "DefaultLanguageCode": "en",
    "UpdateTypeId": 2,
}
ADA = {"FirstName": "Ada", "LastName": "Lovelace", "Email": "ada@example.com", "LangCode": "en"}


@pytest.fixture(params=FORMATS)
def cm(
    request: pytest.FixtureRequest, sync_transport: httpx.BaseTransport
) -> Iterator[CheckMarket]:
    with CheckMarket(
        CM_MASTER, CM_KEY, base_url=BASE, transport=sync_transport, wire_format=request.param
    ) as client:
        yield client


FINAL = queue_states().final


def wait_result(cm: CheckMarket, queue_item_id: int) -> ImportQueueItem:
    deadline = time.monotonic() + 20
    while True:
        result = cm.get_import_result(queue_item_id)
        if result.status_id in FINAL or time.monotonic() > deadline:
            return result
        time.sleep(0.02)


def test_import_config_crud(cm: CheckMarket) -> None:
    created = cm.create_import_config(CONFIG)
    assert isinstance(created, CreateImportConfigResult) and created.succeeded
    config_id = created.import_config_id

    fetched = cm.get_import_config(config_id)
    assert isinstance(fetched, ImportConfig)
    assert (fetched.name, fetched.email_is_required) == ("API import", True)

    replaced = cm.update_import_config(config_id, {"Name": "Replaced", "IsReusable": True})
    assert isinstance(replaced, ActionResult) and replaced.succeeded
    after_replace = cm.get_import_config(config_id)
    assert after_replace.name == "Replaced"
    assert after_replace.email_is_required is False  # absent members reset to their defaults

    renamed = cm.rename_import_config(config_id, "Renamed & co")
    assert renamed.succeeded
    assert cm.get_import_config(config_id).name == "Renamed & co"

    listed = cm.list_import_configs()
    assert config_id in [item.import_config_id for item in listed]

    raw = cm.with_raw_response.get_import_config(config_id)
    assert raw.status_code == 200 and raw.payload().meta.status == 200
    assert isinstance(raw.payload(), ImportConfigPayload) and raw.parse().name == "Renamed & co"

    deleted = cm.delete_import_config(config_id)
    assert deleted.succeeded
    with pytest.raises(NotFoundError) as caught:
        cm.get_import_config(config_id)
    assert caught.value.status_code == 404
    assert caught.value.details.meta_status == 404
    assert caught.value.message


def test_bulk_import_and_result_codes(cm: CheckMarket) -> None:
    config_id = cm.create_import_config(CONFIG).import_config_id
    queued = cm.bulk_import_contacts(
        config_id,
        [ADA, {"FirstName": "No", "LastName": "Mail", "LangCode": "en"}],
    )
    assert isinstance(queued, BulkImportResult)
    result = wait_result(cm, queued.queue_item_id)
    assert result.status_id == 4
    summary = result.result
    assert summary
    codes = {row.result_code: row.contact_count for row in summary.import_result}
    assert codes == {"R0301": 1, "R0307": 1}


def test_errors_by_status_family(sync_transport: httpx.BaseTransport) -> None:
    for fmt in FORMATS:
        with CheckMarket(
            CM_MASTER, "wrong", base_url=BASE, transport=sync_transport, wire_format=fmt
        ) as cm:
            with pytest.raises(AuthenticationError) as caught:
                cm.list_import_configs()
            assert caught.value.status_code == 401
        with CheckMarket(
            CM_MASTER, CM_READ_KEY, base_url=BASE, transport=sync_transport, wire_format=fmt
        ) as cm:
            with pytest.raises(PermissionDeniedError) as denied:
                cm.create_import_config(CONFIG)
            assert "Contacts (write)" in str(denied.value)
        with CheckMarket(
            CM_MASTER, CM_KEY, base_url=BASE, transport=sync_transport, wire_format=fmt
        ) as cm:
            with pytest.raises(ValidationError) as invalid:
                cm.create_import_config({"Name": "x" * 51})
            assert invalid.value.status_code == 400 and "Name" in str(invalid.value)
            with pytest.raises(NotFoundError):
                cm.bulk_import_contacts(999999, [ADA])


def test_meta_status_error_under_http_200_raises() -> None:
    def lying_server(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            json={
                "Meta": {"Status": 503},
                "Data": {"ErrorCode": 1, "ErrorMessage": "Maintenance", "ErrorType": "Down"},
            },
        )

    with (
        CheckMarket(
            "m", "k", base_url=BASE, transport=httpx.MockTransport(lying_server), max_retries=0
        ) as cm,
        pytest.raises(ServerError) as caught,
    ):
        cm.list_import_configs()
    assert caught.value.status_code == 503
    assert (caught.value.error_code, caught.value.error_type) == (1, "Down")
    assert caught.value.message == "Maintenance"


def test_regions_come_from_the_spec_servers() -> None:
    known = regions()
    assert known["global"] == "https://api.checkmarket.com"
    assert known["eu"] == "https://api-eu.agileresearch.medallia.com"
    assert set(known) == {"global", "eu", "us", "ca"}
    with CheckMarket("m", "k", region="us") as cm:
        assert cm.base_url == "https://api-us.agileresearch.medallia.com"
    with CheckMarket("m", "k") as cm:
        assert cm.base_url == "https://api.checkmarket.com"
    with pytest.raises(InvalidParameterError, match="unknown CheckMarket region 'mars'"):
        CheckMarket("m", "k", region="mars")


@pytest.fixture
def checkmarket_spec(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """The CheckMarket document the clients read, open to changes for one test (the caches of
    what the clients read from it are emptied before and after)."""
    document = contactimport.generated.spec.document("checkmarket")
    original = contactimport.generated.spec.document

    def patched(api: contactimport.generated.spec.Api) -> dict[str, Any]:
        return copy.deepcopy(document) if api == "checkmarket" else original(api)

    monkeypatch.setattr(contactimport.generated.spec, "document", patched)
    caches = (server_urls, security_schemes, operation_specs)
    for cache in caches:
        cache.cache_clear()
    yield document
    for cache in caches:
        cache.cache_clear()


def test_region_names_are_only_the_servers_x_region(checkmarket_spec: dict[str, Any]) -> None:
    checkmarket_spec["servers"][1]["x-region"] = "Europe"
    assert regions()["europe"] == "https://api-eu.agileresearch.medallia.com"
    assert "eu" not in regions()
    with CheckMarket("m", "k", region="europe") as cm:
        assert cm.base_url == "https://api-eu.agileresearch.medallia.com"


def test_a_server_without_x_region_is_a_spec_error_not_a_guess(
    checkmarket_spec: dict[str, Any],
) -> None:
    del checkmarket_spec["servers"][1]["x-region"]
    with pytest.raises(
        ContactImportError, match=r"api-eu\.agileresearch\.medallia\.com has no x-region"
    ):
        CheckMarket("m", "k", region="eu")
    with CheckMarket("m", "k") as cm:  # the default server needs no region name
        assert cm.base_url == "https://api.checkmarket.com"


def test_credentials_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKMARKET_MASTER_KEY", "env-master")
    monkeypatch.setenv("CHECKMARKET_KEY", "env-key")
    monkeypatch.setenv("CHECKMARKET_REGION", "ca")
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"Meta": {"Status": 200}, "Data": []})

    with CheckMarket(transport=httpx.MockTransport(record)) as cm:
        cm.list_import_configs()
    master_header, key_header = auth_header_names()
    assert (seen[0].headers[master_header], seen[0].headers[key_header]) == (
        "env-master",
        "env-key",
    )
    assert str(seen[0].url) == "https://api-ca.agileresearch.medallia.com/3/contacts/import/configs"
    monkeypatch.delenv("CHECKMARKET_KEY")
    with pytest.raises(InvalidParameterError, match="missing: the key"):
        CheckMarket()


def test_bad_input_fails_before_any_request() -> None:
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    with CheckMarket("m", "k", base_url=BASE, transport=httpx.MockTransport(record)) as cm:
        with pytest.raises(InvalidParameterError, match="holds 0 items, fewer than"):
            cm.bulk_import_contacts(1, [])
        with pytest.raises(InvalidParameterError, match="contact #2 must be a ImportContact"):
            cm.bulk_import_contacts(1, [ADA, "not a contact"])  # type: ignore[list-item]
        with pytest.raises(InvalidParameterError, match="new name"):
            cm.rename_import_config(1, " ")
        with pytest.raises(InvalidParameterError, match="not a valid ImportConfig"):
            cm.create_import_config({"IsReusable": True})  # Name is required
    assert sent == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_async_client(async_transport: httpx.AsyncBaseTransport, fmt: str) -> None:
    async def main() -> list[int | None]:
        async with AsyncCheckMarket(
            CM_MASTER, CM_KEY, base_url=BASE, transport=async_transport, wire_format=fmt
        ) as cm:
            created = await cm.create_import_config(CONFIG)
            queued = await cm.bulk_import_contacts(created.import_config_id, [ADA])
            fetched = await cm.get_import_result(queued.queue_item_id)
            listed = await cm.list_import_configs()
            return [fetched.queue_item_id, len(listed)]

    queue_item_id, count = run(main())
    assert isinstance(queue_item_id, int) and count == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_over_real_http(live: LiveSandbox, fmt: str) -> None:
    with CheckMarket(
        CM_MASTER, CM_KEY, base_url=live.cm_url, wire_format=fmt, retry_policy=FAST_RETRIES
    ) as cm:
        config_id = cm.create_import_config(CONFIG).import_config_id
        queued = cm.bulk_import_contacts(config_id, [ADA])
        result = wait_result(cm, queued.queue_item_id)
        assert result.status_id == 4


@pytest.mark.parametrize("fmt", FORMATS)
def test_arrays_over_the_specs_max_items_are_refused_before_sending(fmt: str) -> None:
    """Issue 20: the bound of every request array is read from the spec (maxItems)."""
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    schemas = contactimport.generated.spec.document("checkmarket")["components"]["schemas"]
    contacts_limit = schemas["ImportContactList"]["maxItems"]
    mappings_limit = schemas["ImportConfig"]["properties"]["ColumnMappings"]["maxItems"]
    transport = httpx.MockTransport(record)
    with CheckMarket("m", "k", base_url=BASE, transport=transport, wire_format=fmt) as cm:
        with pytest.raises(
            InvalidParameterError,
            match=rf"bulkImportContacts: the request body holds {contacts_limit + 1} items, "
            rf"more than the API's limit of {contacts_limit} \(maxItems\); nothing was sent",
        ):
            cm.bulk_import_contacts(1, [ADA] * (contacts_limit + 1))
        mapping = {"SourceColumnNumber": 1, "TargetColumnName": "Email"}
        config = {**CONFIG, "ColumnMappings": [mapping] * (mappings_limit + 1)}
        too_many = rf"ColumnMappings holds {mappings_limit + 1}"
        with pytest.raises(InvalidParameterError, match=too_many):
            cm.create_import_config(config)
    assert sent == []


def test_the_client_reads_the_result_at_the_vendors_current_path() -> None:
    seen: list[str] = []
    example = contactimport.generated.spec.document("checkmarket")["paths"][
        "/3/contacts/import/{id}"
    ]
    answer = example["get"]["responses"]["200"]["content"]["application/json"]["example"]

    def respond(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(200, json=answer)

    with CheckMarket(
        CM_MASTER, CM_KEY, base_url=BASE, transport=httpx.MockTransport(respond)
    ) as cm:
        cm.get_import_result(4711)
    assert seen == ["/3/contacts/import/4711"]
