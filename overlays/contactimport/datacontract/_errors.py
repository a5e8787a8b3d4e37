"""Errors of the DataContract XML codec: each names the field path and the rule it broke.

Messages never quote the offending value (contact data is personal data); they say where
(`Contact.Values["Email"]`) and what rule (`text XML 1.0 cannot carry: U+0001`).
"""

from __future__ import annotations


class DataContractError(ValueError):
    """Base of the codec's errors: `path` is the field path, `rule` the rule that was broken."""

    def __init__(self, path: str, rule: str) -> None:
        super().__init__(f"{path}: {rule}" if path else rule)
        self.path = path
        self.rule = rule


class XmlEncodeError(DataContractError):
    """A JSON-shaped value that cannot be written as DataContract XML."""


class XmlDecodeError(DataContractError):
    """XML that is unsafe, malformed, or does not match the data contract."""


class DataContractSpecError(ValueError):
    """The OpenAPI document does not say what the codec needs (docs/spec-conventions.md)."""
