"""Issue 14: the client surface generated from the spec, per-call and per-client options, raw
responses, against the sandbox in JSON and XML, sync and async."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from typing import Any

import contactimport.generated.spec
import httpx
import pytest
from contactimport import (
    APIResponse,
    AsyncCheckMarket,
    AsyncWhich50,
    CheckMarket,
    EnvelopeAPIResponse,
    OperationFailedError,
    Which50,
)
from contactimport._parameters import ADAPTERS
from contactimport.errors import APITimeoutError, NotFoundError
from contactimport.generated.checkmarket_client.models import ImportConfigPayload
from contactimport.transport.retry import RetryPolicy

from .overlay_support import CM_KEY, CM_MASTER, W50_TOKEN, run

BASE = "http://sandbox.test"
W50_BASE = f"{BASE}/Which50API"
FORMATS = ["json", "xml"]
OPTIONS = ("wire_format", "timeout", "extra_headers", "extra_query")
CLIENTS: dict[str, tuple[type[Any], type[Any]]] = {
    "which50": (Which50, AsyncWhich50),
    "checkmarket": (CheckMarket, AsyncCheckMarket),
}


def snake(name: str) -> str:
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def spec_operations(api: str) -> Iterator[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    document = contactimport.generated.spec.document(api)  # type: ignore[arg-type]

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in node:
            target: Any = document
            for part in node["$ref"][2:].split("/"):
                target = target[part]
            return dict(target)
        return node

    for path_item in document["paths"].values():
        shared = path_item.get("parameters", [])
        for method in ("get", "put", "post", "delete", "patch"):
            if method in path_item:
                operation = path_item[method]
                parameters = [resolve(p) for p in [*shared, *operation.get("parameters", [])]]
                yield operation["operationId"], operation, parameters


def python_names(api: str, operation: dict[str, Any], parameters: list[dict[str, Any]]) -> set[str]:
    """The Python parameter names the spec's parameters must have (adapters rename some)."""
    adapters = ADAPTERS.get(api, {})
    names: set[str] = set()
    query = {p["name"] for p in parameters if p["in"] == "query"}
    for key, function in adapters.items():
        kind, _, spec = key.partition(" ")
        if kind == "query" and "+" in spec and set(spec.split("+")) <= query:
            names.add(inspect_adapter_name(function))
            query -= set(spec.split("+"))
    for parameter in parameters:
        if parameter["in"] == "path" or parameter["name"] in query:
            adapter = adapters.get(f"{parameter['in']} {parameter['name']}")
            names.add(inspect_adapter_name(adapter) if adapter else snake(wire_name(parameter)))
    return names


def wire_name(parameter: dict[str, Any]) -> str:
    """The vendor's name of a parameter (`x-vendor-name` on a shared path item's `{id}`)."""
    return str(parameter.get("x-vendor-name", parameter["name"]))


def inspect_adapter_name(function: str) -> str:
    import contactimport._parameters as parameters

    adapter: Callable[..., Any] = getattr(parameters, function)
    return next(iter(inspect.signature(adapter).parameters))


@pytest.mark.parametrize("api", sorted(CLIENTS))
def test_every_operation_of_the_spec_is_a_method_of_every_client_view(api: str) -> None:
    sync, async_ = CLIENTS[api]
    operations = list(spec_operations(api))
    assert operations
    for operation_id, operation, parameters in operations:
        name = snake(operation_id)
        raw_sync = inspect.signature(sync.with_raw_response.fget).return_annotation
        for owner, is_async in ((sync, False), (async_, True)):
            method = getattr(owner, name, None)
            assert method is not None, f"{owner.__name__} lacks {name} ({operation_id})"
            assert inspect.iscoroutinefunction(method) is is_async
            signature = inspect.signature(method)
            wanted = python_names(api, operation, parameters)
            assert wanted <= set(signature.parameters), (name, wanted, list(signature.parameters))
            path = [snake(wire_name(p)) for p in parameters if p["in"] == "path"]
            positional = [
                p.name
                for p in signature.parameters.values()
                if p.kind is p.POSITIONAL_OR_KEYWORD and p.name != "self"
            ]
            assert sorted(positional[: len(path)]) == sorted(path), (name, positional)
            for option in OPTIONS:
                assert signature.parameters[option].kind is inspect.Parameter.KEYWORD_ONLY
            summary = operation.get("summary", "").rstrip(".")
            assert method.__doc__ and method.__doc__.startswith(summary), name
            assert operation_id in method.__doc__
        assert raw_sync, "with_raw_response has a return annotation"


# -- against the sandbox -----------------------------------------------------------------------


@pytest.fixture(params=FORMATS)
def fmt(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def recording(transport: httpx.BaseTransport, sent: list[httpx.Request]) -> httpx.BaseTransport:
    class Recording(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            sent.append(request)
            return transport.handle_request(request)

    return Recording()


def test_which50_raw_response_options_and_copies(
    sync_transport: httpx.BaseTransport, fmt: str
) -> None:
    sent: list[httpx.Request] = []
    with Which50(
        W50_TOKEN, base_url=W50_BASE, transport=recording(sync_transport, sent), wire_format=fmt
    ) as w50:
        raw = w50.with_raw_response.list_contact_lists()
        assert isinstance(raw, APIResponse)
        assert raw.status_code == 200 and raw.wire_format == fmt
        assert raw.headers["content-type"].startswith(f"application/{fmt}")
        lists = raw.parse()
        assert lists and lists == w50.list_contact_lists()
        assert raw.request.method == "GET" and raw.request.url.path.endswith("/contactLists")
        assert W50_TOKEN not in repr(raw.request.headers) and W50_TOKEN not in str(
            raw.request.headers.get("authorization")
        )
        list_id = lists[0].id
        job = w50.create_import_job(
            list_id,
            ["Email"],
            extra_headers={"X-Trace": "abc"},
            extra_query={"trace": "1"},
            timeout=12.5,
        )
        request = sent[-1]
        assert request.headers["X-Trace"] == "abc"
        assert request.url.params["trace"] == "1"
        assert request.extensions["timeout"]["read"] == 12.5
        raw_job = w50.with_raw_response.get_import_job(list_id, job.id)
        assert raw_job.parse().id == job.id and raw_job.retries_taken == 0

        quick = w50.with_options(timeout=3.0, max_retries=0, headers={"X-Team": "data"})
        assert quick is not w50 and quick._sender.http is w50._sender.http
        quick.get_import_job(list_id, job.id)
        assert sent[-1].headers["X-Team"] == "data"
        assert sent[-1].extensions["timeout"]["read"] == 3.0
        assert sent[-1].extensions["contactimport"]["retry_policy"].max_retries == 0
        w50.get_import_job(list_id, job.id)
        assert "X-Team" not in sent[-1].headers  # the original keeps its defaults
        quick.close()  # the copy does not close the shared pool
        assert w50.get_import_job(list_id, job.id).id == job.id

        with pytest.raises(NotFoundError):
            w50.with_raw_response.get_import_job(list_id, 987654)


def test_with_options_retries_apply_per_copy() -> None:
    calls = 0

    def flaky(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        raise httpx.ConnectTimeout("down", request=request)

    fast = RetryPolicy(max_retries=3, initial_backoff=0, max_backoff=0)
    with Which50(
        "t", base_url=W50_BASE, transport=httpx.MockTransport(flaky), retry_policy=fast
    ) as w50:
        with pytest.raises(APITimeoutError):
            w50.list_contact_lists()
        assert calls == 4
        calls = 0
        with pytest.raises(APITimeoutError):
            w50.with_options(max_retries=0).list_contact_lists()
        assert calls == 1


def test_checkmarket_returns_data_and_raw_gives_the_payload(
    sync_transport: httpx.BaseTransport, fmt: str
) -> None:
    with CheckMarket(
        CM_MASTER, CM_KEY, base_url=BASE, transport=sync_transport, wire_format=fmt
    ) as cm:
        created = cm.create_import_config({"Name": "Surface", "IsReusable": True})
        config_id: int = created.import_config_id  # an int: no UNSET to narrow
        raw = cm.with_raw_response.get_import_config(config_id)
        assert isinstance(raw, EnvelopeAPIResponse)
        payload = raw.payload()
        assert isinstance(payload, ImportConfigPayload)
        assert raw.meta.status == 200 and payload.data.name == raw.parse().name == "Surface"
        listed = cm.with_raw_response.list_import_configs(extra_headers={"X-Trace": "1"})
        assert config_id in [c.import_config_id for c in listed.parse()]
        queued = cm.bulk_import_contacts(config_id, [{"Email": "a@example.com", "LangCode": "en"}])
        assert isinstance(queued.queue_item_id, int)
        cm.delete_import_config(config_id)


def test_succeeded_false_raises_operation_failed(
    sync_transport: httpx.BaseTransport, fmt: str
) -> None:
    with CheckMarket(
        CM_MASTER, CM_KEY, base_url=BASE, transport=sync_transport, wire_format=fmt
    ) as cm:
        config_id = cm.create_import_config({"Name": "Empty PUT"}).import_config_id
        # A PUT with neither a body nor `name` is a 200 with Succeeded: false (succeeded-false).
        with pytest.raises(OperationFailedError) as caught:
            cm.update_import_config(config_id)
        assert caught.value.operation == "updateImportConfig"
        assert caught.value.failure_message
        assert CM_KEY not in str(caught.value) and CM_MASTER not in str(caught.value)


def test_async_clients_have_the_same_surface(
    async_transport: httpx.AsyncBaseTransport, fmt: str
) -> None:
    async def main() -> None:
        async with AsyncWhich50(
            W50_TOKEN, base_url=W50_BASE, transport=async_transport, wire_format=fmt
        ) as w50:
            raw = await w50.with_raw_response.list_contact_lists(timeout=5)
            assert raw.status_code == 200 and raw.parse()
            copy = w50.with_options(headers={"X-Team": "a"})
            assert await copy.list_contact_lists(extra_query={"x": "1"}) == raw.parse()
        async with AsyncCheckMarket(
            CM_MASTER, CM_KEY, base_url=BASE, transport=async_transport, wire_format=fmt
        ) as cm:
            created = await cm.create_import_config({"Name": "Async surface"})
            raw_config = await cm.with_raw_response.get_import_config(created.import_config_id)
            assert raw_config.payload().meta.status == 200
            assert (await cm.get_import_config(created.import_config_id)).name == "Async surface"

    run(main())


def test_credential_headers_cannot_be_swapped_by_with_options() -> None:
    with CheckMarket("m", "k", base_url=BASE) as cm, pytest.raises(ValueError, match="credential"):
        cm.with_options(headers={"X-Key": "other"})


# -- every operation, through with_options + with_raw_response + per-call options ---------------


class Probe:
    """Records every request with its operation (the retry mark the clients set)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def operations(self) -> set[str]:
        return {r.extensions["contactimport"]["operation"] for r in self.requests}

    def check_last(self, operation: str, trace: str) -> None:
        request = self.requests[-1]
        assert request.extensions["contactimport"]["operation"] == operation
        assert request.headers["X-Probe"] == trace
        assert request.url.params["probe"] == trace
        assert request.extensions["timeout"]["read"] == 30.0


def sync_probe(transport: httpx.BaseTransport, probe: Probe) -> httpx.BaseTransport:
    class Recording(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            probe.requests.append(request)
            return transport.handle_request(request)

    return Recording()


def async_probe(transport: httpx.AsyncBaseTransport, probe: Probe) -> httpx.AsyncBaseTransport:
    class Recording(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            probe.requests.append(request)
            return await transport.handle_async_request(request)

    return Recording()


def per_call(trace: str) -> dict[str, Any]:
    return {"timeout": 30.0, "extra_headers": {"X-Probe": trace}, "extra_query": {"probe": trace}}


def all_operation_ids(api: str) -> set[str]:
    return {operation_id for operation_id, _, _ in spec_operations(api)}


def w50_scenario() -> list[tuple[str, str, Callable[[dict[str, Any]], tuple[Any, ...]]]]:
    """(operationId, method, arguments from what earlier answers gave) in an order that works."""
    from contactimport import MatchOn, MatchValues, contact

    return [
        ("listContactLists", "list_contact_lists", lambda s: ()),
        ("listContactListFields", "list_contact_list_fields", lambda s: (1,)),
        ("getContactListField", "get_contact_list_field", lambda s: (1, s["field_id"])),
        ("createImportJob", "create_import_job", lambda s: (1, ["Email", "FirstName"])),
        (
            "uploadImportBatch",
            "upload_import_batch",
            lambda s: (1, s["job_id"], [contact({"Email": "p@example.com", "FirstName": "P"})]),
        ),
        ("getImportJob", "get_import_job", lambda s: (1, s["job_id"])),
        ("runImportJob", "run_import_job", lambda s: (1, s["job_id"])),
        ("runImportJobPut", "run_import_job_put", lambda s: (1, s["job_put"])),
        (
            "runImportJobPatch",
            "run_import_job_patch",
            lambda s: (1, s["job_patch"], {"match": MatchValues({"Email": "p@example.com"})}),
        ),
        (
            "upsertContact",
            "upsert_contact",
            lambda s: (1, contact({"Email": "q@example.com"}), {"match": MatchOn("Email")}),
        ),
        ("upsertContactPut", "upsert_contact_put", lambda s: (1, contact({"Email": "r@x.com"}))),
        (
            "patchContacts",
            "patch_contacts",
            lambda s: (1, contact({"FirstName": "Q"}), {"match": {"Email": "q@example.com"}}),
        ),
        ("getContact", "get_contact", lambda s: (s["contact_id"],)),
    ]


def split(arguments: tuple[Any, ...]) -> tuple[tuple[Any, ...], dict[str, Any]]:
    if arguments and isinstance(arguments[-1], dict) and "match" in arguments[-1]:
        return arguments[:-1], dict(arguments[-1])
    return arguments, {}


def remember(state: dict[str, Any], operation_id: str, parsed: Any) -> None:
    if operation_id == "listContactListFields":
        state["field_id"] = parsed[0].id
    elif operation_id == "upsertContact":
        state["contact_id"] = parsed.enc_contact_id


def loaded_job(w50: Which50) -> int:
    from contactimport import contact

    job = w50.create_import_job(1, ["Email"])
    w50.upload_import_batch(1, job.id, [contact({"Email": "p@example.com"})])
    return job.id


def test_every_which50_operation_sync_raw_with_options(
    sync_transport: httpx.BaseTransport, fmt: str
) -> None:
    probe = Probe()
    with Which50(
        W50_TOKEN, base_url=W50_BASE, transport=sync_probe(sync_transport, probe), wire_format=fmt
    ) as w50:
        state: dict[str, Any] = {"job_put": loaded_job(w50), "job_patch": loaded_job(w50)}
        view = w50.with_options(max_retries=1, headers={"X-Copy": "1"}).with_raw_response
        for operation_id, name, arguments in w50_scenario():
            positional, keywords = split(arguments(state))
            raw = getattr(view, name)(*positional, **keywords, **per_call(operation_id))
            assert isinstance(raw, APIResponse) and raw.status_code == 200
            assert raw.wire_format == fmt and raw.request.headers["X-Copy"] == "1"
            probe.check_last(operation_id, operation_id)
            remember(state, operation_id, raw.parse())
            if operation_id == "createImportJob":
                state["job_id"] = raw.parse().id
    assert probe.operations() == all_operation_ids("which50")


def test_every_which50_operation_async_raw_with_options(
    async_transport: httpx.AsyncBaseTransport, fmt: str
) -> None:
    from contactimport import contact

    async def main() -> Probe:
        probe = Probe()
        async with AsyncWhich50(
            W50_TOKEN,
            base_url=W50_BASE,
            transport=async_probe(async_transport, probe),
            wire_format=fmt,
        ) as w50:
            state: dict[str, Any] = {}
            for key in ("job_put", "job_patch"):
                job = await w50.create_import_job(1, ["Email"])
                await w50.upload_import_batch(1, job.id, [contact({"Email": "p@example.com"})])
                state[key] = job.id
            view = w50.with_options(timeout=20.0).with_raw_response
            for operation_id, name, arguments in w50_scenario():
                positional, keywords = split(arguments(state))
                raw = await getattr(view, name)(*positional, **keywords, **per_call(operation_id))
                assert isinstance(raw, APIResponse) and raw.status_code == 200
                probe.check_last(operation_id, operation_id)
                remember(state, operation_id, raw.parse())
                if operation_id == "createImportJob":
                    state["job_id"] = raw.parse().id
        return probe

    assert run(main()).operations() == all_operation_ids("which50")


CONFIG = {"Name": "Probe", "IsReusable": True, "UpdateTypeId": 1}


def cm_scenario() -> list[tuple[str, str, Callable[[dict[str, Any]], tuple[Any, ...]]]]:
    return [
        ("createImportConfig", "create_import_config", lambda s: (CONFIG,)),
        ("listImportConfigs", "list_import_configs", lambda s: ()),
        ("getImportConfig", "get_import_config", lambda s: (s["config_id"],)),
        ("updateImportConfig", "update_import_config", lambda s: (s["config_id"], CONFIG)),
        (
            "bulkImportContacts",
            "bulk_import_contacts",
            lambda s: (s["config_id"], [{"Email": "a@example.com", "LangCode": "en"}]),
        ),
        ("getImportResult", "get_import_result", lambda s: (s["queue_item_id"],)),
        ("getImportResultLegacy", "get_import_result_legacy", lambda s: (s["queue_item_id"],)),
        ("deleteImportConfig", "delete_import_config", lambda s: (s["config_id"],)),
    ]


def cm_remember(state: dict[str, Any], operation_id: str, parsed: Any) -> None:
    if operation_id == "createImportConfig":
        state["config_id"] = parsed.import_config_id
    elif operation_id == "bulkImportContacts":
        state["queue_item_id"] = parsed.queue_item_id


def test_every_checkmarket_operation_sync_and_async_raw_with_options(
    sync_transport: httpx.BaseTransport, async_transport: httpx.AsyncBaseTransport, fmt: str
) -> None:
    probe = Probe()
    with CheckMarket(
        CM_MASTER,
        CM_KEY,
        base_url=BASE,
        transport=sync_probe(sync_transport, probe),
        wire_format=fmt,
    ) as cm:
        state: dict[str, Any] = {}
        view = cm.with_options(max_retries=0).with_raw_response
        for operation_id, name, arguments in cm_scenario():
            raw = getattr(view, name)(*arguments(state), **per_call(operation_id))
            assert isinstance(raw, EnvelopeAPIResponse) and raw.status_code == 200
            assert raw.meta.status == 200 and raw.payload().data == raw.parse()
            probe.check_last(operation_id, operation_id)
            cm_remember(state, operation_id, raw.parse())
    assert probe.operations() == all_operation_ids("checkmarket")

    async def main() -> Probe:
        probe = Probe()
        async with AsyncCheckMarket(
            CM_MASTER,
            CM_KEY,
            base_url=BASE,
            transport=async_probe(async_transport, probe),
            wire_format=fmt,
        ) as cm:
            state: dict[str, Any] = {}
            view = cm.with_options(timeout=15.0).with_raw_response
            for operation_id, name, arguments in cm_scenario():
                raw = await getattr(view, name)(*arguments(state), **per_call(operation_id))
                assert isinstance(raw, EnvelopeAPIResponse) and raw.meta.status == 200
                probe.check_last(operation_id, operation_id)
                cm_remember(state, operation_id, raw.parse())
        return probe

    assert run(main()).operations() == all_operation_ids("checkmarket")
