"""Regenerate everything under generated/ from the OpenAPI documents in spec/.

Run it through nox, which installs the pinned generators: `nox -s generate`.
`nox -s generate -- --check` regenerates in place, then fails (exit 1, naming the files) when
generated/ differs from what git has: the drift check CI runs.

What it writes (nothing else writes generated/; every file names its source in its first line):
- <api>_client/      openapi-python-client (attrs + httpx), fed a JSON-only view of the spec, with
                     the pinned custom templates of templates/openapi-python-client/.
- <api>_models/      datamodel-code-generator: pydantic v2 models of components/schemas.
- <api>_operations.py  every operation as a typed method of the sync and async clients and of
                     their `with_raw_response` views (scripts/operations_codegen.py).
- spec/              both documents as JSON package data, `document(api)`, and typed constants read
                     from them (batch limit, required roles, base URLs).
- __init__.py        makes generated/ the package `contactimport.generated`: the overlay's
                     `overlays/contactimport/generated` is a link to this folder, so the wheel
                     installs these packages under the contactimport namespace, no generic
                     top-level names.
- README.md          what the above are and how to regenerate them.

Generation runs inside the repository (a staging folder under generated/) so the repository's ruff
configuration applies, and only replaces generated/ once every step has succeeded.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

# The sibling modules, also when this file is loaded by path (tests/generated does).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from operations_codegen import CodegenError, write_operations
from spec_reader import load_document, reader

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
STAGING = GENERATED / ".staging"
TEMPLATES = ROOT / "templates"
OPC_TEMPLATES = TEMPLATES / "openapi-python-client"
REGENERATE_COMMAND = "nox -s generate"
SCRIPT = "scripts/generate.py"
PINNED_TOOLS = ("openapi-python-client", "datamodel-code-generator", "ruff")
JSON_MEDIA_TYPE = "application/json"
RUFF_FIX = ("ruff", "check", ".", "--fix-only", "--select", "I,F401,UP")
RUFF_FORMAT = ("ruff", "format", ".")


class GenerationError(Exception):
    """A spec construct or a tool run that generation cannot handle; the message says which."""


@dataclass(frozen=True)
class Api:
    """One vendor API: its spec document and the packages generated from it."""

    name: str

    @property
    def spec(self) -> str:
        return f"spec/{self.name}.openapi.yaml"

    @property
    def client_package(self) -> str:
        return f"{self.name}_client"

    @property
    def models_package(self) -> str:
        return f"{self.name}_models"

    @property
    def opc_config(self) -> Path:
        return TEMPLATES / f"openapi-python-client.{self.name}.yaml"


APIS = (Api("which50"), Api("checkmarket"))
SPEC_PACKAGE = "spec"
NAMESPACE = "contactimport.generated"
"""What users import generated/ as (overlays/contactimport/generated links to it)."""


# ---------------------------------------------------------------------------------------------
# Reading the specs


def load_spec(api: Api) -> dict[str, Any]:
    path = ROOT / api.spec
    if not path.is_file():
        raise GenerationError(f"{api.spec} is missing")
    try:
        return load_document(path)
    except ValueError:
        raise GenerationError(f"{api.spec} is not a YAML mapping") from None


def resolve(document: Mapping[str, Any], node: Any) -> Any:
    """Follow local `$ref`s (the clients' reader, `contactimport._spec.resolve`); a `$ref` that
    does not resolve, is not local or is circular raises GenerationError naming it."""
    try:
        return reader.resolve(document, node)
    except (KeyError, ValueError) as error:
        raise GenerationError(str(error.args[0])) from None


def check_supported(api: Api, document: Mapping[str, Any]) -> None:
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
        raise GenerationError(f"{api.spec}:\n  " + "\n  ".join(problems))


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


# ---------------------------------------------------------------------------------------------
# Running the generators


def check_tool_versions() -> dict[str, str]:
    """The installed versions of the generators and ruff, which must equal the pins in pyproject."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins: dict[str, str] = {}
    for requirement in pyproject["dependency-groups"]["generate"]:
        match = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)\s*==\s*([^\s;]+)\s*", requirement)
        if match:
            pins[match[1].lower()] = match[2]
    installed: dict[str, str] = {}
    problems: list[str] = []
    for tool in PINNED_TOOLS:
        if tool not in pins:
            problems.append(f"{tool} has no exact pin (==) in pyproject's `generate` group")
            continue
        try:
            installed[tool] = metadata.version(tool)
        except metadata.PackageNotFoundError:
            problems.append(f"{tool} is not installed")
            continue
        if installed[tool] != pins[tool]:
            problems.append(f"{tool} {installed[tool]} is installed, pyproject pins {pins[tool]}")
    if problems:
        raise GenerationError(
            "the generators must be exactly the pinned versions (run through "
            f"`{REGENERATE_COMMAND}`, which installs them):\n  " + "\n  ".join(problems)
        )
    return installed


def tool_environment() -> dict[str, str]:
    """The environment for the tools: this interpreter's scripts (ruff for the post-hooks) first."""
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.pop("PYTHONPATH", None)
    return env


def run(command: Sequence[str | Path], *, cwd: Path, what: str) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=tool_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise GenerationError(f"{what} failed (exit {result.returncode}):\n{output}")
    return output


def header(source: str, tool: str, versions: Mapping[str, str]) -> str:
    return (
        f"Generated from {source} by {SCRIPT} ({tool} {versions[tool]}). "
        f"Do not edit: change the source, then run `{REGENERATE_COMMAND}`."
    )


def generate_client(
    api: Api, view: Mapping[str, Any], versions: Mapping[str, str], scratch: Path
) -> None:
    view_path = scratch / f"{api.name}.json-view.json"
    view_path.write_text(json.dumps(view, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    output = STAGING / api.client_package
    log = run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            view_path,
            "--config",
            api.opc_config,
            "--custom-template-path",
            OPC_TEMPLATES,
            "--meta",
            "none",
            "--output-path",
            output,
            "--fail-on-warning",
        ],
        cwd=ROOT,
        what=f"openapi-python-client on {api.spec}",
    )
    if "warning" in log.lower():
        raise GenerationError(f"openapi-python-client on {api.spec} reported:\n{log}")
    line = "# " + header(api.spec, "openapi-python-client", versions)
    for path in sorted(output.rglob("*.py")):
        path.write_text(line + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    (output / "py.typed").write_text(line + "\n", encoding="utf-8")


def generate_models(
    api: Api, view: Mapping[str, Any], versions: Mapping[str, str], scratch: Path
) -> None:
    """Pydantic v2 models of components/schemas, from `models_view` of the spec.

    `--use-missing-sentinel` (with `--target-pydantic-version 2.14`, for `pydantic.MISSING`)
    makes an optional member that is not `nullable` default to MISSING and refuse an explicit
    null; `--strict-nullable` keeps null for the members that are `nullable`. So the models
    enforce the spec's nullability, which a plain `X | None = None` would not.
    """
    package = STAGING / api.models_package
    package.mkdir(parents=True)
    view_path = scratch / f"{api.name}.models-view.json"
    view_path.write_text(json.dumps(view, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    line = "# " + header(api.spec, "datamodel-code-generator", versions)
    run(
        [
            sys.executable,
            "-m",
            "datamodel_code_generator",
            "--input",
            view_path,
            "--input-file-type",
            "openapi",
            "--output",
            package / "__init__.py",
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--target-python-version",
            "3.11",
            "--disable-timestamp",
            "--use-standard-collections",
            "--use-union-operator",
            "--use-annotated",
            "--field-constraints",
            "--strict-nullable",
            "--use-missing-sentinel",
            "--target-pydantic-version",
            "2.14",
            "--use-double-quotes",
            "--use-schema-description",
            "--set-default-enum-member",
            "--formatters",
            "builtin",
            "--custom-file-header",
            line,
        ],
        cwd=ROOT,
        what=f"datamodel-code-generator on {api.spec}",
    )
    (package / "py.typed").write_text(line + "\n", encoding="utf-8")


def _json_scalar_tuple(values: Any, where: str) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise GenerationError(f"{where} must be a list of strings")
    return tuple(values)


def spec_facts(documents: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The constants contactimport.generated.spec exposes, each read from the documents."""
    which50 = documents["which50"]
    try:
        batch_limit = reader.request_body_max_items(which50, "uploadImportBatch")
    except (KeyError, ValueError, AttributeError):
        batch_limit = None
    if batch_limit is None:
        raise GenerationError(
            "spec/which50.openapi.yaml: uploadImportBatch's application/json body schema "
            "needs maxItems (the batch limit)"
        )
    roles: dict[str, tuple[str, ...]] = {}
    checkmarket = documents["checkmarket"]
    for method, path, operation in reader.operations(checkmarket):
        operation_id = operation.get("operationId")
        if not isinstance(operation_id, str):
            raise GenerationError(
                f"spec/checkmarket.openapi.yaml: {method.upper()} {path} has no operationId"
            )
        if "x-required-roles" in operation:
            roles[operation_id] = _json_scalar_tuple(
                operation["x-required-roles"], f"{operation_id}.x-required-roles"
            )
    base_urls = {
        name: tuple(server["url"] for server in document.get("servers") or [])
        for name, document in documents.items()
    }
    return {"batch_limit": batch_limit, "roles": roles, "base_urls": base_urls}


SPEC_INIT_TEMPLATE = '''\
{header}
"""The OpenAPI documents of spec/, shipped as JSON package data, and facts read from them.

Everything the overlay and the sandbox need to know from a spec is read from `document(api)` at
run time (the XML contract tables among them) or is one of the constants below, read from the
same documents by {script} when it wrote this module.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any, Final, Literal

__all__ = ["APIS", "BASE_URLS", "MAX_BATCH_CONTACTS", "REQUIRED_ROLES", "Api", "document"]

Api = Literal["which50", "checkmarket"]
APIS: Final[tuple[Api, ...]] = {apis!r}

MAX_BATCH_CONTACTS: Final = {batch_limit!r}
"""The most contacts one uploadImportBatch request may carry (W50 ArrayOfContact maxItems)."""

REQUIRED_ROLES: Final[Mapping[str, tuple[str, ...]]] = {roles}
"""The X-Key roles each CheckMarket operation requires, by operationId (x-required-roles)."""

BASE_URLS: Final[Mapping[Api, tuple[str, ...]]] = {base_urls}
"""Each API's server URLs, the vendor's default first (servers)."""


@cache
def _text(api: Api) -> str:
    if api not in APIS:
        raise ValueError(f"unknown API {{api!r}}; expected one of {{APIS}}")
    return resources.files(__name__).joinpath(f"{{api}}.openapi.json").read_text(encoding="utf-8")


def document(api: Api) -> dict[str, Any]:
    """The parsed OpenAPI document of `api` (a fresh copy: callers may modify it)."""
    parsed: dict[str, Any] = json.loads(_text(api))
    return parsed
'''


def _mapping_literal(mapping: Mapping[str, tuple[str, ...]]) -> str:
    """A Python literal for a str -> tuple[str, ...] mapping (ruff format tidies it afterwards)."""
    items = (
        json.dumps(key, ensure_ascii=False)
        + ": ("
        + "".join(json.dumps(value, ensure_ascii=False) + ", " for value in values)
        + ")"
        for key, values in mapping.items()
    )
    return "{" + ", ".join(items) + "}"


def generate_spec_package(documents: Mapping[str, Mapping[str, Any]]) -> None:
    package = STAGING / SPEC_PACKAGE
    package.mkdir(parents=True)
    for api in APIS:
        shipped: dict[str, Any] = {
            "x-generated": f"Generated from {api.spec} by {SCRIPT}. "
            f"Do not edit: change the source, then run `{REGENERATE_COMMAND}`."
        }
        shipped.update(documents[api.name])
        (package / f"{api.name}.openapi.json").write_text(
            json.dumps(shipped, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    facts = spec_facts(documents)
    sources = " and ".join(api.spec for api in APIS)
    line = f"# Generated from {sources} by {SCRIPT}. Do not edit: run `{REGENERATE_COMMAND}`."
    roles = _mapping_literal({op: facts["roles"][op] for op in sorted(facts["roles"])})
    base_urls = _mapping_literal({api.name: facts["base_urls"][api.name] for api in APIS})
    (package / "__init__.py").write_text(
        SPEC_INIT_TEMPLATE.format(
            header=line,
            script=SCRIPT,
            apis=tuple(api.name for api in APIS),
            batch_limit=facts["batch_limit"],
            roles=roles,
            base_urls=base_urls,
        ),
        encoding="utf-8",
    )
    (package / "py.typed").write_text(line + "\n", encoding="utf-8")


README_TEMPLATE = """\
<!-- Generated by {script}. Do not edit: run `{command}`. -->
# generated/

Everything here is written by `{script}` from the OpenAPI documents in `spec/` and the pinned
generators of pyproject's `generate` dependency group; nothing here is edited by hand. After
changing a spec, a template under `templates/` or the script, run `{command}` and commit
`generated/` with the change. CI runs `{command} -- --check`, which regenerates and fails when
anything here differs.

| package | made by | from |
|---|---|---|
{rows}

Every file names its source in its first line: a `#` comment in Python files and `py.typed`, an
HTML comment here, and an `"x-generated"` key (the first key; OpenAPI allows `x-` keys at the root)
in the JSON documents of `spec`, which cannot hold comments. This folder is the package
`{namespace}` (`overlays/contactimport/generated` is a link to it): import
`{namespace}.which50_client`, `{namespace}.spec` and so on.
"""


def generate_readme(versions: Mapping[str, str]) -> None:
    rows = []
    for api in APIS:
        rows.append(
            f"| `{api.client_package}` | openapi-python-client {versions['openapi-python-client']}"
            f" (attrs + httpx, sync and async; templates/openapi-python-client/) | `{api.spec}` |"
        )
        rows.append(
            f"| `{api.models_package}` | datamodel-code-generator "
            f"{versions['datamodel-code-generator']} (pydantic v2) | `{api.spec}` |"
        )
    rows.append(
        f"| `{SPEC_PACKAGE}` | {SCRIPT} (`document(api)`, MAX_BATCH_CONTACTS, REQUIRED_ROLES, "
        "BASE_URLS) | both |"
    )
    (STAGING / "README.md").write_text(
        README_TEMPLATE.format(
            script=SCRIPT, command=REGENERATE_COMMAND, rows="\n".join(rows), namespace=NAMESPACE
        ),
        encoding="utf-8",
    )


NAMESPACE_INIT = '''\
# Generated by {script}. Do not edit: run `{command}`.
"""The packages generated from spec/ (see README.md beside this file): the clients
(`which50_client`, `checkmarket_client`), the operation methods the clients are made of
(`which50_operations`, `checkmarket_operations`), the pydantic models (`which50_models`,
`checkmarket_models`) and the specs with facts read from them (`spec`)."""
'''


def generate_namespace_init() -> None:
    """generated/__init__.py: the folder is the package `contactimport.generated`."""
    (STAGING / "__init__.py").write_text(
        NAMESPACE_INIT.format(script=SCRIPT, command=REGENERATE_COMMAND), encoding="utf-8"
    )


def replace_generated_tree() -> None:
    """Swap the staged output in: generated/ ends up holding exactly what this run produced."""
    for entry in GENERATED.iterdir():
        if entry == STAGING:
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in sorted(STAGING.iterdir()):
        entry.rename(GENERATED / entry.name)


def _operations_header(api_name: str) -> str:
    return (
        f"# Generated from spec/{api_name}.openapi.yaml and overlays/contactimport/_parameters.py "
        f"by {SCRIPT} (scripts/operations_codegen.py). Do not edit: change the source, then run "
        f"`{REGENERATE_COMMAND}`."
    )


def regenerate() -> None:
    versions = check_tool_versions()
    documents = {api.name: load_spec(api) for api in APIS}
    for api in APIS:
        check_supported(api, documents[api.name])
    if STAGING.exists():
        shutil.rmtree(STAGING)
    STAGING.mkdir(parents=True)
    try:
        with tempfile.TemporaryDirectory(prefix="contactimport-generate-") as scratch:
            for api in APIS:
                generate_client(api, json_only_view(documents[api.name]), versions, Path(scratch))
                generate_models(api, models_view(documents[api.name]), versions, Path(scratch))
        try:
            # The operations as the generated client has them (vendor parameter names).
            views = {name: vendor_names_view(document) for name, document in documents.items()}
            write_operations(views, STAGING, _operations_header)
        except CodegenError as error:
            raise GenerationError(str(error)) from None
        generate_spec_package(documents)
        generate_readme(versions)
        generate_namespace_init()
        for command in (RUFF_FIX, RUFF_FORMAT):
            run(command, cwd=STAGING, what=" ".join(command))
        replace_generated_tree()
    finally:
        shutil.rmtree(STAGING, ignore_errors=True)


def drift() -> list[str]:
    """`git status --porcelain` lines for generated/: modified, deleted and untracked files."""
    result = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all", "--", "generated/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in result.stdout.splitlines() if line.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check",
        action="store_true",
        help="regenerate, then fail when generated/ differs from what git has (CI's drift check)",
    )
    arguments = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        regenerate()
    except GenerationError as error:
        print(f"generate: {error}", file=sys.stderr)
        return 1
    print(f"generate: generated/ rewritten in {time.perf_counter() - started:.1f} s")
    if arguments.check:
        changed = drift()
        if changed:
            print(
                "generate --check: generated/ is not what spec/, templates/ and scripts/ produce:",
                *(f"  {line}" for line in changed),
                f"Run `{REGENERATE_COMMAND}` and commit generated/ together with the change.",
                sep="\n",
                file=sys.stderr,
            )
            return 1
        print("generate --check: generated/ is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
