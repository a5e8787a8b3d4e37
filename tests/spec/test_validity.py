"""Both documents are valid OpenAPI 3.0.3 (openapi-spec-validator; nox `spec` adds Redocly)."""

from __future__ import annotations

from openapi_spec_validator import OpenAPIV30SpecValidator, validate

from .specdoc import Document


def test_document_declares_openapi_3_0_3(doc: Document) -> None:
    assert doc.data.get("openapi") == "3.0.3"


def test_document_passes_openapi_spec_validator(doc: Document) -> None:
    validate(dict(doc.data), cls=OpenAPIV30SpecValidator)
