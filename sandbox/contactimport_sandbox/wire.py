"""Media types on the wire: content negotiation, and JSON/XML bodies to and from JSON-shaped values.

XML goes through the project's DataContract codec (``contactimport.datacontract``), which reads
every XML rule from the spec document; JSON is plain ``json`` (Json.NET-compatible output), without
the members the spec marks as absent from JSON (``x-wire-formats``, e.g. W50 ``Contact.Id``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from contactimport._wireformats import OffWireMembers

from . import spec
from .errors import BadRequest, NotAcceptable, UnsupportedMediaType
from .spec import Api

JSON_TYPES = ("application/json", "text/json")
XML_TYPES = ("application/xml", "text/xml")
OFFERED = JSON_TYPES + XML_TYPES

NOT_ACCEPTABLE = (
    "None of the requested media types is supported: {accept}. Offered: " + ", ".join(OFFERED) + "."
)
UNSUPPORTED = "The request entity's media type '{media}' is not supported for this resource."


def _media_ranges(accept: str) -> list[tuple[str, float, int]]:
    ranges = []
    for position, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in pieces[1:]:
            if param.lower().startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality, position))
    return ranges


def negotiate(accept: str | None) -> str:
    """The media type to answer in: the client's most preferred one that we offer."""
    if accept is None or not accept.strip():
        return "application/json"
    best: tuple[float, int, int, str] | None = None
    for media, quality, position in _media_ranges(accept):
        if quality <= 0:
            continue
        for rank, offered in enumerate(OFFERED):
            kind, _, _sub = offered.partition("/")
            if media in (offered, "*/*", f"{kind}/*"):
                specificity = 2 if media == offered else 1 if media != "*/*" else 0
                key = (-quality, -specificity, position * 10 + rank, offered)
                if best is None or key < best:
                    best = key
                break
    if best is None:
        raise NotAcceptable(NOT_ACCEPTABLE.format(accept=accept))
    return best[3]


def body_media(content_type: str | None) -> str:
    """The media type of a request body, refused with 415 unless we read it."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media not in OFFERED:
        raise UnsupportedMediaType(UNSUPPORTED.format(media=media or "(none)"))
    return media


def is_xml(media: str) -> bool:
    return media in XML_TYPES


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


Encoder = Callable[[str, Any], bytes]
Decoder = Callable[[str, bytes], Any]


class Wire:
    """Encodes and decodes the bodies of one API."""

    def __init__(self, api: Api, document: dict[str, Any] | None = None) -> None:
        self.api = api
        self._xml: Any = None
        self._json_members = OffWireMembers(
            spec.document(api) if document is None else document, "json"
        )

    def _codec(self) -> Any:
        if self._xml is None:
            from contactimport.datacontract import DataContractCodec

            self._xml = DataContractCodec.for_api(self.api)
        return self._xml

    def decode(
        self,
        media: str,
        schema_name: str,
        body: bytes | bytearray,
        ignored: list[str] | None = None,
    ) -> Any:
        """The body's value; an XML body is read as .NET reads it, the elements .NET would
        skip appended to ``ignored`` (`DataContractCodec.decode`)."""
        if is_xml(media):
            try:
                return self._codec().decode(schema_name, body, ignored=ignored)
            except ValueError as exc:  # XmlDecodeError names the field and the rule
                raise BadRequest(f"The XML body could not be read: {exc}") from None
        try:
            return json.loads(body, parse_constant=_refuse_constant)
        except (ValueError, UnicodeDecodeError) as exc:
            raise BadRequest(f"The JSON body could not be read: {exc}") from None
        except RecursionError:
            raise BadRequest("The JSON body could not be read: it is nested too deeply.") from None

    def array_text(
        self, schema_name: str, body: bytes | bytearray, ignored: list[str] | None = None
    ) -> str | None:
        """An XML document of an array schema as the JSON array text of its items, read one
        item at a time (``DataContractCodec.iter_items``): the document's tree and its decoded
        list are never held whole. None when the root carries attributes (read it whole)."""
        from contactimport.datacontract import NotStreamable

        parts: list[str] = []
        try:
            for item in self._codec().iter_items(schema_name, body, ignored=ignored):
                parts.append(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
        except NotStreamable:
            return None
        except ValueError as exc:  # XmlDecodeError names the field and the rule
            raise BadRequest(f"The XML body could not be read: {exc}") from None
        return "[" + ",".join(parts) + "]"

    def encode(self, media: str, schema_name: str, value: Any) -> bytes:
        if is_xml(media):
            encoded: bytes = self._codec().encode(schema_name, value)
            return encoded
        value = self._json_members.strip(schema_name, value)
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
