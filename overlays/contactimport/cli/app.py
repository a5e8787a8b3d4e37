"""The root command ``contactimport`` and its entry point."""

from __future__ import annotations

from collections.abc import Sequence

import click

from .._version import VERSION
from .checkmarket_commands import checkmarket
from .common import ExitCode
from .output import Output
from .sandbox_command import sandbox
from .which50_commands import which50

__all__ = ["ExitCode", "cli", "main"]

EPILOG = """\b
Credentials come from the environment:
  WHICH50_API_TOKEN                 W50API bearer token (WHICH50_BASE_URL: base URL)
  CHECKMARKET_MASTER_KEY, CHECKMARKET_KEY
                                    CheckMarket X-Master-Key and X-Key
                                    (CHECKMARKET_REGION or CHECKMARKET_BASE_URL: the host)
  CONTACTIMPORT_WIRE_FORMAT         json (default) or xml

\b
Exit codes:
  0    success
  1    finished, but some contacts were rejected or flagged (or every CSV row was
       rejected: nothing was sent; with --dry-run: rows would be rejected or flagged)
  2    usage error (options, CSV header, a CSV without contacts or not in its
       encoding, a column named almost like a field, credentials, an output path
       that is the CSV or another output or cannot be written)
  3    API or network error (resume an interrupted import with --resume)
  4    the import ran and the server reports it failed
  130  interrupted with Ctrl-C (resume with --resume)

\b
An import keeps its resume state in FILE.<api>-import-state.json while it can be
resumed; the file is removed when the import ended (finished, or failed on the server).
`... import FILE --resume` goes on with the options the import began with (see the
import commands' --help); an option given again must say the same. The files an
import writes (--rejects, --warnings, the state file) are checked before the CSV is
read, and written under a temporary name beside them and renamed into place once
complete.
"""


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(VERSION, prog_name="contactimport")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show progress bars; --no-progress: nothing (default: bars on a terminal, else a "
    "plain line every few seconds).",
)
@click.pass_context
def cli(ctx: click.Context, progress: bool | None) -> None:
    """Import contacts into Which50 (W50API) contact lists and CheckMarket from CSV files."""
    ctx.obj = Output(json_output=False, progress=progress)


cli.add_command(which50)
cli.add_command(checkmarket)
cli.add_command(sandbox)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (the console script calls this)."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="contactimport")
    except SystemExit as stop:
        code = stop.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0
