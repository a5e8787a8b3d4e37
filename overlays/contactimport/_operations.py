"""What the generated operation methods stand on (`contactimport.generated.<api>_operations`).

`scripts/generate.py` writes every operation of a spec as a method of four classes: the sync and
async operations (mixed into `Which50`/`AsyncWhich50`, `CheckMarket`/`AsyncCheckMarket`) and their
`with_raw_response` twins. Each method checks and converts its arguments (`contactimport.
_parameters`), then hands a `Binding` (the operation's facts), the converted arguments and the
per-call `RequestOptions` to `_invoke` / `_invoke_raw`, which the clients implement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Final, Generic, Literal, TypeVar, cast

import httpx

from .settings import WireFormat
from .transport.redaction import redact_headers, redact_url

if TYPE_CHECKING:
    from .transport.retry import RetryPolicy

__all__ = [
    "NOT_GIVEN",
    "APIResponse",
    "AsyncOperations",
    "AsyncRawOperations",
    "Binding",
    "EnvelopeAPIResponse",
    "JsonBody",
    "NotGiven",
    "RequestOptions",
    "SyncOperations",
    "SyncRawOperations",
    "TimeoutInput",
]

T = TypeVar("T")
P = TypeVar("P")


class NotGiven:
    """The default of per-call options: "not given, use the client's" (None is a value:
    `timeout=None` means no timeout)."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

TimeoutInput = float | httpx.Timeout | None
"""Seconds, an `httpx.Timeout`, or None (no timeout)."""


@dataclass(frozen=True)
class RequestOptions:
    """The keyword-only options every operation method takes."""

    wire_format: WireFormat | str | None = None
    timeout: TimeoutInput | NotGiven = NOT_GIVEN
    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, object] | None = None
    extras: Mapping[str, Any] = field(default_factory=dict)
    """Companion arguments of the hand-written layer (W50 `check_fields`)."""


class JsonBody(list[Any]):
    """A request body an adapter has already checked and holds in its JSON shape (a batch of
    contacts given as mappings): it goes to the wire as it is, without a round trip through the
    generated models (`from_dict` then `to_dict` per item). Given to an operation method again
    (an import checks a batch ahead of its turn), it is not checked twice."""

    __slots__ = ("encoded",)

    def __init__(self, items: Iterable[Any] = ()) -> None:
        super().__init__(items)
        self.encoded: tuple[str, str, bytes] | None = None
        """(operationId, wire format, the request body) when encoded ahead of its turn (an
        import encodes the next batch while the current one is on the wire): a request of that
        operation in that wire format sends these bytes."""

    @property
    def value(self) -> list[Any]:
        """The items as they go on the wire."""
        return self


_PLAIN: Final = frozenset({int, str, type(None)})
_MADE_KWARGS: Final = 256
"""At most this many `get_kwargs` results kept per operation (then they are dropped)."""


@dataclass(frozen=True)
class Binding(Generic[T]):
    """One operation as the generated code calls it."""

    operation_id: str
    get_kwargs: Callable[..., dict[str, Any]]
    """The generated client's `_get_kwargs()`: method, URL with query, JSON body."""
    path: tuple[str, ...]
    """Spec names of the path parameters, in `get_kwargs`' positional order."""
    keywords: Mapping[str, str]
    """Spec name (or "body") -> `get_kwargs` keyword."""
    parse: Callable[[Any], T]
    """JSON-shaped 200 body -> what the method returns."""
    unset: object
    """The generated client's UNSET (each generated client has its own)."""
    convert: Mapping[str, Callable[[Any], Any]] = field(default_factory=dict)
    """Spec name -> converter into the generated type `get_kwargs` wants (free-form objects)."""
    envelope: Callable[[Any], Any] | None = None
    """JSON-shaped 200 body -> the whole envelope model (CheckMarket Payload), else None."""
    _made: dict[tuple[Any, ...], dict[str, Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """`kwargs` already made for plain arguments (ids, names): a job polled again and again
    needs its URL built once (`get_kwargs` is a pure function of its arguments)."""

    def kwargs(self, arguments: Mapping[str, Any]) -> dict[str, Any]:
        """`get_kwargs(...)` of the converted arguments (None = not given)."""
        key = self._plain_key(arguments)
        if key is not None and (made := self._made.get(key)) is not None:
            return dict(made)
        kwargs = self._kwargs(arguments)
        if key is not None:
            if len(self._made) >= _MADE_KWARGS:
                self._made.clear()
            self._made[key] = dict(kwargs)
        return kwargs

    def _plain_key(self, arguments: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """The arguments as a key when each is an int, a string or None, else None."""
        key = tuple(arguments[name] for name in self.path) + tuple(
            arguments.get(name) for name in self.keywords
        )
        return key if all(type(value) in _PLAIN for value in key) else None

    def _kwargs(self, arguments: Mapping[str, Any]) -> dict[str, Any]:
        positional = [arguments[name] for name in self.path]
        keywords: dict[str, Any] = {}
        shaped: JsonBody | None = None
        for name, keyword in self.keywords.items():
            value = arguments.get(name)
            if value is None or value is self.unset:
                continue
            if isinstance(value, JsonBody):
                shaped, value = value, []  # get_kwargs builds the rest of the request
            if name in self.convert:
                value = self.convert[name](value)
            elif isinstance(value, Sequence) and not isinstance(value, str | bytes):
                value = list(value)
            keywords[keyword] = value
        kwargs = self.get_kwargs(*positional, **keywords)
        if shaped is not None:
            kwargs["json"] = shaped.value
        return kwargs


def _safe_request(request: httpx.Request) -> httpx.Request:
    """The request as sent, with credentials redacted (headers, URL user info and query)."""
    return httpx.Request(
        request.method,
        redact_url(request.url.copy_with(userinfo=b"")),
        headers=redact_headers(request.headers),
        content=request.content,
    )


class APIResponse(Generic[T]):
    """An answer as received: status, headers, the request sent, and `parse()` for the model.

    Returned by `client.with_raw_response.<operation>(...)`. An error status still raises the
    typed exception (as the plain methods do); the body is read and checked once, on arrival.
    """

    def __init__(
        self,
        response: httpx.Response,
        *,
        operation_id: str,
        decoded: Any,
        parse: Callable[[Any], T],
        wire_format: WireFormat,
        retries_taken: int,
    ) -> None:
        self._response = response
        self._decoded = decoded
        self._parse = parse
        self._parsed: list[T] = []
        self.operation_id = operation_id
        self.wire_format: WireFormat = wire_format
        self.retries_taken = retries_taken
        """How many times the request was retried before this answer (0: none)."""
        self.request = _safe_request(response.request)
        """The request sent (credentials redacted)."""

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self._response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response's headers."""
        return self._response.headers

    @property
    def url(self) -> str:
        """The URL requested, credential-like query values redacted."""
        return redact_url(self._response.request.url)

    @property
    def content(self) -> bytes:
        """The body as bytes."""
        return self._response.content

    @property
    def text(self) -> str:
        """The body as text."""
        return self._response.text

    @property
    def elapsed(self) -> float:
        """Seconds from sending the request to reading the answer (the last attempt)."""
        return self._response.elapsed.total_seconds()

    def json(self) -> Any:
        """The body as JSON-shaped data (an XML answer is decoded through the spec)."""
        return self._decoded

    def parse(self) -> T:
        """The model the plain method returns (parsed once)."""
        if not self._parsed:
            self._parsed.append(self._parse(self._decoded))
        return self._parsed[0]

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} {self.operation_id} [{self.status_code}] "
            f"{self._response.request.method} {self.url}>"
        )


class EnvelopeAPIResponse(APIResponse[T], Generic[T, P]):
    """A CheckMarket answer: `parse()` gives the Payload's `Data` (what the plain method returns),
    `payload()` the whole Payload with its `Meta` and `Links`."""

    def __init__(
        self,
        response: httpx.Response,
        *,
        operation_id: str,
        decoded: Any,
        parse: Callable[[Any], T],
        envelope: Callable[[Any], P],
        wire_format: WireFormat,
        retries_taken: int,
    ) -> None:
        super().__init__(
            response,
            operation_id=operation_id,
            decoded=decoded,
            parse=parse,
            wire_format=wire_format,
            retries_taken=retries_taken,
        )
        self._envelope = envelope

    def payload(self) -> P:
        """The whole envelope model (`.meta`, `.data`, `.links`)."""
        return self._envelope(self._decoded)

    @property
    def meta(self) -> Any:
        """The Payload's `Meta` (status, timestamp, paging)."""
        return getattr(self.payload(), "meta", None)

    @property
    def links(self) -> Any:
        """The Payload's `Links` (HATEOAS), UNSET when the answer has none."""
        return getattr(self.payload(), "links", None)


class SyncOperations:
    """Base of the generated sync operation classes: the client implements `_invoke`."""

    def _invoke(self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions) -> T:
        raise NotImplementedError  # pragma: no cover - implemented by the clients

    def _invoke_raw(
        self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions
    ) -> APIResponse[T]:
        raise NotImplementedError  # pragma: no cover - implemented by the clients


class AsyncOperations:
    """Base of the generated async operation classes."""

    async def _invoke(
        self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions
    ) -> T:
        raise NotImplementedError  # pragma: no cover - implemented by the clients

    async def _invoke_raw(
        self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions
    ) -> APIResponse[T]:
        raise NotImplementedError  # pragma: no cover - implemented by the clients


class SyncRawOperations:
    """Base of the generated `with_raw_response` classes (sync): the same methods, returning
    `APIResponse`."""

    def __init__(self, client: SyncOperations) -> None:
        self._client = client

    def _raw(
        self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions
    ) -> APIResponse[T]:
        return self._client._invoke_raw(binding, arguments, options)

    def _raw_envelope(
        self,
        binding: Binding[T],
        envelope: type[P],
        arguments: dict[str, Any],
        options: RequestOptions,
    ) -> EnvelopeAPIResponse[T, P]:
        return cast(
            EnvelopeAPIResponse[T, P], self._client._invoke_raw(binding, arguments, options)
        )


class AsyncRawOperations:
    """Base of the generated `with_raw_response` classes (async)."""

    def __init__(self, client: AsyncOperations) -> None:
        self._client = client

    async def _raw(
        self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions
    ) -> APIResponse[T]:
        return await self._client._invoke_raw(binding, arguments, options)

    async def _raw_envelope(
        self,
        binding: Binding[T],
        envelope: type[P],
        arguments: dict[str, Any],
        options: RequestOptions,
    ) -> EnvelopeAPIResponse[T, P]:
        response = await self._client._invoke_raw(binding, arguments, options)
        return cast(EnvelopeAPIResponse[T, P], response)


def retry_policy_with(policy: RetryPolicy, max_retries: int | None) -> RetryPolicy:
    """`policy` with another `max_retries` (None: unchanged)."""
    if max_retries is None or max_retries == policy.max_retries:
        return policy
    return replace(policy, max_retries=max_retries)
