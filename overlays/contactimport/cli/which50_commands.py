"""``contactimport which50 ...``: contact lists, fields, CSV imports and import job status."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import click

from ..csvsource import CsvContactSource
from ..which50 import Which50
from ..workflows import (
    ImportJobResult,
    ImportPoller,
    ImportProgress,
    RetrySettings,
    begin_import,
)
from .common import CliFailure, ExitCode, count_data_lines, handle_errors, json_option
from .output import Bars, Output
from .state import StateFile

IMPORT_HELP = """Import the contacts of a CSV file into a W50 contact list.

\b
The CSV's header names the list's fields (see `contactimport which50 fields`); each
row is one contact. The file is streamed in batches of at most 10,000 contacts (the
API's limit), so any size works. Bad rows are reported with their line number and
skipped (--rejects writes them to a file); the good rows are imported.

\b
MATCH decides which existing contacts a row updates instead of inserting a new one:
--match Email,ReferanceAccountId updates the contacts of the list whose Email and
ReferanceAccountId equal the row's values; a row matching no contact is inserted.
Without --match every row is inserted. With --method PATCH the values to match come
from --match-value NAME=VALUE instead, and only contacts holding them are updated.

\b
CUSTOM EVENTS are automations configured in W50 (e.g. a welcome e-mail) that run for
each contact the import inserts or updates: --custom-events SendWelcomeEmail,SendEventInvite

\b
Example:
  contactimport which50 import customers.csv --list 1 \\
      --match Email --custom-events SendWelcomeEmail --rejects rejected.csv

\b
If the import is interrupted (network down, Ctrl-C), run the same command with
--resume: the batches already confirmed by the server are skipped, never sent twice.
"""


def _names(values: tuple[str, ...]) -> list[str]:
    """Names from repeatable, comma-separated options (``--match A,B --match C``)."""
    names: list[str] = []
    for value in values:
        names.extend(part.strip() for part in value.split(",") if part.strip())
    return names


def _match_values(values: tuple[str, ...]) -> dict[str, str]:
    result: dict[str, str] = {}
    for value in values:
        name, separator, text = value.partition("=")
        if not separator or not name.strip():
            raise click.BadParameter(f"{value!r} is not NAME=VALUE", param_hint="--match-value")
        result[name.strip()] = text
    return result


def _client(ctx: click.Context) -> Which50:
    options: dict[str, Any] = ctx.find_root().meta.get("which50", {})
    return Which50(base_url=options.get("base_url"), wire_format=options.get("wire_format"))


@click.group()
@click.option("--base-url", envvar="WHICH50_BASE_URL", help="W50API base URL (WHICH50_BASE_URL).")
@click.option(
    "--wire-format",
    type=click.Choice(["json", "xml"]),
    default=None,
    help="Talk JSON or DataContract XML to the API (CONTACTIMPORT_WIRE_FORMAT).",
)
@click.pass_context
def which50(ctx: click.Context, base_url: str | None, wire_format: str | None) -> None:
    """Which50 W50API: contact lists, fields, CSV imports (token: WHICH50_API_TOKEN)."""
    ctx.find_root().meta["which50"] = {"base_url": base_url, "wire_format": wire_format}


@which50.command("lists")
@json_option
@click.pass_context
@handle_errors
def lists_command(ctx: click.Context) -> None:
    """List the account's contact lists."""
    output = ctx.find_object(Output)
    assert output is not None
    with _client(ctx) as client:
        lists = [item.to_dict() for item in client.list_contact_lists()]
    if output.json_output:
        output.emit_json(lists)
        return
    output.table(
        "Contact lists",
        ["Id", "Name", "Contacts"],
        [[item.get("Id"), item.get("Name"), item.get("Count")] for item in lists],
    )


@which50.command("fields")
@click.option("--list", "list_id", type=int, required=True, help="The contact list's Id.")
@json_option
@click.pass_context
@handle_errors
def fields_command(ctx: click.Context, list_id: int) -> None:
    """Show a contact list's fields: the column names a CSV may use."""
    output = ctx.find_object(Output)
    assert output is not None
    with _client(ctx) as client:
        fields = [item.to_dict() for item in client.list_contact_list_fields(list_id)]
    if output.json_output:
        output.emit_json(fields)
        return
    rows = []
    for item in fields:
        choices = [v.get("Value") for v in item.get("ContactSchemaFieldValues") or []]
        rows.append(
            [
                item.get("Id"),
                item.get("Name"),
                item.get("MapType"),
                item.get("DefaultValue"),
                ", ".join(str(c) for c in choices),
            ]
        )
    output.table(
        f"Fields of contact list {list_id}",
        ["Id", "Name", "MapType", "Default", "Values"],
        rows,
    )


def _rows(source: CsvContactSource, keep_empty: bool) -> Iterator[Mapping[str, Any]]:
    for row in source:
        yield row if keep_empty else {name: value for name, value in row.items() if value != ""}


def wait_with_interrupt(poller: ImportPoller[Any]) -> Any:
    """``poller.result()``; Ctrl-C cancels at the next safe point, then re-raises its error."""
    try:
        while not poller.done():
            poller.wait(0.2)
    except KeyboardInterrupt:
        poller.cancel()
        try:
            poller.wait()
        except KeyboardInterrupt:  # a second Ctrl-C: stop now, the state file is still valid
            raise CliFailure(
                ExitCode.INTERRUPTED,
                "stopped; run the same command with --resume to continue from the last "
                "confirmed batch",
            ) from None
    return poller.result()


def _job_rows(job: ImportJobResult) -> dict[str, Any]:
    return {
        "Import job": job.id,
        "Contact list": job.contact_list_id,
        "Status": job.current_status,
        "Progress": f"{job.progress_percent} %",
        "Total contacts": job.total_contacts,
        "Inserted": job.inserted_contacts,
        "Updated": job.updated_contacts,
        "Not updated": job.not_updated_contacts,
        "Dropped": job.dropped_contacts,
        "Invalid e-mail": job.invalid_email_count,
        "Invalid SMS": job.invalid_sms_count,
        "Started": job.start_date,
        "Finished": job.finish_date,
    }


def report_bad_rows(output: Output, source: CsvContactSource, rejects: Path | None) -> None:
    if not source.bad_rows:
        return
    output.warn(f"{source.bad_rows} bad row(s) in {source.path} were skipped:")
    for error in source.errors[:20]:
        output.err.print(f"  {error}", highlight=False, markup=False)
    if source.bad_rows > 20:
        output.err.print(f"  ... and {source.bad_rows - 20} more", highlight=False)
    if rejects is not None:
        output.err.print(f"  written to {rejects}", highlight=False, markup=False)


def csv_summary(source: CsvContactSource, rejects: Path | None) -> dict[str, Any]:
    return {
        "file": str(source.path),
        "delimiter": source.delimiter,
        "goodRows": source.good_rows,
        "badRows": source.bad_rows,
        "errors": [
            {"line": error.line_number, "message": error.message} for error in source.errors
        ],
        "rejectsFile": str(rejects) if rejects is not None and source.bad_rows else None,
    }


@which50.command("import", help=IMPORT_HELP)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--list", "list_id", type=int, required=True, help="The contact list's Id.")
@click.option(
    "--match",
    multiple=True,
    metavar="NAMES",
    help="Field names identifying existing contacts to update (comma-separated).",
)
@click.option(
    "--custom-events",
    multiple=True,
    metavar="NAMES",
    help="Custom events to run for the inserted/updated contacts (comma-separated).",
)
@click.option(
    "--method",
    type=click.Choice(["POST", "PUT", "PATCH"], case_sensitive=False),
    default="POST",
    show_default=True,
    help="How the job is run: POST/PUT match on each row's values, PATCH on --match-value.",
)
@click.option(
    "--match-value",
    multiple=True,
    metavar="NAME=VALUE",
    help="With --method PATCH: update only contacts whose NAME equals VALUE (repeatable).",
)
@click.option("--delimiter", default=None, help="The CSV delimiter (default: sniffed).")
@click.option(
    "--rejects",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the bad rows (with the header) to this file.",
)
@click.option(
    "--keep-empty",
    is_flag=True,
    help="Send empty cells as empty strings (default: an empty cell sets nothing).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=None,
    help="Contacts per upload (default and maximum: the API's limit, 10,000).",
)
@click.option(
    "--resume", is_flag=True, help="Continue the interrupted import of this file (state file)."
)
@click.option(
    "--state-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where the resume state is kept (default: FILE.which50-import-state.json).",
)
@click.option(
    "--poll-interval",
    type=click.FloatRange(min=0.01),
    default=1.0,
    show_default=True,
    help="Seconds between status checks while the job runs.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=7,
    show_default=True,
    help="Retries of a step that failed transiently before the import stops (resumable).",
)
@json_option
@click.pass_context
@handle_errors
def import_command(
    ctx: click.Context,
    file: Path,
    list_id: int,
    match: tuple[str, ...],
    custom_events: tuple[str, ...],
    method: str,
    match_value: tuple[str, ...],
    delimiter: str | None,
    rejects: Path | None,
    keep_empty: bool,
    batch_size: int | None,
    resume: bool,
    state_file: Path | None,
    poll_interval: float,
    retries: int,
) -> None:
    output = ctx.find_object(Output)
    assert output is not None
    match_names = _names(match)
    values = _match_values(match_value)
    run_method = method.upper()
    if run_method == "PATCH" and not values:
        raise click.UsageError("--method PATCH needs --match-value NAME=VALUE")
    if values and run_method != "PATCH":
        raise click.UsageError("--match-value only applies with --method PATCH")
    if run_method == "PATCH":
        match_names = list(dict.fromkeys([*match_names, *values]))
    source = CsvContactSource(file, delimiter=delimiter, rejects_path=rejects)
    fingerprint = source.fingerprint()
    state = StateFile(
        state_file or StateFile.default_path(file, "which50"),
        api="which50",
        source=file,
        fingerprint=fingerprint,
    )
    token: str | None = None
    if resume:
        token = state.load()
    elif state.exists():
        raise click.UsageError(
            f"an interrupted import of this file exists ({state.path}): add --resume to "
            f"continue it, or delete that file to start over"
        )
    with _client(ctx) as client:
        known = client.field_names(list_id)
        unknown = [name for name in source.fieldnames if name not in known]
        if unknown:
            raise CliFailure(
                ExitCode.USAGE,
                f"column(s) {', '.join(unknown)} of {file} are not fields of contact list "
                f"{list_id} (its fields: {', '.join(known)})",
            )
        missing = [name for name in match_names if name not in known]
        if missing:
            raise CliFailure(
                ExitCode.USAGE,
                f"--match name(s) {', '.join(missing)} are not fields of contact list {list_id}",
            )
        estimate = count_data_lines(file)
        with output.progress() as bars:
            poller = begin_import(
                client,
                list_id,
                _rows(source, keep_empty),
                field_names=source.fieldnames,
                match=match_names,
                custom_events=_names(custom_events),
                match_values=values or None,
                run_method="PATCH"
                if run_method == "PATCH"
                else "PUT"
                if run_method == "PUT"
                else "POST",
                batch_size=batch_size,
                continuation_token=token,
                source_fingerprint=fingerprint,
                on_progress=_progress_callback(bars, estimate),
                on_checkpoint=state.save,
                poll_interval=poll_interval,
                max_poll_interval=max(poll_interval, 5.0),
                retry=RetrySettings(max_attempts=retries + 1),
            )
            output.note(f"Importing {file} into contact list {list_id} ...")
            job: ImportJobResult = wait_with_interrupt(poller)
    state.remove()
    flagged = job.invalid_email_count + job.invalid_sms_count
    code = ExitCode.REJECTED if source.bad_rows or flagged else ExitCode.OK
    if output.json_output:
        output.emit_json(
            {
                "importJob": job.as_json(),
                "csv": csv_summary(source, rejects),
                "exitCode": int(code),
            }
        )
    else:
        output.fields(f"Import job {job.id}", _job_rows(job))
        report_bad_rows(output, source, rejects)
        if flagged:
            output.warn(
                f"{job.invalid_email_count} invalid e-mail and {job.invalid_sms_count} invalid "
                "SMS value(s) were imported with a validation warning"
            )
    ctx.exit(int(code))


def _progress_callback(bars: Bars, estimate: int) -> Any:
    lock = threading.Lock()

    def on_progress(progress: ImportProgress) -> None:
        with lock:
            bars.update(
                "upload",
                completed=progress.uploaded_contacts,
                total=max(estimate, progress.uploaded_contacts),
                description="Uploading contacts",
            )
            if progress.phase in ("Running", "Finished", "Failed") and progress.job is not None:
                if progress.phase != "Running":
                    bars.update(
                        "upload",
                        completed=progress.uploaded_contacts,
                        total=progress.uploaded_contacts,
                        description="Uploading contacts",
                    )
                bars.update(
                    "process",
                    completed=progress.job.progress_percent,
                    total=100,
                    description="Processing (%)",
                )

    return on_progress


@which50.command("status")
@click.option("--list", "list_id", type=int, required=True, help="The contact list's Id.")
@click.option("--job", "job_id", type=int, required=True, help="The import job's Id.")
@click.option("--wait", is_flag=True, help="Wait until the job is Finished or Failed.")
@json_option
@click.pass_context
@handle_errors
def status_command(ctx: click.Context, list_id: int, job_id: int, wait: bool) -> None:
    """Show an import job's status and counters."""
    output = ctx.find_object(Output)
    assert output is not None
    with _client(ctx) as client:
        job = ImportJobResult.from_json(client.get_import_job(list_id, job_id).to_dict())
        with output.progress() as bars:
            while wait and job.current_status not in ("Finished", "Failed"):
                bars.update("process", completed=job.progress_percent, total=100)
                threading.Event().wait(1.0)
                job = ImportJobResult.from_json(client.get_import_job(list_id, job_id).to_dict())
    if output.json_output:
        output.emit_json(job.as_json())
    else:
        output.fields(f"Import job {job.id}", _job_rows(job))
    if job.current_status == "Failed":
        ctx.exit(int(ExitCode.IMPORT_FAILED))
