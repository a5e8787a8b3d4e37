"""The built documentation site, served by the sandbox at /docs, in headless Chromium.

Each reference page is opened and screenshotted (reports/docs/*.png); every operationId's summary
of both specs must be visible in the rendered DOM (after Redoc's scripts ran), no request may
leave 127.0.0.1, and the browser must log no error. `nox -s docs` builds the site and runs this
with CONTACTIMPORT_DOCS_BROWSER_TEST=required: then a missing site or Playwright fails, and so
does a missing Chromium under CI=true; elsewhere (`nox -s tests`) they skip, saying why.
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
REPORTS = ROOT / "reports" / "docs"
SPECS = {
    "which50": ROOT / "spec" / "which50.openapi.yaml",
    "checkmarket": ROOT / "spec" / "checkmarket.openapi.yaml",
}
REQUIRED = os.environ.get("CONTACTIMPORT_DOCS_BROWSER_TEST") == "required"
IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


def unavailable(reason: str, *, fail: bool) -> None:
    if fail:
        pytest.fail(reason)
    pytest.skip(reason)


def chromium_executable() -> str:
    configured = os.environ.get("CHROMIUM")
    found = configured or next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)
    if found is None:
        unavailable(
            "no Chromium: install Debian's `chromium` (.ci/run does) or set CHROMIUM",
            fail=REQUIRED and IN_CI,
        )
    assert found is not None
    return found


def operations_by_tag(spec: Path) -> dict[str, dict[str, str]]:
    """tag -> {operationId: summary} of every operation of a spec (by its first tag)."""
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    found: dict[str, dict[str, str]] = {}
    for item in document["paths"].values():
        for method in HTTP_METHODS:
            if method in item:
                operation = item[method]
                tag = found.setdefault(operation["tags"][0], {})
                tag[operation["operationId"]] = operation["summary"]
    return found


def cli_commands() -> list[str]:
    """Every command of the CLI as its usage line starts (`contactimport which50 import`)."""
    import click
    from contactimport.cli import cli

    found: list[str] = []

    def walk(command: click.Command, path: str) -> None:
        found.append(path)
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, f"{path} {name}")

    walk(cli, "contactimport")
    return found


@dataclass
class Browser:
    """What the browser did: every request URL and every error it logged."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def docs_url() -> Iterator[str]:
    if not (SITE / "index.html").is_file():
        unavailable("site/ is not built: `nox -s docs` builds it and runs this test", fail=REQUIRED)
    pytest.importorskip("uvicorn")
    from contactimport_sandbox import create_app, docs_site

    previous = os.environ.get(docs_site.DOCS_SITE_ENV)
    os.environ[docs_site.DOCS_SITE_ENV] = str(SITE)
    try:
        application = create_app()
    finally:
        if previous is None:
            del os.environ[docs_site.DOCS_SITE_ENV]
        else:
            os.environ[docs_site.DOCS_SITE_ENV] = previous
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    config = uvicorn.Config(application, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    yield f"http://127.0.0.1:{port}/docs/"
    server.should_exit = True
    thread.join(10)
    application.state.sandbox.close()


@pytest.fixture(scope="module")
def browser_page(docs_url: str) -> Iterator[tuple[Any, Browser]]:
    try:  # imported by name: the lint environment (mypy) has no Playwright
        sync_api = importlib.import_module("playwright.sync_api")
    except ImportError:
        unavailable("Playwright is not installed: `nox -s docs` installs it", fail=REQUIRED)
    executable = chromium_executable()
    seen = Browser()
    REPORTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
            ],
        )
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.on("request", lambda request: seen.requests.append(request.url))
        context.on(
            "response",
            lambda response: (
                seen.errors.append(f"{response.status} {response.url}")
                if response.status >= 400
                else None
            ),
        )
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                seen.errors.append(f"console: {message.text}") if message.type == "error" else None
            ),
        )
        page.on("pageerror", lambda error: seen.errors.append(f"page error: {error}"))
        try:
            yield page, seen
        finally:
            context.close()
            browser.close()


def heading_shown(page: Any, text: str, timeout: float = 5.0) -> bool:
    """Whether a visible heading reads exactly ``text`` (waiting for it to render)."""
    deadline = time.monotonic() + timeout
    while True:
        for heading in page.locator("h1, h2, h3").filter(has_text=text).all():
            shown = " ".join(heading.inner_text().split())
            # Redoc puts a "Deprecated" badge in a deprecated operation's heading
            if text in (shown, shown.removesuffix("Deprecated").strip()) and heading.is_visible():
                return True
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(100)


def open_page(page: Any, url: str, screenshot: str | None = None) -> None:
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"
    if screenshot is not None:
        page.screenshot(path=str(REPORTS / f"{screenshot}.png"))


def test_index_links_every_reference_and_guide(
    browser_page: tuple[Any, Browser], docs_url: str
) -> None:
    page, seen = browser_page
    open_page(page, docs_url, "index")
    links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    for target in (
        "api/which50.html",
        "api/checkmarket.html",
        "reference/operations.html",
        "reference/sdk/index.html",
        "reference/cli.html",
        "guides/getting-started.html",
        "guides/importing-csv.html",
        "guides/testing-with-the-sandbox.html",
        "guides/json-and-xml.html",
        "retries.html",
        "guides/assumptions.html",
        "guides/regenerating.html",
        "llms.txt",
    ):
        assert docs_url + target in links, f"/docs does not link {target}"
    assert not seen.errors, seen.errors


@pytest.mark.parametrize("api", sorted(SPECS))
def test_every_operation_is_two_clicks_from_docs_and_its_summary_visible(
    browser_page: tuple[Any, Browser], docs_url: str, api: str
) -> None:
    """/docs links "Every operation", whose links open each operation in the API reference
    (Redoc renders an operation as it comes into view): every operationId of the spec has a
    link there, and its summary is then a visible heading of the rendered page."""
    page, seen = browser_page
    open_page(page, docs_url)
    page.get_by_role("link", name="Every operation").first.click()
    page.wait_for_load_state("networkidle")
    links = {
        link.get_attribute("href"): link.inner_text()
        for link in page.locator(f"a[href^='../api/{api}.html#']").all()
    }
    operations = operations_by_tag(SPECS[api])
    expected = {summary for tag in operations.values() for summary in tag.values()}
    assert set(links.values()) == expected, "the operations page does not list every operation"
    operations_page = page.url
    missing: list[str] = []
    text = ""
    for href, summary in sorted(links.items()):
        page.goto(urljoin(operations_page, href), wait_until="networkidle")
        if not heading_shown(page, summary):
            missing.append(f"{href}: {summary!r}")
        text += page.inner_text("body")
    assert not missing, f"not visible on api/{api}.html: {missing}"
    for tag, tag_operations in operations.items():  # a screenshot of each tag's first operation
        first = next(iter(tag_operations.values()))
        href = next(href for href, summary in links.items() if summary == first)
        page.goto(urljoin(operations_page, href), wait_until="networkidle")
        heading_shown(page, first)
        page.screenshot(path=str(REPORTS / f"api-{api}-{tag}.png"))
    open_page(page, f"{docs_url}api/{api}.html", f"api-{api}")
    assert "Our assumption (not the vendor's):" in text, "x-assumption notes are not shown"
    if api == "checkmarket":
        assert "Roles:" in text and "Contacts (write)" in text, "x-required-roles are not shown"
    assert not seen.errors, seen.errors


def test_sdk_and_cli_references_render(browser_page: tuple[Any, Browser], docs_url: str) -> None:
    page, seen = browser_page
    open_page(page, f"{docs_url}reference/sdk/index.html", "sdk-reference")
    text = page.inner_text("body")
    for name in ("Which50", "AsyncWhich50", "CheckMarket", "AsyncCheckMarket", "ImportPoller"):
        assert name in text, f"the SDK reference does not list {name}"
    open_page(page, f"{docs_url}reference/sdk/contactimport.which50.html", "sdk-which50")
    assert "create_import_job" in page.inner_text("body")
    open_page(page, f"{docs_url}reference/cli.html", "cli-reference")
    text = page.inner_text("body")
    for command in cli_commands():
        assert command in text, f"the CLI reference does not show {command}"
    assert "--resume" in text
    assert not seen.errors, seen.errors


def test_guides_render(browser_page: tuple[Any, Browser], docs_url: str) -> None:
    page, seen = browser_page
    for guide in sorted((ROOT / "docs" / "guides").glob("*.md")):
        open_page(page, f"{docs_url}guides/{guide.stem}.html")
        assert page.inner_text("h1"), guide.name
    assert not seen.errors, seen.errors


def test_zz_no_request_left_127_0_0_1(browser_page: tuple[Any, Browser], docs_url: str) -> None:
    """Runs last in this module (pytest keeps file order): every page above was loaded."""
    _, seen = browser_page
    local = docs_url.split("/docs/")[0] + "/"
    assert seen.requests, "the browser made no request"
    outside = [
        url for url in seen.requests if not url.startswith((local, "data:", "blob:", "about:"))
    ]
    assert not outside, f"requests left 127.0.0.1: {sorted(set(outside))}"


def test_llms_txt_links_a_markdown_twin_of_every_page() -> None:
    if not (SITE / "index.html").is_file():
        unavailable("site/ is not built: `nox -s docs` builds it and runs this test", fail=REQUIRED)
    llms = (SITE / "llms.txt").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\(([^)]+\.md)\)", llms))
    for target in linked:
        assert (SITE / target).is_file(), f"llms.txt links {target}, which is not in site/"
    pages = {
        page.relative_to(SITE).with_suffix(".md").as_posix()
        for page in SITE.rglob("*.html")
        if page.name not in ("genindex.html", "search.html", "py-modindex.html")
    }
    assert pages <= linked, f"pages without a Markdown twin in llms.txt: {sorted(pages - linked)}"
