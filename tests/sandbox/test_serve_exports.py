"""The sandbox says on start how to reach it: `export` lines a shell and both clients take as is."""

from __future__ import annotations

import asyncio
import shlex
import socket
import subprocess
import sys

import pytest
from contactimport import CheckMarket, Which50
from contactimport_sandbox import export_lines, load_fixtures
from contactimport_sandbox.serving import listening_socket


def test_export_lines_name_both_apis_and_the_fixtures_strongest_credentials() -> None:
    environment = load_fixtures().client_environment("http://127.0.0.1:9", "/Which50API")
    assert environment == {
        "WHICH50_BASE_URL": "http://127.0.0.1:9/Which50API",
        "WHICH50_API_TOKEN": "w50-acme-full",
        "CHECKMARKET_BASE_URL": "http://127.0.0.1:9",
        "CHECKMARKET_MASTER_KEY": "cm-acme-master",
        "CHECKMARKET_KEY": "cm-acme-contacts-write",
    }
    quoted = export_lines({"A": "it's $HOME"})
    assert shlex.split(quoted) == ["export", "A=it's $HOME"]


def test_a_started_sandbox_prints_export_lines_that_reach_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "contactimport_sandbox", "--port", "0", "--db", ":memory:",
         "--log-level", "warning"],
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert server.stderr is not None
        environment: dict[str, str] = {}
        while len(environment) < 5:
            line = server.stderr.readline()
            assert line, "the sandbox exited before it printed its export lines"
            if line.startswith("export "):
                name, _, value = shlex.split(line)[1].partition("=")
                environment[name] = value
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        with Which50() as w50:
            assert [item.id for item in w50.list_contact_lists()]
        with CheckMarket() as checkmarket:
            checkmarket.list_import_configs()
    finally:
        server.terminate()
        server.wait(10)


def test_the_served_listener_gives_its_connections_tcp_nodelay() -> None:
    """asyncio sets TCP_NODELAY only where the socket's proto says TCP; without it each answer
    waited for the client's delayed ACK (about 40 ms a request)."""
    listener = listening_socket("127.0.0.1", 0)
    delays: list[int] = []

    async def main() -> None:
        accepted = asyncio.Event()

        def connected(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            server_side = writer.get_extra_info("socket")
            delays.append(server_side.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()
            accepted.set()

        server = await asyncio.start_server(connected, sock=listener)
        async with server:
            _reader, writer = await asyncio.open_connection(*listener.getsockname()[:2])
            await asyncio.wait_for(accepted.wait(), 10)
            writer.close()

    asyncio.run(main())
    assert listener.proto == socket.IPPROTO_TCP
    assert delays == [1]
