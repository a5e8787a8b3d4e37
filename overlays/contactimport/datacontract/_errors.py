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


FieldPath = str | tuple["FieldPath", str | int]
"""Where in a value an error is, rendered only when one is raised: the schema name, or
(parent, suffix) where the suffix is a member's `.Name`, an array index or `["key"]`."""


def render_path(path: FieldPath) -> str:
    """A field path as errors name it: `ArrayOfContact[3].Values["Email"]`."""
    suffixes: list[str] = []
    while isinstance(path, tuple):
        path, suffix = path
        suffixes.append(f"[{suffix}]" if isinstance(suffix, int) else suffix)
    suffixes.append(path)
    return "".join(reversed(suffixes))
