"""The scripts' access to the specs: the YAML documents of spec/ (`load_document`) and the
hand-written layer's one spec reader, overlays/contactimport/_spec.py (`reader`: HTTP methods,
operations, `$ref`s, request limits, schema names), so that a script and the clients never read
the same fact two ways.

The scripts cannot `import contactimport._spec`: they run before contactimport is installed
(`nox -s generate` has only the generators) and while generated/ is rewritten, and that import
runs the package's `__init__`, which imports the clients and the generated code. `_spec.py`
imports nothing but the standard library (tests/test_layers.py pins that), so it is loaded here
by its path, as a module of its own; type checkers see it as `contactimport._spec`.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import yaml

__all__ = ["READER", "load_document", "reader"]

READER = Path(__file__).resolve().parent.parent / "overlays" / "contactimport" / "_spec.py"
_MODULE = "contactimport_spec_for_scripts"


def _load_reader() -> ModuleType:
    loaded = sys.modules.get(_MODULE)
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location(_MODULE, READER)
    if spec is None or spec.loader is None:  # pragma: no cover - the file ships with the repo
        raise ImportError(f"cannot load the spec reader {READER}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[_MODULE] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:
    from contactimport import _spec as reader
else:
    reader = _load_reader()


class JsonCompatibleLoader(yaml.SafeLoader):
    """YAML loader that keeps dates and times as strings, so the document stays JSON."""


JsonCompatibleLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


def load_document(path: Path) -> dict[str, Any]:
    """A spec document as the JSON it stands for (dates stay strings); a YAML file that is not a
    mapping raises ValueError."""
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=JsonCompatibleLoader)
    if not isinstance(document, dict):
        raise ValueError(f"{path.name} is not a YAML mapping")
    return document
