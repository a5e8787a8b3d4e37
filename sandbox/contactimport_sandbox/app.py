"""The ASGI application: both vendor APIs under their path prefixes, plus sandbox-only endpoints.

Routes are built from the spec documents (method and path of each operationId), so the sandbox
serves exactly the operations the specs describe:

- W50API under ``/Which50API/...``; its spec at ``/Which50API/openapi.json``
- CheckMarket v3 under ``/3/...``; its spec at ``/3/openapi.json``
- sandbox-only, outside both vendor APIs: ``/_sandbox/health``, ``/_sandbox/faults`` (GET, PUT,
  DELETE), ``/_sandbox/reset`` (POST: delete all state, back to the original fixtures),
  ``/_sandbox/which50/custom-events``,
  ``/_sandbox/which50/contact-lists/{contactListId}/contacts`` (GET: a list's contacts,
  paginated, as the W50API has no operation listing them; POST: store contacts as they are),
  ``/_sandbox/clock`` (GET, PUT ``{"mode": "real"|"manual", "now", "stepSeconds"}``),
  ``/_sandbox/clock/advance`` (POST ``{"seconds": n}``), ``/_sandbox/clock/run-to-completion``
  (POST), ``/_sandbox/fixtures`` (GET, PUT: the fixtures document in use),
  ``/_sandbox/checkmarket/contacts`` (GET the stored contacts, POST store some; ``?account=``)

The control endpoints (all of those but health and the two W50 GET views) need the fixtures'
admin key (``sandbox.adminKey``) in the ``X-Sandbox-Admin-Key`` header: missing 401, wrong 403,
with the ``{"Message": ...}`` body of the other sandbox-only endpoints. ``/_sandbox/health`` is
open (a readiness probe); the two W50 GET views take the account's bearer token.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from contactimport.datacontract import XmlEncodeError
from contactimport.querystring import ListItemRule, list_item_rule
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import docs_site
from . import spec as spec_module
from .arrays import JsonArray, is_array
from .checkmarket import FINAL_STATUSES, CheckMarket
from .clock import MANUAL, MODES, REAL, Clock
from .errors import (
    BadRequest,
    Conflict,
    Forbidden,
    NotAcceptable,
    NotFound,
    SandboxError,
    ServiceUnavailable,
    Unauthorized,
)
from .faults import Fault, Faults, FaultSettings
from .fixtures import (
    CheckMarketAccount,
    Fixtures,
    FixturesError,
    W50Account,
    fixtures_document,
    parse_fixtures,
)
from .memory import release_free_memory
from .paths import CM_PREFIX, W50_PREFIX
from .spec import Api, RequestLimits
from .store import MEMORY, Store
from .validation import ModelValidator, ValidationFailed
from .w50 import LIST_NOT_FOUND, Which50, now_iso
from .wire import Wire, body_media, is_xml, negotiate

log = logging.getLogger("contactimport_sandbox")

VALIDATION_CHUNK = 1000  # elements of an array body validated at a time
W50_UNAUTHORIZED = "Authorization has been denied for this request."
W50_FORBIDDEN = "The user does not have the relevant permissions to perform this action."
CM_UNAUTHORIZED = "Authorization has been denied for this request."
ADMIN_HEADER = "X-Sandbox-Admin-Key"
ADMIN_UNAUTHORIZED = (
    f"The sandbox's control endpoints need the admin key of its fixtures (sandbox.adminKey) in "
    f"the {ADMIN_HEADER} header."
)
ADMIN_FORBIDDEN = f"The {ADMIN_HEADER} header does not hold the sandbox's admin key."
INTERNAL_ERROR = "An error has occurred."
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

T = TypeVar("T")


@dataclass
class SandboxOptions:
    """Knobs of the reference server (all optional)."""

    chunk_size: int = 2000  # loaded contacts processed per background step (one transaction)
    step_delay: float = 0.0  # seconds between background steps, to watch progress in tests
    faults: FaultSettings | None = None
    limits: RequestLimits | None = None  # default: the spec's info.x-request-limits
    clock: str = REAL  # "manual": background work moves only as a test advances the clock
    step_seconds: float = 1.0  # manual clock: clock time one background step takes


class LargeBodies:
    """At most ``limits.concurrent_large_bodies`` requests with a body over
    ``limits.large_body_bytes`` are handled at once (assumption request-limits); another is
    refused with 503 and Retry-After as soon as its size is known, before it is read."""

    def __init__(self, limits: RequestLimits) -> None:
        self.limits = limits
        self.lock = threading.Lock()
        self.active = 0

    @contextlib.contextmanager
    def slot(self) -> Iterator[BodySlot]:
        """One request's claim: taken by ``BodySlot.admit`` once its body is known to be large,
        given back when the request is done."""
        claim = BodySlot(self)
        try:
            yield claim
        finally:
            if claim.held:
                with self.lock:
                    self.active -= 1


class BodySlot:
    def __init__(self, bodies: LargeBodies) -> None:
        self.bodies = bodies
        self.held = False

    def admit(self, size: int) -> None:
        """Note that the body has ``size`` bytes (at least); 503 when it is large and every
        slot for large bodies is taken."""
        limits = self.bodies.limits
        if self.held or size <= limits.large_body_bytes:
            return
        with self.bodies.lock:
            if self.bodies.active >= limits.concurrent_large_bodies:
                raise ServiceUnavailable(
                    f"The service is handling {limits.concurrent_large_bodies} request bodies "
                    f"over {limits.large_body_bytes} bytes; retry after "
                    f"{limits.retry_after_seconds} seconds.",
                    limits.retry_after_seconds,
                )
            self.bodies.active += 1
            self.held = True


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


class Sandbox:
    """The server's state: store, fixtures, domains, background worker, faults."""

    def __init__(
        self,
        db: str | Path = MEMORY,
        fixtures: str | Path | Fixtures | None = None,
        options: SandboxOptions | None = None,
    ) -> None:
        self.options = options or SandboxOptions()
        if self.options.clock not in MODES:
            raise ValueError(f"clock must be one of {', '.join(MODES)}, not {self.options.clock!r}")
        # The fixtures' JSON document (None when given as a Fixtures object): what
        # GET /_sandbox/fixtures shows and PUT replaces; a reset goes back to the original.
        self.fixtures_document: dict[str, Any] | None = None
        if not isinstance(fixtures, Fixtures):
            self.fixtures_document = fixtures_document(fixtures)
            fixtures = parse_fixtures(self.fixtures_document)
        self.fixtures = fixtures
        self.original_fixtures = (fixtures, self.fixtures_document)
        self.clock = Clock()
        self.store = Store(db)
        self.documents: dict[Api, dict[str, Any]] = {
            "which50": spec_module.document("which50"),
            "checkmarket": spec_module.document("checkmarket"),
        }
        batch_minimum, batch_limit = spec_module.batch_bounds(self.documents["which50"])
        self.which50 = Which50(
            self.store, self.fixtures, batch_limit, batch_minimum, clock=self.clock
        )
        self.checkmarket = CheckMarket(
            self.store,
            self.fixtures,
            spec_module.property_defaults(self.documents["checkmarket"], "ImportConfig"),
            tuple(spec_module.schema(self.documents["checkmarket"], "ImportConfig")["properties"]),
            clock=self.clock,
        )
        from .worker import Worker

        self.worker = Worker(
            self.which50,
            self.checkmarket,
            self.options.chunk_size,
            self.options.step_delay,
            clock=self.clock,
            step_seconds=self.options.step_seconds,
        )
        if self.options.clock == MANUAL:
            self.clock.set_manual()
        self.faults = Faults(self.options.faults)
        self.validators = {
            api: ModelValidator.for_api(api, doc) for api, doc in self.documents.items()
        }
        self.wires: dict[Api, Wire] = {api: Wire(api, doc) for api, doc in self.documents.items()}
        self.limits = self.options.limits or spec_module.shared_request_limits(self.documents)
        self.large_bodies = LargeBodies(self.limits)
        self._pruners: dict[tuple[Api, str], spec_module.Prune] = {}

    def pruner(self, api: Api, schema_name: str) -> spec_module.Prune:
        """``spec.declared_only`` for a named schema of ``api``, planned once."""
        found = self._pruners.get((api, schema_name))
        if found is None:
            document = self.documents[api]
            found = spec_module.pruner(document, spec_module.schema(document, schema_name))
            self._pruners[(api, schema_name)] = found
        return found

    def close(self) -> None:
        self.worker.stop()
        self.store.close()

    def set_fixtures(self, document: dict[str, Any]) -> None:
        """Replace the fixed world (accounts, lists, fields, ids) by a fixtures document."""
        self._use_fixtures(parse_fixtures(document), document)

    def _use_fixtures(self, fixtures: Fixtures, document: dict[str, Any] | None) -> None:
        self.fixtures = self.which50.fixtures = self.checkmarket.fixtures = fixtures
        self.fixtures_document = document

    def reset(self) -> None:
        """Delete every row and go back to the fixtures the sandbox started with."""
        self.store.reset()
        self.worker.forget_manual_work()
        self._use_fixtures(*self.original_fixtures)

    def clock_state(self, steps: int | None = None) -> dict[str, Any]:
        state: dict[str, Any] = {
            "mode": self.clock.mode,
            "now": self.clock.now_iso(),
            "stepSeconds": self.worker.step_seconds,
        }
        if steps is not None:
            state["steps"] = steps
        return state

    def set_clock(self, settings: Any) -> dict[str, Any]:
        """PUT /_sandbox/clock: ``{"mode": "manual"|"real", "now": ISO time, "stepSeconds": s}``
        (each optional; ``now`` only with the manual clock)."""
        if not isinstance(settings, dict) or set(settings) - {"mode", "now", "stepSeconds"}:
            raise BadRequest("The clock settings are an object of mode, now and stepSeconds.")
        mode = settings.get("mode", self.clock.mode)
        if mode not in MODES:
            raise BadRequest(f"mode must be one of {', '.join(MODES)}.")
        start = None
        if settings.get("now") is not None:
            try:
                start = datetime.fromisoformat(str(settings["now"]))
            except ValueError:
                raise BadRequest("now must be an ISO 8601 time with a UTC offset.") from None
            if start.tzinfo is None or mode != MANUAL:
                raise BadRequest("now needs a UTC offset and the manual clock.")
        step = settings.get("stepSeconds")
        if step is not None:
            if not isinstance(step, int | float) or isinstance(step, bool) or step <= 0:
                raise BadRequest("stepSeconds must be a number more than 0.")
            self.worker.step_seconds = float(step)
        if mode == MANUAL and (not self.clock.manual or start is not None):
            self.worker.use_manual_clock(start)
        elif mode == REAL and self.clock.manual:
            self.worker.use_real_clock()
        return self.clock_state()


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


def authenticate_w50(sandbox: Sandbox, request: Request, permission: str) -> W50Account:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized(W50_UNAUTHORIZED)
    found = sandbox.fixtures.w50_token(token.strip())
    if found is None:
        raise Unauthorized(W50_UNAUTHORIZED)
    account, credentials = found
    if permission not in credentials.permissions:
        raise Forbidden(W50_FORBIDDEN)
    return account


def authenticate_cm(
    sandbox: Sandbox, request: Request, roles: tuple[str, ...]
) -> CheckMarketAccount:
    master = request.headers.get("x-master-key")
    key = request.headers.get("x-key")
    if not master or not key:
        raise Unauthorized(CM_UNAUTHORIZED)
    found = sandbox.fixtures.checkmarket_key(master, key)
    if found is None:
        raise Unauthorized(CM_UNAUTHORIZED)
    account, credentials = found
    missing = [role for role in roles if role not in credentials.roles]
    if missing:
        raise Forbidden(f"The key lacks the role {', '.join(missing)}.")
    return account


def authenticate_admin(sandbox: Sandbox, request: Request) -> None:
    """The control endpoints' check: the fixtures' admin key in ADMIN_HEADER."""
    given = request.headers.get(ADMIN_HEADER)
    if not given:
        raise Unauthorized(ADMIN_UNAUTHORIZED)
    if not sandbox.fixtures.is_admin_key(given):
        raise Forbidden(ADMIN_FORBIDDEN)


def _validation_message(exc: ValidationFailed) -> str:
    return f"The request is invalid. {exc.path}: {exc.rule}."


def forget_frames(exc: BaseException) -> None:
    """Drop the tracebacks of an answered error and of the errors it was raised from.

    Their frames hold the request's body, its text and what was decoded from it, and the error
    itself stays referenced from a reference cycle through the thread pool's future: without
    this a refused 60 MB body stayed resident until the next garbage collection (issue 20).
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__


async def _drop(send: Send) -> None:
    """Start a response and stop mid-body: the client sees the connection dropped."""
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"1024")],
        }
    )
    await send({"type": "http.response.body", "body": b'{"', "more_body": True})
    raise ConnectionAbortedError("sandbox fault injection: connection dropped")


def _arrived(receive: Receive) -> Message | None:
    """The message ``receive()`` has ready, or None when it would have to wait: the coroutine is
    run to its first suspension and closed there (a cancelled scope would cost an event loop
    turn on every request; this costs nothing when the client is still there)."""
    step = receive()
    if not isinstance(step, Coroutine):
        return None
    try:
        step.send(None)
    except StopIteration as done:
        message: Message = done.value
        return message
    step.close()
    return None


class ClientGone:
    """ASGI middleware: a client that goes away mid-request is logged as one WARNING line (the
    method, the path, how far the request got), never as a traceback.

    Noticed two ways: reading the body fails (Starlette's ``ClientDisconnect``: the connection
    closed mid-upload), or a non-blocking look at the connection just before the answer starts
    finds it closed (uvicorn would drop the answer silently; the work was done, the client does
    not know). The answer to a client that has gone is not sent. The look is taken only when
    nothing of the body is left to read (none was declared, or the endpoint read it all): it
    never takes a chunk of a body the endpoint refused unread, nor invites one with
    ``100 Continue``.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        gone = False
        may_look = not any(
            name == b"transfer-encoding" or (name == b"content-length" and value.strip() != b"0")
            for name, value in scope["headers"]
        )

        async def watched_receive() -> Message:
            nonlocal gone, may_look
            message = await receive()
            if message["type"] == "http.disconnect":
                gone = True
            elif not message.get("more_body", False):
                may_look = True  # the body is read to its end
            return message

        async def checked_send(message: Message) -> None:
            nonlocal gone
            if message["type"] == "http.response.start" and may_look and not gone:
                arrived = _arrived(receive)
                gone = arrived is not None and arrived["type"] == "http.disconnect"
            if not gone:
                await send(message)

        try:
            await self.app(scope, watched_receive, checked_send)
        except ClientDisconnect:
            self.log(scope, "before its request body was complete")
            return
        if gone:
            self.log(scope, "before the answer was sent")

    @staticmethod
    def log(scope: Scope, when: str) -> None:
        log.warning("%s %s: the client went away %s", scope["method"], scope["path"], when)


class _Endpoint:
    """A raw ASGI endpoint (Starlette calls class instances with scope, receive, send)."""

    def __init__(self, run: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.run = run

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.run(scope, receive, send)


class _Dispatch:
    """The endpoints of one path, by method (HEAD is served as GET)."""

    def __init__(self, endpoints: dict[str, _Endpoint]) -> None:
        self.endpoints = endpoints

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = "GET" if scope["method"] == "HEAD" else scope["method"]
        await self.endpoints[method](scope, receive, send)


def make_endpoint(sandbox: Sandbox, op: Operation) -> _Endpoint:
    """The endpoint of one operation: faults, negotiation, auth, body, handler, errors."""

    async def endpoint(scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        sandbox.worker.start()
        latency, fault = sandbox.faults.draw(op.operation_id)
        if latency:
            await asyncio.sleep(latency)
        media = "application/json"
        ignored: list[str] = []  # request members .NET would not have read (XML bodies)
        with sandbox.large_bodies.slot() as slot:
            try:
                if fault is not None and fault.kind == "drop":
                    await _drop(send)
                    return
                media = negotiate(request.headers.get("accept"))
                if fault is not None and fault.kind != "lost_answer":
                    response = fault_response(sandbox, op.api, media, fault)
                else:
                    response = await handle(sandbox, op, request, media, slot, ignored)
                    if answer_latency := sandbox.faults.answer_latency(op.operation_id):
                        await asyncio.sleep(answer_latency)
                    if fault is not None:  # processed, and now its answer is lost
                        await _drop(send)
                        return
            except NotAcceptable as exc:
                response = error_response(
                    sandbox, op.api, "application/json", exc.status, exc.message
                )
            except SandboxError as exc:
                response = error_response(sandbox, op.api, media, exc.status, exc.message)
                if isinstance(exc, ServiceUnavailable):
                    response.headers["Retry-After"] = str(exc.retry_after)
                forget_frames(exc)
            except (ConnectionAbortedError, ClientDisconnect):
                raise  # a dropped-connection fault; a client gone mid-body (logged by ClientGone)
            except Exception as exc:
                log.exception("%s failed", op.operation_id)
                response = error_response(sandbox, op.api, media, 500, INTERNAL_ERROR)
                forget_frames(exc)
        if ignored:
            report_ignored(response, op, ignored)
        if slot.held:
            # Everything the large body needed is free now, the error paths' too (their
            # tracebacks are gone): give it back to the system (see memory.py).
            release_free_memory()
        await response(scope, receive, send)

    return _Endpoint(endpoint)


IGNORED_MEMBERS_HEADER = "X-Sandbox-Ignored-Members"
IGNORED_MEMBERS_LISTED = 20


def report_ignored(response: Response, op: Operation, ignored: list[str]) -> None:
    """Tell the caller, in a response header and the log, which elements of its XML body the
    vendor's DataContractSerializer would not have read (unknown ones, members out of contract
    order or repeated): the sandbox reads them as .NET does, so they are lost here too, and a
    member lost this way is a bug in the caller's XML that the vendor would not report."""
    listed = ignored[:IGNORED_MEMBERS_LISTED]
    more = len(ignored) - len(listed)
    text = "; ".join(listed) + (f"; ... ({more} more)" if more else "")
    # Header values are Latin-1 on the wire: other characters of an element name are escaped.
    response.headers[IGNORED_MEMBERS_HEADER] = text.encode("ascii", "backslashreplace").decode()
    log.warning(
        "%s: %d element(s) of the XML body ignored, as .NET ignores them: %s",
        op.operation_id,
        len(ignored),
        "; ".join(ignored),
    )


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


async def read_body(
    request: Request, max_bytes: int, slot: BodySlot | None = None
) -> bytes | bytearray:
    """The request body, refused with 400 as soon as it is known to exceed ``max_bytes`` (the
    spec's ``x-request-limits`` ``maxBodyBytes``).

    A Content-Length over the limit is refused before any of the body is read; a body without
    one (chunked) is read chunk by chunk and refused at the first chunk past the limit, so an
    oversized body is never held in memory whole. 400, not 413: the specs document 400 for a
    malformed body on every operation that takes one, and no 413. A large body takes a ``slot``
    first (503 when none is free): on its Content-Length, else once that much has arrived. The
    body is gathered into one buffer of its declared size (no list of chunks joined at the end:
    that holds it twice).
    """
    too_large = f"The request body exceeds {max_bytes} bytes."
    declared = request.headers.get("content-length")
    expected = 0
    if declared is not None:
        if not declared.strip().isdigit():
            raise BadRequest(f"The Content-Length header '{declared}' is not a byte count.")
        expected = int(declared)
        if expected > max_bytes:
            raise BadRequest(too_large)
        if slot is not None:
            slot.admit(expected)
    buffer = bytearray(expected)
    size = 0
    async for chunk in request.stream():
        end = size + len(chunk)
        if end > max_bytes:
            raise BadRequest(too_large)
        if slot is not None:
            slot.admit(end)
        if end <= len(buffer):
            buffer[size:end] = chunk
        else:
            del buffer[size:]
            buffer += chunk
        size = end
    del buffer[size:]
    return buffer


def blank(raw: bytes | bytearray) -> bool:
    """Whether a body is empty or only whitespace (without copying it, as strip() would)."""
    return not raw or raw.isspace()


async def handle(
    sandbox: Sandbox,
    op: Operation,
    request: Request,
    media: str,
    slot: BodySlot,
    ignored: list[str] | None = None,
) -> Response:
    """One request, holding ``slot`` (a claim on a large-body slot, taken only if its body is
    large) until its answer is ready."""
    if op.api == "which50":
        account: Any = authenticate_w50(sandbox, request, op.permission)
    else:
        account = authenticate_cm(sandbox, request, op.roles)
    params = {
        key: parse_path_param(key, kind, request.path_params[name])
        for name, kind, key in op.path_params
    }
    raw: bytes | bytearray = b""
    body_type = None
    if op.body_schema is not None:
        raw = await read_body(request, sandbox.limits.max_body_bytes, slot)
        if not blank(raw):
            body_type = body_media(request.headers.get("content-type"))
        elif op.body_required:
            body_type = body_media(request.headers.get("content-type"))
            raise BadRequest("The request body is required and was empty.")
    call = Call(request, media, account, params, has_body=not blank(raw))

    def answer(result: Result) -> bytes:
        try:
            return sandbox.wires[op.api].encode(media, result.schema, result.value)
        except XmlEncodeError as exc:
            # Text stored through JSON (a control character, say) that XML 1.0 cannot carry: the
            # answer has no XML form. Said with 406 (spec: NotAcceptable), never a 500 or a
            # changed value; the same resource is readable as JSON.
            raise NotAcceptable(
                f"The answer cannot be written as XML: {exc}. Ask for application/json or "
                "text/json."
            ) from None

    def work() -> tuple[Result, bytes]:
        nonlocal raw
        try:
            return handle_body()
        except SandboxError as exc:
            # The error's frames hold the body, its text and what was decoded from it; the
            # thread pool's future keeps its traceback past the answer (issue 20: a refused
            # 60 MB body stayed resident). Dropped here, before the error leaves the thread.
            raw = b""
            forget_frames(exc)
            raise

    def handle_body() -> tuple[Result, bytes]:
        nonlocal raw
        streamed = None
        if body_type is not None:
            streamed = array_body(sandbox, op, raw, body_type, media, ignored)
        if streamed is not None:
            raw = b""  # the handler reads the elements from the body's text
            call.body = streamed
        elif body_type is not None:
            assert op.body_schema is not None
            wire = sandbox.wires[op.api]
            value = wire.decode(body_type, op.body_schema, raw, ignored)
            if op.operation_id == "uploadImportBatch" and isinstance(value, list):
                # Before the schema's maxItems/minItems would answer 400: the spec says 417.
                sandbox.which50.check_batch_size(len(value))
            try:
                validator = sandbox.validators[op.api]
                if isinstance(validator, ModelValidator):
                    validator.validate(op.body_schema, value, None if is_xml(body_type) else raw)
                else:
                    validator.validate(op.body_schema, value)
            except ValidationFailed as exc:
                raise BadRequest(_validation_message(exc)) from None
            # Undeclared members are ignored (assumption unknown-members): never stored or echoed.
            document = spec_module.document(op.api)
            declared = document["components"]["schemas"].get(op.body_schema)
            if declared is not None:
                value = sandbox.pruner(op.api, op.body_schema)(value)
                try:
                    value = spec_module.json_net_timespans(
                        document, declared, value, op.body_schema
                    )
                except ValueError as exc:
                    raise BadRequest(f"The request is invalid: {exc}") from None
            if is_xml(media) and not is_xml(body_type):
                refuse_text_xml_cannot_answer(sandbox, op, media, value)
            call.body = value
        if not op.threaded:
            result = op.handler(call)
            return result, answer(result)
        # A write and its answer are one transaction: the answer is written before the commit,
        # so a write whose answer cannot be written (406: it holds text stored earlier that XML
        # 1.0 cannot carry) leaves nothing stored.
        with sandbox.store.write():
            result = op.handler(call)
            return result, answer(result)

    result, body = await run_work(sandbox, op, work)
    return Response(body, status_code=result.status, media_type=media, headers=result.headers)


def array_body(
    sandbox: Sandbox,
    op: Operation,
    raw: bytes | bytearray,
    body_type: str,
    media: str,
    ignored: list[str] | None = None,
) -> JsonArray | None:
    """A body whose schema is an array of objects (a W50 batch, a CheckMarket bulk import),
    checked as a whole without holding its elements at once (issue 20): its size against
    minItems/maxItems first (the W50 batch: 417, as the spec says; others: 400), then its
    elements a chunk at a time against the schema. The handler gets the elements one by one,
    each without undeclared members. An XML body is first read item by item into JSON text.
    None when the body is no such array (then it is read whole: a JSON body that is not an
    array or not UTF-8 text, an XML root with attributes, get the usual answers).
    """
    assert op.body_schema is not None
    document = sandbox.documents[op.api]
    item_schema = spec_module.item_schema_name(document, op.body_schema)
    if item_schema is None:
        return None
    if is_xml(body_type):
        text = sandbox.wires[op.api].array_text(op.body_schema, raw, ignored)
        if text is None:
            return None
    else:
        if raw[:3] == b"\xef\xbb\xbf" or b"\x00" in raw[:4]:
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return None
        if not is_array(text):
            return None
    body = JsonArray(text, sandbox.pruner(op.api, item_schema), constants=is_xml(body_type))
    node = spec_module.resolve(document, spec_module.schema(document, op.body_schema))
    low, high = node.get("minItems"), node.get("maxItems")
    validator = sandbox.validators[op.api]
    size = min(VALIDATION_CHUNK, int(high)) if high is not None else VALIDATION_CHUNK
    limit = sandbox.which50.batch_limit if op.operation_id == "uploadImportBatch" else None
    if high is not None:
        limit = int(high) if limit is None else min(limit, int(high))

    body_schema = op.body_schema

    def check(first: int, values: list[Any], chunk: str) -> None:
        try:
            if isinstance(validator, ModelValidator):
                validator.validate(body_schema, values, chunk.encode("utf-8"))
            else:
                validator.validate(body_schema, values)
        except ValidationFailed as exc:
            raise BadRequest(_validation_message(_shifted(exc, first))) from None
        if is_xml(media) and not is_xml(body_type):
            prune = sandbox.pruner(op.api, item_schema)
            refuse_text_xml_cannot_answer(sandbox, op, media, [prune(value) for value in values])

    # One pass counts the elements and checks them a chunk at a time; what the count decides
    # (the batch size, minItems/maxItems) is answered before a chunk's failure, as before.
    try:
        body.scan(size, check, limit)
    except ValueError as exc:
        raise BadRequest(f"The JSON body could not be read: {exc}") from None
    except RecursionError:
        raise BadRequest("The JSON body could not be read: it is nested too deeply.") from None
    if op.operation_id == "uploadImportBatch":
        sandbox.which50.check_batch_size(len(body))
    count = len(body)
    if low is not None and count < int(low):
        raise BadRequest(f"The request is invalid. $: must hold at least {low} items, not {count}.")
    if high is not None and count > int(high):
        raise BadRequest(f"The request is invalid. $: must hold at most {high} items, not {count}.")
    body.raise_failure()
    return body


_INDEX = re.compile(r"^\$\[(\d+)\]")


def _shifted(exc: ValidationFailed, first: int) -> ValidationFailed:
    """A chunk's error with its element's index in the whole body."""
    path = _INDEX.sub(lambda found: f"$[{int(found.group(1)) + first}]", exc.path)
    return ValidationFailed(path, exc.rule)


def refuse_text_xml_cannot_answer(sandbox: Sandbox, op: Operation, media: str, value: Any) -> None:
    """A JSON body holding text XML 1.0 cannot carry, sent by a client that reads XML only, is
    refused with 406 before anything is stored: its answer (or any later read of what it wrote)
    would have no XML form. Clients that accept JSON are not concerned."""
    assert op.body_schema is not None
    try:
        sandbox.wires[op.api].encode(media, op.body_schema, value)
    except XmlEncodeError as exc:
        raise NotAcceptable(
            f"The request body holds text XML 1.0 cannot carry ({exc}), so the answer cannot be "
            "written as XML; nothing was stored. Ask for application/json or text/json."
        ) from None


async def run_work(sandbox: Sandbox, op: Operation, work: Callable[[], T]) -> T:
    """Run a handler without ever blocking the event loop on the store.

    Writes always run in the thread pool. Reads (GET handlers only read) run on the loop: a
    thread hop costs them a fifth to a third of their rate. With a file database a read never
    waits for a write (it has a connection of its own), so it runs on the loop even while the
    background worker is in the middle of a long import step. An in-memory store's reads share
    the write lock: they run on the loop when the store is free, and in the thread pool when
    another thread holds it.
    """
    if op.threaded:
        return await run_in_threadpool(work)
    if sandbox.store.concurrent_reads:
        return work()
    if sandbox.store.acquire_if_free():
        try:
            return work()
        finally:
            sandbox.store.release()
    return await run_in_threadpool(work)


# -- W50 handlers -------------------------------------------------------------------------------
def w50_handlers(sandbox: Sandbox) -> dict[str, Handler]:
    w50 = sandbox.which50
    match_rule = list_item_rule("match", sandbox.documents["which50"])
    events_rule = list_item_rule("customevents", sandbox.documents["which50"])

    def match_args(call: Call, patch: bool) -> tuple[list[str], dict[str, str] | None, list[str]]:
        match = comma_list(call.request, "match", match_rule)
        events = comma_list(call.request, "customevents", events_rule)
        values = None
        if patch:
            values = {
                k: v
                for k, v in call.request.query_params.items()
                if k not in ("match", "customevents")
            }
        return match, values, events

    def list_contact_lists(call: Call) -> Result:
        return Result(w50.list_contact_lists(call.account), "ArrayOfContactsList")

    def list_fields(call: Call) -> Result:
        return Result(
            w50.list_fields(call.account, call.params["contactListId"]), "ArrayOfContactSchemaField"
        )

    def get_field(call: Call) -> Result:
        value = w50.get_field(call.account, call.params["contactListId"], call.params["fieldId"])
        return Result(value, "ContactSchemaField")

    def create_job(call: Call) -> Result:
        job = w50.create_job(call.account, call.params["contactListId"], call.body["FieldNames"])
        return Result(job, "ImportJob")

    def upload(call: Call) -> Result:
        job = w50.upload_batch(
            call.account, call.params["contactListId"], call.params["importJobId"], call.body
        )
        return Result(job, "ImportJob")

    def get_job(call: Call) -> Result:
        job = w50.get_job(call.account, call.params["contactListId"], call.params["importJobId"])
        return Result(job, "ImportJob")

    def run(patch: bool) -> Handler:
        def handler(call: Call) -> Result:
            match, values, events = match_args(call, patch)
            job = w50.run_job(
                call.account,
                call.params["contactListId"],
                call.params["importJobId"],
                match,
                values,
                events,
            )
            sandbox.worker.wake()
            return Result(job, "ImportJob")

        return handler

    def upsert(patch: bool) -> Handler:
        def handler(call: Call) -> Result:
            match, values, events = match_args(call, patch)
            contact, matched = w50.upsert_contact(
                call.account, call.params["contactListId"], call.body, match, values, events
            )
            headers = {"X-Updated-Count": str(matched)} if patch else {}
            return Result(contact, "Contact", headers=headers)

        return handler

    def get_contact(call: Call) -> Result:
        return Result(w50.get_contact(call.account, call.params["contactId"]), "Contact")

    return {
        "listContactLists": list_contact_lists,
        "listContactListFields": list_fields,
        "getContactListField": get_field,
        "createImportJob": create_job,
        "uploadImportBatch": upload,
        "getImportJob": get_job,
        "runImportJob": run(False),
        "runImportJobPut": run(False),
        "runImportJobPatch": run(True),
        "upsertContact": upsert(False),
        "upsertContactPut": upsert(False),
        "patchContacts": upsert(True),
        "getContact": get_contact,
    }


# -- CheckMarket handlers -----------------------------------------------------------------------
def cm_handlers(sandbox: Sandbox) -> dict[str, Handler]:
    cm = sandbox.checkmarket

    def ok(data: Any, schema: str, **meta: Any) -> Result:
        return Result({"Meta": cm_meta(200, **meta), "Data": data}, schema)

    def create(call: Call) -> Result:
        failure = cm.check_links(call.account, call.body)
        if failure is not None:
            return ok({"Succeeded": False, "FailureMessage": failure}, "CreateImportConfigPayload")
        config_id = cm.create_config(call.account, call.body)
        return ok({"ImportConfigId": config_id, "Succeeded": True}, "CreateImportConfigPayload")

    def list_configs(call: Call) -> Result:
        configs = cm.list_configs(call.account)
        return ok(configs, "ImportConfigListPayload", TotalRowCount=len(configs))

    def get_config(call: Call) -> Result:
        return ok(cm.get_config(call.account, call.params["importConfigId"]), "ImportConfigPayload")

    def update(call: Call) -> Result:
        """Body: full replace (``name`` wins over its Name); ``name`` alone: rename."""
        name = call.request.query_params.get("name")
        config_id = call.params["importConfigId"]
        if name is not None and not 1 <= len(name) <= 50:
            raise BadRequest("The request is invalid. name: must be 1 to 50 characters long.")
        cm.get_config(call.account, config_id)  # 404 before anything else
        if not call.has_body:
            if name is None:
                return ok(
                    {
                        "Succeeded": False,
                        "FailureMessage": "Send a body to replace the configuration, or the "
                        "name parameter to rename it.",
                    },
                    "ImportConfigActionPayload",
                )
            cm.rename_config(call.account, config_id, name)
            return ok({"Succeeded": True}, "ImportConfigActionPayload")
        config = dict(call.body)
        if name is not None:
            config["Name"] = name
        failure = cm.check_links(call.account, config)
        if failure is not None:
            return ok({"Succeeded": False, "FailureMessage": failure}, "ImportConfigActionPayload")
        cm.replace_config(call.account, config_id, config)
        return ok({"Succeeded": True}, "ImportConfigActionPayload")

    def delete(call: Call) -> Result:
        cm.delete_config(call.account, call.params["importConfigId"])
        return ok({"Succeeded": True}, "ImportConfigActionPayload")

    def bulk(call: Call) -> Result:
        item = cm.queue_import(call.account, call.params["importConfigId"], call.body)
        sandbox.worker.wake()
        return ok({"QueueItemId": item}, "BulkImportPayload")

    def result(call: Call) -> Result:
        value = cm.import_result(call.account, call.params["queueItemId"])
        if value["StatusId"] not in FINAL_STATUSES:
            value.pop("Result")  # "absent until the import has been processed"
        return ok(value, "ImportResultPayload")

    return {
        "createImportConfig": create,
        "listImportConfigs": list_configs,
        "getImportConfig": get_config,
        "updateImportConfig": update,
        "deleteImportConfig": delete,
        "bulkImportContacts": bulk,
        "getImportResult": result,
        "getImportResultLegacy": result,
    }


# -- building the app -----------------------------------------------------------------------
def operations(sandbox: Sandbox) -> list[Operation]:
    found = []
    handlers: dict[Api, dict[str, Handler]] = {
        "which50": w50_handlers(sandbox),
        "checkmarket": cm_handlers(sandbox),
    }
    for api, table in handlers.items():
        doc = sandbox.documents[api]
        for operation_id, handler in table.items():
            method, path, op = spec_module.operation(doc, operation_id)
            params = list(doc["paths"][path].get("parameters", [])) + list(op.get("parameters", []))
            path_params = []
            for param in params:
                param = spec_module.resolve(doc, param)
                if param.get("in") == "path":
                    kind = str(spec_module.resolve(doc, param.get("schema", {})).get("type"))
                    # One path item may serve two vendor paths that differ only by parameter
                    # name (`/3/contacts/import/{id}`): the handler reads the vendor's name.
                    key = str(param.get("x-vendor-name", param["name"]))
                    path_params.append((str(param["name"]), kind, key))
            body = op.get("requestBody")
            required = bool(spec_module.resolve(doc, body).get("required")) if body else False
            found.append(
                Operation(
                    api=api,
                    operation_id=operation_id,
                    method=method,
                    path=path,
                    handler=handler,
                    body_schema=spec_module.request_schema_name(doc, operation_id),
                    body_required=required,
                    path_params=tuple(path_params),
                    permission="read" if method == "GET" else "write",
                    roles=spec_module.required_roles(doc, operation_id),
                    threaded=method != "GET",
                )
            )
    return found


MAX_CONTACTS_PAGE = 10_000


def contacts_page(sandbox: Sandbox, list_id: int, after: int, limit: int) -> bytes:
    """One page of ``/_sandbox/which50/contact-lists/{id}/contacts`` as JSON bytes.

    The stored values are JSON already: they are copied into the page as they are, so a page of
    10,000 contacts costs one query and no decoding. One more row than asked is read to tell
    whether another page follows.
    """
    with sandbox.store.read() as conn:
        rows = conn.execute(
            "SELECT id, enc_id, values_json, warnings_json FROM w50_contacts "
            "WHERE list_id = ? AND id > ? ORDER BY id LIMIT ?",
            (list_id, after, limit + 1),
        ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    items = ",".join(
        f'{{"EncContactId":{json.dumps(enc_id)},"Values":{values},"ValidationWarnings":{warnings}}}'
        for _, enc_id, values, warnings in rows
    )
    following = json.dumps(rows[-1][0]) if more else "null"
    return f'{{"Contacts":[{items}],"Next":{following}}}'.encode()


def create_app(
    db: str | Path = MEMORY,
    fixtures: str | Path | Fixtures | None = None,
    options: SandboxOptions | None = None,
) -> Starlette:
    """The sandbox as an ASGI app. ``app.state.sandbox`` holds its state (store, worker, faults)."""
    sandbox = Sandbox(db, fixtures, options)
    # One route per path, so that a 405 lists every method of the path in Allow.
    by_path: dict[str, dict[str, _Endpoint]] = {}
    for op in operations(sandbox):
        prefix = W50_PREFIX if op.api == "which50" else CM_PREFIX
        by_path.setdefault(prefix + op.path, {})[op.method] = make_endpoint(sandbox, op)
    routes: list[Route] = [
        Route(path, _Dispatch(methods), methods=list(methods)) for path, methods in by_path.items()
    ]

    async def w50_spec(request: Request) -> Response:
        return JSONResponse(sandbox.documents["which50"])

    async def cm_spec(request: Request) -> Response:
        return JSONResponse(sandbox.documents["checkmarket"])

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "worker": sandbox.worker.running})

    async def faults(request: Request) -> Response:
        try:
            authenticate_admin(sandbox, request)
        except SandboxError as exc:
            return JSONResponse({"Message": exc.message}, status_code=exc.status)
        if request.method == "PUT":
            try:
                body = await read_body(request, sandbox.limits.max_body_bytes)
                settings = FaultSettings.from_json(json.loads(body))
            except BadRequest as exc:
                return JSONResponse({"Message": exc.message}, status_code=400)
            except ValueError as exc:
                return JSONResponse({"Message": f"Invalid fault settings: {exc}"}, status_code=400)
            sandbox.faults.configure(settings)
        elif request.method == "DELETE":
            sandbox.faults.configure(FaultSettings())
        return JSONResponse(sandbox.faults.settings.to_json())

    async def reset(request: Request) -> Response:
        try:
            authenticate_admin(sandbox, request)
        except SandboxError as exc:
            return JSONResponse({"Message": exc.message}, status_code=exc.status)
        await run_in_threadpool(sandbox.reset)
        return JSONResponse({"reset": True})

    async def admin(request: Request, work: Callable[[Any], Any]) -> Response:
        """A control endpoint: the admin key, the JSON body (if any), ``work(body)`` in the
        thread pool, its JSON answer; 400 with a Message for a body it refuses."""
        try:
            authenticate_admin(sandbox, request)
            body = None
            if request.method in ("PUT", "POST"):
                raw = await read_body(request, sandbox.limits.max_body_bytes)
                body = json.loads(raw) if raw.strip() else None
            result = await run_in_threadpool(work, body)
        except SandboxError as exc:
            return JSONResponse({"Message": exc.message}, status_code=exc.status)
        except (ValueError, FixturesError) as exc:  # a JSON syntax error is a ValueError too
            return JSONResponse({"Message": f"Invalid request: {exc}"}, status_code=400)
        return JSONResponse(result)

    async def clock(request: Request) -> Response:
        if request.method == "PUT":
            return await admin(request, sandbox.set_clock)
        return await admin(request, lambda _: sandbox.clock_state())

    def _seconds(body: Any) -> float:
        seconds = body.get("seconds") if isinstance(body, dict) else None
        if not isinstance(seconds, int | float) or isinstance(seconds, bool) or seconds < 0:
            raise BadRequest('The body is {"seconds": a number of seconds, 0 or more}.')
        return float(seconds)

    def _manual() -> None:
        if not sandbox.clock.manual:
            raise Conflict('The clock is real: PUT /_sandbox/clock {"mode": "manual"} first.')

    def _advance(body: Any) -> dict[str, Any]:
        seconds = _seconds(body)
        _manual()
        return sandbox.clock_state(sandbox.worker.advance(seconds))

    def _complete(body: Any) -> dict[str, Any]:
        _manual()
        return sandbox.clock_state(sandbox.worker.run_to_completion())

    async def clock_advance(request: Request) -> Response:
        return await admin(request, _advance)

    async def clock_complete(request: Request) -> Response:
        return await admin(request, _complete)

    def _fixtures(body: Any) -> dict[str, Any]:
        if body is not None:
            if not isinstance(body, dict):
                raise BadRequest("The body is a fixtures document (a JSON object).")
            sandbox.set_fixtures(body)
        if sandbox.fixtures_document is None:
            raise Conflict("This sandbox's fixtures were given as an object, not a document.")
        return sandbox.fixtures_document

    async def fixtures_endpoint(request: Request) -> Response:
        return await admin(request, _fixtures)

    def _contacts_body(body: Any) -> list[Any]:
        contacts = body.get("Contacts") if isinstance(body, dict) else None
        if not isinstance(contacts, list):
            raise BadRequest('The body is {"Contacts": [...]}.')
        return contacts

    def _cm_account(request: Request) -> CheckMarketAccount:
        wanted = request.query_params.get("account")
        for account in sandbox.fixtures.checkmarket_accounts:
            if wanted is None or account.id == wanted:
                return account
        raise NotFound(f"No CheckMarket account {wanted!r} in the fixtures.")

    async def cm_contacts(request: Request) -> Response:
        def work(body: Any) -> dict[str, Any]:
            account = _cm_account(request)
            if request.method == "POST":
                return {
                    "Contacts": sandbox.checkmarket.seed_contacts(account, _contacts_body(body))
                }
            return {"Contacts": sandbox.checkmarket.stored_contacts(account)}

        return await admin(request, work)

    def _page(request: Request) -> tuple[int, int]:
        """``after`` (a row id cursor, 0 to 2**63 - 1: SQLite's integer range) and ``limit``."""
        try:
            after = int(request.query_params.get("after", "0"))
            limit = int(request.query_params.get("limit", "1000"))
        except ValueError:
            raise BadRequest("after and limit must be integers.") from None
        if not 0 <= after < 2**63:
            raise BadRequest("after must be a cursor from a previous page (0 to 2**63 - 1).")
        if not 1 <= limit <= MAX_CONTACTS_PAGE:
            raise BadRequest(f"limit must be between 1 and {MAX_CONTACTS_PAGE}.")
        return after, limit

    async def custom_events(request: Request) -> Response:
        try:
            account = authenticate_w50(sandbox, request, "read")
            after, limit = _page(request)
        except SandboxError as exc:
            return JSONResponse({"Message": exc.message}, status_code=exc.status)
        events = await run_in_threadpool(sandbox.which50.custom_events_log, account, after, limit)
        return JSONResponse({"Events": events})

    async def list_contacts(request: Request) -> Response:
        """A W50 list's contacts in insertion order, a page at a time (GET), or contacts stored
        in it as they are (POST ``{"Contacts": [{"Values": {...}}]}``, with the admin key).

        Bearer token with read permission (the list must be the account's); ``after`` = the
        previous page's ``Next`` (absent: from the start), ``limit`` 1..10,000 (default 1,000).
        Answers ``{"Contacts": [{"EncContactId", "Values", "ValidationWarnings"}], "Next": cursor
        or null}``; ``Next`` is null on the last page.
        """
        if request.method == "POST":

            def seed(body: Any) -> dict[str, Any]:
                raw = request.path_params["list_id"]
                list_id = parse_path_param("contactListId", "integer", raw)
                return {"Contacts": sandbox.which50.seed_contacts(list_id, _contacts_body(body))}

            return await admin(request, seed)
        try:
            account = authenticate_w50(sandbox, request, "read")
            list_id = parse_path_param("contactListId", "integer", request.path_params["list_id"])
            sandbox.which50.contact_list(account, list_id, LIST_NOT_FOUND)
            after, limit = _page(request)
        except SandboxError as exc:
            return JSONResponse({"Message": exc.message}, status_code=exc.status)
        body = await run_in_threadpool(contacts_page, sandbox, list_id, after, limit)
        return Response(body, media_type="application/json")

    routes += [
        Route(f"{W50_PREFIX}/openapi.json", w50_spec, methods=["GET"]),
        Route("/3/openapi.json", cm_spec, methods=["GET"]),
        Route("/_sandbox/health", health, methods=["GET"]),
        Route("/_sandbox/faults", faults, methods=["GET", "PUT", "DELETE"]),
        Route("/_sandbox/reset", reset, methods=["POST"]),
        Route("/_sandbox/which50/custom-events", custom_events, methods=["GET"]),
        Route(
            "/_sandbox/which50/contact-lists/{list_id}/contacts",
            list_contacts,
            methods=["GET", "POST"],
        ),
        Route("/_sandbox/clock", clock, methods=["GET", "PUT"]),
        Route("/_sandbox/clock/advance", clock_advance, methods=["POST"]),
        Route("/_sandbox/clock/run-to-completion", clock_complete, methods=["POST"]),
        Route("/_sandbox/fixtures", fixtures_endpoint, methods=["GET", "PUT"]),
        Route("/_sandbox/checkmarket/contacts", cm_contacts, methods=["GET", "POST"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        sandbox.worker.start()
        try:
            yield
        finally:
            sandbox.worker.stop()

    # /docs: the documentation site, when built (docs_site.py says where it is looked for)
    app = Starlette(
        routes=[*routes, docs_site.mount()],
        lifespan=lifespan,
        middleware=[Middleware(ClientGone)],
    )
    app.state.sandbox = sandbox
    return app
