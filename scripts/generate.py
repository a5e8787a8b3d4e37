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
configuration applies, and only replaces generated/ once every step has succeeded. The specs are
read with the clients' reader (scripts/spec_reader.py); what the generators are fed is
scripts/spec_views.py's.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

# The sibling modules, also when this file is loaded by path (tests/generated does).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from operations_codegen import CodegenError, write_operations
from spec_reader import load_document, reader
from spec_views import (
    GenerationError,
    check_supported,
    json_only_view,
    models_view,
    vendor_names_view,
)

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
STAGING = GENERATED / ".staging"
TEMPLATES = ROOT / "templates"
OPC_TEMPLATES = TEMPLATES / "openapi-python-client"
REGENERATE_COMMAND = "nox -s generate"
SCRIPT = "scripts/generate.py"
PINNED_TOOLS = ("openapi-python-client", "datamodel-code-generator", "ruff")
RUFF_FIX = ("ruff", "check", ".", "--fix-only", "--select", "I,F401,UP")
RUFF_FORMAT = ("ruff", "format", ".")


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


def load_spec(api: Api) -> dict[str, Any]:
    path = ROOT / api.spec
    if not path.is_file():
        raise GenerationError(f"{api.spec} is missing")
    try:
        return load_document(path)
    except ValueError:
        raise GenerationError(f"{api.spec} is not a YAML mapping") from None


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
        check_supported(api.spec, documents[api.name])
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
