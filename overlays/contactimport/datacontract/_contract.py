"""Per-schema DataContract tables, built once from an OpenAPI document (docs/spec-conventions.md).

Everything XML-specific comes from the document: contract names and namespaces from
`x-datacontract` (falling back to the `xml` object), base-class members from
`x-datacontract.base`, .NET types the JSON Schema cannot say from `x-datacontract-type`. The
tables say, for every member, its JSON key, element name, namespace, kind and the namespace
DataContractSerializer declares on it for its children. A property whose `x-wire-formats` does not
list `xml` is no member of the contract (.NET's [IgnoreDataMember]): it is not written, and an
element of its name is ignored like any unknown element.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import InitVar, dataclass, field
from typing import Any

from .._wireformats import WireFormatsSpecError, wire_formats
from ._errors import DataContractSpecError

INSTANCE_NS = "http://www.w3.org/2001/XMLSchema-instance"
SERIALIZATION_NS = "http://schemas.microsoft.com/2003/10/Serialization/"
ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
SCHEMA_NS = "http://www.w3.org/2001/XMLSchema"

STRING = "string"
INT = "int"
FLOAT = "float"
BOOL = "bool"
DATETIME = "datetime"
TIMESPAN = "timespan"

_REF_PREFIX = "#/components/schemas/"
JSON_DATES = "x-jsonnet-dates"
NULLABILITY = "x-datacontract-nullability"
"""`info.x-datacontract-nullability: declared`: `nullable` says which value-type members are
.NET `Nullable<T>`; `i:nil` on any other value-type member is refused, as .NET refuses it."""
_INTEGER_BITS: Mapping[object, int] = {"int32": 32, "int64": 64, None: 64}

# The element name .NET gives a primitive when it is an array item or a document root.
PRIMITIVE_ELEMENT_NAMES: Mapping[tuple[str, int], str] = {
    (STRING, 0): "string",
    (INT, 32): "int",
    (INT, 64): "long",
    (FLOAT, 0): "double",
    (BOOL, 0): "boolean",
    (DATETIME, 0): "dateTime",
    (TIMESPAN, 0): "duration",
}


@dataclass(frozen=True, slots=True)
class ScalarType:
    """A .NET primitive: `kind` is one of STRING, INT, FLOAT, BOOL, DATETIME, TIMESPAN."""

    kind: str
    bits: int = 0  # INT: 32 (Int32) or 64 (Int64, also for `type: integer` without a format)

    @property
    def element_name(self) -> str:
        return PRIMITIVE_ELEMENT_NAMES[(self.kind, self.bits if self.kind == INT else 0)]


@dataclass(frozen=True, slots=True)
class DictionaryType:
    """`Dictionary<string, object>`: KeyValueOfstringanyType items in the Arrays namespace.

    ``json_dates`` (`x-jsonnet-dates: true`): the vendor reads the object from JSON with
    Json.NET's default DateParseHandling, so a string value shaped as an ISO 8601 date-time is a
    DateTime there, written `i:type="xs:dateTime"`; the encoder writes such strings so."""

    json_dates: bool = False


@dataclass(frozen=True, slots=True)
class AnyType:
    """A member declared as `object`: scalar values carry `i:type`, like dictionary values."""


@dataclass(eq=False, slots=True)
class Member:
    json_name: str
    element_name: str
    namespace: str
    type: TypeRef
    declares: str | None  # namespace DataContractSerializer declares on the member element
    tag: str  # Clark notation, as lxml names elements
    position: int = 0  # in serializer order: a member found after a later one is not read
    nillable: bool = True  # False: a .NET value type (int, bool, ...), `i:nil` is refused
    path_suffix: str = field(init=False)  # `.JsonName`, how error paths name the member

    def __post_init__(self) -> None:
        self.path_suffix = f".{self.json_name}"


@dataclass(eq=False, slots=True)
class ObjectType:
    """A [DataContract] class: its contract name, namespace and members in serializer order."""

    schema_name: str
    name: str
    namespace: str
    is_reference: bool
    members: list[Member] = field(default_factory=list)
    by_json_name: dict[str, Member] = field(default_factory=dict)
    by_tag: dict[str, Member] = field(default_factory=dict)
    not_in_xml: set[str] = field(default_factory=set)  # properties XML does not carry (JSON names)

    @property
    def contract(self) -> tuple[str, str]:
        """(namespace, name): what an `i:type` on an element of this type must name."""
        return self.namespace, self.name


@dataclass(eq=False, slots=True)
class ArrayType:
    """A collection: items are elements named `item_name` in `item_namespace`. Its own data
    contract (what an `i:type` on it must name) is `contract`, by default .NET's name for a
    collection: `ArrayOf<item name>` in the item namespace."""

    item_name: str
    item_namespace: str
    item: TypeRef
    declared_contract: InitVar[tuple[str, str] | None] = None  # (namespace, name) if not .NET's
    max_items: int | None = None  # the schema's maxItems: the decoder refuses more items
    contract: tuple[str, str] = field(init=False)  # (namespace, name)
    item_tag: str = field(init=False)  # Clark notation, as lxml names elements

    def __post_init__(self, declared_contract: tuple[str, str] | None) -> None:
        self.item_tag = clark(self.item_namespace, self.item_name)
        self.contract = declared_contract or (self.item_namespace, f"ArrayOf{self.item_name}")


@dataclass(eq=False, slots=True)
class UnionType:
    """`oneOf`/`anyOf` of a scalar and an object: text for one, member elements for the other."""

    scalar: ScalarType | None
    object: ObjectType | None


TypeRef = ScalarType | DictionaryType | AnyType | ObjectType | ArrayType | UnionType


@dataclass(frozen=True, slots=True)
class RootContract:
    """What `encode(schema_name, ...)` writes: the root element and the type of its content."""

    schema_name: str
    name: str
    namespace: str
    type: TypeRef
    tag: str


ArrayBounds = dict[tuple[str, str], tuple[int, str]]
"""(array element tag, item tag) -> (maxItems, the array's path for messages)."""


def array_bounds(root: RootContract) -> ArrayBounds:
    """Every array with a maxItems that a document of ``root`` may hold, by its element's tag
    and its items' tag (what a parser sees), so that an over-long array is refused while the
    document is parsed, before its tree is built whole. Not the root array's own bound: its
    length is its reader's to check and answer (a W50 batch's has a status of its own), and
    `DataContractCodec.iter_items` reads it without building its tree."""
    bounds: ArrayBounds = {}
    seen: set[int] = set()

    def visit(tag: str, value_type: TypeRef, path: str) -> None:
        if isinstance(value_type, ArrayType):
            if value_type.max_items is not None:
                bounds.setdefault((tag, value_type.item_tag), (value_type.max_items, path))
            visit(value_type.item_tag, value_type.item, f"{path}[]")
        elif isinstance(value_type, ObjectType) and id(value_type) not in seen:
            seen.add(id(value_type))
            for member in value_type.members:
                visit(member.tag, member.type, f"{path}.{member.json_name}")
        elif isinstance(value_type, UnionType) and value_type.object is not None:
            visit(tag, value_type.object, path)

    if isinstance(root.type, ArrayType):
        visit(root.type.item_tag, root.type.item, f"{root.schema_name}[]")
    else:
        visit(root.tag, root.type, root.schema_name)
    return bounds


def clark(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}" if namespace else local


class ContractTables:
    """Builds and caches the contract of every schema of one OpenAPI document."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        try:
            schemas = document["components"]["schemas"]
        except (KeyError, TypeError) as error:
            raise DataContractSpecError("the document has no components/schemas") from error
        if not isinstance(schemas, Mapping):
            raise DataContractSpecError("components/schemas is not a mapping")
        self._schemas: Mapping[str, Any] = schemas
        info = document.get("info")
        declared = info.get(NULLABILITY) if isinstance(info, Mapping) else None
        if declared not in (None, "declared"):
            raise DataContractSpecError(f"info.{NULLABILITY} is {declared!r}, not 'declared'")
        self._nullability_declared = declared == "declared"
        self._objects: dict[str, ObjectType] = {}
        self._roots: dict[str, RootContract] = {}

    @property
    def schema_names(self) -> tuple[str, ...]:
        return tuple(self._schemas)

    def schema(self, name: str) -> Mapping[str, Any]:
        try:
            schema = self._schemas[name]
        except KeyError:
            raise KeyError(f"no schema named {name!r} in components/schemas") from None
        if not isinstance(schema, Mapping):
            raise DataContractSpecError(f"schema {name!r} is not a mapping")
        return schema

    # -- roots -------------------------------------------------------------------------------

    def root(self, schema_name: str) -> RootContract:
        cached = self._roots.get(schema_name)
        if cached is not None:
            return cached
        schema = self.schema(schema_name)
        kind = self._schema_kind(schema)
        if kind == "object":
            obj = self.object_type(schema_name)
            root = RootContract(
                schema_name, obj.name, obj.namespace, obj, clark(obj.namespace, obj.name)
            )
        elif kind == "array":
            name, namespace = self._contract_name(schema_name, schema)
            array = self._array_type(schema, schema_name, (namespace, name))
            root = RootContract(schema_name, name, namespace, array, clark(namespace, name))
        else:
            scalar_type = self.type_of(schema, schema_name)
            if not isinstance(scalar_type, ScalarType):
                raise DataContractSpecError(
                    f"schema {schema_name!r} cannot be an XML document root"
                )
            name = scalar_type.element_name
            root = RootContract(
                schema_name, name, SERIALIZATION_NS, scalar_type, clark(SERIALIZATION_NS, name)
            )
        self._roots[schema_name] = root
        return root

    # -- objects -----------------------------------------------------------------------------

    def object_type(self, schema_name: str) -> ObjectType:
        cached = self._objects.get(schema_name)
        if cached is not None:
            return cached
        schema = self.schema(schema_name)
        name, namespace = self._contract_name(schema_name, schema)
        contract = schema.get("x-datacontract") or {}
        obj = ObjectType(schema_name, name, namespace, bool(contract.get("isReference", False)))
        self._objects[schema_name] = obj  # before the members: a schema may refer to itself
        try:
            self._fill_members(obj, schema, contract)
        except BaseException:
            del self._objects[schema_name]
            raise
        return obj

    def _fill_members(
        self, obj: ObjectType, schema: Mapping[str, Any], contract: Mapping[str, Any]
    ) -> None:
        properties = self._properties(schema)
        base = contract.get("base") or {}
        base_members = [str(name) for name in base.get("members", ())]
        base_namespace = str(base.get("namespace", obj.namespace) or "")
        for name in base_members:
            if name not in properties:
                raise DataContractSpecError(
                    f"{obj.schema_name}: x-datacontract.base lists {name!r}, not a property"
                )
        own = sorted((name for name in properties if name not in base_members), key=_ordinal)
        ordered = [(name, base_namespace) for name in base_members] + [
            (name, obj.namespace) for name in own
        ]
        for json_name, namespace in ordered:
            prop = properties[json_name]
            try:
                formats = wire_formats(prop, f"{obj.schema_name}.{json_name}")
            except WireFormatsSpecError as error:
                raise DataContractSpecError(str(error)) from None
            if "xml" not in formats:
                obj.not_in_xml.add(json_name)
                continue
            xml = prop.get("xml") or {}
            element_name = str(xml.get("name") or json_name)
            member_type = self.type_of(prop, f"{obj.schema_name}.{json_name}")
            member = Member(
                json_name=json_name,
                element_name=element_name,
                namespace=namespace,
                type=member_type,
                declares=_namespace_to_declare(member_type, namespace),
                tag=clark(namespace, element_name),
                position=len(obj.members),
                nillable=self._nillable(prop, member_type),
            )
            obj.members.append(member)
            obj.by_json_name[json_name] = member
            obj.by_tag.setdefault(member.tag, member)

    def _nillable(self, prop: Mapping[str, Any], member_type: TypeRef) -> bool:
        """Whether `i:nil` may stand for the member: always, unless the document declares its
        nullability (`info.x-datacontract-nullability: declared`) and the member is a .NET value
        type (a scalar other than a string) without `nullable: true`, which .NET refuses to
        read as nil ("ValueType 'System.Int32' cannot be null")."""
        if not self._nullability_declared or not isinstance(member_type, ScalarType):
            return True
        if member_type.kind == STRING:
            return True
        return bool(prop.get("nullable")) or any(
            isinstance(part, Mapping) and part.get("nullable") for part in prop.get("allOf", ())
        )

    def _properties(self, schema: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
        """The properties of an object schema, those of `allOf` parts included."""
        properties: dict[str, Mapping[str, Any]] = {}
        for part in schema.get("allOf", ()):
            properties.update(self._properties(self._resolve(part)))
        for name, prop in (schema.get("properties") or {}).items():
            properties[str(name)] = prop
        return properties

    def _contract_name(self, schema_name: str, schema: Mapping[str, Any]) -> tuple[str, str]:
        contract = schema.get("x-datacontract") or {}
        xml = schema.get("xml") or {}
        name = contract.get("name") or xml.get("name") or schema_name
        namespace = contract.get("namespace")
        if namespace is None:
            namespace = xml.get("namespace", "")
        return str(name), str(namespace or "")

    # -- member types ------------------------------------------------------------------------

    def _resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        ref = schema.get("$ref")
        if ref is None:
            return schema
        return self.schema(self._ref_name(ref))

    def _ref_name(self, ref: object) -> str:
        if not isinstance(ref, str) or not ref.startswith(_REF_PREFIX):
            raise DataContractSpecError(f"unsupported $ref {ref!r} (only {_REF_PREFIX}...)")
        return ref[len(_REF_PREFIX) :]

    def _schema_kind(self, schema: Mapping[str, Any]) -> str:
        declared = schema.get("type")
        if declared == "array":
            return "array"
        if schema.get("x-datacontract-type") == "dictionary":
            return "dictionary"
        if declared == "object" or "properties" in schema or "x-datacontract" in schema:
            if (
                "properties" not in schema
                and "allOf" not in schema
                and schema.get("additionalProperties")
            ):
                return "dictionary"
            return "object"
        if "allOf" in schema and any("$ref" in part for part in schema["allOf"]):
            return "object" if "x-datacontract" in schema else "other"
        return "other"

    def type_of(self, schema: Mapping[str, Any], where: str) -> TypeRef:
        """The .NET type of a property (or item) schema."""
        refs = [part for part in schema.get("allOf", ()) if isinstance(part, Mapping)]
        if "$ref" in schema:
            return self._type_of_ref(schema["$ref"], where)
        if len(refs) == 1 and "$ref" in refs[0] and "properties" not in schema:
            return self._type_of_ref(refs[0]["$ref"], where)
        special = schema.get("x-datacontract-type")
        if special == "dictionary":
            return DictionaryType(json_dates=schema.get(JSON_DATES) is True)
        if special == "timespan":
            return ScalarType(TIMESPAN)
        if special not in (None, "datetime"):
            raise DataContractSpecError(f"{where}: unknown x-datacontract-type {special!r}")
        alternatives = schema.get("oneOf") or schema.get("anyOf")
        if alternatives:
            return self._union(alternatives, where)
        declared = schema.get("type")
        if declared == "string":
            if schema.get("format") == "date-time" or special == "datetime":
                return ScalarType(DATETIME)
            return ScalarType(STRING)
        if declared == "integer":
            # No format: JSON Schema's integer is unbounded, a DataContract has no such type.
            # Read as Int64 (xs:long), the widest .NET integer and what Json.NET reads JSON
            # integers as (docs/spec-conventions.md); values beyond it are an error either way.
            bits = _INTEGER_BITS.get(schema.get("format"))
            if bits is None:
                raise DataContractSpecError(
                    f"{where}: integer format {schema.get('format')!r} is not int32 or int64"
                )
            return ScalarType(INT, bits)
        if declared == "number":
            return ScalarType(FLOAT)
        if declared == "boolean":
            return ScalarType(BOOL)
        if declared == "array":
            return self._array_type(schema, where)
        if declared == "object" or "properties" in schema:
            if schema.get("properties"):
                raise DataContractSpecError(
                    f"{where}: inline object schemas are not allowed; use a $ref"
                )
            return DictionaryType()
        if declared is None:
            return AnyType()
        raise DataContractSpecError(f"{where}: unsupported schema type {declared!r}")

    def _type_of_ref(self, ref: object, where: str) -> TypeRef:
        name = self._ref_name(ref)
        target = self.schema(name)
        kind = self._schema_kind(target)
        if kind == "object":
            return self.object_type(name)
        if kind == "array":
            contract_name, namespace = self._contract_name(name, target)
            return self._array_type(target, name, (namespace, contract_name))
        if kind == "dictionary":
            return DictionaryType()
        return self.type_of(target, name)

    def _union(self, alternatives: Any, where: str) -> TypeRef:
        scalar: ScalarType | None = None
        obj: ObjectType | None = None
        for alternative in alternatives:
            member_type = self.type_of(alternative, where)
            if isinstance(member_type, ScalarType) and scalar is None:
                scalar = member_type
            elif isinstance(member_type, ScalarType):
                return AnyType()  # several scalar types: a .NET object, written with i:type
            elif isinstance(member_type, ObjectType) and obj is None:
                obj = member_type
            else:
                raise DataContractSpecError(f"{where}: unsupported oneOf/anyOf alternatives")
        return UnionType(scalar, obj)

    def _array_type(
        self,
        schema: Mapping[str, Any],
        where: str,
        contract: tuple[str, str] | None = None,
    ) -> ArrayType:
        items = schema.get("items")
        if not isinstance(items, Mapping):
            raise DataContractSpecError(f"{where}: an array schema needs items")
        item_type = self.type_of(items, f"{where}[]")
        limit = schema.get("maxItems")
        max_items = limit if isinstance(limit, int) and not isinstance(limit, bool) else None
        if isinstance(item_type, ObjectType):
            return ArrayType(item_type.name, item_type.namespace, item_type, contract, max_items)
        if isinstance(item_type, ScalarType):
            xml = items.get("xml") or {}
            name = str(xml.get("name") or item_type.element_name)
            namespace = str(xml.get("namespace", ARRAYS_NS) or "")
            return ArrayType(name, namespace, item_type, contract, max_items)
        raise DataContractSpecError(
            f"{where}: arrays of {type(item_type).__name__} are not supported"
        )


def _ordinal(name: str) -> tuple[int, ...]:
    """String.CompareOrdinal order: by UTF-16 code unit."""
    return tuple(name.encode("utf-16-be"))


def _namespace_to_declare(member_type: TypeRef, declaring_namespace: str) -> str | None:
    """DataContractSerializer's ChildElementNamespaces: the member type's namespace, declared
    on the member element when it is not empty and differs from the declaring class's."""
    namespace: str | None
    if isinstance(member_type, ObjectType):
        namespace = member_type.namespace
    elif isinstance(member_type, ArrayType):
        namespace = member_type.item_namespace
    elif isinstance(member_type, DictionaryType):
        namespace = ARRAYS_NS
    elif isinstance(member_type, UnionType) and member_type.object is not None:
        namespace = member_type.object.namespace
    else:
        namespace = None
    if namespace and namespace != declaring_namespace:
        return namespace
    return None
