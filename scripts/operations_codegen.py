"""Every operation of a spec as a typed method of the sync and async clients.

One concept, rendering `<api>_operations.py`, hence over 600 lines: what it reads of the
hand-written layer, of the staged client and of the spec serves only that rendering.

`scripts/generate.py` calls `write_operations()` after openapi-python-client has written the
client into the staging folder. For each API it writes `<api>_operations.py`: four classes (sync,
async, and their `with_raw_response` twins) whose methods are named after the operationIds, take
the spec's parameters (path and body positional, query keyword-only, then the per-call options)
and carry a docstring made of the spec's summary, description, parameters, answer and errors.

What the spec cannot say is read, with `ast`, from the hand-written layer and never imported:
- `overlays/contactimport/_parameters.py`: `ADAPTERS`/`COMPANIONS` and the adapter functions
  whose one parameter gives a parameter's Python name, annotation and default;
- `overlays/contactimport/errors.py`: `_BY_STATUS`, the exception class of each error status.
The request itself is built by the generated client's `_get_kwargs()` (its module and keyword
names are read from the staged output), so the query encoding stays in one place. The spec is
read with the clients' own reader (`scripts/spec_reader.py`): operations, parameters, `$ref`s.
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spec_reader import reader

ROOT = Path(__file__).resolve().parent.parent
PARAMETERS_MODULE = ROOT / "overlays" / "contactimport" / "_parameters.py"
ERRORS_MODULE = ROOT / "overlays" / "contactimport" / "errors.py"
CLASS_PREFIX = {"which50": "Which50", "checkmarket": "CheckMarket"}
WIDTH = 92


class CodegenError(Exception):
    """A spec or staged-output construct the operation generator cannot handle."""


def snake(name: str) -> str:
    """`listContactLists` -> `list_contact_lists`, `ImportConfigId` -> `import_config_id`."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"[^0-9a-zA-Z_]+", "_", name).lower().strip("_")


def _ref_name(node: Any) -> str | None:
    if isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref: str = node["$ref"]
        if ref.startswith("#/components/schemas/"):
            return ref.rsplit("/", 1)[-1]
    if (
        isinstance(node, Mapping)
        and isinstance(node.get("allOf"), list)
        and len(node["allOf"]) == 1
    ):
        return _ref_name(node["allOf"][0])
    return None


# -- the hand-written facts, read without importing -------------------------------------------


@dataclass(frozen=True)
class PythonParameter:
    """One argument of a generated method: name, annotation and default (None: required)."""

    name: str
    annotation: str
    default: str | None
    adapter: str | None = None
    """The `_parameters` function converting the value (None: passed as given)."""
    names: frozenset[str] = frozenset()
    """Names the annotation uses (imported from contactimport._parameters when defined there)."""
    companion: bool = False
    """A keyword of the hand-written layer (passed in `RequestOptions.extras`, not sent)."""
    doc: str = ""
    """The adapter function's docstring: what the Python argument accepts."""


def _literal(tree: ast.Module, name: str) -> Any:
    for node in tree.body:
        target: ast.expr | None = None
        value: ast.expr | None = None
        if isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        if isinstance(target, ast.Name) and target.id == name and value is not None:
            return ast.literal_eval(value)
    raise CodegenError(f"{name} is not a literal assignment in the module")


def _annotation_names(node: ast.expr) -> frozenset[str]:
    return frozenset(n.id for n in ast.walk(node) if isinstance(n, ast.Name))


@dataclass
class HandWritten:
    adapters: dict[str, dict[str, PythonParameter]]
    companions: dict[str, dict[str, list[PythonParameter]]]
    defined: frozenset[str]
    """Top-level names of `_parameters` (what the generated code may import from it)."""
    error_classes: dict[int, str]


def read_hand_written() -> HandWritten:
    tree = ast.parse(PARAMETERS_MODULE.read_text(encoding="utf-8"))
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    defined = set(functions)
    for node in tree.body:
        if isinstance(node, ast.Assign):
            defined |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            defined.add(node.target.id)

    def parameter(function_name: str, companion: bool = False) -> PythonParameter:
        function = functions.get(function_name)
        if function is None:
            raise CodegenError(f"_parameters.py has no function {function_name}()")
        args = function.args
        if len(args.args) != 1 or args.args[0].annotation is None:
            raise CodegenError(
                f"_parameters.{function_name}() must take exactly one annotated parameter"
            )
        arg = args.args[0]
        default = ast.unparse(args.defaults[0]) if args.defaults else None
        annotation = arg.annotation
        assert annotation is not None
        return PythonParameter(
            name=arg.arg,
            annotation=ast.unparse(annotation),
            default=default,
            adapter=function_name,
            names=_annotation_names(annotation),
            companion=companion,
            doc=_text(ast.get_docstring(function)),
        )

    raw_adapters: dict[str, dict[str, str]] = _literal(tree, "ADAPTERS")
    raw_companions: dict[str, dict[str, list[str]]] = _literal(tree, "COMPANIONS")
    adapters = {
        api: {key: parameter(function) for key, function in table.items()}
        for api, table in raw_adapters.items()
    }
    companions = {
        api: {
            key: [parameter(f, companion=True) for f in functions_]
            for key, functions_ in table.items()
        }
        for api, table in raw_companions.items()
    }
    errors_tree = ast.parse(ERRORS_MODULE.read_text(encoding="utf-8"))
    by_status: dict[int, str] = {}
    for node in errors_tree.body:
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == "_BY_STATUS"
            and isinstance(node.value, ast.Dict)
        ):
            for key, value in zip(node.value.keys, node.value.values, strict=True):
                if (
                    isinstance(key, ast.Constant)
                    and isinstance(key.value, int)
                    and isinstance(value, ast.Name)
                ):
                    by_status[key.value] = value.id
    if not by_status:
        raise CodegenError("errors.py has no literal _BY_STATUS table")
    return HandWritten(adapters, companions, frozenset(defined), by_status)


def error_class(hand: HandWritten, status: int) -> str:
    if status >= 500:
        return "ServerError"
    return hand.error_classes.get(status, "APIStatusError")


# -- the staged generated client ------------------------------------------------------------


@dataclass(frozen=True)
class StagedEndpoint:
    module: str
    """Dotted module name under contactimport.generated."""
    positional: tuple[str, ...]
    keywords: dict[str, str]
    """`_get_kwargs` keyword -> its annotation."""


def staged_endpoint(staging: Path, client_package: str, operation_id: str) -> StagedEndpoint:
    matches = sorted((staging / client_package / "api").glob(f"*/{snake(operation_id)}.py"))
    if len(matches) != 1:
        raise CodegenError(
            f"{operation_id}: expected one generated endpoint module, found {len(matches)}"
        )
    path = matches[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_get_kwargs":
            keywords = {
                arg.arg: ast.unparse(arg.annotation) if arg.annotation else "Any"
                for arg in node.args.kwonlyargs
            }
            return StagedEndpoint(
                module=".".join(path.relative_to(staging).with_suffix("").parts),
                positional=tuple(arg.arg for arg in node.args.args),
                keywords=keywords,
            )
    raise CodegenError(f"{path}: no _get_kwargs()")


def staged_attribute(staging: Path, client_package: str, model: str, attribute: str) -> str:
    """The annotation of a generated model's attribute (`ImportConfigPayload.data`)."""
    path = staging / client_package / "models" / f"{snake(model)}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == model:
            for item in node.body:
                if (
                    isinstance(item, ast.AnnAssign)
                    and isinstance(item.target, ast.Name)
                    and item.target.id == attribute
                ):
                    return ast.unparse(item.annotation)
    raise CodegenError(f"{model}.{attribute} is not an attribute of {path}")


# -- one operation -----------------------------------------------------------------------------


@dataclass
class Operation:
    operation_id: str
    method: str
    path: str
    spec: Mapping[str, Any]
    parameters: list[PythonParameter] = field(default_factory=list)
    """Positional ones first, then keyword-only (`keyword_from` marks the boundary)."""
    keyword_from: int = 0
    arguments: list[str] = field(default_factory=list)
    """Entries of the converted-arguments dict literal."""
    doc_args: list[tuple[str, str]] = field(default_factory=list)
    keywords: dict[str, str] = field(default_factory=dict)
    path_names: list[str] = field(default_factory=list)
    convert: dict[str, str] = field(default_factory=dict)
    returns: str = "None"
    parse: str = "None"
    envelope: str | None = None
    endpoint: StagedEndpoint | None = None
    ok_description: str = ""
    errors: list[tuple[int, str]] = field(default_factory=list)


_SCALARS = {"integer": "int", "number": "float", "boolean": "bool", "string": "str"}


def _schema_annotation(document: Mapping[str, Any], schema: Any) -> str:
    schema = reader.resolve(document, schema)
    kind = schema.get("type") if isinstance(schema, Mapping) else None
    if kind in _SCALARS:
        return _SCALARS[kind]
    if kind == "array":
        return f"Sequence[{_schema_annotation(document, schema.get('items', {}))}]"
    if kind == "object":
        return "Mapping[str, Any]"
    return "Any"


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value else ""


def _body(
    document: Mapping[str, Any], operation: Mapping[str, Any]
) -> tuple[str, bool, Any] | None:
    """(adapter key, required, schema) of the JSON request body, None without one."""
    body = reader.resolve(document, operation.get("requestBody"))
    if not isinstance(body, Mapping):
        return None
    schema = (body.get("content", {}).get("application/json") or {}).get("schema")
    name = _ref_name(schema)
    if name is not None and document["components"]["schemas"][name].get("type") == "array":
        schema, name = document["components"]["schemas"][name], None
    if name is not None:
        key = f"body {name}"
    else:
        items = _ref_name((schema or {}).get("items"))
        if not isinstance(schema, Mapping) or schema.get("type") != "array" or items is None:
            raise CodegenError(f"{operation.get('operationId')}: unsupported request body schema")
        key = f"body {items}[]"
    return key, bool(body.get("required")), body


def build_operation(
    api: str,
    document: Mapping[str, Any],
    method: str,
    path: str,
    operation: Mapping[str, Any],
    hand: HandWritten,
    staging: Path,
    client_package: str,
) -> Operation:
    operation_id = operation["operationId"]
    result = Operation(operation_id, method.upper(), path, operation)
    endpoint = staged_endpoint(staging, client_package, operation_id)
    result.endpoint = endpoint
    for status, answer in operation.get("responses", {}).items():
        resolved = reader.resolve(document, answer)
        text = _text(resolved.get("description")) if isinstance(resolved, Mapping) else ""
        if str(status) == "200":
            result.ok_description = text
        elif str(status).isdigit() and int(status) >= 400:
            result.errors.append((int(status), text))
    result.errors.sort()
    adapters = hand.adapters.get(api, {})
    companions = hand.companions.get(api, {})
    parameters = reader.operation_parameters(document, path, operation)
    by_location: dict[str, list[dict[str, Any]]] = {"path": [], "query": [], "header": []}
    for parameter in parameters:
        by_location.setdefault(parameter["in"], []).append(parameter)
    if by_location.get("header") or by_location.get("cookie"):
        raise CodegenError(f"{operation_id}: header and cookie parameters are not supported")

    def describe(parameter: Mapping[str, Any], adapter: PythonParameter | None = None) -> str:
        spec_text = _text(parameter.get("description"))
        return " ".join(part for part in (adapter.doc if adapter else "", spec_text) if part)

    # Path parameters, positional, in the generated client's order.
    path_parameters = {snake(p["name"]): p for p in by_location["path"]}
    for opc_name in endpoint.positional:
        spec_parameter = path_parameters.get(opc_name)
        if spec_parameter is None:
            raise CodegenError(f"{operation_id}: positional {opc_name} is no path parameter")
        spec_name = spec_parameter["name"]
        adapter = adapters.get(f"path {spec_name}")
        if adapter is not None:
            python = adapter
            value = f"_p.{adapter.adapter}({adapter.name})"
        else:
            python = PythonParameter(
                opc_name, _schema_annotation(document, spec_parameter.get("schema")), None
            )
            value = opc_name
        result.parameters.append(python)
        result.arguments.append(f"{spec_name!r}: {value}")
        result.path_names.append(spec_name)
        result.doc_args.append((python.name, describe(spec_parameter, adapter)))

    # The body, positional after the path parameters.
    body = _body(document, operation)
    if body is not None:
        key, required, body_object = body
        adapter = None if required else adapters.get(key + "?")
        adapter = adapter or adapters.get(key)
        if adapter is None:
            raise CodegenError(
                f"{operation_id}: no adapter for the request body ({key!r}); add one to "
                "overlays/contactimport/_parameters.py ADAPTERS"
            )
        if not required and adapter.default is None:
            raise CodegenError(f"{operation_id}: the optional body's adapter needs a default")
        result.parameters.append(adapter)
        result.arguments.append(f"'body': _p.{adapter.adapter}({adapter.name})")
        result.keywords["body"] = "body"
        result.doc_args.append((adapter.name, describe(body_object, adapter)))
    result.keyword_from = len(result.parameters)

    # Query parameters, keyword-only; a group adapter (A+B) takes several.
    query = by_location["query"]
    taken: set[str] = set()
    names = {p["name"] for p in query}
    for key, adapter in adapters.items():
        kind, _, spec = key.partition(" ")
        members = spec.split("+")
        if kind == "query" and len(members) > 1 and set(members) <= names:
            result.parameters.append(adapter)
            result.arguments.append(f"**_p.{adapter.adapter}({adapter.name})")
            taken |= set(members)
            text = " ".join(describe(p) for p in query if p["name"] in members)
            # One argument for several wire parameters: its own description, not theirs.
            result.doc_args.append((adapter.name, adapter.doc or text))
            for companion in companions.get(key, []):
                result.parameters.append(companion)
                result.doc_args.append((companion.name, companion.doc))
    for parameter in query:
        spec_name = parameter["name"]
        if spec_name in taken:
            continue
        adapter = adapters.get(f"query {spec_name}")
        if adapter is not None:
            result.parameters.append(adapter)
            result.arguments.append(f"{spec_name!r}: _p.{adapter.adapter}({adapter.name})")
            result.doc_args.append((adapter.name, describe(parameter, adapter)))
            for companion in companions.get(f"query {spec_name}", []):
                if companion.name not in {p.name for p in result.parameters}:
                    result.parameters.append(companion)
                    result.doc_args.append((companion.name, companion.doc))
        else:
            python_name = snake(spec_name)
            annotation = _schema_annotation(document, parameter.get("schema"))
            if parameter.get("required"):
                python = PythonParameter(python_name, annotation, None)
            else:
                python = PythonParameter(python_name, f"{annotation} | None", "None")
            result.parameters.append(python)
            result.arguments.append(f"{spec_name!r}: {python_name}")
            result.doc_args.append((python_name, describe(parameter)))
    for parameter in query:
        keyword = snake(parameter["name"])
        if keyword not in endpoint.keywords:
            raise CodegenError(f"{operation_id}: _get_kwargs has no keyword {keyword}")
        result.keywords[parameter["name"]] = keyword
        annotation = endpoint.keywords[keyword].replace(" | Unset", "").strip()
        if re.fullmatch(r"[A-Z][A-Za-z0-9]*", annotation):
            result.convert[parameter["name"]] = annotation
    return result


def _returns(
    api: str,
    document: Mapping[str, Any],
    operation: Operation,
    staging: Path,
    client_package: str,
) -> set[str]:
    """Fill in the return type, parse and envelope; the model names they use."""
    ok = reader.resolve(document, operation.spec.get("responses", {}).get("200"))
    content = (ok or {}).get("content", {}) if isinstance(ok, Mapping) else {}
    schema = (content.get("application/json") or {}).get("schema")
    if schema is None:
        operation.returns, operation.parse = "None", "_none"
        return set()
    name = _ref_name(schema)
    if name is not None and document["components"]["schemas"][name].get("type") == "array":
        schema, name = document["components"]["schemas"][name], None
    if name is not None:
        target = document["components"]["schemas"][name]
        member = target.get("x-envelope")
        if isinstance(member, str):
            annotation = staged_attribute(staging, client_package, name, snake(member))
            operation.returns = annotation
            operation.parse = f"lambda data: {name}.from_dict(data).{snake(member)}"
            operation.envelope = name
            return {name} | {n for n in re.findall(r"[A-Z][A-Za-z0-9]*", annotation)}
        operation.returns = name
        operation.parse = f"{name}.from_dict"
        return {name}
    items = _ref_name(schema.get("items")) if isinstance(schema, Mapping) else None
    if items is None:
        raise CodegenError(f"{operation.operation_id}: unsupported response schema")
    operation.returns = f"list[{items}]"
    operation.parse = f"lambda data: [{items}.from_dict(item) for item in data]"
    return {items}


# -- writing ---------------------------------------------------------------------------------

OPTIONS_SIGNATURE = (
    "wire_format: WireFormat | str | None = None, "
    "timeout: TimeoutInput | NotGiven = NOT_GIVEN, "
    "extra_headers: Mapping[str, str] | None = None, "
    "extra_query: Mapping[str, object] | None = None"
)
OPTIONS_DOC = (
    ("wire_format", '"json" or "xml" for this call (default: the client\'s).'),
    (
        "timeout",
        "seconds or an `httpx.Timeout` for this call; None: no timeout (default: the client's).",
    ),
    ("extra_headers", "headers added to this request (they win over the client's)."),
    ("extra_query", "query parameters added to this request."),
)


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH - len(indent), break_on_hyphens=False) or [""]


def _docstring(operation: Operation, hand: HandWritten, indent: str, raw: bool) -> str:
    spec = operation.spec
    lines: list[str] = []
    summary = _text(spec.get("summary")) or operation.operation_id
    lines.append(summary.rstrip(".") + ".")
    lines.append("")
    if spec.get("deprecated"):
        lines += ["Deprecated by the vendor.", ""]
    if description := _text(spec.get("description")):
        lines += _wrap(description, indent)
        lines.append("")
    lines.append(f"`{operation.method} {operation.path}` (operationId `{operation.operation_id}`).")
    if raw:
        lines += [
            "",
            "Returns the answer as received (status, headers, the request sent);",
            "`.parse()` gives what the plain method returns.",
        ]
    lines += ["", "Args:"]
    for name, text in [*operation.doc_args, *OPTIONS_DOC]:
        wrapped = _wrap(f"{name}: {text}", indent + "        ")
        lines.append("    " + wrapped[0])
        lines += ["        " + line for line in wrapped[1:]]
    if operation.ok_description and not raw:
        lines += ["", "Returns:"]
        lines += ["    " + line for line in _wrap(operation.ok_description, indent + "    ")]
    if operation.errors:
        lines += ["", "Raises:"]
        for status, label in operation.errors:
            if not label.startswith(str(status)):
                label = f"{status} {label}"
            wrapped = _wrap(f"{error_class(hand, status)}: {label}", indent + "        ")
            lines.append("    " + wrapped[0])
            lines += ["        " + line for line in wrapped[1:]]
        lines.append("    APIConnectionError: the request did not complete (after the retries).")
    body = "\n".join((indent + line) if line else "" for line in lines)
    body = body.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'{indent}"""{body.lstrip()}\n{indent}"""'


def _signature(operation: Operation) -> str:
    parts = ["self"]
    for index, parameter in enumerate(operation.parameters):
        if index == operation.keyword_from:
            parts.append("*")
        text = f"{parameter.name}: {parameter.annotation}"
        if parameter.default is not None:
            text += f" = {parameter.default}"
        parts.append(text)
    if operation.keyword_from >= len(operation.parameters):
        parts.append("*")
    parts.append(OPTIONS_SIGNATURE)
    return ", ".join(parts)


def _call_arguments(operation: Operation) -> str:
    extras = [f"{p.name!r}: {p.name}" for p in operation.parameters if p.companion]
    options = (
        "RequestOptions(wire_format=wire_format, timeout=timeout, extra_headers=extra_headers, "
        f"extra_query=extra_query, extras={{{', '.join(extras)}}})"
    )
    return "{" + ", ".join(operation.arguments) + "}, " + options


def _binding_name(operation: Operation) -> str:
    return "_" + snake(operation.operation_id).upper()


def render(api: str, document: Mapping[str, Any], hand: HandWritten, staging: Path) -> str:
    client_package = f"{api}_client"
    built: list[Operation] = []
    models: set[str] = set()
    for method, path, operation in reader.operations(document):
        op = build_operation(api, document, method, path, operation, hand, staging, client_package)
        models |= _returns(api, document, op, staging, client_package)
        models |= set(op.convert.values())
        built.append(op)
    prefix = CLASS_PREFIX[api]
    parameter_names = sorted(
        {n for op in built for p in op.parameters for n in p.names} & hand.defined
    )
    out: list[str] = [
        f'"""The operations of spec/{api}.openapi.yaml as methods of `{prefix}`,',
        f"`Async{prefix}` and their `with_raw_response` views (see contactimport._operations).",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Iterable, Mapping, Sequence",
        "from typing import Any",
        "",
        "from contactimport import _parameters as _p",
        "from contactimport._operations import (",
        "    NOT_GIVEN, APIResponse, AsyncOperations, AsyncRawOperations, Binding,",
        "    EnvelopeAPIResponse, NotGiven, RequestOptions, SyncOperations, SyncRawOperations,",
        "    TimeoutInput,",
        ")",
    ]
    if parameter_names:
        out.append(f"from contactimport._parameters import {', '.join(parameter_names)}")
    for op in built:
        assert op.endpoint is not None
        package, module = op.endpoint.module.rsplit(".", 1)
        out.append(
            f"from contactimport.generated.{package} import {module} as _{snake(op.operation_id)}"
        )
    out.append(
        f"from contactimport.generated.{client_package}.models import {', '.join(sorted(models))}"
    )
    out.append(f"from contactimport.generated.{client_package}.types import UNSET")
    out.append("from contactimport.settings import WireFormat")
    out += ["", "", "def _none(data: Any) -> None:", "    return None", ""]
    out.append(
        "__all__ = ["
        + ", ".join(
            repr(f"{a}{prefix}{b}")
            for a in ("", "Async")
            for b in ("Operations", "WithRawResponse")
        )
        + "]"
    )
    out.append("")
    for op in built:
        keywords = ", ".join(f"{k!r}: {v!r}" for k, v in op.keywords.items())
        convert = ", ".join(f"{k!r}: {v}.from_dict" for k, v in op.convert.items())
        envelope = f"{op.envelope}.from_dict" if op.envelope else "None"
        out.append(
            f"{_binding_name(op)}: Binding[{op.returns}] = Binding("
            f"{op.operation_id!r}, _{snake(op.operation_id)}._get_kwargs, "
            f"path={tuple(op.path_names)!r}, keywords={{{keywords}}}, parse={op.parse}, "
            f"unset=UNSET, convert={{{convert}}}, envelope={envelope})"
        )
    for kind in ("sync", "async", "raw", "async_raw"):
        out += ["", ""]
        out += list(_class(kind, prefix, built, hand))
    return "\n".join(out) + "\n"


def _class(kind: str, prefix: str, built: list[Operation], hand: HandWritten) -> Iterator[str]:
    is_async = kind in ("async", "async_raw")
    raw = kind in ("raw", "async_raw")
    name = ("Async" if is_async else "") + prefix + ("WithRawResponse" if raw else "Operations")
    base = {
        "sync": "SyncOperations",
        "async": "AsyncOperations",
        "raw": "SyncRawOperations",
        "async_raw": "AsyncRawOperations",
    }[kind]
    yield f"class {name}({base}):"
    if raw:
        plain = ("Async" if is_async else "") + prefix
        yield f'    """Every operation of `{plain}`, answering with the raw `APIResponse`."""'
    else:
        yield f'    """Every operation of the {prefix} spec (see contactimport._operations)."""'
        raw_name = ("Async" if is_async else "") + prefix + "WithRawResponse"
        yield ""
        yield "    @property"
        yield f"    def with_raw_response(self) -> {raw_name}:"
        yield '        """The same operations, answering with the raw response (`APIResponse`):'
        yield "        status, headers, the request sent, and `.parse()` for the model."
        yield '        """'
        yield f"        return {raw_name}(self)"
    for op in built:
        returns = op.returns
        if raw:
            returns = (
                f"EnvelopeAPIResponse[{op.returns}, {op.envelope}]"
                if op.envelope
                else f"APIResponse[{op.returns}]"
            )
        yield ""
        yield (
            f"    {'async ' if is_async else ''}def {snake(op.operation_id)}"
            f"({_signature(op)}) -> {returns}:"
        )
        yield _docstring(op, hand, "        ", raw)
        awaiting = "await " if is_async else ""
        if raw and op.envelope:
            call = f"self._raw_envelope({_binding_name(op)}, {op.envelope}, {_call_arguments(op)})"
        elif raw:
            call = f"self._raw({_binding_name(op)}, {_call_arguments(op)})"
        else:
            call = f"self._invoke({_binding_name(op)}, {_call_arguments(op)})"
        yield f"        return {awaiting}{call}"


def write_operations(
    documents: Mapping[str, Mapping[str, Any]],
    staging: Path,
    header: Callable[[str], str],
) -> None:
    """`<api>_operations.py` for every API, into the staging folder."""
    hand = read_hand_written()
    for api, document in documents.items():
        text = render(api, document, hand, staging)
        (staging / f"{api}_operations.py").write_text(header(api) + "\n" + text, encoding="utf-8")
