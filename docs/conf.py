"""Sphinx configuration of the documentation site (`nox -s docs`, scripts/build_docs.py).

Pages are Markdown (myst-parser); the SDK reference is written at build time from the public
modules (scripts/public_api.py: the modules and names that api.md lists) into
docs/reference/sdk/ (git-ignored) and rendered by autodoc; the CLI reference comes from the
click commands (sphinx-click). Built with -W: any warning fails, and a public name without a
docstring is a warning (docs/adr/0007-documentation-site.md).
"""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from sphinx.application import Sphinx
from sphinx.util import logging

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(ROOT / "scripts"))

import public_api  # noqa: E402  (scripts/public_api.py: what api.md lists)

project = "contactimport"
author = "contactimport developers"
copyright = "contactimport developers, MIT licence"
extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",  # the docstrings' Google-style "Args:" sections
    "sphinx_click",
    "sphinx_markdown_builder",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
smartquotes = False  # "--resume" stays two hyphens, quotes stay straight
default_role = "literal"  # docstrings write `name` for code, as Markdown does
exclude_patterns = ["_build", "**/__pycache__"]
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]
suppress_warnings = ["myst.header"]  # the ADRs and README-style pages start at "# N. Title"
html_theme = "furo"
html_title = "contactimport"
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"  # else browsers ask the sandbox for /favicon.ico (404)
html_show_sourcelink = False
html_copy_source = False
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_class_signature = "mixed"

SDK_DIR = DOCS / "reference" / "sdk"
CHECKED = frozenset(
    {"module", "class", "exception", "function", "method", "property", "classmethod"}
)
"""The kinds of object that must have a docstring (attributes and constants may go without)."""

log = logging.getLogger("contactimport.docs")


def _module_page(module: Any, homes: dict[int, str]) -> str:
    """One SDK reference page: the module's docstring, then each name it exports."""
    name = module.__name__
    lines = [f"# `{name}`", "", "```{eval-rst}", f".. automodule:: {name}", "```", ""]
    elsewhere: list[str] = []
    for export in sorted(module.__all__):
        value = getattr(module, export)
        home = homes.get(id(value))
        if home is not None and home != f"{name}.{export}":
            elsewhere.append(f"- `{export}`: see {{py:obj}}`{home}`")
            continue
        if inspect.isclass(value):
            options = [":members:", ":undoc-members:", ":show-inheritance:"]
            if issubclass(value, BaseException):
                directive = "autoexception"
            else:  # the clients' operation methods come from their generated bases
                directive = "autoclass"
                options.append(":inherited-members:")
        elif inspect.isfunction(value) or inspect.isfunction(getattr(value, "__wrapped__", None)):
            directive, options = "autofunction", []
        elif inspect.ismodule(value):
            elsewhere.append(f"- `{export}`: the module {{py:mod}}`{value.__name__}`")
            continue
        else:
            directive, options = "autodata", [":no-value:"]
        lines += ["```{eval-rst}", f".. {directive}:: {name}.{export}"]
        lines += [f"   {option}" for option in options]
        lines += ["```", ""]
    if elsewhere:
        lines += ["## Also exported here", "", *elsewhere, ""]
    return "\n".join(lines)


def write_sdk_reference(app: Sphinx) -> None:
    """docs/reference/sdk/: an index of every public module and name, and a page per module."""
    modules = list(public_api.public_modules())
    homes = public_api.homes(modules)
    SDK_DIR.mkdir(parents=True, exist_ok=True)
    pages = {f"{module.__name__}.md": _module_page(module, homes) for module in modules}
    index = [
        "# SDK reference",
        "",
        "Every public module of the `contactimport` package and the names it exports "
        "(the same list as `api.md`), rendered from their docstrings and type hints.",
        "",
    ]
    for module in modules:
        index.append(f"## [`{module.__name__}`]({module.__name__}.md)")
        index.append("")
        for export in sorted(module.__all__):
            target = homes.get(id(getattr(module, export)), f"{module.__name__}.{export}")
            index.append(f"- {{py:obj}}`{export} <{target}>`")
        index.append("")
    index += ["```{toctree}", ":hidden:", "", *[page[:-3] for page in pages], "```", ""]
    pages["index.md"] = "\n".join(index)
    for stale in SDK_DIR.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    for page, text in pages.items():
        target = SDK_DIR / page
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")


LITERAL_THEN_LETTER = re.compile(r"(?<![\w`])(`[^`\s][^`]*`)(?=\w)")
"""`Contact`s: Markdown's plural of a literal; reStructuredText needs an escaped space there."""


def markdown_literals(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Docstrings are written as Markdown reads: let a literal run into the next word."""
    lines[:] = [LITERAL_THEN_LETTER.sub(r"\1\\ ", line) for line in lines]


OPERATIONS_PAGE = DOCS / "reference" / "operations.md"
API_SPECS = {"which50": "W50API", "checkmarket": "CheckMarket API v3"}
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


def redoc_slug(text: str) -> str:
    """Redoc's anchor for a tag or an operationId (`#/tag/operationid`)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def write_operations_page(app: Sphinx) -> None:
    """docs/reference/operations.md: every operation of both specs, each linked to its place in
    the API reference (two clicks from /docs to any operation)."""
    lines = [
        "# Every operation",
        "",
        "Each operation of both specs, linked to its place in the API reference "
        "(rendered from `spec/` by `nox -s docs`).",
    ]
    for name, title in API_SPECS.items():
        document = yaml.safe_load((ROOT / "spec" / f"{name}.openapi.yaml").read_text("utf-8"))
        lines += ["", f"## {title}", "", "| operation | request | operationId |", "|---|---|---|"]
        for path, item in document["paths"].items():
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                operation = item[method]
                tag, operation_id = operation["tags"][0], operation["operationId"]
                anchor = f"{redoc_slug(tag)}/{redoc_slug(operation_id)}"
                link = f'<a href="../api/{name}.html#/{anchor}">{operation["summary"]}</a>'
                request = f"`{method.upper()} {path}`"
                lines.append(f"| {link} | {request} | `{operation['operationId']}` |")
    text = "\n".join(lines) + "\n"
    if not OPERATIONS_PAGE.exists() or OPERATIONS_PAGE.read_text(encoding="utf-8") != text:
        OPERATIONS_PAGE.write_text(text, encoding="utf-8")


def require_docstring(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """A public name without a docstring is a warning, and -W makes it an error."""
    if what in CHECKED and not any(line.strip() for line in lines):
        log.warning("%s %s has no docstring", what, name, type="contactimport", subtype="docstring")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", write_sdk_reference)
    app.connect("builder-inited", write_operations_page)
    app.connect("autodoc-process-docstring", require_docstring)
    app.connect("autodoc-process-docstring", markdown_literals)
    return {"parallel_read_safe": True}
