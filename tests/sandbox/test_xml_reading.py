"""The sandbox reads XML request bodies as the vendor's DataContractSerializer does and says
what .NET would have skipped (issue 17): `X-Sandbox-Ignored-Members` and a warning in its log."""

from __future__ import annotations

import logging

import httpx
import pytest

from .conftest import CUSTOMERS, W50, W50_AUTH, check, w50_error

pytestmark = pytest.mark.anyio

XML = {**W50_AUTH, "Content-Type": "application/xml"}
CONTROLLERS = "http://schemas.datacontract.org/2004/07/W50API.Controllers"
DTO = "http://schemas.datacontract.org/2004/07/W50API.Models.DTO"
COMMON = "http://schemas.datacontract.org/2004/07/W50Common.Model.DTO"
ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
I_NS = "http://www.w3.org/2001/XMLSchema-instance"
HEADER = "x-sandbox-ignored-members"


def contact(members: str) -> str:
    return f'<Contact xmlns:i="{I_NS}" xmlns="{DTO}" xmlns:b="{COMMON}">{members}</Contact>'


VALUES = (
    f'<b:Values xmlns:a="{ARRAYS}" xmlns:x="http://www.w3.org/2001/XMLSchema">'
    '<a:KeyValueOfstringanyType><a:Key>Email</a:Key><a:Value i:type="x:string">a@example.com'
    "</a:Value></a:KeyValueOfstringanyType></b:Values>"
)


async def test_members_dotnet_would_skip_are_named_in_a_header_and_the_log(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    # Base members (EncContactId, Id, ListId, Values) come first, in that order: a ListId
    # after the Values is not read by .NET, and a Values in the Contact's own namespace is an
    # unknown element.
    body = contact(VALUES + "<b:ListId>7</b:ListId><Unknown/>")
    with caplog.at_level(logging.WARNING):
        response = await client.post(
            f"{W50}/contactLists/{CUSTOMERS}/contact", headers=XML, content=body
        )
    check("which50", "upsertContact", response)
    assert response.headers[HEADER] == (
        "Contact.ListId (out of order); Contact.Unknown (unknown element)"
    )
    assert "Contact.ListId (out of order)" in caplog.text


async def test_a_body_dotnet_reads_whole_gets_no_header(client: httpx.AsyncClient) -> None:
    response = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/contact", headers=XML, content=contact(VALUES)
    )
    check("which50", "upsertContact", response)
    assert HEADER not in response.headers
    as_json = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/contact",
        headers=W50_AUTH,
        json={"Values": {"Email": "b@example.com"}, "Unknown": 1},
    )
    check("which50", "upsertContact", as_json)
    assert HEADER not in as_json.headers


async def test_a_batch_read_item_by_item_reports_its_skipped_members(
    client: httpx.AsyncClient,
) -> None:
    created = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/import",
        headers=XML,
        content=(
            f'<ImportJobCreateRequest xmlns="{CONTROLLERS}" xmlns:a="{ARRAYS}"><FieldNames>'
            "<a:string>Email</a:string><a:int>1</a:int></FieldNames></ImportJobCreateRequest>"
        ),
    )
    job = check("which50", "createImportJob", created)["Id"]
    assert created.headers[HEADER] == (
        "ImportJobCreateRequest.FieldNames.int (not an item element)"
    )
    batch = (
        f'<ArrayOfContact xmlns:i="{I_NS}" xmlns="{DTO}"><Contact>'
        f'<Values xmlns="{COMMON}"/><ListId xmlns="{COMMON}">1</ListId></Contact><Stray/>'
        "</ArrayOfContact>"
    )
    uploaded = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/import/{job}", headers=XML, content=batch
    )
    check("which50", "uploadImportBatch", uploaded)
    assert uploaded.headers[HEADER] == (
        "ArrayOfContact[0].ListId (out of order); ArrayOfContact.Stray (not an item element)"
    )


async def test_nil_on_a_value_type_member_is_refused(
    client: httpx.AsyncClient,
) -> None:
    body = contact('<b:Id i:nil="true"/>' + VALUES)
    response = await client.post(
        f"{W50}/contactLists/{CUSTOMERS}/contact", headers=XML, content=body
    )
    assert "cannot be null" in w50_error("upsertContact", response, 400)
