"""The spec as the generators get it: checked for what they would get wrong on the wire
(`check_supported`) and seen through derived views, made on every run and never written to the
repository: JSON bodies only, the vendor's path parameter names (`json_only_view`, for
openapi-python-client) and integer formats as explicit bounds (`models_view`, for
datamodel-code-generator). `scripts/generate.py` runs the generators on them.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any

from spec_reader import reader

JSON_MEDIA_TYPE = "application/json"


class GenerationError(Exception):
    """A spec construct or a tool run that generation cannot handle; the message says which."""


def resolve(document: Mapping[str, Any], node: Any) -> Any:
    """Follow local `$ref`s (the clients' reader, `contactimport._spec.resolve`); a `$ref` that
    does not resolve, is not local or is circular raises GenerationError naming it."""
    try:
        return reader.resolve(document, node)
    except (KeyError, ValueError) as error:
        raise GenerationError(str(error.args[0])) from None


def check_supported(spec: str, document: Mapping[str, Any]) -> None:
    """Refuse spec constructs that the generated client would get wrong on the wire.

    The custom template joins every array query parameter with "," (types.encode_query), which is
    right only for `style: form, explode: false`; every body must offer application/json, the only
    media type openapi-python-client generates code for.
    """
    problems: list[str] = []
    for method, path, operation in reader.operations(document):
        where = f"{method.upper()} {path}"
        for parameter in reader.operation_parameters(document, path, operation):
            schema = resolve(document, parameter.get("schema") or {})
            is_list = parameter.get("in") == "query" and schema.get("type") == "array"
            comma_joined = (
                parameter.get("style", "form") == "form" and parameter.get("explode") is False
            )
            if is_list and not comma_joined:
                problems.append(
                    f"{where}: array query parameter {parameter.get('name')!r} must declare "
                    "`style: form, explode: false` (the only array style the client template "
                    "encodes; see templates/openapi-python-client/README.md)"
                )
        for label, content in _body_contents(document, operation):
            if content and JSON_MEDIA_TYPE not in content:
                problems.append(f"{where}: {label} offers no {JSON_MEDIA_TYPE}")
    if problems:
        raise GenerationError(f"{spec}:\n  " + "\n  ".join(problems))


def _body_contents(
    document: Mapping[str, Any], operation: Mapping[str, Any]
) -> Iterator[tuple[str, dict[str, Any]]]:
    if "requestBody" in operation:
        yield "request body", resolve(document, operation["requestBody"]).get("content") or {}
    for status, response in (operation.get("responses") or {}).items():
        yield f"response {status}", resolve(document, response).get("content") or {}


def json_only_view(document: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the document whose request and response bodies offer application/json only
    (and whose `x-failure` schemas require what a success carries).

    openapi-python-client generates code for JSON bodies only and warns about every other media
    type; this view is what it reads. It is derived on every run, never written to the repository.
    """
    view = copy.deepcopy(dict(document))

    def keep_json(holder: Any) -> None:
        if isinstance(holder, dict) and isinstance(holder.get("content"), dict):
            holder["content"] = {
                media: body for media, body in holder["content"].items() if media == JSON_MEDIA_TYPE
            }

    for _method, _path, operation in reader.operations(view):
        keep_json(operation.get("requestBody"))
        for response in (operation.get("responses") or {}).values():
            keep_json(response)
    components = view.get("components") or {}
    for section in ("requestBodies", "responses"):
        for holder in (components.get(section) or {}).values():
            keep_json(holder)
    # A result schema with `x-failure` is only ever handed to users when it succeeded (the
    # clients raise OperationFailedError otherwise), so what a success always carries
    # (`requiredOnSuccess`) is required in the generated model: `int`, not `int | Unset`.
    for name, schema in (components.get("schemas") or {}).items():
        failure = schema.get("x-failure") if isinstance(schema, dict) else None
        if isinstance(failure, dict) and failure.get("requiredOnSuccess"):
            wanted = list(failure["requiredOnSuccess"])
            unknown = [m for m in wanted if m not in (schema.get("properties") or {})]
            if unknown:
                raise GenerationError(f"{name}: x-failure.requiredOnSuccess names {unknown}")
            schema["required"] = [*schema.get("required", []), *wanted]
    return vendor_names_view(view)


VENDOR_NAME = "x-vendor-name"


def vendor_names_view(document: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the document in which each path parameter carrying `x-vendor-name` has that name.

    OpenAPI forbids two templated paths that differ only by parameter name, so the spec holds the
    vendor's `POST /3/contacts/import/{importConfigId}` and `GET /3/contacts/import/{queueItemId}`
    as one path item with a neutral `{id}`, each operation naming the vendor's parameter in
    `x-vendor-name`. The generated functions take the vendor's names (`import_config_id`,
    `queue_item_id`): each such operation moves to a path item of its own, its template and
    parameter renamed. Derived on every run, never written to the repository.
    """
    view = copy.deepcopy(dict(document))
    paths: dict[str, Any] = {}
    for path, item in (view.get("paths") or {}).items():
        if not isinstance(item, dict):
            paths[path] = item
            continue
        shared = {key: value for key, value in item.items() if key not in reader.HTTP_METHODS}
        for method in reader.HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            renamed_path = path
            parameters = []
            for parameter in operation.get("parameters") or []:
                resolved = resolve(view, parameter)
                vendor = resolved.get(VENDOR_NAME)
                if resolved.get("in") == "path" and isinstance(vendor, str):
                    renamed_path = renamed_path.replace(
                        "{" + resolved["name"] + "}", f"{{{vendor}}}"
                    )
                    parameter = {**resolved, "name": vendor}
                    del parameter[VENDOR_NAME]
                parameters.append(parameter)
            if renamed_path != path:
                if renamed_path in paths or renamed_path in view["paths"]:
                    raise GenerationError(f"{method.upper()} {path}: {renamed_path} exists already")
                paths[renamed_path] = {**shared, method: {**operation, "parameters": parameters}}
            else:
                paths.setdefault(path, dict(shared))[method] = operation
    view["paths"] = paths
    return view


INTEGER_FORMAT_BOUNDS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def models_view(document: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the document in which every `integer` schema's format range is explicit.

    datamodel-code-generator types `format: int32` / `int64` as a plain `int`, which takes any
    integer; the format's range, written as `minimum` / `maximum` (only where the schema sets no
    tighter bound), becomes `ge=` / `le=` in the models, so they refuse what the spec refuses.
    Not in an `anyOf` / `oneOf` that also admits any `number`: an integer outside the range still
    matches that member, so the bound would change nothing but the generated names (a constrained
    union member becomes a root model of its own). Derived on every run, never written to the
    repository.
    """
    view = copy.deepcopy(dict(document))

    def admits_any_number(member: Any) -> bool:
        return (
            isinstance(member, dict)
            and member.get("type") == "number"
            and not {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "enum"}
            & set(member)
        )

    def visit(node: Any, in_numeric_union: bool = False) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
            return
        if not isinstance(node, dict):
            return
        for union in ("anyOf", "oneOf"):
            members = node.get(union)
            if isinstance(members, list):
                numeric = any(admits_any_number(member) for member in members)
                for member in members:
                    visit(member, numeric)
        bounds = INTEGER_FORMAT_BOUNDS.get(node.get("format", ""))
        if (
            node.get("type") == "integer"
            and bounds is not None
            and "enum" not in node
            and not in_numeric_union
        ):
            low, high = bounds
            if "minimum" not in node or node["minimum"] < low:
                node["minimum"] = low
            if "maximum" not in node or node["maximum"] > high:
                node["maximum"] = high
        for key, value in node.items():
            if key not in ("anyOf", "oneOf", "example", "examples", "default", "enum"):
                visit(value)

    visit(view.get("components"))
    return view
