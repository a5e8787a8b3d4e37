"""The conformance suite needs schemathesis (dependency group `conformance`, `nox -s conformance`).

Without it (e.g. `nox -s tests`, which installs only the `test` group) the schemathesis-driven
modules are not collected; the regression tests in regressions/ need only the sandbox and run
everywhere.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HAS_SCHEMATHESIS = importlib.util.find_spec("schemathesis") is not None
FILTERED_LOG = Path(__file__).resolve().parents[2] / "reports/conformance/filtered-failures.ndjson"

collect_ignore_glob = [] if HAS_SCHEMATHESIS else ["test_*.py", "hooks.py"]


def pytest_configure(config: pytest.Config) -> None:
    """Start each conformance run with an empty log of filtered failures (hooks.py appends to
    it), so it lists what this run's filters dropped, not what earlier runs did."""
    if HAS_SCHEMATHESIS:
        FILTERED_LOG.unlink(missing_ok=True)
