"""The sandbox serves the documentation site at /docs when it was built, and says how to build it
when it was not (contactimport_sandbox.docs_site)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

pytest.importorskip("starlette")

from contactimport_sandbox import create_app, docs_site


def client_for(site: Path, monkeypatch: pytest.MonkeyPatch) -> httpx.Client:
    a2wsgi = pytest.importorskip("a2wsgi")
    monkeypatch.setenv(docs_site.DOCS_SITE_ENV, str(site))
    transport = httpx.WSGITransport(app=a2wsgi.ASGIMiddleware(create_app()))
    return httpx.Client(transport=transport, base_url="http://sandbox")


def test_docs_not_built_answers_404_saying_how_to_build_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with client_for(tmp_path / "site", monkeypatch) as client:
        response = client.get("/docs/")
    assert response.status_code == 404
    assert "nox -s docs" in response.text
    assert docs_site.DOCS_SITE_ENV in response.text
    assert str(tmp_path / "site") in response.text


def test_docs_serves_the_built_site_and_a_site_built_while_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    with client_for(site, monkeypatch) as client:
        assert client.get("/docs/").status_code == 404
        (site / "api").mkdir(parents=True)
        (site / "index.html").write_text("<h1>contactimport</h1>", encoding="utf-8")
        (site / "api" / "which50.html").write_text("<h1>W50API</h1>", encoding="utf-8")
        index = client.get("/docs/")
        page = client.get("/docs/api/which50.html")
        outside = client.get("/docs/../noxfile.py")
        bare = client.get("/docs", follow_redirects=False)
    assert index.status_code == 200 and "contactimport" in index.text
    assert page.status_code == 200 and "W50API" in page.text
    assert outside.status_code == 404
    # relative links need the trailing slash: /docs redirects to /docs/
    assert bare.status_code in (200, 307) and (
        bare.status_code == 200 or bare.headers["location"].endswith("/docs/")
    )


def test_default_site_is_the_checkouts_site_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(docs_site.DOCS_SITE_ENV, raising=False)
    root = Path(__file__).resolve().parents[2]
    assert docs_site.default_site_dir() == root / "site"
