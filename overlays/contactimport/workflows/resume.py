"""Resume tokens: what an interrupted import needs to continue without uploading a batch twice.

A token records the import job, how many batches (and contacts) the server confirmed, and a
SHA-256 digest of exactly those contacts, and the settings the import began with (so resuming
needs nothing but the token and the same contacts). Resuming re-reads the source, skips the
confirmed batches while recomputing their digest, and refuses to continue if the source changed.
The token is opaque to users: URL-safe base64 of a small JSON document, no credentials in it.
:func:`encode_token` and :func:`decode_token` are that format, shared by both APIs' workflows.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final

__all__ = [
    "TOKEN_VERSION",
    "ContactDigest",
    "InvalidResumeToken",
    "ResumeState",
    "TokenFields",
    "decode_token",
    "encode_token",
]

TOKEN_VERSION: Final = 2
"""Version 2 added the settings a resume needs (W50 match values and whether the FieldNames were
derived; CheckMarket's configuration as given and whether it serves a single bulk import)."""


class InvalidResumeToken(ValueError):
    """The token is not one this library wrote, or was written for another API."""


def encode_token(api: str, fields: Mapping[str, Any]) -> str:
    """The token of ``fields`` (JSON values) for ``api``: URL-safe base64 of canonical JSON."""
    document = {**fields, "v": TOKEN_VERSION, "api": api}
    raw = json.dumps(document, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_token(token: str, *, api: str) -> TokenFields:
    """The fields of a token :func:`encode_token` wrote for ``api`` in this version."""
    try:
        text = token.strip()
        raw = base64.urlsafe_b64decode((text + "=" * (-len(text) % 4)).encode("ascii"))
        document = json.loads(raw)
    except (ValueError, binascii.Error, UnicodeError) as error:
        raise InvalidResumeToken("the resume token is not valid (not base64 JSON)") from error
    if not isinstance(document, dict):
        raise InvalidResumeToken("the resume token has an unknown version")
    version = document.get("v")
    if version != TOKEN_VERSION:
        written_by = ""
        if isinstance(version, int) and not isinstance(version, bool) and version > 0:
            age = "an older" if version < TOKEN_VERSION else "a newer"
            written_by = (
                f" ({version}): it was written by {age} version of contactimport, and this one "
                f"reads version {TOKEN_VERSION} only"
            )
        raise InvalidResumeToken(f"the resume token has an unknown version{written_by}")
    if document.get("api") != api:
        raise InvalidResumeToken(f"the resume token is for {document.get('api')!r}, not {api!r}")
    return TokenFields(document)


class TokenFields(dict[str, Any]):
    """A decoded token's JSON document, with typed reads that name the field a bad value is in."""

    def _get(self, key: str) -> Any:
        if key not in self:
            raise InvalidResumeToken(f"the resume token is incomplete: {key!r} is missing")
        return self[key]

    @staticmethod
    def _damaged(key: str, rule: str) -> InvalidResumeToken:
        return InvalidResumeToken(f"the resume token is damaged: {key!r} must be {rule}")

    def integer(self, key: str) -> int:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._damaged(key, "an integer")
        return value

    def text(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str):
            raise self._damaged(key, "a string")
        return value

    def optional_text(self, key: str) -> str | None:
        return None if self.get(key) is None else self.text(key)

    def choice(self, key: str, options: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in options:
            raise self._damaged(key, "one of " + ", ".join(options))
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            raise self._damaged(key, "true or false")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self._get(key)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self._damaged(key, "a list of strings")
        return tuple(value)

    def integers(self, key: str) -> tuple[int, ...]:
        value = self._get(key)
        if not isinstance(value, list) or not all(
            isinstance(item, int) and not isinstance(item, bool) for item in value
        ):
            raise self._damaged(key, "a list of integers")
        return tuple(value)

    def text_map(self, key: str) -> dict[str, str]:
        value = self._get(key)
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self._damaged(key, "an object of strings")
        return dict(value)

    def optional_object(self, key: str) -> dict[str, Any] | None:
        value = self.get(key)
        if value is not None and not isinstance(value, dict):
            raise self._damaged(key, "an object or null")
        return value


class ContactDigest:
    """Running SHA-256 over contacts, insensitive to key order (canonical JSON, one per line)."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()

    def update(self, contacts: Iterable[Mapping[str, Any]]) -> None:
        for contact in contacts:
            line = json.dumps(contact, sort_keys=True, separators=(",", ":"), default=str)
            self._hash.update(line.encode("utf-8", "surrogatepass"))
            self._hash.update(b"\n")

    def hexdigest(self) -> str:
        return self._hash.copy().hexdigest()

    def copy(self) -> ContactDigest:
        clone = ContactDigest()
        clone._hash = self._hash.copy()
        return clone


@dataclass(frozen=True)
class ResumeState:
    """Everything needed to continue a W50 import; ``encode()`` gives the continuation token."""

    api: str
    contact_list_id: int
    import_job_id: int
    field_names: tuple[str, ...]
    batch_size: int
    confirmed_batches: int = 0
    confirmed_contacts: int = 0
    confirmed_digest: str = field(default_factory=lambda: ContactDigest().hexdigest())
    match: tuple[str, ...] = ()
    custom_events: tuple[str, ...] = ()
    run_method: str = "POST"
    run_requested: bool = False
    source_fingerprint: str | None = None
    match_values: Mapping[str, str] = field(default_factory=dict, hash=False)
    """The values contacts must match in a PATCH run (contact data, not credentials)."""
    fields_derived: bool = False
    """Whether ``field_names`` were derived from the first batch (later batches are checked)."""

    def confirm(self, contacts: int, digest: str) -> ResumeState:
        """The state after one more batch of ``contacts`` contacts was confirmed by the server."""
        return replace(
            self,
            confirmed_batches=self.confirmed_batches + 1,
            confirmed_contacts=self.confirmed_contacts + contacts,
            confirmed_digest=digest,
        )

    def encode(self) -> str:
        return encode_token(
            self.api,
            {
                "contact_list_id": self.contact_list_id,
                "import_job_id": self.import_job_id,
                "field_names": list(self.field_names),
                "batch_size": self.batch_size,
                "confirmed_batches": self.confirmed_batches,
                "confirmed_contacts": self.confirmed_contacts,
                "confirmed_digest": self.confirmed_digest,
                "match": list(self.match),
                "custom_events": list(self.custom_events),
                "run_method": self.run_method,
                "run_requested": self.run_requested,
                "source_fingerprint": self.source_fingerprint,
                "match_values": dict(self.match_values),
                "fields_derived": self.fields_derived,
            },
        )

    @classmethod
    def decode(cls, token: str, *, api: str) -> ResumeState:
        fields = decode_token(token, api=api)
        return cls(
            api=api,
            contact_list_id=fields.integer("contact_list_id"),
            import_job_id=fields.integer("import_job_id"),
            field_names=fields.texts("field_names"),
            batch_size=fields.integer("batch_size"),
            confirmed_batches=fields.integer("confirmed_batches"),
            confirmed_contacts=fields.integer("confirmed_contacts"),
            confirmed_digest=fields.text("confirmed_digest"),
            match=fields.texts("match"),
            custom_events=fields.texts("custom_events"),
            run_method=fields.choice("run_method", ("POST", "PUT", "PATCH")),
            run_requested=fields.flag("run_requested"),
            source_fingerprint=fields.optional_text("source_fingerprint"),
            match_values=fields.text_map("match_values"),
            fields_derived=fields.flag("fields_derived"),
        )
