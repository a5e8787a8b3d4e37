"""Typed use of the clients, and how to test code that uses them without a server.

`nox -s examples` checks this file with mypy --strict (the `assert_type` lines pin what each
method returns) and runs it: the clients accept any httpx transport, here an `httpx.MockTransport`
that answers like the W50API would, so application code can be unit-tested offline.
"""

from __future__ import annotations

import json
from typing import assert_type

import httpx
from contactimport import CheckMarket, EnvelopeAPIResponse
from contactimport.errors import ConflictError
from contactimport.generated.checkmarket_client.models import ImportConfig, ImportConfigListPayload
from contactimport.generated.which50_client.models import Contact, ContactsList, ImportJob
from contactimport.querystring import CustomEvents, MatchOn
from contactimport.transport import RetryPolicy
from contactimport.which50 import Which50, contact

JOB = {
    "Id": 7,
    "ContactListId": 1,
    "InvalidEmailCount": 0,
    "InvalidSmsCount": 0,
    "ProgressPercent": 0,
    "CurrentStatus": "Running",
    "StartDate": "2026-11-25T10:00:00.0000000+00:00",
    "FinishDate": None,
    "InsertedContacts": 0,
    "UpdatedContacts": 0,
    "DroppedContacts": 0,
    "NotUpdatedContacts": 0,
    "TotalContacts": 2,
}


def fake_w50(request: httpx.Request) -> httpx.Response:
    """Answers like the W50API: a list, a job that runs once, an upserted contact."""
    if request.url.path.endswith("/contactLists"):
        return httpx.Response(200, json=[{"Id": 1, "Name": "Customers", "Count": 2}])
    if request.url.path.endswith("/run"):
        if request.url.params.get("customevents") == "Welcome":
            return httpx.Response(200, json=JOB)
        return httpx.Response(409, json={"Message": "The import job is already running."})
    body = json.loads(request.content)
    return httpx.Response(200, json={**body, "EncContactId": "abc", "ListId": 1})


def import_and_report(w50: Which50) -> str:
    """Application code under test: runs a job, tells what happened."""
    lists = w50.list_contact_lists()
    assert_type(lists, list[ContactsList])
    job = w50.run_import_job(1, 7, match=MatchOn("Email"), custom_events=CustomEvents("Welcome"))
    assert_type(job, ImportJob)
    try:
        w50.run_import_job(1, 7)
    except ConflictError as error:
        assert_type(error.status_code, int)
        return f"{lists[0].name}: job {job.id} {job.current_status}; again: {error.message}"
    return "unexpected"


def main() -> None:
    policy = RetryPolicy(max_retries=1, initial_backoff=0.01)
    with Which50(
        "test-token",
        base_url="https://w50.test/Which50API",
        transport=httpx.MockTransport(fake_w50),
        retry_policy=policy,
    ) as w50:
        print(import_and_report(w50))
        saved = w50.upsert_contact(1, contact({"Email": "a@example.com"}), match=["Email"])
        assert_type(saved, Contact)
        print("saved", saved.enc_contact_id)

    def fake_cm(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"Meta": {"Status": 200}, "Data": []})

    with CheckMarket("m", "k", region="eu", transport=httpx.MockTransport(fake_cm)) as cm:
        configs = cm.list_import_configs()  # the Payload's Data
        assert_type(configs, list[ImportConfig])
        raw = cm.with_options(timeout=5.0).with_raw_response.list_import_configs()
        assert_type(raw, EnvelopeAPIResponse[list[ImportConfig], ImportConfigListPayload])
        print("configs:", len(configs), "at", cm.base_url, "status", raw.payload().meta.status)


if __name__ == "__main__":
    main()
