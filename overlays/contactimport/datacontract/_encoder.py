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
    is_jsonnet_date,
    ticks_to_duration,
    timespan_to_ticks,
)

_INT_RANGE = {32: (-(2**31), 2**31 - 1), 64: (-(2**63), 2**63 - 1)}
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


# An error path, rendered only when an error is raised: the schema name, or (parent, suffix)
# where the suffix is a member's `.Name`, an array index or a dictionary key.
_Path = str | tuple["_Path", str | int]


def _render(path: _Path) -> str:
    suffixes: list[str] = []
    while isinstance(path, tuple):
        path, suffix = path
        suffixes.append(f"[{suffix}]" if isinstance(suffix, int) else suffix)
    suffixes.append(path)
    return "".join(reversed(suffixes))


def _key_path(path: _Path, key: str) -> _Path:
    return (path, f'["{key}"]')


# A member's start tag in one context: (member, qualified name, declarations before the
# attributes, default-namespace declaration after them, inner default namespace, inner scope).
_MemberStart = tuple[Member, str, str, str, str, _Scope]


class Encoder:
    """One `encode` call: the output parts, the z:Id counter and per-call caches."""

    __slots__ = ("_entries", "_member_starts", "_next_id", "_out")

    def __init__(self) -> None:
        self._out: list[str] = []
        self._next_id = 0
        # (object type, depth, default namespace, id(scope)) -> (scope, its members' starts);
        # the scope is held so that its id stays its own for the whole call
        self._member_starts: dict[tuple[int, int, str, int], tuple[_Scope, list[_MemberStart]]]
        self._member_starts = {}
        # (Arrays prefix, depth) -> dictionary entry markup; its keys live for one call only
        self._entries: dict[tuple[str, int], _EntryTemplates] = {}

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

    def _starts(
        self, obj: ObjectType, depth: int, default: str, scope: _Scope
    ) -> list[_MemberStart]:
        """The start tags of `obj`'s members in one context, worked out once per call."""
        key = (id(obj), depth, default, id(scope))
        cached = self._member_starts.get(key)
        if cached is not None and cached[0] is scope:
            return cached[1]
        starts: list[_MemberStart] = [
            (member, *Encoder._start(
                member.element_name, member.namespace, member.declares, depth, default, scope
            ))
            for member in obj.members
        ]  # fmt: skip
        self._member_starts[key] = (scope, starts)
        return starts

    # -- objects, arrays, dictionaries -------------------------------------------------------

    def _members(
        self,
        obj: ObjectType,
        value: object,
        depth: int,
        default: str,
        scope: _Scope,
        path: _Path,
    ) -> None:
        if not isinstance(value, Mapping):
            raise XmlEncodeError(
                _render(path), f"expected an object ({obj.schema_name}), got {_type_name(value)}"
            )
        by_json_name = obj.by_json_name
        for key in value:
            if key not in by_json_name and key not in obj.not_in_xml:
                raise XmlEncodeError(
                    _render((path, f".{key}")) if isinstance(key, str) else _render(path),
                    f"not a member of {obj.schema_name}",
                )
        element = self._element
        for member, qname, head, tail, inner_default, inner_scope in self._starts(
            obj, depth, default, scope
        ):
            if member.json_name in value:
                element(
                    qname,
                    head,
                    tail,
                    member.type,
                    value[member.json_name],
                    depth,
                    inner_default,
                    inner_scope,
                    (path, member.path_suffix),
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
        path: _Path,
    ) -> None:
        """One element holding `value` of `member_type`, start tag `<qname head ... tail>`."""
        out = self._out
        if value is None:
            out.append(f"<{qname}{head}{_I_NIL}{tail} />")
            return
        kind = type(member_type)
        if kind is ScalarType:
            text = _scalar_text(member_type, value, path)  # type: ignore[arg-type]
            out.append(f"<{qname}{head}{tail}>{text}</{qname}>")
            return
        if isinstance(member_type, UnionType):
            if isinstance(value, Mapping) and member_type.object is not None:
                if not value and member_type.scalar is not None:
                    # `<Data />` would read back as the scalar (`""`): the i:type says which
                    self._empty_union_object(
                        qname, head, tail, member_type.object, depth, default, scope, path
                    )
                    return
                member_type = member_type.object
            elif member_type.scalar is not None and not isinstance(value, Mapping | list):
                text = _scalar_text(member_type.scalar, value, path)
                out.append(f"<{qname}{head}{tail}>{text}</{qname}>")
                return
            else:
                raise XmlEncodeError(
                    _render(path), f"no alternative of the schema takes {_type_name(value)}"
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
            self._dictionary(value, depth + 1, default, scope, path, member_type.json_dates)
        self._close(mark, qname)

    def _empty_union_object(
        self,
        qname: str,
        head: str,
        tail: str,
        obj: ObjectType,
        depth: int,
        default: str,
        scope: _Scope,
        path: _Path,
    ) -> None:
        """An empty object where a union also takes a scalar: `<Data i:type="ErrorData" />`,
        so that `{}` is not read back as `""` (an element with no content is both)."""
        namespace, name = obj.contract
        declaration = ""
        if namespace == default:
            type_name = name
        elif namespace:
            scope, declaration = _declare(namespace, default, scope, depth)
            type_name = f"{scope[namespace]}:{name}"
        else:  # no prefix can name "no namespace" under another default namespace
            raise XmlEncodeError(
                _render(path),
                f"an empty {obj.schema_name} cannot be told from an empty string here",
            )
        attributes = ""
        if obj.is_reference:
            self._next_id += 1
            attributes = f' z:Id="i{self._next_id}"'
            if SERIALIZATION_NS not in scope:
                attributes += _Z_DECL
        self._out.append(f'<{qname}{head}{declaration} i:type="{type_name}"{attributes}{tail} />')

    def _items(
        self,
        array: ArrayType,
        value: object,
        depth: int,
        default: str,
        scope: _Scope,
        path: _Path,
    ) -> None:
        if not isinstance(value, list | tuple):
            raise XmlEncodeError(_render(path), f"expected an array, got {_type_name(value)}")
        qname, head, tail, inner_default, inner_scope = Encoder._start(
            array.item_name, array.item_namespace, None, depth, default, scope
        )
        item_type = array.item
        if type(item_type) is ObjectType and not item_type.is_reference:
            self._object_items(
                item_type, value, qname, head, tail, depth, inner_default, inner_scope, path
            )
            return
        element = self._element
        for index, item in enumerate(value):
            element(
                qname, head, tail, item_type, item, depth, inner_default, inner_scope, (path, index)
            )

    def _object_items(
        self,
        item_type: ObjectType,
        items: list[object] | tuple[object, ...],
        qname: str,
        head: str,
        tail: str,
        depth: int,
        default: str,
        scope: _Scope,
        path: _Path,
    ) -> None:
        """Array items of a class without z:Id (ArrayOfContact): `_element` unrolled."""
        out = self._out
        append = out.append
        members = self._members
        start = f"<{qname}{head}{tail}>"
        nil = f"<{qname}{head}{_I_NIL}{tail} />"
        empty = f"<{qname}{head}{tail} />"
        end = f"</{qname}>"
        for index, item in enumerate(items):
            if item is None:
                append(nil)
                continue
            append(start)
            mark = len(out)
            members(item_type, item, depth + 1, default, scope, (path, index))
            if len(out) == mark:
                out[mark - 1] = empty
            else:
                append(end)

    def _dictionary(
        self,
        value: object,
        depth: int,
        default: str,
        scope: _Scope,
        path: _Path,
        json_dates: bool = False,
    ) -> None:
        """`Dictionary<string, object>`: the hot loop of a contact batch. Each key's markup up
        to the value's text is built once per call and type; values needing no care (the
        common case) are written as they are."""
        if not isinstance(value, Mapping):
            raise XmlEncodeError(
                _render(path), f"expected an object (a dictionary), got {_type_name(value)}"
            )
        if default == ARRAYS_NS:
            prefix = ""
        else:
            found = scope.get(ARRAYS_NS)
            if found is None:  # pragma: no cover - the member declared it
                raise XmlEncodeError(_render(path), "the Arrays namespace is not in scope")
            prefix = f"{found}:"
        entries = self._entries.get((prefix, depth))
        if entries is None:
            entries = self._entries[(prefix, depth)] = _EntryTemplates(prefix, depth + 1)
        heads = entries.heads
        close = entries.close
        needs_care = _NEEDS_CARE.search
        append = self._out.append
        for key, item in value.items():
            head = heads.get(key) if type(key) is str else None
            if head is None:
                head = entries.head(key, path)
            kind = type(item)
            if kind is str:
                if json_dates and is_jsonnet_date(item):
                    append(f"{head.datetime}{item}{close}")  # what Json.NET made of it
                elif needs_care(item) is None:
                    append(f"{head.string}{item}{close}")
                else:
                    text = _string_text(item, _key_path(path, key))
                    append(f"{head.string}{text}{close}")
            elif item is None:
                append(head.nil)
            elif kind is bool:
                append(head.true if item else head.false)
            elif kind is int:
                if not -(2**63) <= item < 2**63:
                    raise XmlEncodeError(
                        _render(_key_path(path, key)), "integer out of range for Int64 (xs:long)"
                    )
                append(f"{head.long}{item}{close}")
            elif kind is float and math.isfinite(item):
                append(f"{head.double}{format_double(item)}{close}")
            else:
                written = _typed_value(
                    entries.typed,
                    entries.value_name,
                    item,
                    _key_path(path, key),
                )
                append(f"{head.pair}{written}{entries.pair_close}")

    def _any_value(
        self,
        qname: str,
        head: str,
        tail: str,
        value: object,
        depth: int,
        scope: _Scope,
        path: _Path,
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


def _scalar_text(scalar: ScalarType, value: object, path: _Path) -> str:
    kind = scalar.kind
    if kind == STRING:
        if not isinstance(value, str):
            raise XmlEncodeError(_render(path), f"expected a string, got {_type_name(value)}")
        return _string_text(value, path)
    if kind == INT:
        if type(value) is not int:
            raise XmlEncodeError(_render(path), f"expected an integer, got {_type_name(value)}")
        low, high = _INT_RANGE[scalar.bits]
        if not low <= value <= high:
            raise XmlEncodeError(_render(path), f"out of range for a {scalar.bits}-bit integer")
        return str(value)
    if kind == FLOAT:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise XmlEncodeError(_render(path), f"expected a number, got {_type_name(value)}")
        try:
            return format_double(float(value))
        except OverflowError:
            raise XmlEncodeError(_render(path), "out of range for a double") from None
    if kind == BOOL:
        if not isinstance(value, bool):
            raise XmlEncodeError(_render(path), f"expected a boolean, got {_type_name(value)}")
        return "true" if value else "false"
    if kind == DATETIME:
        if not isinstance(value, str):
            raise XmlEncodeError(
                _render(path), f"expected a date-time string, got {_type_name(value)}"
            )
        checked = check_datetime(value)
        if checked is None:
            raise XmlEncodeError(
                _render(path),
                "not a date-time (yyyy-mm-ddThh:mm:ss[.f{1,7}][Z|±hh:mm]; .NET keeps 100 ns)",
            )
        return checked
    if kind == TIMESPAN:
        if not isinstance(value, str):
            raise XmlEncodeError(
                _render(path), f"expected a TimeSpan string, got {_type_name(value)}"
            )
        ticks = timespan_to_ticks(value)
        if ticks is None:
            raise XmlEncodeError(_render(path), "not a TimeSpan ([-][d.]hh:mm:ss[.fffffff])")
        return ticks_to_duration(ticks)
    raise XmlEncodeError(_render(path), f"unsupported scalar kind {kind}")  # pragma: no cover


# Characters a string needs escaping or checking for: markup, CR, and anything outside the
# printable ranges XML 1.0 carries as is.
_NEEDS_CARE = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _string_text(value: str, path: _Path) -> str:
    if _NEEDS_CARE.search(value) is None:
        return value
    bad = invalid_xml_char(value)
    if bad is not None:
        raise XmlEncodeError(_render(path), f"text XML 1.0 cannot carry: {bad}")
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
        for xs_type in ("string", "long", "double", "boolean", "dateTime")
    }
    templates["nil"] = f"<{qname}{head}{_I_NIL}{tail} />"
    templates["empty"] = f"<{qname}{head}{tail} />"
    templates["close"] = f"</{qname}>"
    if len(_template_cache) < 1024:
        _template_cache[key] = templates
    return templates


def _typed_value(typed: _TemplateSet, qname: str, value: object, path: _Path) -> str:
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
            raise XmlEncodeError(_render(path), "integer out of range for Int64 (xs:long)")
        return f"{typed['long']}{value}{typed['close']}"
    if isinstance(value, float):
        if not math.isfinite(value):
            raise XmlEncodeError(_render(path), "JSON cannot carry NaN or infinity")
        return f"{typed['double']}{format_double(value)}{typed['close']}"
    if isinstance(value, Mapping) and not value:
        return typed["empty"]
    raise XmlEncodeError(
        _render(path),
        f"a Dictionary<string, object> value must be a string, number, boolean or null, "
        f"got {_type_name(value)}",
    )


class _EntryHead:
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


class _EntryTemplates:
    """The markup of `Dictionary<string, object>` entries at one depth with one Arrays prefix;
    `heads` caches each key's markup for the rest of one encode call."""

    __slots__ = ("_key_close", "_key_open", "close", "heads", "pair_close", "typed", "value_name")

    def __init__(self, prefix: str, depth: int) -> None:
        self.value_name = f"{prefix}Value"
        self.typed = _typed_value_templates(self.value_name, depth)
        self.pair_close = f"</{prefix}KeyValueOfstringanyType>"
        self.close = self.typed["close"] + self.pair_close
        self._key_open = f"<{prefix}KeyValueOfstringanyType><{prefix}Key>"
        self._key_close = f"</{prefix}Key>"
        self.heads: dict[str, _EntryHead] = {}

    def head(self, key: object, path: _Path) -> _EntryHead:
        if not isinstance(key, str):
            raise XmlEncodeError(_render(path), "dictionary keys must be strings")
        written = key
        if _NEEDS_CARE.search(key) is not None:
            bad = invalid_xml_char(key)
            if bad is not None:
                raise XmlEncodeError(
                    _render(_key_path(path, key)), f"text XML 1.0 cannot carry: {bad} in the key"
                )
            written = escape_text(key)
        head = _EntryHead(
            f"{self._key_open}{written}{self._key_close}", self.typed, self.close, self.pair_close
        )
        if type(key) is str and len(self.heads) < _HEADS_LIMIT:
            self.heads[key] = head
        return head


_HEADS_LIMIT = 65_536  # distinct keys cached per call; more are still written, just not cached
