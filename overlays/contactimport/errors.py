"""Typed exceptions raised by the contactimport clients.

Hierarchy (catch the family you care about, or `ContactImportError` for all)::

    ContactImportError
    ├── InvalidParameterError (also a ValueError)   bad input caught before any request
    ├── APIConnectionError                          no HTTP response (refused, reset, dropped)
    │   └── APITimeoutError                         the timeout ran out
    ├── APIResponseError                            a response we cannot read (bad JSON/XML)
    └── APIStatusError                              an HTTP (or CheckMarket Meta.Status) error
        ├── ValidationError         400, 417, 422   the request was malformed or rejected
        ├── AuthenticationError     401
        ├── PermissionDeniedError   403
        ├── NotFoundError           404
        ├── ConflictError           409             e.g. running an import job twice
        ├── RateLimitError          429
        └── ServerError             5xx

Every `APIStatusError` carries `status_code`, `method`, `url` (credentials removed), the parsed
error body (`body`), its `message` (the W50 `Message`, the CheckMarket `ErrorMessage`) and, for
CheckMarket, `error_code` / `error_type`. Nothing in an exception holds a credential: request
headers are never kept, URLs are redacted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import httpx
from lxml import etree

from ._spec import ApiName
from .datacontract import XmlDecodeError
from .datacontract._safexml import parse_xml
from .transport.redaction import redact_headers, redact_url
from .transport.retry import parse_retry_after

__all__ = [
    "APIConnectionError",
    "APIResponseError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "ConflictError",
    "ContactImportError",
    "ErrorDetails",
    "InvalidParameterError",
    "NotFoundError",
    "OperationFailedError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "ValidationError",
    "error_class_for_status",
    "parse_error_body",
    "parse_retry_after",
    "status_error_from_response",
]


_MAX_ERROR_BODY = 64 * 1024


class ContactImportError(Exception):
    """Base class of every error raised by contactimport."""


class InvalidParameterError(ContactImportError, ValueError):
    """Input rejected before any request was sent; the message names the offending value."""


class APIConnectionError(ContactImportError):
    """The request got no HTTP response (connection refused, reset or dropped, DNS failure)."""

    def __init__(self, message: str, *, method: str, url: str) -> None:
        super().__init__(message)
        self.method = method
        self.url = url

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.args[0]!r}, method={self.method!r}, url={self.url!r})"


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool timeout)."""


class APIResponseError(ContactImportError):
    """A response arrived but its body could not be read as the spec says it should be."""

    def __init__(self, message: str, *, status_code: int, method: str, url: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.method = method
        self.url = url


class OperationFailedError(ContactImportError):
    """The API answered 200 but says it did not carry the request out (a CheckMarket result with
    `Succeeded: false`, the spec's `x-failure`): `failure_message` says why."""

    def __init__(
        self, message: str, *, operation: str, failure_message: str | None, body: Any = None
    ) -> None:
        super().__init__(message)
        self.operation = operation
        self.failure_message = failure_message
        self.body = body
        """The answer's data (JSON-shaped), credentials removed."""


class ErrorDetails:
    """What an error body says, whichever API and wire format produced it."""

    __slots__ = ("body", "error_code", "error_type", "message", "meta_status")

    def __init__(
        self,
        *,
        message: str | None = None,
        error_code: int | None = None,
        error_type: str | None = None,
        meta_status: int | None = None,
        body: Any = None,
    ) -> None:
        self.message = message
        self.error_code = error_code
        self.error_type = error_type
        self.meta_status = meta_status
        self.body = body

    def __repr__(self) -> str:
        return (
            f"ErrorDetails(message={self.message!r}, error_code={self.error_code!r}, "
            f"error_type={self.error_type!r}, meta_status={self.meta_status!r})"
        )


class APIStatusError(ContactImportError):
    """The API answered with an error status (or a CheckMarket Payload whose Meta.Status is one)."""

    def __init__(
        self,
        *,
        status_code: int,
        method: str,
        url: str,
        details: ErrorDetails,
        headers: Mapping[str, str] | None = None,
        hint: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.hint = hint
        """What the client knows that may explain the error (e.g. a base URL without the API's
        path prefix, for a 404)."""
        self.method = method.upper()
        self.url = url
        self.details = details
        self.message = details.message
        self.error_code = details.error_code
        self.error_type = details.error_type
        self.body = details.body
        self.headers: dict[str, str] = redact_headers(headers or {})
        # Header names are case-insensitive; a plain mapping keeps the sender's spelling.
        retry_after = next(
            (value for name, value in self.headers.items() if name.lower() == "retry-after"), None
        )
        self.retry_after = parse_retry_after(retry_after)
        super().__init__(self._describe())

    def _describe(self) -> str:
        try:
            phrase = HTTPStatus(self.status_code).phrase
        except ValueError:
            phrase = "Error"
        text = f"{self.status_code} {phrase} from {self.method} {self.url}"
        if self.error_code is not None:
            text += f" [ErrorCode {self.error_code}"
            text += f" {self.error_type}]" if self.error_type else "]"
        if self.message:
            text += f": {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, method={self.method!r}, "
            f"url={self.url!r}, message={self.message!r}, error_code={self.error_code!r})"
        )


class ValidationError(APIStatusError):
    """400 Bad Request, 417 Expectation Failed (W50: invalid parameters) or 422."""


class AuthenticationError(APIStatusError):
    """401: missing or wrong credentials."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials lack the permission (CheckMarket: the X-Key lacks the role)."""


class NotFoundError(APIStatusError):
    """404: the resource does not exist (or belongs to another account)."""


class ConflictError(APIStatusError):
    """409: the resource is in the wrong state (e.g. running a job twice)."""


class RateLimitError(APIStatusError):
    """429: too many requests; `retry_after` says how long the server asked us to wait."""


class ServerError(APIStatusError):
    """5xx: the server failed."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: ValidationError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    417: ValidationError,
    422: ValidationError,
    429: RateLimitError,
}


def error_class_for_status(status_code: int) -> type[APIStatusError]:
    """The exception class for an error status (APIStatusError for statuses without a family)."""
    if status_code >= 500:
        return ServerError
    return _BY_STATUS.get(status_code, APIStatusError)


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value.strip())
    return None


def _as_text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _xml_to_shape(element: etree._Element) -> Any:
    """A lenient JSON-shaped view of an XML error body: local names, text leaves (its depth is
    bounded by the parser's, far below Python's recursion limit)."""
    children = list(element)
    if not children:
        nil = any(str(k).endswith("}nil") and element.get(k) == "true" for k in element.attrib)
        return None if nil else (element.text or "").strip()
    shaped: dict[str, Any] = {}
    for child in children:
        shaped.setdefault(str(child.tag).rsplit("}", 1)[-1], _xml_to_shape(child))
    return shaped


def _decode_body(content: bytes, content_type: str) -> Any:
    if not content.strip():
        return None
    snippet = content[:_MAX_ERROR_BODY]
    if "xml" in content_type.lower() or snippet.lstrip().startswith(b"<"):
        # the codec's hardened parser: no DTD or entity, bounded depth, attributes and
        # namespace declarations; what it refuses is kept as text
        try:
            root = parse_xml(snippet, _MAX_ERROR_BODY)
        except XmlDecodeError:
            return snippet.decode("utf-8", "replace")
        return _xml_to_shape(root)
    try:
        return json.loads(snippet)
    except (ValueError, UnicodeDecodeError):
        return snippet.decode("utf-8", "replace")


def payload_error_details(payload: Mapping[str, Any]) -> ErrorDetails:
    """The error a CheckMarket Payload carries: `Meta.Status`, and `Data` as object or string."""
    meta = payload.get("Meta")
    data = payload.get("Data")
    meta_status = _as_int(meta.get("Status")) if isinstance(meta, Mapping) else None
    if isinstance(data, Mapping):
        return ErrorDetails(
            message=_as_text(data.get("ErrorMessage")) or _as_text(data.get("Message")),
            error_code=_as_int(data.get("ErrorCode")),
            error_type=_as_text(data.get("ErrorType")),
            meta_status=meta_status,
            body=payload,
        )
    return ErrorDetails(message=_as_text(data), meta_status=meta_status, body=payload)


def parse_error_body(api: ApiName, content: bytes, content_type: str) -> ErrorDetails:
    """Read an error body of either API in JSON or XML.

    W50 (ASP.NET HttpError): `{"Message": ...}` / `<Error><Message>...</Message></Error>`.
    CheckMarket: a Payload whose `Meta.Status` is the error status and whose `Data` is either
    `{ErrorCode, ErrorMessage, ErrorType}` or a string. Anything else keeps its raw text as message.
    """
    decoded = _decode_body(content, content_type)
    is_payload = isinstance(decoded, dict) and ("Meta" in decoded or "Data" in decoded)
    if api == "checkmarket" and isinstance(decoded, dict) and is_payload:
        return payload_error_details(decoded)
    if isinstance(decoded, dict):
        message = _as_text(decoded.get("Message")) or _as_text(decoded.get("message"))
        detail = _as_text(decoded.get("MessageDetail")) or _as_text(decoded.get("ExceptionMessage"))
        if detail and message and detail not in message:
            message = f"{message} ({detail})"
        return ErrorDetails(message=message or detail, body=decoded)
    if isinstance(decoded, str):
        text = decoded.strip()
        return ErrorDetails(message=text[:500] or None, body=text)
    return ErrorDetails(body=decoded)


def status_error_from_response(
    api: ApiName,
    response: httpx.Response,
    *,
    status_code: int | None = None,
    details: ErrorDetails | None = None,
    hint: str | None = None,
) -> APIStatusError:
    """The typed exception for an error response (status_code overrides for Meta.Status errors)."""
    if details is None:
        details = parse_error_body(api, response.content, response.headers.get("content-type", ""))
    status = status_code if status_code is not None else response.status_code
    cls = error_class_for_status(status)
    return cls(
        status_code=status,
        method=response.request.method,
        url=redact_url(response.request.url),
        details=details,
        headers=response.headers,
        hint=hint,
    )
