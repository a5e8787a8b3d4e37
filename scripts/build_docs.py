"""Build the documentation site into site/ (`nox -s docs`); nothing is fetched but npm's package.

    python scripts/build_docs.py --redocly @redocly/cli@2.77.0

1. The API reference of each spec: a copy of the spec with our `x-` extensions folded into the
   descriptions (Redoc shows no `x-` extension: every `x-assumption` becomes a marked
   "Our assumption" note, CheckMarket's `x-required-roles` a "Roles" line, status values and
   result codes tables), rendered by Redocly CLI `build-docs --inlineBundle` into one
   self-contained page, site/api/NAME.html, beside the folded spec (NAME.openapi.json) and a
   Markdown digest of its operations (NAME.md).
2. The guides, the SDK reference (autodoc) and the CLI reference (sphinx-click): Sphinx with -W
   (docs/conf.py) into site/, then the same pages as Markdown (sphinx-markdown-builder) beside
   their HTML, and site/llms.txt listing them.
3. A check that no page of site/ loads anything from another host (script, stylesheet, font,
   image); the browser test (tests/docs) checks the rendered pages as well.
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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The sibling module, also when this file is loaded by path (tests/docs does).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from spec_reader import load_document, reader

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
WORK = ROOT / "build" / "docs"


@dataclass(frozen=True)
class ApiReference:
    """One spec's API reference page."""

    name: str
    spec: Path
    title: str


API_REFERENCES = (
    ApiReference("which50", ROOT / "spec" / "which50.openapi.yaml", "W50API reference"),
    ApiReference(
        "checkmarket", ROOT / "spec" / "checkmarket.openapi.yaml", "CheckMarket reference"
    ),
)
DESIGN_PAGES = ("spec-conventions.md", "conformance.md")
ASSUMPTION_LABEL = "Our assumption (not the vendor's)"
ASSUMPTION_MARK = "**Our assumption** (not the vendor's):"
REDOC_LOGOS = re.compile(r"https://cdn\.redoc\.ly/redoc/logo-mini(?:-full)?\.svg")
"""Redoc's "API docs by Redocly" badge is an image from Redocly's CDN; it is served locally."""
REDOCLY_BADGE = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"><text x="0" y="15" '
    'font-family="sans-serif" font-size="14" fill="#0044d4">Redocly</text></svg>\n'
)
FAVICON = '<link rel="icon" href="../_static/favicon.svg">'
"""The site's icon (docs/_static), so that browsers do not ask for /favicon.ico."""
EXTERNAL_LOAD = re.compile(
    r"""<(?:script|img|iframe|source)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//|@import\s+["'](?:https?:)?//"""
    r"""|\bsrc:\s*`https?://""",
    re.IGNORECASE,
)


def _note(description: str | None, note: str, *, first: bool = False) -> str:
    parts = [note, description] if first else [description, note]
    return "\n\n".join(part.strip() for part in parts if part)


def _table(header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        lines.append("| " + " | ".join("" if cell is None else str(cell) for cell in row) + " |")
    return "\n".join(lines)


def _fold_node(node: dict[str, Any]) -> None:
    """Fold the extensions of one object of the spec into its description, in place."""
    description = node.get("description")
    if "x-status-values" in node:
        statuses: list[tuple[Any, ...]] = [
            (v["value"], v.get("meaning"), v.get("stage"), v.get("outcome"))
            for v in node["x-status-values"]
        ]
        table = _table(("value", "meaning", "stage", "outcome"), statuses)
        description = _note(description, "Status values:\n\n" + table)
    if "x-result-codes" in node:
        codes: list[tuple[Any, ...]] = [
            (v["code"], v.get("meaning"), v.get("outcome")) for v in node["x-result-codes"]
        ]
        table = _table(("code", "meaning", "outcome"), codes)
        description = _note(description, "Result codes:\n\n" + table)
    if "x-enum-descriptions" in node and "enum" in node:
        meanings: list[tuple[Any, ...]] = list(
            zip(node["enum"], node["x-enum-descriptions"], strict=False)
        )
        description = _note(description, _table(("value", "meaning"), meanings))
    if "x-repeat-harmless" in node:
        harmless = node["x-repeat-harmless"].items()
        condition = ", ".join(f"`{key}` {value}" for key, value in harmless)
        note = f"**Sending it again stores nothing twice** when: {condition}."
        description = _note(description, note)
    if node.get("x-replay-safe") is True:
        note = "**Replay-safe**: the SDK may send it again after a lost answer."
        description = _note(description, note)
    if "x-assumption" in node:
        description = _note(description, f"> {ASSUMPTION_MARK} {node['x-assumption'].strip()}")
    if "x-required-roles" in node:
        roles = ", ".join(f"`{role}`" for role in node["x-required-roles"])
        description = _note(description, f"**Roles:** {roles}", first=True)
    if description is not None:
        node["description"] = description


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def fold_extensions(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of an OpenAPI document whose `x-` extensions that a reader needs are descriptions."""
    folded = copy.deepcopy(document)
    for node in _walk(folded):
        if "$ref" not in node:
            _fold_node(node)
    info = folded["info"]
    assumptions = info.get("x-assumptions", [])
    if assumptions:
        lines = [
            "## Our assumptions",
            "",
            "The vendor's pages leave gaps; each choice this description makes is ours, marked "
            f'"{ASSUMPTION_LABEL}" where it applies, and listed here.',
            "",
        ]
        lines += [f"- **`{item['id']}`**: {item['text'].strip()}" for item in assumptions]
        info["description"] = _note(info.get("description"), "\n".join(lines))
    return folded


def markdown_digest(document: dict[str, Any], page: str) -> str:
    """The Markdown twin of an API reference page, for readers and assistants."""
    info = document["info"]
    lines = [f"# {info['title']}", "", f"Rendered page: {page}", "", info.get("description", "")]
    for method, path, operation in reader.operations(document):
        lines += [
            "",
            f"## {operation.get('summary', operation['operationId'])}",
            "",
            f"`{method.upper()} {path}` (operationId `{operation['operationId']}`)",
            "",
            operation.get("description", ""),
        ]
        for parameter in operation.get("parameters", []):
            if "name" in parameter:
                lines.append(
                    f"- `{parameter['name']}` ({parameter.get('in')}): "
                    f"{parameter.get('description', '').strip()}"
                )
    return "\n".join(lines).rstrip() + "\n"


def build_api_references(redocly: str) -> None:
    """site/api/: per spec the folded spec, its Redoc page and its Markdown digest."""
    out = SITE / "api"
    out.mkdir(parents=True, exist_ok=True)
    (out / "redocly-logo.svg").write_text(REDOCLY_BADGE, encoding="utf-8")
    for reference in API_REFERENCES:
        document = load_document(reference.spec)
        folded = fold_extensions(document)
        spec_file = out / f"{reference.name}.openapi.json"
        spec_file.write_text(json.dumps(folded, indent=1, ensure_ascii=False), encoding="utf-8")
        page = out / f"{reference.name}.html"
        subprocess.run(
            [
                "npx",
                "--yes",
                redocly,
                "build-docs",
                str(spec_file),
                "--inlineBundle",
                "--output",
                str(page),
                "--title",
                f"{reference.title} - contactimport",
                "--lint-config",
                "off",
            ],
            check=True,
            cwd=ROOT,
            # Off: Redocly CLI's usage report, and Redoc's traces from the reader's browser to
            # Redocly's collector (the page's disableTelemetry follows this variable).
            env={**os.environ, "REDOCLY_TELEMETRY": "off"},
        )
        html = page.read_text(encoding="utf-8")
        if '"disableTelemetry":true' not in html:
            raise SystemExit(f"{page.name}: Redoc's telemetry is not disabled")
        html = REDOC_LOGOS.sub("redocly-logo.svg", html)
        html = html.replace("<head>", f"<head>\n{FAVICON}", 1)
        page.write_text(html, encoding="utf-8")
        (out / f"{reference.name}.md").write_text(
            markdown_digest(folded, f"api/{reference.name}.html"), encoding="utf-8"
        )


def sphinx(builder: str, output: Path, *, strict: bool) -> None:
    """Run Sphinx. Strict: a fresh environment, any warning fails (-W). The Markdown twin
    reuses that environment and is not strict: it only renders what the HTML build checked."""
    options = ["-E", "-W", "--keep-going", "-q"] if strict else ["-Q"]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            *options,
            "-b",
            builder,
            "-d",
            str(WORK / "doctrees"),
            str(ROOT / "docs"),
            str(output),
        ],
        check=True,
        cwd=ROOT,
    )


def build_pages() -> list[tuple[str, str]]:
    """The Sphinx pages as HTML in site/ and as Markdown beside them; returns (page, title)."""
    sphinx("html", SITE, strict=True)
    markdown = WORK / "markdown"
    shutil.rmtree(markdown, ignore_errors=True)
    sphinx("markdown", markdown, strict=False)
    pages: list[tuple[str, str]] = []
    for source in sorted(markdown.rglob("*.md")):
        relative = source.relative_to(markdown)
        target = SITE / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        title = next(
            (
                line.lstrip("# ").strip()
                for line in source.read_text("utf-8").splitlines()
                if line.startswith("# ")
            ),
            relative.stem,
        )
        pages.append((relative.as_posix(), title.replace("`", "")))
    shutil.rmtree(SITE / ".doctrees", ignore_errors=True)
    return pages


def write_llms_txt(pages: list[tuple[str, str]]) -> None:
    """site/llms.txt (llmstxt.org): what the site holds, each page as Markdown."""
    lines = [
        "# contactimport",
        "",
        "> Typed Python SDK, CLI and sandbox server for the Which50 W50API and the CheckMarket "
        "API v3 contact import APIs. Every page below is Markdown; the HTML site is beside it.",
        "",
        "- [Start here](index.md): what the site holds, every reference and guide",
        "",
        "## API references",
        "",
    ]
    for reference in API_REFERENCES:
        lines.append(
            f"- [{reference.title}](api/{reference.name}.md): every operation of "
            f"{reference.spec.name} (the OpenAPI document: api/{reference.name}.openapi.json)"
        )
    sections: dict[str, list[str]] = {"Guides": [], "Reference": [], "Design": []}
    for page, title in pages:
        if page == "index.md":
            continue
        if page.startswith("reference/"):
            section = "Reference"
        elif page.startswith("adr/") or page in DESIGN_PAGES:
            section = "Design"
        else:
            section = "Guides"
        sections[section].append(f"- [{title}]({page})")
    for section, entries in sections.items():
        lines += ["", f"## {section}", "", *entries]
    (SITE / "llms.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def external_loads(site: Path) -> list[str]:
    """Every place in site/'s HTML, CSS and JS that would load something from another host."""
    found: list[str] = []
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".css", ".js") and path.is_file():
            for match in EXTERNAL_LOAD.finditer(path.read_text(encoding="utf-8", errors="replace")):
                found.append(f"{path.relative_to(site)}: {match.group(0)[:120]}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--redocly", required=True, help="the pinned npm package of Redocly CLI")
    arguments = parser.parse_args(argv)
    shutil.rmtree(SITE, ignore_errors=True)
    SITE.mkdir(parents=True)
    pages = build_pages()
    build_api_references(arguments.redocly)
    write_llms_txt(pages)
    loads = external_loads(SITE)
    if loads:
        print("site/ would load from other hosts:", *loads, sep="\n  ", file=sys.stderr)
        return 1
    print(f"built site/: {len(pages)} pages, {len(API_REFERENCES)} API references")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
