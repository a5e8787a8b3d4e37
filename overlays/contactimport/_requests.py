"""Requests built from the spec: a generated operation's call becomes a `PreparedCall`
(`prepare_call`), then the arguments of `httpx.Client.request` (`request_args`), its body checked
against the spec's `minItems`/`maxItems` and encoded as JSON (members the spec keeps off the JSON
wire left out) or DataContract XML.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, TypeVar

import httpx

from . import _spec
from ._arraybounds import ArrayBounds, TooManyItems
from ._core import MEDIA_TYPES, ClientCore
from ._operations import NOT_GIVEN, Binding, JsonBody, NotGiven, RequestOptions
from ._spec import ApiName, OperationSpec, operation_specs
from ._wireformats import OffWireMembers, WireFormatsSpecError
from .errors import ContactImportError, InvalidParameterError
from .settings import WireFormat, wire_format_from
from .transport.retry import EXTENSION, mark_request

__all__ = [
    "PreparedCall",
    "array_bounds",
    "encode_ahead",
    "encode_body",
    "off_json_members",
    "prepare_call",
    "request_args",
]

T = TypeVar("T")


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


def prepare_call(
    core: ClientCore,
    binding: Binding[T],
    arguments: Mapping[str, Any],
    options: RequestOptions,
    *,
    check_fields: tuple[int, tuple[str, ...]] | None = None,
) -> PreparedCall[T]:
    """The call of a generated operation method: its converted arguments (by spec name) through
    the generated `_get_kwargs()`, replay-safety by the spec's rule, the per-call options."""
    operation = operation_specs(core.api)[binding.operation_id]
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
            core.wire_format
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


def request_args(
    core: ClientCore,
    call: PreparedCall[Any],
    client_headers: Mapping[str, str] | None = None,
    client_timeout: httpx.Timeout | None = None,
) -> dict[str, Any]:
    """Arguments for `httpx.Client.request` (absolute URL, so injected clients work too).

    `client_headers` and `client_timeout`: what the httpx client already uses by default (our
    own pooled client: the core's headers and timeout as they were when it was made); they are
    not repeated per request.
    """
    kwargs = dict(call.kwargs)
    media = MEDIA_TYPES[call.wire_format]
    headers = {**core.headers, **kwargs.pop("headers", {})}
    headers["Accept"] = media
    url = core.base_url + kwargs.pop("url")
    if call.extra_query:
        extra = str(httpx.QueryParams(dict(call.extra_query)))  # type: ignore[arg-type]
        if extra:
            url += ("&" if "?" in url else "?") + extra
    extensions = mark_request(call.operation.operation_id, replay_safe=call.replay_safe)
    extensions[EXTENSION]["retry_policy"] = core.retry_policy
    args: dict[str, Any] = {
        "method": kwargs.pop("method").upper(),
        "url": url,
        "headers": headers,
        "extensions": extensions,
    }
    timeout = core.timeout if isinstance(call.timeout, NotGiven) else call.timeout
    if client_timeout is None or timeout != client_timeout:
        args["timeout"] = timeout
    if "json" in kwargs:
        args["content"] = _body(core, call, kwargs.pop("json"))
        headers["Content-Type"] = f"{media}; charset=utf-8"
    headers.update(call.extra_headers)  # the caller's per-call headers win
    if client_headers:
        args["headers"] = {
            name: value for name, value in headers.items() if client_headers.get(name) != value
        } or None
    if kwargs:
        raise ContactImportError(f"unexpected request arguments: {sorted(kwargs)}")
    return args


def _body(core: ClientCore, call: PreparedCall[Any], body: Any) -> bytes:
    """The JSON-shaped body in the call's wire format (as encoded ahead, when it was)."""
    if isinstance(body, JsonBody) and body.encoded is not None:
        operation_id, wire_format, content = body.encoded
        if operation_id == call.operation.operation_id and wire_format == call.wire_format:
            return content
    return encode_body(core, call.operation, call.wire_format, body)


def encode_ahead(core: ClientCore, operation_id: str, body: JsonBody) -> None:
    """Encode ``body`` as a request of ``operation_id`` in the client's wire format now, checked
    as a request is (an import does this in its reader, while the previous batch is on the
    wire); the request then sends these bytes. An error names the operation and the rule."""
    operation = operation_specs(core.api)[operation_id]
    wire_format = core.wire_format
    body.encoded = (operation_id, wire_format, encode_body(core, operation, wire_format, body))


def encode_body(
    core: ClientCore, operation: OperationSpec, wire_format: WireFormat, body: Any
) -> bytes:
    """The JSON-shaped body in ``wire_format``, its arrays checked against `maxItems`."""
    operation_id = operation.operation_id
    schema = operation.request_schema
    if schema is not None:
        try:
            array_bounds(core.api).check(schema, body)
        except TooManyItems as error:
            raise InvalidParameterError(
                f"{operation_id}: {error} (maxItems); nothing was sent"
            ) from None
    if wire_format == "xml":
        if schema is None:
            raise ContactImportError(f"{operation_id}: the spec names no request schema")
        try:
            return core.codec().encode(schema, body)
        except ValueError as error:  # XmlEncodeError names the field and the rule
            raise InvalidParameterError(
                f"{operation_id}: the request cannot be sent as XML: {error}"
            ) from None
    if schema is not None:
        try:
            body = off_json_members(core.api).strip(schema, body)
        except WireFormatsSpecError as error:
            raise ContactImportError(f"the {core.api} spec: {error}") from None
    try:
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode(
            "utf-8"
        )
    except ValueError as error:  # NaN or infinity: JSON has no such numbers
        raise InvalidParameterError(
            f"{operation_id}: the request cannot be sent as JSON: {error}"
        ) from None
