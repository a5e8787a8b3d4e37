"""The layers of the hand-written code, and that imports only go down them (docs/architecture in
README "How it is built"): every import counts, at the top of a module or deferred inside a
function, so a circle cannot hide behind a late import.

Bottom to top: the spec reader and the codec; the transport; the core; the clients; the
workflows; the package; the CLI. The sandbox stands beside them and uses only what
`SANDBOX_USES` names. Generated code sits with the clients and uses exactly `GENERATED_USES`.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {
    "contactimport": ROOT / "overlays" / "contactimport",
    "contactimport.generated": ROOT / "generated",
    "contactimport_sandbox": ROOT / "sandbox" / "contactimport_sandbox",
}

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "spec reader and codec",
        (
            "contactimport._spec",
            "contactimport._arraybounds",
            "contactimport._wireformats",
            "contactimport._files",
            "contactimport._version",
            "contactimport.datacontract",
            "contactimport.generated.spec",
            "contactimport.generated=",
        ),
    ),
    ("transport", ("contactimport.transport",)),
    (
        "core",
        (
            "contactimport._core",
            "contactimport._requests",
            "contactimport._responses",
            "contactimport._senders",
            "contactimport._lifecycle",
            "contactimport._operations",
            "contactimport._parameters",
            "contactimport.errors",
            "contactimport.querystring",
            "contactimport.settings",
            "contactimport.csvsource",
            "contactimport.generated.which50_client",
            "contactimport.generated.checkmarket_client",
            "contactimport.generated.which50_models",
            "contactimport.generated.checkmarket_models",
        ),
    ),
    (
        "clients",
        (
            "contactimport.which50",
            "contactimport.checkmarket",
            "contactimport.generated.which50_operations",
            "contactimport.generated.checkmarket_operations",
        ),
    ),
    ("workflows", ("contactimport.workflows",)),
    ("package", ("contactimport=",)),
    ("cli", ("contactimport.cli",)),
)
"""Each module belongs to the layer of its longest listed prefix (`name=`: that module alone); it
may import its own layer and those below."""

GENERATED_USES = frozenset(
    {"contactimport._operations", "contactimport._parameters", "contactimport.settings"}
)
"""The generated `*_operations` modules bind the operations at run time (ADR 0006): the only
hand-written modules generated code imports (`settings` for the `WireFormat` type only)."""

SANDBOX_USES = frozenset(
    {
        "contactimport._spec",
        "contactimport._wireformats",
        "contactimport.datacontract",
        "contactimport.generated.spec",
        # The sandbox reads `match`/`customevents` items by the clients' own rule
        # (`list_item_rule`), so client and server cannot disagree on a name.
        "contactimport.querystring",
    }
)
"""What the reference server uses of the hand-written layer."""

SANDBOX_CLIENT_SIDE = frozenset({"contactimport_sandbox.pytest_plugin"})
"""The pytest plugin hands users' tests clients wired to a sandbox: it may use the package."""


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package, root in PACKAGES.items():
        for path in sorted(root.rglob("*.py")):
            relative = path.relative_to(root)
            if package == "contactimport" and relative.parts[0] == "generated":
                continue  # the link to generated/, read as itself
            if package == "contactimport.generated" and relative.parts[0].startswith("."):
                continue
            parts = [package, *relative.with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(module: str, path: Path) -> Iterator[tuple[str, int]]:
    """(imported module, line) for every import in the file, deferred ones included; `from p import
    n` counts as `p.n` when that is a module."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                child = f"{target}.{alias.name}"
                yield (child if child in MODULES else target), node.lineno


def _graph() -> dict[str, set[tuple[str, int]]]:
    return {
        module: {
            (name, line)
            for name, line in _imports(module, path)
            if name.split(".")[0] in ("contactimport", "contactimport_sandbox") and name != module
        }
        for module, path in MODULES.items()
    }


def _layer(module: str) -> int | None:
    best: tuple[int, int] | None = None
    for rank, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if prefix.endswith("="):
                matches = module == prefix[:-1]
            else:
                matches = module == prefix or module.startswith(prefix + ".")
            if matches and (best is None or len(prefix) > best[1]):
                best = (rank, len(prefix))
    return None if best is None else best[0]


def _within(name: str, allowed: frozenset[str]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in allowed)


def test_every_hand_written_module_has_a_layer() -> None:
    unplaced = [
        m for m in MODULES if not m.startswith("contactimport_sandbox") and _layer(m) is None
    ]
    assert unplaced == []


def test_imports_only_go_down_the_layers() -> None:
    back_edges = [
        f"{module}:{line} imports {name} ({LAYERS[above][0]} above {LAYERS[own][0]})"
        for module, edges in _graph().items()
        if (own := _layer(module)) is not None and not module.startswith("contactimport_sandbox")
        for name, line in sorted(edges)
        if (above := _layer(name)) is not None and above > own
    ]
    assert back_edges == []


def test_generated_code_uses_only_the_operation_binding() -> None:
    found = [
        f"{module}:{line} imports {name}"
        for module, edges in _graph().items()
        if module.startswith("contactimport.generated")
        for name, line in sorted(edges)
        if not name.startswith("contactimport.generated") and name not in GENERATED_USES
    ]
    assert found == []


def test_the_sandbox_uses_only_the_codec_and_the_spec_reader() -> None:
    found = [
        f"{module}:{line} imports {name}"
        for module, edges in _graph().items()
        if module.startswith("contactimport_sandbox") and module not in SANDBOX_CLIENT_SIDE
        for name, line in sorted(edges)
        if name.startswith("contactimport.") or name == "contactimport"
        if not _within(name, SANDBOX_USES)
    ]
    assert found == []


def test_the_hand_written_layer_does_not_import_the_sandbox() -> None:
    """Only the CLI, on top of every layer, starts the sandbox (`contactimport sandbox`, the
    demo), importing the optional extra when a command needs it; nothing below it knows it."""
    found = [
        f"{module}:{line}"
        for module, edges in _graph().items()
        if module.startswith("contactimport.") or module == "contactimport"
        if not module.startswith("contactimport.cli")
        for name, line in edges
        if name.startswith("contactimport_sandbox")
    ]
    assert found == []


def test_no_module_imports_itself_through_others() -> None:
    graph = {module: {name for name, _ in edges} for module, edges in _graph().items()}
    circles: set[tuple[str, ...]] = set()

    def visit(module: str, path: list[str]) -> None:
        for name in sorted(graph.get(module, ())):
            if name in path:
                circle = path[path.index(name) :]
                start = circle.index(min(circle))
                circles.add(tuple(circle[start:] + circle[:start]))
            elif name not in done:
                visit(name, [*path, name])
        done.add(module)

    done: set[str] = set()
    for module in sorted(graph):
        if module not in done:
            visit(module, [module])
    # A package's __init__ re-exporting its modules is no circle: the modules never import it.
    assert sorted(" -> ".join(c) for c in circles) == []


def test_the_spec_reader_needs_nothing_beyond_the_standard_library() -> None:
    """scripts/spec_reader.py loads `_spec.py` by its path, before contactimport is installed
    and while generated/ is rewritten: it imports nothing else, but for the packaged documents
    that `document()` imports when called (the scripts read spec/ themselves)."""
    module = "contactimport._spec"
    imported = {name for name, _ in _imports(module, MODULES[module])}
    outside = {name for name in imported if name.split(".")[0] not in sys.stdlib_module_names}
    assert outside == {"contactimport.generated.spec"}
