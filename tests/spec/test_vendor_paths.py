"""Every path the vendors document is a path of the spec, verbatim, with the methods documented.

Sources: the seed pages and the operations tables of api-facts.md (the notes beside the seeds).
"Verbatim" is checked on the vendor's spelling: each spec path is compared with its template
parameters renamed to their `x-vendor-name` where an operation declares one (OpenAPI forbids two
templates differing only by parameter name, so `POST /3/contacts/import/{importConfigId}` and
`GET /3/contacts/import/{queueItemId}` share `/3/contacts/import/{id}`; see the spec's
`result-path`). No other liberty is taken: a renamed segment, a missing `/result/` or another
parameter name fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .seedpages import SeedPage, default_seed_folder
from .specdoc import Api, Document, Operation, load_document, visited

_TABLE_ROW = re.compile(r"^\|\s*(?P<methods>[A-Z][A-Z /]*?)\s*\|\s*(?P<cell>`[^|]*)\|")
_CODE = re.compile(r"`([^`]+)`")


def api_facts_path() -> Path:
    """api-facts.md in the notes folder beside the seed pages."""
    return default_seed_folder().parent / "notes" / "api-facts.md"


def documented_in_facts(text: str) -> list[tuple[Api, str, str]]:
    """(api, method, path) for every path of the operations tables, optional parts both ways.

    `configs[/{importConfigId}]` is both `configs` and `configs/{importConfigId}`; a query string
    (`?name={name}`) is not part of the path; an alias in the cell's prose (`older alias ...`) is
    a documented path too.
    """
    found: list[tuple[Api, str, str]] = []
    api: Api | None = None
    for line in text.splitlines():
        if line.startswith("## API 1"):
            api = "which50"
        elif line.startswith("## API 2"):
            api = "checkmarket"
        match = _TABLE_ROW.match(line.strip())
        if api is None or match is None:
            continue
        methods = [m for m in re.split(r"[ /]+", match["methods"]) if m]
        for code in _CODE.findall(match["cell"]):
            path = code.split("?", 1)[0]
            optional = re.fullmatch(r"(?P<head>[^\[]*)\[(?P<tail>[^\]]*)\]", path)
            variants = (
                [path]
                if optional is None
                else [optional["head"], optional["head"] + optional["tail"]]
            )
            for variant in variants:
                for method in methods:
                    found.append((api, method, "/" + variant.lstrip("/")))
    return found


def vendor_spelling(doc: Document, operation: Operation) -> str:
    """The operation's path with each template parameter named as the vendor names it."""
    path = operation.path
    for parameter in doc.parameters(operation):
        vendor = parameter.get("x-vendor-name")
        if parameter.get("in") == "path" and isinstance(vendor, str):
            path = path.replace("{" + str(parameter["name"]) + "}", "{" + vendor + "}")
    return path


def _spec_paths(api: Api) -> dict[str, set[str]]:
    doc = load_document(api)
    paths: dict[str, set[str]] = {}
    for operation in doc.operations():
        paths.setdefault(vendor_spelling(doc, operation), set()).add(operation.method.upper())
    return paths


def _problems(documented: list[tuple[Api, str, str]], source: str) -> list[str]:
    problems: list[str] = []
    for api, method, path in documented:
        methods = _spec_paths(api).get(path)
        if methods is None:
            problems.append(f"{source}: {api} path {path} is not a path of the spec")
        elif method not in methods and not _optional_list_path(path, method):
            problems.append(f"{source}: {method} {path} ({api}) is not an operation of the spec")
    return problems


def _optional_list_path(path: str, method: str) -> bool:
    # "GET / DELETE configs[/{importConfigId}]": DELETE belongs to the item path only.
    return method == "DELETE" and path.endswith("/configs")


def test_every_path_of_the_api_facts_is_a_path_of_the_spec() -> None:
    facts = api_facts_path()
    if not facts.is_file():
        pytest.skip(f"{facts} not found (it lives beside the seed pages)")
    documented = visited(documented_in_facts(facts.read_text(encoding="utf-8")), "documented path")
    assert ("checkmarket", "GET", "/3/contacts/import/{queueItemId}") in documented
    assert ("checkmarket", "GET", "/3/contacts/import/result/{queueItemId}") in documented
    problems = _problems(documented, "api-facts.md")
    assert not problems, "\n".join(problems)


def test_every_path_of_the_seed_pages_is_a_path_of_the_spec(seed_pages: list[SeedPage]) -> None:
    documented: list[tuple[Api, str, str]] = [
        (page.api, method.upper(), page.path) for page in seed_pages for method in page.methods
    ]
    problems = _problems(visited(documented, "seed page path"), "seeds")
    assert not problems, "\n".join(problems)


def test_the_current_result_path_and_its_deprecated_alias_are_both_in_the_spec() -> None:
    doc = load_document("checkmarket")
    by_id = {operation.operation_id: operation for operation in doc.operations()}
    current, legacy = by_id["getImportResult"], by_id["getImportResultLegacy"]
    assert vendor_spelling(doc, current) == "/3/contacts/import/{queueItemId}"
    assert legacy.path == "/3/contacts/import/result/{queueItemId}"
    assert legacy.node.get("deprecated") is True and not current.node.get("deprecated")
    assert (
        vendor_spelling(doc, by_id["bulkImportContacts"]) == "/3/contacts/import/{importConfigId}"
    )


def test_the_facts_reader_expands_optional_parts_and_drops_query_strings() -> None:
    text = (
        "## API 2 — x\n"
        "| GET / DELETE | `3/contacts/import/configs[/{importConfigId}]` | read |\n"
        "| PUT | `3/contacts/import/configs/{importConfigId}?name={name}` | rename |\n"
        "| GET | `3/a/{b}` (older alias `3/a/old/{b}`) | result |\n"
    )
    assert documented_in_facts(text) == [
        ("checkmarket", "GET", "/3/contacts/import/configs"),
        ("checkmarket", "DELETE", "/3/contacts/import/configs"),
        ("checkmarket", "GET", "/3/contacts/import/configs/{importConfigId}"),
        ("checkmarket", "DELETE", "/3/contacts/import/configs/{importConfigId}"),
        ("checkmarket", "PUT", "/3/contacts/import/configs/{importConfigId}"),
        ("checkmarket", "GET", "/3/a/{b}"),
        ("checkmarket", "GET", "/3/a/old/{b}"),
    ]
