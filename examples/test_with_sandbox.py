"""Testing your own import code against the contactimport sandbox
(docs/guides/testing-with-the-sandbox.md).

Copy this file into your tests. With ``pip install 'contactimport[sandbox]'`` it runs with plain
``pytest``: the sandbox's pytest plugin starts one sandbox for the session, resets it before each
test, and hands out ready clients (``which50``, ``checkmarket``, ``async_which50``,
``async_checkmarket``) and the sandbox itself (``contactimport_sandbox``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pytest
from contactimport import (
    AsyncWhich50,
    CheckMarket,
    ServerError,
    Which50,
    begin_bulk_import,
    contact,
)
from contactimport_sandbox import SandboxHandle


# -- the code under test: yours -------------------------------------------------------------------
def sync_newsletter(client: Which50, list_id: int, people: Iterable[Mapping[str, str]]) -> int:
    """Insert or update people in a W50 list by e-mail, firing a Welcome event; the job's id."""
    job = client.create_import_job(list_id, ["Email", "FirstName"])
    client.upload_import_batch(list_id, job.id, [contact(person) for person in people])
    return client.run_import_job(list_id, job.id, match=["Email"], custom_events=["Welcome"]).id


def newsletter_size(client: Which50, list_id: int) -> int | None:
    """How many contacts a list holds; None while the service is unavailable."""
    try:
        lists = client.list_contact_lists()
    except ServerError:
        return None
    return next(item.count for item in lists if item.id == list_id)


# -- the tests -----------------------------------------------------------------------------------
def test_known_people_are_updated_new_ones_inserted_and_all_welcomed(
    contactimport_sandbox: SandboxHandle, which50: Which50
) -> None:
    # Given: a list of our own, with one contact in it.
    list_id = contactimport_sandbox.add_contact_list("Newsletter", ["Email", "FirstName"])
    contactimport_sandbox.add_contacts(list_id, [{"Email": "ann@example.com", "FirstName": "A."}])
    # The clock stands still: the import job moves only when the test says so.
    contactimport_sandbox.use_manual_clock()

    job_id = sync_newsletter(
        which50,
        list_id,
        [
            {"Email": "ann@example.com", "FirstName": "Ann"},
            {"Email": "bob@example.com", "FirstName": "Bob"},
        ],
    )

    assert which50.get_import_job(list_id, job_id).current_status == "Running"
    contactimport_sandbox.advance(1)  # one second: one background step, no sleeping
    job = which50.get_import_job(list_id, job_id)
    assert (job.current_status, job.inserted_contacts, job.updated_contacts) == ("Finished", 1, 1)
    assert contactimport_sandbox.contacts(list_id) == [
        {"Email": "ann@example.com", "FirstName": "Ann"},
        {"Email": "bob@example.com", "FirstName": "Bob"},
    ]
    fired = [(event["Event"], event["Action"]) for event in contactimport_sandbox.custom_events()]
    assert sorted(fired) == [("Welcome", "inserted"), ("Welcome", "updated")]


def test_an_unavailable_service_is_reported_as_unknown(
    contactimport_sandbox: SandboxHandle,
) -> None:
    contactimport_sandbox.inject_fault("listContactLists", error_rate=1.0, error_statuses=[503])
    # A client of our own, without retries (the fixture's client retries as it would in
    # production).
    with Which50(
        token=contactimport_sandbox.which50_token,
        base_url=contactimport_sandbox.which50_url,
        max_retries=0,
    ) as client:
        assert newsletter_size(client, 1) is None
        contactimport_sandbox.clear_faults()
        assert newsletter_size(client, 1) == 0


def test_a_checkmarket_bulk_import_reports_its_result_codes(
    contactimport_sandbox: SandboxHandle, checkmarket: CheckMarket
) -> None:
    config_id = contactimport_sandbox.add_import_config(
        {"Name": "Panel", "DefaultLanguageCode": "en", "EmailIsRequired": True}
    )
    contacts = [{"Email": "cat@example.com", "LangCode": "nl"}, {"FirstName": "No e-mail"}]

    outcome = begin_bulk_import(
        checkmarket, contacts, import_config_id=config_id, poll_interval=0.05
    ).result(timeout=30)

    assert {result.code: result.count for result in outcome.results} == {
        "R0301": 1,  # created
        "R0307": 1,  # no e-mail address
    }
    assert [c["Email"] for c in contactimport_sandbox.checkmarket_contacts()] == ["cat@example.com"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_the_async_client_sees_seeded_contacts(
    contactimport_sandbox: SandboxHandle, async_which50: AsyncWhich50
) -> None:
    contactimport_sandbox.add_contacts(1, [{"Email": "dee@example.com"}])
    lists = await async_which50.list_contact_lists()
    assert (lists[0].name, lists[0].count) == ("Customers", 1)
