"""One operation of a vendor API as the app serves it (``Operation``), the request a handler gets
(``Call``) and what it answers (``Result``), and the parameters read from the path and query."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from contactimport.querystring import ListItemRule
from starlette.requests import Request

from .errors import BadRequest
from .spec import Api


@dataclass
class Call:
    """One request, already authenticated, negotiated and validated."""

    request: Request
    media: str
    account: Any
    params: dict[str, Any]
    body: Any = None
    has_body: bool = False


@dataclass
class Result:
    value: Any
    schema: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Call], Result]


@dataclass(frozen=True)
class Operation:
    api: Api
    operation_id: str
    method: str
    path: str
    handler: Handler
    body_schema: str | None
    body_required: bool
    path_params: tuple[tuple[str, str, str], ...]
    """(name in the path template, type, name the handler reads: the vendor's, x-vendor-name)."""
    permission: str  # W50: "read"/"write"; CheckMarket: unused
    roles: tuple[str, ...]
    threaded: bool  # always in the thread pool (writes); else see run_work


# -- request plumbing --------------------------------------------------------------------------
_WIRE_INTEGER = re.compile(r"[+-]?[0-9]+")


def parse_path_param(name: str, kind: str, raw: str) -> Any:
    if kind != "integer":
        return raw
    # Python's int() also reads " 9", "\x0c9", "1_0" and non-ASCII digits; the spec's integer is
    # an optional sign and ASCII digits, nothing around them (found by schemathesis: a DELETE of
    # configs/%0C9 deleted configuration 9).
    if _WIRE_INTEGER.fullmatch(raw) is None:
        raise BadRequest(f"The value {raw!r} of {name} is not a valid integer.")
    value = int(raw)
    if not -(2**31) <= value <= 2**31 - 1:
        raise BadRequest(f"The value '{raw}' of {name} is out of the int32 range.")
    return value


def comma_list(request: Request, name: str, rule: ListItemRule) -> list[str]:
    """A `style: form, explode: false` array parameter (repeated parameters are joined too).

    An empty value is an empty list. The decoded value is split at every comma (an encoded
    `%2C` separates items too: assumption `query-list-items`), and every item must keep the
    spec's item rule (``rule``, the one the client checks by): else 400, the status the spec
    documents for a malformed parameter.
    """
    items: list[str] = []
    for raw in request.query_params.getlist(name):
        if raw == "":
            continue
        for item in raw.split(","):
            problem = rule.problem(item)
            if problem is not None:
                raise BadRequest(
                    f"The {name} parameter {raw!r} is malformed: the item {item!r} {problem}."
                )
            items.append(item)
    return items
