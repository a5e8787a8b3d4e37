"""contactimport._spec is the one reader of the spec for the hand-written layer: one loader, one
`$ref` resolver, one `ApiName`; every other module asks it, the scripts too (issue 19)."""

from __future__ import annotations

import ast
import typing
from pathlib import Path
from typing import Any

import pytest
from contactimport import _spec
from contactimport.generated.spec import APIS, document
from contactimport.workflows import batching

ROOT = Path(__file__).resolve().parents[2]
HAND_WRITTEN = [
    *sorted((ROOT / "overlays" / "contactimport").rglob("*.py")),
    *sorted((ROOT / "sandbox" / "contactimport_sandbox").rglob("*.py")),
    *sorted((ROOT / "scripts").glob("*.py")),
]
READER = ROOT / "overlays" / "contactimport" / "_spec.py"


def _is_generated_link(path: Path) -> bool:
    return path.is_relative_to(ROOT / "overlays" / "contactimport" / "generated")


def _files() -> list[tuple[Path, ast.Module]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8")))
        for path in HAND_WRITTEN
        if path != READER and not _is_generated_link(path)
    ]


def test_the_api_names_are_those_the_spec_package_ships() -> None:
    assert typing.get_args(_spec.ApiName) == APIS == _spec.APIS


def test_only_the_spec_reader_spells_out_the_api_names() -> None:
    spelled = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, tree in _files()
        for node in ast.walk(tree)
        if isinstance(node, ast.Subscript)
        and ast.unparse(node.value).endswith("Literal")
        and ast.unparse(node.slice) in ("('which50', 'checkmarket')", "'which50', 'checkmarket'")
    ]
    assert spelled == []


def test_only_the_spec_reader_loads_the_spec_documents() -> None:
    loaders = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, tree in _files()
        for node in ast.walk(tree)
        if (isinstance(node, ast.ImportFrom) and node.module == "contactimport.generated.spec")
        or (
            isinstance(node, ast.Import)
            and any(alias.name == "contactimport.generated.spec" for alias in node.names)
        )
    ]
    assert loaders == []


def test_only_the_spec_reader_walks_a_json_pointer() -> None:
    """A `$ref` is followed by splitting it on "/" and unescaping "~1": that is done once."""
    walkers = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, tree in _files()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value == "~1"
    ]
    assert walkers == []


def test_only_the_spec_reader_lists_the_http_methods() -> None:
    listed = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, tree in _files()
        for node in ast.walk(tree)
        if isinstance(node, ast.Tuple | ast.List | ast.Set)
        and {"get", "post", "patch"} <= {getattr(item, "value", None) for item in node.elts}
    ]
    assert listed == []


def test_a_broken_ref_is_named() -> None:
    with pytest.raises(KeyError, match="'#/components/schemas/Gone' does not resolve"):
        _spec.resolve({"components": {}}, {"$ref": "#/components/schemas/Gone"})


def test_an_operation_parameter_overrides_its_paths_parameter_of_that_name() -> None:
    doc: dict[str, Any] = {
        "components": {"parameters": {"Id": {"name": "id", "in": "path", "required": True}}},
        "paths": {
            "/things/{id}": {
                "parameters": [
                    {"$ref": "#/components/parameters/Id"},
                    {"name": "page", "in": "query"},
                ],
                "get": {
                    "operationId": "getThing",
                    "parameters": [{"name": "id", "in": "path", "description": "own"}],
                },
            }
        },
    }
    operation = _spec.find_operation(doc, "getThing")
    assert _spec.operation_parameters(doc, "/things/{id}", operation) == [
        {"name": "page", "in": "query"},
        {"name": "id", "in": "path", "description": "own"},
    ]
    assert [op for _, _, op in _spec.operations(doc)] == [operation]


def test_a_given_document_wins_over_the_packaged_one() -> None:
    given: dict[str, Any] = {"paths": {}}
    assert _spec.document("which50", given) is given
    assert _spec.document("which50")["info"] == document("which50")["info"]


def test_the_resolver_follows_a_chain_of_refs_and_refuses_a_circle() -> None:
    doc: dict[str, Any] = {
        "components": {
            "schemas": {
                "A": {"$ref": "#/components/schemas/B"},
                "B": {"$ref": "#/components/schemas/a~1b"},
                "a/b": {"type": "string"},
                "Loop": {"$ref": "#/components/schemas/Loop"},
            }
        }
    }
    assert _spec.resolve(doc, {"$ref": "#/components/schemas/A"}) == {"type": "string"}
    assert _spec.resolve(doc, 3) == 3
    with pytest.raises(ValueError, match="cycle"):
        _spec.resolve(doc, {"$ref": "#/components/schemas/Loop"})
    with pytest.raises(ValueError, match="only local"):
        _spec.follow(doc, "other.yaml#/X")


def test_the_operations_and_limits_have_one_reader() -> None:
    w50 = document("which50")
    upload = _spec.operation_specs("which50")["uploadImportBatch"]
    assert batching.request_body_max_items is _spec.request_body_max_items
    assert upload.request_max_items == _spec.request_body_max_items(w50, "uploadImportBatch")
    assert _spec.find_operation(w50, "uploadImportBatch")["operationId"] == "uploadImportBatch"
    with pytest.raises(KeyError, match="no operation 'nope'"):
        _spec.find_operation(w50, "nope")


def test_the_sandbox_and_the_workflows_read_the_states_alike() -> None:
    from contactimport.workflows.checkmarket import queue_states
    from contactimport.workflows.which50 import job_states
    from contactimport_sandbox import spec as sandbox_spec

    w50 = sandbox_spec.status_values(document("which50"), "ImportJob", "CurrentStatus")
    cm = sandbox_spec.status_values(document("checkmarket"), "ImportQueueItem", "StatusId")
    assert w50.items == job_states().items
    assert cm.items == queue_states().items
