"""`DataContractCodec`: one OpenAPI document's schemas as DataContract XML, both ways."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from typing import Any

from .. import _spec
from .._spec import ApiName
from ._contract import ArrayBounds, ContractTables, RootContract, array_bounds
from ._decoder import Decoder, iter_array_items, parse
from ._encoder import Encoder
from ._lexical import ticks_to_timespan, timespan_to_ticks

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""The largest document `decode` reads: a full W50 batch of 10,000 contacts is about 6 MB."""

_by_api: dict[str, DataContractCodec] = {}
_by_api_lock = threading.Lock()


class DataContractCodec:
    """Encodes JSON-shaped values (exactly what the JSON wire format carries: dicts, lists, str,
    int, float, bool, None) as the XML .NET's DataContractSerializer writes, and decodes such XML
    back to the same JSON-shaped value, so one model path (`Model.from_dict(...)`,
    `Model.model_validate(...)`) serves both formats.

    Everything about the XML is read from the document (docs/spec-conventions.md); tables are
    built once per schema and cached.
    """

    def __init__(self, document: Mapping[str, Any], *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._tables = ContractTables(document)
        self.max_bytes = max_bytes
        self._bounds: dict[str, ArrayBounds] = {}

    @classmethod
    def from_document(
        cls, document: Mapping[str, Any], *, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> DataContractCodec:
        """A codec for the schemas of a parsed OpenAPI document."""
        return cls(document, max_bytes=max_bytes)

    @classmethod
    def for_api(cls, api: ApiName) -> DataContractCodec:
        """The shared codec of one of the two APIs, from `contactimport.generated.spec`."""
        codec = _by_api.get(api)
        if codec is not None:
            return codec
        try:
            document = _spec.document(api)
        except ImportError as error:
            raise ImportError(
                "contactimport.datacontract needs the generated package "
                "contactimport.generated.spec (generated/spec, written by scripts/generate.py); "
                "install "
                "contactimport or run `nox -s generate`"
            ) from error
        with _by_api_lock:
            codec = _by_api.get(api)
            if codec is None:
                codec = cls(document)
                _by_api[api] = codec
        return codec

    @property
    def schema_names(self) -> tuple[str, ...]:
        """Every schema of the document (objects, arrays and scalars can all be roots)."""
        return self._tables.schema_names

    def root_element(self, schema_name: str) -> tuple[str, str]:
        """(namespace, local name) of the root element of `schema_name`'s documents."""
        root = self._root(schema_name)
        return root.namespace, root.name

    def encode(self, schema_name: str, value: object) -> bytes:
        """The UTF-8 XML document (no XML declaration) of a JSON-shaped `value`.

        Raises XmlEncodeError naming the field and the rule when the value does not fit the
        schema's contract or holds text XML 1.0 cannot carry.
        """
        return Encoder().encode(self._root(schema_name), value)

    def decode(
        self, schema_name: str, xml: bytes | str, *, ignored: list[str] | None = None
    ) -> Any:
        """The JSON-shaped value of an XML document of `schema_name`.

        Raises XmlDecodeError for unsafe input (DOCTYPE, too large, too deep, too many
        attributes or namespace declarations on an element), malformed XML, a wrong root
        element, member text that does not fit its type, or an array holding more items than
        its schema's maxItems (refused while parsing: the tree of such a document is never
        built whole).

        Elements DataContractSerializer skips (unknown ones, and members that come out of
        contract order or twice: .NET does not read them) are left out of the value; with
        ``ignored``, each is appended to it as `path (reason)`, e.g.
        `ImportJob.ContactListId (out of order)`.
        """
        root_contract = self._root(schema_name)
        root = parse(xml, self.max_bytes, self._array_bounds(schema_name, root_contract))
        return Decoder(ignored).decode(root_contract, root)

    def iter_items(
        self,
        schema_name: str,
        xml: bytes | bytearray | str,
        *,
        ignored: list[str] | None = None,
    ) -> Iterator[Any]:
        """The items of a document of an array schema, each decoded as soon as it is parsed
        (the tree never holds the whole document): what `decode` returns, one item at a time.

        Raises what `decode` raises (as the items are read), TypeError for a schema that is no
        array, and `NotStreamable` (a ValueError), before any item, when the root element
        carries attributes: `decode` reads such a document. ``ignored``: as for `decode`.
        """
        root_contract = self._root(schema_name)
        bounds = self._array_bounds(schema_name, root_contract)
        return iter_array_items(root_contract, xml, self.max_bytes, bounds, ignored)

    def _array_bounds(self, schema_name: str, root_contract: RootContract) -> ArrayBounds:
        bounds = self._bounds.get(schema_name)
        if bounds is None:
            bounds = self._bounds[schema_name] = array_bounds(root_contract)
        return bounds

    def _root(self, schema_name: str) -> RootContract:
        return self._tables.root(schema_name)


def canonical_timespan(text: str) -> str | None:
    """A JSON TimeSpan as Json.NET reads and writes it back (`"24:00:00"` -> `"24.00:00:00"`,
    `"00:00:00.1"` -> `"00:00:00.1000000"`), None when Json.NET refuses it."""
    ticks = timespan_to_ticks(text)
    return None if ticks is None else ticks_to_timespan(ticks)
