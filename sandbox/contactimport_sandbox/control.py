"""The routes outside both vendor APIs: the specs, ``/_sandbox/health`` and the control endpoints
(faults, reset, clock, fixtures, seeding and reading contacts, custom events); see the app
module for the list."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .auth import authenticate_admin, authenticate_w50
from .bodies import read_body
from .errors import BadRequest, Conflict, NotFound, SandboxError
from .faults import FaultSettings
from .fixtures import CheckMarketAccount, FixturesError
from .operations import parse_path_param
from .paths import W50_PREFIX
from .state import Sandbox
from .w50 import LIST_NOT_FOUND

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


def control_routes(sandbox: Sandbox) -> list[Route]:
    """The routes outside both vendor APIs: their specs, health, and the sandbox's control
    endpoints (see the app module)."""

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

    return [
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
