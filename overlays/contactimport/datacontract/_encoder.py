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
from collections.abc import Mapping

from ._contract import (
    ARRAYS_NS,
    INSTANCE_NS,
    SERIALIZATION_NS,
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
from ._encode_values import (
    I_NIL,
    NEEDS_CARE,
    EntryTemplates,
    key_path,
    scalar_text,
    string_text,
    type_name,
    typed_value,
    typed_value_templates,
)
from ._errors import FieldPath, XmlEncodeError, render_path
from ._lexical import (
    format_double,
    is_jsonnet_date,
)

_Z_DECL = f' xmlns:z="{SERIALIZATION_NS}"'

# Namespaces in scope: the default namespace and {namespace: prefix} of the prefixed ones.
_Scope = dict[str, str]


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
        self._entries: dict[tuple[str, int], EntryTemplates] = {}

    def encode(self, root: RootContract, value: object) -> bytes:
        out = self._out
        root_type = root.type
        path = root.schema_name
        if isinstance(root_type, ScalarType):
            if value is None:
                raise XmlEncodeError(path, "a document root cannot be null")
            text = scalar_text(root_type, value, path)
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
        path: FieldPath,
    ) -> None:
        if not isinstance(value, Mapping):
            raise XmlEncodeError(
                render_path(path),
                f"expected an object ({obj.schema_name}), got {type_name(value)}",
            )
        by_json_name = obj.by_json_name
        for key in value:
            if key not in by_json_name and key not in obj.not_in_xml:
                raise XmlEncodeError(
                    render_path((path, f".{key}")) if isinstance(key, str) else render_path(path),
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
        path: FieldPath,
    ) -> None:
        """One element holding `value` of `member_type`, start tag `<qname head ... tail>`."""
        out = self._out
        if value is None:
            out.append(f"<{qname}{head}{I_NIL}{tail} />")
            return
        kind = type(member_type)
        if kind is ScalarType:
            text = scalar_text(member_type, value, path)  # type: ignore[arg-type]
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
                text = scalar_text(member_type.scalar, value, path)
                out.append(f"<{qname}{head}{tail}>{text}</{qname}>")
                return
            else:
                raise XmlEncodeError(
                    render_path(path), f"no alternative of the schema takes {type_name(value)}"
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
        path: FieldPath,
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
                render_path(path),
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
        path: FieldPath,
    ) -> None:
        if not isinstance(value, list | tuple):
            raise XmlEncodeError(render_path(path), f"expected an array, got {type_name(value)}")
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
        path: FieldPath,
    ) -> None:
        """Array items of a class without z:Id (ArrayOfContact): `_element` unrolled."""
        out = self._out
        append = out.append
        members = self._members
        start = f"<{qname}{head}{tail}>"
        nil = f"<{qname}{head}{I_NIL}{tail} />"
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
        path: FieldPath,
        json_dates: bool = False,
    ) -> None:
        """`Dictionary<string, object>`: the hot loop of a contact batch. Each key's markup up
        to the value's text is built once per call and type; values needing no care (the
        common case) are written as they are."""
        if not isinstance(value, Mapping):
            raise XmlEncodeError(
                render_path(path), f"expected an object (a dictionary), got {type_name(value)}"
            )
        if default == ARRAYS_NS:
            prefix = ""
        else:
            found = scope.get(ARRAYS_NS)
            if found is None:  # pragma: no cover - the member declared it
                raise XmlEncodeError(render_path(path), "the Arrays namespace is not in scope")
            prefix = f"{found}:"
        entries = self._entries.get((prefix, depth))
        if entries is None:
            entries = self._entries[(prefix, depth)] = EntryTemplates(prefix, depth + 1)
        heads = entries.heads
        close = entries.close
        needs_care = NEEDS_CARE.search
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
                    text = string_text(item, key_path(path, key))
                    append(f"{head.string}{text}{close}")
            elif item is None:
                append(head.nil)
            elif kind is bool:
                append(head.true if item else head.false)
            elif kind is int:
                if not -(2**63) <= item < 2**63:
                    raise XmlEncodeError(
                        render_path(key_path(path, key)),
                        "integer out of range for Int64 (xs:long)",
                    )
                append(f"{head.long}{item}{close}")
            elif kind is float and math.isfinite(item):
                append(f"{head.double}{format_double(item)}{close}")
            else:
                written = typed_value(
                    entries.typed,
                    entries.value_name,
                    item,
                    key_path(path, key),
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
        path: FieldPath,
    ) -> None:
        typed = typed_value_templates(qname, depth, head, tail)
        self._out.append(typed_value(typed, qname, value, path))


def _declare(namespace: str, default: str, scope: _Scope, depth: int) -> tuple[_Scope, str]:
    """DataContractSerializer's WriteNamespaceDecl on an element at `depth`: nothing when the
    namespace is already in scope, else a new `d<depth>p1` prefix and its declaration."""
    if not namespace or namespace == default or namespace in scope:
        return scope, ""
    prefix = f"d{depth}p1"
    return {**scope, namespace: prefix}, f' xmlns:{prefix}="{namespace}"'
