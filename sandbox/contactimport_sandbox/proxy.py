"""The validating proxy: in front of the real vendors, checking their traffic against our specs.

``create_proxy_app(upstreams)`` forwards every request under ``/Which50API`` to the W50 upstream
and under ``/3/`` to the CheckMarket upstream, unchanged, and returns the answer unchanged. Each
exchange is checked against the spec of its API: the operation is documented, the request body
has a documented media type and matches its schema (JSON, or DataContract XML through our codec),
the required parameters and the credential header are there; the response status is documented
for the operation, its media type too, its body matches the schema, and its required headers are
present. A violation is logged (operation, rule, a redacted excerpt; never a credential) and
listed at ``GET /_sandbox/violations`` (admin key; ``DELETE`` clears the list).

``record`` (a folder): every exchange is also written there as a cassette, one JSON file per
exchange, credentials redacted; ``create_replay_app(folder)`` answers from them (``replay.py``).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import logging
import re
import threading
import zlib
from collections.abc import AsyncIterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from . import spec as spec_module
from .paths import CM_PREFIX, W50_PREFIX
from .spec import Api
from .validation import SchemaValidator, ValidationFailed

log = logging.getLogger("contactimport_sandbox.proxy")

PREFIXES: dict[Api, str] = {"which50": W50_PREFIX, "checkmarket": CM_PREFIX}
ADMIN_HEADER = "X-Sandbox-Admin-Key"


def credential_headers(*documents: Mapping[str, Any]) -> frozenset[str]:
    """The headers that carry credentials, by the specs' securitySchemes (lower case): an http
    scheme's Authorization, an apiKey's named header."""
    names = set()
    for document in documents:
        for scheme in document.get("components", {}).get("securitySchemes", {}).values():
            if scheme.get("type") == "http":
                names.add("authorization")
            elif scheme.get("type") == "apiKey" and scheme.get("in") == "header":
                names.add(str(scheme["name"]).lower())
    return frozenset(names)


# Never logged, stored or recorded: their values are replaced by REDACTED. The specs' credential
# headers, and what may carry another secret whatever the specs say.
SECRET_HEADERS = credential_headers(
    spec_module.document("which50"), spec_module.document("checkmarket")
) | {"authorization", "proxy-authorization", "cookie", "set-cookie", ADMIN_HEADER.lower()}
REDACTED = "REDACTED"
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "host",
        "content-length",
    }
)
XML_MEDIA = ("application/xml", "text/xml")
JSON_MEDIA = ("application/json", "text/json")
EXCERPT_CHARS = 200
_EMAIL = re.compile(r"[^\s\"'<>@,;:]+@[^\s\"'<>@,;:]+")
_DIGITS = re.compile(r"\d{6,}")


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: (REDACTED if k.lower() in SECRET_HEADERS else v) for k, v in headers.items()}


def excerpt(body: bytes) -> str:
    """The start of a body for a log line: e-mail addresses and long digit runs (phone numbers,
    ids) replaced, at most EXCERPT_CHARS characters."""
    text = body[: EXCERPT_CHARS * 4].decode("utf-8", "replace")
    text = _DIGITS.sub("######", _EMAIL.sub("***@***", text))
    return text[:EXCERPT_CHARS]


@dataclass(frozen=True)
class Violation:
    sequence: int
    api: str
    operation: str  # the operationId, or "METHOD path" when the spec has none for it
    direction: str  # "request" or "response"
    rule: str
    detail: str
    excerpt: str
    time: str


@dataclass(frozen=True)
class Found:
    rule: str
    detail: str


class SpecChecker:
    """The checks of one API's exchanges against its spec document."""

    def __init__(self, api: Api, document: dict[str, Any] | None = None) -> None:
        self.api = api
        self.doc = document if document is not None else spec_module.document(api)
        self.validator = SchemaValidator(self.doc)
        self._codec: Any = None
        # (method, path pattern, how many templated segments, operationId, operation, params)
        self.routes: list[tuple[str, re.Pattern[str], int, str, dict[str, Any], list[Any]]] = []
        for path, item in self.doc["paths"].items():
            shared = list(item.get("parameters", []))
            pattern = re.compile(
                "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(str(path))) + "$"
            )
            for method, op in item.items():
                if isinstance(op, dict) and "operationId" in op:
                    params = [
                        spec_module.resolve(self.doc, p) for p in shared + op.get("parameters", [])
                    ]
                    self.routes.append(
                        (
                            method.upper(),
                            pattern,
                            str(path).count("{"),
                            str(op["operationId"]),
                            op,
                            params,
                        )
                    )

    def operation(self, method: str, path: str) -> tuple[str, dict[str, Any], list[Any]] | None:
        # Literal segments first: /import/result/{id} before /import/{configId}.
        matches = [
            (templated, op_id, op, params)
            for m, pattern, templated, op_id, op, params in self.routes
            if m == method and pattern.match(path)
        ]
        if not matches:
            return None
        _, op_id, op, params = min(matches, key=lambda found: found[0])
        return op_id, op, params

    def decode(self, media: str, schema_name: str, body: bytes) -> Any:
        if media in XML_MEDIA:
            if self._codec is None:
                from contactimport.datacontract import DataContractCodec

                self._codec = DataContractCodec.for_api(self.api)
            return self._codec.decode(schema_name, body)
        return json.loads(body)

    def _body(self, content: Mapping[str, Any], media: str, body: bytes, what: str) -> list[Found]:
        found: list[Found] = []
        if media not in content:
            documented = ", ".join(content) or "none"
            return [
                Found(f"{what}-media-type", f"{media or '(none)'} is not documented ({documented})")
            ]
        ref = content[media].get("schema", {}).get("$ref")
        if ref is None:
            return found
        schema_name = str(ref).rsplit("/", 1)[-1]
        try:
            value = self.decode(media, schema_name, body)
        except (ValueError, UnicodeDecodeError) as exc:
            return [Found(f"{what}-body-readable", f"{schema_name}: {exc}")]
        try:
            self.validator.validate(schema_name, value)
        except ValidationFailed as exc:
            found.append(Found(f"{what}-body-schema", f"{schema_name} {exc.path}: {exc.rule}"))
        return found

    def check_request(
        self,
        op: dict[str, Any],
        params: list[Any],
        query: Mapping[str, str],
        headers: Mapping[str, str],
        body: bytes,
    ) -> list[Found]:
        found: list[Found] = []
        lowered = {k.lower(): v for k, v in headers.items()}
        for param in params:
            where, name = param.get("in"), str(param.get("name"))
            if not param.get("required") or where == "path":
                continue
            present = name in query if where == "query" else name.lower() in lowered
            if not present:
                found.append(Found("required-parameter", f"{where} parameter {name} is missing"))
        for header in self._credential_headers(op):
            if header.lower() not in lowered:
                found.append(Found("credentials", f"the {header} header is missing"))
        request_body = op.get("requestBody")
        media = lowered.get("content-type", "").split(";")[0].strip().lower()
        if request_body is not None:
            request_body = spec_module.resolve(self.doc, request_body)
            if body:
                found += self._body(request_body.get("content", {}), media, body, "request")
            elif request_body.get("required"):
                found.append(Found("request-body-required", "the body is missing"))
        elif body:
            found.append(Found("request-body-undocumented", "the operation takes no body"))
        return found

    def _credential_headers(self, op: dict[str, Any]) -> list[str]:
        requirements = op.get("security", self.doc.get("security", []))
        if not requirements:
            return []
        schemes = self.doc.get("components", {}).get("securitySchemes", {})
        names: list[str] = []
        for name in requirements[0]:  # the first alternative is what our clients send
            scheme = schemes.get(name, {})
            if scheme.get("type") == "http":
                names.append("Authorization")
            elif scheme.get("type") == "apiKey" and scheme.get("in") == "header":
                names.append(str(scheme["name"]))
        return names

    def check_response(
        self, op: dict[str, Any], status: int, headers: Mapping[str, str], body: bytes
    ) -> list[Found]:
        responses = op.get("responses", {})
        documented = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX")
        if documented is None:
            documented = responses.get("default")
            if documented is None:
                listed = ", ".join(responses)
                return [Found("status-documented", f"{status} is not documented ({listed})")]
        documented = spec_module.resolve(self.doc, documented)
        found: list[Found] = []
        lowered = {k.lower(): v for k, v in headers.items()}
        for name, header in documented.get("headers", {}).items():
            header = spec_module.resolve(self.doc, header)
            if header.get("required") and name.lower() not in lowered:
                found.append(Found("response-header", f"the {name} header is missing"))
        content = documented.get("content", {})
        media = lowered.get("content-type", "").split(";")[0].strip().lower()
        if content and body:
            found += self._body(content, media, body, "response")
        elif content and not body:
            found.append(Found("response-body", f"{status} documents a body; there is none"))
        return found


def decoded_body(headers: Mapping[str, str], raw: bytes) -> bytes | None:
    """A response body as sent, decompressed for checking; None when its encoding is unknown."""
    encoding = {k.lower(): v for k, v in headers.items()}.get("content-encoding", "").lower()
    if encoding in ("", "identity"):
        return raw
    try:
        if encoding == "gzip":
            return gzip.decompress(raw)
        if encoding == "deflate":
            return zlib.decompress(raw)
    except (OSError, zlib.error):
        return None
    return None


@dataclass
class Violations:
    """The violations found so far (thread-safe)."""

    items: list[Violation] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, api: str, operation: str, direction: str, found: Found, body: bytes) -> None:
        with self.lock:
            violation = Violation(
                len(self.items) + 1,
                api,
                operation,
                direction,
                found.rule,
                found.detail,
                excerpt(body),
                datetime.now(UTC).isoformat(),
            )
            self.items.append(violation)
        log.warning(
            "spec violation %s %s %s [%s]: %s | %s",
            api,
            operation,
            direction,
            found.rule,
            found.detail,
            violation.excerpt,
        )

    def as_json(self) -> list[dict[str, Any]]:
        with self.lock:
            return [asdict(item) for item in self.items]

    def clear(self) -> None:
        with self.lock:
            self.items.clear()


class Recorder:
    """Writes each exchange to ``folder`` as ``NNNNN-operationId.json`` (credentials redacted)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.lock = threading.Lock()
        self.sequence = len(list(folder.glob("*.json")))

    def write(self, exchange: dict[str, Any], operation: str) -> Path:
        with self.lock:
            self.sequence += 1
            path = self.folder / f"{self.sequence:05d}-{_safe(operation)}.json"
        path.write_text(json.dumps(exchange, indent=2, ensure_ascii=False) + "\n", "utf-8")
        return path


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "exchange"


def body_record(body: bytes) -> dict[str, Any]:
    """A body in a cassette: its text when it is UTF-8, else base64."""
    import base64

    try:
        return {"text": body.decode("utf-8")}
    except UnicodeDecodeError:
        return {"base64": base64.b64encode(body).decode("ascii")}


def body_from_record(record: Mapping[str, Any]) -> bytes:
    import base64

    if "base64" in record:
        return base64.b64decode(record["base64"])
    return str(record.get("text", "")).encode("utf-8")


def create_proxy_app(
    upstreams: Mapping[str, str],
    admin_key: str | None = None,
    record: str | Path | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Starlette:
    """The proxy as an ASGI app. ``upstreams``: ``{"which50": base URL (…/Which50API),
    "checkmarket": base URL (the origin /3/... is under)}``, either or both.

    ``admin_key``: the header value ``/_sandbox/violations`` needs (default: the packaged
    fixtures' admin key). ``transport``: httpx's, to reach the upstreams (tests).
    """
    unknown = set(upstreams) - set(PREFIXES)
    if unknown or not upstreams:
        raise ValueError("upstreams are named which50 and/or checkmarket")
    if admin_key is None:
        from .fixtures import load_fixtures

        admin_key = load_fixtures().admin_key
    checkers = {api: SpecChecker(api) for api in upstreams}  # type: ignore[arg-type]
    violations = Violations()
    recorder = Recorder(Path(record)) if record is not None else None
    client = httpx.AsyncClient(transport=transport, timeout=120.0, follow_redirects=False)

    def route(path: str) -> tuple[str, str] | None:
        """(api, the path inside that API's spec) for a local path."""
        if "which50" in upstreams and (path == W50_PREFIX or path.startswith(W50_PREFIX + "/")):
            return "which50", path[len(W50_PREFIX) :] or "/"
        if "checkmarket" in upstreams and path.startswith("/3/"):
            return "checkmarket", path
        return None

    def upstream_url(api: str, inner: str) -> str:
        return upstreams[api].rstrip("/") + inner

    async def proxied(request: Request) -> Response:
        found = route(request.url.path)
        if found is None:
            return JSONResponse({"Message": "No upstream for this path."}, status_code=404)
        api, inner = found
        checker = checkers[api]
        body = await request.body()
        matched = checker.operation(request.method, inner)
        operation = matched[0] if matched else f"{request.method} {inner}"
        headers = [(k, v) for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP]
        if matched is None:
            violations.add(
                api, operation, "request", Found("operation-documented", "no such operation"), b""
            )
        else:
            query = dict(request.query_params)
            for problem in checker.check_request(
                matched[1], matched[2], query, dict(request.headers), body
            ):
                violations.add(api, operation, "request", problem, body)
        target = upstream_url(api, inner)
        if request.url.query:
            target += "?" + request.url.query  # as sent, not parsed and encoded again
        outgoing = client.build_request(request.method, target, headers=headers, content=body)
        try:
            answer = await client.send(outgoing, stream=True)
            try:
                raw = b"".join([part async for part in answer.aiter_raw()])
            finally:
                await answer.aclose()
        except httpx.HTTPError as exc:
            violations.add(
                api, operation, "response", Found("upstream-answered", type(exc).__name__), b""
            )
            return JSONResponse({"Message": "The upstream did not answer."}, status_code=502)
        answer_headers = [
            (k, v) for k, v in answer.headers.multi_items() if k.lower() not in HOP_BY_HOP
        ]
        plain = decoded_body(answer.headers, raw)
        if matched is not None and plain is not None:
            for problem in checker.check_response(
                matched[1], answer.status_code, answer.headers, plain
            ):
                violations.add(api, operation, "response", problem, plain)
        if recorder is not None:
            recorder.write(
                {
                    "api": api,
                    "operation": operation,
                    "request": {
                        "method": request.method,
                        "path": request.url.path,
                        "query": request.url.query,
                        "headers": redact_headers(dict(request.headers)),
                        "body": body_record(body),
                    },
                    "response": {
                        "status": answer.status_code,
                        "headers": redact_headers(
                            {k: v for k, v in answer_headers if k.lower() != "content-encoding"}
                        ),
                        "body": body_record(plain if plain is not None else raw),
                    },
                },
                operation,
            )
        response = Response(raw, status_code=answer.status_code)
        response.raw_headers = [
            (k.encode("latin-1"), v.encode("latin-1")) for k, v in answer_headers
        ] + [(b"content-length", str(len(raw)).encode())]
        return response

    def admin(request: Request) -> Response | None:
        given = request.headers.get(ADMIN_HEADER)
        if not given:
            return JSONResponse({"Message": f"The {ADMIN_HEADER} header is needed."}, 401)
        import hmac

        if not hmac.compare_digest(given.encode(), str(admin_key).encode()):
            return JSONResponse({"Message": f"The {ADMIN_HEADER} header is wrong."}, 403)
        return None

    async def list_violations(request: Request) -> Response:
        refused = admin(request)
        if refused is not None:
            return refused
        if request.method == "DELETE":
            violations.clear()
        return JSONResponse({"Violations": violations.as_json()})

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "proxy": sorted(upstreams)})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await client.aclose()

    methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
    app = Starlette(
        routes=[
            Route("/_sandbox/violations", list_violations, methods=["GET", "DELETE"]),
            Route("/_sandbox/health", health, methods=["GET"]),
            Route("/{path:path}", proxied, methods=methods),
        ],
        lifespan=lifespan,
    )
    app.state.violations = violations
    return app
