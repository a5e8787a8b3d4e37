"""Checks an XML example against what the spec says about DataContract XML (spec-conventions.md).

Only the spec is consulted: root name and namespace from `x-datacontract`, members and their
namespaces from the properties' `xml` objects and `x-datacontract.base`, DataContractSerializer's
member order, string arrays and dictionaries in the Serialization/Arrays namespace, `z:Id` on
IsReference types, `i:nil` only on nullable members, and scalar text that fits the member's type.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .specdoc import Document, View

ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
SERIALIZATION_NS = "http://schemas.microsoft.com/2003/10/Serialization/"
INSTANCE_NS = "http://www.w3.org/2001/XMLSchema-instance"
Z_ID = f"{{{SERIALIZATION_NS}}}Id"
I_NIL = f"{{{INSTANCE_NS}}}nil"
I_TYPE = f"{{{INSTANCE_NS}}}type"

_INTEGER = re.compile(r"^-?\d+$")
_DURATION = re.compile(r"^-?P(?!$)(\d+D)?(T(?!$)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$")


def split_tag(tag: str) -> tuple[str, str]:
    """(namespace, local name) of an ElementTree tag; namespace "" when none."""
    if tag.startswith("{"):
        namespace, local = tag[1:].split("}", 1)
        return namespace, local
    return "", tag


def qualified(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}" if namespace else local


@dataclass(frozen=True)
class Member:
    name: str
    namespace: str
    view: View


class XmlContractChecker:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[str] = []

    def check(self, text: str, schema: Any) -> list[str]:
        """Every disagreement between the XML text and the schema (empty when they agree)."""
        self.problems = []
        try:
            root = ET.fromstring(text)
        except ET.ParseError as error:
            return [f"not well-formed XML: {error}"]
        view = self.document.view(schema)
        contract = self.document.contract(view)
        if contract is None:
            return ["the body schema has no x-datacontract"]
        expected = qualified(str(contract.get("namespace", "")), str(contract.get("name", "")))
        if root.tag != expected:
            self.problems.append(f"root element is {root.tag}, the spec says {expected}")
        self.value(root, view, split_tag(root.tag)[1])
        return self.problems

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def value(self, element: ET.Element, view: View, where: str) -> None:
        """Checks one element holding a value of the schema `view`."""
        if element.get(I_NIL) == "true":
            if not self.document.nullable(view):
                self.problem(where, "i:nil on a member the spec does not mark nullable")
            if len(element) or (element.text or "").strip():
                self.problem(where, "i:nil element has content")
            return
        types = self.document.types(view)
        kind = self.document.first(view, "x-datacontract-type")
        if kind == "dictionary":
            self.dictionary(element, where)
        elif "array" in types:
            self.array(element, view, where)
        elif "object" in types or self.document.properties(view):
            self.object(element, view, where)
        elif types:
            self.scalar(element, view, types, where)
        # else: an untyped schema (any value); nothing the spec lets us check

    def object(self, element: ET.Element, view: View, where: str) -> None:
        contract = self.document.contract(view)
        if contract is None:
            self.problem(where, "object schema without x-datacontract")
            return
        has_id = Z_ID in element.attrib
        if bool(contract.get("isReference")) != has_id:
            self.problem(
                where,
                f"z:Id {'present' if has_id else 'absent'} but isReference is "
                f"{bool(contract.get('isReference'))}",
            )
        if (element.text or "").strip():
            self.problem(where, "text inside an object element")
        members = self.members(view, contract, where)
        by_tag = {
            qualified(member.namespace, member.name): (index, member)
            for index, member in enumerate(members)
        }
        last = -1
        for child in element:
            child_namespace, child_name = split_tag(child.tag)
            found = by_tag.get(child.tag)
            if found is None:
                names = {member.name: member.namespace for member in members}
                if child_name in names:
                    self.problem(
                        f"{where}/{child_name}",
                        f"in namespace {child_namespace!r}, the spec declares "
                        f"{names[child_name]!r}",
                    )
                else:
                    self.problem(f"{where}/{child_name}", "not a member the spec declares")
                continue
            index, member = found
            if index <= last:
                self.problem(
                    f"{where}/{child_name}",
                    "out of DataContract order (base members first, then ordinal): expected "
                    + ", ".join(m.name for m in members),
                )
            last = max(last, index)
            self.value(child, member.view, f"{where}/{child_name}")

    def members(self, view: View, contract: Mapping[str, Any], where: str) -> list[Member]:
        """The type's members in DataContractSerializer order: base members, then its own."""
        own_namespace = str(contract.get("namespace", ""))
        base = contract.get("base")
        base_members: set[str] = set()
        base_namespace = own_namespace
        if isinstance(base, Mapping):
            base_members = {str(name) for name in base.get("members", []) or []}
            base_namespace = str(base.get("namespace", own_namespace))
        nodes = self.document.property_nodes(view)
        properties = self.document.properties(view)
        base_list: list[Member] = []
        own_list: list[Member] = []
        for name, declarations in nodes.items():
            xml_name = name
            xml_namespace: str | None = None
            for declaration in declarations:
                xml = declaration.get("xml") if isinstance(declaration, Mapping) else None
                if isinstance(xml, Mapping):
                    xml_name = str(xml.get("name", xml_name))
                    if "namespace" in xml:
                        xml_namespace = str(xml["namespace"])
            declaring = base_namespace if xml_name in base_members else own_namespace
            if xml_namespace is not None and xml_namespace != declaring:
                self.problem(
                    f"{where}/{xml_name}",
                    f"xml.namespace {xml_namespace!r} disagrees with x-datacontract "
                    f"({declaring!r})",
                )
            member = Member(xml_name, declaring, properties[name])
            (base_list if xml_name in base_members else own_list).append(member)
        missing = base_members - {member.name for member in base_list}
        if missing:
            self.problem(where, f"x-datacontract.base.members not declared: {sorted(missing)}")
        return sorted(base_list, key=lambda m: m.name) + sorted(own_list, key=lambda m: m.name)

    def array(self, element: ET.Element, view: View, where: str) -> None:
        items = self.document.items(view)
        item_types = self.document.types(items)
        contract = self.document.contract(items)
        if contract is not None:
            expected = qualified(str(contract.get("namespace", "")), str(contract.get("name")))
        else:
            xml = self.document.first(items, "xml")
            xml = xml if isinstance(xml, Mapping) else {}
            name = str(xml.get("name", ""))
            namespace = str(xml.get("namespace", ""))
            if not name:
                self.problem(where, f"array items ({sorted(item_types)}) have no xml.name")
                return
            if item_types == {"string"} and namespace != ARRAYS_NS:
                self.problem(where, f"string items in namespace {namespace!r}, not {ARRAYS_NS}")
            expected = qualified(namespace, name)
        for position, child in enumerate(element):
            child_where = f"{where}/{split_tag(child.tag)[1]}[{position}]"
            if child.tag != expected:
                self.problem(child_where, f"array item element should be {expected}")
                continue
            self.value(child, items, child_where)

    def dictionary(self, element: ET.Element, where: str) -> None:
        pair = qualified(ARRAYS_NS, "KeyValueOfstringanyType")
        key_tag, value_tag = qualified(ARRAYS_NS, "Key"), qualified(ARRAYS_NS, "Value")
        for position, child in enumerate(element):
            child_where = f"{where}[{position}]"
            if child.tag != pair:
                self.problem(child_where, f"dictionary entry should be {pair}, is {child.tag}")
                continue
            tags = [grandchild.tag for grandchild in child]
            if tags != [key_tag, value_tag]:
                self.problem(child_where, f"entry children should be Key, Value; are {tags}")
                continue
            value = child[1]
            if (
                value.get(I_NIL) != "true"
                and I_TYPE not in value.attrib
                and (value.text or "").strip()
            ):
                self.problem(child_where, "a non-null dictionary Value without i:type")

    def scalar(self, element: ET.Element, view: View, types: set[str], where: str) -> None:
        if len(element):
            self.problem(where, f"child elements inside a {sorted(types)} member")
            return
        text = element.text or ""
        kind = self.document.first(view, "x-datacontract-type")
        fmt = self.document.first(view, "format")
        if "integer" in types and not _INTEGER.match(text):
            self.problem(where, f"{text!r} is not an integer")
        elif "number" in types and not _is_number(text):
            self.problem(where, f"{text!r} is not a number")
        elif "boolean" in types and text not in ("true", "false"):
            self.problem(where, f"{text!r} is not an xs:boolean")
        elif "string" in types and kind == "timespan" and not _DURATION.match(text):
            self.problem(where, f"{text!r} is not an xs:duration (TimeSpan)")
        elif "string" in types and fmt == "date-time" and not _DATE_TIME.match(text):
            self.problem(where, f"{text!r} is not an xs:dateTime")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and text not in ("NaN", "INF", "-INF", "")


def same_tree(left: ET.Element, right: ET.Element) -> bool:
    """Equal as parsed trees: names, attributes, trimmed text; inter-element whitespace ignored."""
    if left.tag != right.tag or dict(left.attrib) != dict(right.attrib):
        return False
    if (left.text or "").strip() != (right.text or "").strip():
        return False
    if len(left) != len(right):
        return False
    return all(same_tree(a, b) for a, b in zip(left, right, strict=True))
