"""Issue 14: an operation added to a spec becomes a method of every client view after
generation, with no hand-written code (scripts/operations_codegen.py over openapi-python-client's
output, as `nox -s generate` runs them)."""

from __future__ import annotations

import ast
import copy
from pathlib import Path
from typing import Any

import pytest

from .test_generated_tree import generate

CLASSES = ("Which50Operations", "AsyncWhich50Operations", "Which50WithRawResponse")


def with_added_operation(document: dict[str, Any]) -> dict[str, Any]:
    added = copy.deepcopy(document)
    added["paths"]["/contactLists/{contactListId}/stats"] = {
        "parameters": [{"$ref": "#/components/parameters/contactListId"}],
        "get": {
            "operationId": "getContactListStats",
            "tags": ["Contact Lists"],
            "summary": "Count a list's contacts",
            "description": "How many contacts the list holds.",
            "parameters": [
                {
                    "name": "since",
                    "in": "query",
                    "required": False,
                    "description": "Only contacts added since this date.",
                    "schema": {"type": "string"},
                }
            ],
            "responses": {
                "200": {
                    "description": "The list.",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/ContactsList"}
                        }
                    },
                },
                "404": {"$ref": "#/components/responses/ContactListNotFound"},
            },
        },
    }
    return added


def test_an_operation_added_to_the_spec_is_a_method_of_every_client_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = generate.Api("which50")
    document = with_added_operation(generate.load_spec(api))
    monkeypatch.setattr(generate, "STAGING", tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    generate.generate_client(
        api, generate.json_only_view(document), {"openapi-python-client": "0.29.1"}, scratch
    )
    generate.write_operations({"which50": document}, tmp_path, lambda name: "# test")
    tree = ast.parse((tmp_path / "which50_operations.py").read_text(encoding="utf-8"))
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    for name in CLASSES:
        methods = {
            node.name: node
            for node in classes[name].body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        method = methods["get_contact_list_stats"]
        assert [a.arg for a in method.args.args] == ["self", "contact_list_id"]
        assert [a.arg for a in method.args.kwonlyargs][:1] == ["since"]
        assert isinstance(method, ast.AsyncFunctionDef) is name.startswith("Async")
        docstring = ast.get_docstring(method) or ""
        assert docstring.startswith("Count a list's contacts.")
        assert "since: Only contacts added since this date." in docstring
        assert "NotFoundError: 404" in docstring
        returns = ast.unparse(method.returns) if method.returns else ""
        assert returns == ("APIResponse[ContactsList]" if "Raw" in name else "ContactsList")
