"""The packages are importable from any directory in the environment running the tests.

nox sessions install the project editable (`uv pip install -e .[sandbox]`): overlays/ and sandbox/
go on the path, and generated/ is reached as contactimport.generated through the link in
overlays/contactimport.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .test_wheel import PACKAGES


def test_every_package_imports_from_outside_the_source_tree(tmp_path: Path) -> None:
    script = (
        "import importlib, json, sys;"
        "print(json.dumps({n: importlib.import_module(n).__file__ for n in sys.argv[1:]}))"
    )
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", script, *PACKAGES],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    files = json.loads(result.stdout)
    assert sorted(files) == sorted(PACKAGES)
    assert all(Path(path).name == "__init__.py" for path in files.values())
