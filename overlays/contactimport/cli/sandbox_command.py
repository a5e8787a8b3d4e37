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
@click.option("--log-level", default="warning", show_default=True)
@handle_errors
def sandbox(
    host: str, port: int, db: str, fixtures: Path | None, clock: str, log_level: str
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
    click.echo(f"contactimport sandbox (state in {db}); Ctrl-C stops it", err=True)
    options = module.SandboxOptions(clock=clock)
    module.serve(
        host=host, port=port, db=db, fixtures=fixtures, options=options, log_level=log_level
    )
