"""The conformance suite needs schemathesis (dependency group `conformance`, `nox -s conformance`).

Without it (e.g. `nox -s tests`, which installs only the `test` group) the schemathesis-driven
modules are not collected; the regression tests in regressions/ need only the sandbox and run
everywhere.
"""

from __future__ import annotations

import importlib.util

collect_ignore_glob = (
    [] if importlib.util.find_spec("schemathesis") is not None else ["test_*.py", "hooks.py"]
)
