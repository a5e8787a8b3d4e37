"""End-to-end fixtures: the sandbox served by uvicorn on a free port (real HTTP, real SQLite).

Each test gets a fresh sandbox with its own database file, so list contents can be checked
exactly (see ``e2e_support.Sandbox``). It is started by ``running_sandbox``, the starter the
pytest plugin uses too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

from contactimport_sandbox import SandboxOptions, running_sandbox

from .e2e_support import Sandbox


@pytest.fixture
def sandbox_options() -> SandboxOptions:
    return SandboxOptions()


@pytest.fixture
def sandbox(tmp_path: Path, sandbox_options: SandboxOptions) -> Iterator[Sandbox]:
    with running_sandbox(db=tmp_path / "sandbox.db", options=sandbox_options) as server:
        yield Sandbox(server.url)
