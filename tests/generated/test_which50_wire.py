"""The generated W50API client on the wire: method, path, query string, headers and JSON body.

Every request goes through an in-process httpx.MockTransport; nothing leaves the process.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

import pytest
from contactimport.generated.which50_client import AuthenticatedClient
from contactimport.generated.which50_client.api.contact_lists import list_contact_lists
from contactimport.generated.which50_client.api.contacts import (
    get_contact,
    patch_contacts,
    upsert_contact,
    upsert_contact_put,
)
from contactimport.generated.which50_client.api.fields import (
    get_contact_list_field,
    list_contact_list_fields,
)
from contactimport.generated.which50_client.api.import_jobs import (
    create_import_job,
    get_import_job,
    run_import_job,
    run_import_job_patch,
    run_import_job_put,
    upload_import_batch,
)
from contactimport.generated.which50_client.models import (
    Contact,
    ContactsList,
    ImportJob,
    ImportJobCreateRequest,
    PatchContactsMatchValues,
    RunImportJobPatchMatchValues,
)

from .recording import W50_BASE_URL, Recorder, json_of, raw_query, raw_target, spec_example

TOKEN = "w50-secret-token-0123456789"
IMPORT_JOB = spec_example("which50", "getImportJob")
CONTACT = spec_example("which50", "getContact")


def client_for(recorder: Recorder) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=W50_BASE_URL, token=TOKEN, httpx_args={"transport": recorder.transport()}
    )


def contact(values: dict[str, Any]) -> Contact:
    return Contact.from_dict({"ListId": 12, "Values": values})


Call = Callable[[AuthenticatedClient], Any]

# (operation, call, method, path after the base URL, response body)
OPERATIONS: list[tuple[str, Call, str, str, Any]] = [
    (
        "listContactLists",
        lambda c: list_contact_lists.sync_detailed(client=c),
        "GET",
        "/contactLists",
        spec_example("which50", "listContactLists"),
    ),
    (
        "listContactListFields",
        lambda c: list_contact_list_fields.sync_detailed(12, client=c),
        "GET",
        "/contactLists/12/fields",
        spec_example("which50", "listContactListFields"),
    ),
    (
        "getContactListField",
        lambda c: get_contact_list_field.sync_detailed(12, 5, client=c),
        "GET",
        "/contactLists/12/fields/5",
        spec_example("which50", "getContactListField"),
    ),
    (
        "createImportJob",
        lambda c: create_import_job.sync_detailed(
            12, client=c, body=ImportJobCreateRequest(field_names=["Email"])
        ),
        "POST",
        "/contactLists/12/import",
        IMPORT_JOB,
    ),
    (
        "uploadImportBatch",
        lambda c: upload_import_batch.sync_detailed(12, 7, client=c, body=[contact({})]),
        "POST",
        "/contactLists/12/import/7",
        IMPORT_JOB,
    ),
    (
        "getImportJob",
        lambda c: get_import_job.sync_detailed(12, 7, client=c),
        "GET",
        "/contactLists/12/import/7",
        IMPORT_JOB,
    ),
    (
        "runImportJob",
        lambda c: run_import_job.sync_detailed(12, 7, client=c),
        "POST",
        "/contactLists/12/import/7/run",
        IMPORT_JOB,
    ),
    (
        "runImportJobPut",
        lambda c: run_import_job_put.sync_detailed(12, 7, client=c),
        "PUT",
        "/contactLists/12/import/7/run",
        IMPORT_JOB,
    ),
    (
        "runImportJobPatch",
        lambda c: run_import_job_patch.sync_detailed(12, 7, client=c),
        "PATCH",
        "/contactLists/12/import/7/run",
        IMPORT_JOB,
    ),
    (
        "upsertContact",
        lambda c: upsert_contact.sync_detailed(12, client=c, body=contact({})),
        "POST",
        "/contactLists/12/contact",
        CONTACT,
    ),
    (
        "upsertContactPut",
        lambda c: upsert_contact_put.sync_detailed(12, client=c, body=contact({})),
        "PUT",
        "/contactLists/12/contact",
        CONTACT,
    ),
    (
        "patchContacts",
        lambda c: patch_contacts.sync_detailed(12, client=c, body=contact({})),
        "PATCH",
        "/contactLists/12/contact",
        CONTACT,
    ),
    (
        "getContact",
        lambda c: get_contact.sync_detailed("q8Vd2k3LwQ0", client=c),
        "GET",
        "/contacts/q8Vd2k3LwQ0",
        CONTACT,
    ),
]


@pytest.mark.parametrize(
    ("call", "method", "path", "answer"),
    [operation[1:] for operation in OPERATIONS],
    ids=[operation[0] for operation in OPERATIONS],
)
def test_each_operation_sends_its_method_and_path_with_the_bearer_token(
    call: Call, method: str, path: str, answer: Any
) -> None:
    recorder = Recorder(json_body=answer)
    response = call(client_for(recorder))
    request = recorder.only
    assert request.method == method
    assert raw_target(request) == "/Which50API" + path
    assert request.url.host == "app.which50.com"
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert response.status_code == 200
    assert response.parsed is not None


def test_the_w50_operations_table_covers_every_operation_of_the_spec() -> None:
    from contactimport.generated.spec import document

    in_spec = {
        operation["operationId"]
        for item in document("which50")["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    assert in_spec == {operation[0] for operation in OPERATIONS}


def test_responses_are_parsed_into_the_attrs_models() -> None:
    recorder = Recorder(json_body=IMPORT_JOB)
    job = get_import_job.sync(12, 7, client=client_for(recorder))
    assert isinstance(job, ImportJob)
    assert (job.id, job.current_status, job.total_contacts) == (
        IMPORT_JOB["Id"],
        IMPORT_JOB["CurrentStatus"],
        IMPORT_JOB["TotalContacts"],
    )

    recorder = Recorder(json_body=[{"Id": 1, "Name": "Customers", "Count": 3}])
    lists = list_contact_lists.sync(client=client_for(recorder))
    assert isinstance(lists, list)
    assert [
        (item.id, item.name, item.count) for item in lists if isinstance(item, ContactsList)
    ] == [(1, "Customers", 3)]


def test_the_encrypted_contact_id_is_percent_encoded_in_the_path() -> None:
    recorder = Recorder(json_body=CONTACT)
    get_contact.sync_detailed("q8Vd/2k3+LwQ0=", client=client_for(recorder))
    assert raw_target(recorder.only) == "/Which50API/contacts/q8Vd%2F2k3%2BLwQ0%3D"


@pytest.mark.parametrize(
    ("call", "answer"),
    [
        (lambda c, **q: run_import_job.sync_detailed(12, 7, client=c, **q), IMPORT_JOB),
        (lambda c, **q: run_import_job_put.sync_detailed(12, 7, client=c, **q), IMPORT_JOB),
        (lambda c, **q: run_import_job_patch.sync_detailed(12, 7, client=c, **q), IMPORT_JOB),
        (lambda c, **q: upsert_contact.sync_detailed(12, client=c, body=contact({}), **q), CONTACT),
        (
            lambda c, **q: upsert_contact_put.sync_detailed(12, client=c, body=contact({}), **q),
            CONTACT,
        ),
        (lambda c, **q: patch_contacts.sync_detailed(12, client=c, body=contact({}), **q), CONTACT),
    ],
    ids=["run", "run-put", "run-patch", "contact-post", "contact-put", "contact-patch"],
)
def test_customevents_and_match_go_out_as_one_comma_joined_value_each(
    call: Callable[..., Any], answer: Any
) -> None:
    recorder = Recorder(json_body=answer)
    call(
        client_for(recorder),
        customevents=["SendWelcomeEmail", "SendEventInvite"],
        match=["ReferanceAccountId", "Email"],
    )
    assert raw_query(recorder.only) == (
        "customevents=SendWelcomeEmail,SendEventInvite&match=ReferanceAccountId,Email"
    )


def test_patch_sends_the_values_to_match_as_their_own_query_parameters() -> None:
    # The vendor's example: ?match=ReferanceAccountId,Email&ReferanceAccountId=123456&Email=...
    recorder = Recorder(json_body=IMPORT_JOB)
    run_import_job_patch.sync_detailed(
        12,
        7,
        client=client_for(recorder),
        match=["ReferanceAccountId", "Email"],
        match_values=RunImportJobPatchMatchValues.from_dict(
            {"ReferanceAccountId": "123456", "Email": "pgannon@customerminds.com"}
        ),
    )
    request = recorder.only
    assert raw_query(request) == (
        "match=ReferanceAccountId,Email&ReferanceAccountId=123456&Email=pgannon%40customerminds.com"
    )
    assert request.url.params.get("Email") == "pgannon@customerminds.com"
    assert request.content == b""
    assert "Content-Type" not in request.headers


def test_patch_contacts_sends_match_values_the_body_and_json_content_type() -> None:
    recorder = Recorder(json_body=CONTACT)
    patch_contacts.sync_detailed(
        12,
        client=client_for(recorder),
        body=contact({"Mobile": "353871234567"}),
        match=["ReferanceAccountId"],
        match_values=PatchContactsMatchValues.from_dict({"ReferanceAccountId": "123456"}),
    )
    request = recorder.only
    assert raw_query(request) == "match=ReferanceAccountId&ReferanceAccountId=123456"
    assert request.headers["Content-Type"] == "application/json"
    assert json_of(request) == {"ListId": 12, "Values": {"Mobile": "353871234567"}}


def test_reserved_and_non_ascii_characters_in_query_values_are_percent_encoded() -> None:
    recorder = Recorder(json_body=IMPORT_JOB)
    run_import_job_patch.sync_detailed(
        12,
        7,
        client=client_for(recorder),
        customevents=["Send,Welcome", "Invite Friends"],
        match=["Name"],
        match_values=RunImportJobPatchMatchValues.from_dict(
            {"Name": "Zoë & Co=1, Ltd+", "Ref#": "a/b?c"}
        ),
    )
    request = recorder.only
    # Items are joined by a literal ","; a "," inside an item is %2C; a space is %20.
    assert raw_query(request) == (
        "customevents=Send%2CWelcome,Invite%20Friends&match=Name"
        "&Name=Zo%C3%AB%20%26%20Co%3D1%2C%20Ltd%2B&Ref%23=a%2Fb%3Fc"
    )
    # What a server decodes is exactly what was given.
    assert request.url.params.get("Name") == "Zoë & Co=1, Ltd+"
    assert request.url.params.get("Ref#") == "a/b?c"
    assert request.url.params.get("customevents") == "Send,Welcome,Invite Friends"


def test_query_parameters_left_unset_or_empty_are_not_sent() -> None:
    recorder = Recorder(json_body=IMPORT_JOB)
    client = client_for(recorder)
    run_import_job.sync_detailed(12, 7, client=client)
    run_import_job.sync_detailed(12, 7, client=client, customevents=[], match=["Email"])
    assert [raw_target(request) for request in recorder.requests] == [
        "/Which50API/contactLists/12/import/7/run",
        "/Which50API/contactLists/12/import/7/run?match=Email",
    ]


def test_a_match_value_named_like_a_named_parameter_is_refused_before_sending() -> None:
    recorder = Recorder(json_body=IMPORT_JOB)
    with pytest.raises(ValueError, match="'match'"):
        run_import_job_patch.sync_detailed(
            12,
            7,
            client=client_for(recorder),
            match=["Email"],
            match_values=RunImportJobPatchMatchValues.from_dict({"match": "x"}),
        )
    assert recorder.requests == []


def test_a_batch_is_uploaded_as_a_json_array_of_contacts() -> None:
    recorder = Recorder(json_body=IMPORT_JOB)
    batch = [
        Contact.from_dict({"Values": {"Email": "a@example.com", "Age": 41, "Vip": True}}),
        Contact.from_dict({"Values": {"Email": "b@example.com", "Score": 2.5, "Note": None}}),
    ]
    upload_import_batch.sync_detailed(12, 7, client=client_for(recorder), body=batch)
    request = recorder.only
    assert request.headers["Content-Type"] == "application/json"
    assert json_of(request) == [
        {"Values": {"Email": "a@example.com", "Age": 41, "Vip": True}},
        {"Values": {"Email": "b@example.com", "Score": 2.5, "Note": None}},
    ]


def test_create_import_job_sends_the_field_names() -> None:
    recorder = Recorder(json_body=IMPORT_JOB)
    create_import_job.sync_detailed(
        12,
        client=client_for(recorder),
        body=ImportJobCreateRequest(field_names=["Email", "Mobile"]),
    )
    assert json_of(recorder.only) == {"FieldNames": ["Email", "Mobile"]}


def test_the_async_client_sends_the_same_request_as_the_sync_one() -> None:
    def send_both(recorder: Recorder) -> None:
        client = client_for(recorder)
        arguments: dict[str, Any] = {
            "client": client,
            "customevents": ["A B", "C"],
            "match": ["Email"],
            "match_values": RunImportJobPatchMatchValues.from_dict({"Email": "x@y.z"}),
        }
        run_import_job_patch.sync_detailed(12, 7, **arguments)
        asyncio.run(run_import_job_patch.asyncio_detailed(12, 7, **arguments))

    recorder = Recorder(json_body=IMPORT_JOB)
    send_both(recorder)
    sync_request, async_request = recorder.requests
    assert async_request.method == sync_request.method == "PATCH"
    assert raw_target(async_request) == raw_target(sync_request)
    assert async_request.headers["Authorization"] == sync_request.headers["Authorization"]


def test_the_bearer_token_stays_out_of_the_client_repr() -> None:
    recorder = Recorder()
    client = client_for(recorder)
    client.get_httpx_client()  # puts the Authorization header into the client's headers
    assert TOKEN not in repr(client)
    assert TOKEN not in repr(client.with_headers({"X-Trace": "1"}))


def test_a_documented_error_status_is_parsed_into_the_error_model() -> None:
    recorder = Recorder(status=404, json_body={"Message": "The specified Contact was not found."})
    response = get_contact.sync_detailed("nope", client=client_for(recorder))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.parsed is not None
    assert response.parsed.to_dict() == {"Message": "The specified Contact was not found."}


def test_request_kwargs_carry_the_query_in_the_url_and_no_httpx_params() -> None:
    # The overlay sends what _get_kwargs() returns through its own httpx client: the query string
    # must be part of "url", since httpx would percent-encode the joining commas in "params".
    kwargs = patch_contacts._get_kwargs(
        12,
        body=contact({"Mobile": "1"}),
        customevents=["A", "B"],
        match_values=PatchContactsMatchValues.from_dict({"Email": "x@y.z"}),
    )
    assert set(kwargs) == {"method", "url", "json", "headers"}
    assert kwargs["url"] == "/contactLists/12/contact?customevents=A,B&Email=x%40y.z"
