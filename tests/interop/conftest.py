"""The real .NET serializers for the interop tests: tests/interop/DataContractInterop.cs compiled
with Mono's `mcs` (cached by source hash in the temp folder) and run as one `mono` process per
test session, spoken to one JSON line at a time.

Without `mcs`/`mono` the tests are skipped, except when the environment variable CI is set: then
they fail (CI's .ci/run installs Mono)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .interop_dotnet import DotNet

SOURCE = Path(__file__).with_name("DataContractInterop.cs")
NEWTONSOFT = Path("/usr/lib/cli/Newtonsoft.Json-5.0/Newtonsoft.Json.dll")
COMPILE_FLAGS = (
    "-nologo",
    "-warn:0",
    "-r:System.Runtime.Serialization.dll",
    "-r:System.Xml.dll",
    f"-r:{NEWTONSOFT}",
)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so the Mono interop tests must run)")
    pytest.skip(reason)


def _compiled() -> Path:
    mcs = shutil.which("mcs")
    if mcs is None or shutil.which("mono") is None:
        _unavailable("Mono (mcs, mono) is not installed")
    if not NEWTONSOFT.is_file():
        _unavailable(f"Json.NET is not installed ({NEWTONSOFT})")
    digest = hashlib.sha256(SOURCE.read_bytes() + " ".join(COMPILE_FLAGS).encode()).hexdigest()
    folder = Path(tempfile.gettempdir()) / "contactimport-interop" / digest[:16]
    program = folder / "DataContractInterop.exe"
    if program.is_file():
        return program
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f"build-{os.getpid()}.exe"
    result = subprocess.run(
        [str(mcs), *COMPILE_FLAGS, f"-out:{partial}", str(SOURCE)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"mcs failed:\n{result.stdout}\n{result.stderr}")
    partial.replace(program)
    return program


@pytest.fixture(scope="session")
def dotnet() -> Iterator[DotNet]:
    program = _compiled()
    process = subprocess.Popen(
        [str(shutil.which("mono")), str(program)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        # .NET writes Local DateTimes with the machine's offset: pin it to UTC.
        env={**os.environ, "TZ": "UTC"},
    )
    try:
        yield DotNet(process)
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
