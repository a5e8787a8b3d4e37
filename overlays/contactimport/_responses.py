"""Answers read by the spec: a successful body decoded from JSON or DataContract XML and parsed
into the generated model; an error status, an enveloped answer whose own status is an error
(`x-envelope`), or a result the spec's `x-failure` says was not carried out, raised as the typed
exception; a transport failure turned into the SDK's own, without the credentialed request.
Every text of these exceptions has the client's credentials scrubbed (`ClientCore.scrub`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import httpx

from ._core import ClientCore
from ._operations import APIResponse, EnvelopeAPIResponse
from ._requests import PreparedCall
from .errors import (
    APIConnectionError,
    APIResponseError,
    APITimeoutError,
    ContactImportError,
    OperationFailedError,
    parse_error_body,
    payload_error_details,
    status_error_from_response,
)
from .transport.redaction import redact_url
from .transport.retry import ATTEMPTS_EXTENSION, attempts_made

__all__ = ["error_for_status", "read", "read_raw", "transport_error"]

T = TypeVar("T")

_XML_TYPES: Final = ("application/xml", "text/xml")


def read(core: ClientCore, call: PreparedCall[T], response: httpx.Response) -> T:
    """The generated model for a response, or the typed exception for an error."""
    return _parse_with(core, call, response, _decode(core, call, response), call.parse)


def read_raw(core: ClientCore, call: PreparedCall[T], response: httpx.Response) -> APIResponse[T]:
    """The raw answer (`with_raw_response`): checked as `read` checks it, parsed on demand."""
    decoded = _decode(core, call, response)
    attempts = response.extensions.get(ATTEMPTS_EXTENSION, 1)
    common: dict[str, Any] = {
        "operation_id": call.operation.operation_id,
        "decoded": decoded,
        "parse": lambda data: _parse_with(core, call, response, data, call.parse),
        "wire_format": call.wire_format,
        "retries_taken": attempts - 1 if isinstance(attempts, int) else 0,
    }
    if call.envelope is not None:
        envelope = call.envelope
        return EnvelopeAPIResponse(
            response,
            envelope=lambda data: _parse_with(core, call, response, data, envelope),
            **common,
        )
    return APIResponse(response, **common)


def error_for_status(core: ClientCore, response: httpx.Response) -> ContactImportError:
    """The typed exception for an error status, its body's details scrubbed; a 404 says when
    the base URL lacks the spec's path prefix."""
    details = parse_error_body(core.api, response.content, response.headers.get("content-type", ""))
    hint = core.not_found_hint if response.status_code == 404 else None
    return status_error_from_response(
        core.api, response, details=core.scrub_details(details), hint=hint
    )


def transport_error(
    core: ClientCore, call: PreparedCall[Any], args: Mapping[str, Any], error: httpx.TransportError
) -> ContactImportError:
    """The SDK's exception for a transport error, holding only redacted text: the caller raises
    it outside the `except` block, so neither `__context__` nor `__cause__` keeps the httpx
    error, whose `request` carries the credential headers in clear."""
    attempts = attempts_made(error)
    where = f"{args['method']} {redact_url(args['url'])}"
    text = core.scrub(str(error)) or type(error).__name__
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


def _decode(core: ClientCore, call: PreparedCall[Any], response: httpx.Response) -> Any:
    """The JSON-shaped body of a successful answer, or the typed exception."""
    if response.status_code >= 400:
        raise error_for_status(core, response)
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    content = response.content
    try:
        if content_type in _XML_TYPES or (not content_type and content.lstrip().startswith(b"<")):
            schema = call.operation.response_schema
            if schema is None:
                raise ValueError("the spec names no response schema for XML")
            decoded = core.codec().decode(schema, content)
        else:
            try:
                decoded = json.loads(content)
            except ValueError:
                if content.strip():
                    raise
                decoded = None  # an empty body
    except ValueError as error:
        raise _unreadable(
            core,
            call,
            response,
            f"cannot read the {response.status_code} response body "
            f"({content_type or 'no content type'}): {error}",
        ) from None
    _check_envelope_status(core, call, response, decoded)
    _check_failure(core, call, decoded)
    return decoded


def _parse_with(
    core: ClientCore,
    call: PreparedCall[Any],
    response: httpx.Response,
    decoded: Any,
    parse: Callable[[Any], T],
) -> T:
    try:
        return parse(decoded)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise _unreadable(
            core,
            call,
            response,
            f"the response body does not match the spec's {call.operation.response_schema}: "
            f"{type(error).__name__}: {error}",
        ) from None


def _unreadable(
    core: ClientCore, call: PreparedCall[Any], response: httpx.Response, problem: str
) -> APIResponseError:
    """The error for an answer the client cannot read, its text scrubbed of credentials."""
    return APIResponseError(
        f"{call.operation.operation_id}: {core.scrub(problem)}",
        status_code=response.status_code,
        method=response.request.method,
        url=redact_url(response.request.url),
    )


def _check_envelope_status(
    core: ClientCore, call: PreparedCall[Any], response: httpx.Response, decoded: Any
) -> None:
    """An enveloped answer (the spec's `x-envelope`: CheckMarket's Payload) repeats its status
    in `Meta.Status`, which can be an error under HTTP 200: that raises the status's error."""
    if call.operation.envelope is None or not isinstance(decoded, Mapping):
        return
    details = payload_error_details(decoded)
    status = details.meta_status
    if status is not None and not 200 <= status < 300:
        raise status_error_from_response(
            core.api, response, status_code=status, details=core.scrub_details(details)
        )


def _check_failure(core: ClientCore, call: PreparedCall[Any], decoded: Any) -> None:
    """An answer the spec's `x-failure` says was not carried out raises OperationFailedError
    (CheckMarket `Succeeded: false` with its `FailureMessage`)."""
    failure = call.operation.failure
    if failure is None or not isinstance(decoded, Mapping):
        return
    data = decoded.get(call.operation.envelope) if call.operation.envelope else decoded
    member, message_member = failure
    if not isinstance(data, Mapping) or data.get(member) is not False:
        return
    message = data.get(message_member) if message_member else None
    text = core.scrub(str(message)) if message else None
    raise OperationFailedError(
        f"{call.operation.operation_id} was not carried out ({member}: false)"
        + (f": {text}" if text else ""),
        operation=call.operation.operation_id,
        failure_message=text,
        body=core.scrub_value(data),
    )
