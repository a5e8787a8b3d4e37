"""Which50 / AsyncWhich50 against the sandbox: every operation, in JSON and in XML, in process and
over real HTTP; results are the generated models whichever wire format was used."""

from __future__ import annotations

import copy
import datetime
import json
import re
import time
from collections.abc import Iterator
from typing import Any

import contactimport.generated.spec
import contactimport.which50 as which50_module
import httpx
import pytest
from contactimport import __version__
from contactimport._wireformats import OffWireMembers, WireFormatsSpecError
from contactimport.errors import (
    AuthenticationError,
    ConflictError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from contactimport.generated.which50_client.models import (
    Contact,
    ContactSchemaField,
    ContactsList,
    ImportJob,
)
from contactimport.querystring import CustomEvents, MatchOn, MatchValues
from contactimport.which50 import AsyncWhich50, Which50, contact

from .overlay_support import (
    CUSTOMERS_LIST,
    FAST_RETRIES,
    W50_OTHER_TOKEN,
    W50_READONLY_TOKEN,
    W50_TOKEN,
    LiveSandbox,
    run,
)

BASE = "http://sandbox.test/Which50API"
FORMATS = ["json", "xml"]


class Recording(httpx.BaseTransport):
    """Passes requests through and keeps (request, response) pairs to inspect the wire."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.exchanges: list[tuple[httpx.Request, httpx.Response]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        self.exchanges.append((request, response))
        return response


def wait_finished(w50: Which50, job_id: int, timeout: float = 20.0) -> ImportJob:
    deadline = time.monotonic() + timeout
    while True:
        job = w50.get_import_job(CUSTOMERS_LIST, job_id)
        if job.current_status in ("Finished", "Failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.02)


@pytest.fixture
def recording(sync_transport: httpx.BaseTransport) -> Recording:
    return Recording(sync_transport)


@pytest.fixture(params=FORMATS)
def w50(request: pytest.FixtureRequest, recording: Recording) -> Iterator[Which50]:
    with Which50(
        W50_TOKEN, base_url=BASE, transport=recording, wire_format=request.param
    ) as client:
        yield client


def test_every_read_operation_returns_generated_models(w50: Which50, recording: Recording) -> None:
    lists = w50.list_contact_lists()
    assert all(isinstance(item, ContactsList) for item in lists)
    assert [item.name for item in lists] == ["Customers", "Newsletter"]
    fields = w50.list_contact_list_fields(CUSTOMERS_LIST)
    assert all(isinstance(item, ContactSchemaField) for item in fields)
    email = next(f for f in fields if f.name == "Email")
    assert w50.get_contact_list_field(CUSTOMERS_LIST, email.id) == email
    media = "application/xml" if w50.wire_format == "xml" else "application/json"
    for request, response in recording.exchanges:
        assert request.headers["accept"] == media
        assert response.headers["content-type"].startswith(media)


def test_import_job_lifecycle_with_match_and_custom_events(
    w50: Which50, recording: Recording, sandbox_app: Any
) -> None:
    job = w50.create_import_job(CUSTOMERS_LIST, ["Email", "FirstName"])
    assert isinstance(job, ImportJob) and job.current_status == "Created"
    loaded = w50.upload_import_batch(
        CUSTOMERS_LIST,
        job.id,
        [
            contact({"Email": "ada@example.com", "FirstName": "Ada"}),
            {"Values": {"Email": "bob@example.com", "FirstName": "Bob"}},
            contact({"Email": "not-an-email", "FirstName": "Eve"}),
        ],
    )
    assert (loaded.current_status, loaded.total_contacts) == ("Loaded", 3)
    started = w50.run_import_job(
        CUSTOMERS_LIST,
        job.id,
        match=MatchOn("Email"),
        custom_events=CustomEvents("SendWelcomeEmail", "SendEventInvite"),
    )
    assert started.current_status in ("Running", "Finished")
    finished = wait_finished(w50, job.id)
    assert finished.current_status == "Finished"
    assert (finished.inserted_contacts, finished.invalid_email_count) == (3, 1)
    assert finished.progress_percent == 100

    run_request = next(r for r, _ in recording.exchanges if r.url.path.endswith("/run"))
    assert run_request.url.params["customevents"] == "SendWelcomeEmail,SendEventInvite"
    assert run_request.url.params["match"] == "Email"
    upload = next(r for r, _ in recording.exchanges if r.url.path.endswith(f"/import/{job.id}"))
    if w50.wire_format == "xml":
        assert upload.headers["content-type"].startswith("application/xml")
        assert upload.content.startswith(b"<ArrayOfContact")
    else:
        assert upload.headers["content-type"].startswith("application/json")

    with pytest.raises(ConflictError) as caught:
        w50.run_import_job(CUSTOMERS_LIST, job.id)
    assert caught.value.status_code == 409 and caught.value.message


def test_upsert_get_and_patch_contacts(w50: Which50) -> None:
    inserted = w50.upsert_contact(
        CUSTOMERS_LIST,
        contact({"Email": "carol@example.com", "FirstName": "Carol", "ReferanceAccountId": 42}),
        match=MatchOn("Email"),
    )
    assert isinstance(inserted, Contact) and inserted.enc_contact_id
    again = w50.upsert_contact_put(
        CUSTOMERS_LIST,
        contact({"Email": "carol@example.com", "FirstName": "Caroline"}),
        match=["Email"],
    )
    assert again.enc_contact_id == inserted.enc_contact_id
    patched = w50.patch_contacts(
        CUSTOMERS_LIST,
        contact({"FirstName": "Caro"}),
        match=MatchValues({"ReferanceAccountId": 42, "Email": "carol@example.com"}),
    )
    assert patched.values["FirstName"] == "Caro"
    assert isinstance(inserted.enc_contact_id, str)
    fetched = w50.get_contact(inserted.enc_contact_id)
    assert fetched.values["FirstName"] == "Caro"
    assert fetched.values["Email"] == "carol@example.com"


def test_per_call_wire_format_overrides_the_client_default(
    recording: Recording,
) -> None:
    with Which50(W50_TOKEN, base_url=BASE, transport=recording, wire_format="json") as w50:
        as_json = w50.list_contact_list_fields(CUSTOMERS_LIST)
        as_xml = w50.list_contact_list_fields(CUSTOMERS_LIST, wire_format="xml")
    assert as_json == as_xml
    accepts = [request.headers["accept"] for request, _ in recording.exchanges]
    assert accepts == ["application/json", "application/xml"]


def test_status_families_raise_typed_errors(sync_transport: httpx.BaseTransport) -> None:
    for fmt in FORMATS:
        with Which50("wrong-token", base_url=BASE, transport=sync_transport, wire_format=fmt) as w:
            with pytest.raises(AuthenticationError) as caught:
                w.list_contact_lists()
            assert caught.value.status_code == 401 and caught.value.message
            assert caught.value.url == f"{BASE}/contactLists"
        with (
            Which50(
                W50_READONLY_TOKEN, base_url=BASE, transport=sync_transport, wire_format=fmt
            ) as w,
            pytest.raises(PermissionDeniedError),
        ):
            w.create_import_job(CUSTOMERS_LIST, ["Email"])
        with Which50(
            W50_OTHER_TOKEN, base_url=BASE, transport=sync_transport, wire_format=fmt
        ) as w:
            with pytest.raises(NotFoundError) as not_found:
                w.list_contact_list_fields(CUSTOMERS_LIST)  # another account's list
            assert "not found" in (not_found.value.message or "").lower()
        with Which50(W50_TOKEN, base_url=BASE, transport=sync_transport, wire_format=fmt) as w:
            job = w.create_import_job(CUSTOMERS_LIST, ["Email"])
            with pytest.raises(ValidationError) as invalid:
                w.upsert_contact(
                    CUSTOMERS_LIST, contact({"NoSuchField": "x"}), match=["NoSuchField"]
                )
            assert invalid.value.status_code in (400, 417)
            assert "NoSuchField" in str(invalid.value)
            with pytest.raises(ConflictError):
                w.run_import_job(CUSTOMERS_LIST, job.id)  # nothing loaded yet


def test_batch_limit_from_the_spec_is_enforced_before_sending() -> None:
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    with Which50("t", base_url=BASE, transport=httpx.MockTransport(record)) as w50:
        limit = w50.max_batch_contacts
        assert limit == 10000
        too_many = [contact({"Email": f"{n}@x.com"}) for n in range(limit + 1)]
        with pytest.raises(InvalidParameterError, match="holds 10001 items, more than"):
            w50.upload_import_batch(1, 1, too_many)
        with pytest.raises(InvalidParameterError, match="holds 0 items, fewer than"):
            w50.upload_import_batch(1, 1, [])
        with pytest.raises(InvalidParameterError, match="Values\\['Email'\\] must be a string"):
            w50.upload_import_batch(1, 1, [{"Values": {"Email": ["a"]}}])
    assert sent == []


def test_user_agent_timeout_and_headers() -> None:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[])

    with Which50(
        "t",
        base_url=BASE,
        transport=httpx.MockTransport(record),
        user_agent="my-app/1.2",
        headers={"X-Trace": "abc"},
    ) as w50:
        w50.list_contact_lists()
    request = seen[0]
    assert request.headers["user-agent"].startswith(f"contactimport/{__version__} ")
    assert request.headers["user-agent"].endswith(" my-app/1.2")
    assert request.headers["x-trace"] == "abc"
    assert request.headers["authorization"] == "Bearer t"
    timeout = request.extensions["timeout"]
    assert all(value is not None and value > 0 for value in timeout.values())


@pytest.mark.parametrize(
    "schemes",
    [
        {},
        {"apiKey": {"type": "apiKey", "in": "header", "name": "X-Token"}},
        {"basicAuth": {"type": "http", "scheme": "basic"}},
    ],
)
def test_the_token_header_follows_the_spec_security_scheme(
    monkeypatch: pytest.MonkeyPatch, schemes: dict[str, Any]
) -> None:
    """The client sends the token as the spec's HTTP bearer scheme says, and refuses to guess
    when the spec says something else."""
    assert which50_module.bearer_auth_headers("t") == {"Authorization": "Bearer t"}
    monkeypatch.setattr(which50_module, "security_schemes", lambda api: schemes)
    with pytest.raises(RuntimeError, match="exactly one HTTP bearer security scheme"):
        Which50("t", base_url=BASE)


def test_credentials_and_base_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHICH50_API_TOKEN", "env-token")
    monkeypatch.setenv("WHICH50_BASE_URL", "https://staging.example/Which50API/")
    with Which50() as w50:
        assert w50.base_url == "https://staging.example/Which50API"
        assert w50.generated.token == "env-token"
    monkeypatch.delenv("WHICH50_API_TOKEN")
    monkeypatch.delenv("WHICH50_BASE_URL")
    with pytest.raises(InvalidParameterError, match="WHICH50_API_TOKEN"):
        Which50()
    with Which50("t") as w50:
        assert w50.base_url == "https://app.which50.com/Which50API"
    with pytest.raises(ValueError, match="'json' or 'xml'"):
        Which50("t", wire_format="yaml")


def test_injected_http_client_is_used_and_not_closed(sync_transport: httpx.BaseTransport) -> None:
    http = httpx.Client(transport=sync_transport)
    with Which50(W50_TOKEN, base_url=BASE, http_client=http) as w50:
        assert len(w50.list_contact_lists()) == 2
    assert not http.is_closed
    http.close()


def test_generated_client_shares_the_pool_and_credentials(
    sync_transport: httpx.BaseTransport,
) -> None:
    from contactimport.generated.which50_client.api.contact_lists import list_contact_lists

    with Which50(W50_TOKEN, base_url=BASE, transport=sync_transport) as w50:
        parsed = list_contact_lists.sync(client=w50.generated)
        assert isinstance(parsed, list) and len(parsed) == 2


def test_context_manager_closes_the_pool() -> None:
    w50 = Which50("t", base_url=BASE)
    with w50:
        pass
    with pytest.raises(RuntimeError):
        w50.list_contact_lists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_async_client_runs_a_whole_import(
    async_transport: httpx.AsyncBaseTransport, fmt: str
) -> None:
    async def main() -> tuple[ImportJob, Contact]:
        async with AsyncWhich50(
            W50_TOKEN, base_url=BASE, transport=async_transport, wire_format=fmt
        ) as w50:
            assert len(await w50.list_contact_lists()) == 2
            job = await w50.create_import_job(CUSTOMERS_LIST, ["Email"])
            await w50.upload_import_batch(
                CUSTOMERS_LIST, job.id, [contact({"Email": f"async-{fmt}@example.com"})]
            )
            await w50.run_import_job(CUSTOMERS_LIST, job.id, check_fields=True, match=["Email"])
            import asyncio

            for _ in range(500):
                status = await w50.get_import_job(CUSTOMERS_LIST, job.id)
                if status.current_status == "Finished":
                    break
                await asyncio.sleep(0.02)
            upserted = await w50.upsert_contact(
                CUSTOMERS_LIST, contact({"Email": f"async-{fmt}@example.com"}), match=["Email"]
            )
            with pytest.raises(NotFoundError):
                await w50.get_contact("no-such-contact")
            return status, upserted

    status, upserted = run(main())
    assert status.current_status == "Finished" and status.inserted_contacts == 1
    assert upserted.enc_contact_id


@pytest.mark.parametrize("fmt", FORMATS)
def test_over_real_http(live: LiveSandbox, fmt: str) -> None:
    with Which50(W50_TOKEN, base_url=live.w50_url, wire_format=fmt, retry_policy=FAST_RETRIES) as w:
        job = w.create_import_job(CUSTOMERS_LIST, ["Email", "Mobile"])
        w.upload_import_batch(
            CUSTOMERS_LIST,
            job.id,
            [contact({"Email": f"live-{fmt}-{n}@example.com", "Mobile": "12"}) for n in range(50)],
        )
        w.run_import_job(CUSTOMERS_LIST, job.id, custom_events=["Imported"])
        done = wait_finished(w, job.id)
        assert (done.current_status, done.inserted_contacts) == ("Finished", 50)
        assert done.invalid_sms_count == 50
        events = httpx.get(
            f"{live.origin}/_sandbox/which50/custom-events",
            headers={"Authorization": f"Bearer {W50_TOKEN}"},
            params={"limit": 10000},
        ).json()["Events"]
        assert sum(1 for e in events if "Imported" in str(e)) >= 50


class CountingConnections(httpx.BaseTransport):
    """A real HTTP transport that counts the TCP connections it opens (httpcore trace events)."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.connections = 0

    def _trace(self, event: str, info: dict[str, Any]) -> None:
        if event == "connection.connect_tcp.complete":
            self.connections += 1

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.extensions["trace"] = self._trace
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def test_requests_reuse_one_connection(live: LiveSandbox) -> None:
    transport = CountingConnections()
    with Which50(W50_TOKEN, base_url=live.w50_url, transport=transport) as w50:
        for _ in range(10):
            w50.list_contact_lists()
        w50.list_contact_list_fields(CUSTOMERS_LIST, wire_format="xml")
    assert transport.connections == 1


@pytest.mark.parametrize(
    ("fmt", "value", "fragment"),
    [
        ("xml", "bell\x07", "Email"),
        ("json", float("nan"), "cannot be sent as JSON"),
    ],
)
def test_values_the_wire_format_cannot_carry_fail_before_sending(
    fmt: str, value: object, fragment: str
) -> None:
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    with (
        Which50("t", base_url=BASE, transport=httpx.MockTransport(record), wire_format=fmt) as w,
        pytest.raises(InvalidParameterError) as caught,
    ):
        w.upsert_contact(CUSTOMERS_LIST, {"Values": {"Email": value}})
    assert fragment in str(caught.value)
    assert sent == []


def test_default_wire_format_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTACTIMPORT_WIRE_FORMAT", "XML")
    with Which50("t", base_url=BASE) as w50:
        assert w50.wire_format == "xml"
    with Which50("t", base_url=BASE, wire_format="json") as w50:
        assert w50.wire_format == "json"  # an argument wins over the environment
    monkeypatch.setenv("CONTACTIMPORT_WIRE_FORMAT", "csv")
    with pytest.raises(ValueError, match="CONTACTIMPORT_WIRE_FORMAT must be 'json' or 'xml'"):
        Which50("t", base_url=BASE)


def test_contact_id_is_sent_only_on_the_xml_wire(w50: Which50, recording: Recording) -> None:
    """W50 Contact.Id is ``x-wire-formats: [xml]``: a JSON body leaves it out, XML carries it."""
    job = w50.create_import_job(CUSTOMERS_LIST, ["Email"])
    batch: list[Contact | dict[str, Any]] = [
        contact({"Email": "id41@x.com"}, Id=41),
        {"Values": {"Email": "id42@x.com"}, "Id": 42},
    ]
    w50.upload_import_batch(CUSTOMERS_LIST, job.id, batch)
    w50.upsert_contact(CUSTOMERS_LIST, contact({"Email": "id43@x.com"}, Id=43, ListId=1))
    upload, upsert = (request.content for request, _ in recording.exchanges[-2:])
    if w50.wire_format == "json":
        sent = json.loads(upload)
        assert [item["Values"] for item in sent] == [
            {"Email": "id41@x.com"},
            {"Email": "id42@x.com"},
        ]
        assert all("Id" not in item for item in sent)
        assert json.loads(upsert) == {"ListId": 1, "Values": {"Email": "id43@x.com"}}
    else:
        ids = [re.findall(rb"<Id [^>]*>(\d+)</Id>", body) for body in (upload, upsert)]
        assert ids == [[b"41", b"42"], [b"43"]]


def test_a_malformed_wire_format_list_is_a_spec_error_naming_the_member() -> None:
    document = copy.deepcopy(contactimport.generated.spec.document("which50"))
    document["components"]["schemas"]["Contact"]["properties"]["Id"]["x-wire-formats"] = ["soap"]
    with pytest.raises(WireFormatsSpecError) as caught:
        OffWireMembers(document, "json").strip("ArrayOfContact", [{"Values": {}, "Id": 1}])
    assert "components/schemas/Contact/properties/Id: x-wire-formats must be" in str(caught.value)


def test_members_off_the_json_wire_are_left_out_at_any_depth() -> None:
    document: dict[str, Any] = {
        "components": {
            "schemas": {
                "Inner": {
                    "properties": {"Secret": {"x-wire-formats": ["xml"]}, "Kept": {}},
                },
                "Outer": {
                    "allOf": [{"properties": {"Hidden": {"x-wire-formats": ["xml"]}}}],
                    "properties": {
                        "List": {"type": "array", "items": {"$ref": "#/components/schemas/Inner"}}
                    },
                    "additionalProperties": {"$ref": "#/components/schemas/Inner"},
                },
                "Plain": {"properties": {"A": {}}},
            }
        }
    }
    off_json = OffWireMembers(document, "json")
    value = {
        "Hidden": 1,
        "List": [{"Secret": 2, "Kept": 3}, {"Kept": 4}],
        "Other": {"Secret": 5, "Kept": 6},
    }
    assert off_json.strip("Outer", value) == {
        "List": [{"Kept": 3}, {"Kept": 4}],
        "Other": {"Kept": 6},
    }
    assert OffWireMembers(document, "xml").strip("Outer", value) == value
    plain = {"A": 1}
    assert off_json.strip("Plain", plain) is plain  # a schema reaching no such member: as it is


@pytest.mark.parametrize(
    ("base_url", "hinted"),
    [
        ("http://127.0.0.1:9/", True),
        ("http://127.0.0.1:9/api", True),
        ("http://127.0.0.1:9/Which50API", False),
        ("http://127.0.0.1:9/Which50API/", False),
    ],
)
def test_a_404_says_when_the_base_url_lacks_the_specs_path_prefix(
    base_url: str, hinted: bool
) -> None:
    def not_found(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"Message": "No HTTP resource was found"})

    with (
        Which50("t", base_url=base_url, transport=httpx.MockTransport(not_found)) as w50,
        pytest.raises(NotFoundError) as caught,
    ):
        w50.list_contact_lists()
    assert ("does not end with the API's path prefix /Which50API" in str(caught.value)) is hinted
    assert (caught.value.hint is not None) is hinted
    assert "No HTTP resource was found" in str(caught.value)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_3000_deep_xml_error_body_gives_the_typed_error(fmt: str) -> None:
    """error_for_status reads XML error bodies with the codec's hardened parser: one nested too
    deeply is kept as text in the typed error, never a RecursionError."""
    deep = "<Error>" + "<a>" * 3000 + "</a>" * 3000 + "</Error>"

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, content=deep.encode(), headers={"Content-Type": "text/xml"})

    with (
        Which50("t", base_url=BASE, transport=httpx.MockTransport(answer), wire_format=fmt) as w,
        pytest.raises(ValidationError) as caught,
    ):
        w.list_contact_lists()
    assert caught.value.status_code == 400
    assert caught.value.body == deep


def test_field_names_over_the_specs_max_items_are_refused_before_sending() -> None:
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    schemas = contactimport.generated.spec.document("which50")["components"]["schemas"]
    limit = schemas["ImportJobCreateRequest"]["properties"]["FieldNames"]["maxItems"]
    names = [f"Field{n}" for n in range(limit + 1)]
    too_many = rf"createImportJob: FieldNames holds {limit + 1} items, more than the API's limit"
    with (
        Which50("t", base_url=BASE, transport=httpx.MockTransport(record)) as w50,
        pytest.raises(InvalidParameterError, match=too_many),
    ):
        w50.create_import_job(1, names)
    assert sent == []


@pytest.mark.parametrize("wire_format", ["json", "xml"])
def test_a_seven_digit_timestamp_reaches_the_user_and_goes_back_unchanged(wire_format: str) -> None:
    from contactimport.datacontract import DataContractCodec

    stamp = "2025-11-14T16:20:52.4841747+00:00"
    job = {
        "Id": 3,
        "ContactListId": 1,
        "InvalidEmailCount": 0,
        "InvalidSmsCount": 0,
        "ProgressPercent": 100,
        "CurrentStatus": "Finished",
        "StartDate": stamp,
        "FinishDate": None,
        "InsertedContacts": 1,
        "UpdatedContacts": 0,
        "DroppedContacts": 0,
        "NotUpdatedContacts": 0,
        "TotalContacts": 1,
    }

    def respond(request: httpx.Request) -> httpx.Response:
        if wire_format == "xml":
            body = DataContractCodec.for_api("which50").encode("ImportJob", job)
            return httpx.Response(200, content=body, headers={"Content-Type": "application/xml"})
        return httpx.Response(200, json=job)

    transport = httpx.MockTransport(respond)
    with Which50(W50_TOKEN, base_url=BASE, transport=transport, wire_format=wire_format) as w50:
        read = w50.get_import_job(1, 3)
    assert isinstance(read.start_date, datetime.datetime)
    assert read.start_date.isoformat() == stamp
    assert read.to_dict()["StartDate"] == stamp
