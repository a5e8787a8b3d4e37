"""Issue 21: the resume token's digest of the confirmed contacts is the SHA-256 of their
canonical JSON, one line each (keys sorted, no blanks, non-JSON values as text); computing it
faster must not change a byte of it, or tokens written by an earlier version would no longer
resume."""

from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any

from contactimport._operations import JsonBody
from contactimport.workflows.resume import ContactDigest, DigestedBatch

CONTACTS: list[dict[str, Any]] = [
    {"Values": {"Email": "a@example.com", "FirstName": "Ada", "Age": 36}},
    {"Values": {"Name": "Zoë \u2603", "Email": None, "Vip": True, "Score": 1.5}},
    {"Values": {"When": datetime.date(2026, 12, 6), "Lone": "\ud800"}},  # text; a lone surrogate
    {"Email": "c@example.com", "B": 1, "A": 2},  # CheckMarket shape: keys sorted in the line
]


def _defined(contacts: list[dict[str, Any]]) -> str:
    digest = hashlib.sha256()
    for contact in contacts:
        line = json.dumps(contact, sort_keys=True, separators=(",", ":"), default=str)
        digest.update(line.encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()


def test_the_digest_is_the_hash_of_one_canonical_json_line_per_contact() -> None:
    digest = ContactDigest()
    digest.update(CONTACTS)
    assert digest.hexdigest() == _defined(CONTACTS)


def test_batches_add_up_to_the_digest_of_all_their_contacts_in_order() -> None:
    digest = ContactDigest()
    digest.update(CONTACTS[:1])
    before = digest.copy()
    digest.update(iter(CONTACTS[1:]))  # any iterable
    digest.update([])
    assert digest.hexdigest() == _defined(CONTACTS)
    assert before.hexdigest() == _defined(CONTACTS[:1])


def test_a_known_digest_stays_the_same() -> None:
    digest = ContactDigest()
    digest.update([{"Values": {"Email": "a@example.com", "FirstName": "Ada"}}])
    line = b'{"Values":{"Email":"a@example.com","FirstName":"Ada"}}\n'
    assert digest.hexdigest() == hashlib.sha256(line).hexdigest()


def test_a_batch_digested_ahead_gives_the_same_digest() -> None:
    batch = DigestedBatch(JsonBody(dict(contact) for contact in CONTACTS))
    assert batch == CONTACTS and batch.lines.endswith(b"\n")
    ahead, inline = ContactDigest(), ContactDigest()
    ahead.update(batch)
    inline.update(CONTACTS)
    assert ahead.hexdigest() == inline.hexdigest() == _defined(CONTACTS)
