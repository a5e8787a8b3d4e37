"""One reader of x-wire-formats (contactimport._wireformats): codec, client and sandbox."""

from __future__ import annotations

import copy
from typing import Any

import contactimport.generated.spec
import pytest
from contactimport._wireformats import OffWireMembers, WireFormatsSpecError
from contactimport.datacontract import DataContractCodec, DataContractSpecError
from contactimport_sandbox.wire import Wire

RULE = "x-wire-formats must be a non-empty list of json, xml, not ['soap']"
CONTACT = {"EncContactId": "e1", "Id": 1, "ListId": 2, "Values": {"Email": "a@example.com"}}


@pytest.fixture
def malformed() -> dict[str, Any]:
    """The W50 spec with Contact.Id marked for a wire format that does not exist."""
    doc: dict[str, Any] = copy.deepcopy(contactimport.generated.spec.document("which50"))
    doc["components"]["schemas"]["Contact"]["properties"]["Id"]["x-wire-formats"] = ["soap"]
    return doc


def test_the_codec_the_client_and_the_sandbox_give_one_message_naming_the_member(
    malformed: dict[str, Any],
) -> None:
    with pytest.raises(DataContractSpecError) as codec:
        DataContractCodec(malformed).encode("Contact", CONTACT)
    with pytest.raises(WireFormatsSpecError) as client:
        OffWireMembers(malformed, "json").strip("Contact", CONTACT)
    with pytest.raises(WireFormatsSpecError) as sandbox:
        Wire("which50", malformed).encode("application/json", "Contact", CONTACT)
    assert str(codec.value) == f"Contact.Id: {RULE}"
    assert str(client.value) == f"components/schemas/Contact/properties/Id: {RULE}"
    assert str(sandbox.value) == str(client.value)  # the sandbox strips with the client's reader
