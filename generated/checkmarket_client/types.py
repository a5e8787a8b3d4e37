# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
"""Contains some shared types for properties"""

import datetime
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar
from urllib.parse import quote

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()


# contactimport: date-times keep their wire text, so a value read and sent back is the vendor's.
class ExactDateTime(datetime.datetime):
    """A date-time read from a response, keeping the text the server sent.

    .NET writes seven fraction digits (100 ns ticks, `2025-11-14T16:20:52.4841747+00:00`);
    Python's datetime holds six. `isoformat()` (what `to_dict()` sends) gives the server's text
    back unchanged; comparisons and arithmetic are datetime's (to the microsecond). A value
    derived from it (`replace()`, arithmetic, a copy) is written as a plain datetime.
    """

    @classmethod
    def parse(cls, text: str) -> "ExactDateTime":
        """The date-time of an ISO 8601 text (up to 7 fraction digits), keeping the text."""
        parsed = datetime.datetime.fromisoformat(text)
        value = cls(
            parsed.year,
            parsed.month,
            parsed.day,
            parsed.hour,
            parsed.minute,
            parsed.second,
            parsed.microsecond,
            parsed.tzinfo,
            fold=parsed.fold,
        )
        value.__dict__["_wire_text"] = text
        return value

    @property
    def wire_text(self) -> str:
        """The text the server sent (the standard ISO form for a value derived from it)."""
        text = self.__dict__.get("_wire_text")
        return text if isinstance(text, str) else super().isoformat()

    def isoformat(self, sep: str = "T", timespec: str = "auto") -> str:
        text = self.__dict__.get("_wire_text")
        if sep == "T" and timespec == "auto" and isinstance(text, str):
            return text
        return super().isoformat(sep, timespec)


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


# contactimport: query strings are encoded here, not by httpx, so that an array parameter with
# `style: form, explode: false` goes on the wire as ONE value whose items are joined by a literal ","
# (RFC 6570 form expansion, as OpenAPI specifies: `customevents=A,B`), while a "," inside an item is
# percent-encoded (`%2C`) like every other reserved character. scripts/generate.py refuses a spec with
# an array query parameter of any other style, so every list here is such a parameter.
# Caveat: httpx replaces a request URL's query string when the httpx client itself carries `params`;
# do not pass `params` in `httpx_args`.


def _query_scalar(value: Any) -> str:
    """One query value as text: booleans as JSON writes them, everything else via str()."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def encode_query(params: Mapping[str, Any]) -> str:
    """The query string for `params` ("" when empty, else "?name=value&..."), in insertion order.

    Names and values are percent-encoded (RFC 3986 unreserved characters only stay as they are; a
    space is %20); a list becomes one comma-joined value; an empty list, None and UNSET are omitted.
    """
    pairs: list[str] = []
    for name, value in params.items():
        if value is None or isinstance(value, Unset):
            continue
        if isinstance(value, (list, tuple)):
            if not value:
                continue
            text = ",".join(quote(_query_scalar(item), safe="") for item in value)
        else:
            text = quote(_query_scalar(value), safe="")
        pairs.append(quote(name, safe="") + "=" + text)
    return "?" + "&".join(pairs) if pairs else ""


def merge_free_form_query(params: dict[str, Any], free_form: Mapping[str, Any]) -> None:
    """Add a free-form query object's entries to `params`.

    Raises ValueError when a key is also a named query parameter that has a value: the wire has one
    name space, and silently dropping either value would send another request than the one asked for.
    """
    for name, value in free_form.items():
        if params.get(name) is not None and not isinstance(params[name], Unset):
            raise ValueError(
                f"query parameter {name!r} is given both as a named parameter and as a free-form "
                "query entry; the query string can carry only one of them"
            )
        params[name] = value


__all__ = [
    "UNSET",
    "ExactDateTime",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "encode_query",
    "merge_free_form_query",
]
