"""The endpoint of each operation: faults, negotiation, authentication, the body (read, counted,
validated a chunk at a time), the handler (writes in the thread pool, in one transaction with
their answer) and the error answers."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from contactimport.datacontract import XmlEncodeError
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from . import spec as spec_module
from .answers import INTERNAL_ERROR, error_response, fault_response
from .arrays import JsonArray, is_array
from .auth import authenticate_cm, authenticate_w50
from .bodies import BodySlot, blank, read_body
from .disconnects import drop_connection, forget_frames
from .errors import BadRequest, NotAcceptable, SandboxError, ServiceUnavailable
from .memory import release_free_memory
from .operations import Call, Operation, Result, parse_path_param
from .state import Sandbox
from .validation import ModelValidator, ValidationFailed
from .wire import body_media, is_xml, negotiate

log = logging.getLogger("contactimport_sandbox")


VALIDATION_CHUNK = 1000  # elements of an array body validated at a time

T = TypeVar("T")


def _validation_message(exc: ValidationFailed) -> str:
    return f"The request is invalid. {exc.path}: {exc.rule}."


class Endpoint:
    """A raw ASGI endpoint (Starlette calls class instances with scope, receive, send)."""

    def __init__(self, run: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.run = run

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.run(scope, receive, send)


class Dispatch:
    """The endpoints of one path, by method (HEAD is served as GET)."""

    def __init__(self, endpoints: dict[str, Endpoint]) -> None:
        self.endpoints = endpoints

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = "GET" if scope["method"] == "HEAD" else scope["method"]
        await self.endpoints[method](scope, receive, send)


def make_endpoint(sandbox: Sandbox, op: Operation) -> Endpoint:
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
                    await drop_connection(send)
                    return
                media = negotiate(request.headers.get("accept"))
                if fault is not None and fault.kind != "lost_answer":
                    response = fault_response(sandbox, op.api, media, fault)
                else:
                    response = await handle(sandbox, op, request, media, slot, ignored)
                    if answer_latency := sandbox.faults.answer_latency(op.operation_id):
                        await asyncio.sleep(answer_latency)
                    if fault is not None:  # processed, and now its answer is lost
                        await drop_connection(send)
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

    return Endpoint(endpoint)


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
