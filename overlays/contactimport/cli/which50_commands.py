"""``contactimport which50 ...``: contact lists, fields, CSV imports and import job status."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import click

from ..generated.which50_client.models import ImportJob
from ..settings import WHICH50_TOKEN_ENV
from ..which50 import Which50
from ..workflows import (
    ImportProgress,
    ResumeState,
    begin_import,
)
from ..workflows.resume import RunMethod
from .common import (
    NOT_FOUND_HINT,
    CliFailure,
    ExitCode,
    credentials_from_environment,
    either,
    handle_errors,
    json_option,
    output_of,
    wire_format_option,
)
from .importing import (
    CsvImport,
    ImportOptions,
    ResumedOption,
    import_options,
    locked,
    option_given,
    show_upload,
)
from .output import Bars
from .rowchecks import close_names, which50_rules
from .spec_facts import job_states, spec_document, upload_batch_limit

BATCH_LIMIT = upload_batch_limit()
#: What each ``ImportJob.CurrentStatus`` means (its stage in the spec's ``x-status-values``).
JOB_STATES = job_states()
#: The job states ``status --wait`` waits for, in the spec's order.
FINAL_STATES = [str(state) for state in JOB_STATES.meanings() if state in JOB_STATES.final]


def _map_types(counter: str) -> str:
    """The MapTypes whose fields the spec's ``x-value-check`` of an ImportJob counter checks."""
    node = spec_document("which50")["components"]["schemas"]["ImportJob"]["properties"][counter]
    return "/".join(str(kind) for kind in node["x-value-check"]["mapTypes"])


EMAIL_TYPES = _map_types("InvalidEmailCount")
SMS_TYPES = _map_types("InvalidSmsCount")

IMPORT_HELP = f"""Import the contacts of a CSV file into a W50 contact list.

\b
The CSV's header names the list's fields (see `contactimport which50 fields`); each
row is one contact. The file is streamed in batches of at most {BATCH_LIMIT:,} contacts (the
API's limit), so any size works. Bad rows are reported with their line number and
skipped (--rejects writes them to a file, with the line and the reason); the good rows
are imported. Rows the list will flag but still import (an invalid e-mail address or
SMS number in a field of MapType {EMAIL_TYPES} or {SMS_TYPES}, a value outside a field's
fixed values) are found before they are sent and listed (--warnings writes them to a
file).
The file is read as UTF-8 unless --encoding says otherwise (--encoding auto detects).
--dry-run checks the whole file against the list's fields and sends nothing.

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
If the import is interrupted (network down, Ctrl-C), continue it with
`contactimport which50 import FILE --resume` (add --state-file if you gave one): the
batches already confirmed by the server are skipped, never sent twice. The import goes
on with the options it began with (--list, --match, --custom-events, --method,
--match-value, --batch-size, --keep-empty, --delimiter, --encoding), so they can be
left out; given again they must say the same, else nothing is sent and the command
exits 2. --rejects, --warnings, --poll-interval and --retries apply to the run that
gives them.
"""

#: begin_import's arguments a resume takes from the token, as the options that set them.
RESUMED_OPTIONS: Final = {
    "contact_list_id": ResumedOption.value("--list"),
    "match": ResumedOption.names("--match"),
    "custom_events": ResumedOption.names("--custom-events"),
    "match_values": ResumedOption.pairs("--match-value"),
    "run_method": ResumedOption.value("--method"),
    "batch_size": ResumedOption.value("--batch-size"),
}
#: The state file keeps --keep-empty (the token does not hold it).
KEEP_EMPTY: Final = ResumedOption.flag_only("--keep-empty")
RUN_METHODS: Final[dict[str, RunMethod]] = {"POST": "POST", "PUT": "PUT", "PATCH": "PATCH"}


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
    (token,) = credentials_from_environment(ctx, "W50API", [WHICH50_TOKEN_ENV])
    return Which50(token, base_url=options.get("base_url"), wire_format=options.get("wire_format"))


@click.group()
@click.option("--base-url", envvar="WHICH50_BASE_URL", help="W50API base URL (WHICH50_BASE_URL).")
@wire_format_option
@click.pass_context
def which50(ctx: click.Context, base_url: str | None, wire_format: str | None) -> None:
    """Which50 W50API: contact lists, fields, CSV imports (token: WHICH50_API_TOKEN)."""
    ctx.find_root().meta["which50"] = {"base_url": base_url, "wire_format": wire_format}
    ctx.find_root().meta[NOT_FOUND_HINT] = "`contactimport which50 lists` shows the lists' ids"


@which50.command("lists")
@json_option
@click.pass_context
@handle_errors
def lists_command(ctx: click.Context) -> None:
    """List the account's contact lists."""
    output = output_of(ctx)
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
    output = output_of(ctx)
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


def _rows(rows: Iterable[dict[str, str]], keep_empty: bool) -> Iterator[Mapping[str, Any]]:
    for row in rows:
        yield row if keep_empty else {name: value for name, value in row.items() if value != ""}


def _job_rows(job: ImportJob) -> dict[str, Any]:
    dates = job.to_dict()  # as on the wire (ISO 8601 text), the shape `--json` prints
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
        "Started": dates["StartDate"],
        "Finished": dates["FinishDate"],
    }


def _run_arguments(
    ctx: click.Context,
    resumed: ResumeState | None,
    *,
    match: tuple[str, ...],
    custom_events: tuple[str, ...],
    method: str,
    match_values: dict[str, str],
    batch_size: int | None,
) -> dict[str, Any]:
    """``begin_import``'s run settings from the options.

    Resuming (``resumed``: the token's state), an option left out is passed as None, so the
    token's value applies. With PATCH the names of the match values are matched too: they are
    added to --match as when the import began (the workflow takes the same names in another
    order for the same --match).
    """

    def wanted(name: str) -> bool:
        return resumed is None or option_given(ctx, name)

    values = match_values if wanted("match_value") else None
    run_method = RUN_METHODS[method.upper()] if wanted("method") else None
    match_names: list[str] | None = None
    if wanted("match"):
        match_names = _names(match)
        if (run_method or (resumed and resumed.run_method)) == "PATCH":
            keys = values if values is not None else resumed.match_values if resumed else {}
            match_names = list(dict.fromkeys([*match_names, *keys]))
    return {
        "match": match_names,
        "custom_events": _names(custom_events) if wanted("custom_events") else None,
        "match_values": values or None,
        "run_method": run_method,
        "batch_size": batch_size if wanted("batch_size") else None,
    }


def _list_fields(client: Which50, list_id: int) -> list[dict[str, Any]]:
    """The contact list's fields as JSON-shaped dicts (reading them is allowed in a dry run)."""
    return [item.to_dict() for item in client.list_contact_list_fields(list_id)]


def _check_fields(
    known: Sequence[str], list_id: int, file: Path, columns: list[str], match: list[str]
) -> None:
    """The CSV's columns and the --match names must be fields of the contact list; a column
    named almost like a field gets a "did you mean"."""

    def guesses(names: list[str]) -> str:
        found = [
            f"{name!r}: did you mean {' or '.join(repr(g) for g in close)}?"
            for name in names
            if (close := close_names(name, known))
        ]
        return f"; {'; '.join(found)}" if found else ""

    unknown = [name for name in columns if name not in known]
    if unknown:
        raise CliFailure(
            ExitCode.USAGE,
            f"column(s) {', '.join(unknown)} of {file} are not fields of contact list "
            f"{list_id} (its fields: {', '.join(known)}){guesses(unknown)}",
        )
    missing = [name for name in match if name not in known]
    if missing:
        raise CliFailure(
            ExitCode.USAGE,
            f"--match name(s) {', '.join(missing)} are not fields of contact list {list_id}"
            f"{guesses(missing)}",
        )


@which50.command("import", help=IMPORT_HELP)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--list",
    "list_id",
    type=int,
    help="The contact list's Id (required unless resuming).",
)
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
@click.option(
    "--keep-empty",
    is_flag=True,
    help="Send empty cells as empty strings (default: an empty cell sets nothing).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1, max=BATCH_LIMIT),
    default=None,
    help=f"Contacts per upload (default and maximum: the API's limit, {BATCH_LIMIT:,}).",
)
@import_options("which50", poll_help="Seconds between status checks while the job runs.")
@json_option
@click.pass_context
@handle_errors
def import_command(
    ctx: click.Context,
    file: Path,
    list_id: int | None,
    match: tuple[str, ...],
    custom_events: tuple[str, ...],
    method: str,
    match_value: tuple[str, ...],
    keep_empty: bool,
    batch_size: int | None,
    options: ImportOptions,
) -> None:
    output = output_of(ctx)
    values = _match_values(match_value)
    if not options.resume:  # resuming, these come from the token and were checked when it began
        if list_id is None:
            raise click.MissingParameter(
                ctx=ctx, param=next(p for p in ctx.command.params if p.name == "list_id")
            )
        if method.upper() == "PATCH" and not values:
            raise click.UsageError("--method PATCH needs --match-value NAME=VALUE")
        if values and method.upper() != "PATCH":
            raise click.UsageError("--match-value only applies with --method PATCH")
    run = CsvImport(output, api="which50", file=file, options=options, result_key="importJob")
    source = run.source
    given_keep = not options.resume or option_given(ctx, "keep_empty")
    keep = run.resumed(KEEP_EMPTY, keep_empty if given_keep else None, False)
    with run.session(), _client(ctx) as client:
        resumed = None if run.token is None else ResumeState.decode(run.token, api="which50")
        if resumed is not None and not option_given(ctx, "list_id"):
            list_id = resumed.contact_list_id
        elif resumed is not None and list_id != resumed.contact_list_id:
            raise RESUMED_OPTIONS["contact_list_id"].contradiction(list_id, resumed.contact_list_id)
        assert list_id is not None, "only a resume goes without --list"
        arguments = _run_arguments(
            ctx,
            resumed,
            match=match,
            custom_events=custom_events,
            method=method,
            match_values=values,
            batch_size=batch_size,
        )
        fields = _list_fields(client, list_id)  # read before anything is sent
        if resumed is None:  # a resume goes on with the fields and names checked when it began
            known = [str(field["Name"]) for field in fields]
            _check_fields(known, list_id, file, source.fieldnames, arguments["match"])
        run.checks.rules = which50_rules(fields, spec_document("which50"))
        contacts = run.contacts(_rows(run.checked_rows(), bool(keep)))
        if run.dry_run:
            run.read_all(contacts)
            _dry_run_summary(ctx, run, list_id, arguments["batch_size"])
        with output.progress() as bars:
            # --match as typed (with PATCH the match values' names were added to it)
            typed = {} if arguments["match"] is None else {"match": _names(match)}
            with run.resume_conflicts(RESUMED_OPTIONS, typed):
                poller = begin_import(
                    client,
                    list_id,
                    contacts,
                    field_names=source.fieldnames,
                    **arguments,
                    continuation_token=run.token,
                    source_fingerprint=run.fingerprint,
                    on_progress=_progress_callback(bars, run.estimate()),
                    on_checkpoint=run.state.save,
                    poll_interval=options.poll_interval,
                    max_poll_interval=options.max_poll_interval,
                    retry=options.retry,
                )
            output.note(f"Importing {file} into contact list {list_id} ...")
            job: ImportJob = run.wait(poller)
    flagged = job.invalid_email_count + job.invalid_sms_count
    bad = run.whole_file().bad_rows
    code = ExitCode.REJECTED if bad or flagged or run.checks.warned_rows else ExitCode.OK
    if output.json_output:
        output.emit_json(
            {
                "importJob": job.to_dict(),
                "csv": run.csv_summary(),
                **run.rows_summary(),
                "exitCode": int(code),
            }
        )
    else:
        output.fields(f"Import job {job.id}", _job_rows(job))
        run.report_rows()
        if flagged:
            output.warn(
                f"{job.invalid_email_count} invalid e-mail and {job.invalid_sms_count} invalid "
                "SMS value(s) were imported with a validation warning"
            )
    ctx.exit(int(code))


def _dry_run_summary(
    ctx: click.Context, run: CsvImport, list_id: int, batch_size: int | None
) -> None:
    """Print what the import would do (its --json shape, ``importJob`` null) and exit: 1 when
    rows are rejected or would be flagged, else 0."""
    output = run.output
    source = run.whole_file()
    bad, warned = source.bad_rows, run.checks.warned_rows
    code = ExitCode.REJECTED if bad or warned else ExitCode.OK
    size = batch_size or BATCH_LIMIT
    if output.json_output:
        output.emit_json(
            {
                "importJob": None,
                "csv": run.csv_summary(),
                **run.rows_summary(),
                "exitCode": int(code),
            }
        )
    else:
        output.fields(
            f"Dry run of an import into contact list {list_id} (nothing was sent)",
            {
                "Contact list": list_id,
                "Fields": ", ".join(source.fieldnames),
                "Contacts to send": source.good_rows,
                "Batches": f"{-(-source.good_rows // size)} (at most {size:,} contacts each)",
                "Rows the list will flag": warned,
                "Rows rejected": bad,
            },
        )
        run.report_rows()
    ctx.exit(int(code))


def _progress_callback(bars: Bars, estimate: int) -> Any:
    def on_progress(progress: ImportProgress) -> None:
        job = progress.job if progress.phase in JOB_STATES.started else None
        show_upload(
            bars,
            progress.uploaded_contacts,
            estimate,
            done=job is not None and progress.phase in JOB_STATES.final,
            description="Uploading contacts",
        )
        if job is not None:
            bars.update(
                "process",
                completed=job.progress_percent,
                total=100,
                description="Processing (%)",
            )

    return locked(on_progress)


@which50.command("status")
@click.option("--list", "list_id", type=int, required=True, help="The contact list's Id.")
@click.option("--job", "job_id", type=int, required=True, help="The import job's Id.")
@click.option("--wait", is_flag=True, help=f"Wait until the job is {either(FINAL_STATES)}.")
@json_option
@click.pass_context
@handle_errors
def status_command(ctx: click.Context, list_id: int, job_id: int, wait: bool) -> None:
    """Show an import job's status and counters."""
    output = output_of(ctx)
    with _client(ctx) as client:
        job = client.get_import_job(list_id, job_id)
        with output.progress() as bars:
            while wait and job.current_status not in JOB_STATES.final:
                bars.update("process", completed=job.progress_percent, total=100)
                threading.Event().wait(1.0)
                job = client.get_import_job(list_id, job_id)
    if output.json_output:
        output.emit_json(job.to_dict())
    else:
        output.fields(f"Import job {job.id}", _job_rows(job))
    if job.current_status in JOB_STATES.failed:
        ctx.exit(int(ExitCode.IMPORT_FAILED))
