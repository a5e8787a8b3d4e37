"""JSON-shaped value -> DataContract XML, written as ASP.NET Web API writes it.

Web API runs DataContractSerializer over `XmlWriter.Create(...)`, so the text follows that
writer's rules, reproduced here (and checked against Mono's, tests/interop):
- the root declares `xmlns:i`; an element whose namespace is not in scope gets `xmlns="..."`,
  written after its other attributes; a prefixed namespace is looked up in scope first;
- DataContractSerializer declares the namespace of a member's type on the member element when it
  differs from the declaring class's (`<Values xmlns:d2p1="...Arrays">`); a namespace declared
  that way, and the XML Schema namespace an `i:type` needs, get the prefix `d<depth>p<n>`;
- `z:Id` is followed by `xmlns:z` where `z` is not yet in scope; an element with no content is
  written `<x />`, an empty string `<x></x>`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from ._contract import (
    ARRAYS_NS,
    BOOL,
    DATETIME,
    FLOAT,
    INSTANCE_NS,
    INT,
    SCHEMA_NS,
    SERIALIZATION_NS,
    STRING,
    TIMESPAN,
    AnyType,
    ArrayType,
    DictionaryType,
    Member,
    ObjectType,
    RootContract,
    ScalarType,
    TypeRef,
    UnionType,
)
from ._errors import XmlEncodeError
from ._lexical import (
    check_datetime,
    escape_text,
    format_double,
    invalid_xml_char,
    ticks_to_duration,
    timespan_to_ticks,
)

_INT_RANGE = {32: (-(2**31), 2**31 - 1), 64: (-(2**63), 2**63 - 1), 0: (-(2**63), 2**63 - 1)}
_I_NIL = ' i:nil="true"'
_Z_DECL = f' xmlns:z="{SERIALIZATION_NS}"'

# Namespaces in scope: the default namespace and {namespace: prefix} of the prefixed ones.
_Scope = dict[str, str]


def _type_name(value: object) -> str:
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


class Encoder:
    """One `encode` call: the output parts and the z:Id counter."""

    __slots__ = ("_next_id", "_out")

    def __init__(self) -> None:
        self._out: list[str] = []
        self._next_id = 0

    def encode(self, root: RootContract, value: object) -> bytes:
        out = self._out
        root_type = root.type
        path = root.schema_name
        if isinstance(root_type, ScalarType):
            if value is None:
                raise XmlEncodeError(path, "a document root cannot be null")
            text = _scalar_text(root_type, value, path)
            out.append(f'<{root.name} xmlns="{root.namespace}">{text}</{root.name}>')
            return "".join(out).encode("utf-8")
        if value is None:
            raise XmlEncodeError(path, "a document root cannot be null")
        scope: _Scope = {INSTANCE_NS: "i"}
        out.append(f'<{root.name} xmlns:i="{INSTANCE_NS}"')
        if isinstance(root_type, ObjectType) and root_type.is_reference:
            self._next_id += 1
            out.append(f' z:Id="i{self._next_id}"{_Z_DECL}')
            scope[SERIALIZATION_NS] = "z"
        if isinstance(root_type, ArrayType):
            scope, declaration = _declare(root_type.item_namespace, root.namespace, scope, 1)
            out.append(declaration)
        if root.namespace:
            out.append(f' xmlns="{root.namespace}"')
        mark = len(out)
        out.append(">")
        if isinstance(root_type, ObjectType):
            self._members(root_type, value, 2, root.namespace, scope, path)
        elif isinstance(root_type, ArrayType):
            self._items(root_type, value, 2, root.namespace, scope, path)
        else:  # pragma: no cover - roots are objects, arrays or scalars
            raise XmlEncodeError(path, "unsupported document root")
        self._close(mark, root.name)
        return "".join(out).encode("utf-8")

    # -- helpers ---------------------------------------------------------------------------

    def _close(self, mark: int, qname: str) -> None:
        """End the element whose start tag ends with the `>` at out[mark]."""
        out = self._out
        if len(out) == mark + 1:
            out[mark] = " />"
        else:
            out.append(f"</{qname}>")

    @staticmethod
    def _start(
        local: str,
        namespace: str,
        declares: str | None,
        depth: int,
        default: str,
        scope: _Scope,
    ) -> tuple[str, str, str, str, _Scope]:
        """(qualified name, declarations before the attributes, default-namespace declaration
        after them, the element's default namespace, the scope for its children)."""
        tail = ""
        if namespace == default:
            qname = local
        else:
            prefix = scope.get(namespace)
            if prefix is not None:
                qname = f"{prefix}:{local}"
            else:
                qname = local
                default = namespace
                tail = f' xmlns="{namespace}"'
        head = ""
        if declares is not None:
            scope, head = _declare(declares, default, scope, depth)
        return qname, head, tail, default, scope

    # -- objects, arrays, dictionaries -------------------------------------------------------

    def _members(
        self,
        obj: ObjectType,
        value: object,
        depth: int,
        default: str,
        scope: _Scope,
        path: str,
    ) -> None:
        if not isinstance(value, Mapping):
            raise XmlEncodeError(
                path, f"expected an object ({obj.schema_name}), got {_type_name(value)}"
            )
        by_json_name = obj.by_json_name
        for key in value:
            if key not in by_json_name:
                raise XmlEncodeError(
                    f"{path}.{key}" if isinstance(key, str) else path,
                    f"not a member of {obj.schema_name}",
                )
        for member in obj.members:
            if member.json_name in value:
                self._member(member, value[member.json_name], depth, default, scope, path)

    def _member(
        self,
        member: Member,
        value: object,
        depth: int,
        default: str,
        scope: _Scope,
        path: str,
    ) -> None:
        path = f"{path}.{member.json_name}"
        qname, head, tail, inner_default, inner_scope = Encoder._start(
            member.element_name, member.namespace, member.declares, depth, default, scope
        )
        self._element(
            qname, head, tail, member.type, value, depth, inner_default, inner_scope, path
        )

    def _element(
        self,
        qname: str,
        head: str,
        tail: str,
        member_type: TypeRef,
        value: object,
        depth: int,
        default: str,
        scope: _Scope,
        path: str,
    ) -> None:
        """One element holding `value` of `member_type`, start tag `<qname head ... tail>`."""
        out = self._out
        if value is None:
            out.append(f"<{qname}{head}{_I_NIL}{tail} />")
            return
        if isinstance(member_type, ScalarType):
            text = _scalar_text(member_type, value, path)
            out.append(f"<{qname}{head}{tail}>{text}</{qname}>")
            return
        if isinstance(member_type, UnionType):
            if isinstance(value, Mapping) and member_type.object is not None:
                member_type = member_type.object
            elif member_type.scalar is not None and not isinstance(value, Mapping | list):
                text = _scalar_text(member_type.scalar, value, path)
                out.append(f"<{qname}{head}{tail}>{text}</{qname}>")
                return
            else:
                raise XmlEncodeError(
                    path, f"no alternative of the schema takes {_type_name(value)}"
                )
        if isinstance(member_type, AnyType):
            self._any_value(qname, head, tail, value, depth, scope, path)
            return
        if isinstance(member_type, ObjectType):
            attributes = ""
            if member_type.is_reference:
                self._next_id += 1
                attributes = f' z:Id="i{self._next_id}"'
                if SERIALIZATION_NS not in scope:
                    attributes += _Z_DECL
                    scope = {**scope, SERIALIZATION_NS: "z"}
            out.append(f"<{qname}{head}{attributes}{tail}")
            mark = len(out)
            out.append(">")
            self._members(member_type, value, depth + 1, default, scope, path)
            self._close(mark, qname)
            return
        out.append(f"<{qname}{head}{tail}")
        mark = len(out)
        out.append(">")
        if isinstance(member_type, ArrayType):
            self._items(member_type, value, depth + 1, default, scope, path)
        elif isinstance(member_type, DictionaryType):
            self._dictionary(value, depth + 1, default, scope, path)
        self._close(mark, qname)

    def _items(
        self,
        array: ArrayType,
        value: object,
        depth: int,
        default: str,
        scope: _Scope,
        path: str,
    ) -> None:
        if not isinstance(value, list | tuple):
            raise XmlEncodeError(path, f"expected an array, got {_type_name(value)}")
        qname, head, tail, inner_default, inner_scope = Encoder._start(
            array.item_name, array.item_namespace, None, depth, default, scope
        )
        item_type = array.item
        for index, item in enumerate(value):
            self._element(
                qname,
                head,
                tail,
                item_type,
                item,
                depth,
                inner_default,
                inner_scope,
                f"{path}[{index}]",
            )

    def _dictionary(
        self, value: object, depth: int, default: str, scope: _Scope, path: str
    ) -> None:
        if not isinstance(value, Mapping):
            raise XmlEncodeError(
                path, f"expected an object (a dictionary), got {_type_name(value)}"
            )
        if default == ARRAYS_NS:
            prefix = ""
        else:
            found = scope.get(ARRAYS_NS)
            if found is None:  # pragma: no cover - the member declared it
                raise XmlEncodeError(path, "the Arrays namespace is not in scope")
            prefix = f"{found}:"
        key_open = f"<{prefix}KeyValueOfstringanyType><{prefix}Key>"
        key_close = f"</{prefix}Key>"
        pair_close = f"</{prefix}KeyValueOfstringanyType>"
        value_name = f"{prefix}Value"
        typed = _typed_value_templates(value_name, depth + 1)
        string_open, close = typed["string"], typed["close"]
        append = self._out.append
        for key, item in value.items():
            if not isinstance(key, str):
                raise XmlEncodeError(path, "dictionary keys must be strings")
            if _NEEDS_CARE.search(key) is not None:
                bad = invalid_xml_char(key)
                if bad is not None:
                    raise XmlEncodeError(
                        f'{path}["{key}"]', f"text XML 1.0 cannot carry: {bad} in the key"
                    )
                key = escape_text(key)
            if type(item) is str and _NEEDS_CARE.search(item) is None:  # the common case
                append(f"{key_open}{key}{key_close}{string_open}{item}{close}{pair_close}")
            else:
                written = _typed_value(typed, value_name, item, f'{path}["{key}"]')
                append(f"{key_open}{key}{key_close}{written}{pair_close}")

    def _any_value(
        self, qname: str, head: str, tail: str, value: object, depth: int, scope: _Scope, path: str
    ) -> None:
        typed = _typed_value_templates(qname, depth, head, tail)
        self._out.append(_typed_value(typed, qname, value, path))


def _declare(namespace: str, default: str, scope: _Scope, depth: int) -> tuple[_Scope, str]:
    """DataContractSerializer's WriteNamespaceDecl on an element at `depth`: nothing when the
    namespace is already in scope, else a new `d<depth>p1` prefix and its declaration."""
    if not namespace or namespace == default or namespace in scope:
        return scope, ""
    prefix = f"d{depth}p1"
    return {**scope, namespace: prefix}, f' xmlns:{prefix}="{namespace}"'


# -- scalars ------------------------------------------------------------------------------------


def _scalar_text(scalar: ScalarType, value: object, path: str) -> str:
    kind = scalar.kind
    if kind == STRING:
        if not isinstance(value, str):
            raise XmlEncodeError(path, f"expected a string, got {_type_name(value)}")
        return _string_text(value, path)
    if kind == INT:
        if type(value) is not int:
            raise XmlEncodeError(path, f"expected an integer, got {_type_name(value)}")
        low, high = _INT_RANGE[scalar.bits]
        if not low <= value <= high:
            raise XmlEncodeError(path, f"out of range for a {scalar.bits or 64}-bit integer")
        return str(value)
    if kind == FLOAT:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise XmlEncodeError(path, f"expected a number, got {_type_name(value)}")
        try:
            return format_double(float(value))
        except OverflowError:
            raise XmlEncodeError(path, "out of range for a double") from None
    if kind == BOOL:
        if not isinstance(value, bool):
            raise XmlEncodeError(path, f"expected a boolean, got {_type_name(value)}")
        return "true" if value else "false"
    if kind == DATETIME:
        if not isinstance(value, str):
            raise XmlEncodeError(path, f"expected a date-time string, got {_type_name(value)}")
        checked = check_datetime(value)
        if checked is None:
            raise XmlEncodeError(
                path, "not a date-time (yyyy-mm-ddThh:mm:ss[.f{1,7}][Z|±hh:mm]; .NET keeps 100 ns)"
            )
        return checked
    if kind == TIMESPAN:
        if not isinstance(value, str):
            raise XmlEncodeError(path, f"expected a TimeSpan string, got {_type_name(value)}")
        ticks = timespan_to_ticks(value)
        if ticks is None:
            raise XmlEncodeError(path, "not a TimeSpan ([-][d.]hh:mm:ss[.fffffff])")
        return ticks_to_duration(ticks)
    raise XmlEncodeError(path, f"unsupported scalar kind {kind}")  # pragma: no cover


# Characters a string needs escaping or checking for: markup, CR, and anything outside the
# printable ranges XML 1.0 carries as is.
_NEEDS_CARE = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _string_text(value: str, path: str) -> str:
    if _NEEDS_CARE.search(value) is None:
        return value
    bad = invalid_xml_char(value)
    if bad is not None:
        raise XmlEncodeError(path, f"text XML 1.0 cannot carry: {bad}")
    return escape_text(value)


_TemplateSet = dict[str, str]
_template_cache: dict[tuple[str, int, str, str], _TemplateSet] = {}


def _typed_value_templates(qname: str, depth: int, head: str = "", tail: str = "") -> _TemplateSet:
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
        for xs_type in ("string", "long", "double", "boolean")
    }
    templates["nil"] = f"<{qname}{head}{_I_NIL}{tail} />"
    templates["empty"] = f"<{qname}{head}{tail} />"
    templates["close"] = f"</{qname}>"
    if len(_template_cache) < 1024:
        _template_cache[key] = templates
    return templates


def _typed_value(typed: _TemplateSet, qname: str, value: object, path: str) -> str:
    """A `Dictionary<string, object>` value as .NET writes what Json.NET read from JSON:
    string, Int64, Double, Boolean, null (`i:nil`); `{}` (the help pages' sample `object`) as
    `<Value />`."""
    if isinstance(value, str):
        return f"{typed['string']}{_string_text(value, path)}{typed['close']}"
    if value is None:
        return typed["nil"]
    if isinstance(value, bool):
        return f"{typed['boolean']}{'true' if value else 'false'}{typed['close']}"
    if isinstance(value, int):
        if not -(2**63) <= value < 2**63:
            raise XmlEncodeError(path, "integer out of range for Int64 (xs:long)")
        return f"{typed['long']}{value}{typed['close']}"
    if isinstance(value, float):
        if not math.isfinite(value):
            raise XmlEncodeError(path, "JSON cannot carry NaN or infinity")
        return f"{typed['double']}{format_double(value)}{typed['close']}"
    if isinstance(value, Mapping) and not value:
        return typed["empty"]
    raise XmlEncodeError(
        path,
        f"a Dictionary<string, object> value must be a string, number, boolean or null, "
        f"got {_type_name(value)}",
    )
