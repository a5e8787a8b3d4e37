"""scripts/build_docs.py: what the API reference pages are rendered from (no browser needed)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def load_build_docs() -> ModuleType:
    location = ROOT / "scripts" / "build_docs.py"
    spec = importlib.util.spec_from_file_location("build_docs", location)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_docs"] = module
    spec.loader.exec_module(module)
    return module


build_docs = load_build_docs()


def nodes(value: Any) -> list[dict[str, Any]]:
    return list(build_docs._walk(value))


def test_an_operation_shows_its_roles_first_and_its_assumption_marked_as_ours() -> None:
    document: dict[str, Any] = {
        "info": {
            "title": "T",
            "description": "About.",
            "x-assumptions": [{"id": "auth", "text": "Keys in headers."}],
        },
        "paths": {
            "/x": {
                "get": {
                    "operationId": "getX",
                    "summary": "Get X",
                    "description": "Reads X.",
                    "x-required-roles": ["Contacts (read)"],
                    "x-assumption": "The role is ours.",
                }
            }
        },
    }
    folded = build_docs.fold_extensions(document)
    description = folded["paths"]["/x"]["get"]["description"]
    assert description.startswith("**Roles:** `Contacts (read)`")
    assert "Reads X." in description
    assert "> **Our assumption** (not the vendor's): The role is ours." in description
    assert "## Our assumptions" in folded["info"]["description"]
    assert "**`auth`**: Keys in headers." in folded["info"]["description"]
    assert document["paths"]["/x"]["get"]["description"] == "Reads X."  # the spec is untouched


@pytest.mark.parametrize("name", ["which50", "checkmarket"])
def test_every_assumption_and_role_of_the_specs_reaches_a_description(name: str) -> None:
    document = yaml.safe_load((ROOT / "spec" / f"{name}.openapi.yaml").read_text("utf-8"))
    folded = json.dumps(build_docs.fold_extensions(document))
    marked = [node for node in nodes(document) if "x-assumption" in node]
    assert marked
    for node in marked:
        assert "$ref" not in node, "Redoc ignores a description beside $ref: use allOf"
        note = f"{build_docs.ASSUMPTION_MARK} {node['x-assumption'].strip()}"
        assert json.dumps(note)[1:-1] in folded, note
    for node in nodes(document):
        for role in node.get("x-required-roles", []):
            assert json.dumps(f"`{role}`")[1:-1] in folded


def test_external_loads_are_found(tmp_path: Path) -> None:
    pages = {
        "cdn.html": '<link rel="modulepreload" href="https://cdn.example/redoc.js">',
        "font.css": "@font-face { src: url(https://fonts.example/x.woff2) }",
        "img.js": "e?`https://cdn.example/logo.svg`:1;x({src:`https://cdn.example/logo.svg`})",
        "fine.html": '<a href="https://example.com/">a link is not a load</a>',
    }
    site = tmp_path
    for page, text in pages.items():
        (site / page).write_text(text, encoding="utf-8")
    found = {entry.split(":")[0] for entry in build_docs.external_loads(site)}
    assert found == {"cdn.html", "font.css", "img.js"}
