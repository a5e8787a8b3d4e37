"""What the sandbox knows about each API, read from the spec document at run time.

The documents come from the generated ``contactimport.generated.spec`` package. In a source
checkout where it has not been generated yet, the YAML under ``spec/`` is read instead (needs
PyYAML).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contactimport import _spec
from contactimport._spec import ApiName, StatusValue

Api = ApiName
"""The two APIs (`contactimport._spec.ApiName`)."""

_SPEC_FILES = {"which50": "which50.openapi.yaml", "checkmarket": "checkmarket.openapi.yaml"}


@functools.cache
def document(api: Api) -> dict[str, Any]:
    """The parsed OpenAPI document of ``api``."""
    try:
        return dict(_spec.document(api))
    except ImportError:
        return _document_from_checkout(api)


def _document_from_checkout(api: Api) -> dict[str, Any]:
    root = Path(__file__).resolve().parents[2]
    path = root / "spec" / _SPEC_FILES[api]
    try:
        import yaml
    except ImportError:  # pragma: no cover - only without the generated package and PyYAML
        raise RuntimeError(
            "neither the generated contactimport.generated.spec package nor PyYAML is available "
            f"to read {path}"
        ) from None
    with path.open("rb") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    # JSON round trip: the same types the generated package gives (no YAML dates).
    result: dict[str, Any] = json.loads(json.dumps(loaded, default=str))
    return result


def resolve(doc: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref`` (local refs only) until a schema body (`contactimport._spec.resolve`)."""
    resolved: dict[str, Any] = _spec.resolve(doc, node)
    return resolved


def schema(doc: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = doc["components"]["schemas"][name]
    return found


def operation(doc: dict[str, Any], operation_id: str) -> tuple[str, str, dict[str, Any]]:
    """(method, path, operation object) of an operationId."""
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return method.upper(), str(path), op
    raise KeyError(f"operationId {operation_id!r} is not in the document")


def request_schema_name(doc: dict[str, Any], operation_id: str) -> str | None:
    """The components/schemas name of an operation's JSON request body, if it has one."""
    _, _, op = operation(doc, operation_id)
    body = op.get("requestBody")
    if body is None:
        return None
    body = resolve(doc, body)
    media = body.get("content", {}).get("application/json", {})
    ref = media.get("schema", {}).get("$ref")
    return None if ref is None else str(ref).rsplit("/", 1)[-1]


def batch_bounds(doc: dict[str, Any]) -> tuple[int, int]:
    """(fewest, most) contacts one uploadImportBatch request may carry (minItems, maxItems)."""
    name = request_schema_name(doc, "uploadImportBatch")
    if name is None:
        raise KeyError("uploadImportBatch has no JSON request body in the document")
    body = resolve(doc, schema(doc, name))
    return int(body.get("minItems", 0)), int(body["maxItems"])


def max_items(doc: dict[str, Any], schema_name: str) -> int | None:
    """``maxItems`` of an array schema of ``components/schemas`` (None when it sets none)."""
    body = resolve(doc, schema(doc, schema_name))
    found = body.get("maxItems")
    return None if found is None else int(found)


def item_schema_name(doc: dict[str, Any], schema_name: str) -> str | None:
    """The ``components/schemas`` name of an array schema's items (None: not such an array)."""
    body = resolve(doc, schema(doc, schema_name))
    ref = body.get("items", {}).get("$ref") if body.get("type") == "array" else None
    return None if ref is None else str(ref).rsplit("/", 1)[-1]


@dataclass(frozen=True)
class RequestLimits:
    """``info.x-request-limits``: what one request body may weigh and how many large bodies are
    handled at once (assumption request-limits)."""

    max_body_bytes: int
    large_body_bytes: int
    concurrent_large_bodies: int
    retry_after_seconds: int


_LIMIT_NAMES = {
    "maxBodyBytes": "max_body_bytes",
    "largeBodyBytes": "large_body_bytes",
    "concurrentLargeBodies": "concurrent_large_bodies",
    "retryAfterSeconds": "retry_after_seconds",
}


def request_limits(doc: dict[str, Any]) -> RequestLimits:
    """``info.x-request-limits``, checked: each member a positive integer (``ValueError`` naming
    the member otherwise)."""
    listed = doc.get("info", {}).get("x-request-limits")
    if not isinstance(listed, dict):
        raise ValueError("info.x-request-limits: must be a map (docs/spec-conventions.md)")
    values: dict[str, int] = {}
    for name, attribute in _LIMIT_NAMES.items():
        value = listed.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(
                f"info.x-request-limits.{name}: must be a positive integer, not {value!r}"
            )
        values[attribute] = value
    return RequestLimits(**values)


def shared_request_limits(documents: dict[Api, dict[str, Any]]) -> RequestLimits:
    """The one ``info.x-request-limits`` of both documents (one server, one set of large-body
    slots): ``ValueError`` when they differ."""
    found = {api: request_limits(doc) for api, doc in documents.items()}
    if len(set(found.values())) != 1:
        raise ValueError(f"info.x-request-limits differ between the documents: {found}")
    return next(iter(found.values()))


@dataclass(frozen=True)
class States:
    """A property's ``x-status-values``: each state's value, meaning, stage and outcome.

    The server picks the states it writes by name (``by_value``/``by_meaning``), each checked to
    have the stage the server gives it, and decides by the stages (``in_stage``).
    """

    where: str
    items: tuple[StatusValue, ...]

    def _find(self, found: list[StatusValue], name: Any, stage: str, outcome: str | None) -> Any:
        if len(found) != 1:
            raise ValueError(f"{self.where}: the sandbox needs exactly one state {name!r}")
        item = found[0]
        if (item.stage, item.outcome) != (stage, outcome):
            raise ValueError(
                f"{self.where}: the sandbox writes {name!r} as stage {_staged(stage, outcome)}, "
                f"the spec gives it stage {_staged(item.stage, item.outcome)}"
            )
        return item.value

    def by_value(self, value: Any, stage: str, outcome: str | None = None) -> Any:
        """The state ``value``, checked to be listed with ``stage`` (and ``outcome``)."""
        return self._find([i for i in self.items if i.value == value], value, stage, outcome)

    def by_meaning(self, meaning: str, stage: str, outcome: str | None = None) -> Any:
        """The value of the state meaning ``meaning`` (CheckMarket: "Completed" → 4), checked."""
        found = [i for i in self.items if i.meaning == meaning]
        return self._find(found, meaning, stage, outcome)

    def in_stage(self, stage: str, outcome: str | None = None) -> tuple[Any, ...]:
        """The values of the states in ``stage`` (with ``outcome`` when given), in spec order."""
        return tuple(
            item.value
            for item in self.items
            if item.stage == stage and (outcome is None or item.outcome == outcome)
        )


def _staged(stage: str, outcome: str | None) -> str:
    return stage if outcome is None else f"{stage} ({outcome})"


def status_values(doc: dict[str, Any], schema_name: str, property_name: str) -> States:
    """A property's ``x-status-values``, checked by the clients' own reader
    (`contactimport._spec.status_values`): ``ValueError`` naming the item otherwise."""
    where = f"{schema_name}.{property_name} x-status-values"
    return States(where, _spec.status_values(doc, schema_name, property_name).items)


def enum_members(doc: dict[str, Any], schema_name: str) -> dict[str, Any]:
    """``{name: value}`` of an enum schema, named by its ``x-enum-varnames``."""
    body = resolve(doc, schema(doc, schema_name))
    return dict(zip(body["x-enum-varnames"], body["enum"], strict=True))


def required_roles(doc: dict[str, Any], operation_id: str) -> tuple[str, ...]:
    _, _, op = operation(doc, operation_id)
    return tuple(str(role) for role in op.get("x-required-roles", []))


def property_defaults(doc: dict[str, Any], schema_name: str) -> dict[str, Any]:
    """``default`` of every property of a schema that declares one."""
    body = resolve(doc, schema(doc, schema_name))
    defaults: dict[str, Any] = {}
    for name, prop in body.get("properties", {}).items():
        prop_schema = prop
        if "default" not in prop_schema and "allOf" in prop_schema:
            for part in prop_schema["allOf"]:
                if "default" in part:
                    prop_schema = part
        if "default" in prop_schema:
            defaults[str(name)] = prop_schema["default"]
    return defaults


def declared_only(doc: dict[str, Any], node: dict[str, Any], value: Any) -> Any:
    """``value`` without the object members its schema does not declare, at any depth.

    The APIs ignore request members a schema does not name (assumption `unknown-members`), so
    they are never stored nor echoed back. Objects with ``additionalProperties`` (dictionaries
    such as a W50 contact's Values) keep every key; their values are pruned by that schema. The
    parts of an ``allOf`` count together. For many values of one schema, plan it once with
    ``pruner``.
    """
    return pruner(doc, node)(value)


Prune = Callable[[Any], Any]


def _unchanged(value: Any) -> Any:
    return value


def _copied_dictionary(value: Any) -> Any:
    return dict(value) if isinstance(value, dict) else value


def pruner(doc: dict[str, Any], node: dict[str, Any]) -> Prune:
    """``declared_only`` for one schema, planned once: the schema is read (``$ref``, ``allOf``,
    properties) when the pruner is made, not for each value it prunes (issue 21: planning per
    contact cost more than decoding it). Recursive schemas are planned lazily."""
    return _PrunePlanner(doc).plan(node)


class _PrunePlanner:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.planned: dict[int, Prune] = {}  # by id of the resolved schema body

    def plan(self, node: dict[str, Any]) -> Prune:
        node = resolve(self.doc, node)
        found = self.planned.get(id(node))
        if found is not None:
            return found
        late: list[Prune] = []
        # A schema reached again while it is planned (a recursive one) prunes through this.
        self.planned[id(node)] = lambda value: late[0](value)
        made = self._make(node)
        late.append(made)
        self.planned[id(node)] = made
        return made

    def _make(self, node: dict[str, Any]) -> Prune:
        doc = self.doc
        parts = [node, *(resolve(doc, part) for part in node.get("allOf", ()))]
        items = next((p["items"] for p in parts if isinstance(p.get("items"), dict)), None)
        item_prune = None if items is None else self.plan(items)
        properties: dict[str, Any] = {}
        extra: Any = None
        for part in parts:
            properties.update(part.get("properties", {}))
            extra = part.get("additionalProperties", extra)
        understood = bool(properties) or extra is not None
        members = {str(key): self.plan(member) for key, member in properties.items()}
        extra_prune = self.plan(extra) if isinstance(extra, dict) else None
        keep_extra = extra is True
        if item_prune is None and not understood:
            return _unchanged
        if item_prune is None and not members and extra_prune is _unchanged:
            return _copied_dictionary  # a dictionary of values left as they are

        def prune(value: Any) -> Any:
            if isinstance(value, list):
                return value if item_prune is None else [item_prune(v) for v in value]
            if not understood or not isinstance(value, dict):
                return value
            pruned: dict[str, Any] = {}
            for key, member in value.items():
                member_prune = members.get(key)
                if member_prune is not None:
                    pruned[key] = member_prune(member)
                elif extra_prune is not None:
                    pruned[key] = extra_prune(member)
                elif keep_extra:
                    pruned[key] = member
            return pruned

        return prune


def json_net_timespans(doc: dict[str, Any], node: dict[str, Any], value: Any, path: str) -> Any:
    """``value`` with every TimeSpan member (`x-datacontract-type: timespan`) as Json.NET reads
    and writes it (assumption `json-net-timespans`): `24:00:00` is 24 days, answered
    `24.00:00:00`. ValueError naming the member for a text Json.NET refuses (`24:30:15`)."""
    from contactimport.datacontract import canonical_timespan

    node = resolve(doc, node)
    parts = [node, *(resolve(doc, part) for part in node.get("allOf", ()))]
    if isinstance(value, str) and any(p.get("x-datacontract-type") == "timespan" for p in parts):
        canonical = canonical_timespan(value)
        if canonical is None:
            raise ValueError(f"{path}: {value!r} is not a TimeSpan Json.NET reads")
        return canonical
    if isinstance(value, list):
        items = next((p["items"] for p in parts if isinstance(p.get("items"), dict)), None)
        if items is None:
            return value
        return [json_net_timespans(doc, items, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if not isinstance(value, dict):
        return value
    properties: dict[str, Any] = {}
    for part in parts:
        properties.update(part.get("properties", {}))
    return {
        key: json_net_timespans(doc, properties[key], member, f"{path}.{key}")
        if key in properties
        else member
        for key, member in value.items()
    }
