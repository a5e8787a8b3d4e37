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

The pieces, one concept a module: ``state`` (the Sandbox and its options), ``endpoints`` (one
operation's request to answer), ``bodies`` (reading request bodies within their limits),
``auth``, ``answers`` (error bodies), ``disconnects``, ``operations`` (what a handler gets and
gives), ``w50_handlers`` and ``checkmarket_handlers`` (the operations of each API) and
``control`` (the routes outside both APIs); this module puts them together.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route

from . import docs_site
from . import spec as spec_module
from .checkmarket_handlers import cm_handlers
from .control import control_routes
from .disconnects import ClientGone
from .endpoints import Dispatch, Endpoint, make_endpoint
from .fixtures import Fixtures
from .operations import Handler, Operation
from .paths import CM_PREFIX, W50_PREFIX
from .spec import Api
from .state import Sandbox, SandboxOptions
from .store import MEMORY
from .w50_handlers import w50_handlers

__all__ = ["Sandbox", "SandboxOptions", "create_app", "operations"]


def operations(sandbox: Sandbox) -> list[Operation]:
    """Every operation both APIs serve: its method and path from the spec, and its handler."""
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


def create_app(
    db: str | Path = MEMORY,
    fixtures: str | Path | Fixtures | None = None,
    options: SandboxOptions | None = None,
) -> Starlette:
    """The sandbox as an ASGI app. ``app.state.sandbox`` holds its state (store, worker, faults)."""
    sandbox = Sandbox(db, fixtures, options)
    # One route per path, so that a 405 lists every method of the path in Allow.
    by_path: dict[str, dict[str, Endpoint]] = {}
    for op in operations(sandbox):
        prefix = W50_PREFIX if op.api == "which50" else CM_PREFIX
        by_path.setdefault(prefix + op.path, {})[op.method] = make_endpoint(sandbox, op)
    routes: list[Route] = [
        Route(path, Dispatch(methods), methods=list(methods)) for path, methods in by_path.items()
    ]
    routes += control_routes(sandbox)

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
