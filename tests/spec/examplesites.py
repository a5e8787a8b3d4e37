"""Every example of a document (media, parameter, schema and property examples) with its schema."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from openapi_schema_validator import OAS30Validator, oas30_format_checker

from .specdoc import Document


@dataclass(frozen=True)
class ExampleSite:
    where: str
    value: Any
    schema: Any
    kind: str
    """`json` (a JSON value) or `xml` (a DataContract XML document as a string)."""
    violation: str | None = None
    """The Example Object's `x-violates-schema` reason: the example is known not to validate."""


def _schema_examples(
    doc: Document, schema: Any, where: str, seen: set[int]
) -> Iterator[ExampleSite]:
    """Schema and property `example`s, at any depth of an inline schema (`$ref`s not followed)."""
    if not isinstance(schema, Mapping) or id(schema) in seen or "$ref" in schema:
        return
    seen.add(id(schema))
    if "example" in schema:
        yield ExampleSite(f"{where} example", schema["example"], schema, "json")
    properties = schema.get("properties")
    if isinstance(properties, Mapping):
        for name, member in properties.items():
            yield from _schema_examples(doc, member, f"{where}.{name}", seen)
    for key in ("items", "additionalProperties", "not"):
        yield from _schema_examples(doc, schema.get(key), f"{where}.{key}", seen)
    for key in ("allOf", "anyOf", "oneOf"):
        for index, part in enumerate(schema.get(key) or []):
            yield from _schema_examples(doc, part, f"{where}.{key}[{index}]", seen)


def _violation(doc: Document, media: Mapping[str, Any], name: str) -> str | None:
    """`x-violates-schema` of the Example Object `examples.<name>` (None when not marked)."""
    if not name.startswith("examples."):
        return None
    example = doc.resolve(media["examples"][name.removeprefix("examples.")])
    if not isinstance(example, Mapping) or "x-violates-schema" not in example:
        return None
    return str(example["x-violates-schema"])


def violating_examples(doc: Document) -> list[ExampleSite]:
    """The examples marked `x-violates-schema` (known not to validate)."""
    return [site for site in example_sites(doc) if site.violation is not None]


def example_sites(doc: Document) -> Iterator[ExampleSite]:
    """Every example of the document with the schema it must agree with."""
    seen: set[int] = set()
    for name, schema in doc.schemas.items():
        yield from _schema_examples(doc, schema, f"#/components/schemas/{name}", seen)
    for operation in doc.operations():
        label = f"{operation.label} ({operation.operation_id})"
        for parameter in doc.parameters(operation):
            where = f"{label} parameter {parameter.get('name')}"
            schema = parameter.get("schema", {})
            for name, value in doc.media_examples(parameter):
                yield ExampleSite(f"{where} {name}", value, schema, "json")
            yield from _schema_examples(doc, schema, f"{where} schema", seen)
        for part, body in doc.bodies(operation):
            content = body.get("content")
            if not isinstance(content, Mapping):
                continue
            for media_type, media in content.items():
                if not isinstance(media, Mapping):
                    continue
                where = f"{label} {part} {media_type}"
                schema = media.get("schema", {})
                kind = "xml" if "xml" in str(media_type) else "json"
                for name, value in doc.media_examples(media):
                    yield ExampleSite(
                        f"{where} {name}", value, schema, kind, _violation(doc, media, name)
                    )
                yield from _schema_examples(doc, schema, f"{where} schema", seen)


def json_problems(doc: Document, site: ExampleSite) -> list[str]:
    root = {"components": dict(doc.components), "allOf": [site.schema]}
    validator = OAS30Validator(root, format_checker=oas30_format_checker)
    errors: list[Any] = sorted(
        validator.iter_errors(site.value), key=lambda error: list(error.absolute_path)
    )
    return [
        f"{site.where} at /{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in errors
    ]
