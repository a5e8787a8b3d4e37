"""The machinery shared by the four clients: request building in JSON or XML from the operation
facts of the spec (read by `_spec`; `operation_specs`, `server_urls` and `security_schemes` are
re-exported here), response decoding into the generated models, error mapping and the HTTP
plumbing.

`Which50`/`CheckMarket` (sync) and their async twins call `prepare()` with the kwargs of a
generated `_get_kwargs()` and hand the `PreparedCall` to a sender. The vendors' differences come
from their specs, except the branches that name the API (`ApiName`): CheckMarket's Payload
`Meta.Status` checked under HTTP 200 (`check_payload_status`).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Generic, Self, TypeVar
from urllib.parse import urlsplit

import httpx

from . import _spec
from ._arraybounds import ArrayBounds, TooManyItems
from ._operations import (
    NOT_GIVEN,
    APIResponse,
    Binding,
    EnvelopeAPIResponse,
    JsonBody,
    NotGiven,
    RequestOptions,
    retry_policy_with,
)
from ._spec import (
    ApiName,
    OperationSpec,
    operation_specs,
    security_schemes,
    server_urls,
)
from ._version import user_agent
from ._wireformats import OffWireMembers, WireFormatsSpecError
from .errors import (
    APIConnectionError,
    APIResponseError,
    APITimeoutError,
    ContactImportError,
    ErrorDetails,
    InvalidParameterError,
    OperationFailedError,
    parse_error_body,
    payload_error_details,
    status_error_from_response,
)
from .settings import (
    WIRE_FORMAT_ENV,
    WireFormat,
    configure_debug_logging,
    env_value,
    wire_format_from,
)
from .transport.redaction import REDACTED, redact_text, redact_url
from .transport.retry import (
    ATTEMPTS_EXTENSION,
    EXTENSION,
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
    attempts_made,
    mark_request,
)

if TYPE_CHECKING:
    from .datacontract import DataContractCodec

__all__ = [
    "DEFAULT_TIMEOUT",
    "ApiName",
    "AsyncLifecycle",
    "AsyncSender",
    "ClientCore",
    "OperationSpec",
    "PreparedCall",
    "SyncLifecycle",
    "SyncSender",
    "array_bounds",
    "off_json_members",
    "operation_specs",
    "security_schemes",
    "server_urls",
]

T = TypeVar("T")

DEFAULT_TIMEOUT: Final = httpx.Timeout(60.0, connect=10.0)
"""60 s to read a response (a 10,000-contact batch takes time), 10 s to connect."""

_XML_TYPES: Final = ("application/xml", "text/xml")
_MEDIA: Final[dict[str, str]] = {"json": "application/json", "xml": "application/xml"}


@lru_cache(maxsize=2)
def off_json_members(api: ApiName) -> OffWireMembers:
    """What JSON request bodies leave out: the members whose ``x-wire-formats`` lacks ``json``
    (W50 ``Contact.Id``); read once per API from contactimport.generated.spec."""
    return OffWireMembers(_spec.document(api), "json")


@lru_cache(maxsize=2)
def array_bounds(api: ApiName) -> ArrayBounds:
    """The ``maxItems`` of every request array, checked before sending; read once per API."""
    return ArrayBounds(_spec.document(api))


@dataclass
class PreparedCall(Generic[T]):
    """One request ready to send, plus how to read its answer."""

    operation: OperationSpec
    kwargs: dict[str, Any]
    """What the generated `_get_kwargs()` returned: method, url (path + query), json, headers."""
    parse: Callable[[Any], T]
    """JSON-shaped 200 body -> generated model."""
    wire_format: WireFormat
    replay_safe: bool
    check_fields: tuple[int, tuple[str, ...]] | None = None
    """(contact list id, match names) to check against the list's fields before sending."""
    extra_headers: dict[str, str] = field(default_factory=dict)
    timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN
    """This call's timeout (NOT_GIVEN: the client's)."""
    extra_query: Mapping[str, object] | None = None
    """Query parameters added to the URL."""
    envelope: Callable[[Any], Any] | None = None
    """JSON-shaped answer -> the whole envelope model (CheckMarket Payload), for raw answers."""


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


class ClientCore:
    """Configuration, request building and response reading shared by sync and async clients."""

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
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        conflicting = retry_policy is not None and max_retries is not None
        if conflicting and retry_policy is not None and retry_policy.max_retries != max_retries:
            raise InvalidParameterError("give max_retries or retry_policy, not both")
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
        self.headers["Accept"] = _MEDIA[self.wire_format]
        self._codec: DataContractCodec | None = None

    # -- repr without secrets ---------------------------------------------------------------
    def describe(self) -> str:
        return (
            f"base_url={self.base_url!r}, wire_format={self.wire_format!r}, credentials={REDACTED}"
        )

    # -- request building --------------------------------------------------------------------
    def codec(self) -> DataContractCodec:
        if self._codec is None:
            from .datacontract import DataContractCodec

            self._codec = DataContractCodec.for_api(self.api)
        return self._codec

    def prepare_binding(
        self,
        binding: Binding[T],
        arguments: Mapping[str, Any],
        options: RequestOptions,
        *,
        check_fields: tuple[int, tuple[str, ...]] | None = None,
    ) -> PreparedCall[T]:
        """The call of a generated operation method: its converted arguments (by spec name)
        through the generated `_get_kwargs()`, replay-safety by the spec's rule, the per-call
        options."""
        operation = operation_specs(self.api)[binding.operation_id]
        body = arguments.get("body")
        minimum = operation.request_min_items
        if minimum is not None and isinstance(body, list | JsonBody) and len(body) < minimum:
            raise InvalidParameterError(
                f"{binding.operation_id}: the request body holds {len(body)} items, fewer than "
                f"the API's minimum of {minimum} (minItems); nothing was sent"
            )
        try:
            kwargs = binding.kwargs(arguments)
        except ValueError as error:  # merge_free_form_query: a match value named like a parameter
            raise InvalidParameterError(f"{binding.operation_id}: {error}") from None
        return PreparedCall(
            operation=operation,
            kwargs=kwargs,
            parse=binding.parse,
            wire_format=(
                self.wire_format
                if options.wire_format is None
                else wire_format_from(options.wire_format)
            ),
            replay_safe=operation.replay_safe(arguments),
            check_fields=check_fields,
            extra_headers=dict(options.extra_headers or {}),
            timeout=options.timeout,
            extra_query=options.extra_query,
            envelope=binding.envelope,
        )

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
            clone.timeout = (
                timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
            )
        if (
            retry_policy is not None
            and max_retries is not None
            and retry_policy.max_retries != max_retries
        ):
            raise InvalidParameterError("give max_retries or retry_policy, not both")
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
            clone.headers = {**clone.headers, "Accept": _MEDIA[clone.wire_format]}
        return clone

    def request_args(
        self,
        call: PreparedCall[Any],
        client_headers: Mapping[str, str] | None = None,
        client_timeout: httpx.Timeout | None = None,
    ) -> dict[str, Any]:
        """Arguments for `httpx.Client.request` (absolute URL, so injected clients work too).

        `client_headers` and `client_timeout`: what the httpx client already uses by default
        (our own pooled client: this core's headers and timeout as they were when it was made);
        they are not repeated per request.
        """
        kwargs = dict(call.kwargs)
        media = _MEDIA[call.wire_format]
        headers = {**self.headers, **kwargs.pop("headers", {})}
        headers["Accept"] = media
        url = self.base_url + kwargs.pop("url")
        if call.extra_query:
            extra = str(httpx.QueryParams(dict(call.extra_query)))  # type: ignore[arg-type]
            if extra:
                url += ("&" if "?" in url else "?") + extra
        extensions = mark_request(call.operation.operation_id, replay_safe=call.replay_safe)
        extensions[EXTENSION]["retry_policy"] = self.retry_policy
        args: dict[str, Any] = {
            "method": kwargs.pop("method").upper(),
            "url": url,
            "headers": headers,
            "extensions": extensions,
        }
        timeout = self.timeout if isinstance(call.timeout, NotGiven) else call.timeout
        if client_timeout is None or timeout != client_timeout:
            args["timeout"] = timeout
        if "json" in kwargs:
            body = kwargs.pop("json")
            if call.operation.request_schema is not None:
                try:
                    array_bounds(self.api).check(call.operation.request_schema, body)
                except TooManyItems as error:
                    raise InvalidParameterError(
                        f"{call.operation.operation_id}: {error} (maxItems); nothing was sent"
                    ) from None
            if call.wire_format == "xml":
                schema = call.operation.request_schema
                if schema is None:
                    raise ContactImportError(
                        f"{call.operation.operation_id}: the spec names no request schema"
                    )
                try:
                    args["content"] = self.codec().encode(schema, body)
                except ValueError as error:  # XmlEncodeError names the field and the rule
                    raise InvalidParameterError(
                        f"{call.operation.operation_id}: the request cannot be sent as XML: {error}"
                    ) from None
            else:
                schema = call.operation.request_schema
                if schema is not None:
                    try:
                        body = off_json_members(self.api).strip(schema, body)
                    except WireFormatsSpecError as error:
                        raise ContactImportError(f"the {self.api} spec: {error}") from None
                try:
                    args["content"] = json.dumps(
                        body, ensure_ascii=False, separators=(",", ":"), allow_nan=False
                    ).encode("utf-8")
                except ValueError as error:  # NaN or infinity: JSON has no such numbers
                    raise InvalidParameterError(
                        f"{call.operation.operation_id}: the request cannot be sent as JSON: "
                        f"{error}"
                    ) from None
            headers["Content-Type"] = f"{media}; charset=utf-8"
        headers.update(call.extra_headers)  # the caller's per-call headers win
        if client_headers:
            args["headers"] = {
                name: value for name, value in headers.items() if client_headers.get(name) != value
            } or None
        if kwargs:
            raise ContactImportError(f"unexpected request arguments: {sorted(kwargs)}")
        return args

    # -- response reading ----------------------------------------------------------------------
    def _scrub(self, text: str) -> str:
        return redact_text(text, self._secrets)

    def _scrub_value(self, value: Any) -> Any:
        """A JSON-shaped value with every known credential removed from its strings."""
        if isinstance(value, str):
            return self._scrub(value)
        if isinstance(value, Mapping):
            return {self._scrub(str(k)): self._scrub_value(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._scrub_value(v) for v in value]
        return value

    def _scrub_details(self, details: ErrorDetails) -> ErrorDetails:
        details.message = self._scrub(details.message) if details.message else details.message
        details.error_type = self._scrub(details.error_type) if details.error_type else None
        details.body = self._scrub_value(details.body)
        return details

    def error_for_status(self, response: httpx.Response) -> ContactImportError:
        details = parse_error_body(
            self.api, response.content, response.headers.get("content-type", "")
        )
        hint = self.not_found_hint if response.status_code == 404 else None
        return status_error_from_response(
            self.api, response, details=self._scrub_details(details), hint=hint
        )

    def read(self, call: PreparedCall[T], response: httpx.Response) -> T:
        """The generated model for a response, or the typed exception for an error."""
        return self.parse(call, response, self.decode(call, response))

    def read_raw(self, call: PreparedCall[T], response: httpx.Response) -> APIResponse[T]:
        """The raw answer (`with_raw_response`): checked as `read` checks it, parsed on demand."""
        decoded = self.decode(call, response)
        attempts = response.extensions.get(ATTEMPTS_EXTENSION, 1)
        common: dict[str, Any] = {
            "operation_id": call.operation.operation_id,
            "decoded": decoded,
            "parse": lambda data: self.parse(call, response, data),
            "wire_format": call.wire_format,
            "retries_taken": attempts - 1 if isinstance(attempts, int) else 0,
        }
        if call.envelope is not None:
            envelope = call.envelope
            return EnvelopeAPIResponse(
                response,
                envelope=lambda data: self._parse_with(call, response, data, envelope),
                **common,
            )
        return APIResponse(response, **common)

    def decode(self, call: PreparedCall[Any], response: httpx.Response) -> Any:
        """The JSON-shaped body of a successful answer, or the typed exception."""
        if response.status_code >= 400:
            raise self.error_for_status(response)
        method = call.operation.operation_id
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        content = response.content
        try:
            if content_type in _XML_TYPES or (
                not content_type and content.lstrip().startswith(b"<")
            ):
                schema = call.operation.response_schema
                if schema is None:
                    raise ValueError("the spec names no response schema for XML")
                decoded = self.codec().decode(schema, content)
            else:
                try:
                    decoded = json.loads(content)
                except ValueError:
                    if content.strip():
                        raise
                    decoded = None  # an empty body
        except ValueError as error:
            url = redact_url(response.request.url)
            raise APIResponseError(
                f"{method}: cannot read the {response.status_code} response body "
                f"({content_type or 'no content type'}): {self._scrub(str(error))}",
                status_code=response.status_code,
                method=response.request.method,
                url=url,
            ) from None
        self.check_payload_status(response, decoded)
        self.check_failure(call, decoded)
        return decoded

    def parse(self, call: PreparedCall[T], response: httpx.Response, decoded: Any) -> T:
        return self._parse_with(call, response, decoded, call.parse)

    def _parse_with(
        self,
        call: PreparedCall[Any],
        response: httpx.Response,
        decoded: Any,
        parse: Callable[[Any], T],
    ) -> T:
        method = call.operation.operation_id
        try:
            return parse(decoded)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise APIResponseError(
                f"{method}: the response body does not match the spec's "
                f"{call.operation.response_schema}: {type(error).__name__}: "
                f"{self._scrub(str(error))}",
                status_code=response.status_code,
                method=response.request.method,
                url=redact_url(response.request.url),
            ) from None

    def check_failure(self, call: PreparedCall[Any], decoded: Any) -> None:
        """An answer the spec's `x-failure` says was not carried out raises
        OperationFailedError (CheckMarket `Succeeded: false` with its `FailureMessage`)."""
        failure = call.operation.failure
        if failure is None or not isinstance(decoded, Mapping):
            return
        data = decoded.get(call.operation.envelope) if call.operation.envelope else decoded
        member, message_member = failure
        if not isinstance(data, Mapping) or data.get(member) is not False:
            return
        message = data.get(message_member) if message_member else None
        text = self._scrub(str(message)) if message else None
        raise OperationFailedError(
            f"{call.operation.operation_id} was not carried out ({member}: false)"
            + (f": {text}" if text else ""),
            operation=call.operation.operation_id,
            failure_message=text,
            body=self._scrub_value(data),
        )

    def check_payload_status(self, response: httpx.Response, decoded: Any) -> None:
        """CheckMarket answers with a Payload whose Meta.Status can be an error under HTTP 200."""
        if self.api != "checkmarket" or not isinstance(decoded, Mapping):
            return
        details = payload_error_details(decoded)
        status = details.meta_status
        if status is not None and not 200 <= status < 300:
            raise status_error_from_response(
                self.api, response, status_code=status, details=self._scrub_details(details)
            )

    def transport_error(
        self, call: PreparedCall[Any], args: Mapping[str, Any], error: httpx.TransportError
    ) -> ContactImportError:
        """The SDK's exception for a transport error, holding only redacted text: the caller
        raises it outside the `except` block, so neither `__context__` nor `__cause__` keeps the
        httpx error, whose `request` carries the credential headers in clear."""
        attempts = attempts_made(error)
        where = f"{args['method']} {redact_url(args['url'])}"
        text = self._scrub(str(error)) or type(error).__name__
        suffix = f" after {attempts} attempts" if attempts > 1 else ""
        not_sent = isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
        if not call.replay_safe and not not_sent:
            suffix += (
                f"; {call.operation.operation_id} is not replayed automatically because the "
                "server may have processed it: check its effect before sending it again"
            )
        cls = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
        return cls(
            f"{type(error).__name__} on {where}: {text}{suffix}",
            method=str(args["method"]),
            url=redact_url(args["url"]),
        )


def _pool_options(core: ClientCore, transport: object, http_client: object) -> dict[str, Any]:
    """What a sender's own pooled client is made with (refusing a transport beside an injected
    client, which would be silently unused)."""
    if http_client is not None and transport is not None:
        raise InvalidParameterError("give transport or http_client, not both")
    return {"base_url": core.base_url, "headers": core.headers, "timeout": core.timeout}


class SyncSender:
    """Sends prepared calls over one pooled `httpx.Client` (ours, or one the caller injected)."""

    def __init__(
        self,
        core: ClientCore,
        *,
        transport: httpx.BaseTransport | None,
        http_client: httpx.Client | None,
    ) -> None:
        self.core = core
        options = _pool_options(core, transport, http_client)
        self.owns_client = http_client is None
        self.client_headers: dict[str, str] = {}
        self.client_timeout: httpx.Timeout | None = None
        if http_client is None:
            transport = RetryTransport(transport, policy=core.retry_policy)
            http_client = httpx.Client(**options, transport=transport)
            self.client_headers = dict(core.headers)
            self.client_timeout = core.timeout
        self.http = http_client

    def send(self, call: PreparedCall[T]) -> T:
        return self.core.read(call, self._exchange(call))

    def send_raw(self, call: PreparedCall[T]) -> APIResponse[T]:
        return self.core.read_raw(call, self._exchange(call))

    def _exchange(self, call: PreparedCall[Any]) -> httpx.Response:
        args = self.core.request_args(call, self.client_headers, self.client_timeout)
        try:
            return self.http.request(**args)
        except httpx.TransportError as error:
            failure = self.core.transport_error(call, args, error)
        raise failure  # outside the handler: no __context__ holding the credentialed request

    def sharing(self, core: ClientCore) -> SyncSender:
        """A sender over this one's connection pool, for a client copy (`with_options`): it
        never closes the pool."""
        clone = copy.copy(self)
        clone.core = core
        clone.owns_client = False
        return clone

    def close(self) -> None:
        if self.owns_client:
            self.http.close()


class AsyncSender:
    """Sends prepared calls over one pooled `httpx.AsyncClient` (ours, or an injected one); as
    `SyncSender`, only the I/O awaits."""

    def __init__(
        self,
        core: ClientCore,
        *,
        transport: httpx.AsyncBaseTransport | None,
        http_client: httpx.AsyncClient | None,
    ) -> None:
        self.core = core
        options = _pool_options(core, transport, http_client)
        self.owns_client = http_client is None
        self.client_headers: dict[str, str] = {}
        self.client_timeout: httpx.Timeout | None = None
        if http_client is None:
            transport = AsyncRetryTransport(transport, policy=core.retry_policy)
            http_client = httpx.AsyncClient(**options, transport=transport)
            self.client_headers = dict(core.headers)
            self.client_timeout = core.timeout
        self.http = http_client

    async def send(self, call: PreparedCall[T]) -> T:
        return self.core.read(call, await self._exchange(call))

    async def send_raw(self, call: PreparedCall[T]) -> APIResponse[T]:
        return self.core.read_raw(call, await self._exchange(call))

    async def _exchange(self, call: PreparedCall[Any]) -> httpx.Response:
        args = self.core.request_args(call, self.client_headers, self.client_timeout)
        try:
            return await self.http.request(**args)
        except httpx.TransportError as error:
            failure = self.core.transport_error(call, args, error)
        raise failure  # outside the handler: no __context__ holding the credentialed request

    def sharing(self, core: ClientCore) -> AsyncSender:
        """As `SyncSender.sharing`."""
        clone = copy.copy(self)
        clone.core = core
        clone.owns_client = False
        return clone

    async def aclose(self) -> None:
        if self.owns_client:
            await self.http.aclose()


class _Options:
    """`with_options()`: a copy of the client with other defaults, over the same pool."""

    _core: ClientCore
    _sender: SyncSender | AsyncSender

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        wire_format: WireFormat | str | None = None,
    ) -> Self:
        """A copy of this client with other defaults, sharing its connection pool (closing the
        copy leaves the pool open; closing this client closes it for both).

        Args:
            timeout: seconds, an `httpx.Timeout`, or None for no timeout.
            max_retries: retries of failed requests (0: none); as the constructor's.
            retry_policy: full control over retries and backoff (instead of max_retries).
            headers: headers added to every request of the copy (not the credential headers).
            wire_format: "json" or "xml".

        Retries are applied by the client's own retry transport: with an injected
        `http_client` they apply only if that client mounts one.
        """
        clone = copy.copy(self)
        clone._core = self._core.copy_with(
            timeout=timeout,
            retry_policy=retry_policy,
            max_retries=max_retries,
            headers=headers,
            wire_format=wire_format,
        )
        clone._sender = self._sender.sharing(clone._core)
        clone._after_copy()
        return clone

    def _after_copy(self) -> None:
        """Hook for state a copy must not share (the clients reset their generated client)."""


class SyncLifecycle(_Options):
    """`close()` and `with` for the sync clients (the pool is theirs to close only if they
    made it)."""

    _sender: SyncSender

    def close(self) -> None:
        """Close the connection pool (only if this client created it)."""
        self._sender.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncLifecycle(_Options):
    """`aclose()` and `async with` for the async clients."""

    _sender: AsyncSender

    async def aclose(self) -> None:
        """Close the connection pool (only if this client created it)."""
        await self._sender.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
