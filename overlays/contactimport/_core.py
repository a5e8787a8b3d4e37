"""`ClientCore`: one client's configuration, checked once when the client is made and copied by
`with_options`: base URL, credentials (and their removal from every text the SDK shows), default
headers, wire format, timeout and retry policy.

Requests are built from it by `_requests`, answers read with it by `_responses`, sent by
`_senders`; `_lifecycle` gives the clients `with_options()`, `close()` and `with`. Nothing here
names a vendor: what differs between the APIs is read from their specs (`_spec`).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit

import httpx

from ._operations import NotGiven, retry_policy_with
from ._spec import ApiName, security_schemes, server_urls
from ._version import user_agent
from .errors import ErrorDetails, InvalidParameterError
from .settings import (
    WIRE_FORMAT_ENV,
    WireFormat,
    configure_debug_logging,
    env_value,
    wire_format_from,
)
from .transport.redaction import REDACTED, redact_text, redact_url
from .transport.retry import RetryPolicy

if TYPE_CHECKING:
    from .datacontract import DataContractCodec

__all__ = ["DEFAULT_TIMEOUT", "MEDIA_TYPES", "ClientCore"]

DEFAULT_TIMEOUT: Final = httpx.Timeout(60.0, connect=10.0)
"""60 s to read a response (a 10,000-contact batch takes time), 10 s to connect."""

MEDIA_TYPES: Final[Mapping[WireFormat, str]] = {
    "json": "application/json",
    "xml": "application/xml",
}
"""The media type a request of each wire format is sent in and asks for (`Accept`)."""


def _as_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    return timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


def _missing_path_prefix(api: ApiName, base_url: str) -> str | None:
    """What to say with a 404 when ``base_url`` lacks the path the spec's servers put every
    operation under (a W50 base URL without ``/Which50API``); None when it has it."""
    prefixes = {urlsplit(url).path.rstrip("/") for url, _server in server_urls(api)} - {""}
    path = urlsplit(base_url).path.rstrip("/")
    if not prefixes or any(path.endswith(prefix) for prefix in prefixes):
        return None
    return (
        f"the base URL {redact_url(base_url)} does not end with the API's path prefix "
        f"{' or '.join(sorted(prefixes))}, under which the spec puts every operation: "
        "is it missing?"
    )


def _credential_value(name: str, value: str) -> str:
    if any(ch in value for ch in "\r\n\x00"):
        raise InvalidParameterError(f"{name} contains a line break or NUL character")
    if value != value.strip():
        raise InvalidParameterError(f"{name} has leading or trailing blanks")
    return value


def _scheme_text(name: str, scheme: Mapping[str, Any]) -> str:
    if scheme.get("type") == "apiKey":
        return f"{name} ({scheme.get('name')} {scheme.get('in')})"
    if scheme.get("type") == "http":
        return f"{name} (HTTP {scheme.get('scheme')})"
    return f"{name} ({scheme.get('type')})"


def _refuse_user_info(api: ApiName, base_url: str) -> None:
    """A base URL with user info (`https://user:password@host`) is refused.

    Neither spec has an HTTP basic security scheme (W50API: bearer token; CheckMarket: the
    X-Master-Key and X-Key headers), so user info is never a credential these APIs read. Kept, it
    would be shown in reprs and error messages, logged by httpx ("HTTP Request: GET http://user:
    password@...") and sent by httpx as an `Authorization: Basic` header, which on the W50API
    replaces the bearer token. Dropping it silently would hide a misconfiguration, so the client
    says what to do instead (without echoing the user info).
    """
    try:
        netloc = urlsplit(base_url).netloc
    except ValueError:
        raise InvalidParameterError(
            f"base_url is not a valid URL: {redact_url(base_url)!r}"
        ) from None
    if "@" not in netloc:
        return
    schemes = security_schemes(api)
    uses = ", ".join(_scheme_text(name, scheme) for name, scheme in schemes.items())
    raise InvalidParameterError(
        f"base_url must not carry user info (user:password@host), got {redact_url(base_url)!r}: "
        f"the {api} spec authenticates with {uses or 'no security scheme'}, not HTTP basic "
        "auth; remove the user info and pass the credentials as the client's arguments (or "
        "their environment variables)"
    )


def _one_retry_setting(max_retries: int | None, retry_policy: RetryPolicy | None) -> None:
    if retry_policy is not None and max_retries not in (None, retry_policy.max_retries):
        raise InvalidParameterError("give max_retries or retry_policy, not both")


class ClientCore:
    """The configuration shared by a sync or async client and its senders."""

    def __init__(
        self,
        *,
        api: ApiName,
        base_url: str,
        auth_headers: Mapping[str, str],
        wire_format: WireFormat | str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        retry_policy: RetryPolicy | None,
        user_agent_extra: str | None,
        headers: Mapping[str, str] | None,
    ) -> None:
        configure_debug_logging()
        self.api: ApiName = api
        if not base_url.startswith(("http://", "https://")):
            raise InvalidParameterError(
                f"base_url must start with http:// or https://, got {redact_url(base_url)!r}"
            )
        _refuse_user_info(api, base_url)
        self.base_url = base_url.rstrip("/")
        self.not_found_hint = _missing_path_prefix(api, self.base_url)
        if wire_format is None and (from_env := env_value(WIRE_FORMAT_ENV)) is not None:
            self.wire_format: WireFormat = wire_format_from(from_env, source=WIRE_FORMAT_ENV)
        else:
            self.wire_format = wire_format_from(wire_format)
        self.timeout = _as_timeout(timeout)
        _one_retry_setting(max_retries, retry_policy)
        if retry_policy is None:
            retry_policy = RetryPolicy(max_retries=2 if max_retries is None else max_retries)
        self.retry_policy = retry_policy
        # The header values and, for `Bearer <token>`-style values, the bare credential too, so
        # a server echoing only the token is scrubbed as well.
        values = [_credential_value(name, value) for name, value in auth_headers.items() if value]
        bare = [value.split(" ", 1)[1] for value in values if " " in value]
        self._secrets = tuple(dict.fromkeys(values + bare))
        self.auth_header_names = tuple(auth_headers)
        self.headers: dict[str, str] = {
            "User-Agent": user_agent(user_agent_extra),
            **(dict(headers) if headers else {}),
            **auth_headers,
        }
        # Each request says which format it accepts; as a default header of our own pooled
        # client, the usual one need not be sent per request (less work per call).
        self.headers["Accept"] = MEDIA_TYPES[self.wire_format]
        self._codec: DataContractCodec | None = None

    def describe(self) -> str:
        """What the clients' reprs show: no credential."""
        return (
            f"base_url={self.base_url!r}, wire_format={self.wire_format!r}, credentials={REDACTED}"
        )

    def codec(self) -> DataContractCodec:
        """The API's DataContract XML codec, made on first use (JSON-only clients never load
        the XML machinery)."""
        if self._codec is None:
            from .datacontract import DataContractCodec

            self._codec = DataContractCodec.for_api(self.api)
        return self._codec

    def copy_with(
        self,
        *,
        timeout: float | httpx.Timeout | NotGiven | None,
        retry_policy: RetryPolicy | None,
        max_retries: int | None,
        headers: Mapping[str, str] | None,
        wire_format: WireFormat | str | None,
    ) -> ClientCore:
        """A copy with other defaults (`with_options`); credentials and base URL stay."""
        clone = copy.copy(self)
        if not isinstance(timeout, NotGiven):
            clone.timeout = _as_timeout(timeout)
        _one_retry_setting(max_retries, retry_policy)
        clone.retry_policy = retry_policy_with(retry_policy or self.retry_policy, max_retries)
        if headers:
            for name in headers:
                if name.lower() in {h.lower() for h in self.auth_header_names}:
                    raise InvalidParameterError(
                        f"headers: {name} is a credential header; make a new client for other "
                        "credentials"
                    )
            clone.headers = {**self.headers, **headers}
        if wire_format is not None:
            clone.wire_format = wire_format_from(wire_format)
            clone.headers = {**clone.headers, "Accept": MEDIA_TYPES[clone.wire_format]}
        return clone

    # -- keeping the credentials out of what the SDK shows ---------------------------------------
    def scrub(self, text: str) -> str:
        """``text`` with every credential of this client replaced."""
        return redact_text(text, self._secrets)

    def scrub_value(self, value: Any) -> Any:
        """A JSON-shaped value with every known credential removed from its strings."""
        if isinstance(value, str):
            return self.scrub(value)
        if isinstance(value, Mapping):
            return {self.scrub(str(k)): self.scrub_value(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.scrub_value(v) for v in value]
        return value

    def scrub_details(self, details: ErrorDetails) -> ErrorDetails:
        """An error body's details with every known credential removed (in place)."""
        details.message = self.scrub(details.message) if details.message else details.message
        details.error_type = self.scrub(details.error_type) if details.error_type else None
        details.body = self.scrub_value(details.body)
        return details
