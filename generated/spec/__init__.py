# Generated from spec/which50.openapi.yaml and spec/checkmarket.openapi.yaml by scripts/generate.py. Do not edit: run `nox -s generate`.
"""The OpenAPI documents of spec/, shipped as JSON package data, and facts read from them.

Everything the overlay and the sandbox need to know from a spec is read from `document(api)` at
run time (the XML contract tables among them) or is one of the constants below, read from the
same documents by scripts/generate.py when it wrote this module.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any, Final, Literal

__all__ = ["APIS", "BASE_URLS", "MAX_BATCH_CONTACTS", "REQUIRED_ROLES", "Api", "document"]

Api = Literal["which50", "checkmarket"]
APIS: Final[tuple[Api, ...]] = ("which50", "checkmarket")

MAX_BATCH_CONTACTS: Final = 10000
"""The most contacts one uploadImportBatch request may carry (W50 ArrayOfContact maxItems)."""

REQUIRED_ROLES: Final[Mapping[str, tuple[str, ...]]] = {
    "bulkImportContacts": ("Contacts (write)",),
    "createImportConfig": ("Contacts (write)",),
    "deleteImportConfig": ("Contacts (write)",),
    "getImportConfig": ("Contacts (read)",),
    "getImportResult": ("Contacts (read)",),
    "getImportResultLegacy": ("Contacts (read)",),
    "listImportConfigs": ("Contacts (read)",),
    "updateImportConfig": ("Contacts (write)",),
}
"""The X-Key roles each CheckMarket operation requires, by operationId (x-required-roles)."""

BASE_URLS: Final[Mapping[Api, tuple[str, ...]]] = {
    "which50": ("https://app.which50.com/Which50API",),
    "checkmarket": (
        "https://api.checkmarket.com",
        "https://api-eu.agileresearch.medallia.com",
        "https://api-us.agileresearch.medallia.com",
        "https://api-ca.agileresearch.medallia.com",
    ),
}
"""Each API's server URLs, the vendor's default first (servers)."""


@cache
def _text(api: Api) -> str:
    if api not in APIS:
        raise ValueError(f"unknown API {api!r}; expected one of {APIS}")
    return resources.files(__name__).joinpath(f"{api}.openapi.json").read_text(encoding="utf-8")


def document(api: Api) -> dict[str, Any]:
    """The parsed OpenAPI document of `api` (a fresh copy: callers may modify it)."""
    parsed: dict[str, Any] = json.loads(_text(api))
    return parsed
