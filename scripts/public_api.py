"""Write, or check, api.md: the public Python API of contactimport, name by name, with signatures.

The public API is what each public module (`contactimport` and its submodules whose names do
not start with `_`, the CLI and the generated packages excepted) lists in `__all__`: functions
with their signatures, classes with their constructor, public methods and properties
(inherited ones included), and constants with their type. A change of the surface is a change
of api.md, visible in review; `tests/test_public_api.py` fails when the committed file differs
from the code.

    python scripts/public_api.py           # print it
    python scripts/public_api.py --write   # rewrite api.md
    python scripts/public_api.py --check   # exit 1, with a diff, when api.md is stale
"""

from __future__ import annotations

import argparse
import difflib
import enum
import importlib
import inspect
import pkgutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
API_FILE = ROOT / "api.md"
PACKAGE = "contactimport"
NOT_PUBLIC = ("contactimport.cli", "contactimport.generated")
"""The CLI is a command, not an API; contactimport.generated is written from the specs, which
are its record (spec/*.openapi.yaml)."""
HEADER = """\
<!-- Written by scripts/public_api.py (`nox -s api`). Do not edit: change the code, then run it. -->
# The public API of contactimport

Every name a public module exports (`__all__`), with its signature. `tests/test_public_api.py`
fails when this file and the code differ, so a change of the surface shows in review; record a
user-visible change in CHANGELOG.md.
"""


def public_modules() -> Iterator[ModuleType]:
    package = importlib.import_module(PACKAGE)
    yield package
    names = sorted(
        info.name
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{PACKAGE}.")
        if not any(part.startswith("_") for part in info.name.split("."))
        and not info.name.startswith(NOT_PUBLIC)
    )
    for name in names:
        module = importlib.import_module(name)
        if hasattr(module, "__all__"):
            yield module


def _annotation_text(annotation: Any) -> str:
    if isinstance(annotation, str):  # modules use `from __future__ import annotations`
        return annotation
    return inspect.formatannotation(annotation)


def _default_text(value: Any) -> str:
    """A default as it reads in the source: a function by its dotted name, not its address."""
    if inspect.isroutine(value) or inspect.isclass(value):
        return f"{value.__module__}.{value.__qualname__}"
    return repr(value)


def signature(target: Any) -> str:
    """`(name: type = default, *, ...) -> type`, annotations as written in the source."""
    try:
        found = inspect.signature(target)
    except (TypeError, ValueError):
        return "(...)"
    parameters = []
    for parameter in found.parameters.values():
        text = parameter.name
        if parameter.kind is parameter.VAR_POSITIONAL:
            text = "*" + text
        elif parameter.kind is parameter.VAR_KEYWORD:
            text = "**" + text
        if parameter.annotation is not parameter.empty:
            text += f": {_annotation_text(parameter.annotation)}"
        if parameter.default is not parameter.empty:
            text += f" = {_default_text(parameter.default)}"
        parameters.append((parameter.kind, text))
    words: list[str] = []
    kinds = [kind for kind, _ in parameters]
    bare_star = inspect.Parameter.VAR_POSITIONAL not in kinds
    for index, (kind, text) in enumerate(parameters):
        first_keyword_only = kind is inspect.Parameter.KEYWORD_ONLY and (
            index == 0 or kinds[index - 1] is not inspect.Parameter.KEYWORD_ONLY
        )
        if bare_star and first_keyword_only:
            words.append("*")
        words.append(text)
        if kind is inspect.Parameter.POSITIONAL_ONLY and (
            index + 1 == len(parameters) or kinds[index + 1] is not kind
        ):
            words.append("/")
    result = f"({', '.join(words)})"
    if found.return_annotation is not found.empty:
        result += f" -> {_annotation_text(found.return_annotation)}"
    return result


def describe_class(name: str, cls: type) -> list[str]:
    bases = [base.__name__ for base in cls.__bases__ if not base.__name__.startswith("_")]
    bases = [base for base in bases if base != "object"]
    title = f"class {name}({', '.join(bases)})" if bases else f"class {name}"
    if issubclass(cls, enum.Enum):
        members = ", ".join(member.name for member in cls)
        return [f"- `{title}`: {members}"]
    lines = [f"- `{title}{signature(cls)}`"]
    for member_name in sorted(dir(cls)):
        if member_name.startswith("_") or member_name in _OBJECT_NAMES:
            continue
        raw = inspect.getattr_static(cls, member_name)
        if isinstance(raw, property):
            lines.append(f"  - `.{member_name}` (property)")
        elif isinstance(raw, staticmethod | classmethod):
            kind = "staticmethod" if isinstance(raw, staticmethod) else "classmethod"
            lines.append(f"  - `{member_name}{signature(getattr(cls, member_name))}` ({kind})")
        elif inspect.isfunction(raw):
            prefix = "async " if inspect.iscoroutinefunction(raw) else ""
            lines.append(f"  - `{prefix}{member_name}{signature(raw)}`")
        elif not callable(raw) and member_name in getattr(cls, "__annotations__", {}):
            annotation = cls.__annotations__[member_name]
            lines.append(f"  - `.{member_name}: {_annotation_text(annotation)}`")
    return lines


_OBJECT_NAMES = frozenset(dir(object)) | frozenset(dir(BaseException))


def describe(name: str, value: Any) -> list[str]:
    if inspect.isclass(value):
        return describe_class(name, value)
    if inspect.isfunction(getattr(value, "__wrapped__", None)):  # functools.cache and the like
        value = value.__wrapped__
    if inspect.isfunction(value) or inspect.isbuiltin(value):
        prefix = "async " if inspect.iscoroutinefunction(value) else ""
        return [f"- `{prefix}def {name}{signature(value)}`"]
    if isinstance(value, ModuleType):
        return [f"- `{name}` (module)"]
    return [f"- `{name}`: {type(value).__name__}"]


def homes(modules: list[ModuleType]) -> dict[int, str]:
    """Where each exported class or function is described: the public module defining it, else
    the first public module exporting it; the others refer to it."""
    exported = {module.__name__ for module in modules}
    found: dict[int, str] = {}
    for module in modules:
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) or inspect.isfunction(value):
                defining = getattr(value, "__module__", "")
                home = defining if defining in exported else module.__name__
                found.setdefault(id(value), f"{home}.{value.__name__}")
    return found


def render() -> str:
    sections = [HEADER]
    modules = list(public_modules())
    home = homes(modules)
    for module in modules:
        lines = [f"## `{module.__name__}`", ""]
        for name in sorted(module.__all__):
            value = getattr(module, name)
            if name == "__version__":
                lines.append("- `__version__`: str")
            elif id(value) in home and home[id(value)] != f"{module.__name__}.{name}":
                lines.append(f"- `{name}`: see `{home[id(value)]}`")
            else:
                lines += describe(name, value)
        sections.append("\n".join(lines) + "\n")
    return "\n".join(sections)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="rewrite api.md")
    action.add_argument("--check", action="store_true", help="fail when api.md is stale")
    arguments = parser.parse_args(argv)
    text = render()
    if arguments.write:
        API_FILE.write_text(text, encoding="utf-8")
        print(f"wrote {API_FILE.relative_to(ROOT)}")
        return 0
    if arguments.check:
        committed = API_FILE.read_text(encoding="utf-8") if API_FILE.exists() else ""
        if committed != text:
            sys.stdout.writelines(
                difflib.unified_diff(
                    committed.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    "api.md (committed)",
                    "api.md (from the code)",
                )
            )
            print("\napi.md is stale: run `nox -s api` and commit it with a CHANGELOG.md entry")
            return 1
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
