"""CheckMarket: import configuration CRUD (full replace with defaults from the spec, rename,
reusable listing), bulk imports processed in the background, queue status and ResultCodes
driven by the configuration (spec: ImportConfig, ImportContact, ImportQueueItem descriptions)."""

from __future__ import annotations

import json
import time
from typing import Any

import anyio
import httpx
import pytest
from contactimport_sandbox import SandboxOptions
from contactimport_sandbox.spec import document

from .conftest import CM_AUTH, CM_OTHER, check, cm_error

pytestmark = pytest.mark.anyio

CONFIGS = "/3/contacts/import/configs"


async def create(
    client: httpx.AsyncClient, config: dict[str, Any], headers: dict[str, str] = CM_AUTH
) -> int:
    response = await client.post(CONFIGS, headers=headers, json=config)
    data = check("checkmarket", "createImportConfig", response)["Data"]
    assert data["Succeeded"] is True, data
    return int(data["ImportConfigId"])


async def read(client: httpx.AsyncClient, config_id: int) -> dict[str, Any]:
    response = await client.get(f"{CONFIGS}/{config_id}", headers=CM_AUTH)
    return dict(check("checkmarket", "getImportConfig", response)["Data"])


async def bulk(
    client: httpx.AsyncClient,
    config_id: int,
    contacts: list[dict[str, Any]],
    headers: dict[str, str] = CM_AUTH,
) -> int:
    response = await client.post(f"/3/contacts/import/{config_id}", headers=headers, json=contacts)
    return int(check("checkmarket", "bulkImportContacts", response)["Data"]["QueueItemId"])


async def result(
    client: httpx.AsyncClient, item: int, timeout: float = 10, headers: dict[str, str] = CM_AUTH
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        response = await client.get(f"/3/contacts/import/{item}", headers=headers)
        data: dict[str, Any] = check("checkmarket", "getImportResult", response)["Data"]
        if data["StatusId"] in (3, 4):
            return data
        assert time.monotonic() < deadline
        await anyio.sleep(0.01)


async def codes(
    client: httpx.AsyncClient, config: dict[str, Any], contacts: list[Any]
) -> dict[str, int]:
    config_id = await create(client, {"Name": "codes", "IsReusable": True, **config})
    data = await result(client, await bulk(client, config_id, contacts))
    assert data["StatusId"] == 4
    return {row["ResultCode"]: row["ContactCount"] for row in data["Result"]["ImportResult"]}


def spec_defaults() -> dict[str, Any]:
    props = document("checkmarket")["components"]["schemas"]["ImportConfig"]["properties"]
    return {name: prop["default"] for name, prop in props.items() if "default" in prop}


async def test_create_answers_the_new_id_in_a_payload(client: httpx.AsyncClient) -> None:
    response = await client.post(CONFIGS, headers=CM_AUTH, json={"Name": "first"})
    body = check("checkmarket", "createImportConfig", response)
    assert body["Meta"]["Status"] == 200
    assert body["Meta"]["Timestamp"].endswith("Z")
    assert body["Data"] == {"ImportConfigId": 1, "Succeeded": True}


async def test_absent_members_take_the_spec_defaults(client: httpx.AsyncClient) -> None:
    config = await read(client, await create(client, {"Name": "defaults"}))
    defaults = spec_defaults()
    assert defaults  # the spec declares them
    for name, value in defaults.items():
        assert config[name] == value, name
    assert config["Name"] == "defaults"


async def test_put_with_a_body_replaces_everything(client: httpx.AsyncClient) -> None:
    config_id = await create(
        client,
        {
            "Name": "full",
            "ContactListId": 11,
            "EmailIsRequired": True,
            "UpdateTypeId": 2,
            "DefaultLanguageCode": "nl",
            "SurveySettings": {"SurveyId": 101, "InvitationTime": "09:30:00"},
        },
    )
    response = await client.put(f"{CONFIGS}/{config_id}", headers=CM_AUTH, json={"Name": "bare"})
    assert check("checkmarket", "updateImportConfig", response)["Data"] == {"Succeeded": True}
    config = await read(client, config_id)
    assert config == {"ImportConfigId": config_id, "Name": "bare", **spec_defaults()}


async def test_put_with_name_only_renames(client: httpx.AsyncClient) -> None:
    config_id = await create(client, {"Name": "old", "EmailIsRequired": True})
    response = await client.put(f"{CONFIGS}/{config_id}?name=new", headers=CM_AUTH)
    assert check("checkmarket", "updateImportConfig", response)["Data"]["Succeeded"] is True
    config = await read(client, config_id)
    assert (config["Name"], config["EmailIsRequired"]) == ("new", True)


async def test_put_with_body_and_name_takes_the_name(client: httpx.AsyncClient) -> None:
    config_id = await create(client, {"Name": "old"})
    response = await client.put(
        f"{CONFIGS}/{config_id}?name=winner", headers=CM_AUTH, json={"Name": "loser", "FirstRow": 2}
    )
    check("checkmarket", "updateImportConfig", response)
    config = await read(client, config_id)
    assert (config["Name"], config["FirstRow"]) == ("winner", 2)


async def test_put_with_neither_changes_nothing_and_does_not_succeed(
    client: httpx.AsyncClient,
) -> None:
    config_id = await create(client, {"Name": "same"})
    response = await client.put(f"{CONFIGS}/{config_id}", headers=CM_AUTH)
    data = check("checkmarket", "updateImportConfig", response)["Data"]
    assert data["Succeeded"] is False and data["FailureMessage"]
    assert (await read(client, config_id))["Name"] == "same"


async def test_links_outside_the_account_do_not_succeed(client: httpx.AsyncClient) -> None:
    for config in (
        {"Name": "x", "ContactListId": 21},
        {"Name": "x", "SurveySettings": {"SurveyId": 201}},
    ):
        response = await client.post(CONFIGS, headers=CM_AUTH, json=config)
        data = check("checkmarket", "createImportConfig", response)["Data"]
        assert data["Succeeded"] is False and "does not exist" in data["FailureMessage"]
    listed = check("checkmarket", "listImportConfigs", await client.get(CONFIGS, headers=CM_AUTH))
    assert listed["Data"] == []


async def test_delete_removes_the_configuration(client: httpx.AsyncClient) -> None:
    config_id = await create(client, {"Name": "gone", "IsReusable": True})
    response = await client.delete(f"{CONFIGS}/{config_id}", headers=CM_AUTH)
    assert check("checkmarket", "deleteImportConfig", response)["Data"] == {"Succeeded": True}
    cm_error("getImportConfig", await client.get(f"{CONFIGS}/{config_id}", headers=CM_AUTH), 404)
    cm_error(
        "deleteImportConfig", await client.delete(f"{CONFIGS}/{config_id}", headers=CM_AUTH), 404
    )


async def test_listing_shows_reusable_configurations_in_id_order(client: httpx.AsyncClient) -> None:
    first = await create(client, {"Name": "a", "IsReusable": True})
    await create(client, {"Name": "once"})
    third = await create(client, {"Name": "c", "IsReusable": True})
    body = check("checkmarket", "listImportConfigs", await client.get(CONFIGS, headers=CM_AUTH))
    assert [c["ImportConfigId"] for c in body["Data"]] == [first, third]
    assert body["Meta"]["TotalRowCount"] == 2


async def test_a_non_reusable_configuration_serves_one_import(client: httpx.AsyncClient) -> None:
    config_id = await create(client, {"Name": "once", "DefaultLanguageCode": "en"})
    assert (await read(client, config_id))["Name"] == "once"
    item = await bulk(client, config_id, [{"Email": "o@example.com"}])
    cm_error("getImportConfig", await client.get(f"{CONFIGS}/{config_id}", headers=CM_AUTH), 404)
    response = await client.post(f"/3/contacts/import/{config_id}", headers=CM_AUTH, json=[{}])
    cm_error("bulkImportContacts", response, 404)
    assert (await result(client, item))["Result"]["ImportResult"] == [
        {"ResultCode": "R0301", "ContactCount": 1},
        {"ResultCode": "R0318", "ContactCount": 1},
    ]


async def test_result_is_also_served_at_the_vendors_current_path(client: httpx.AsyncClient) -> None:
    config_id = await create(client, {"Name": "p", "IsReusable": True, "DefaultLanguageCode": "en"})
    item = await bulk(client, config_id, [{"Email": "p@example.com"}])
    await result(client, item)
    response = await client.get(f"/3/contacts/import/{item}", headers=CM_AUTH)
    assert check("checkmarket", "getImportResult", response)["Data"]["QueueItemId"] == item


async def test_unknown_queue_item_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/3/contacts/import/result/999", headers=CM_AUTH)
    cm_error("getImportResult", response, 404)


async def test_creates_then_updates_by_default(client: httpx.AsyncClient) -> None:
    contact = {"Email": "u@example.com", "LangCode": "en", "FirstName": "U"}
    config_id = await create(client, {"Name": "upd", "IsReusable": True})
    first = await result(client, await bulk(client, config_id, [contact]))
    second = await result(client, await bulk(client, config_id, [contact]))
    assert first["Result"]["ImportResult"] == [{"ResultCode": "R0301", "ContactCount": 1}]
    assert second["Result"]["ImportResult"] == [{"ResultCode": "R0300", "ContactCount": 1}]


async def test_update_type_2_always_creates(client: httpx.AsyncClient) -> None:
    contact = {"Email": "v@example.com", "LangCode": "en"}
    assert await codes(client, {"UpdateTypeId": 2}, [contact, contact]) == {"R0301": 2}


async def test_email_required_gives_r0307_and_invalid_email_r0308(
    client: httpx.AsyncClient,
) -> None:
    contacts = [
        {"LangCode": "en"},
        {"Email": " ", "LangCode": "en"},
        {"Email": "broken@", "LangCode": "en"},
        {"Email": "fine@example.com", "LangCode": "en"},
    ]
    assert await codes(client, {"EmailIsRequired": True}, contacts) == {
        "R0307": 2,
        "R0308": 1,
        "R0301": 1,
    }
    assert await codes(client, {}, contacts[:1]) == {"R0301": 1}


async def test_duplicates_in_the_file_follow_the_unique_within_file_flag(
    client: httpx.AsyncClient,
) -> None:
    contacts = [
        {"Email": "Dup@example.com", "LangCode": "en"},
        {"Email": "dup@example.com", "LangCode": "en"},
    ]
    assert await codes(
        client, {"EmailMustBeUniqueWithinFile": True, "UpdateTypeId": 2}, contacts
    ) == {
        "R0301": 1,
        "R0315": 1,
    }


async def test_duplicates_in_contacts_follow_the_unique_within_account_flag(
    client: httpx.AsyncClient,
) -> None:
    contact = {"Email": "acct@example.com", "LangCode": "en"}
    assert await codes(client, {"UpdateTypeId": 2}, [contact]) == {"R0301": 1}
    config = {"UpdateTypeId": 2, "EmailMustBeUniqueWithinAccount": True}
    assert await codes(client, config, [contact]) == {"R0316": 1}
    # With updates allowed, the account-wide address updates the existing contact instead.
    assert await codes(client, {"EmailMustBeUniqueWithinAccount": True}, [contact]) == {"R0300": 1}


async def test_language_code_rules(client: httpx.AsyncClient) -> None:
    contacts = [
        {"Email": "l1@example.com"},
        {"Email": "l2@example.com", "LangCode": ""},
        {"Email": "l3@example.com", "LangCode": "klingon"},
        {"Email": "l4@example.com", "LangCode": "NL"},
    ]
    assert await codes(client, {}, contacts) == {"R0305": 2, "R0306": 1, "R0301": 1}
    # l4 exists since the first import (same scope: no list, no survey), so it is updated.
    assert await codes(client, {"DefaultLanguageCode": "fr"}, contacts) == {
        "R0318": 2,
        "R0306": 1,
        "R0301": 2,
        "R0300": 1,
    }


async def test_phone_country_state_and_birth_date_rules(client: httpx.AsyncClient) -> None:
    base = {"LangCode": "en"}
    contacts = [
        {**base, "Email": "p1@example.com", "Phone": "0475 12 34 56"},
        {**base, "Email": "p2@example.com", "Phone": "+32 475 12 34 56"},
        {**base, "Email": "p3@example.com", "CountryCode": "XX"},
        {**base, "Email": "p4@example.com", "CountryCode": "US", "StateCode": "ZZ"},
        {**base, "Email": "p5@example.com", "CountryCode": "US", "StateCode": "NY"},
        {**base, "Email": "p6@example.com", "DateOfBirth": "31/12/1990"},
        {**base, "Email": "p7@example.com", "DateOfBirth": "1990-12-31"},
    ]
    assert await codes(client, {}, contacts) == {
        "R0322": 1,
        "R0303": 1,
        "R0304": 1,
        "R0302": 1,
        "R0301": 3,
    }
    assert await codes(client, {"DateFormat": "dd/MM/yyyy"}, contacts[5:]) == {
        "R0301": 1,
        "R0302": 1,
    }


async def test_result_codes_are_spec_result_codes(client: httpx.AsyncClient) -> None:
    known = {
        item["code"]
        for item in document("checkmarket")["components"]["schemas"]["ResultCode"]["x-result-codes"]
    }
    seen = await codes(
        client,
        {"EmailIsRequired": True, "EmailMustBeUniqueWithinFile": True},
        [
            {},
            {"Email": "x"},
            {"Email": "a@example.com"},
            {"Email": "a@example.com", "LangCode": "en"},
        ],
    )
    assert set(seen) <= known


@pytest.fixture
def options() -> SandboxOptions:
    """For every test of this module: a pause between background steps, to see the queue."""
    return SandboxOptions(step_delay=0.05)


async def test_bulk_import_is_queued_then_processed_in_the_background(
    client: httpx.AsyncClient,
) -> None:
    config_id = await create(client, {"Name": "bg", "IsReusable": True})
    item = await bulk(client, config_id, [{"Email": "bg@example.com", "LangCode": "en"}])
    first = await client.get(f"/3/contacts/import/result/{item}", headers=CM_AUTH)
    data = check("checkmarket", "getImportResult", first)["Data"]
    assert data["StatusId"] in (1, 2)
    assert "Result" not in data
    final = await result(client, item)
    assert final["StatusId"] == 4


async def test_stored_configurations_keep_only_spec_members_in_spec_order(
    client: httpx.AsyncClient,
) -> None:
    config_id = await create(client, {"UpdateTypeId": 2, "Name": "order", "Bogus": 1})
    config = await read(client, config_id)
    members = list(document("checkmarket")["components"]["schemas"]["ImportConfig"]["properties"])
    assert "Bogus" not in config
    assert list(config) == [name for name in members if name in config]


async def test_unique_within_account_looks_only_in_the_importing_account(
    client: httpx.AsyncClient, app: Any
) -> None:
    """EmailMustBeUniqueWithinAccount is one account's rule: another account holding the same
    address neither makes it a duplicate nor gets its contact updated by this import."""
    theirs = {"Email": "shared@example.com", "LangCode": "en", "FirstName": "Globex"}
    globex_config = await create(client, {"Name": "globex"}, CM_OTHER)
    item = await bulk(client, globex_config, [theirs], CM_OTHER)
    assert (await result(client, item, headers=CM_OTHER))["Result"]["ImportResult"] == [
        {"ResultCode": "R0301", "ContactCount": 1}
    ]
    ours = {"Email": "shared@example.com", "LangCode": "en", "FirstName": "Acme"}
    # Always create: globex's contact is no duplicate in acme's account.
    unique = {"UpdateTypeId": 2, "EmailMustBeUniqueWithinAccount": True}
    assert await codes(client, unique, [ours]) == {"R0301": 1}
    # Create or update: acme's own contact is the one updated, globex's is left alone.
    updated = {**ours, "FirstName": "Acme again"}
    assert await codes(client, {"EmailMustBeUniqueWithinAccount": True}, [updated]) == {"R0300": 1}
    with app.state.sandbox.store.read() as conn:
        rows = conn.execute(
            "SELECT account_id, values_json FROM cm_contacts WHERE email = ? ORDER BY id",
            ("shared@example.com",),
        ).fetchall()
    assert [(account, json.loads(values)) for account, values in rows] == [
        ("globex", theirs),
        ("acme", updated),
    ]


async def test_without_account_uniqueness_an_address_is_updated_only_in_the_same_list_and_survey(
    client: httpx.AsyncClient,
) -> None:
    """Create-or-update finds an existing contact in the import's own contact list and survey
    only: the same address in another list (or in no list) is another contact."""
    contact = {"Email": "scoped@example.com", "LangCode": "en"}
    in_list_11 = {"ContactListId": 11, "SurveySettings": {"SurveyId": 101}}
    in_list_12 = {"ContactListId": 12, "SurveySettings": {"SurveyId": 101}}
    assert await codes(client, in_list_11, [contact]) == {"R0301": 1}
    assert await codes(client, in_list_12, [contact]) == {"R0301": 1}
    assert await codes(client, {}, [contact]) == {"R0301": 1}
    assert await codes(client, in_list_12, [contact]) == {"R0300": 1}
    # Unique within the group refuses a second contact in the same list and survey only.
    group = {"UpdateTypeId": 2, "EmailMustBeUniqueWithinGroup": True}
    assert await codes(client, {**in_list_11, **group}, [contact]) == {"R0316": 1}
    in_survey_102 = {"ContactListId": 11, "SurveySettings": {"SurveyId": 102}}
    assert await codes(client, {**in_survey_102, **group}, [contact]) == {"R0301": 1}


async def test_result_is_served_at_the_deprecated_alias_too(client: httpx.AsyncClient) -> None:
    config_id = await create(client, {"Name": "q", "IsReusable": True, "DefaultLanguageCode": "en"})
    item = await bulk(client, config_id, [{"Email": "q@example.com"}])
    current = await client.get(f"/3/contacts/import/{item}", headers=CM_AUTH)
    legacy = await client.get(f"/3/contacts/import/result/{item}", headers=CM_AUTH)
    assert check("checkmarket", "getImportResultLegacy", legacy)["Data"]["QueueItemId"] == item
    assert check("checkmarket", "getImportResult", current)["Data"]["QueueItemId"] == item
