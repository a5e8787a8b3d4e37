"""The sandbox-only ``GET /_sandbox/which50/contact-lists/{contactListId}/contacts``: a W50 list's
contacts, page by page (the W50API has no operation listing them; tests check contents with it)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import (
    ADMIN,
    CUSTOMERS,
    GLOBEX_LIST,
    NEWSLETTER,
    W50,
    W50_AUTH,
    W50_OTHER,
    W50_READONLY,
    check,
    import_contacts,
    inserted,
    upsert,
)

pytestmark = pytest.mark.anyio


def url(list_id: int | str, query: str = "") -> str:
    return f"/_sandbox/which50/contact-lists/{list_id}/contacts{query}"


async def all_pages(
    client: httpx.AsyncClient, list_id: int, limit: int | None = None
) -> tuple[list[dict[str, Any]], int]:
    """Every contact of the list, following Next; and the number of pages read."""
    contacts: list[dict[str, Any]] = []
    after: int | None = None
    pages = 0
    while True:
        params = {} if limit is None else {"limit": str(limit)}
        if after is not None:
            params["after"] = str(after)
        response = await client.get(url(list_id), params=params, headers=W50_AUTH)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/json")
        page = response.json()
        assert set(page) == {"Contacts", "Next"}
        pages += 1
        contacts += page["Contacts"]
        if page["Next"] is None:
            return contacts, pages
        after = page["Next"]


async def test_a_list_answers_its_contacts_as_get_contact_has_them_in_insertion_order(
    client: httpx.AsyncClient,
) -> None:
    values: list[dict[str, Any]] = [
        {"Email": "zoe@example.com", "FirstName": "Zoë 多", "ReferanceAccountId": 7},
        {"Email": "not-an-address", "FirstName": 'Quote " and \\ backslash', "Segment": None},
        {"Email": "bob@example.com", "Mobile": "353871234567"},
    ]
    inserted = [check("which50", "upsertContact", await upsert(client, v)) for v in values]
    contacts, pages = await all_pages(client, CUSTOMERS)
    assert pages == 1
    assert [c["EncContactId"] for c in contacts] == [c["EncContactId"] for c in inserted]
    for listed, created in zip(contacts, inserted, strict=True):
        response = await client.get(f"{W50}/contacts/{created['EncContactId']}", headers=W50_AUTH)
        stored = check("which50", "getContact", response)
        assert listed == {
            "EncContactId": stored["EncContactId"],
            "Values": stored["Values"],
            "ValidationWarnings": stored["ValidationWarnings"],
        }
    assert contacts[1]["ValidationWarnings"]  # the invalid address is reported, not refused


async def test_an_empty_list_is_one_page_without_next(client: httpx.AsyncClient) -> None:
    response = await client.get(url(CUSTOMERS), headers=W50_AUTH)
    assert response.json() == {"Contacts": [], "Next": None}


async def test_pages_follow_next_until_null_and_hold_each_contact_once(
    client: httpx.AsyncClient,
) -> None:
    for n in range(25):
        check("which50", "upsertContact", await upsert(client, {"Email": f"p{n}@example.com"}))
    check("which50", "upsertContact", await upsert(client, {"Email": "x@example.com"}, list_id=2))
    contacts, pages = await all_pages(client, CUSTOMERS, limit=10)
    assert pages == 3
    assert [c["Values"]["Email"] for c in contacts] == [f"p{n}@example.com" for n in range(25)]
    assert len({c["EncContactId"] for c in contacts}) == 25
    exact, pages = await all_pages(client, CUSTOMERS, limit=25)
    assert (exact, pages) == (contacts, 1)  # a full last page says so: Next is null
    newsletter, _ = await all_pages(client, NEWSLETTER)
    assert [c["Values"] for c in newsletter] == [{"Email": "x@example.com"}]


async def test_twenty_thousand_imported_contacts_come_back_exactly_in_pages_of_ten_thousand(
    client: httpx.AsyncClient,
) -> None:
    total = 20_001
    rows = [{"Email": f"m{n}@example.com", "ReferanceAccountId": n} for n in range(total)]
    for start in range(0, total, 10_000):
        job = await import_contacts(
            client, rows[start : start + 10_000], ["Email", "ReferanceAccountId"]
        )
        assert job["CurrentStatus"] == "Finished"
    contacts, pages = await all_pages(client, CUSTOMERS, limit=10_000)
    assert pages == 3
    assert [c["Values"] for c in contacts] == [inserted(row) for row in rows]
    assert len({c["EncContactId"] for c in contacts}) == total


@pytest.mark.parametrize(
    ("headers", "list_id", "query", "status"),
    [
        ({}, CUSTOMERS, "", 401),
        ({"Authorization": "Bearer not-a-token"}, CUSTOMERS, "", 401),
        (W50_OTHER, CUSTOMERS, "", 404),  # another account's list
        (W50_AUTH, GLOBEX_LIST, "", 404),
        (W50_AUTH, 999, "", 404),
        (W50_AUTH, "one", "", 400),
        (W50_AUTH, CUSTOMERS, "?limit=0", 400),
        (W50_AUTH, CUSTOMERS, "?limit=10001", 400),
        (W50_AUTH, CUSTOMERS, "?after=x", 400),
        (W50_AUTH, CUSTOMERS, "?after=99999999999999999999", 400),  # past SQLite's integers
        (W50_AUTH, CUSTOMERS, "?after=-1", 400),
        (W50_READONLY, CUSTOMERS, "?limit=10000", 200),  # reading needs read permission only
    ],
)
async def test_the_account_token_guards_the_list_and_bad_paging_is_400(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    list_id: int | str,
    query: str,
    status: int,
) -> None:
    check("which50", "upsertContact", await upsert(client, {"Email": "a@example.com"}))
    response = await client.get(url(list_id, query), headers=headers)
    assert response.status_code == status, response.text
    if status == 200:
        assert len(response.json()["Contacts"]) == 1
    else:
        assert response.json()["Message"]
        assert "a@example.com" not in response.text


@pytest.mark.parametrize(
    "query", ["?after=99999999999999999999", "?after=-1", "?limit=0", "?limit=-1", "?limit=10001"]
)
async def test_custom_events_paging_out_of_range_is_400_not_500(
    client: httpx.AsyncClient, query: str
) -> None:
    response = await client.get(f"/_sandbox/which50/custom-events{query}", headers=W50_AUTH)
    assert response.status_code == 400, response.text
    assert response.json()["Message"]


async def test_fault_settings_whose_rules_are_not_a_list_are_400_not_500(
    client: httpx.AsyncClient,
) -> None:
    response = await client.put("/_sandbox/faults", json={"rules": 5}, headers=ADMIN)
    assert response.status_code == 400, response.text
