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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, get_args, get_origin, get_type_hints

from .._operations import JsonBody

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = [
    "TOKEN_VERSIONS",
    "ContactDigest",
    "DigestedBatch",
    "InvalidResumeToken",
    "ResumeState",
    "RunMethod",
    "decode_state",
    "decode_token",
    "encode_state",
    "encode_token",
]

D = TypeVar("D", bound="DataclassInstance")

RunMethod = Literal["POST", "PUT", "PATCH"]

TOKEN_VERSIONS: Final[Mapping[str, int]] = {"which50": 2, "checkmarket": 3}
"""The token version each API's workflow writes and reads. Version 2 added the settings a resume
needs (W50 match values and whether the FieldNames were derived; CheckMarket's configuration as
given and whether it serves a single bulk import). CheckMarket's version 3 added its chunks in
doubt: the chunk in flight (recorded before it is sent), the chunks held back, and the
configuration's settings as the server holds them. Each API counts on its own, so a change of one
workflow's token does not refuse the other's tokens of imports under way."""


class InvalidResumeToken(ValueError):
    """The token is not one this library wrote, or was written for another API."""


def encode_token(api: str, fields: Mapping[str, Any]) -> str:
    """The token of ``fields`` (JSON values) for ``api``: URL-safe base64 of canonical JSON."""
    document = {**fields, "v": TOKEN_VERSIONS[api], "api": api}
    raw = json.dumps(document, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_token(token: str, *, api: str) -> dict[str, Any]:
    """The fields of a token :func:`encode_token` wrote for ``api`` in this version."""
    try:
        text = token.strip()
        raw = base64.urlsafe_b64decode((text + "=" * (-len(text) % 4)).encode("ascii"))
        document = json.loads(raw)
    except (ValueError, binascii.Error, UnicodeError) as error:
        raise InvalidResumeToken("the resume token is not valid (not base64 JSON)") from error
    if not isinstance(document, dict):
        raise InvalidResumeToken("the resume token has an unknown version")
    if document.get("api") != api:
        raise InvalidResumeToken(f"the resume token is for {document.get('api')!r}, not {api!r}")
    version, expected = document.get("v"), TOKEN_VERSIONS[api]
    if version != expected:
        written_by = ""
        if isinstance(version, int) and not isinstance(version, bool) and version > 0:
            age = "an older" if version < expected else "a newer"
            written_by = (
                f" ({version}): it was written by {age} version of contactimport, and this one "
                f"reads version {expected} only"
            )
        raise InvalidResumeToken(f"the resume token has an unknown version{written_by}")
    return document


def encode_state(api: str, state: DataclassInstance) -> str:
    """The token of a resume-state dataclass: each field (but ``api``) as a JSON value."""
    document: dict[str, Any] = {}
    for item in fields(state):
        value = getattr(state, item.name)
        if item.name != "api":
            document[item.name] = (
                list(value)
                if isinstance(value, tuple)
                else dict(value)
                if isinstance(value, Mapping)
                else value
            )
    return encode_token(api, document)


def decode_state(cls: type[D], token: str, *, api: str) -> D:
    """A resume-state dataclass from the token :func:`encode_state` wrote.

    Each field is read by its annotated type (see ``_KINDS``); a missing field or one whose value
    breaks its type's rule refuses the token, naming the field and the rule.
    """
    document = decode_token(token, api=api)
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for item in fields(cls):
        if item.name == "api":
            values["api"] = api
            continue
        if item.name not in document:
            raise InvalidResumeToken(f"the resume token is incomplete: {item.name!r} is missing")
        values[item.name] = _read(item.name, document[item.name], hints[item.name])
    return cls(**values)


def _read(key: str, value: Any, hint: Any) -> Any:
    accepts: Callable[[Any], bool]
    convert: Callable[[Any], Any]
    if get_origin(hint) is Literal:
        options = get_args(hint)
        accepts, rule, convert = (lambda v: v in options), f"one of {', '.join(options)}", _same
    else:
        accepts, rule, convert = _KINDS[hint]
    if not accepts(value):
        raise InvalidResumeToken(f"the resume token is damaged: {key!r} must be {rule}")
    return convert(value)


def _same(value: Any) -> Any:
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# The types a resume state's fields may have: (whether a JSON value is one, the rule, conversion).
_KINDS: Final[dict[Any, tuple[Callable[[Any], bool], str, Callable[[Any], Any]]]] = {
    int: (_is_int, "an integer", _same),
    bool: (lambda v: isinstance(v, bool), "true or false", _same),
    str: (lambda v: isinstance(v, str), "a string", _same),
    str | None: (lambda v: v is None or isinstance(v, str), "a string or null", _same),
    int | None: (lambda v: v is None or _is_int(v), "an integer or null", _same),
    tuple[str, ...]: (
        lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
        "a list of strings",
        tuple,
    ),
    tuple[int, ...]: (
        lambda v: isinstance(v, list) and all(_is_int(i) for i in v),
        "a list of integers",
        tuple,
    ),
    Mapping[str, str]: (
        lambda v: isinstance(v, dict) and all(isinstance(i, str) for i in v.values()),
        "an object of strings",
        dict,
    ),
    Mapping[str, Any] | None: (
        lambda v: v is None or isinstance(v, dict),
        "an object or null",
        _same,
    ),
}


_CANONICAL: Final = json.JSONEncoder(sort_keys=True, separators=(",", ":"), default=str).encode
"""A contact as canonical JSON (keys sorted, no blanks): one line of the digest."""


def _digest_lines(contacts: Iterable[Mapping[str, Any]]) -> bytes:
    # One encoder for every contact (json.dumps with options builds one per call), one text.
    return "".join([_CANONICAL(contact) + "\n" for contact in contacts]).encode(
        "utf-8", "surrogatepass"
    )


class DigestedBatch(JsonBody):
    """A batch of contacts checked by the client's own rules and digested once, when it is
    made: a workflow makes it ahead of the batch's turn (while the previous one is on the wire),
    so that the client sends it without checking it again and :meth:`ContactDigest.update`
    only hashes its lines after the upload. Not to be changed after."""

    __slots__ = ("lines",)

    def __init__(self, body: JsonBody) -> None:
        """``body``: what the client's parameter adapter made of the batch (its wire shape)."""
        super().__init__(body)
        self.lines = _digest_lines(self)
        """The contacts as the digest reads them (canonical JSON, one line each)."""


class ContactDigest:
    """Running SHA-256 over contacts, insensitive to key order (canonical JSON, one per line)."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()

    def update(self, contacts: Iterable[Mapping[str, Any]]) -> None:
        """Add contacts to the digest (each as canonical JSON, in order)."""
        # One hash update per batch; a DigestedBatch brings its lines (made ahead).
        lines = contacts.lines if type(contacts) is DigestedBatch else _digest_lines(contacts)
        self._hash.update(lines)

    def hexdigest(self) -> str:
        """The digest of the contacts added so far, in hex."""
        return self._hash.copy().hexdigest()

    def copy(self) -> ContactDigest:
        """An independent copy of the digest so far."""
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
    run_method: RunMethod = "POST"
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
        """This state as a continuation token (text to keep, to resume from)."""
        return encode_state(self.api, self)

    @classmethod
    def decode(cls, token: str, *, api: str) -> ResumeState:
        """The state carried by a continuation token of `api`."""
        return decode_state(cls, token, api=api)
