"""Remove credentials from headers and URLs before they reach a log line, a repr or an exception.

Redacted (names in any case):

- the headers and query parameters the specs' `securitySchemes` carry credentials in, read from
  the documents of `contactimport.generated.spec`: an `apiKey` scheme's `name` (`X-Master-Key`,
  `X-Key`), `Authorization` for `http` (bearer, basic, ...), `oauth2` and `openIdConnect`;
- secrets no spec names: `Proxy-Authorization`, `Cookie`, `Set-Cookie`, `X-Api-Key`;
- user info in URLs, and query parameters whose name looks like a credential (`key`, `token`,
  `password`, `secret`, `signature`, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, Final
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from .. import _spec

__all__ = [
    "OTHER_SENSITIVE_HEADERS",
    "REDACTED",
    "credential_locations",
    "is_sensitive_header",
    "is_sensitive_query_name",
    "redact_headers",
    "redact_request",
    "redact_text",
    "redact_url",
    "sensitive_headers",
    "sensitive_query_names",
]

REDACTED: Final = "[REDACTED]"

OTHER_SENSITIVE_HEADERS: Final = frozenset(
    {"proxy-authorization", "cookie", "set-cookie", "x-api-key"}
)
"""Lower-cased headers that carry secrets though no spec's securitySchemes names them."""

_AUTHORIZATION_SCHEMES: Final = frozenset({"http", "oauth2", "openIdConnect"})

_SENSITIVE_QUERY = re.compile(
    r"(^|[-_.])(key|apikey|api[-_]?key|token|access[-_]?token|password|passwd|secret|"
    r"signature|sig|auth|authorization|credential|credentials|masterkey|master[-_]key)$",
    re.IGNORECASE,
)


def credential_locations(document: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    """Lower-cased names of the places a document's `securitySchemes` put credentials, by
    location (`header`, `query`, `cookie`): an `apiKey` scheme's `name` in its `in`, and the
    `Authorization` header for the `http`, `oauth2` and `openIdConnect` schemes."""
    found: dict[str, set[str]] = {"header": set(), "query": set(), "cookie": set()}
    components = document.get("components")
    schemes = components.get("securitySchemes") if isinstance(components, Mapping) else None
    for scheme in (schemes or {}).values():
        if not isinstance(scheme, Mapping):
            continue
        kind = scheme.get("type")
        if kind in _AUTHORIZATION_SCHEMES:
            found["header"].add("authorization")
        elif kind == "apiKey":
            location, name = scheme.get("in"), scheme.get("name")
            if location in found and isinstance(name, str) and name.strip():
                found[location].add(name.strip().lower())
    return {location: frozenset(names) for location, names in found.items()}


def _from_specs(location: str) -> frozenset[str]:
    names: frozenset[str] = frozenset()
    for api in _spec.APIS:
        names |= credential_locations(_spec.document(api))[location]
    return names


@lru_cache(maxsize=1)
def sensitive_headers() -> frozenset[str]:
    """Lower-cased names of every header that carries a credential: those of the specs'
    security schemes (read once; `cache_clear()` reads them again) and
    `OTHER_SENSITIVE_HEADERS`."""
    return _from_specs("header") | OTHER_SENSITIVE_HEADERS


@lru_cache(maxsize=1)
def sensitive_query_names() -> frozenset[str]:
    """Lower-cased names of the query parameters the specs' `apiKey` schemes put credentials
    in (read once; `cache_clear()` reads them again)."""
    return _from_specs("query")


def is_sensitive_header(name: str) -> bool:
    """Whether a header of this name carries a credential."""
    return name.strip().lower() in sensitive_headers()


def is_sensitive_query_name(name: str) -> bool:
    """Whether a query parameter of this name carries a credential (an `apiKey` scheme of the
    specs `in: query`) or likely does (its name looks like one)."""
    stripped = name.strip()
    return stripped.lower() in sensitive_query_names() or bool(_SENSITIVE_QUERY.search(stripped))


def redact_headers(
    headers: httpx.Headers | Mapping[str, str] | Iterable[tuple[str, str]],
) -> dict[str, str]:
    """A plain dict of the headers with every credential replaced by `[REDACTED]`."""
    items: Iterable[tuple[str, str]]
    if isinstance(headers, httpx.Headers):
        items = headers.multi_items()
    elif isinstance(headers, Mapping):
        items = headers.items()
    else:
        items = headers
    redacted: dict[str, str] = {}
    for name, value in items:
        shown = REDACTED if is_sensitive_header(name) else value
        redacted[name] = f"{redacted[name]}, {shown}" if name in redacted else shown
    return redacted


def redact_url(url: httpx.URL | str) -> str:
    """The URL as text without user info and with credential-like query values redacted."""
    text = str(url)
    try:
        parts = urlsplit(text)
    except ValueError:
        return REDACTED
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{netloc.rsplit('@', 1)[1]}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(is_sensitive_query_name(name) for name, _ in pairs):
            query = urlencode(
                [(n, REDACTED if is_sensitive_query_name(n) else v) for n, v in pairs],
                safe=",[]",
            )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def redact_request(request: httpx.Request) -> httpx.Request:
    """A copy of the request safe for an exception to hold: the method, the URL without user
    info and with credential-like query values redacted, the headers redacted, no body."""
    url = redact_url(request.url.copy_with(userinfo=b""))
    return httpx.Request(
        request.method,
        url,
        headers=redact_headers(request.headers),
        extensions=dict(request.extensions),
    )


def redact_text(text: str, secrets: Iterable[str]) -> str:
    """Replace every occurrence of each known secret value in free text (e.g. an echoed body)."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        if len(secret) >= 4:
            text = text.replace(secret, REDACTED)
    return text
