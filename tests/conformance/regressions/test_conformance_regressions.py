"""Regression tests, outside schemathesis, for what the conformance suite found in the sandbox.

Each test names the schemathesis check that found the problem and pins the behaviour the spec
asks for, with plain HTTP requests against the sandbox's ASGI app (no schemathesis needed).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import pytest

pytest.importorskip("starlette")

from contactimport_sandbox import create_app
from contactimport_sandbox.spec import Api, document

W50_AUTH = {"Authorization": "Bearer w50-acme-full"}
CM_AUTH = {"X-Master-Key": "cm-acme-master", "X-Key": "cm-acme-contacts-write"}
W50_PREFIX = "/Which50API"
CONTACT_XML = (
    '<Contact xmlns:i="http://www.w3.org/2001/XMLSchema-instance" '
    'xmlns="http://schemas.datacontract.org/2004/07/W50API.Models.DTO">'
    '<ListId i:nil="true" xmlns="http://schemas.datacontract.org/2004/07/W50Common.Model.DTO" />'
    '<Values xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" '
    'xmlns="http://schemas.datacontract.org/2004/07/W50Common.Model.DTO">'
    "<d2p1:KeyValueOfstringanyType><d2p1:Key>FirstName</d2p1:Key>"
    '<d2p1:Value xmlns:d4p1="http://www.w3.org/2001/XMLSchema" i:type="d4p1:string">Ann'
    "</d2p1:Value></d2p1:KeyValueOfstringanyType></Values></Contact>"
)


@pytest.fixture
def app() -> Iterator[Any]:
    application = create_app()
    yield application
    application.state.sandbox.close()


def send(
    app: Any,
    method: str,
    path: str,
    headers: Mapping[str, str],
    content: bytes | str | None = None,
) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as http:
            return await http.request(method, path, headers=dict(headers), content=content)

    return asyncio.run(go())


def create_config(app: Any) -> int:
    """A reusable CheckMarket import configuration of the suite's account; its id."""
    created = send(
        app,
        "POST",
        "/3/contacts/import/configs",
        {**CM_AUTH, "Content-Type": "application/json"},
        '{"Name": "regression", "IsReusable": true}',
    )
    assert created.status_code == 200, created.text
    config_id: int = created.json()["Data"]["ImportConfigId"]
    return config_id


def stored_values(app: Any, email: str) -> list[dict[str, Any]]:
    """The Values of the contacts of W50 list 1 with this Email, as stored (sandbox-only read)."""
    listed = send(app, "GET", "/_sandbox/which50/contact-lists/1/contacts", W50_AUTH)
    assert listed.status_code == 200, listed.text
    return [c["Values"] for c in listed.json()["Contacts"] if c["Values"].get("Email") == email]


def documented_methods(api: Api, path: str) -> set[str]:
    item = document(api)["paths"][path]
    return {m.upper() for m in item if m in {"get", "put", "post", "patch", "delete"}}


def allowed(response: httpx.Response) -> set[str]:
    return {m.strip().upper() for m in response.headers.get("allow", "").split(",") if m.strip()}


# Found by allow_header_conformance (ST205): a 405 listed only the methods of one of the path's
# routes (`Allow: POST` on /contactLists/{id}/contact, which also takes PUT and PATCH).
@pytest.mark.parametrize(
    ("api", "spec_path", "url"),
    [
        ("which50", "/contactLists/{contactListId}/contact", "/contactLists/1/contact"),
        (
            "which50",
            "/contactLists/{contactListId}/import/{importJobId}",
            "/contactLists/1/import/1",
        ),
        (
            "which50",
            "/contactLists/{contactListId}/import/{importJobId}/run",
            "/contactLists/1/import/1/run",
        ),
        (
            "checkmarket",
            "/3/contacts/import/configs/{importConfigId}",
            "/3/contacts/import/configs/1",
        ),
        ("checkmarket", "/3/contacts/import/configs", "/3/contacts/import/configs"),
    ],
)
def test_method_not_allowed_lists_every_method_of_the_path(
    app: Any, api: Api, spec_path: str, url: str
) -> None:
    headers = W50_AUTH if api == "which50" else CM_AUTH
    prefix = W50_PREFIX if api == "which50" else ""
    response = send(app, "OPTIONS", prefix + url, headers)
    assert response.status_code == 405
    expected = documented_methods(api, spec_path)
    assert allowed(response) - {"HEAD"} == expected


# Found by negative_data_rejection (ST201): Contact.ListId is `type: integer` without `nullable`,
# yet a body with "ListId": null (JSON) or <ListId i:nil="true"/> (XML) was accepted with 200.
@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_contact_with_null_list_id_is_refused_in_json(app: Any, method: str) -> None:
    body = '{"ListId": null, "Values": {"FirstName": "Ann"}}'
    headers = {**W50_AUTH, "Content-Type": "application/json"}
    response = send(app, method, f"{W50_PREFIX}/contactLists/1/contact", headers, body)
    assert response.status_code == 400, response.text


@pytest.mark.parametrize("media", ["application/xml", "text/xml"])
def test_contact_with_nil_list_id_is_refused_in_xml(app: Any, media: str) -> None:
    headers = {**W50_AUTH, "Content-Type": media}
    response = send(app, "POST", f"{W50_PREFIX}/contactLists/1/contact", headers, CONTACT_XML)
    assert response.status_code == 400, response.text


def test_list_id_is_not_nullable_in_the_spec() -> None:
    """The premise of the two tests above, read from the spec rather than assumed."""
    schema = document("which50")["components"]["schemas"]["Contact"]
    list_id = schema["properties"]["ListId"]
    assert list_id["type"] == "integer"
    assert not list_id.get("nullable", False)


# Found by negative_data_rejection (ST201) on PATCH /contact with an XML body:
# `<Values>true</Values>` (a boolean where the dictionary belongs) was read as an empty dictionary
# and accepted with 200.
# DataContractSerializer refuses text where a collection's elements belong; so must the codec.
W50_DTO = "http://schemas.datacontract.org/2004/07/W50API.Models.DTO"
W50_COMMON = "http://schemas.datacontract.org/2004/07/W50Common.Model.DTO"
TEXT_FOR_DICTIONARY = (
    f'<Contact xmlns="{W50_DTO}"><Values xmlns="{W50_COMMON}">true</Values></Contact>'
)
TEXT_FOR_LIST = (
    '<ImportJobCreateRequest xmlns="http://schemas.datacontract.org/2004/07/W50API.Controllers">'
    "<FieldNames>Email</FieldNames></ImportJobCreateRequest>"
)


# Found by negative_data_rejection (ST201) on the CheckMarket bulk import, full profile: numbers
# where ImportContact objects belong were read as empty contacts and the import was queued (200).
TEXT_FOR_OBJECTS = (
    "<ArrayOfImportContact><ImportContact>2.5</ImportContact>"
    "<ImportContact>-7</ImportContact></ArrayOfImportContact>"
)


@pytest.mark.parametrize(
    ("api", "schema", "xml"),
    [
        ("which50", "Contact", TEXT_FOR_DICTIONARY),
        ("which50", "ImportJobCreateRequest", TEXT_FOR_LIST),
        ("checkmarket", "ImportContactList", TEXT_FOR_OBJECTS),
    ],
)
def test_codec_refuses_text_where_elements_belong(api: Api, schema: str, xml: str) -> None:
    from contactimport.datacontract import DataContractCodec, XmlDecodeError

    with pytest.raises(XmlDecodeError):
        DataContractCodec.for_api(api).decode(schema, xml)


def test_sandbox_refuses_a_contact_whose_values_are_text(app: Any) -> None:
    headers = {**W50_AUTH, "Content-Type": "application/xml"}
    url = f"{W50_PREFIX}/contactLists/1/contact"
    response = send(app, "POST", url, headers, TEXT_FOR_DICTIONARY)
    assert response.status_code == 400, response.text


def test_sandbox_refuses_a_bulk_import_of_numbers(app: Any) -> None:
    config_id = create_config(app)
    headers = {**CM_AUTH, "Content-Type": "application/xml"}
    response = send(app, "POST", f"/3/contacts/import/{config_id}", headers, TEXT_FOR_OBJECTS)
    assert response.status_code == 400, response.text


# --- negative_data_rejection: `DELETE /3/contacts/import/configs/%0C9` deleted configuration 9.
# Python's int() reads surrounding whitespace, underscores and non-ASCII digits; an integer path
# parameter is an optional sign and ASCII digits only.
@pytest.mark.parametrize(
    "spelling",
    ["%0C{id}", "%20{id}", "{id}%20", "%09{id}", "{id}%0A", "{id}_0", "%D9%A9", "{id}.0"],
)
def test_an_integer_path_parameter_is_digits_only(app: Any, spelling: str) -> None:
    config_id = create_config(app)
    url = "/3/contacts/import/configs/" + spelling.format(id=config_id)
    response = send(app, "DELETE", url, CM_AUTH)
    assert response.status_code in (400, 404, 405), response.text
    listed = send(app, "GET", "/3/contacts/import/configs", CM_AUTH).json()["Data"]
    assert config_id in [config["ImportConfigId"] for config in listed]


@pytest.mark.parametrize("spelling", ["{id}", "+{id}", "0{id}"])
def test_an_integer_path_parameter_in_a_spelling_the_spec_allows_is_read(
    app: Any, spelling: str
) -> None:
    config_id = create_config(app)
    url = "/3/contacts/import/configs/" + spelling.format(id=config_id)
    assert send(app, "DELETE", url, CM_AUTH).status_code == 200
    listed = send(app, "GET", "/3/contacts/import/configs", CM_AUTH).json()["Data"]
    assert config_id not in [config["ImportConfigId"] for config in listed]


# --- server_error (stateful, Accept: application/xml): a configuration created through JSON with a
# control character in its Name made `GET /3/contacts/import/configs` answer 500 in XML.
CONTROL_NAME = '{"Name": "a\\u0001b", "IsReusable": true}'


def test_a_read_whose_answer_xml_cannot_carry_is_406_naming_the_field(app: Any) -> None:
    json_headers = {**CM_AUTH, "Content-Type": "application/json"}
    created = send(app, "POST", "/3/contacts/import/configs", json_headers, CONTROL_NAME)
    assert created.status_code == 200, created.text
    config_id = created.json()["Data"]["ImportConfigId"]
    for path in ("/3/contacts/import/configs", f"/3/contacts/import/configs/{config_id}"):
        for accept in ("application/xml", "text/xml"):
            response = send(app, "GET", path, {**CM_AUTH, "Accept": accept})
            assert response.status_code == 406, response.text
            assert response.headers["content-type"].startswith("application/json")
            message = response.json()["Data"]["ErrorMessage"]
            assert "Name" in message and "U+0001" in message
        as_json = send(app, "GET", path, {**CM_AUTH, "Accept": "application/json"})
        assert as_json.status_code == 200
        data = as_json.json()["Data"]
        assert "a\u0001b" in [c["Name"] for c in (data if isinstance(data, list) else [data])]


def test_a_json_write_xml_cannot_answer_is_refused_before_anything_is_stored(app: Any) -> None:
    body = '{"Values": {"FirstName": "a\\u0001b", "Email": "ctl@example.com"}}'
    url = f"{W50_PREFIX}/contactLists/1/contact"
    headers = {**W50_AUTH, "Content-Type": "application/json"}

    def stored() -> list[dict[str, Any]]:
        return stored_values(app, "ctl@example.com")

    refused = send(app, "POST", url, {**headers, "Accept": "application/xml"}, body)
    assert refused.status_code == 406, refused.text
    assert (
        "FirstName" in refused.json()["Message"]
        and "nothing was stored" in refused.json()["Message"]
    )
    assert stored() == []
    accepted = send(app, "POST", url, {**headers, "Accept": "application/json"}, body)
    assert accepted.status_code == 200, accepted.text
    assert len(stored()) == 1


# --- negative/positive data, stateful (full profile, Accept: application/xml): a configuration
# created through JSON with an undeclared member inside a ColumnMapping was stored and echoed, so
# its XML answer could not be written. Undeclared members are ignored (assumption unknown-members).
def test_undeclared_members_are_neither_stored_nor_echoed(app: Any) -> None:
    body = (
        '{"Name": "extra", "IsReusable": true, "Bogus": 1,'
        ' "ColumnMappings": [{"ColumnName": "Email", "": "x", "Other": {"a": 1}}]}'
    )
    json_headers = {**CM_AUTH, "Content-Type": "application/json"}
    created = send(app, "POST", "/3/contacts/import/configs", json_headers, body)
    assert created.status_code == 200, created.text
    config_id = created.json()["Data"]["ImportConfigId"]
    read = send(app, "GET", f"/3/contacts/import/configs/{config_id}", CM_AUTH).json()["Data"]
    assert "Bogus" not in read
    assert all("" not in m and "Other" not in m for m in read["ColumnMappings"])
    as_xml = send(
        app, "GET", f"/3/contacts/import/configs/{config_id}", {**CM_AUTH, "Accept": "text/xml"}
    )
    assert as_xml.status_code == 200, as_xml.text


# --- the same 406, on a write whose *answer* holds text stored earlier (not in this request's
# body): the write and its answer are one transaction, so the refused write stores nothing.
def test_a_write_whose_answer_xml_cannot_carry_is_refused_and_stores_nothing(app: Any) -> None:
    url = f"{W50_PREFIX}/contactLists/1/contact?match=Email"
    headers = {**W50_AUTH, "Content-Type": "application/json"}

    def stored() -> list[dict[str, Any]]:
        return stored_values(app, "old@example.com")

    first = '{"Values": {"FirstName": "a\\u0001b", "Email": "old@example.com"}}'
    created = send(app, "POST", url, {**headers, "Accept": "application/json"}, first)
    assert created.status_code == 200, created.text
    before = stored()
    assert len(before) == 1 and before[0].get("LastName") in (None, "")

    update = '{"Values": {"LastName": "Zed", "Email": "old@example.com"}}'
    for method in ("POST", "PUT"):
        for accept in ("application/xml", "text/xml"):
            refused = send(app, method, url, {**headers, "Accept": accept}, update)
            assert refused.status_code == 406, refused.text
            message = refused.json()["Message"]
            assert "FirstName" in message and "U+0001" in message
            assert stored() == before, "a refused write must leave nothing stored"

    accepted = send(app, "PUT", url, {**headers, "Accept": "application/json"}, update)
    assert accepted.status_code == 200, accepted.text
    assert stored()[0]["LastName"] == "Zed"
