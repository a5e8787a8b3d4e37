"""Over real HTTP (uvicorn): fault injection, concurrent clients, persistence in SQLite and a
restart in the middle of an import job (the CLI entry point in a subprocess, killed hard)."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from contactimport_sandbox import (
    FaultSettings,
    SandboxOptions,
    SpawnedSandbox,
    create_app,
    free_port,
    running_sandbox,
    spawn_sandbox,
)

from .conftest import ADMIN, CUSTOMERS, W50, W50_AUTH, Live, check, w50_error


def faults(live: Live, *rules: dict[str, Any], seed: int = 3) -> None:
    response = httpx.put(
        f"{live.origin}/_sandbox/faults",
        json={"seed": seed, "rules": list(rules)},
        headers=ADMIN,
    )
    assert response.status_code == 200, response.text


def test_faults_are_off_by_default(live: Live) -> None:
    assert httpx.get(f"{live.origin}/_sandbox/faults", headers=ADMIN).json() == {
        "seed": None,
        "rules": [],
    }
    statuses = {
        httpx.get(f"{live.origin}{W50}/contactLists", headers=W50_AUTH).status_code
        for _ in range(20)
    }
    assert statuses == {200}


def test_injected_errors_carry_retry_after_and_the_api_error_body(live: Live) -> None:
    faults(live, {"route": "listContactLists", "error_rate": 1.0, "error_statuses": [503]})
    response = httpx.get(f"{live.origin}{W50}/contactLists", headers=W50_AUTH)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert "retry after 1 seconds" in w50_error("listContactLists", response, 503)
    faults(live, {"route": "*", "rate_limit_rate": 1.0, "retry_after": 4})
    response = httpx.get(
        f"{live.origin}/3/contacts/import/configs",
        headers={"X-Master-Key": "cm-acme-master", "X-Key": "cm-acme-contacts-read"},
    )
    assert (response.status_code, response.headers["Retry-After"]) == (429, "4")
    assert response.json()["Meta"]["Status"] == 429
    assert response.json()["Data"] == "Too many requests; retry after 4 seconds."
    check("checkmarket", "listImportConfigs", response, 429)


def test_faults_apply_per_route(live: Live) -> None:
    faults(live, {"route": "getContact", "error_rate": 1.0})
    ok = httpx.get(f"{live.origin}{W50}/contactLists", headers=W50_AUTH)
    assert ok.status_code == 200
    hit = httpx.get(f"{live.origin}{W50}/contacts/anything", headers=W50_AUTH)
    assert hit.status_code in (500, 503)


def test_a_seed_gives_the_same_fault_sequence(live: Live) -> None:
    def sequence() -> list[int]:
        faults(live, {"route": "*", "error_rate": 0.3, "rate_limit_rate": 0.2}, seed=11)
        return [
            httpx.get(f"{live.origin}{W50}/contactLists", headers=W50_AUTH).status_code
            for _ in range(30)
        ]

    first, second = sequence(), sequence()
    assert first == second
    assert {200, 429} <= set(first) and set(first) & {500, 503}


def test_added_latency_and_dropped_connections(live: Live) -> None:
    faults(live, {"route": "listContactLists", "latency_ms": 250})
    started = time.monotonic()
    assert httpx.get(f"{live.origin}{W50}/contactLists", headers=W50_AUTH).status_code == 200
    assert time.monotonic() - started >= 0.25
    faults(live, {"route": "listContactLists", "drop_rate": 1.0})
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{live.origin}{W50}/contactLists", headers=W50_AUTH)
    httpx.delete(f"{live.origin}/_sandbox/faults", headers=ADMIN)
    assert httpx.get(f"{live.origin}{W50}/contactLists", headers=W50_AUTH).status_code == 200


def test_a_lost_answer_is_processed_first_a_dropped_connection_is_not(live: Live) -> None:
    url = f"{live.origin}{W50}/contactLists/{CUSTOMERS}/contact"
    faults(live, {"route": "upsertContact", "drop_rate": 1.0})
    with pytest.raises(httpx.TransportError):
        httpx.post(url, headers=W50_AUTH, json={"Values": {"Email": "dropped@example.com"}})
    faults(live, {"route": "upsertContact", "lost_answer_rate": 1.0, "answer_latency_ms": 200})
    started = time.monotonic()
    with pytest.raises(httpx.TransportError):
        httpx.post(url, headers=W50_AUTH, json={"Values": {"Email": "lost@example.com"}})
    assert time.monotonic() - started >= 0.2
    httpx.delete(f"{live.origin}/_sandbox/faults", headers=ADMIN).raise_for_status()
    page = httpx.get(
        f"{live.origin}/_sandbox/which50/contact-lists/{CUSTOMERS}/contacts", headers=W50_AUTH
    ).json()
    emails = {contact["Values"].get("Email") for contact in page["Contacts"]}
    assert "lost@example.com" in emails  # stored, though its answer never came
    assert "dropped@example.com" not in emails


def test_invalid_fault_settings_are_refused(live: Live) -> None:
    response = httpx.put(
        f"{live.origin}/_sandbox/faults",
        json={"rules": [{"route": "*", "error_rate": 2}]},
        headers=ADMIN,
    )
    assert response.status_code == 400
    assert "error_rate" in response.json()["Message"]


def test_fault_settings_can_be_given_at_start() -> None:
    settings = FaultSettings.parse('{"seed": 1, "rules": [{"route": "*", "error_rate": 1.0}]}')
    app = create_app(options=SandboxOptions(faults=settings))
    try:
        assert app.state.sandbox.faults.draw("listContactLists")[1] is not None
    finally:
        app.state.sandbox.close()


def test_concurrent_upserts_lose_no_update_and_duplicate_no_contact(live: Live) -> None:
    emails = [f"c{n}@example.com" for n in range(15)]
    fields = ["Mobile", "FirstName", "LastName", "ReferanceAccountId", "Segment"]
    values = {"Mobile": "+32475000000", "Segment": "Gold", "ReferanceAccountId": 5}
    errors: list[str] = []
    barrier = threading.Barrier(len(fields))

    def writer(field: str) -> None:
        with httpx.Client(base_url=live.origin, headers=W50_AUTH, timeout=30) as http:
            barrier.wait()
            for email in emails:
                body = {"Values": {"Email": email, field: values.get(field, field)}}
                response = http.post(
                    f"{W50}/contactLists/{CUSTOMERS}/contact?match=Email", json=body
                )
                if response.status_code != 200:
                    errors.append(response.text)

    threads = [threading.Thread(target=writer, args=(field,)) for field in fields]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    with httpx.Client(base_url=live.origin, headers=W50_AUTH) as http:
        lists = http.get(f"{W50}/contactLists").json()
        assert next(x["Count"] for x in lists if x["Id"] == CUSTOMERS) == len(emails)
        for email in emails:
            body = {"Values": {"Email": email}}
            contact = http.post(f"{W50}/contactLists/{CUSTOMERS}/contact?match=Email", json=body)
            assert set(contact.json()["Values"]) == {"Email", *fields}, contact.text


def test_state_survives_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    app = create_app(db=db)
    sandbox = app.state.sandbox
    contact, _ = sandbox.which50.upsert_contact(
        sandbox.fixtures.w50_accounts[0],
        CUSTOMERS,
        {"Values": {"Email": "k@example.com"}},
        [],
        None,
        [],
    )
    with sandbox.store.read() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    sandbox.close()
    again = create_app(db=db)
    try:
        account = again.state.sandbox.fixtures.w50_accounts[0]
        assert again.state.sandbox.which50.get_contact(account, contact["EncContactId"]) == contact
    finally:
        again.state.sandbox.close()


def _start_cli(db: Path, port: int, *extra: str) -> SpawnedSandbox:
    """The sandbox's command line in a child process, on ``port``, once it answers."""
    return spawn_sandbox(db, port=port, args=extra, env=os.environ.copy(), timeout=20)


@pytest.mark.slow
def test_a_job_killed_mid_run_resumes_after_restart_without_half_written_contacts(
    tmp_path: Path,
) -> None:
    db = tmp_path / "restart.db"
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    total = 3000
    server = _start_cli(db, port, "--chunk-size", "100", "--step-delay", "0.02")
    try:
        with httpx.Client(base_url=origin + W50, headers=W50_AUTH, timeout=30) as http:
            job = http.post(
                f"/contactLists/{CUSTOMERS}/import", json={"FieldNames": ["Email"]}
            ).json()
            contacts = [{"Values": {"Email": f"r{n}@example.com"}} for n in range(total)]
            assert (
                http.post(
                    f"/contactLists/{CUSTOMERS}/import/{job['Id']}", json=contacts
                ).status_code
                == 200
            )
            assert (
                http.post(
                    f"/contactLists/{CUSTOMERS}/import/{job['Id']}/run?match=Email"
                ).status_code
                == 200
            )
            deadline = time.monotonic() + 20
            while (
                http.get(f"/contactLists/{CUSTOMERS}/import/{job['Id']}").json()["ProgressPercent"]
                < 20
            ):
                assert time.monotonic() < deadline
                time.sleep(0.02)
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(10)
        server = _start_cli(db, port, "--chunk-size", "500")
        with httpx.Client(base_url=origin + W50, headers=W50_AUTH, timeout=30) as http:
            deadline = time.monotonic() + 30
            while (state := http.get(f"/contactLists/{CUSTOMERS}/import/{job['Id']}").json())[
                "CurrentStatus"
            ] != "Finished":
                assert state["CurrentStatus"] == "Running"
                assert time.monotonic() < deadline
                time.sleep(0.05)
            assert (state["InsertedContacts"], state["UpdatedContacts"]) == (total, 0)
            assert state["ProgressPercent"] == 100
            lists = http.get("/contactLists").json()
            assert next(x["Count"] for x in lists if x["Id"] == CUSTOMERS) == total
    finally:
        server.stop()


def test_sync_clients_work_in_process_through_a2wsgi() -> None:
    a2wsgi = pytest.importorskip("a2wsgi")
    app = create_app()
    transport = httpx.WSGITransport(app=a2wsgi.ASGIMiddleware(app))
    try:
        with httpx.Client(transport=transport, base_url="http://sandbox", headers=W50_AUTH) as http:
            base = f"{W50}/contactLists/{CUSTOMERS}/import"
            job = http.post(base, json={"FieldNames": ["Email"]}).json()
            contacts = [{"Values": {"Email": f"s{n}@example.com"}} for n in range(50)]
            assert http.post(f"{base}/{job['Id']}", json=contacts).status_code == 200
            assert http.put(f"{base}/{job['Id']}/run").status_code == 200
            deadline = time.monotonic() + 10
            while (state := http.get(f"{base}/{job['Id']}").json())["CurrentStatus"] != "Finished":
                assert time.monotonic() < deadline
                time.sleep(0.01)
            assert state["InsertedContacts"] == 50
    finally:
        app.state.sandbox.close()


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--fixtures", "/nonexistent/fixtures.json"], "fixtures.json"),
        (["--faults", '{"rules": [{"route": "*", "drop_rate": 5}]}'], "drop_rate"),
    ],
)
def test_the_cli_refuses_bad_settings_before_serving(args: list[str], named: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "contactimport_sandbox", "--db", ":memory:", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert named in result.stderr


# -- a client that goes away mid-request -------------------------------------------------------
@pytest.fixture
def served() -> Iterator[str]:
    """The sandbox in a thread without its own logging setup (``running_sandbox``), so every
    record (uvicorn's "Exception in ASGI application" too) reaches pytest's log capture."""
    with running_sandbox(log_level="info") as server:
        yield server.url


def _send_and_leave(origin: str, head: str, body: bytes, linger: float = 0.2) -> None:
    """Send a request head (Content-Length promising more than `body`) and part of its body
    over a raw socket, then close the connection without reading an answer."""
    import socket

    host, port = origin.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as raw:
        raw.sendall(head.replace("\n", "\r\n").encode() + b"\r\n" + body)
        time.sleep(linger)


GONE_CASES = {
    "vendor upload mid-body": (
        "/Which50API/contactLists/1/import/1",
        "POST {path} HTTP/1.1\nHost: s\nAuthorization: Bearer w50-acme-full\n"
        "Content-Type: application/json\nContent-Length: 100000\n",
        b'[{"Values": {"Email": "a@example.com"}},',
    ),
    "CheckMarket bulk mid-body, chunked": (
        "/3/contacts/import/1",
        "POST {path} HTTP/1.1\nHost: s\nX-Master-Key: cm-acme-master\n"
        "X-Key: cm-acme-contacts-write\nContent-Type: application/json\n"
        "Transfer-Encoding: chunked\n",
        b'10\r\n{"Contacts": [{"\r\n',
    ),
    "control endpoint mid-body": (
        "/_sandbox/faults",
        "PUT {path} HTTP/1.1\nHost: s\nX-Sandbox-Admin-Key: sandbox-admin-local\n"
        "Content-Type: application/json\nContent-Length: 5000\n",
        b'{"rules": [',
    ),
    "before the answer": (
        "/Which50API/contactLists",
        "GET {path} HTTP/1.1\nHost: s\nAuthorization: Bearer w50-acme-full\n",
        b"",
    ),
}


@pytest.mark.parametrize("case", list(GONE_CASES))
def test_a_client_that_goes_away_mid_request_is_one_log_line(
    served: str, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    path, head, body = GONE_CASES[case]
    if case == "before the answer":  # the answer comes 400 ms later; the client leaves at 100 ms
        rule = {"route": "listContactLists", "latency_ms": 400}
        put = httpx.put(f"{served}/_sandbox/faults", json={"rules": [rule]}, headers=ADMIN)
        assert put.status_code == 200
    caplog.set_level(logging.INFO)
    _send_and_leave(served, head.format(path=path), body, linger=0.1)
    deadline = time.monotonic() + 5
    while not any(path in r.getMessage() for r in caplog.records):
        assert time.monotonic() < deadline, [r.getMessage() for r in caplog.records]
        time.sleep(0.02)
    time.sleep(0.6)  # anything logged after the line (a late traceback) is caught too
    about = [r for r in caplog.records if r.levelno >= logging.WARNING or path in r.getMessage()]
    assert len(about) == 1, [(r.name, r.getMessage()) for r in about]
    record = about[0]
    assert record.exc_info is None and record.exc_text is None and record.stack_info is None
    assert "\n" not in record.getMessage()
    assert "client went away" in record.getMessage()
    assert record.getMessage().split(" ")[0] in ("GET", "POST", "PUT")
    httpx.delete(f"{served}/_sandbox/faults", headers=ADMIN).raise_for_status()
    listed = httpx.get(f"{served}/Which50API/contactLists", headers=W50_AUTH)
    assert listed.status_code == 200  # the server goes on serving


def test_a_client_waiting_for_100_continue_gets_the_refusal_without_an_invitation(
    served: str,
) -> None:
    import socket

    host, port = served.removeprefix("http://").split(":")
    head = (
        "POST /Which50API/contactLists/1/import/1 HTTP/1.1\r\nHost: s\r\n"
        "Content-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=5) as raw:
        raw.sendall(head.encode())
        answer = raw.recv(4096)
    assert answer.startswith(b"HTTP/1.1 401 "), answer[:40]
