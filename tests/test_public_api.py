"""api.md is the public API of the code as it is: a change of the surface is a visible diff."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "public_api.py"


def test_api_md_lists_the_public_api_of_the_code() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_api_md_names_the_clients_and_their_operations() -> None:
    text = (ROOT / "api.md").read_text(encoding="utf-8")
    for line in (
        "## `contactimport.which50`",
        "- `class Which50(Which50Operations, SyncLifecycle)(",
        "  - `async bulk_import_contacts(self, import_config_id: int, ",
        "- `Which50`: see `contactimport.which50.Which50`",
    ):
        assert line in text, line


def test_a_changed_surface_makes_the_check_fail() -> None:
    probe = (
        "import sys, runpy; import contactimport.querystring as q\n"
        "q.__all__ = [*q.__all__, 'extra_name']\n"
        "exec('def extra_name(x): return x', q.__dict__)\n"
        "sys.argv = ['public_api.py', '--check']\n"
        f"runpy.run_path({str(SCRIPT)!r}, run_name='__main__')\n"
    )
    changed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert changed.returncode == 1
    assert "+- `def extra_name(x)`" in changed.stdout
