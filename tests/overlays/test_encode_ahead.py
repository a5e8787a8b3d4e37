"""Issue 21: an import encodes the next batch in its reader, while the current one is on the
wire (``Client._encode_ahead``); the request then sends those very bytes, which are the bytes it
would have encoded itself, in JSON and in XML. Bytes encoded for another operation or wire
format are not used."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from contactimport import Which50
from contactimport._parameters import contacts
from contactimport._requests import encode_body
from contactimport._spec import operation_specs

ROWS = [{"Values": {"Email": f"c{n}@example.com", "FirstName": f"F{n}"}} for n in range(3)]
COUNTERS = (
    "ProgressPercent TotalContacts InsertedContacts UpdatedContacts NotUpdatedContacts "
    "DroppedContacts InvalidEmailCount InvalidSmsCount"
)
JOB: dict[str, Any] = dict.fromkeys(COUNTERS.split(), 0)
JOB.update(Id=7, ContactListId=1, CurrentStatus="Created", StartDate=None, FinishDate=None)


def recording(sent: list[bytes]) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request.content)
        return httpx.Response(200, json=JOB)

    return httpx.MockTransport(answer)


@pytest.mark.parametrize("wire_format", ["json", "xml"])
def test_a_batch_encoded_ahead_is_sent_as_encoded(
    wire_format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[bytes] = []
    with Which50("t", base_url="https://w50.example", transport=recording(sent)) as w50:
        client = w50.with_options(wire_format=wire_format)
        inline = contacts(ROWS)
        client.upload_import_batch(1, 7, inline)
        ahead = contacts(ROWS)
        client._encode_ahead("uploadImportBatch", ahead)
        assert ahead.encoded is not None and ahead.encoded[:2] == ("uploadImportBatch", wire_format)

        def fail(*args: Any) -> bytes:
            raise AssertionError("encoded again")

        monkeypatch.setattr("contactimport._requests.encode_body", fail)
        client.upload_import_batch(1, 7, ahead)
    assert sent[1] == sent[0] == ahead.encoded[2]


def test_bytes_encoded_for_another_wire_format_are_not_sent() -> None:
    sent: list[bytes] = []
    with Which50("t", base_url="https://w50.example", transport=recording(sent)) as w50:
        batch = contacts(ROWS)
        w50.with_options(wire_format="xml")._encode_ahead("uploadImportBatch", batch)
        w50.with_options(wire_format="json").upload_import_batch(1, 7, batch)
    assert sent[0].startswith(b"[") and batch.encoded is not None
    assert sent[0] != batch.encoded[2]
    operation = operation_specs("which50")["uploadImportBatch"]
    with Which50("t", base_url="https://w50.example") as w50:
        assert sent[0] == encode_body(w50._core, operation, "json", list(ROWS))
