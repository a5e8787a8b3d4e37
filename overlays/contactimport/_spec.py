"""The one reader of the spec for the hand-written layer: the documents, `$ref`s, operations,
limits, servers, security schemes and status values (`x-status-values`, re-exported by
`workflows.states`; the sandbox reads them here too). The wire formats: `_wireformats`, which
follows `$ref`s through here.

The documents come from `contactimport.generated.spec`, looked up at each call so a test may patch
them; what is derived from them is read once per API (`cache_clear()` reads it again). Functions
that take a `document` let a caller (a test) give another one. Nothing here imports another part
of the layer, nor anything outside the standard library: the spec reader sits at the bottom
(tests/test_layers.py), and the scripts, which run before the package is installed and while
generated/ is rewritten, load this file by its path (scripts/spec_reader.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Final, Literal

__all__ = [
    "APIS",
    "HTTP_METHODS",
    "OUTCOMES",
    "REPLAY_SAFE_METHODS",
    "SAFE_METHODS",
    "STAGES",
    "ApiName",
    "OperationSpec",
    "Outcome",
    "Stage",
    "StatusValue",
    "StatusValues",
    "document",
    "find_operation",
    "follow",
    "operation_parameters",
    "operation_specs",
    "operations",
    "request_body_max_items",
    "resolve",
    "schema_name",
    "security_schemes",
    "server_urls",
    "status_values",
]

ApiName = Literal["which50", "checkmarket"]
"""The two vendor APIs, by the name of their spec (spec/<name>.openapi.yaml)."""
APIS: Final[tuple[ApiName, ...]] = ("which50", "checkmarket")

HTTP_METHODS: Final = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
REPLAY_SAFE_METHODS: Final = SAFE_METHODS | {"DELETE"}
"""Methods replayed when the spec gives an operation no `x-replay-safe` (and the transport's rule
for an unmarked request). Not PUT: in these APIs a PUT runs an import job or upserts contacts
(W50), which a repeat would do twice."""

_MEDIA_TYPES: Final = ("application/json", "text/json", "application/xml", "text/xml")
_MAX_REFS: Final = 32


def document(api: ApiName, given: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    """``given`` when there is one, else the API's spec as `contactimport.generated.spec` holds it
    (a fresh copy, looked up at each call so a test may patch the documents)."""
    if given is not None:
        return given
    try:
        import contactimport.generated.spec
    except ImportError as error:  # pragma: no cover - the package ships with contactimport
        raise ImportError(
            "contactimport needs the generated package contactimport.generated.spec; "
            "run `nox -s generate`"
        ) from error
    return contactimport.generated.spec.document(api)


def follow(document: Mapping[str, Any], reference: str) -> Any:
    """The node a local ``$ref`` (``#/components/schemas/X``) points at."""
    if not reference.startswith("#/"):
        raise ValueError(f"only local $refs are supported, got {reference!r}")
    target: Any = document
    for part in reference[2:].split("/"):
        key = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(target, Mapping) or key not in target:
            raise KeyError(f"$ref {reference!r} does not resolve")
        target = target[key]
    return target


def resolve(document: Mapping[str, Any], node: Any) -> Any:
    """Follow local ``$ref``s until a node without one (a cycle or a chain over 32 is an error)."""
    for _ in range(_MAX_REFS):
        reference = node.get("$ref") if isinstance(node, Mapping) else None
        if not isinstance(reference, str):
            return node
        node = follow(document, reference)
    raise ValueError(f"cannot resolve $ref {node!r}: the chain is too long or a cycle")


def schema_name(content: Any) -> str | None:
    """The component schema name behind a `content` map's JSON (or XML) media type."""
    if not isinstance(content, Mapping):
        return None
    for media in _MEDIA_TYPES:
        entry = content.get(media)
        schema = entry.get("schema") if isinstance(entry, Mapping) else None
        reference = schema.get("$ref") if isinstance(schema, Mapping) else None
        if isinstance(reference, str) and reference.startswith("#/components/schemas/"):
            return reference.rsplit("/", 1)[-1]
    return None


def operations(document: Mapping[str, Any]) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    """(method, path, operation) for every operation, in document order (the methods of a path
    in `HTTP_METHODS` order); what is not an object is passed over."""
    for path, path_item in (document.get("paths") or {}).items():
        if isinstance(path_item, Mapping):
            for method in HTTP_METHODS:
                operation = path_item.get(method)
                if isinstance(operation, Mapping):
                    yield method, path, operation


def operation_parameters(
    document: Mapping[str, Any], path: str, operation: Mapping[str, Any]
) -> list[Any]:
    """An operation's parameters, resolved: its path's (but those it overrides by name and
    location), then its own."""
    own = [resolve(document, p) for p in operation.get("parameters") or []]
    overridden = {(p.get("name"), p.get("in")) for p in own if isinstance(p, Mapping)}
    shared = [resolve(document, p) for p in document["paths"][path].get("parameters") or []]
    kept = [
        p
        for p in shared
        if not isinstance(p, Mapping) or (p.get("name"), p.get("in")) not in overridden
    ]
    return kept + own


def find_operation(document: Mapping[str, Any], operation_id: str) -> Mapping[str, Any]:
    """The operation object whose ``operationId`` is ``operation_id`` (found by id: its path may
    change, its id does not)."""
    for _method, _path, operation in operations(document):
        if operation.get("operationId") == operation_id:
            return operation
    raise KeyError(f"the spec has no operation {operation_id!r}")


def request_body_max_items(document: Mapping[str, Any], operation_id: str) -> int | None:
    """``maxItems`` of an operation's JSON array request body (None when the spec sets none)."""
    operation = find_operation(document, operation_id)
    body = resolve(document, operation.get("requestBody", {}))
    content = body.get("content", {})
    media = content.get("application/json") or next(iter(content.values()), None)
    if media is None:
        raise KeyError(f"operation {operation_id!r} has no request body")
    schema = resolve(document, media.get("schema", {}))
    maximum = schema.get("maxItems")
    return int(maximum) if maximum is not None else None


@dataclass(frozen=True)
class OperationSpec:
    """What the spec says about one operation, as far as the clients need it."""

    api: ApiName
    operation_id: str
    method: str
    path: str
    request_schema: str | None
    """Component schema name of the request body (None: no body)."""
    response_schema: str | None
    """Component schema name of the 200 response body."""
    request_max_items: int | None
    """`maxItems` of an array request body (the W50 batch limit)."""
    query_names: frozenset[str]
    """Names of the query parameters on the wire (an exploded free-form object parameter, such
    as W50 `matchValues`, puts its keys there instead of its name, so it is left out)."""
    request_min_items: int | None = None
    """`minItems` of an array request body (a W50 batch holds at least one contact)."""
    replay_rule: Any = None
    """The spec's `x-replay-safe`: True/False, `{requires: [...], forbids: [...]}` on the spec
    names of the parameters, or None (judged by the method)."""
    failure: tuple[str, str | None] | None = None
    """(member, message member) of the answer's `x-failure`: a result whose member is false was
    not carried out (CheckMarket `Succeeded`)."""
    envelope: str | None = None
    """The member of the answer's `x-envelope` (CheckMarket `Data`), else None."""

    def replay_safe(self, arguments: Mapping[str, Any]) -> bool:
        """Whether sending this request again cannot change the outcome, by the spec's rule."""
        rule = self.replay_rule
        if isinstance(rule, bool):
            return rule
        if isinstance(rule, Mapping):

            def given(name: str) -> bool:  # None, UNSET (falsy) and empty lists are not given
                return bool(arguments.get(name))

            return all(given(n) for n in rule.get("requires", ())) and not any(
                given(n) for n in rule.get("forbids", ())
            )
        return self.method in REPLAY_SAFE_METHODS


@lru_cache(maxsize=2)
def operation_specs(api: ApiName) -> Mapping[str, OperationSpec]:
    """Every operation of the API's spec, by operationId (read once per API)."""
    spec = document(api)
    specs: dict[str, OperationSpec] = {}
    for path, path_item in spec.get("paths", {}).items():
        for method, operation in path_item.items():
            if method not in HTTP_METHODS:
                continue
            parameters = operation_parameters(spec, path, operation)
            body = resolve(spec, operation.get("requestBody", {}))
            request_schema = schema_name(body.get("content"))
            max_items: int | None = None
            min_items: int | None = None
            if request_schema is not None:
                schema = spec["components"]["schemas"].get(request_schema, {})
                if isinstance(schema.get("maxItems"), int):
                    max_items = schema["maxItems"]
                if isinstance(schema.get("minItems"), int):
                    min_items = schema["minItems"]
            ok = resolve(spec, operation.get("responses", {}).get("200", {}))
            response_schema = schema_name(ok.get("content"))
            envelope, failure = _answer_facts(spec, response_schema)
            specs[operation["operationId"]] = OperationSpec(
                api=api,
                operation_id=operation["operationId"],
                method=method.upper(),
                path=path,
                request_schema=request_schema,
                response_schema=response_schema,
                request_max_items=max_items,
                query_names=frozenset(
                    p["name"] for p in parameters if _is_named_query_parameter(p)
                ),
                request_min_items=min_items,
                replay_rule=operation.get("x-replay-safe"),
                failure=failure,
                envelope=envelope,
            )
    return specs


def _answer_facts(
    spec: Mapping[str, Any], response_schema: str | None
) -> tuple[str | None, tuple[str, str | None] | None]:
    """(`x-envelope` member, `x-failure` (member, message)) of a 200 answer's schema; the
    failure is read from the envelope's member schema when there is an envelope."""
    if response_schema is None:
        return None, None
    schemas = spec.get("components", {}).get("schemas", {})
    schema = schemas.get(response_schema, {})
    envelope = schema.get("x-envelope")
    target = schema
    if isinstance(envelope, str):
        member = resolve(spec, schema.get("properties", {}).get(envelope, {}))
        all_of = member.get("allOf") if isinstance(member, Mapping) else None
        if isinstance(all_of, list) and len(all_of) == 1:
            member = resolve(spec, all_of[0])
        target = member if isinstance(member, Mapping) else {}
    failure = target.get("x-failure")
    if isinstance(failure, Mapping) and isinstance(failure.get("member"), str):
        message = failure.get("message")
        return (
            envelope if isinstance(envelope, str) else None,
            (failure["member"], message if isinstance(message, str) else None),
        )
    return (envelope if isinstance(envelope, str) else None), None


def _is_named_query_parameter(parameter: Any) -> bool:
    if not isinstance(parameter, Mapping) or parameter.get("in") != "query":
        return False
    schema = parameter.get("schema")
    free_form = isinstance(schema, Mapping) and schema.get("type") == "object"
    return isinstance(parameter.get("name"), str) and not (
        free_form and parameter.get("explode", True)
    )


@lru_cache(maxsize=2)
def server_urls(api: ApiName) -> tuple[tuple[str, Mapping[str, Any]], ...]:
    """The spec's `servers`, in order: (url without trailing slash, the server object); read
    once per API."""
    return tuple(
        (server["url"].rstrip("/"), MappingProxyType(server))
        for server in document(api).get("servers", [])
    )


@lru_cache(maxsize=2)
def security_schemes(api: ApiName) -> Mapping[str, Mapping[str, Any]]:
    """The spec's `components.securitySchemes` by name; read once per API."""
    schemes = document(api).get("components", {}).get("securitySchemes", {})
    return MappingProxyType({name: MappingProxyType(s) for name, s in schemes.items()})


# -- status values (x-status-values; docs/spec-conventions.md, workflows/states.py) ----------
Stage = Literal["open", "in-progress", "final"]
Outcome = Literal["succeeded", "failed"]
STAGES: Final[tuple[Stage, ...]] = ("open", "in-progress", "final")
OUTCOMES: Final[tuple[Outcome, ...]] = ("succeeded", "failed")


@dataclass(frozen=True)
class StatusValue:
    """One ``x-status-values`` item."""

    value: str | int
    meaning: str
    stage: Stage
    outcome: Outcome | None = None


@dataclass(frozen=True)
class StatusValues:
    """A property's ``x-status-values`` in spec order, with the sets a client decides by."""

    items: tuple[StatusValue, ...]

    def _where(self, stage: Stage, outcome: Outcome | None = None) -> frozenset[str | int]:
        return frozenset(
            item.value
            for item in self.items
            if item.stage == stage and (outcome is None or item.outcome == outcome)
        )

    @property
    def open(self) -> frozenset[str | int]:
        """Not started: takes input and can be started."""
        return self._where("open")

    @property
    def in_progress(self) -> frozenset[str | int]:
        """The values of an import still in progress."""
        return self._where("in-progress")

    @property
    def final(self) -> frozenset[str | int]:
        """The values that end an import (succeeded or failed)."""
        return self._where("final")

    @property
    def started(self) -> frozenset[str | int]:
        """In progress or final: the start (W50: the run request) has taken effect."""
        return self.in_progress | self.final

    @property
    def succeeded(self) -> frozenset[str | int]:
        """The values that end an import as succeeded."""
        return self._where("final", "succeeded")

    @property
    def failed(self) -> frozenset[str | int]:
        """The values that end an import as failed."""
        return self._where("final", "failed")

    def meanings(self) -> dict[str | int, str]:
        """``{value: meaning}`` in spec order."""
        return {item.value: item.meaning for item in self.items}


def status_values(
    document: Mapping[str, Any], schema_name: str, property_name: str
) -> StatusValues:
    """The checked ``x-status-values`` of ``components/schemas/<schema_name>.<property_name>``.

    A missing or malformed list raises ``ValueError`` naming the item and the rule, so a broken
    spec fails when a workflow starts, never halfway through an import.
    """
    where = f"components/schemas/{schema_name}/properties/{property_name}/x-status-values"
    try:
        schema = resolve(document, document["components"]["schemas"][schema_name])
        raw = schema["properties"][property_name]
        listed = raw["x-status-values"]
    except (KeyError, TypeError):
        raise ValueError(f"{where}: the spec does not list the states") from None
    if not isinstance(listed, list) or not listed:
        raise ValueError(f"{where}: must be a non-empty list")
    items: list[StatusValue] = []
    for index, entry in enumerate(listed):
        items.append(_item(entry, f"{where}[{index}]"))
    values = [item.value for item in items]
    if len(set(values)) != len(values):
        raise ValueError(f"{where}: a value is listed twice")
    return StatusValues(tuple(items))


def _item(entry: Any, where: str) -> StatusValue:
    if not isinstance(entry, Mapping):
        raise ValueError(f"{where}: must be a {{value, meaning, stage, outcome}} map")
    value = entry.get("value")
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise ValueError(f"{where}: value must be a string or an integer, not {value!r}")
    stage = entry.get("stage")
    if stage not in STAGES:
        raise ValueError(f"{where}: stage must be one of {', '.join(STAGES)}, not {stage!r}")
    outcome = entry.get("outcome")
    if stage == "final" and outcome not in OUTCOMES:
        raise ValueError(
            f"{where}: a final state needs outcome {' or '.join(OUTCOMES)}, not {outcome!r}"
        )
    if stage != "final" and outcome is not None:
        raise ValueError(f"{where}: outcome is only for final states (stage {stage!r})")
    return StatusValue(value, str(entry.get("meaning", "")), stage, outcome)
