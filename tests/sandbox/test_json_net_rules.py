"""The sandbox follows Json.NET's rules where the vendor's behaviour follows from them (issue 17;
assumptions json-net-timespans, json-net-dates): `24:00:00` is a TimeSpan of 24 days, and a
date-looking string in a contact's Values is a DateTime, typed so in XML answers."""

from __future__ import annotations

import httpx
import pytest

from .conftest import CM_AUTH, CUSTOMERS, W50, W50_AUTH, check, cm_error, upsert
from .test_checkmarket import CONFIGS, create

pytestmark = pytest.mark.anyio


async def test_a_timespan_is_read_and_answered_as_json_net_does(client: httpx.AsyncClient) -> None:
    settings = {"SurveyId": 101, "InvitationTime": "24:00:00", "ExpirationTime": "00:00:00.1"}
    config_id = await create(client, {"Name": "t", "IsReusable": True, "SurveySettings": settings})
    as_json = await client.get(f"{CONFIGS}/{config_id}", headers=CM_AUTH)
    stored = check("checkmarket", "getImportConfig", as_json)["Data"]["SurveySettings"]
    assert (stored["InvitationTime"], stored["ExpirationTime"]) == (
        "24.00:00:00",
        "00:00:00.1000000",
    )
    as_xml = await client.get(
        f"{CONFIGS}/{config_id}", headers={**CM_AUTH, "Accept": "application/xml"}
    )
    assert b"<InvitationTime>P24D</InvitationTime>" in as_xml.content


async def test_a_timespan_json_net_refuses_is_a_400(client: httpx.AsyncClient) -> None:
    settings = {"SurveyId": 101, "InvitationTime": "24:30:15"}
    response = await client.post(
        CONFIGS, headers=CM_AUTH, json={"Name": "t", "SurveySettings": settings}
    )
    assert "InvitationTime" in str(cm_error("createImportConfig", response, 400))


async def test_a_date_looking_value_is_a_date_in_xml_answers(client: httpx.AsyncClient) -> None:
    values = {"Email": "d@example.com", "FirstName": "2025-01-22T05:05:51.4493182Z"}
    inserted = check("which50", "upsertContact", await upsert(client, values))
    response = await client.get(
        f"{W50}/contacts/{inserted['EncContactId']}",
        headers={**W50_AUTH, "Accept": "application/xml"},
    )
    body = check("which50", "getContact", response)
    assert body["Values"]["FirstName"] == "2025-01-22T05:05:51.4493182Z"
    assert b'i:type="d4p1:dateTime">2025-01-22T05:05:51.4493182Z<' in response.content
    assert b'i:type="d4p1:string">d@example.com<' in response.content
    assert inserted["ListId"] == CUSTOMERS
