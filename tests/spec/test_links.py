"""OpenAPI links: they must point at real operations and parameters, resolve against the
documents' own response schemas, and chain from an operation without path parameters through
every step of both import workflows (stateful conformance runs follow nothing else)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from .specdoc import Document, Operation, load_document, visited

REQUEST_PATH = re.compile(r"^\$request\.path\.([A-Za-z0-9_]+)$")
RESPONSE_BODY = re.compile(r"^\$response\.body#(/.*)?$")

# Each workflow, step by step: every operation of step n must be linked from one of step n-1.
WORKFLOWS: dict[str, list[list[str]]] = {
    "which50": [
        ["listContactLists"],
        ["createImportJob"],
        ["uploadImportBatch"],
        ["runImportJob", "runImportJobPut", "runImportJobPatch"],
        ["getImportJob"],
    ],
    "checkmarket": [
        ["listImportConfigs"],
        ["createImportConfig"],
        ["bulkImportContacts"],
        ["getImportResult"],
    ],
}


def _links(doc: Document) -> Iterator[tuple[Operation, str, Mapping[str, Any], Mapping[str, Any]]]:
    """(source operation, status code, response, resolved link) for every link of the document."""
    for operation in doc.operations():
        for code, response in doc.responses(operation).items():
            for link in (response.get("links") or {}).values():
                resolved = doc.resolve(link)
                assert isinstance(resolved, Mapping)
                yield operation, code, response, resolved


def _edges(doc: Document) -> set[tuple[str, str]]:
    return {
        (source.operation_id, str(link.get("operationId")))
        for source, code, _, link in _links(doc)
        if code.startswith("2")
    }


def _walk(doc: Document, view: list[Any], pointer: str) -> bool:
    """Whether a JSON pointer can resolve in a body described by the schema view."""
    for token in pointer.split("/")[1:]:
        if token.isdigit() and doc.items(view):
            view = doc.items(view)
            continue
        properties = doc.properties(view)
        if token not in properties:
            return False
        view = properties[token]
    return True


def test_every_link_names_a_real_operation_and_its_parameters(doc: Document) -> None:
    by_id = {operation.operation_id: operation for operation in doc.operations()}
    problems: list[str] = []
    expressions = 0
    for source, code, response, link in visited(_links(doc), "links"):
        where = f"{source.label} {code} link to {link.get('operationId')}"
        target = by_id.get(str(link.get("operationId")))
        if target is None:
            problems.append(f"{where}: no such operationId")
            continue
        if "operationRef" in link:
            problems.append(f"{where}: operationRef (use operationId)")
        if not str(link.get("description", "")).strip():
            problems.append(f"{where}: no description")
        target_names = {str(p.get("name")) for p in doc.parameters(target)}
        source_path = {str(p.get("name")) for p in doc.parameters(source) if p.get("in") == "path"}
        body_view = doc.views(
            [
                media.get("schema")
                for media in (response.get("content") or {}).values()
                if isinstance(media, Mapping) and "schema" in media
            ][:1]
        )
        for name, expression in (link.get("parameters") or {}).items():
            expressions += 1
            if name not in target_names:
                problems.append(f"{where}: {name} is not a parameter of the target")
            request = REQUEST_PATH.match(str(expression))
            body = RESPONSE_BODY.match(str(expression))
            if request and request.group(1) not in source_path:
                problems.append(f"{where}: {expression} is not a path parameter of the source")
            elif body and not _walk(doc, body_view, body.group(1) or ""):
                problems.append(f"{where}: {expression} does not resolve in the response schema")
            elif not request and not body:
                problems.append(f"{where}: unsupported expression {expression!r}")
    assert not problems, "\n".join(problems)
    assert expressions, f"{doc.api}: no link passes a parameter, so no expression was checked"


def test_links_chain_through_every_step_of_the_import_workflow(doc: Document) -> None:
    edges = _edges(doc)
    steps = WORKFLOWS[doc.api]
    entry = next(op for op in doc.operations() if op.operation_id == steps[0][0])
    assert not [p for p in doc.parameters(entry) if p.get("in") == "path"], entry.label
    missing = [
        f"{'/'.join(previous)} -> {target}"
        for previous, current in itertools.pairwise(steps)
        for target in current
        if not any((source, target) in edges for source in previous)
    ]
    assert not missing, f"{doc.api}: no 2xx link for {missing}"


@pytest.fixture
def which50() -> Document:
    return load_document("which50")


def test_every_run_operation_is_linked_from_job_creation_and_from_upload(
    which50: Document,
) -> None:
    edges = _edges(which50)
    runs = ("runImportJob", "runImportJobPut", "runImportJobPatch")
    for source in ("createImportJob", "uploadImportBatch"):
        assert {run for run in runs if (source, run) not in edges} == set(), source


def test_the_contact_lists_lead_to_jobs_contacts_and_fields(which50: Document) -> None:
    edges = _edges(which50)
    for target in ("createImportJob", "upsertContact", "listContactListFields"):
        assert ("listContactLists", target) in edges
