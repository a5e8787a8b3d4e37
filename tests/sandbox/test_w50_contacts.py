"""W50 single-contact operations: insert, match semantics on POST/PUT/PATCH, custom events,
validation warnings and opaque encrypted ids (spec: upsertContact, upsertContactPut,
patchContacts, getContact; info.x-assumptions match-semantics, patch-contact-response)."""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

import httpx
import pytest

from .conftest import (
    ADMIN,
    CUSTOMERS,
    NEWSLETTER,
    W50,
    W50_AUTH,
    check,
    import_contacts,
    inserted,
    list_count,
    upsert,
    w50_error,
)
from .test_list_contacts_endpoint import all_pages

pytestmark = pytest.mark.anyio


async def events(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    response = await client.get("/_sandbox/which50/custom-events", headers=W50_AUTH)
    assert response.status_code == 200
    result: list[dict[str, Any]] = response.json()["Events"]
    return result


async def test_post_without_match_always_inserts(client: httpx.AsyncClient) -> None:
    first = check("which50", "upsertContact", await upsert(client, {"Email": "a@example.com"}))
    second = check("which50", "upsertContact", await upsert(client, {"Email": "a@example.com"}))
    assert first["EncContactId"] != second["EncContactId"]
    assert first["ListId"] == CUSTOMERS
    assert first["Values"] == inserted({"Email": "a@example.com"})
    assert "Id" not in first  # the numeric id is XML-only
    assert await list_count(client) == 2


async def test_inserted_contact_is_readable_by_its_encrypted_id(client: httpx.AsyncClient) -> None:
    values = {"Email": "b@example.com", "ReferanceAccountId": 7, "FirstName": "Bea"}
    inserted = check("which50", "upsertContact", await upsert(client, values))
    response = await client.get(f"{W50}/contacts/{inserted['EncContactId']}", headers=W50_AUTH)
    assert check("which50", "getContact", response) == inserted


async def test_encrypted_ids_are_opaque_url_safe_and_not_sequential(
    client: httpx.AsyncClient,
) -> None:
    ids = []
    for n in range(5):
        body = check("which50", "upsertContact", await upsert(client, {"FirstName": f"n{n}"}))
        ids.append(body["EncContactId"])
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{20,}", enc) for enc in ids)
    assert len(set(ids)) == 5
    assert not any(str(n + 1) == enc for n, enc in enumerate(ids))
    # No common prefix that would betray a counter.
    assert len({enc[:4] for enc in ids}) == 5


async def test_encrypted_ids_differ_between_databases() -> None:
    from contactimport_sandbox import create_app

    seen = []
    for _ in range(2):
        app = create_app()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://s") as http:
            body = (await upsert(http, {"FirstName": "x"})).json()
            seen.append(body["EncContactId"])
        app.state.sandbox.close()
    assert seen[0] != seen[1]


async def test_unknown_encrypted_id_is_not_found(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{W50}/contacts/not-a-real-id", headers=W50_AUTH)
    assert w50_error("getContact", response, 404) == "The specified Contact was not found."


async def test_post_with_match_updates_the_matching_contact(client: httpx.AsyncClient) -> None:
    original = check(
        "which50", "upsertContact", await upsert(client, {"Email": "c@example.com", "Mobile": None})
    )
    response = await upsert(
        client, {"Email": "c@example.com", "Mobile": "+353871234567"}, "?match=Email"
    )
    updated = check("which50", "upsertContact", response)
    assert updated["EncContactId"] == original["EncContactId"]
    assert updated["Values"] == inserted({"Email": "c@example.com", "Mobile": "+353871234567"})
    assert await list_count(client) == 1


async def test_put_with_match_and_no_matching_contact_inserts(client: httpx.AsyncClient) -> None:
    await upsert(client, {"Email": "d@example.com"})
    response = await upsert(client, {"Email": "e@example.com"}, "?match=Email", method="PUT")
    body = check("which50", "upsertContactPut", response)
    assert body["Values"] == inserted({"Email": "e@example.com"})
    assert await list_count(client) == 2


async def test_match_on_several_properties_needs_all_to_match(client: httpx.AsyncClient) -> None:
    await upsert(client, {"Email": "f@example.com", "ReferanceAccountId": 1})
    await upsert(client, {"Email": "f@example.com", "ReferanceAccountId": 2})
    response = await upsert(
        client,
        {"Email": "f@example.com", "ReferanceAccountId": 2, "FirstName": "Two"},
        "?match=ReferanceAccountId,Email",
    )
    body = check("which50", "upsertContact", response)
    assert body["Values"]["ReferanceAccountId"] == 2
    assert body["Values"]["FirstName"] == "Two"
    stored, _ = await all_pages(client, CUSTOMERS)
    assert [c["Values"] for c in stored] == [  # the same Email alone did not match
        inserted({"Email": "f@example.com", "ReferanceAccountId": 1}),
        inserted({"Email": "f@example.com", "ReferanceAccountId": 2, "FirstName": "Two"}),
    ]


async def test_match_on_several_contacts_updates_all_and_answers_the_first(
    client: httpx.AsyncClient,
) -> None:
    created = []
    for name in ("one", "two", "three"):
        response = await upsert(client, {"ReferanceAccountId": 42, "FirstName": name})
        created.append(response.json()["EncContactId"])
    response = await upsert(
        client, {"ReferanceAccountId": 42, "Segment": "Gold"}, "?match=ReferanceAccountId"
    )
    body = check("which50", "upsertContact", response)
    assert body["EncContactId"] == created[0]
    for enc in created:
        stored = (await client.get(f"{W50}/contacts/{enc}", headers=W50_AUTH)).json()
        assert stored["Values"]["Segment"] == "Gold"
    assert await list_count(client) == 3


async def test_query_text_matches_numbers_in_values(client: httpx.AsyncClient) -> None:
    await upsert(client, {"ReferanceAccountId": 123456, "Email": "g@example.com"})
    response = await upsert(
        client,
        {"Mobile": "+353871234567"},
        "?match=ReferanceAccountId,Email&ReferanceAccountId=123456&Email=g@example.com",
        method="PATCH",
    )
    body = check("which50", "patchContacts", response)
    assert body["Values"] == inserted(
        {"ReferanceAccountId": 123456, "Email": "g@example.com", "Mobile": "+353871234567"}
    )
    assert response.headers["X-Updated-Count"] == "1"


async def test_patch_updates_every_match_and_counts_them(client: httpx.AsyncClient) -> None:
    for name in ("a", "b", "c"):
        await upsert(client, {"Segment": "Legacy", "FirstName": name})
    await upsert(client, {"Segment": "Standard", "FirstName": "d"})
    response = await upsert(
        client, {"Segment": "Gold"}, "?match=Segment&Segment=Legacy", method="PATCH"
    )
    check("which50", "patchContacts", response)
    assert response.headers["X-Updated-Count"] == "3"
    lists = await client.get(f"{W50}/contactLists", headers=W50_AUTH)
    assert next(x for x in lists.json() if x["Id"] == CUSTOMERS)["Count"] == 4


async def test_patch_counts_every_matched_contact_even_one_already_holding_the_values(
    client: httpx.AsyncClient,
) -> None:
    # X-Updated-Count counts matched contacts (components/headers/X-Updated-Count).
    await upsert(client, {"Segment": "Legacy", "FirstName": "same"})
    await upsert(client, {"Segment": "Legacy", "FirstName": "other"})
    response = await upsert(
        client, {"FirstName": "same"}, "?match=Segment&Segment=Legacy", method="PATCH"
    )
    body = check("which50", "patchContacts", response)
    assert body["Values"] == {"Segment": "Legacy", "FirstName": "same"}  # the first match
    assert response.headers["X-Updated-Count"] == "2"  # one of them changed nothing


async def test_patch_never_inserts_and_answers_404_when_nothing_matches(
    client: httpx.AsyncClient,
) -> None:
    response = await upsert(
        client, {"FirstName": "x"}, "?match=Email&Email=no@example.com", "PATCH"
    )
    assert w50_error("patchContacts", response, 404) == "No contact matches the given values."
    assert await list_count(client) == 0


@pytest.mark.parametrize(
    ("query", "method", "values", "named"),
    [
        ("?match=Emial", "POST", {"Email": "x@example.com"}, "Emial"),
        ("", "POST", {"Emial": "x@example.com"}, "Emial"),
        ("?match=Mobile", "PUT", {"Email": "x@example.com"}, "Mobile"),
        ("?match=Email", "PATCH", {"FirstName": "x"}, "Email"),
        ("", "PATCH", {"FirstName": "x"}, "match"),
    ],
)
async def test_invalid_parameters_answer_417_naming_them(
    client: httpx.AsyncClient, query: str, method: str, values: dict[str, Any], named: str
) -> None:
    operation_id = {"POST": "upsertContact", "PUT": "upsertContactPut", "PATCH": "patchContacts"}
    response = await upsert(client, values, query, method)
    assert named in w50_error(operation_id[method], response, 417)
    assert await list_count(client) == 0


async def test_unknown_contact_list_is_404(client: httpx.AsyncClient) -> None:
    response = await upsert(client, {"Email": "x@example.com"}, list_id=999)
    message = w50_error("upsertContact", response, 404)
    assert message == "The specified Contactlist was not found - could not create contact."


async def test_custom_events_are_recorded_for_inserted_and_updated_contacts(
    client: httpx.AsyncClient,
) -> None:
    inserted = (
        await upsert(client, {"Email": "h@example.com"}, "?customevents=Welcome,Invite")
    ).json()
    await upsert(
        client, {"Email": "h@example.com", "FirstName": "H"}, "?match=Email&customevents=Changed"
    )
    # Unchanged: no event.
    await upsert(
        client, {"Email": "h@example.com", "FirstName": "H"}, "?match=Email&customevents=Changed"
    )
    log = await events(client)
    assert [(e["Event"], e["Action"]) for e in log] == [
        ("Welcome", "inserted"),
        ("Invite", "inserted"),
        ("Changed", "updated"),
    ]
    assert {e["EncContactId"] for e in log} == {inserted["EncContactId"]}
    later = await client.get(
        f"/_sandbox/which50/custom-events?after={log[1]['Sequence']}", headers=W50_AUTH
    )
    assert [e["Event"] for e in later.json()["Events"]] == ["Changed"]


async def test_invalid_email_and_mobile_are_kept_with_warnings(client: httpx.AsyncClient) -> None:
    response = await upsert(client, {"Email": "not-an-address", "Mobile": "12"})
    body = check("which50", "upsertContact", response)
    assert body["Values"] == inserted({"Email": "not-an-address", "Mobile": "12"})
    assert len(body["ValidationWarnings"]) == 2
    assert any("Email" in w for w in body["ValidationWarnings"])
    assert any("Mobile" in w for w in body["ValidationWarnings"])
    fixed = await upsert(client, {"Email": "ok@example.com", "Mobile": "+32475123456"})
    assert check("which50", "upsertContact", fixed)["ValidationWarnings"] == []


async def test_lists_and_fields_are_readable_as_specified(client: httpx.AsyncClient) -> None:
    lists = check(
        "which50", "listContactLists", await client.get(f"{W50}/contactLists", headers=W50_AUTH)
    )
    assert [(x["Id"], x["Name"]) for x in lists] == [
        (CUSTOMERS, "Customers"),
        (NEWSLETTER, "Newsletter"),
    ]
    fields = check(
        "which50",
        "listContactListFields",
        await client.get(f"{W50}/contactLists/{CUSTOMERS}/fields", headers=W50_AUTH),
    )
    assert [f["Position"] for f in fields] == sorted(f["Position"] for f in fields)
    segment = next(f for f in fields if f["Name"] == "Segment")
    one = check(
        "which50",
        "getContactListField",
        await client.get(
            f"{W50}/contactLists/{CUSTOMERS}/fields/{segment['Id']}", headers=W50_AUTH
        ),
    )
    assert one == segment
    assert [v["Value"] for v in one["ContactSchemaFieldValues"]] == ["Standard", "Gold", "Legacy"]
    missing = await client.get(f"{W50}/contactLists/{CUSTOMERS}/fields/999", headers=W50_AUTH)
    assert w50_error("getContactListField", missing, 404).startswith("The specified Contactlist or")
    no_list = await client.get(f"{W50}/contactLists/999/fields", headers=W50_AUTH)
    assert (
        w50_error("listContactListFields", no_list, 404)
        == "The specified Contactlist was not found."
    )


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("?match=Email,", "is empty"),
        ("?customevents=A,,B", "is empty"),
        ("?customevents=,,", "is empty"),
        ("?customevents=%2CB", "is empty"),
        ("?customevents=A,%20B", "blanks"),
        ("?customevents=A%01", "control character"),
    ],
)
async def test_a_list_item_that_breaks_the_spec_pattern_is_a_400(
    client: httpx.AsyncClient, query: str, problem: str
) -> None:
    # The spec's BadRequest covers malformed parameters (assumption query-list-items); the
    # 417s are for names the service does not know.
    response = await upsert(client, {"Email": "x@example.com"}, query)
    assert problem in w50_error("upsertContact", response, 400)
    assert await list_count(client) == 0


async def test_an_encoded_comma_separates_list_items_like_a_literal_one(
    client: httpx.AsyncClient,
) -> None:
    response = await upsert(client, {"Email": "e@example.com"}, "?customevents=A%2CB")
    check("which50", "upsertContact", response)
    assert [e["Event"] for e in await events(client)] == ["A", "B"]


@pytest.mark.parametrize(
    "name", ["Welcome", "A B", "é", "A,B", " A", "A ", "A\x01", "A\x7f", "\u00a0A", "\x85A", "A\t"]
)
async def test_the_client_and_the_sandbox_refuse_the_same_names(
    client: httpx.AsyncClient, name: str
) -> None:
    from contactimport.errors import InvalidParameterError
    from contactimport.querystring import CustomEvents

    try:
        CustomEvents(name)
        client_accepts = True
    except InvalidParameterError:
        client_accepts = False
    query = "?customevents=" + urllib.parse.quote(name, safe="")
    response = await upsert(client, {"Email": "n@example.com"}, query)
    if "," in name:
        # Split by the sandbox (an encoded comma separates items): each part is judged alone.
        assert not client_accepts and response.status_code == 200
        return
    assert (response.status_code == 200) is client_accepts, (name, response.text)


@pytest.mark.parametrize("accept", ["application/xml", "text/xml"])
async def test_a_refused_run_parameter_answers_in_the_accepted_format(
    client: httpx.AsyncClient, accept: str
) -> None:
    created = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/import", headers=W50_AUTH, json={"FieldNames": ["Email"]}
    )
    job = check("which50", "createImportJob", created)["Id"]
    run = f"{W50}/contactLists/{CUSTOMERS}/import/{job}/run"
    response = await client.patch(
        f"{run}?match=Email&Email=%01&customevents=,%01,", headers={**W50_AUTH, "Accept": accept}
    )
    assert response.headers["content-type"].startswith(accept)
    assert "\\x01" in w50_error("runImportJobPatch", response, 400)


async def test_sandbox_reset_forgets_every_contact_job_and_event(client: httpx.AsyncClient) -> None:
    await upsert(client, {"Email": "r@example.com"}, "?customevents=Welcome")
    assert (await client.post("/_sandbox/reset", headers=ADMIN)).json() == {"reset": True}
    assert await list_count(client) == 0
    assert await events(client) == []
    again = check("which50", "upsertContact", await upsert(client, {"Email": "r@example.com"}))
    assert again["ListId"] == CUSTOMERS


async def test_an_enc_contact_id_from_before_a_reset_names_no_contact_after_it(
    client: httpx.AsyncClient,
) -> None:
    before = check("which50", "upsertContact", await upsert(client, {"Email": "old@example.com"}))
    assert (await client.post("/_sandbox/reset", headers=ADMIN)).json() == {"reset": True}
    after = check("which50", "upsertContact", await upsert(client, {"Email": "new@example.com"}))
    assert after["EncContactId"] != before["EncContactId"]
    stale = await client.get(f"{W50}/contacts/{before['EncContactId']}", headers=W50_AUTH)
    assert w50_error("getContact", stale, 404) == "The specified Contact was not found."


# -- field defaults and fixed values (assumption field-defaults-and-values) ---------------------
async def test_an_inserted_contact_gets_the_default_of_a_field_it_has_no_value_for(
    client: httpx.AsyncClient,
) -> None:
    absent = check("which50", "upsertContact", await upsert(client, {"Email": "a@example.com"}))
    assert absent["Values"] == {"Email": "a@example.com", "Segment": "Standard"}
    null = check(
        "which50",
        "upsertContact",
        await upsert(client, {"Email": "b@example.com", "Segment": None}),
    )
    assert null["Values"] == {"Email": "b@example.com", "Segment": "Standard"}
    given = check(
        "which50", "upsertContact", await upsert(client, {"Email": "c@example.com", "Segment": ""})
    )
    assert given["Values"] == {"Email": "c@example.com", "Segment": ""}  # a value, if empty
    assert absent["ValidationWarnings"] == null["ValidationWarnings"] == []
    # NEWSLETTER's fields have no DefaultValue (empty in the fixtures): nothing is added.
    plain = check(
        "which50",
        "upsertContact",
        await upsert(client, {"Email": "d@example.com"}, list_id=NEWSLETTER),
    )
    assert plain["Values"] == {"Email": "d@example.com"}


async def test_an_updated_contact_keeps_its_values_and_gets_no_default(
    client: httpx.AsyncClient,
) -> None:
    await upsert(client, {"Email": "u@example.com", "Segment": "Gold"})
    response = await upsert(client, {"Email": "u@example.com", "Segment": None}, "?match=Email")
    updated = check("which50", "upsertContact", response)
    assert updated["Values"] == {"Email": "u@example.com", "Segment": None}  # as sent, no default


async def test_a_value_outside_a_fields_fixed_values_is_kept_with_a_warning(
    client: httpx.AsyncClient,
) -> None:
    response = await upsert(client, {"Email": "p@example.com", "Segment": "Platinum"})
    body = check("which50", "upsertContact", response)
    assert body["Values"] == {"Email": "p@example.com", "Segment": "Platinum"}
    assert body["ValidationWarnings"] == [
        "Segment: 'Platinum' is not one of the field's values (Standard, Gold, Legacy)."
    ]
    listed = check("which50", "upsertContact", await upsert(client, {"Segment": "Gold"}))
    assert listed["ValidationWarnings"] == []


async def test_an_import_job_applies_defaults_and_warns_of_values_outside_the_fixed_ones(
    client: httpx.AsyncClient,
) -> None:
    job = await import_contacts(
        client,
        [{"Email": "j1@example.com"}, {"Email": "j2@example.com", "Segment": "gold"}],
        ["Email", "Segment"],
    )
    assert job["CurrentStatus"] == "Finished" and job["InsertedContacts"] == 2
    assert job["InvalidEmailCount"] == job["InvalidSmsCount"] == 0  # no counter counts them
    stored = await client.get(
        f"/_sandbox/which50/contact-lists/{CUSTOMERS}/contacts", headers=W50_AUTH
    )
    contacts = {c["Values"]["Email"]: c for c in stored.json()["Contacts"]}
    assert contacts["j1@example.com"]["Values"]["Segment"] == "Standard"
    assert contacts["j1@example.com"]["ValidationWarnings"] == []
    assert contacts["j2@example.com"]["Values"]["Segment"] == "gold"  # values compare exactly
    assert contacts["j2@example.com"]["ValidationWarnings"] == [
        "Segment: 'gold' is not one of the field's values (Standard, Gold, Legacy)."
    ]
