"""Every Python block of README.md and docs/ runs as written, against a sandbox.

A block gets only the environment the documentation tells a user to set: the ``export`` lines
of its shell blocks (their port replaced by the test sandbox's), nothing of the caller's
``WHICH50_*`` / ``CHECKMARKET_*`` variables. A block meant as a fragment is marked so on the
line before it (``<!-- fragment: why -->``) and is only compiled.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .e2e_support import Sandbox

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(
    r"(?:<!-- fragment: (?P<why>[^>]+?) -->\n)?```(?P<lang>\w*)\n(?P<code>.*?)```", re.S
)
DOCUMENTED_PORT = "8080"
OWN_VARIABLES = ("WHICH50_", "CHECKMARKET_")
PLACEHOLDER = "..."  # `export WHICH50_API_TOKEN=...`: the reader's own value, not the sandbox's


@dataclass(frozen=True)
class Block:
    document: Path
    line: int
    code: str
    fragment: str | None

    @property
    def name(self) -> str:
        return f"{self.document.relative_to(ROOT)}:{self.line}"


def blocks(language: str) -> list[Block]:
    found: list[Block] = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            if match["lang"] == language:
                line = text.count("\n", 0, match.start("code")) + 1
                found.append(Block(document, line, match["code"], match["why"]))
    return found


def documented_environment() -> dict[str, str]:
    """The variables the documentation's ``export`` lines set (the first value of each, but
    placeholders), as a shell would read them."""
    variables: dict[str, str] = {}
    for block in blocks("sh"):
        for line in block.code.replace("\\\n", " ").splitlines():
            if not line.startswith("export "):
                continue
            words = shlex.split(line, comments=True)
            if words[:1] == ["export"]:
                for assignment in words[1:]:
                    name, _, value = assignment.partition("=")
                    if value != PLACEHOLDER:
                        variables.setdefault(name, value)
    return variables


PYTHON_BLOCKS = blocks("python")


def test_the_documentation_has_python_blocks_and_tells_where_the_sandbox_is() -> None:
    assert len(PYTHON_BLOCKS) >= 2
    environment = documented_environment()
    for name in ("WHICH50_BASE_URL", "CHECKMARKET_BASE_URL"):
        assert f"127.0.0.1:{DOCUMENTED_PORT}" in environment.get(name, ""), name
    for name in ("WHICH50_API_TOKEN", "CHECKMARKET_MASTER_KEY", "CHECKMARKET_KEY"):
        assert environment.get(name), f"no export line sets {name}"


@pytest.mark.parametrize("block", PYTHON_BLOCKS, ids=lambda block: block.name)
def test_python_block_runs_as_written(block: Block, sandbox: Sandbox, tmp_path: Path) -> None:
    if block.fragment is not None:
        compile(block.code, block.name, "exec")
        return
    port = sandbox.url.rsplit(":", 1)[1]
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith(OWN_VARIABLES)
    }
    for name, value in documented_environment().items():
        environment[name] = value.replace(f":{DOCUMENTED_PORT}", f":{port}")
    result = subprocess.run(
        [sys.executable, "-c", block.code],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"{block.name} failed:\n{result.stdout}\n{result.stderr}"
