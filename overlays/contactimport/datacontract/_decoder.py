"""DataContract XML -> JSON-shaped value, read as DataContractSerializer reads it.

Members are read in contract order (base class first, then ordinal): an element naming a
member that comes before one already read (out of order, or repeated) is skipped and the member
keeps what it had, absent if nothing; unknown elements are skipped, in an object, a collection
and a dictionary alike, and so are elements other than Key and Value inside a dictionary entry.
Each skipped element is reported to the caller's `ignored` list, if it gives one (the sandbox
names them in a response header). A dictionary entry needs its Key, then its Value. `i:nil`
means null, refused on a member the contract makes a .NET value type (`_contract.Member.nillable`).
Whitespace between elements is ignored (a CDATA section holding only whitespace too: .NET's
reader skips it there like whitespace, and lxml merges it into the text around it) and numbers
may carry surrounding whitespace. Text where elements belong (in an object, a collection, a
dictionary or one of its entries, or an `object` value without a scalar i:type) is refused, as
DataContractSerializer refuses it ("Expecting state 'Element'.. Encountered 'Text'"), and so are
elements inside a scalar's text, processing instructions (ASP.NET Web API's reader,
XmlDictionaryReader.CreateTextReader, refuses them anywhere), an XML declaration of another
version than 1.0, doubles beyond Double.MaxValue, typed integers outside their .NET type's
range, an i:type naming a type .NET does not know, and one on an object, collection or
dictionary naming another contract than its own (all checked against Mono; i:type is resolved
as .NET resolves it: `resolve_qname`).
Members absent from the XML are absent from the result, as they would be from JSON.

Parsing is hardened before anything is read (`_safexml.parse_xml`: size, no DTD, depth,
attributes and namespace declarations per element). Reading stays linear in the document: an
element's attributes are tested with `keys()` (lxml's `values()` and `items()` cost time
quadratic in the number of attributes) and read one by one with `get()`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from lxml import etree

from ._contract import (
    ARRAYS_NS,
    SERIALIZATION_NS,
    AnyType,
    ArrayBounds,
    ArrayType,
    DictionaryType,
    ObjectType,
    RootContract,
    ScalarType,
    TypeRef,
    UnionType,
)
from ._errors import FieldPath, XmlDecodeError, render_path
from ._safexml import (
    FEED_BYTES,
    ItemCounter,
    check_no_doctype,
    parse_xml,
    prepare_xml,
    pull_parser,
    syntax_error,
)
from ._xstypes import (
    BOOL_TYPE,
    BOOLEANS,
    DOUBLE_TYPE,
    I_NIL,
    I_TYPE,
    INVALID,
    LONG_TYPE,
    QNAMES,
    STRING_TYPE,
    TEXT_FOUND_ELEMENTS,
    TYPED_SCALARS,
    WHITESPACE,
    clark,
    convert,
    declared_type,
    describe_type,
    element_text,
    qname_entry,
    read_scalar,
    typed_value,
)

_Z_ID = f"{{{SERIALIZATION_NS}}}Id"
_Z_REF = f"{{{SERIALIZATION_NS}}}Ref"
_KEY_VALUE = f"{{{ARRAYS_NS}}}KeyValueOfstringanyType"
_KEY = f"{{{ARRAYS_NS}}}Key"
_VALUE = f"{{{ARRAYS_NS}}}Value"


def parse(
    data: bytes | bytearray | memoryview | str, max_bytes: int, bounds: ArrayBounds | None = None
) -> etree._Element:
    """The root element of a document, read by the hardened parser (`_safexml.parse_xml`);
    processing instructions are refused, as DataContractSerializer's reader refuses them
    ("Processing instructions (other than the XML declaration) ... are not supported"). With
    ``bounds``, an array longer than its maxItems is refused while parsing."""
    return parse_xml(data, max_bytes, processing_instructions=False, bounds=bounds)


def _wrong_root(root_contract: RootContract, root: etree._Element) -> XmlDecodeError:
    found = f"expected the root element {root_contract.tag}, found {root.tag}"
    return XmlDecodeError(root_contract.schema_name, found)


class NotStreamable(ValueError):
    """The array document's root carries attributes (``i:nil``, ``i:type``): read it whole."""


def iter_array_items(
    root_contract: RootContract,
    data: bytes | bytearray | memoryview | str,
    max_bytes: int,
    bounds: ArrayBounds,
    ignored: list[str] | None = None,
) -> Iterator[Any]:
    """The items of an array document, each decoded as soon as it is parsed and then dropped
    from the tree, which never holds more than two items (issue 20: a whole 100,000-contact
    tree and its decoded list were twenty times the document). Checks what `Decoder` checks
    of the root and between items; nested arrays are counted against ``bounds`` as in `parse`.
    The root array's own length is the caller's to check. ``NotStreamable`` before any item
    when the root carries attributes.
    """
    array = root_contract.type
    if not isinstance(array, ArrayType):
        raise TypeError(f"{root_contract.schema_name} is not an array document")
    path = root_contract.schema_name
    data = prepare_xml(data, max_bytes, processing_instructions=False)
    item_tag = array.item_tag
    tags = {root_contract.tag, item_tag} | {item for _, item in bounds}
    parser = pull_parser(tags, ("start", "end"))
    decoder = Decoder(ignored)
    items = ItemCounter(bounds)
    root: etree._Element | None = None
    index = 0

    def settle(before: etree._Element | None) -> None:
        """Check and drop the root's children before ``before`` (every one when None)."""
        assert root is not None
        while len(root) and root[0] is not before:
            child = root[0]
            tail = child.tail
            if tail and tail.strip(WHITESPACE):
                raise XmlDecodeError(render_path(path), _TEXT_RULE)
            if child.tag != item_tag and isinstance(child.tag, str):
                decoder._ignore(f"{render_path(path)}.{_local(child.tag)}", _NOT_AN_ITEM)
            del root[0]

    try:
        for start in range(0, max(len(data), 1), FEED_BYTES):
            parser.feed(data[start : start + FEED_BYTES])
            for action, event in parser.read_events():
                element: etree._Element = event  # type: ignore[assignment]
                parent = element.getparent()
                if parent is None:
                    if action == "start":
                        root = element
                        if root.tag != root_contract.tag:
                            raise _wrong_root(root_contract, root)
                        if root.keys():  # keys(): linear, values() is not
                            raise NotStreamable(path)
                    continue
                if root is None and parent.getparent() is None:  # the root's start was not
                    raise _wrong_root(root_contract, parent)  # reported: another tag
                if action != "end":
                    continue
                if parent is root and element.tag == item_tag:
                    settle(element)
                    text = root.text
                    if text and text.strip(WHITESPACE):
                        raise XmlDecodeError(render_path(path), _TEXT_RULE)
                    yield decoder._value(element, array.item, (path, index))
                    index += 1
                    tail = element.tail
                    element.clear()
                    element.tail = tail
                    continue
                items.count(element)
        closed: etree._Element = parser.close()
    except etree.XMLSyntaxError as error:
        raise syntax_error(error) from None
    check_no_doctype(closed)
    if closed.tag != root_contract.tag:
        raise _wrong_root(root_contract, closed)
    root = closed
    text = root.text
    if text and text.strip(WHITESPACE):
        raise XmlDecodeError(render_path(path), _TEXT_RULE)
    settle(None)


def _is_nil(element: etree._Element) -> bool:
    nil = element.get(I_NIL)
    return nil is not None and nil.strip(WHITESPACE) in ("true", "1")


class Decoder:
    """One `decode` call: the z:Id table for z:Ref."""

    __slots__ = ("_ids", "_ignored")

    def __init__(self, ignored: list[str] | None = None) -> None:
        self._ids: dict[str, Any] = {}
        self._ignored = ignored

    def _ignore(self, where: str, reason: str) -> None:
        """An element .NET skips: reported to the caller's list, if any."""
        if self._ignored is not None:
            self._ignored.append(f"{where} ({reason})")

    def decode(self, root_contract: RootContract, root: etree._Element) -> Any:
        path = root_contract.schema_name
        if root.tag != root_contract.tag:
            raise XmlDecodeError(
                path,
                f"expected the root element {root_contract.tag}, found {root.tag}",
            )
        return self._value(root, root_contract.type, path)

    def _value(self, element: etree._Element, value_type: TypeRef, path: FieldPath) -> Any:
        # keys() is the cheap, linear test for "has attributes"; most elements have none
        if element.keys() and _is_nil(element):
            return None
        kind = type(value_type)
        if kind is ScalarType:
            return read_scalar(value_type, element_text(element, path), path)  # type: ignore[arg-type]
        if kind is ObjectType:
            return self._object(element, value_type, path)  # type: ignore[arg-type]
        if kind is ArrayType:
            return self._array(element, value_type, path)  # type: ignore[arg-type]
        if kind is DictionaryType:
            return self._dictionary(element, path)
        if isinstance(value_type, UnionType):
            if element.keys() and element.get(I_TYPE):
                return self._union_by_type(element, value_type, path)
            has_children = any(isinstance(child.tag, str) for child in element)
            if has_children and value_type.object is not None:
                return self._object(element, value_type.object, path)
            if value_type.scalar is not None:
                return read_scalar(value_type.scalar, element_text(element, path), path)
            if value_type.object is not None:
                return self._object(element, value_type.object, path)
        if isinstance(value_type, AnyType):
            return typed_value(element, path)
        raise XmlDecodeError(render_path(path), "unsupported member type")  # pragma: no cover

    def _union_by_type(self, element: etree._Element, union: UnionType, path: FieldPath) -> Any:
        """A union member whose i:type says which alternative it holds: the object's contract
        (read as the object even when empty: how `{}` is told from `""`), or an XML Schema type
        of the scalar alternative's kind."""
        named = declared_type(element)
        if union.object is not None and named == union.object.contract:
            return self._object(element, union.object, path)
        scalar = TYPED_SCALARS.get(named) if named is not None else None
        if union.scalar is not None and scalar is not None and scalar.kind == union.scalar.kind:
            return read_scalar(scalar, element_text(element, path), path)
        expected = [clark(union.object.contract)] if union.object is not None else []
        if union.scalar is not None:
            expected.append(f"a type of kind {union.scalar.kind}")
        raise XmlDecodeError(
            render_path(path), f"{describe_type(element)}, not {' or '.join(expected)}"
        )

    def _object(self, element: etree._Element, obj: ObjectType, path: FieldPath) -> Any:
        attributes = bool(element.keys())
        if attributes:
            reference = element.get(_Z_REF)
            if reference is not None:
                try:
                    return copy.deepcopy(self._ids[reference])
                except KeyError:
                    raise XmlDecodeError(
                        render_path(path), f"z:Ref {reference!r} names no earlier z:Id"
                    ) from None
            _check_declared_type(element, obj.contract, path)
        text = element.text
        if text and text.strip(WHITESPACE):
            raise XmlDecodeError(render_path(path), _TEXT_RULE)
        result: dict[str, Any] = {}
        by_tag = obj.by_tag
        value = self._value
        last = -1  # the position of the last member read
        for child in element:
            tail = child.tail
            if tail and tail.strip(WHITESPACE):
                raise XmlDecodeError(render_path(path), _TEXT_RULE)
            member = by_tag.get(child.tag)  # comments are removed while parsing
            if member is None:
                if isinstance(child.tag, str):
                    self._ignore(f"{render_path(path)}.{_local(child.tag)}", _UNKNOWN)
                continue
            if member.position <= last:
                # .NET looks for the next element among the members after the last one read:
                # an earlier member (or the same one again) is skipped like an unknown element.
                reason = _REPEATED if member.json_name in result else _OUT_OF_ORDER
                self._ignore(render_path((path, member.path_suffix)), reason)
                continue
            last = member.position
            if not member.nillable and child.keys() and _is_nil(child):
                raise XmlDecodeError(
                    render_path((path, member.path_suffix)),
                    "i:nil on a value type that cannot be null (.NET refuses it)",
                )
            result[member.json_name] = value(child, member.type, (path, member.path_suffix))
        if attributes:
            identifier = element.get(_Z_ID)
            if identifier is not None:
                self._ids[identifier] = result
        return result

    def _array(self, element: etree._Element, array: ArrayType, path: FieldPath) -> list[Any]:
        if element.keys():
            _check_declared_type(element, array.contract, path)
        text = element.text
        if text and text.strip(WHITESPACE):
            raise XmlDecodeError(render_path(path), _TEXT_RULE)
        item_tag = array.item_tag
        item_type = array.item
        items: list[Any] = []
        append = items.append
        value = self._value
        for child in element:
            tail = child.tail
            if tail and tail.strip(WHITESPACE):
                raise XmlDecodeError(render_path(path), _TEXT_RULE)
            if child.tag != item_tag:
                if isinstance(child.tag, str):  # skipped, as .NET skips it
                    self._ignore(f"{render_path(path)}.{_local(child.tag)}", _NOT_AN_ITEM)
                continue
            append(value(child, item_type, (path, len(items))))
        return items

    def _dictionary(self, element: etree._Element, path: FieldPath) -> dict[str, Any]:
        """`Dictionary<string, object>`: the hot loop of a contact batch, kept flat. Entries in
        the shape .NET writes (Key then Value, the value's only attribute i:type naming a plain
        scalar type) are read inline; anything else goes through `typed_value`."""
        if element.keys():
            _check_declared_type(element, _DICTIONARY_CONTRACT, path)
        text = element.text
        if text and text.strip(WHITESPACE):
            raise XmlDecodeError(render_path(path), _TEXT_RULE)
        result: dict[str, Any] = {}
        qnames = QNAMES
        for pair in element:
            value_element: etree._Element | None
            # text between entries, or inside an entry (Key and Value are its only elements)
            text = pair.tail
            if text and text.strip(WHITESPACE):
                raise XmlDecodeError(render_path(path), _TEXT_RULE)
            if pair.tag != _KEY_VALUE:
                if isinstance(pair.tag, str):  # skipped, as .NET skips it
                    self._ignore(f"{render_path(path)}.{_local(pair.tag)}", _NOT_AN_ENTRY)
                continue
            if len(pair) == 2:  # indexing is cheaper than unpacking (no iterator)
                key_element = pair[0]
                value_element = second = pair[1]
                if key_element.tag != _KEY or second.tag != _VALUE:
                    key_element, value_element = self._pair_parts(pair, path)
                elif pair.text or key_element.tail or second.tail:
                    _entry_text(pair, path)
            else:
                key_element, value_element = self._pair_parts(pair, path)
            if key_element.keys() and _is_nil(key_element):
                raise XmlDecodeError(render_path(path), "a dictionary entry without a Key")
            key = key_element.text or ""
            if len(key_element):
                raise XmlDecodeError(render_path(path), f"in an entry's Key: {TEXT_FOUND_ELEMENTS}")
            if key in result:
                raise XmlDecodeError(
                    _item_path(path, key), "the key occurs twice (.NET refuses duplicate keys)"
                )
            if not len(value_element):
                names: list[str] = value_element.keys()  # type: ignore[assignment]
                if len(names) == 1:  # then values() costs no more than keys()
                    name = names[0]
                    declared: str = value_element.values()[0]  # type: ignore[assignment]
                    if name == I_TYPE:
                        prefix, by_namespace = qnames.get(declared) or qname_entry(declared)
                        # the prefix is resolved at the value element itself: .NET declares
                        # it there, and any ancestor could bind it differently
                        scalar = by_namespace.get(value_element.nsmap.get(prefix))
                        if scalar is not None:
                            text = value_element.text or ""
                            if scalar is STRING_TYPE:
                                result[key] = text
                            elif (
                                scalar is LONG_TYPE
                                and text.isdigit()
                                and text.isascii()
                                and len(text) < 19  # 18 digits always fit an Int64
                            ):
                                result[key] = int(text)
                            elif (
                                scalar is DOUBLE_TYPE
                                and len(text) < 300  # too few digits to pass Double.MaxValue
                                and (digits := text.replace(".", "", 1)).isdigit()
                                and digits.isascii()
                            ):  # digits with at most one point: float() reads them as .NET does
                                result[key] = float(text)
                            elif scalar is BOOL_TYPE and text in BOOLEANS:
                                result[key] = BOOLEANS[text]
                            else:
                                converted = convert(scalar, text)
                                if converted is INVALID:
                                    read_scalar(scalar, text, _item_path(path, key))  # raises
                                result[key] = converted
                            continue
                    elif name == I_NIL and declared.strip(WHITESPACE) in ("true", "1"):
                        result[key] = None
                        continue
            result[key] = typed_value(value_element, _item_path(path, key))
        return result

    def _pair_parts(
        self, pair: etree._Element, path: FieldPath
    ) -> tuple[etree._Element, etree._Element]:
        """Key and Value of a dictionary entry in another shape than .NET writes: read as .NET
        reads its two required members, in order. Other elements are skipped (reported); a
        Value before the Key, or an entry without either, is refused."""
        _entry_text(pair, path)
        key_element = value_element = None
        late_key = False
        for part in pair:
            if part.tag == _KEY and key_element is None and value_element is None:
                key_element = part
            elif part.tag == _VALUE and value_element is None:
                value_element = part
            elif isinstance(part.tag, str):
                late_key = late_key or (part.tag == _KEY and key_element is None)
                reason = (
                    _OUT_OF_ORDER
                    if part.tag == _KEY and key_element is None
                    else (_REPEATED if part.tag in (_KEY, _VALUE) else _UNKNOWN)
                )
                self._ignore(f"{render_path(path)}.{_local(part.tag)}", reason)
        if key_element is None:
            found = "with its Value before its Key" if late_key else "without a Key"
            raise XmlDecodeError(render_path(path), f"a dictionary entry {found}")
        if value_element is None:
            raise XmlDecodeError(render_path(path), "a dictionary entry without a Value")
        return key_element, value_element


def _item_path(path: FieldPath, key: str) -> str:
    return f'{render_path(path)}["{key}"]'


# The data contract of Dictionary<string, object>, what an i:type on one must name.
_DICTIONARY_CONTRACT = (ARRAYS_NS, "ArrayOfKeyValueOfstringanyType")


def _check_declared_type(
    element: etree._Element, contract: tuple[str, str], path: FieldPath
) -> None:
    """An i:type on an object, a collection or a dictionary must name the member's own data
    contract: with no known types, DataContractSerializer knows no other type to read there
    ("...contains data of the ':x' data contract. The deserializer has no knowledge of any type
    that maps to this contract"). An i:type on a primitive member is ignored, as .NET ignores
    it (checked against Mono)."""
    named = declared_type(element)
    if named is not None and named != contract:
        raise XmlDecodeError(
            render_path(path),
            f"{describe_type(element)}, not {clark(contract)}, the data contract read here",
        )


_TEXT_RULE = "expected elements, found text"
_UNKNOWN = "unknown element"
_OUT_OF_ORDER = "out of order"
_REPEATED = "repeated"
_NOT_AN_ITEM = "not an item element"
_NOT_AN_ENTRY = "not a dictionary entry"


def _local(tag: str) -> str:
    """An element's local name (its Clark tag without the namespace)."""
    return tag.rpartition("}")[2]


def _entry_text(pair: etree._Element, path: FieldPath) -> None:
    """Refuses non-whitespace text directly inside a KeyValueOfstringanyType entry."""
    texts = [pair.text, *(part.tail for part in pair)]
    if any(text and text.strip(WHITESPACE) for text in texts):
        raise XmlDecodeError(render_path(path), f"in an entry: {_TEXT_RULE}")
