"""The client side of tests/interop/DataContractInterop.cs (one JSON line per request)."""

from __future__ import annotations

import json
import subprocess
from typing import Any


class DotNetError(AssertionError):
    """The .NET side refused a request (its exception type and message)."""


class DotNet:
    """A running DataContractInterop.exe: `run(type, op, data)` returns its output text."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._process = process

    def run(self, schema: str, op: str, data: str) -> str:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(json.dumps({"type": schema, "op": op, "data": data}) + "\n")
        self._process.stdin.flush()
        line = self._process.stdout.readline()
        if not line:
            raise DotNetError(f"the .NET process exited ({self._process.poll()})")
        response: dict[str, Any] = json.loads(line)
        if not response["ok"]:
            raise DotNetError(f"{schema} {op}: {response['error']}")
        out: str = response["out"]
        return out
