"""`nox -s demo` runs `python -m contactimport.cli.demo`: it must keep working end to end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_the_guided_demo_runs_every_step_as_expected() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "contactimport.cli.demo", "--data", str(ROOT / "examples/data")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    output = done.stdout
    assert "$ contactimport which50 import" in output
    assert "--match Email --custom-events SendWelcomeEmail" in output
    assert "R0301" in output and "Successfully created" in output
    assert "# sandbox stopped" in output
    assert "Demo finished: every step behaved as expected." in output


def test_the_demo_without_the_sandbox_extra_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contactimport.cli import demo

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn raises ImportError
    with pytest.raises(SystemExit, match=r"pip install 'contactimport\[sandbox\]'"):
        demo.run_demo(ROOT / "examples/data", None)
