"""The one hardened XML parser: every XML document contactimport reads goes through `parse_xml`
(the DataContract codec's request and response bodies, in the client and in the sandbox, and the
client's error bodies).

Before anything is built: a size limit; UTF-16/UTF-32 transcoded to UTF-8 (so every check sees
the bytes the parser sees); no DTD at all (a document with a DOCTYPE is refused, so no entity is
ever expanded: billion laughs, quadratic blow-up, XXE and external DTDs cannot happen); at most
`MAX_ATTRIBUTES` attributes and `MAX_NAMESPACE_DECLARATIONS` namespace declarations on any one
element. While parsing: no network, nothing external resolved, libxml2's nesting limit of
`MAX_DEPTH` levels. Every step is linear in the document's size: libxml2 reads attributes and
declarations in linear time, but lxml reads an element's attribute values (`values()`,
`items()`) in time quadratic in their number, so the caps keep any later reading bounded.

The limits are this parser's hardening, not facts of either API: no DataContract document needs
more than a handful of attributes or declarations on an element (i:type, i:nil, z:Id, z:Ref and
the xmlns that bind them), nor an error body. A refused document raises XmlDecodeError naming the
rule, which the sandbox answers with 400 and the client's error reader keeps as text.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from typing import Any, Literal

from lxml import etree

from ._errors import XmlDecodeError

MAX_DEPTH = 256
"""Elements nested deeper are refused: libxml2's own limit without XML_PARSE_HUGE."""

MAX_ATTRIBUTES = 64
"""Attributes on one element (namespace declarations not counted); more are refused."""

MAX_NAMESPACE_DECLARATIONS = 64
"""Namespace declarations (`xmlns`, `xmlns:p`) on one element; more are refused. Together with
MAX_DEPTH this also bounds the namespaces in scope wherever a prefix is resolved."""

_local = threading.local()


class _NothingExternal(etree.Resolver):
    """Every external entity, parameter entity or DTD resolves to nothing: even if a DOCTYPE got
    past the checks, no file is read and no URL fetched."""

    # lxml-stubs 0.5 leave out the `context` argument lxml passes and resolve_string needs.
    def resolve(self, system_url: str, public_id: str, context: Any) -> Any:  # type: ignore[override]
        return self.resolve_string("", context)  # type: ignore[call-arg]


_HARDENED: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "collect_ids": False,
}
"""lxml's parser options for every parse here (with a resolver of nothing added)."""


def _new_parser(*, keep_pis: bool = False, target: Any = None) -> etree.XMLParser:
    parser = etree.XMLParser(**_HARDENED, remove_pis=not keep_pis, target=target)
    parser.resolvers.add(_NothingExternal())
    return parser


def _parser(*, keep_pis: bool = False) -> etree.XMLParser:
    """lxml parsers are not shared between threads: one per thread (and one that keeps
    processing instructions, to find them)."""
    name = "pi_parser" if keep_pis else "parser"
    parser: etree.XMLParser | None = getattr(_local, name, None)
    if parser is None:
        parser = _new_parser(keep_pis=keep_pis)
        setattr(_local, name, parser)
    return parser


# -- attributes and namespace declarations per element ------------------------------------------
# Every attribute and every declaration has its "=" inside its start tag, and no "<" can come
# between (XML forbids "<" in attribute values). So an element over either limit has a start tag
# holding more than _EQUALS_SEEN "=", and at least _TAG_BYTES bytes (` a=""` each), with no "<".
# Runs of that many bytes without "<" are found by one regular expression, about 1 ns a byte (the
# usual document has few: long text values); only a run holding that many "=" (text can hold them
# too) costs a counting parse, which settles it exactly.
_EQUALS_SEEN = min(MAX_ATTRIBUTES, MAX_NAMESPACE_DECLARATIONS)
_TAG_BYTES = 5 * (_EQUALS_SEEN + 1)
_LONG_RUN = re.compile(rb"<[^<]{%d,}" % _TAG_BYTES)


def _may_exceed_the_limits(data: bytes) -> bool:
    """Whether an element might carry too many attributes or declarations (`data` is in an
    ASCII-compatible encoding); False settles it."""
    count = data.count
    runs = _LONG_RUN.finditer(data)
    return any(count(b"=", run.start(), run.end()) > _EQUALS_SEEN for run in runs)


class _OverTheLimit(Exception):
    """Raised from the counting parse's callbacks to stop it at the first element over a limit."""


class _Counter:
    """A parser target that counts each element's attributes and declarations, and builds
    nothing. lxml reports an element's declarations (start_ns) just before the element."""

    def __init__(self) -> None:
        self.declarations = 0

    def start_ns(self, prefix: str | None, uri: str) -> None:
        self.declarations += 1
        if self.declarations > MAX_NAMESPACE_DECLARATIONS:
            raise _OverTheLimit(
                f"more than {MAX_NAMESPACE_DECLARATIONS} namespace declarations on one element"
            )

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if len(attrib) > MAX_ATTRIBUTES:
            raise _OverTheLimit(f"more than {MAX_ATTRIBUTES} attributes on one element")
        self.declarations = 0

    def close(self) -> None:
        return None


def _check_element_limits(data: bytes) -> None:
    """Refuses a document with an element over MAX_ATTRIBUTES or MAX_NAMESPACE_DECLARATIONS."""
    if not _may_exceed_the_limits(data):
        return
    try:
        etree.fromstring(data, _new_parser(target=_Counter()))
    except _OverTheLimit as error:
        raise XmlDecodeError("", str(error)) from None
    except etree.XMLSyntaxError:
        return  # the parse that follows says what is wrong


# -- processing instructions ----------------------------------------------------------------------
_QUESTION_MARKS_SCANNED = 64  # one by one; after that, one search for "<?"
_DECLARATION_BYTES = re.compile(rb"\A(?:\xef\xbb\xbf)?<\?xml[ \t\r\n][^>]*\?>")


_VERSION = re.compile(
    rb"""\A(?:\xef\xbb\xbf)?<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])([^"']*)\1"""
)


def _check_xml_version(data: bytes) -> None:
    """Refuses an XML declaration whose version is not 1.0, as .NET's reader refuses it ("XML
    version must be '1.0'"; libxml2 would read a 1.1 document as 1.0)."""
    declared = _VERSION.match(data)
    if declared is not None and declared.group(2) != b"1.0":
        version = declared.group(2).decode("ascii", "replace")
        raise XmlDecodeError("", f"XML version must be '1.0', the declaration says {version!r}")


def _has_processing_instruction(data: bytes) -> bool:
    """Whether the document holds a processing instruction other than the XML declaration
    (`data` is in an ASCII-compatible encoding). A scan for "<?" settles the usual case; only a
    document holding one (in a comment or a CDATA section, or a real instruction) is parsed a
    second time, keeping instructions, to look."""
    declaration = _DECLARATION_BYTES.match(data)
    position = declaration.end() if declaration else 0
    # "?" is rare in a document and found with memchr; a two-byte search costs far more
    for _ in range(_QUESTION_MARKS_SCANNED):
        position = data.find(b"?", position)
        if position < 0:
            return False
        if position and data[position - 1] == 0x3C:  # "<?"
            break
        position += 1
    else:
        if data.find(b"<?", position) < 0:
            return False
    try:
        root = etree.fromstring(data, _parser(keep_pis=True))
    except etree.XMLSyntaxError:
        return False  # the parse that follows says what is wrong
    return bool(root.xpath("//processing-instruction()"))


# -- encodings and the prolog ---------------------------------------------------------------------
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
# BOMs and "<?" / "<" in encodings that are not ASCII-compatible: (prefix, codec, BOM length).
_WIDE_ENCODINGS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", 4),
    (b"\xff\xfe\x00\x00", "utf-32-le", 4),
    (b"\xfe\xff", "utf-16-be", 2),
    (b"\xff\xfe", "utf-16-le", 2),
    (b"\x00\x00\x00<", "utf-32-be", 0),
    (b"<\x00\x00\x00", "utf-32-le", 0),
    (b"\x00<", "utf-16-be", 0),
    (b"<\x00", "utf-16-le", 0),
)


def _ascii_compatible(data: bytes) -> bytes:
    """UTF-16 and UTF-32 documents transcoded to UTF-8 (declaration removed), so that the
    lexical checks and the parser see the same bytes; other documents unchanged."""
    for prefix, codec, bom in _WIDE_ENCODINGS:
        if data.startswith(prefix):
            try:
                text = data[bom:].decode(codec)
            except UnicodeDecodeError:
                raise XmlDecodeError("", f"not well-formed {codec.upper()} text") from None
            return _utf8(text)
    if data[:4] == b"\x4c\x6f\xa7\x94":
        raise XmlDecodeError("", "EBCDIC documents are not supported")
    return data


def _utf8(text: str) -> bytes:
    _check_xml_version(text[:256].encode("utf-8", "replace"))  # before the declaration goes
    try:
        return _XML_DECLARATION.sub("", text, count=1).encode("utf-8")
    except UnicodeEncodeError:
        raise XmlDecodeError("", "text XML 1.0 cannot carry: a lone surrogate") from None


def _has_doctype(data: bytes) -> bool:
    """Whether the prolog (before the root element) holds a DOCTYPE (`data` is in an
    ASCII-compatible encoding: see `_ascii_compatible`)."""
    position = 0
    length = len(data)
    while True:
        start = data.find(b"<", position)
        if start < 0 or start + 1 >= length:
            return False
        marker = data[start + 1 : start + 2]
        if marker == b"?":
            end = data.find(b"?>", start + 2)
            position = end + 2 if end >= 0 else length
        elif data.startswith(b"<!--", start):
            end = data.find(b"-->", start + 4)
            position = end + 3 if end >= 0 else length
        else:
            # <!DOCTYPE (or any other <! that may not come before the root), or the root itself
            return marker == b"!"


def prepare_xml(
    data: bytes | bytearray | memoryview | str, max_bytes: int, *, processing_instructions: bool
) -> bytes:
    """A document's bytes as the parser gets them, once every check before parsing passed:
    the size limit, UTF-16/32 transcoded to UTF-8, no DOCTYPE, the attribute and declaration
    limits per element, and (``processing_instructions`` False) no processing instruction."""
    if isinstance(data, str):
        if len(data) > max_bytes:
            raise XmlDecodeError("", f"document larger than the limit of {max_bytes} bytes")
        data = _utf8(data)
    elif isinstance(data, bytes | bytearray | memoryview):
        data = bytes(data)
        if len(data) > max_bytes:
            raise XmlDecodeError("", f"document larger than the limit of {max_bytes} bytes")
        data = _ascii_compatible(data)
    else:
        raise TypeError(f"xml must be bytes or str, not {type(data).__name__}")
    if _has_doctype(data):
        raise XmlDecodeError("", "a DOCTYPE is not allowed (no DTDs, no entities)")
    _check_xml_version(data)
    _check_element_limits(data)
    if not processing_instructions and _has_processing_instruction(data):
        raise XmlDecodeError(
            "", "processing instructions (other than the XML declaration) are not allowed"
        )
    return data


def pull_parser(
    tags: set[str], events: tuple[Literal["start", "end"], ...] = ("end",)
) -> etree.XMLPullParser:
    """A parser as hardened as `parse_xml`'s that reports ``events`` of each element named in
    ``tags``; feed it what `prepare_xml` returned."""
    parser = etree.XMLPullParser(events=events, tag=sorted(tags), **_HARDENED, remove_pis=True)
    parser.resolvers.add(_NothingExternal())
    return parser


def syntax_error(error: etree.XMLSyntaxError) -> XmlDecodeError:
    """The XmlDecodeError of a document libxml2 could not read."""
    message = str(error)
    if "depth" in message.lower():
        return XmlDecodeError("", f"nesting deeper than {MAX_DEPTH} levels")
    return XmlDecodeError("", f"not well-formed XML: {message}")


def check_no_doctype(root: etree._Element) -> None:
    """Refuses a parsed document that has a DOCTYPE after all (the lexical check missed it)."""
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise XmlDecodeError("", "a DOCTYPE is not allowed (no DTDs, no entities)")


FEED_BYTES = 1 << 20
"""A pull parser is given a document a mebibyte at a time."""

ItemBounds = Mapping[tuple[str, str], tuple[int, str]]
"""(array element tag, item element tag) -> (maxItems, the array's name for the message)."""


class ItemCounter:
    """Counts the items of every array ``bounds`` names as a pull parser reports their ends,
    and refuses an array at its first item past its maxItems."""

    def __init__(self, bounds: ItemBounds) -> None:
        self.bounds = bounds
        self.counts: dict[etree._Element, int] = {}

    def count(self, element: etree._Element) -> None:
        parent = element.getparent()
        if parent is None:
            return
        bound = self.bounds.get((str(parent.tag), str(element.tag)))
        if bound is None:
            return
        count = self.counts.get(parent, 0) + 1
        self.counts[parent] = count
        if count > bound[0]:
            raise XmlDecodeError(bound[1], f"holds more than {bound[0]} items (maxItems)")


def _parse_bounded(data: bytes, bounds: ItemBounds) -> etree._Element:
    """Parse a mebibyte at a time, counting the items of every array with a maxItems as they
    arrive: an array over its bound is refused as soon as it passes it, so the tree of an
    over-long document is never built whole (issue 20: 1,850,000 FieldNames took 1.3 GB)."""
    parser = pull_parser({item for _, item in bounds})
    items = ItemCounter(bounds)
    for start in range(0, len(data), FEED_BYTES):
        parser.feed(data[start : start + FEED_BYTES])
        for _, event in parser.read_events():
            element: etree._Element = event  # type: ignore[assignment]  # "end" events: elements
            items.count(element)
    root: etree._Element = parser.close()
    return root


def parse_xml(
    data: bytes | bytearray | memoryview | str,
    max_bytes: int,
    *,
    processing_instructions: bool = True,
    bounds: ItemBounds | None = None,
) -> etree._Element:
    """The root element of a document, parsed safely (see the module's docstring); comments and
    processing instructions are left out of the tree. With `processing_instructions=False` a
    document holding one (other than the XML declaration) is refused, as DataContractSerializer
    refuses it; with ``bounds``, an array longer than its maxItems is refused while parsing.
    Raises XmlDecodeError naming the rule for anything refused or malformed."""
    data = prepare_xml(data, max_bytes, processing_instructions=processing_instructions)
    try:
        root = _parse_bounded(data, bounds) if bounds else etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        raise syntax_error(error) from None
    check_no_doctype(root)
    return root
