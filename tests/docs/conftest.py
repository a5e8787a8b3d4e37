"""tests/docs runs in `nox -s docs`, after the site is built, with Playwright installed.

In CI the `tests` session (no site, no Playwright) does not collect it: there it would only
skip, while the `docs` session runs it for real. Locally it skips, saying why.
"""

from __future__ import annotations

import os

REQUIRED = os.environ.get("CONTACTIMPORT_DOCS_BROWSER_TEST") == "required"
IN_CI = os.environ.get("CI", "").lower() == "true"

collect_ignore = ["test_site_in_browser.py"] if IN_CI and not REQUIRED else []
