"""W50 contact ids (``EncContactId``): opaque and unguessable, yet naming their row."""

from __future__ import annotations

import base64
import hashlib
import hmac


def encrypt_contact_id(secret: bytes, contact_id: int) -> str:
    """An opaque, url-safe id: a keyed BLAKE2b MAC of the row id under the database's secret
    (12 bytes), then the row id (6 bytes) masked by a keyed hash of that MAC.

    It starts with the MAC, so the ids of consecutive rows share no prefix and none can be
    guessed; the server reads the row id back (``decrypt_contact_id``) rather than looking the
    text up in an index, which every insert updated at a random place (issue 21: that index cost
    as much as the rest of the insert).
    """
    tag = hashlib.blake2b(b"w50-contact:%d" % contact_id, key=secret, digest_size=12).digest()
    pad = hashlib.blake2b(tag, key=secret, digest_size=6, person=b"w50-contact-pad").digest()
    masked = (contact_id ^ int.from_bytes(pad, "big")).to_bytes(6, "big")
    return base64.urlsafe_b64encode(tag + masked).decode("ascii")


def decrypt_contact_id(secret: bytes, enc_id: str) -> int | None:
    """The row id of an id made by ``encrypt_contact_id`` under ``secret``; None for any other
    text (another secret's id, a made-up or altered one, an id of the earlier MAC-only kind)."""
    if len(enc_id) != 24 or not enc_id.isascii():
        return None
    try:
        raw = base64.urlsafe_b64decode(enc_id)
    except ValueError:
        return None
    if len(raw) != 18:
        return None
    pad = hashlib.blake2b(raw[:12], key=secret, digest_size=6, person=b"w50-contact-pad").digest()
    contact_id = int.from_bytes(raw[12:], "big") ^ int.from_bytes(pad, "big")
    if not hmac.compare_digest(encrypt_contact_id(secret, contact_id), enc_id):
        return None
    return contact_id
