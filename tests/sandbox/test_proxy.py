"""The validating proxy in front of a second sandbox (real HTTP both ways): conforming traffic in
JSON and DataContract XML gives no violation; each wrong answer or request injected gives exactly
its violation; what passes through is unchanged; credentials are never shown."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("uvicorn")

from contactimport import CheckMarket, ContactImportError, NotFoundError, Which50, contact
from contactimport_sandbox import create_app, running_sandbox
from contactimport_sandbox.proxy import create_proxy_app
from contactimport_sandbox.running import serving
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ADMIN = {"X-Sandbox-Admin-Key": "sandbox-admin-local"}
W50_TOKEN = "w50-acme-full"
CM_MASTER_KEY = "cm-acme-master"
CM_KEY = "cm-acme-contacts-write"

Rewrite = Callable[[int, list[tuple[bytes, bytes]], bytes], tuple[int, list[Any], bytes]]


@dataclass
class WrongAnswers:
    """ASGI middleware around the upstream sandbox: rewrites the answers of chosen requests
    (method, path regex) as a test injects them."""

    app: ASGIApp
    rules: list[tuple[str, re.Pattern[str], Rewrite]] = field(default_factory=list)

    def inject(self, method: str, path: str, rewrite: Rewrite) -> None:
        self.rules.append((method, re.compile(path), rewrite))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rule = None
        if scope["type"] == "http":
            rule = next(
                (
                    r
                    for m, p, r in self.rules
                    if m == scope["method"] and p.fullmatch(scope["path"])
                ),
                None,
            )
        if rule is None:
            await self.app(scope, receive, send)
            return
        start: Message = {}
        body = b""

        async def collect(message: Message) -> None:
            nonlocal start, body
            if message["type"] == "http.response.start":
                start = message
            else:
                body += message.get("body", b"")

        await self.app(scope, receive, collect)
        status, headers, new_body = rule(start["status"], list(start["headers"]), body)
        headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(new_body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": new_body})


@dataclass
class Setup:
    proxy: str
    upstream: str
    wrong: WrongAnswers

    def violations(self) -> list[dict[str, Any]]:
        answer = httpx.get(self.proxy + "/_sandbox/violations", headers=ADMIN)
        answer.raise_for_status()
        found: list[dict[str, Any]] = answer.json()["Violations"]
        return found

    def found(self) -> list[tuple[str, str, str]]:
        return [(v["operation"], v["direction"], v["rule"]) for v in self.violations()]

    def which50(self, wire_format: str = "json") -> Which50:
        return Which50(
            token=W50_TOKEN,
            base_url=self.proxy + "/Which50API",
            wire_format=wire_format,
            max_retries=0,
        )


@pytest.fixture
def setup() -> Iterator[Setup]:
    sandbox = create_app()
    wrong = WrongAnswers(sandbox)
    try:
        with serving(wrong) as upstream:
            proxy = create_proxy_app({"which50": upstream + "/Which50API", "checkmarket": upstream})
            with serving(proxy) as url:
                yield Setup(url, upstream, wrong)
    finally:
        sandbox.state.sandbox.close()


@pytest.mark.parametrize("wire_format", ["json", "xml"])
def test_conforming_traffic_of_both_apis_gives_no_violation(setup: Setup, wire_format: str) -> None:
    with setup.which50(wire_format) as w50:
        assert w50.list_contact_lists()
        job = w50.create_import_job(1, ["Email"])
        w50.upload_import_batch(1, job.id, [contact({"Email": "a@example.com"})])
        w50.run_import_job(1, job.id, match=["Email"], custom_events=["Joined"])
        w50.get_import_job(1, job.id)
        stored = w50.upsert_contact(1, contact({"Email": "b@example.com"}))
        w50.get_contact(str(stored.enc_contact_id))
        with pytest.raises(NotFoundError):  # a documented error is conforming too
            w50.get_import_job(1, 999_999)
    with CheckMarket(
        master_key=CM_MASTER_KEY,
        key=CM_KEY,
        base_url=setup.proxy,
        wire_format=wire_format,
        max_retries=0,
    ) as cm:
        created = cm.create_import_config({"Name": "Panel", "DefaultLanguageCode": "en"})
        cm.list_import_configs()
        queued = cm.bulk_import_contacts(created.import_config_id, [{"Email": "c@x.com"}])
        cm.get_import_result(queued.queue_item_id)
    assert setup.violations() == []


def without_member(name: str) -> Rewrite:
    def rewrite(status: int, headers: list[Any], body: bytes) -> tuple[int, list[Any], bytes]:
        value = json.loads(body)
        value.pop(name)
        return status, headers, json.dumps(value).encode()

    return rewrite


def test_each_wrong_answer_injected_is_reported_exactly_in_json_and_xml(setup: Setup) -> None:
    job_path = r"/Which50API/contactLists/1/import/\d+"
    setup.wrong.inject("GET", job_path, without_member("CurrentStatus"))
    setup.wrong.inject(
        "GET",
        r"/3/contacts/import/configs/\d+",
        lambda status, headers, body: (
            status,
            headers,
            re.sub(
                rb"<ImportConfigId>\d+</ImportConfigId>",
                b"<ImportConfigId>x</ImportConfigId>",
                body,
            ),
        ),
    )
    setup.wrong.inject("GET", r"/Which50API/contactLists/2/fields", lambda s, h, b: (418, h, b))
    with setup.which50() as w50:
        job = w50.create_import_job(1, ["Email"])
    w50_auth = {"Authorization": f"Bearer {W50_TOKEN}"}
    cm_auth = {"X-Master-Key": CM_MASTER_KEY, "X-Key": CM_KEY}
    with httpx.Client(base_url=setup.proxy) as http:
        # JSON: a required member missing from an answer
        http.get(f"/Which50API/contactLists/1/import/{job.id}", headers=w50_auth)
        # XML: an integer element that is not one
        created = http.post(
            "/3/contacts/import/configs", json={"Name": "n"}, headers=cm_auth
        ).json()
        config_id = created["Data"]["ImportConfigId"]
        xml = {**cm_auth, "Accept": "application/xml"}
        passed = http.get(f"/3/contacts/import/configs/{config_id}", headers=xml)
        assert b"<ImportConfigId>x</ImportConfigId>" in passed.content  # passed on unchanged
        # a status the operation does not document
        assert http.get("/Which50API/contactLists/2/fields", headers=w50_auth).status_code == 418
        # requests: a body of the wrong shape (JSON), an XML body of the wrong root, no token
        refused = http.post(
            "/Which50API/contactLists/1/import", json={"FieldNames": "Email"}, headers=w50_auth
        )
        assert refused.status_code == 400  # the upstream's answer, documented: not a violation
        http.post(
            f"/Which50API/contactLists/1/import/{job.id}",
            content=b'<Contact xmlns="http://schemas.datacontract.org/2004/07/W50API.Models.DTO"/>',
            headers={**w50_auth, "Content-Type": "application/xml"},
        )
        assert http.get("/Which50API/contactLists").status_code == 401
    assert setup.found() == [
        ("getImportJob", "response", "response-body-schema"),
        ("getImportConfig", "response", "response-body-readable"),
        ("listContactListFields", "response", "status-documented"),
        ("createImportJob", "request", "request-body-schema"),
        ("uploadImportBatch", "request", "request-body-readable"),
        ("listContactLists", "request", "credentials"),
    ]
    details = [v["detail"] for v in setup.violations()]
    assert details[0] == "ImportJob CurrentStatus: is required"
    assert "418 is not documented" in details[2]


def test_a_fault_answer_is_conforming_until_its_documented_header_goes_missing(
    setup: Setup,
) -> None:
    rule = {"route": "listContactLists", "error_rate": 1.0, "error_statuses": [503]}
    httpx.put(
        setup.upstream + "/_sandbox/faults", json={"seed": 1, "rules": [rule]}, headers=ADMIN
    ).raise_for_status()
    w50_auth = {"Authorization": f"Bearer {W50_TOKEN}"}
    with httpx.Client(base_url=setup.proxy, headers=w50_auth) as http:
        first = http.get("/Which50API/contactLists")
        assert (first.status_code, first.headers["Retry-After"]) == (503, "1")
        assert setup.violations() == []
        setup.wrong.inject(
            "GET",
            "/Which50API/contactLists",
            lambda s, h, b: (s, [(k, v) for k, v in h if k.lower() != b"retry-after"], b),
        )
        assert http.get("/Which50API/contactLists").status_code == 503
    assert setup.found() == [("listContactLists", "response", "response-header")]


def test_credentials_pass_through_but_never_reach_the_violations(setup: Setup) -> None:
    setup.wrong.inject("GET", "/Which50API/contactLists", lambda s, h, b: (s, h, b"{oops"))
    with setup.which50() as w50, pytest.raises(ContactImportError):  # the client cannot read it
        w50.list_contact_lists()
    shown = json.dumps(setup.violations())
    assert "response-body-readable" in shown
    assert W50_TOKEN not in shown
    # and an e-mail address in a body is not shown whole
    with httpx.Client(base_url=setup.proxy) as http:
        http.post(
            "/Which50API/contactLists/1/import",
            json={"FieldNames": "secret.person@example.com"},
            headers={"Authorization": f"Bearer {W50_TOKEN}"},
        )
    assert "secret.person@example.com" not in json.dumps(setup.violations())


def test_the_violations_need_the_admin_key(setup: Setup) -> None:
    assert httpx.get(setup.proxy + "/_sandbox/violations").status_code == 401
    wrong = {"X-Sandbox-Admin-Key": "nope"}
    assert httpx.get(setup.proxy + "/_sandbox/violations", headers=wrong).status_code == 403
    cleared = httpx.delete(setup.proxy + "/_sandbox/violations", headers=ADMIN)
    assert cleared.json() == {"Violations": []}


def test_the_cli_proxy_forwards_and_reports(tmp_path: Path) -> None:
    """`contactimport sandbox --proxy-to which50=URL --record DIR`, as a user starts it."""
    with running_sandbox() as upstream:
        command = [
            sys.executable, "-m", "contactimport.cli", "sandbox", "--port", "0",
            "--proxy-to", f"which50={upstream.which50_url}", "--record", str(tmp_path),
        ]  # fmt: skip
        proxy = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        try:
            assert proxy.stderr is not None
            origin = None
            while origin is None:
                line = proxy.stderr.readline()
                assert line, "the proxy exited before it printed where it listens"
                found = re.search(r"validating proxy.* at (http://\S+)", line)
                origin = found.group(1) if found else None
            auth = {"Authorization": f"Bearer {W50_TOKEN}"}
            assert httpx.get(origin + "/Which50API/contactLists", headers=auth).status_code == 200
            httpx.post(origin + "/Which50API/contactLists/1/import", json={}, headers=auth)
            violations = httpx.get(origin + "/_sandbox/violations", headers=ADMIN).json()
        finally:
            proxy.terminate()
            proxy.communicate(timeout=10)
    assert [(v["operation"], v["rule"]) for v in violations["Violations"]] == [
        ("createImportJob", "request-body-schema")
    ]
    assert len(list(tmp_path.glob("*.json"))) == 2
