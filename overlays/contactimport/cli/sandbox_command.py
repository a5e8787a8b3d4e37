"""``contactimport sandbox``: run the reference server (needs ``contactimport[sandbox]``)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import click

from .common import CliFailure, ExitCode, handle_errors


@click.command("sandbox")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True)
@click.option(
    "--db",
    default="contactimport-sandbox.db",
    show_default=True,
    help="SQLite file holding the state; ':memory:' keeps nothing.",
)
@click.option(
    "--fixtures",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="JSON file of accounts, credentials, lists and surveys (default: the packaged one).",
)
@click.option(
    "--clock",
    type=click.Choice(["real", "manual"]),
    default="real",
    show_default=True,
    help="manual: import jobs and bulk imports move only when POST /_sandbox/clock/advance "
    "moves the clock.",
)
@click.option(
    "--proxy-to",
    "proxy_to",
    multiple=True,
    metavar="API=URL",
    help="Instead of the sandbox, a validating proxy: forward which50=URL (the W50API base, "
    "…/Which50API) and/or checkmarket=URL (the origin of /3/…) and check every exchange against "
    "the specs; violations at GET /_sandbox/violations.",
)
@click.option(
    "--record",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="With --proxy-to: write every exchange to this folder as a cassette (credentials "
    "redacted).",
)
@click.option(
    "--replay",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Instead of the sandbox, answer from the cassettes --record wrote to this folder.",
)
@click.option("--log-level", default="warning", show_default=True)
@handle_errors
def sandbox(
    host: str,
    port: int,
    db: str,
    fixtures: Path | None,
    clock: str,
    proxy_to: tuple[str, ...],
    record: Path | None,
    replay: Path | None,
    log_level: str,
) -> None:
    """Run the sandbox: W50API under /Which50API and CheckMarket v3 under /3, on real HTTP.

    On start it prints the `export` lines that point the clients and this CLI at it
    (WHICH50_BASE_URL, WHICH50_API_TOKEN, CHECKMARKET_BASE_URL, CHECKMARKET_MASTER_KEY,
    CHECKMARKET_KEY), with the fixtures' credentials; --port 0 picks a free port.

    \b
    Its control endpoints (/_sandbox/faults, /_sandbox/reset, /_sandbox/clock,
    /_sandbox/fixtures, ...) need the fixtures' admin key in a header:
      X-Sandbox-Admin-Key: sandbox-admin-local
    (a sandbox shared by a team: --fixtures with a key of its own).
    """
    try:
        module: Any = importlib.import_module("contactimport_sandbox")
        importlib.import_module("uvicorn")
    except ImportError as error:
        raise CliFailure(
            ExitCode.USAGE,
            f"the sandbox needs its extra: pip install 'contactimport[sandbox]' ({error})",
        ) from None
    if replay is not None and (proxy_to or record is not None):
        raise CliFailure(ExitCode.USAGE, "--replay answers from cassettes: no --proxy-to, --record")
    if record is not None and not proxy_to:
        raise CliFailure(ExitCode.USAGE, "--record records what --proxy-to forwards: name one")
    if replay is not None:
        click.echo("contactimport sandbox --replay; Ctrl-C stops it", err=True)
        module.serve_replay(replay, host=host, port=port, log_level=log_level)
        return
    if proxy_to:
        upstreams = parse_upstreams(proxy_to)
        click.echo("contactimport sandbox --proxy-to; Ctrl-C stops it", err=True)
        module.serve_proxy(upstreams, host=host, port=port, record=record, log_level=log_level)
        return
    click.echo(f"contactimport sandbox (state in {db}); Ctrl-C stops it", err=True)
    options = module.SandboxOptions(clock=clock)
    module.serve(
        host=host, port=port, db=db, fixtures=fixtures, options=options, log_level=log_level
    )


def parse_upstreams(values: tuple[str, ...]) -> dict[str, str]:
    """``which50=URL`` / ``checkmarket=URL`` pairs, each API once, URLs http(s)."""
    upstreams: dict[str, str] = {}
    for value in values:
        api, sep, url = value.partition("=")
        api = api.strip().lower()
        if not sep or api not in ("which50", "checkmarket") or api in upstreams:
            raise CliFailure(
                ExitCode.USAGE,
                f"--proxy-to takes which50=URL and/or checkmarket=URL, each once (got {value!r})",
            )
        if not url.startswith(("http://", "https://")):
            raise CliFailure(ExitCode.USAGE, f"--proxy-to {api}=: not an http(s) URL: {url!r}")
        upstreams[api] = url
    return upstreams
