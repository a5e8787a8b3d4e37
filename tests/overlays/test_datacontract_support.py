"""Helpers shared by the DataContract codec tests (no tests here): the two spec documents, XML
trees compared the way the issue asks (same elements, namespaces and their prefixes, order,
attributes, text), the seed pages' sample pairs, and hypothesis strategies written from the
JSON schemas of the specs."""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import strategies as st
from lxml import etree

Api = Literal["which50", "checkmarket"]
REPO = Path(__file__).resolve().parents[2]
SPEC_FILES: dict[Api, Path] = {
    "which50": REPO / "spec" / "which50.openapi.yaml",
    "checkmarket": REPO / "spec" / "checkmarket.openapi.yaml",
}
REF_PREFIX = "#/components/schemas/"


@cache
def spec_document(api: Api) -> dict[str, Any]:
    """The spec as the codec sees it at run time (contactimport.generated.spec), or the YAML
    source."""
    try:
        from contactimport.generated.spec import document
    except ImportError:
        import yaml

        loaded: dict[str, Any] = yaml.safe_load(SPEC_FILES[api].read_text(encoding="utf-8"))
        return loaded
    return document(api)


# -- XML trees ---------------------------------------------------------------------------------

Tree = tuple[Any, ...]


def xml_tree(xml: bytes | str) -> Tree:
    """A comparable form of a document: for each element its prefix, expanded name, its own
    namespace declarations, attributes, text (leaves only; whitespace between elements is
    layout) and children in order."""
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True, resolve_entities=False))
    return _tree(root, {})


def _tree(element: Any, parent_nsmap: Mapping[str | None, str]) -> Tree:
    own = {p: n for p, n in element.nsmap.items() if parent_nsmap.get(p) != n}
    children = [child for child in element if isinstance(child.tag, str)]
    text = None if children else (element.text or "")
    return (
        element.prefix,
        element.tag,
        tuple(sorted((p or "", n) for p, n in own.items())),
        tuple(sorted(element.attrib.items())),
        text,
        tuple(_tree(child, element.nsmap) for child in children),
    )


def expanded_tree(xml: bytes | str) -> Tree:
    """Like `xml_tree` but blind to prefixes (expanded names only, `i:type` resolved): the
    comparison for documents from writers that choose other prefixes."""
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True, resolve_entities=False))
    return _expanded(root)


def _expanded(element: Any) -> Tree:
    attributes = []
    for name, value in element.attrib.items():
        if name == "{http://www.w3.org/2001/XMLSchema-instance}type":
            prefix, _, local = value.rpartition(":")
            value = f"{{{element.nsmap.get(prefix or None, '')}}}{local}"
        attributes.append((name, value))
    children = [child for child in element if isinstance(child.tag, str)]
    text = None if children else (element.text or "")
    return (
        element.tag,
        tuple(sorted(attributes)),
        text,
        tuple(_expanded(child) for child in children),
    )


# -- value comparison --------------------------------------------------------------------------

_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$")


def instant(text: str) -> tuple[datetime, int]:
    """A date-time string as (instant to the microsecond, 100 ns remainder)."""
    fraction = re.search(r"\.(\d+)", text)
    digits = (fraction.group(1) if fraction else "").ljust(7, "0")
    base = re.sub(r"\.\d+", "", text).replace("Z", "+00:00")
    moment = datetime.fromisoformat(base) + timedelta(microseconds=int(digits[:6]))
    return moment.astimezone(UTC), int(digits[6])


def same_value(left: Any, right: Any) -> bool:
    """Equality where two date-time strings with offsets are equal when they are the same
    instant (the help pages render one sample's Timestamp in UTC for JSON, +01:00 for XML)."""
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same_value(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(map(same_value, left, right))
    if isinstance(left, str) and isinstance(right, str) and left != right:
        if _DATE_TIME.match(left) and _DATE_TIME.match(right):
            return instant(left) == instant(right)
        return False
    return bool(type(left) is type(right) and left == right)


# -- golden samples ----------------------------------------------------------------------------


def spec_xml_examples(api: Api) -> Iterator[tuple[str, str, Any, str]]:
    """(where, schema name, JSON sample, XML sample) for every body of the spec that carries an
    XML example; the JSON sample is the `example` or the first of the `examples`."""
    document = spec_document(api)

    def walk(node: Any, where: str) -> Iterator[tuple[str, str, Any, str]]:
        if isinstance(node, Mapping):
            xml = node.get("application/xml")
            if isinstance(xml, Mapping) and "example" in xml:
                ref = xml["schema"]["$ref"]
                json_media = node["application/json"]
                if "example" in json_media:
                    sample = json_media["example"]
                else:
                    sample = next(iter(json_media["examples"].values()))["value"]
                yield where, ref[len(REF_PREFIX) :], sample, xml["example"]
            for key, value in node.items():
                yield from walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, f"{where}[{index}]")

    yield from walk(document["paths"], "paths")
    yield from walk(document["components"], "components")


SEEDS_FOLDER = Path(os.environ.get("CONTACTIMPORT_SEEDS", REPO.parent / "shared" / "seeds"))
_XML_DOCUMENT = re.compile(r"^<(\w+) xmlns:i=.*?</\1>", re.DOTALL | re.MULTILINE)
# Which schema a seed's XML root element belongs to.
SEED_ROOTS: dict[str, tuple[Api, str]] = {
    "ImportJob": ("which50", "ImportJob"),
    "ImportJobCreateRequest": ("which50", "ImportJobCreateRequest"),
    "Contact": ("which50", "Contact"),
    "BaseImportConfig": ("checkmarket", "ImportConfig"),
    "Payload": ("checkmarket", "CreateImportConfigPayload"),
}


def seed_files() -> list[Path]:
    if not SEEDS_FOLDER.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"seed pages missing at {SEEDS_FOLDER} (CI is set, so they are required)")
        pytest.skip(f"seed pages not found at {SEEDS_FOLDER}")
    return sorted(SEEDS_FOLDER.glob("*.txt"))


def _json_blocks(text: str) -> list[tuple[int, Any]]:
    """(offset, value) of every JSON object that starts a line and parses."""
    blocks = []
    for match in re.finditer(r"^\{", text, re.MULTILINE):
        depth = 0
        for position in range(match.start(), len(text)):
            if text[position] == "{":
                depth += 1
            elif text[position] == "}":
                depth -= 1
                if depth == 0:
                    with contextlib.suppress(json.JSONDecodeError):
                        blocks.append(
                            (match.start(), json.loads(text[match.start() : position + 1]))
                        )
                    break
    return blocks


def seed_pairs(path: Path) -> list[tuple[str, Any, str]]:
    """(root element name, JSON sample, XML sample): each XML sample of a page with the JSON
    sample closest before it (the page shows JSON, then XML, for each body)."""
    text = path.read_text(encoding="utf-8")
    blocks = _json_blocks(text)
    pairs = []
    for match in _XML_DOCUMENT.finditer(text):
        before = [value for offset, value in blocks if offset < match.start()]
        assert before, f"{path.name}: XML sample {match.group(1)} has no JSON sample before it"
        pairs.append((match.group(1), before[-1], match.group(0)))
    return pairs


# -- hypothesis strategies from JSON schema ----------------------------------------------------

# Text XML 1.0 can carry (no C0 controls but tab/LF/CR, no surrogates, no U+FFFE/U+FFFF).
XML_TEXT = st.text(
    st.characters(
        codec="utf-8",
        exclude_categories=["Cs"],
        exclude_characters="".join(chr(c) for c in range(0x20) if c not in (9, 10, 13))
        + "\ufffe\uffff",
    ),
    max_size=12,
)
INT32 = st.integers(-(2**31), 2**31 - 1)
INT64 = st.integers(-(2**63), 2**63 - 1)
DOUBLE = st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def timespans(draw: st.DrawFn) -> str:
    """Json.NET's TimeSpan text (the "c" format .NET writes) of any tick count."""
    ticks = draw(st.integers(-(10**15), 10**15))
    sign = "-" if ticks < 0 else ""
    days, rest = divmod(abs(ticks), 864_000_000_000)
    seconds, fraction = divmod(rest, 10_000_000)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    text = f"{sign}{f'{days}.' if days else ''}{hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{text}.{fraction:07d}" if fraction else text


@st.composite
def date_times(draw: st.DrawFn) -> str:
    """RFC 3339 date-times with 0-7 fraction digits and Z or an offset, as .NET writes them."""
    moment = draw(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)))
    digits = draw(st.integers(0, 7))
    fraction = draw(st.integers(0, 10**digits - 1)) if digits else 0
    offset = draw(st.sampled_from(["Z", "+00:00", "+01:00", "-05:30", "+14:00"]))
    text = f"{moment.year:04d}-{moment.strftime('%m-%dT%H:%M:%S')}"
    if digits:
        text += f".{fraction:0{digits}d}"
    return text + offset


class SchemaStrategies:
    """JSON-shaped values valid for the schemas of one spec document."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.schemas: Mapping[str, Any] = document["components"]["schemas"]
        self._cache: dict[str, st.SearchStrategy[Any]] = {}

    def for_schema(self, name: str) -> st.SearchStrategy[Any]:
        if name not in self._cache:
            self._cache[name] = st.deferred(lambda: self.build(self.schemas[name]))
        return self._cache[name]

    def build(self, schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
        strategy = self._build(schema)
        if schema.get("nullable"):
            return st.none() | strategy
        return strategy

    def _build(self, schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
        if "$ref" in schema:
            return self.for_schema(schema["$ref"][len(REF_PREFIX) :])
        parts = schema.get("allOf")
        if parts and len(parts) == 1 and "properties" not in schema:
            return self._build(parts[0])
        if schema.get("x-datacontract-type") == "timespan":
            return timespans()
        if schema.get("x-datacontract-type") == "dictionary":
            values = schema.get("additionalProperties")
            value_strategy = (
                self.build(values)
                if isinstance(values, Mapping)
                else st.none() | st.booleans() | INT64 | DOUBLE | XML_TEXT
            )
            return st.dictionaries(XML_TEXT, value_strategy, max_size=4)
        alternatives = schema.get("oneOf") or schema.get("anyOf")
        if alternatives:
            # An object with no members and an empty string are the same empty element in XML
            # ("Data is text or elements"): the spec's union cannot tell them apart, so the
            # object alternative is drawn with at least one member.
            return st.one_of(
                [self.build(alternative).filter(lambda v: v != {}) for alternative in alternatives]
            )
        kind = schema.get("type")
        if kind == "string":
            if schema.get("format") == "date-time":
                return date_times()
            if "enum" in schema:
                return st.sampled_from(schema["enum"])
            if "pattern" in schema:
                return st.from_regex(schema["pattern"], fullmatch=True).filter(
                    lambda s: "\n" not in s
                )
            return XML_TEXT.filter(
                lambda s: schema.get("minLength", 0) <= len(s) <= schema.get("maxLength", 10**9)
            )
        if kind == "integer":
            if "enum" in schema:
                return st.sampled_from(schema["enum"])
            base = INT32 if schema.get("format") == "int32" else INT64
            low = schema.get("minimum")
            return base.filter(lambda n: n >= low) if low is not None else base
        if kind == "number":
            return DOUBLE
        if kind == "boolean":
            return st.booleans()
        if kind == "array":
            items = self.build(schema["items"])
            return st.lists(items, min_size=schema.get("minItems", 0), max_size=3)
        properties: dict[str, Any] = {}
        required: set[str] = set()
        for part in schema.get("allOf", ()):
            resolved = self._resolve(part)
            properties.update(resolved.get("properties", {}))
            required.update(resolved.get("required", ()))
        properties.update(schema.get("properties", {}))
        required.update(schema.get("required", ()))
        return st.fixed_dictionaries(
            {name: self.build(prop) for name, prop in properties.items() if name in required},
            optional={
                name: self.build(prop) for name, prop in properties.items() if name not in required
            },
        )

    def _resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        if "$ref" in schema:
            resolved: Mapping[str, Any] = self.schemas[schema["$ref"][len(REF_PREFIX) :]]
            return resolved
        return schema
