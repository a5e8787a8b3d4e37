"""What the sandbox reads from the spec's `x-status-values` stages and `x-wire-formats` marks:
the states it writes are checked against their stages, and the members a wire format does not
carry are left out of its answers in that format, at any depth (docs/spec-conventions.md)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from contactimport._wireformats import OffWireMembers
from contactimport.datacontract import DataContractCodec
from contactimport_sandbox import checkmarket as sandbox_checkmarket
from contactimport_sandbox import create_app
from contactimport_sandbox import spec as sandbox_spec
from contactimport_sandbox import w50 as sandbox_w50
from contactimport_sandbox.spec import Api, document, status_values
from contactimport_sandbox.wire import Wire

from .conftest import CUSTOMERS, W50, W50_AUTH, check, upsert

BASE = "http://schemas.datacontract.org/2004/07/W50Common.Model.DTO"


def contact(number: int) -> dict[str, Any]:
    return {
        "EncContactId": f"enc{number}",
        "Id": number,
        "ListId": CUSTOMERS,
        "Values": {"Email": f"c{number}@example.com"},
        "ValidationWarnings": [],
    }


# -- x-status-values ----------------------------------------------------------------------------


def test_the_states_the_sandbox_writes_are_staged_as_it_uses_them() -> None:
    assert {"Created", "Loaded"} == sandbox_w50.OPEN_STATES
    assert {"Finished"} == sandbox_w50.SUCCEEDED_STATES
    assert (sandbox_w50.RUNNING, sandbox_w50.FAILED) == ("Running", "Failed")
    assert sandbox_checkmarket.PENDING_STATUSES == (1, 2)
    assert sandbox_checkmarket.FINAL_STATUSES == (3, 4)
    assert (sandbox_checkmarket.COMPLETED, sandbox_checkmarket.FAILED) == (4, 3)


def with_job_states(*items: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(document("which50"))
    doc["components"]["schemas"]["ImportJob"]["properties"]["CurrentStatus"]["x-status-values"] = [
        {"meaning": "m", **item} for item in items
    ]
    return doc


def test_the_stages_decide_the_sets() -> None:
    states = status_values(
        with_job_states(
            {"value": "New", "stage": "open"},
            {"value": "Busy", "stage": "in-progress"},
            {"value": "Done", "stage": "final", "outcome": "succeeded"},
            {"value": "Lost", "stage": "final", "outcome": "failed"},
            {"value": "Gone", "stage": "final", "outcome": "failed"},
        ),
        "ImportJob",
        "CurrentStatus",
    )
    assert states.in_stage("open") == ("New",)
    assert states.in_stage("final") == ("Done", "Lost", "Gone")
    assert states.in_stage("final", "failed") == ("Lost", "Gone")
    assert states.by_value("Busy", "in-progress") == "Busy"


def test_a_state_staged_otherwise_than_the_sandbox_writes_it_is_refused() -> None:
    states = status_values(
        with_job_states({"value": "Loaded", "stage": "in-progress"}), "ImportJob", "CurrentStatus"
    )
    with pytest.raises(ValueError, match=r"writes 'Loaded' as stage open, the spec gives it"):
        states.by_value("Loaded", "open")
    with pytest.raises(ValueError, match="exactly one state 'Created'"):
        states.by_value("Created", "open")
    queue = status_values(document("checkmarket"), "ImportQueueItem", "StatusId")
    with pytest.raises(ValueError, match=r"as stage final \(succeeded\).*final \(failed\)"):
        queue.by_meaning("Failed", "final", "succeeded")


@pytest.mark.parametrize(
    "item, rule",
    [
        ({"value": "X", "stage": "done"}, "stage must be one of open, in-progress, final"),
        ({"value": "X", "stage": "final"}, "a final state needs outcome"),
        ({"value": "X", "stage": "open", "outcome": "failed"}, "outcome is only for final states"),
        ({"value": "X", "stage": "final", "outcome": "ok"}, "a final state needs outcome"),
    ],
)
def test_a_malformed_state_list_is_refused_naming_the_item(item: dict[str, Any], rule: str) -> None:
    doc = with_job_states({"value": "A", "stage": "open"}, item)
    with pytest.raises(ValueError, match=rf"CurrentStatus/x-status-values\[1\]: {rule}"):
        status_values(doc, "ImportJob", "CurrentStatus")


# -- x-wire-formats ------------------------------------------------------------------------------


def test_json_answers_leave_out_xml_only_members_at_any_depth_and_xml_keeps_them() -> None:
    wire = Wire("which50")
    batch = [contact(1), contact(2)]
    as_json = wire.encode("application/json", "ArrayOfContact", batch)
    assert httpx.Response(200, content=as_json).json() == [
        {key: value for key, value in item.items() if key != "Id"} for item in batch
    ]
    assert wire.encode("text/json", "Contact", contact(3)) == wire.encode(
        "application/json", "Contact", {k: v for k, v in contact(3).items() if k != "Id"}
    )
    as_xml = wire.encode("application/xml", "ArrayOfContact", batch)
    assert f'<Id xmlns="{BASE}">2</Id>'.encode() in as_xml
    assert DataContractCodec.for_api("which50").decode("ArrayOfContact", as_xml) == batch
    assert batch[0]["Id"] == 1  # the value given is not changed


def marked(api: Api, schema: str, member: str, formats: list[str]) -> dict[str, Any]:
    doc = copy.deepcopy(document(api))
    doc["components"]["schemas"][schema]["properties"][member]["x-wire-formats"] = formats
    return doc


def test_a_mark_on_any_schema_is_followed_through_envelopes_and_arrays() -> None:
    doc = marked("checkmarket", "ImportResultRow", "ContactCount", ["xml"])
    wire = Wire("checkmarket", doc)
    payload = {
        "Meta": {"Status": 200},
        "Data": {
            "QueueItemId": 7,
            "StatusId": 4,
            "Result": {"ImportResult": [{"ResultCode": "R0301", "ContactCount": 2}]},
        },
    }
    body = httpx.Response(
        200, content=wire.encode("application/json", "ImportResultPayload", payload)
    )
    assert body.json()["Data"]["Result"] == {"ImportResult": [{"ResultCode": "R0301"}]}
    assert body.json()["Data"]["QueueItemId"] == 7
    stock = Wire("checkmarket").encode("application/json", "ImportResultPayload", payload)
    assert b'"ContactCount":2' in stock


def test_schemas_that_reach_no_marked_member_are_not_walked() -> None:
    """The sandbox strips with the clients' own `OffWireMembers` (contactimport._wireformats)."""
    members = OffWireMembers(document("which50"), "json")
    assert members.strip("ArrayOfContact", [contact(1)]) == [
        {k: v for k, v in contact(1).items() if k != "Id"}
    ]
    job: dict[str, Any] = {"Id": 1, "Extra": {"Id": 2}}
    assert members.strip("ImportJob", job) is job
    assert OffWireMembers(document("which50"), "xml").strip("Contact", contact(1)) == contact(1)


def test_a_malformed_mark_is_refused_naming_the_property() -> None:
    doc = marked("which50", "Contact", "Id", ["soap"])
    with pytest.raises(ValueError, match="properties/Id: x-wire-formats must be a non-empty list"):
        OffWireMembers(doc, "json").strip("Contact", contact(1))


@pytest.fixture
def marked_job_total(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The sandbox built from a W50 spec whose ImportJob.TotalContacts is XML-only."""
    doc = marked("which50", "ImportJob", "TotalContacts", ["xml"])
    original = sandbox_spec.document

    def patched(api: Any) -> dict[str, Any]:
        return doc if api == "which50" else original(api)

    monkeypatch.setattr(sandbox_spec, "document", patched)
    yield


@pytest.mark.anyio
@pytest.mark.usefixtures("marked_job_total")
async def test_the_sandbox_follows_the_marks_of_its_spec() -> None:
    app = create_app()
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://s") as http:
            response = await http.post(
                f"{W50}/contactLists/{CUSTOMERS}/import",
                headers=W50_AUTH,
                json={"FieldNames": ["Email"]},
            )
            assert response.status_code == 200, response.text
            job = response.json()
            assert "TotalContacts" not in job and job["CurrentStatus"] == "Created"
            response = await http.get(
                f"{W50}/contactLists/{CUSTOMERS}/import/{job['Id']}",
                headers={**W50_AUTH, "Accept": "application/xml"},
            )
            as_xml = DataContractCodec.for_api("which50").decode("ImportJob", response.content)
            assert (as_xml["Id"], as_xml["TotalContacts"]) == (job["Id"], 0)
            created = (await upsert(http, {"Email": "a@example.com"})).json()
            assert "Id" not in created  # the stock mark still applies
    finally:
        app.state.sandbox.close()


# -- a JSON request body that carries an XML-only member -----------------------------------------


@pytest.mark.anyio
async def test_a_json_body_carrying_id_is_checked_then_the_id_is_ignored(
    client: httpx.AsyncClient,
) -> None:
    url = f"{W50}/contactLists/{CUSTOMERS}/contact"
    response = await client.post(
        url, headers=W50_AUTH, json={"Id": 987654, "Values": {"Email": "id@example.com"}}
    )
    created = check("which50", "upsertContact", response)
    assert "Id" not in created
    response = await client.get(
        f"{W50}/contacts/{created['EncContactId']}",
        headers={**W50_AUTH, "Accept": "application/xml"},
    )
    as_xml = check("which50", "getContact", response)
    assert as_xml["Id"] != 987654 and as_xml["EncContactId"] == created["EncContactId"]
    response = await client.post(
        url, headers=W50_AUTH, json={"Id": "one", "Values": {"Email": "id@example.com"}}
    )
    assert response.status_code == 400
    assert "Id" in response.json()["Message"]
