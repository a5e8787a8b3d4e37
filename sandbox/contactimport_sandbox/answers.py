"""Error answers in each API's shape (W50's ``{"Message"}``, CheckMarket's ``Meta``/``Data``),
in the media type the request asked for, and the answers of injected faults."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from starlette.responses import Response

from .faults import Fault
from .spec import Api
from .state import Sandbox
from .w50_values import now_iso
from .wire import is_xml

log = logging.getLogger("contactimport_sandbox")


CM_ERROR_TYPES = {
    400: "ValidationError",
    403: "Forbidden",
    404: "NotFound",
    406: "NotAcceptable",
    409: "Conflict",
    415: "UnsupportedMediaType",
    417: "ExpectationFailed",
    429: "TooManyRequests",
    503: "ServiceUnavailable",
}

INTERNAL_ERROR = "An error has occurred."


# -- error bodies ---------------------------------------------------------------------------
def cm_timestamp() -> str:
    return now_iso().replace("+00:00", "Z")


def cm_meta(status: int, **extra: Any) -> dict[str, Any]:
    return {"Status": status, "Timestamp": cm_timestamp(), **extra}


_NOT_XML_TEXT = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(message: str) -> str:
    """``message`` with each character XML 1.0 cannot carry written as its escape (`\\x01`).

    An error message may quote what the request sent (a control character in a query value);
    answered as is, the XML encoder refuses it and the error would come back as JSON whatever
    the request's `Accept` said.
    """
    return _NOT_XML_TEXT.sub(lambda found: repr(found.group())[1:-1], message)


def error_response(sandbox: Sandbox, api: Api, media: str, status: int, message: str) -> Response:
    if is_xml(media):
        message = xml_safe(message)
    if api == "which50":
        value: dict[str, Any] = {"Message": message}
        schema = "Error"
    else:
        data: Any = (
            message
            if status in (401, 429, 500, 503)
            else {
                "ErrorCode": status,
                "ErrorMessage": message,
                "ErrorType": CM_ERROR_TYPES.get(status, "Error"),
            }
        )
        value = {"Meta": cm_meta(status), "Data": data}
        schema = "ErrorPayload"
    try:
        body = sandbox.wires[api].encode(media, schema, value)
    except Exception:  # never fail while reporting a failure: fall back to JSON
        log.exception("could not encode an error body as %s", media)
        media = "application/json"
        body = json.dumps(value).encode()
    return Response(body, status_code=status, media_type=media)


def fault_response(sandbox: Sandbox, api: Api, media: str, fault: Fault) -> Response:
    seconds = f"retry after {fault.retry_after} seconds"
    messages = {
        429: f"Too many requests; {seconds}.",
        500: INTERNAL_ERROR,
        503: f"The service is temporarily unavailable; {seconds}.",
    }
    response = error_response(sandbox, api, media, fault.status, messages[fault.status])
    if fault.status in (429, 503):
        response.headers["Retry-After"] = str(fault.retry_after)
    return response
