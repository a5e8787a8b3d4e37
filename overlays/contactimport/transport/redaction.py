"""Remove credentials from headers and URLs before they reach a log line, a repr or an exception.

Redacted: the `Authorization`, `Proxy-Authorization`, `X-Master-Key`, `X-Key`, `Cookie` and
`Set-Cookie` headers (any case), user info in URLs, and query parameters whose name looks like a
credential (`key`, `token`, `password`, `secret`, `signature`, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

__all__ = [
    "REDACTED",
    "SENSITIVE_HEADERS",
    "is_sensitive_header",
    "is_sensitive_query_name",
    "redact_headers",
    "redact_text",
    "redact_url",
]

REDACTED: Final = "[REDACTED]"

SENSITIVE_HEADERS: Final = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "x-master-key",
        "x-key",
        "x-api-key",
        "cookie",
        "set-cookie",
    }
)

_SENSITIVE_QUERY = re.compile(
    r"(^|[-_.])(key|apikey|api[-_]?key|token|access[-_]?token|password|passwd|secret|"
    r"signature|sig|auth|authorization|credential|credentials|masterkey|master[-_]key)$",
    re.IGNORECASE,
)


def is_sensitive_header(name: str) -> bool:
    """Whether a header of this name carries a credential."""
    return name.strip().lower() in SENSITIVE_HEADERS


def is_sensitive_query_name(name: str) -> bool:
    """Whether a query parameter of this name likely carries a credential."""
    return bool(_SENSITIVE_QUERY.search(name.strip()))


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


def redact_text(text: str, secrets: Iterable[str]) -> str:
    """Replace every occurrence of each known secret value in free text (e.g. an echoed body)."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        if len(secret) >= 4:
            text = text.replace(secret, REDACTED)
    return text
