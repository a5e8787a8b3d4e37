"""``contactimport checkmarket ...``: import configurations, CSV bulk imports, import results."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import click

from ..checkmarket import CheckMarket
from ..csvsource import CsvContactSource
from ..workflows import RetrySettings
from ..workflows.checkmarket import (
    DEFAULT_CHUNK_SIZE,
    BulkImportOutcome,
    BulkImportProgress,
    begin_bulk_import,
    queue_status_meanings,
    result_code_meanings,
)
from .common import ExitCode, count_data_lines, handle_errors, json_option
from .output import Bars, Output
from .state import StateFile
from .which50_commands import csv_summary, report_bad_rows, wait_with_interrupt

IMPORT_HELP = """Bulk-import the contacts of a CSV file through a CheckMarket import configuration.

\b
Columns named like ImportContact members (FirstName, LastName, Email, LangCode,
CountryCode, StateCode, Phone, DateOfBirth) are sent as such; every other column
becomes a custom field. Empty cells are left out. The contacts are sent in chunks
(--chunk-size), each queued and processed by CheckMarket; the command waits for all
of them and prints how many contacts got each ResultCode, with its meaning
(R0301 Successfully created, R0308 Invalid email address, ...).

\b
Give the configuration with --config ID, or --config-name NAME to reuse the
configuration of that name or create it (see `checkmarket configs create` for its
settings).

\b
Example:
  contactimport checkmarket import contacts.csv --config-name "Newsletter import"
"""


def _client(ctx: click.Context) -> CheckMarket:
    options: dict[str, Any] = ctx.find_root().meta.get("checkmarket", {})
    return CheckMarket(
        region=options.get("region"),
        base_url=options.get("base_url"),
        wire_format=options.get("wire_format"),
    )


@click.group()
@click.option("--region", envvar="CHECKMARKET_REGION", help="global, eu, us or ca.")
@click.option("--base-url", envvar="CHECKMARKET_BASE_URL", help="API host (wins over --region).")
@click.option(
    "--wire-format",
    type=click.Choice(["json", "xml"]),
    default=None,
    help="Talk JSON or DataContract XML to the API (CONTACTIMPORT_WIRE_FORMAT).",
)
@click.pass_context
def checkmarket(
    ctx: click.Context, region: str | None, base_url: str | None, wire_format: str | None
) -> None:
    """CheckMarket API v3: import configurations and bulk imports (keys: CHECKMARKET_MASTER_KEY,
    CHECKMARKET_KEY)."""
    ctx.find_root().meta["checkmarket"] = {
        "region": region,
        "base_url": base_url,
        "wire_format": wire_format,
    }


@checkmarket.group("configs")
def configs() -> None:
    """List, show, create and delete import configurations."""


CONFIG_COLUMNS = ["ImportConfigId", "Name", "ContactListId", "UpdateTypeId", "IsReusable"]


@configs.command("list")
@json_option
@click.pass_context
@handle_errors
def configs_list(ctx: click.Context) -> None:
    """List the reusable import configurations."""
    output = ctx.find_object(Output)
    assert output is not None
    with _client(ctx) as client:
        items = [item.to_dict() for item in client.list_import_configs().data]
    if output.json_output:
        output.emit_json(items)
        return
    output.table(
        "Import configurations",
        CONFIG_COLUMNS,
        [[item.get(column) for column in CONFIG_COLUMNS] for item in items],
    )


@configs.command("show")
@click.argument("config_id", type=int)
@json_option
@click.pass_context
@handle_errors
def configs_show(ctx: click.Context, config_id: int) -> None:
    """Show one import configuration."""
    output = ctx.find_object(Output)
    assert output is not None
    with _client(ctx) as client:
        item = client.get_import_config(config_id).data.to_dict()
    if output.json_output:
        output.emit_json(item)
    else:
        output.fields(f"Import configuration {config_id}", item)


@configs.command("create")
@click.option("--name", required=True, help="The configuration's name (at most 50 characters).")
@click.option("--contact-list-id", type=int, help="Link the imported contacts to this list.")
@click.option("--survey-id", type=int, help="Add the imported contacts to this survey.")
@click.option(
    "--update-type",
    type=click.Choice(["1", "2"]),
    default="1",
    show_default=True,
    help="1: update existing contacts within the survey; 2: always create new contacts.",
)
@click.option("--default-language", help="Language code for contacts without one (e.g. en).")
@click.option("--email-required", is_flag=True, help="Reject contacts without e-mail (R0307).")
@click.option(
    "--unique-email-in-account", is_flag=True, help="Contacts with the same e-mail are updated."
)
@json_option
@click.pass_context
@handle_errors
def configs_create(
    ctx: click.Context,
    name: str,
    contact_list_id: int | None,
    survey_id: int | None,
    update_type: str,
    default_language: str | None,
    email_required: bool,
    unique_email_in_account: bool,
) -> None:
    """Create a reusable import configuration."""
    output = ctx.find_object(Output)
    assert output is not None
    config: dict[str, Any] = {
        "Name": name,
        "IsReusable": True,
        "UpdateTypeId": int(update_type),
        "EmailIsRequired": email_required,
        "EmailMustBeUniqueWithinAccount": unique_email_in_account,
    }
    if contact_list_id is not None:
        config["ContactListId"] = contact_list_id
    if survey_id is not None:
        config["SurveySettings"] = {"SurveyId": survey_id}
    if default_language:
        config["DefaultLanguageCode"] = default_language
    with _client(ctx) as client:
        created = client.create_import_config(config).data.to_dict()
    if output.json_output:
        output.emit_json(created)
    else:
        output.fields("Created import configuration", created)


@configs.command("delete")
@click.argument("config_id", type=int)
@json_option
@click.pass_context
@handle_errors
def configs_delete(ctx: click.Context, config_id: int) -> None:
    """Delete an import configuration."""
    output = ctx.find_object(Output)
    assert output is not None
    with _client(ctx) as client:
        result = client.delete_import_config(config_id).data.to_dict()
    if output.json_output:
        output.emit_json(result)
    else:
        output.fields(f"Deleted import configuration {config_id}", result)


def outcome_rows(outcome: BulkImportOutcome) -> list[list[Any]]:
    return [[row.code, row.meaning, row.count] for row in outcome.results]


@checkmarket.command("import", help=IMPORT_HELP)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--config", "config_id", type=int, help="The import configuration's id.")
@click.option(
    "--config-name", help="Reuse the configuration of this name, or create it (UpdateTypeId 1)."
)
@click.option("--delimiter", default=None, help="The CSV delimiter (default: sniffed).")
@click.option(
    "--rejects",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the bad CSV rows (with the header) to this file.",
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=DEFAULT_CHUNK_SIZE,
    show_default=True,
    help="Contacts per bulk import request.",
)
@click.option("--resume", is_flag=True, help="Continue the interrupted import of this file.")
@click.option(
    "--state-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where the resume state is kept (default: FILE.checkmarket-import-state.json).",
)
@click.option(
    "--poll-interval",
    type=click.FloatRange(min=0.01),
    default=1.0,
    show_default=True,
    help="Seconds between result checks.",
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
    config_id: int | None,
    config_name: str | None,
    delimiter: str | None,
    rejects: Path | None,
    chunk_size: int,
    resume: bool,
    state_file: Path | None,
    poll_interval: float,
    retries: int,
) -> None:
    output = ctx.find_object(Output)
    assert output is not None
    if not resume and (config_id is None) == (config_name is None):
        raise click.UsageError("give either --config ID or --config-name NAME")
    source = CsvContactSource(file, delimiter=delimiter, rejects_path=rejects)
    fingerprint = source.fingerprint()
    state = StateFile(
        state_file or StateFile.default_path(file, "checkmarket"),
        api="checkmarket",
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
    estimate = count_data_lines(file)
    with _client(ctx) as client, output.progress() as bars:
        poller = begin_bulk_import(
            client,
            iter(source),
            import_config_id=config_id,
            config=None
            if config_name is None or config_id is not None
            else {"Name": config_name, "IsReusable": True, "UpdateTypeId": 1},
            chunk_size=chunk_size,
            continuation_token=token,
            on_progress=_progress_callback(bars, estimate),
            on_checkpoint=state.save,
            poll_interval=poll_interval,
            max_poll_interval=max(poll_interval, 5.0),
            retry=RetrySettings(max_attempts=retries + 1),
        )
        output.note(f"Importing {file} through CheckMarket ...")
        outcome: BulkImportOutcome = wait_with_interrupt(poller)
    state.remove()
    failed = outcome.status == "Failed"
    if failed:
        code = ExitCode.IMPORT_FAILED
    elif outcome.not_imported or source.bad_rows:
        code = ExitCode.REJECTED
    else:
        code = ExitCode.OK
    if output.json_output:
        output.emit_json(
            {"bulkImport": outcome.as_json(), "csv": csv_summary(source, rejects), "exitCode": code}
        )
    else:
        output.table(
            f"Bulk import through configuration {outcome.import_config_id} "
            f"(queue items {', '.join(str(i) for i in outcome.queue_item_ids)}): {outcome.status}",
            ["ResultCode", "Meaning", "Contacts"],
            outcome_rows(outcome),
        )
        output.note(f"{outcome.imported} of {outcome.total} contacts imported")
        report_bad_rows(output, source, rejects)
    ctx.exit(int(code))


def _progress_callback(bars: Bars, estimate: int) -> Any:
    lock = threading.Lock()

    def on_progress(progress: BulkImportProgress) -> None:
        with lock:
            bars.update(
                "upload",
                completed=progress.uploaded_contacts,
                total=max(estimate, progress.uploaded_contacts),
                description="Sending contacts",
            )
            if progress.phase in ("Processing", "Completed", "Failed"):
                bars.update(
                    "upload",
                    completed=progress.uploaded_contacts,
                    total=progress.uploaded_contacts,
                    description="Sending contacts",
                )
                bars.update(
                    "process",
                    completed=progress.completed_queue_items,
                    total=progress.queue_items,
                    description="Processing (queue items)",
                )

    return on_progress


@checkmarket.command("result")
@click.argument("queue_item_id", type=int)
@json_option
@click.pass_context
@handle_errors
def result_command(ctx: click.Context, queue_item_id: int) -> None:
    """Show a bulk import's status and its counts per ResultCode."""
    output = ctx.find_object(Output)
    assert output is not None
    with _client(ctx) as client:
        item = client.get_import_result(queue_item_id).data.to_dict()
    meanings = result_code_meanings()
    statuses = queue_status_meanings()
    status = statuses.get(int(item.get("StatusId") or 0), str(item.get("StatusId")))
    rows = (item.get("Result") or {}).get("ImportResult") or []
    if output.json_output:
        output.emit_json(
            {
                **item,
                "Status": status,
                "Results": [
                    {**row, "Meaning": meanings.get(str(row.get("ResultCode")), "Unknown")}
                    for row in rows
                ],
            }
        )
    else:
        output.table(
            f"Queue item {queue_item_id}: {status}",
            ["ResultCode", "Meaning", "Contacts"],
            [
                [
                    row.get("ResultCode"),
                    meanings.get(str(row.get("ResultCode")), "Unknown"),
                    row.get("ContactCount"),
                ]
                for row in rows
            ],
        )
    if status == "Failed":
        ctx.exit(int(ExitCode.IMPORT_FAILED))
