"""The documentation site at ``/docs``: the static site that ``nox -s docs`` builds into site/.

Where the site is: ``CONTACTIMPORT_DOCS_SITE`` (a folder holding the built ``index.html``) when
set; else, when the sandbox runs from a source checkout, that checkout's ``site/``; else
``site/`` in the current directory. The folder is looked at on each request, so a site built
while the sandbox runs is served at once; until then ``/docs`` answers 404 with how to build it.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from starlette.responses import HTMLResponse
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

DOCS_SITE_ENV = "CONTACTIMPORT_DOCS_SITE"
"""The environment variable naming the built site's folder."""
PATH = "/docs"
"""Where the sandbox serves the site."""


def default_site_dir() -> Path:
    """The folder the site is served from (see the module's docstring for the order)."""
    configured = os.environ.get(DOCS_SITE_ENV)
    if configured:
        return Path(configured)
    checkout = Path(__file__).resolve().parents[2]  # sandbox/contactimport_sandbox/ -> root
    if (checkout / "noxfile.py").is_file() and (checkout / "docs" / "conf.py").is_file():
        return checkout / "site"
    return Path.cwd() / "site"


def not_built_page(site: Path) -> str:
    """The page ``/docs`` shows while there is no built site: how to build it, and where."""
    where = html.escape(str(site))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Documentation not built</title></head>
<body>
<h1>The documentation site is not built</h1>
<p>The sandbox serves the site that <code>nox -s docs</code> builds, and found none at
<code>{where}</code>.</p>
<p>Build it from a checkout of contactimport with
<code>python3 -m pip install 'nox==2026.10.20' uv &amp;&amp; python3 -m nox -s docs</code>
(it writes <code>site/</code>), then reload this page. To serve a site built elsewhere, start
the sandbox with <code>{DOCS_SITE_ENV}=/path/to/site</code>.</p>
<p>The specs are served as they are at
<a href="/Which50API/openapi.json">/Which50API/openapi.json</a> and
<a href="/3/openapi.json">/3/openapi.json</a>.</p>
</body></html>
"""


class DocsSite:
    """ASGI app serving a built site's files (``index.html`` for folders), or the not-built page."""

    def __init__(self, site: Path | None = None) -> None:
        self.site = site if site is not None else default_site_dir()
        self._files: StaticFiles | None = None

    def built(self) -> bool:
        """Whether the site folder holds a built site."""
        return (self.site / "index.html").is_file()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.built():
            self._files = None
            response = HTMLResponse(not_built_page(self.site), status_code=404)
            await response(scope, receive, send)
            return
        if self._files is None:
            self._files = StaticFiles(directory=self.site, html=True)
        await self._files(scope, receive, send)


def mount(site: Path | None = None) -> Mount:
    """The route serving the site at ``/docs``."""
    return Mount(PATH, app=DocsSite(site), name="docs")
