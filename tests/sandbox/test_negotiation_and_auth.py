"""Content negotiation (JSON, text/json, XML, text/xml; 406; 415), bad input (400/417 with the
field named, never a 500), authentication (401/403) and account isolation (404 as if absent)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from contactimport_sandbox import SandboxOptions
from contactimport_sandbox.spec import RequestLimits

from .conftest import (
    ADMIN,
    CM_AUTH,
    CM_OTHER,
    CM_READONLY,
    CUSTOMERS,
    GLOBEX_LIST,
    W50,
    W50_AUTH,
    W50_OTHER,
    W50_READONLY,
    check,
    cm_error,
    inserted,
    upsert,
    w50_error,
)

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("media", ["application/json", "text/json", "application/xml", "text/xml"])
async def test_every_offered_media_type_is_served(client: httpx.AsyncClient, media: str) -> None:
    response = await client.get(f"{W50}/contactLists", headers={**W50_AUTH, "Accept": media})
    assert response.headers["content-type"].startswith(media)
    lists = check("which50", "listContactLists", response)
    assert [item["Id"] for item in lists] == [1, 2]
    cm = await client.get("/3/contacts/import/configs", headers={**CM_AUTH, "Accept": media})
    assert cm.headers["content-type"].startswith(media)
    assert check("checkmarket", "listImportConfigs", cm)["Data"] == []


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("*/*", "application/json"),
        ("application/*", "application/json"),
        ("text/*", "text/json"),
        ("text/html, application/xml;q=0.9", "application/xml"),
        ("application/json;q=0.5, text/xml", "text/xml"),
    ],
)
async def test_accept_ranges_and_qualities_are_honoured(
    client: httpx.AsyncClient, accept: str, expected: str
) -> None:
    response = await client.get(f"{W50}/contactLists", headers={**W50_AUTH, "Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(expected)


async def test_unservable_accept_is_406(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{W50}/contactLists", headers={**W50_AUTH, "Accept": "text/html"})
    assert "text/html" in w50_error("listContactLists", response, 406)
    response = await client.get(
        "/3/contacts/import/configs", headers={**CM_AUTH, "Accept": "image/png"}
    )
    cm_error("listImportConfigs", response, 406)


@pytest.mark.parametrize("media", ["text/plain", "application/x-www-form-urlencoded"])
async def test_unsupported_body_type_is_415(client: httpx.AsyncClient, media: str) -> None:
    response = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/contact",
        headers={**W50_AUTH, "Content-Type": media},
        content=b'{"Values": {}}',
    )
    assert media in w50_error("upsertContact", response, 415)
    response = await client.post(
        "/3/contacts/import/configs",
        headers={**CM_AUTH, "Content-Type": media},
        content=b'{"Name": "x"}',
    )
    cm_error("createImportConfig", response, 415)


async def test_xml_bodies_are_read_and_answered_in_xml(client: httpx.AsyncClient) -> None:
    from contactimport.datacontract import DataContractCodec

    codec = DataContractCodec.for_api("which50")
    body = codec.encode(
        "Contact", {"Values": {"Email": "xml@example.com", "ReferanceAccountId": 9}}
    )
    response = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/contact",
        headers={**W50_AUTH, "Content-Type": "application/xml", "Accept": "text/xml"},
        content=body,
    )
    contact = check("which50", "upsertContact", response)
    assert contact["Values"] == inserted({"Email": "xml@example.com", "ReferanceAccountId": 9})
    assert isinstance(contact["Id"], int)  # XML carries the numeric id


async def test_text_json_bodies_are_read(client: httpx.AsyncClient) -> None:
    response = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/contact",
        headers={**W50_AUTH, "Content-Type": "text/json; charset=utf-8"},
        content=b'{"Values": {"Email": "tj@example.com"}}',
    )
    answer = check("which50", "upsertContact", response)
    assert answer["Values"] == inserted({"Email": "tj@example.com"})


@pytest.mark.parametrize(
    ("content", "media", "named"),
    [
        (b'{"Values": ', "application/json", "JSON"),
        (b"<Contact><Values>", "application/xml", "XML"),
        (b'{"Values": {"Email": {"nested": 1}}}', "application/json", "Values.Email"),
        (b'{"Values": []}', "application/json", "Values"),
        (b'{"ListId": "one", "Values": {}}', "application/json", "ListId"),
        (b"[1, 2]", "application/json", "$"),
        (b"", "application/json", "body"),
    ],
)
async def test_malformed_or_schema_violating_bodies_are_400_naming_the_problem(
    client: httpx.AsyncClient, content: bytes, media: str, named: str
) -> None:
    response = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/contact",
        headers={**W50_AUTH, "Content-Type": media},
        content=content,
    )
    assert named in w50_error("upsertContact", response, 400)


async def test_bad_path_parameters_are_400_not_500(client: httpx.AsyncClient) -> None:
    for path in ("/contactLists/abc/fields", f"/contactLists/{2**40}/fields"):
        response = await client.get(W50 + path, headers=W50_AUTH)
        assert "contactListId" in w50_error("listContactListFields", response, 400)
    response = await client.get("/3/contacts/import/configs/x", headers=CM_AUTH)
    assert "importConfigId" in cm_error("getImportConfig", response, 400)["ErrorMessage"]


async def test_checkmarket_schema_violations_name_the_field(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/3/contacts/import/configs", headers=CM_AUTH, json={"Name": "x" * 51}
    )
    assert "Name" in cm_error("createImportConfig", response, 400)["ErrorMessage"]
    response = await client.post(
        "/3/contacts/import/configs",
        headers=CM_AUTH,
        json={"Name": "n", "SurveySettings": {"SurveyId": 101, "InvitationTime": "soon"}},
    )
    message = cm_error("createImportConfig", response, 400)["ErrorMessage"]
    assert "SurveySettings.InvitationTime" in message


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic dzUwLWFjbWUtZnVsbA=="}],
)
async def test_w50_without_valid_credentials_is_401(
    client: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    response = await client.get(f"{W50}/contactLists", headers=headers)
    w50_error("listContactLists", response, 401)


async def test_w50_read_only_token_cannot_write(client: httpx.AsyncClient) -> None:
    assert (await client.get(f"{W50}/contactLists", headers=W50_READONLY)).status_code == 200
    response = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/contact", headers=W50_READONLY, json={"Values": {}}
    )
    w50_error("upsertContact", response, 403)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Master-Key": "cm-acme-master"},
        {"X-Key": "cm-acme-contacts-write"},
        {"X-Master-Key": "cm-globex-master", "X-Key": "cm-acme-contacts-write"},
    ],
)
async def test_checkmarket_needs_both_matching_keys(
    client: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    response = await client.get("/3/contacts/import/configs", headers=headers)
    assert isinstance(cm_error("listImportConfigs", response, 401), str)


async def test_checkmarket_key_without_the_role_is_403(client: httpx.AsyncClient) -> None:
    assert (await client.get("/3/contacts/import/configs", headers=CM_READONLY)).status_code == 200
    response = await client.post(
        "/3/contacts/import/configs", headers=CM_READONLY, json={"Name": "n"}
    )
    assert "Contacts (write)" in cm_error("createImportConfig", response, 403)["ErrorMessage"]


async def test_one_w50_account_never_sees_anothers_data(client: httpx.AsyncClient) -> None:
    contact = (await upsert(client, {"Email": "mine@example.com"})).json()
    job = (
        await client.post(
            f"{W50}/contactLists/{CUSTOMERS}/import",
            headers=W50_AUTH,
            json={"FieldNames": ["Email"]},
        )
    ).json()
    lists = (await client.get(f"{W50}/contactLists", headers=W50_OTHER)).json()
    assert [item["Id"] for item in lists] == [GLOBEX_LIST]
    response = await client.get(f"{W50}/contacts/{contact['EncContactId']}", headers=W50_OTHER)
    w50_error("getContact", response, 404)
    response = await client.get(f"{W50}/contactLists/{CUSTOMERS}/fields", headers=W50_OTHER)
    w50_error("listContactListFields", response, 404)
    response = await client.get(
        f"{W50}/contactLists/{CUSTOMERS}/import/{job['Id']}", headers=W50_OTHER
    )
    w50_error("getImportJob", response, 404)
    response = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/contact", headers=W50_OTHER, json={"Values": {}}
    )
    w50_error("upsertContact", response, 404)
    events = await client.get("/_sandbox/which50/custom-events", headers=W50_OTHER)
    assert events.json()["Events"] == []


async def test_one_checkmarket_account_never_sees_anothers_configs(
    client: httpx.AsyncClient,
) -> None:
    created = await client.post(
        "/3/contacts/import/configs", headers=CM_AUTH, json={"Name": "mine", "IsReusable": True}
    )
    config_id = created.json()["Data"]["ImportConfigId"]
    listed = await client.get("/3/contacts/import/configs", headers=CM_OTHER)
    assert check("checkmarket", "listImportConfigs", listed)["Data"] == []
    for method in ("GET", "DELETE"):
        response = await client.request(
            method, f"/3/contacts/import/configs/{config_id}", headers=CM_OTHER
        )
        operation_id = "getImportConfig" if method == "GET" else "deleteImportConfig"
        cm_error(operation_id, response, 404)
    response = await client.post(
        f"/3/contacts/import/{config_id}", headers=CM_OTHER, json=[{"Email": "x@example.com"}]
    )
    cm_error("bulkImportContacts", response, 404)
    queued = await client.post(
        f"/3/contacts/import/{config_id}", headers=CM_AUTH, json=[{"Email": "x@example.com"}]
    )
    item = queued.json()["Data"]["QueueItemId"]
    response = await client.get(f"/3/contacts/import/result/{item}", headers=CM_OTHER)
    cm_error("getImportResult", response, 404)


async def test_each_spec_is_served_at_a_stable_url(client: httpx.AsyncClient) -> None:
    from contactimport_sandbox.spec import document

    assert (await client.get(f"{W50}/openapi.json")).json() == document("which50")
    assert (await client.get("/3/openapi.json")).json() == document("checkmarket")


@pytest.mark.parametrize("media", ["application/json", "application/xml"])
async def test_null_for_a_member_that_is_not_nullable_is_400(
    client: httpx.AsyncClient, media: str
) -> None:
    from contactimport.datacontract import DataContractCodec

    value = {"ListId": None, "Values": {"Email": "n@example.com"}}
    if media == "application/json":
        content = b'{"ListId": null, "Values": {"Email": "n@example.com"}}'
    else:
        content = DataContractCodec.for_api("which50").encode("Contact", value)
    response = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/contact",
        headers={**W50_AUTH, "Content-Type": media},
        content=content,
    )
    assert "ListId" in w50_error("upsertContact", response, 400)


async def test_a_405_lists_only_the_documented_methods(client: httpx.AsyncClient) -> None:
    # One path item holds bulkImportContacts (POST) and getImportResult (GET): result-path.
    response = await client.delete("/3/contacts/import/5", headers=CM_AUTH)
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD", "POST"}
    response = await client.delete(f"{W50}/contactLists/1/import/1", headers=W50_AUTH)
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD", "POST"}


@pytest.mark.parametrize(
    "content", [b'{"Values": {"Score": NaN}}', b'{"Values": {"Score": Infinity}}', b"[" * 100000]
)
async def test_non_json_numbers_and_deep_nesting_are_400(
    client: httpx.AsyncClient, content: bytes
) -> None:
    response = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/contact",
        headers={**W50_AUTH, "Content-Type": "application/json"},
        content=content,
    )
    assert "JSON" in w50_error("upsertContact", response, 400)


class CountedBody:
    """A streamed request body of ``chunks`` chunks; counts how many the server pulled."""

    def __init__(self, chunks: int, size: int = 100) -> None:
        self.chunks = chunks
        self.size = size
        self.pulled = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for _ in range(self.chunks):
            self.pulled += 1
            yield b" " * self.size


SMALL_LIMITS = SandboxOptions(limits=RequestLimits(1000, 500, 2, 1))


@pytest.mark.parametrize("options", [SMALL_LIMITS], ids=["max-1000-bytes"])
@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
async def test_a_body_over_the_limit_is_refused_before_it_is_read_whole(
    client: httpx.AsyncClient, declared: bool
) -> None:
    body = CountedBody(100)  # 10,000 bytes against a limit of 1,000
    headers = {**W50_AUTH, "Content-Type": "application/json"}
    if declared:
        headers["Content-Length"] = str(body.chunks * body.size)
    response = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/contact", headers=headers, content=body
    )
    assert "exceeds 1000 bytes" in w50_error("upsertContact", response, 400)
    # Refused on the Content-Length before any chunk, else at the first chunk past the limit.
    assert body.pulled <= (0 if declared else 1000 // body.size + 1), body.pulled


# -- the sandbox's control endpoints: the fixtures' admin key --------------------------------------
CONTROLS: list[tuple[str, str, object]] = [
    ("GET", "/_sandbox/faults", None),
    ("PUT", "/_sandbox/faults", {"seed": 1, "rules": [{"route": "*", "error_rate": 1.0}]}),
    ("DELETE", "/_sandbox/faults", None),
    ("POST", "/_sandbox/reset", None),
    ("GET", "/_sandbox/clock", None),
    ("PUT", "/_sandbox/clock", {"mode": "manual"}),
    ("GET", "/_sandbox/fixtures", None),
    ("GET", "/_sandbox/checkmarket/contacts", None),
    ("POST", "/_sandbox/checkmarket/contacts", {"Contacts": [{"Values": {"Email": "x@y.z"}}]}),
    ("POST", f"/_sandbox/which50/contact-lists/{CUSTOMERS}/contacts", {"Contacts": []}),
]


@pytest.mark.parametrize(("method", "path", "body"), CONTROLS)
async def test_control_endpoints_need_the_admin_key(
    app: Any, client: httpx.AsyncClient, method: str, path: str, body: object
) -> None:
    stored = check("which50", "upsertContact", await upsert(client, {"Email": "k@example.com"}))
    for headers, status in (
        ({}, 401),
        ({"X-Sandbox-Admin-Key": ""}, 401),
        ({"X-Sandbox-Admin-Key": "sandbox-admin-wrong"}, 403),
        ({"X-Sandbox-Admin-Key": "w50-acme-full"}, 403),
        (W50_AUTH, 401),  # a vendor credential is not the admin key
    ):
        response = await client.request(method, path, json=body, headers=headers)
        assert response.status_code == status, (headers, response.text)
        # the error body of the other sandbox-only endpoints (W50's Error shape)
        message = response.json()["Message"]
        assert "X-Sandbox-Admin-Key" in message
        assert "sandbox-admin-local" not in response.text
    # nothing changed: no fault switched on, no state wiped
    assert app.state.sandbox.faults.settings.to_json() == {"seed": None, "rules": []}
    again = await client.get(f"{W50}/contacts/{stored['EncContactId']}", headers=W50_AUTH)
    assert check("which50", "getContact", again)["Values"]["Email"] == "k@example.com"
    response = await client.request(method, path, json=body, headers=ADMIN)
    assert response.status_code == 200, response.text


async def test_health_and_the_w50_views_need_no_admin_key(client: httpx.AsyncClient) -> None:
    assert (await client.get("/_sandbox/health")).status_code == 200
    events = await client.get("/_sandbox/which50/custom-events", headers=W50_AUTH)
    assert events.status_code == 200


def test_the_admin_key_comes_from_the_fixtures(tmp_path: Path) -> None:
    from contactimport_sandbox import FixturesError, create_app, load_fixtures
    from contactimport_sandbox.fixtures import default_fixtures_text

    raw = json.loads(default_fixtures_text())
    raw["sandbox"]["adminKey"] = "team-admin-7f3c"
    own = tmp_path / "team.json"
    own.write_text(json.dumps(raw))
    app = create_app(fixtures=own)
    try:
        with httpx.Client(
            transport=httpx.WSGITransport(app=_wsgi(app)), base_url="http://s"
        ) as http:
            assert http.post("/_sandbox/reset", headers=ADMIN).status_code == 403
            team = {"X-Sandbox-Admin-Key": "team-admin-7f3c"}
            assert http.post("/_sandbox/reset", headers=team).status_code == 200
    finally:
        app.state.sandbox.close()
    assert "team-admin-7f3c" not in repr(load_fixtures(own))
    for broken in ({}, {"adminKey": ""}, {"adminKey": " padded "}, {"adminKey": "line\nbreak"}):
        raw["sandbox"] = broken
        own.write_text(json.dumps(raw))
        with pytest.raises(FixturesError, match=r"sandbox\.adminKey"):
            load_fixtures(own)
    del raw["sandbox"]
    own.write_text(json.dumps(raw))
    with pytest.raises(FixturesError, match=r"sandbox\.adminKey"):
        load_fixtures(own)


def _wsgi(app: Any) -> Any:
    a2wsgi = pytest.importorskip("a2wsgi")
    return a2wsgi.ASGIMiddleware(app)
