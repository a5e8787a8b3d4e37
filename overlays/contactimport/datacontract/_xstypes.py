"""What an `i:type` names, and how a scalar's text is read, as DataContractSerializer reads them.

An `i:type` is resolved as .NET resolves it (`resolve_qname`): the XML Schema types Json.NET gives
JSON values (string, long, double, boolean, dateTime) and the other integer and floating types
are read within the range of the .NET type they name; the other built-in primitive contracts
(guid, anyURI, base64Binary, ...) as their text; any other type is refused. `read_scalar` reads a
member's text as its contract's scalar type, `typed_value` an `object`-typed element.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from ._contract import (
    BOOL,
    DATETIME,
    FLOAT,
    INSTANCE_NS,
    INT,
    SCHEMA_NS,
    SERIALIZATION_NS,
    STRING,
    TIMESPAN,
    ScalarType,
)
from ._errors import FieldPath, XmlDecodeError, render_path
from ._lexical import (
    duration_to_ticks,
    parse_boolean,
    parse_datetime,
    parse_double,
    parse_integer,
    ticks_to_timespan,
)

I_NIL = f"{{{INSTANCE_NS}}}nil"
I_TYPE = f"{{{INSTANCE_NS}}}type"
WHITESPACE = " \t\n\r"
_INT_RANGE = {32: (-(2**31), 2**31 - 1), 64: (-(2**63), 2**63 - 1)}
_FLOAT_TYPES = frozenset({"double", "float", "decimal"})


def element_text(element: etree._Element, path: FieldPath) -> str:
    """The text of a scalar's element; an element inside it is refused, as .NET refuses it
    (comments are removed while parsing, so text split by one reads whole)."""
    if len(element):
        raise XmlDecodeError(render_path(path), TEXT_FOUND_ELEMENTS)
    return element.text or ""


def resolve_qname(element: etree._Element, declared: str) -> tuple[str | None, str, str]:
    """(prefix, namespace, local name) of an i:type value, resolved as DataContractSerializer
    resolves it: split at the first colon, nothing stripped, the prefix looked up at the element
    itself (no prefix: the default namespace); a prefix bound nowhere gives no namespace at all,
    as XmlReader.LookupNamespace's null becomes "" in the XmlQualifiedName .NET builds."""
    prefix, colon, local = declared.partition(":")
    if not colon:
        return None, element.nsmap.get(None) or "", declared
    return prefix, element.nsmap.get(prefix) or "", local


def declared_type(element: etree._Element) -> tuple[str, str] | None:
    """(namespace, local name) of the element's i:type; None without one or with an empty one
    (.NET ignores `i:type=""`)."""
    declared = element.get(I_TYPE)
    if not declared:
        return None
    _, namespace, local = resolve_qname(element, declared)
    return namespace, local


def clark(name: tuple[str, str]) -> str:
    """A (namespace, local name) pair in Clark notation, `{namespace}local`, for messages."""
    return f"{{{name[0]}}}{name[1]}"


def describe_type(element: etree._Element) -> str:
    """`i:type 'p:x' names {namespace}x`, and why when its prefix is declared nowhere."""
    declared = str(element.get(I_TYPE))
    prefix, namespace, local = resolve_qname(element, declared)
    unbound = prefix is not None and prefix not in element.nsmap
    reason = f" (its prefix {prefix!r} is not declared)" if unbound else ""
    return f"i:type {declared!r} names {clark((namespace, local))}{reason}"


TEXT_FOUND_ELEMENTS = "expected text, found elements"


@dataclass(frozen=True, slots=True)
class _XsInteger(ScalarType):
    """An integer i:type (xs:long, xs:int, xs:unsignedShort, ...): read within the range of the
    .NET type DataContractSerializer reads it as, refused outside it, as .NET refuses it."""

    xs_name: str = ""
    low: int = 0
    high: int = 0


# xs local name -> (.NET type, low, high); xs:integer and its sign-restricted kin read as Int64
# without a sign check (checked against Mono's DataContractSerializer).
_INT64 = (-(2**63), 2**63 - 1)
_XS_INTEGER_RANGES: dict[str, tuple[int, int]] = {
    "long": _INT64,
    "int": (-(2**31), 2**31 - 1),
    "short": (-(2**15), 2**15 - 1),
    "byte": (-(2**7), 2**7 - 1),
    "unsignedLong": (0, 2**64 - 1),
    "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 2**8 - 1),
    **dict.fromkeys(
        (
            "integer",
            "nonNegativeInteger",
            "positiveInteger",
            "nonPositiveInteger",
            "negativeInteger",
        ),
        _INT64,
    ),
}
_XS_INTEGERS = {
    name: _XsInteger(INT, 64, name, low, high) for name, (low, high) in _XS_INTEGER_RANGES.items()
}
STRING_TYPE = ScalarType(STRING)
LONG_TYPE = _XS_INTEGERS["long"]
DOUBLE_TYPE = ScalarType(FLOAT)
BOOL_TYPE = ScalarType(BOOL)
_DATETIME_TYPE = ScalarType(DATETIME)
_TIMESPAN_TYPE = ScalarType(TIMESPAN)
# xs:type local name -> how its text is read; the types Json.NET gives JSON values come first.
_SCHEMA_TYPES: dict[str, ScalarType] = {
    "string": STRING_TYPE,
    "long": LONG_TYPE,
    "double": DOUBLE_TYPE,
    "boolean": BOOL_TYPE,
    "dateTime": _DATETIME_TYPE,
    **_XS_INTEGERS,
    **{name: DOUBLE_TYPE for name in _FLOAT_TYPES},
}
# (namespace, local name) of an i:type -> how its text is read, for the plain scalar types.
TYPED_SCALARS: dict[tuple[str, str], ScalarType] = {
    **{(SCHEMA_NS, local): scalar for local, scalar in _SCHEMA_TYPES.items()},
    (SCHEMA_NS, "duration"): _TIMESPAN_TYPE,  # .NET reads xs:duration as a TimeSpan too
    (SERIALIZATION_NS, "duration"): _TIMESPAN_TYPE,
}
# The other types DataContractSerializer knows without being told (its built-in primitive data
# contracts; checked against Mono): read as their text, as Json.NET would write most of them.
# Any other i:type names a type .NET does not know, and is refused as .NET refuses it.
_TEXT_TYPES: frozenset[tuple[str, str]] = frozenset(
    {
        *(
            (SCHEMA_NS, local)
            for local in (
                *("anyURI", "base64Binary", "hexBinary", "QName", "date", "time"),
                *("gYearMonth", "gYear", "gMonthDay", "gDay", "gMonth"),
                *("normalizedString", "token", "language", "Name", "NCName", "ID", "IDREF"),
                *("IDREFS", "ENTITY", "ENTITIES", "NMTOKEN", "NMTOKENS"),
            )
        ),
        (SERIALIZATION_NS, "guid"),
    }
)

# i:type text -> (prefix, or None for the default namespace; {namespace: plain scalar type} for
# its local name), so a value's type costs one dict lookup and the prefix's resolution; bounded.
QNameEntry = tuple[str | None, dict[str | None, ScalarType]]
QNAMES: dict[str, QNameEntry] = {}
_QNAMES_LIMIT = 4096  # entries; documents choose the text, so the cache keeps only short ones
_QNAME_MAX_LENGTH = 64


def _split_qname(declared: str) -> tuple[str | None, str]:
    """(prefix or None, local name), split as .NET splits it (see `_resolve_qname`)."""
    prefix, colon, local = declared.partition(":")
    return (prefix, local) if colon else (None, declared)


def qname_entry(declared: str) -> QNameEntry:
    """The cache entry of an i:type text (see `QNAMES`), kept when short and naming a scalar."""
    prefix, local = _split_qname(declared)
    by_namespace: dict[str | None, ScalarType] = {
        namespace: scalar for (namespace, name), scalar in TYPED_SCALARS.items() if name == local
    }
    qname = (prefix, by_namespace)
    if by_namespace and len(declared) <= _QNAME_MAX_LENGTH and len(QNAMES) < _QNAMES_LIMIT:
        QNAMES[declared] = qname
    return qname


def typed_value(element: etree._Element, path: FieldPath) -> Any:
    """An `object`-typed element: its `i:type` says the .NET type of the value."""
    names = element.keys()
    nil = element.get(I_NIL) if I_NIL in names else None
    declared = element.get(I_TYPE) if I_TYPE in names else None
    if nil is not None and nil.strip(WHITESPACE) in ("true", "1"):
        return None
    if not declared:
        # No type (an empty i:type is no type to .NET): .NET makes an `object` of an element
        # without content (the help pages' `{}` samples) and refuses one with content.
        return _plain_object(element, element.text or "", path)
    named = declared_type(element)
    if named == (SCHEMA_NS, "anyType"):
        return _plain_object(element, element.text or "", path)
    scalar = TYPED_SCALARS.get(named) if named is not None else None
    if scalar is not None:
        return read_scalar(scalar, element_text(element, path), path)
    if named == (SERIALIZATION_NS, "char"):
        code = parse_integer(element_text(element, path))
        if code is None or not 0 <= code <= 0xFFFF:
            raise XmlDecodeError(render_path(path), "not a char (a UTF-16 code unit number)")
        return chr(code)
    if named in _TEXT_TYPES:
        return element_text(element, path)  # guid, anyURI, base64Binary, ...: their text
    raise XmlDecodeError(render_path(path), f"{describe_type(element)}, a type .NET does not know")


def _plain_object(element: etree._Element, text: str, path: FieldPath) -> dict[str, Any]:
    """An `object` without a scalar type: `{}`, provided the element holds nothing but
    whitespace (.NET: "cannot have child contents to be deserialized as an object")."""
    if len(element) or text.strip(WHITESPACE):
        raise XmlDecodeError(
            render_path(path), "an object without a scalar i:type cannot have content"
        )
    return {}


BOOLEANS = {"true": True, "false": False, "1": True, "0": False}
INVALID = object()  # what `convert` returns for text that does not fit the type


def convert(scalar: ScalarType, text: str) -> Any:
    """The value of `text` read as `scalar`, or INVALID (then `read_scalar` says why)."""
    kind = scalar.kind
    if kind == STRING:
        return text
    if kind == INT:
        number = parse_integer(text)
        if number is None:
            return INVALID
        if isinstance(scalar, _XsInteger):
            return number if scalar.low <= number <= scalar.high else INVALID
        low, high = _INT_RANGE[scalar.bits]
        return number if low <= number <= high else INVALID
    if kind == FLOAT:
        double = parse_double(text)
        return INVALID if double is None else double
    if kind == BOOL:
        boolean = parse_boolean(text)
        return INVALID if boolean is None else boolean
    if kind == DATETIME:
        value = parse_datetime(text)
        return INVALID if value is None else value
    if kind == TIMESPAN:
        ticks = duration_to_ticks(text)
        return INVALID if ticks is None else ticks_to_timespan(ticks)
    return INVALID  # pragma: no cover


def read_scalar(scalar: ScalarType, text: str, path: FieldPath) -> Any:
    """The value of a scalar's text, or XmlDecodeError naming the rule the text breaks."""
    kind = scalar.kind
    if kind == STRING:
        return text
    value = convert(scalar, text)
    if value is not INVALID:
        return value
    if kind == INT:
        if parse_integer(text) is None:
            raise XmlDecodeError(render_path(path), "not an integer")
        if isinstance(scalar, _XsInteger):
            raise XmlDecodeError(
                render_path(path),
                f"out of range for xs:{scalar.xs_name} ({scalar.low} to {scalar.high})",
            )
        raise XmlDecodeError(render_path(path), f"out of range for a {scalar.bits}-bit integer")
    rule = {
        FLOAT: "not a double (xs:double)",
        BOOL: "not a boolean (true, false, 1, 0)",
        DATETIME: "not an xs:dateTime (at most 7 fraction digits)",
        TIMESPAN: "not an xs:duration within TimeSpan's range",
    }.get(kind, f"unsupported scalar kind {kind}")
    raise XmlDecodeError(render_path(path), rule)
