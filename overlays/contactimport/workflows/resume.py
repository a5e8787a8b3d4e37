"""Resume tokens: what an interrupted import needs to continue without uploading a batch twice.

A token records the import job, how many batches (and contacts) the server confirmed, and a
SHA-256 digest of exactly those contacts. Resuming re-reads the source, skips the confirmed
batches while recomputing their digest, and refuses to continue if the source changed.
The token is opaque to users: URL-safe base64 of a small JSON document, no credentials in it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Final

__all__ = ["ContactDigest", "InvalidResumeToken", "ResumeState"]

TOKEN_VERSION: Final = 1


class InvalidResumeToken(ValueError):
    """The token is not one this library wrote, or was written for another API."""


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

    def confirm(self, contacts: int, digest: str) -> ResumeState:
        """The state after one more batch of ``contacts`` contacts was confirmed by the server."""
        return replace(
            self,
            confirmed_batches=self.confirmed_batches + 1,
            confirmed_contacts=self.confirmed_contacts + contacts,
            confirmed_digest=digest,
        )

    def encode(self) -> str:
        document = {"v": TOKEN_VERSION, **asdict(self)}
        raw = json.dumps(document, separators=(",", ":"), sort_keys=True).encode()
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, token: str, *, api: str) -> ResumeState:
        try:
            padded = token.strip() + "=" * (-len(token.strip()) % 4)
            document = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        except (ValueError, binascii.Error, UnicodeError) as error:
            raise InvalidResumeToken("the resume token is not valid (not base64 JSON)") from error
        if not isinstance(document, dict) or document.get("v") != TOKEN_VERSION:
            raise InvalidResumeToken("the resume token has an unknown version")
        if document.get("api") != api:
            raise InvalidResumeToken(
                f"the resume token is for {document.get('api')!r}, not {api!r}"
            )
        try:
            return cls(
                api=str(document["api"]),
                contact_list_id=int(document["contact_list_id"]),
                import_job_id=int(document["import_job_id"]),
                field_names=tuple(str(n) for n in document["field_names"]),
                batch_size=int(document["batch_size"]),
                confirmed_batches=int(document["confirmed_batches"]),
                confirmed_contacts=int(document["confirmed_contacts"]),
                confirmed_digest=str(document["confirmed_digest"]),
                match=tuple(str(n) for n in document["match"]),
                custom_events=tuple(str(n) for n in document["custom_events"]),
                run_method=str(document["run_method"]),
                run_requested=bool(document["run_requested"]),
                source_fingerprint=(
                    None
                    if document.get("source_fingerprint") is None
                    else str(document["source_fingerprint"])
                ),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise InvalidResumeToken(f"the resume token is incomplete: {error}") from error
