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
    it) and no case counts, so both tell of this run, not of earlier ones."""
    if HAS_SCHEMATHESIS:
        import harness  # tests/conformance is on sys.path (rootdir conftest import)

        FILTERED_LOG.unlink(missing_ok=True)
        harness.CASES_REPORT.unlink(missing_ok=True)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many test cases the schemathesis runs of this session made (and keep the counts
    in reports/conformance/cases.json), so a run's size is on record beside its result."""
    if not HAS_SCHEMATHESIS:
        return
    import harness  # tests/conformance is on sys.path (rootdir conftest import)

    report = harness.write_case_counts(harness.active_profile())
    if report is None:
        return
    terminalreporter.section(f"conformance test cases ({report['profile']} profile)")
    for run, kinds in sorted(report["runs"].items()):
        counts = ", ".join(f"{number:,} {kind}" for kind, number in sorted(kinds.items()))
        terminalreporter.write_line(f"{run}: {counts}")
    terminalreporter.write_line(f"total: {report['total']:,} (in {harness.CASES_REPORT.name})")
