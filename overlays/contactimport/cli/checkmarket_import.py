"""What ``checkmarket import`` needs besides the workflow: its help text, the options a resume
takes from the interrupted import, the checks of the CSV's columns and of the configuration
(read before anything is sent), the dry-run summary, the rows held back in doubt and the
progress bars. :mod:`.checkmarket_commands` declares the command with them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

import click

from ..checkmarket import CheckMarket
from ..workflows.checkmarket import BulkImportOutcome, BulkImportProgress, result_code_meanings
from .common import CliFailure, ExitCode
from .importing import CsvImport, ResumedOption, locked, show_upload, write_rows
from .output import Bars, Output
from .rowchecks import close_names, missing_columns
from .spec_facts import contact_properties, result_code_label, spec_document

__all__ = [
    "DEFAULT_LANGUAGE",
    "IMPORT_HELP",
    "RESUMED_OPTIONS",
    "check_columns",
    "configuration_settings",
    "default_language_option",
    "dry_run_summary",
    "held_back_rows",
    "in_doubt_path",
    "progress_callback",
    "result_code_labels",
    "warn_missing_columns",
]

R = TypeVar("R")


_SENT_AS = textwrap.fill(
    f"Columns named like ImportContact members ({', '.join(contact_properties())}) are sent "
    "as such; every other column becomes a custom field, except one named almost like a "
    "member (LanguageCode, E-mail): that is refused before anything is sent, with a 'did "
    "you mean', unless --custom-field NAME keeps it as a custom field. Empty cells are "
    "left out. The "
    "contacts are sent in chunks (--chunk-size), each queued and processed by CheckMarket; "
    "the command waits for all of them and prints how many contacts got each ResultCode, "
    f"with its meaning ({result_code_label('R0301')}, {result_code_label('R0308')}, ...).",
    width=84,
    break_on_hyphens=False,
)
IMPORT_HELP = f"""Bulk-import the contacts of a CSV file through a CheckMarket import configuration.

\b
{_SENT_AS}

\b
Give the configuration with --config ID, or --config-name NAME to reuse the
configuration of that name or create it (see `checkmarket configs create` for its
settings).

\b
Before anything is sent the rows are checked against the spec's rules and the
configuration's settings (an invalid Email or Phone, no Email where the configuration
requires one, no language where neither a LangCode nor the configuration's
DefaultLanguageCode gives one, a DateOfBirth not in its DateFormat): such rows are sent
all the same, listed with their line and reason (--warnings writes them to a file). When
the file has no LangCode column and the configuration no default language, a warning
says so first; --default-language sets one for a configuration the command creates.
The file is read as UTF-8 unless --encoding says otherwise (--encoding auto detects).
--dry-run checks the whole file and sends nothing (it reads the configuration only).

\b
Example:
  contactimport checkmarket import contacts.csv --config-name "Newsletter import" \\
      --default-language en --warnings flagged.csv

\b
If the import is interrupted (network down, Ctrl-C), continue it with
`contactimport checkmarket import FILE --resume` (add --state-file if you gave one): the
chunks CheckMarket queued are skipped. The import goes on with the options it began
with (--config or --config-name, --default-language, --chunk-size, --delimiter,
--encoding), so they can be left out; given again they must say the same, else
nothing is sent and the command exits 2.
--rejects, --warnings, --poll-interval and --retries apply to the run that gives them.

\b
A chunk whose outcome is unknown (connection dropped, 500, the command killed) is sent
again only where a repeat stores nothing twice (UpdateTypeId 1 and every contact with an
Email). Otherwise it is held back: its rows go to FILE.checkmarket-in-doubt.csv, the
summary and --json say how many contacts are in doubt, the state file is kept, and
`--resume --send-in-doubt` sends them anyway (they may then be stored twice).
"""


def _config_words(config: Mapping[str, Any] | None) -> list[str]:
    name = None if config is None else config.get("Name")
    if config is None or name is None:
        return []
    language = config.get("DefaultLanguageCode")
    return ["--config-name", str(name), *(["--default-language", language] if language else [])]


#: begin_bulk_import's arguments a resume takes from the token, as the options that set them.
RESUMED_OPTIONS: Final = {
    "import_config_id": ResumedOption.value("--config"),
    "config": ResumedOption("--config-name", _config_words),
    "chunk_size": ResumedOption.value("--chunk-size"),
}
#: The state file keeps --default-language (the token holds it inside the configuration).
DEFAULT_LANGUAGE: Final = ResumedOption.value("--default-language")


def default_language_option(command: Callable[..., R]) -> Callable[..., R]:
    """``--default-language`` of a configuration the command creates."""
    decorated: Callable[..., R] = click.option(
        "--default-language",
        metavar="CODE",
        help="The language code (e.g. en) for contacts without one, in a configuration the "
        f"command creates (DefaultLanguageCode; without it: {result_code_label('R0305')}).",
    )(command)
    return decorated


def result_code_labels() -> dict[str, str]:
    """``{code: "R0308 Invalid email address"}`` for every result code the spec lists."""
    return {code: result_code_label(code) for code in result_code_meanings()}


def configuration_settings(
    client: CheckMarket,
    config_id: int | None,
    config: Mapping[str, Any] | None,
) -> tuple[Mapping[str, Any] | None, bool]:
    """The settings of the configuration the import goes through, read before anything is
    sent, and whether it exists: the one with ``config_id``, else the one named like ``config``
    (reused by the import), else ``config`` itself (created by the import). Only reads.

    The settings are JSON-shaped (as the resume token keeps them): the rules read them so."""
    if config_id is not None:
        return client.get_import_config(config_id).to_dict(), True
    assert config is not None
    for existing in client.list_import_configs():
        if existing.name == config.get("Name"):
            return existing.to_dict(), True
    return config, False


def check_columns(file: Path, columns: Sequence[str], custom_fields: Sequence[str]) -> None:
    """Refuse (exit 2) a column named almost like an ImportContact member, which would become
    a custom field, unless --custom-field names it."""
    unknown = [name for name in custom_fields if name not in columns]
    if unknown:
        raise click.BadParameter(
            f"{file} has no column {', '.join(repr(name) for name in unknown)} (its columns: "
            f"{', '.join(columns)})",
            param_hint="--custom-field",
        )
    members = contact_properties()
    guesses = [
        f"{name!r}: did you mean {' or '.join(repr(g) for g in close)}?"
        for name in columns
        if name not in custom_fields and (close := close_names(name, members))
    ]
    if guesses:
        raise CliFailure(
            ExitCode.USAGE,
            f"{file} has column(s) named almost like an ImportContact member, which would be "
            f"sent as custom fields: {'; '.join(guesses)} Rename the column, or give "
            "--custom-field NAME to send it as a custom field; nothing was sent",
        )


def warn_missing_columns(
    output: Output, file: Path, columns: Sequence[str], settings: Mapping[str, Any] | None
) -> None:
    """Warn when a column the configuration needs is missing (the spec's ``x-missing``): no
    LangCode while the configuration has no DefaultLanguageCode, no Email while it has
    EmailIsRequired; every contact would get the member's result code."""
    name = (settings or {}).get("Name")
    for member, missing in missing_columns(settings, columns, spec_document("checkmarket")):
        if "unless" in missing:
            because = f"has no {missing['unless']}"
        else:
            because = f"has {missing.get('when')}"
        advice = f"add a {member} column"
        if missing.get("unless") == "DefaultLanguageCode":
            advice += ", or give --default-language CODE with --config-name for a new configuration"
        output.warn(
            f"{file} has no {member} column and the import configuration {name!r} {because}: "
            f"every contact will get {result_code_label(str(missing.get('resultCode')))} and "
            f"not be imported; {advice}"
        )


def dry_run_summary(
    ctx: click.Context,
    run: CsvImport,
    settings: Mapping[str, Any] | None,
    exists: bool,
    chunk_size: int,
) -> None:
    """Print what the import would do (its --json shape, ``bulkImport`` null) and exit: 1 when
    rows are rejected or would be flagged, else 0."""
    output = run.output
    source = run.whole_file()
    bad, warned = source.bad_rows, run.checks.warned_rows
    code = ExitCode.REJECTED if bad or warned else ExitCode.OK
    config = dict(settings or {})
    if output.json_output:
        output.emit_json(
            {
                "bulkImport": None,
                "csv": run.csv_summary(),
                **run.rows_summary(),
                "inDoubt": None,
                "configuration": {"exists": exists, **config},
                "exitCode": int(code),
            }
        )
    else:
        shown = (
            f"configuration {config.get('ImportConfigId')} ({config.get('Name')})"
            if exists
            else f"a new configuration {config.get('Name')!r} (it would be created)"
        )
        output.fields(
            "Dry run of a CheckMarket bulk import (nothing was sent)",
            {
                "Through": shown,
                "Default language": config.get("DefaultLanguageCode") or "none",
                "Contacts to send": source.good_rows,
                "Bulk imports": f"{-(-source.good_rows // chunk_size)} (chunks of at most "
                f"{chunk_size:,})",
                "Rows the server will flag": warned,
                "Rows rejected": bad,
            },
        )
        run.report_rows()
    ctx.exit(int(code))


def in_doubt_path(file: Path) -> Path:
    """Where the rows of the contacts held back in doubt are written."""
    return file.with_name(f"{file.name}.checkmarket-in-doubt.csv")


def held_back_rows(run: CsvImport, outcome: BulkImportOutcome) -> dict[str, Any]:
    """Write the rows held back in doubt (keeping the state file for ``--send-in-doubt``), or
    remove an earlier run's file; the ``inDoubt`` member of ``--json``."""
    path = in_doubt_path(run.path)
    if not outcome.in_doubt:
        path.unlink(missing_ok=True)
        return {"contacts": 0, "ranges": [], "file": None, "stateFile": None}
    rows = (row for chunk in outcome.held_back for row in chunk.rows)
    write_rows(path, rows, delimiter=run.source.delimiter)
    run.keep_state = True
    return {
        "contacts": outcome.in_doubt,
        "ranges": [[chunk.first, chunk.last] for chunk in outcome.held_back],
        "file": str(path),
        "stateFile": str(run.state.path),
    }


def progress_callback(bars: Bars, estimate: int) -> Any:
    """The progress callback of an import: the contacts sent, then the queue items processed."""

    def on_progress(progress: BulkImportProgress) -> None:
        show_upload(
            bars,
            progress.uploaded_contacts,
            estimate,
            done=progress.sent,
            description="Sending contacts",
        )
        if progress.sent:  # the queue items are being processed, or are final
            bars.update(
                "process",
                completed=progress.completed_queue_items,
                total=progress.queue_items,
                description="Processing (queue items)",
            )

    return locked(on_progress)
