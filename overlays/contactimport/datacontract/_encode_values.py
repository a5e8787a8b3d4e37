"""The text of JSON-shaped values in DataContract XML, as ASP.NET Web API writes them: scalars
by their contract's kind (`scalar_text`), strings escaped and checked for text XML 1.0 cannot
carry, and `object` values with the `i:type` markup .NET writes for what Json.NET read from JSON
(`typed_value`), including the per-key markup of `Dictionary<string, object>` entries
(`EntryTemplates`), the hot loop of a contact batch.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from ._contract import (
    BOOL,
    DATETIME,
    FLOAT,
    INT,
    SCHEMA_NS,
    STRING,
    TIMESPAN,
    ScalarType,
)
from ._errors import FieldPath, XmlEncodeError, render_path
from ._lexical import (
    check_datetime,
    escape_text,
    format_double,
    invalid_xml_char,
    ticks_to_duration,
    timespan_to_ticks,
)

I_NIL = ' i:nil="true"'
_INT_RANGE = {32: (-(2**31), 2**31 - 1), 64: (-(2**63), 2**63 - 1)}


def type_name(value: object) -> str:
    """The JSON name of a value's type, for messages (never the value itself)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def key_path(path: FieldPath, key: str) -> FieldPath:
    """The path of a dictionary entry: `parent["key"]`."""
    return (path, f'["{key}"]')


def scalar_text(scalar: ScalarType, value: object, path: FieldPath) -> str:
    """The XML text of a value of a scalar contract type, or XmlEncodeError naming the rule."""
    kind = scalar.kind
    if kind == STRING:
        if not isinstance(value, str):
            raise XmlEncodeError(render_path(path), f"expected a string, got {type_name(value)}")
        return string_text(value, path)
    if kind == INT:
        if type(value) is not int:
            raise XmlEncodeError(render_path(path), f"expected an integer, got {type_name(value)}")
        low, high = _INT_RANGE[scalar.bits]
        if not low <= value <= high:
            raise XmlEncodeError(render_path(path), f"out of range for a {scalar.bits}-bit integer")
        return str(value)
    if kind == FLOAT:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise XmlEncodeError(render_path(path), f"expected a number, got {type_name(value)}")
        try:
            return format_double(float(value))
        except OverflowError:
            raise XmlEncodeError(render_path(path), "out of range for a double") from None
    if kind == BOOL:
        if not isinstance(value, bool):
            raise XmlEncodeError(render_path(path), f"expected a boolean, got {type_name(value)}")
        return "true" if value else "false"
    if kind == DATETIME:
        if not isinstance(value, str):
            raise XmlEncodeError(
                render_path(path), f"expected a date-time string, got {type_name(value)}"
            )
        checked = check_datetime(value)
        if checked is None:
            raise XmlEncodeError(
                render_path(path),
                "not a date-time (yyyy-mm-ddThh:mm:ss[.f{1,7}][Z|±hh:mm]; .NET keeps 100 ns)",
            )
        return checked
    if kind == TIMESPAN:
        if not isinstance(value, str):
            raise XmlEncodeError(
                render_path(path), f"expected a TimeSpan string, got {type_name(value)}"
            )
        ticks = timespan_to_ticks(value)
        if ticks is None:
            raise XmlEncodeError(render_path(path), "not a TimeSpan ([-][d.]hh:mm:ss[.fffffff])")
        return ticks_to_duration(ticks)
    raise XmlEncodeError(render_path(path), f"unsupported scalar kind {kind}")  # pragma: no cover


# Characters a string needs escaping or checking for: markup, CR, and anything outside the
# printable ranges XML 1.0 carries as is.
NEEDS_CARE = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def string_text(value: str, path: FieldPath) -> str:
    """A string as element text: escaped, or XmlEncodeError for a character XML 1.0 cannot carry."""
    if NEEDS_CARE.search(value) is None:
        return value
    bad = invalid_xml_char(value)
    if bad is not None:
        raise XmlEncodeError(render_path(path), f"text XML 1.0 cannot carry: {bad}")
    return escape_text(value)


_TemplateSet = dict[str, str]
_template_cache: dict[tuple[str, int, str, str], _TemplateSet] = {}


def typed_value_templates(qname: str, depth: int, head: str = "", tail: str = "") -> _TemplateSet:
    """Start tags of an `object`-typed element for each xs type, as DataContractSerializer
    writes them: `<Value xmlns:d4p1="...XMLSchema" i:type="d4p1:long">` (the XML Schema
    namespace is never in scope in our documents, so it is declared on each value)."""
    key = (qname, depth, head, tail)
    cached = _template_cache.get(key)
    if cached is not None:
        return cached
    prefix = f"d{depth}p{2 if f' xmlns:d{depth}p1=' in head else 1}"
    declaration = f' xmlns:{prefix}="{SCHEMA_NS}"'
    templates = {
        xs_type: f'<{qname}{head}{declaration} i:type="{prefix}:{xs_type}"{tail}>'
        for xs_type in ("string", "long", "double", "boolean", "dateTime")
    }
    templates["nil"] = f"<{qname}{head}{I_NIL}{tail} />"
    templates["empty"] = f"<{qname}{head}{tail} />"
    templates["close"] = f"</{qname}>"
    if len(_template_cache) < 1024:
        _template_cache[key] = templates
    return templates


def typed_value(typed: _TemplateSet, qname: str, value: object, path: FieldPath) -> str:
    """A `Dictionary<string, object>` value as .NET writes what Json.NET read from JSON:
    string, Int64, Double, Boolean, null (`i:nil`); `{}` (the help pages' sample `object`) as
    `<Value />`."""
    if isinstance(value, str):
        return f"{typed['string']}{string_text(value, path)}{typed['close']}"
    if value is None:
        return typed["nil"]
    if isinstance(value, bool):
        return f"{typed['boolean']}{'true' if value else 'false'}{typed['close']}"
    if isinstance(value, int):
        if not -(2**63) <= value < 2**63:
            raise XmlEncodeError(render_path(path), "integer out of range for Int64 (xs:long)")
        return f"{typed['long']}{value}{typed['close']}"
    if isinstance(value, float):
        if not math.isfinite(value):
            raise XmlEncodeError(render_path(path), "JSON cannot carry NaN or infinity")
        return f"{typed['double']}{format_double(value)}{typed['close']}"
    if isinstance(value, Mapping) and not value:
        return typed["empty"]
    raise XmlEncodeError(
        render_path(path),
        f"a Dictionary<string, object> value must be a string, number, boolean or null, "
        f"got {type_name(value)}",
    )


class EntryHead:
    """One dictionary key's markup: the entry up to the value's text for each xs type, and whole
    entries for the values that have no text of their own."""

    __slots__ = ("datetime", "double", "false", "long", "nil", "pair", "string", "true")

    def __init__(self, pair: str, typed: _TemplateSet, close: str, pair_close: str) -> None:
        self.pair = pair
        self.string = pair + typed["string"]
        self.long = pair + typed["long"]
        self.double = pair + typed["double"]
        self.datetime = pair + typed["dateTime"]
        self.true = f"{pair}{typed['boolean']}true{close}"
        self.false = f"{pair}{typed['boolean']}false{close}"
        self.nil = pair + typed["nil"] + pair_close


class EntryTemplates:
    """The markup of `Dictionary<string, object>` entries at one depth with one Arrays prefix;
    `heads` caches each key's markup for the rest of one encode call."""

    __slots__ = ("_key_close", "_key_open", "close", "heads", "pair_close", "typed", "value_name")

    def __init__(self, prefix: str, depth: int) -> None:
        self.value_name = f"{prefix}Value"
        self.typed = typed_value_templates(self.value_name, depth)
        self.pair_close = f"</{prefix}KeyValueOfstringanyType>"
        self.close = self.typed["close"] + self.pair_close
        self._key_open = f"<{prefix}KeyValueOfstringanyType><{prefix}Key>"
        self._key_close = f"</{prefix}Key>"
        self.heads: dict[str, EntryHead] = {}

    def head(self, key: object, path: FieldPath) -> EntryHead:
        if not isinstance(key, str):
            raise XmlEncodeError(render_path(path), "dictionary keys must be strings")
        written = key
        if NEEDS_CARE.search(key) is not None:
            bad = invalid_xml_char(key)
            if bad is not None:
                raise XmlEncodeError(
                    render_path(key_path(path, key)),
                    f"text XML 1.0 cannot carry: {bad} in the key",
                )
            written = escape_text(key)
        head = EntryHead(
            f"{self._key_open}{written}{self._key_close}", self.typed, self.close, self.pair_close
        )
        if type(key) is str and len(self.heads) < _HEADS_LIMIT:
            self.heads[key] = head
        return head


_HEADS_LIMIT = 65_536  # distinct keys cached per call; more are still written, just not cached
