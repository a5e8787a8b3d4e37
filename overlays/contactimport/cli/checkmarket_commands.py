"""``contactimport checkmarket ...``: import configurations, CSV bulk imports, import results."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import click

from ..checkmarket import CheckMarket, regions
from ..settings import CHECKMARKET_KEY_ENV, CHECKMARKET_MASTER_KEY_ENV
from ..workflows.batching import request_body_max_items
from ..workflows.checkmarket import (
    BulkImportOutcome,
    begin_bulk_import,
    result_code_meanings,
)
from ..workflows.checkmarket_process import BULK_IMPORT, DEFAULT_CHUNK_SIZE
from ..workflows.resume import decode_token
from .checkmarket_import import (
    DEFAULT_LANGUAGE,
    IMPORT_HELP,
    RESUMED_OPTIONS,
    check_columns,
    configuration_settings,
    default_language_option,
    dry_run_summary,
    held_back_rows,
    in_doubt_path,
    progress_callback,
    result_code_labels,
    warn_missing_columns,
)
from .common import (
    NOT_FOUND_HINT,
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
    import_options,
    option_given,
)
from .outputfiles import OutputOption
from .rowchecks import checkmarket_rules
from .spec_facts import (
    config_name_length,
    default_update_type,
    queue_states,
    queue_status,
    result_code_label,
    spec_document,
    update_types,
)

R = TypeVar("R")

UPDATE_TYPES = update_types()
DEFAULT_UPDATE_TYPE = default_update_type()
NAME_LENGTH = config_name_length()
#: The most contacts one bulk import request may carry (the spec's maxItems).
CHUNK_LIMIT = request_body_max_items(spec_document("checkmarket"), BULK_IMPORT)


def new_config(
    name: str,
    *,
    update_type: int = DEFAULT_UPDATE_TYPE,
    default_language: str | None = None,
    **settings: Any,
) -> dict[str, Any]:
    """The reusable ImportConfig ``configs create`` and ``import --config-name`` create."""
    config: dict[str, Any] = {"Name": name, "IsReusable": True, "UpdateTypeId": update_type}
    config.update(settings)
    if default_language:
        config["DefaultLanguageCode"] = default_language
    return config


def _check_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A configuration name within the spec's length limits (ImportConfig.Name)."""
    low, high = NAME_LENGTH
    if value is not None and not low <= len(value) <= high:
        raise click.BadParameter(
            f"the name is {len(value)} characters long; an import configuration's name must "
            f"have {low} to {high} characters",
            ctx=ctx,
            param=param,
        )
    return value


def _client(ctx: click.Context) -> CheckMarket:
    options: dict[str, Any] = ctx.find_root().meta.get("checkmarket", {})
    master_key, key = credentials_from_environment(
        ctx, "CheckMarket", [CHECKMARKET_MASTER_KEY_ENV, CHECKMARKET_KEY_ENV]
    )
    return CheckMarket(
        master_key,
        key,
        region=options.get("region"),
        base_url=options.get("base_url"),
        wire_format=options.get("wire_format"),
    )


@click.group()
@click.option("--region", envvar="CHECKMARKET_REGION", help=f"{either(list(regions()))}.")
@click.option("--base-url", envvar="CHECKMARKET_BASE_URL", help="API host (wins over --region).")
@wire_format_option
@click.pass_context
def checkmarket(
    ctx: click.Context, region: str | None, base_url: str | None, wire_format: str | None
) -> None:
    """CheckMarket API v3: import configurations and bulk imports (keys: CHECKMARKET_MASTER_KEY,
    CHECKMARKET_KEY)."""
    ctx.find_root().meta[NOT_FOUND_HINT] = (
        "`contactimport checkmarket configs list` shows the configurations' ids"
    )
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
    output = output_of(ctx)
    with _client(ctx) as client:
        items = [item.to_dict() for item in client.list_import_configs()]
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
    with _client(ctx) as client:
        item = client.get_import_config(config_id).to_dict()
    output_of(ctx).record(f"Import configuration {config_id}", item)


@configs.command("create")
@click.option(
    "--name",
    required=True,
    callback=_check_name,
    help=f"The configuration's name ({NAME_LENGTH[0]} to {NAME_LENGTH[1]} characters).",
)
@click.option("--contact-list-id", type=int, help="Link the imported contacts to this list.")
@click.option("--survey-id", type=int, help="Add the imported contacts to this survey.")
@click.option(
    "--update-type",
    type=click.Choice([str(value) for value in UPDATE_TYPES]),
    default=str(DEFAULT_UPDATE_TYPE),
    show_default=True,
    help="; ".join(f"{value}: {text}" for value, text in UPDATE_TYPES.items()) + ".",
)
@default_language_option
@click.option(
    "--email-required",
    is_flag=True,
    help=f"Reject contacts without e-mail ({result_code_label('R0307')}).",
)
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
    config = new_config(
        name,
        update_type=int(update_type),
        default_language=default_language,
        EmailIsRequired=email_required,
        EmailMustBeUniqueWithinAccount=unique_email_in_account,
    )
    if contact_list_id is not None:
        config["ContactListId"] = contact_list_id
    if survey_id is not None:
        config["SurveySettings"] = {"SurveyId": survey_id}
    with _client(ctx) as client:
        created = client.create_import_config(config).to_dict()
    output_of(ctx).record("Created import configuration", created)


@configs.command("delete")
@click.argument("config_id", type=int)
@json_option
@click.pass_context
@handle_errors
def configs_delete(ctx: click.Context, config_id: int) -> None:
    """Delete an import configuration."""
    with _client(ctx) as client:
        result = client.delete_import_config(config_id).to_dict()
    output_of(ctx).record(f"Deleted import configuration {config_id}", result)


def outcome_rows(outcome: BulkImportOutcome) -> list[list[Any]]:
    return [[row.code, row.meaning, row.count] for row in outcome.results]


@checkmarket.command("import", help=IMPORT_HELP)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--config", "config_id", type=int, help="The import configuration's id.")
@click.option(
    "--config-name",
    callback=_check_name,
    help="Reuse the configuration of this name, or create it "
    f"(UpdateTypeId {DEFAULT_UPDATE_TYPE}: {UPDATE_TYPES[DEFAULT_UPDATE_TYPE].lower()}).",
)
@default_language_option
@click.option(
    "--custom-field",
    "custom_fields",
    multiple=True,
    metavar="NAME",
    help="Send column NAME as a custom field although it is named almost like an "
    "ImportContact member (repeatable).",
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1, max=CHUNK_LIMIT),
    default=DEFAULT_CHUNK_SIZE,
    show_default=True,
    help="Contacts per bulk import request (resuming: the size the import began with).",
)
@click.option(
    "--send-in-doubt",
    is_flag=True,
    help="Send chunks whose outcome is unknown anyway (with --resume: also those held back); "
    "their contacts may be stored twice.",
)
@import_options("checkmarket", poll_help="Seconds between result checks.")
@json_option
@click.pass_context
@handle_errors
def import_command(
    ctx: click.Context,
    file: Path,
    config_id: int | None,
    config_name: str | None,
    default_language: str | None,
    custom_fields: tuple[str, ...],
    chunk_size: int,
    send_in_doubt: bool,
    options: ImportOptions,
) -> None:
    output = output_of(ctx)
    if config_id is not None and config_name is not None:
        raise click.UsageError("give either --config ID or --config-name NAME, not both")
    if not options.resume and config_id is None and config_name is None:
        raise click.UsageError("give either --config ID or --config-name NAME")
    in_doubt_file = OutputOption(
        "FILE", in_doubt_path(file), "the file of contacts in doubt", default=True
    )
    run = CsvImport(
        output,
        api="checkmarket",
        file=file,
        options=options,
        result_key="bulkImport",
        more_outputs=[in_doubt_file],
    )

    def wanted(name: str) -> bool:  # resuming, an option left out is None: the token's applies
        return not options.resume or option_given(ctx, name)

    language = run.resumed(
        DEFAULT_LANGUAGE, default_language if wanted("default_language") else None
    )
    if language is not None and config_id is not None:
        raise click.UsageError(
            "--default-language applies to a configuration the command creates (--config-name); "
            "the configuration given with --config has its own"
        )
    arguments: dict[str, Any] = {
        "import_config_id": config_id if wanted("config_id") else None,
        "config": new_config(config_name, default_language=language)
        if config_name is not None and wanted("config_name")
        else None,
        "chunk_size": chunk_size if wanted("chunk_size") else None,
    }
    with run.session(), _client(ctx) as client:
        if run.token is None:  # a resume goes on with the columns checked when it began
            check_columns(file, run.source.fieldnames, custom_fields)
            settings, exists = configuration_settings(client, config_id, arguments["config"])
            warn_missing_columns(output, file, run.source.fieldnames, settings)
        else:
            settings, exists = decode_token(run.token, api="checkmarket").get("settings"), True
        run.checks.rules = checkmarket_rules(
            settings, run.source.fieldnames, spec_document("checkmarket"), result_code_labels()
        )
        contacts = run.contacts(run.checked_rows())
        if run.dry_run:
            run.read_all(contacts)
            dry_run_summary(ctx, run, settings, exists, chunk_size)
        with output.progress() as bars:
            with run.resume_conflicts(RESUMED_OPTIONS):
                poller = begin_bulk_import(
                    client,
                    contacts,
                    **arguments,
                    continuation_token=run.token,
                    send_in_doubt=send_in_doubt,
                    on_progress=progress_callback(bars, run.estimate()),
                    on_checkpoint=run.state.save,
                    poll_interval=options.poll_interval,
                    max_poll_interval=options.max_poll_interval,
                    retry=options.retry,
                )
            output.note(f"Importing {file} through CheckMarket ...")
            outcome: BulkImportOutcome = run.wait(poller)
            in_doubt = held_back_rows(run, outcome)  # inside: the state file is kept while in doubt
    failed = outcome.failed
    if failed:
        code = ExitCode.IMPORT_FAILED
    elif outcome.not_imported or outcome.in_doubt or run.whole_file().bad_rows:
        code = ExitCode.REJECTED
    else:
        code = ExitCode.OK
    if output.json_output:
        document: dict[str, Any] = {
            "bulkImport": outcome.as_json(),
            "csv": run.csv_summary(),
            **run.rows_summary(),
            "inDoubt": in_doubt,
            "exitCode": int(code),
        }
        if failed:
            document["message"] = f"the bulk import failed on the server; {run.ended_note()}"
        output.emit_json(document)
    else:
        output.table(
            f"Bulk import through configuration {outcome.import_config_id} "
            f"(queue items {', '.join(str(i) for i in outcome.queue_item_ids)}): {outcome.status}",
            ["ResultCode", "Meaning", "Contacts"],
            outcome_rows(outcome),
        )
        output.note(f"{outcome.imported} of {outcome.total} contacts imported")
        run.report_rows()
        if outcome.in_doubt:
            ranges = ", ".join(f"{c.first}-{c.last}" for c in outcome.held_back)
            output.warn(
                f"{outcome.in_doubt} contacts in doubt (contacts {ranges} of {file}): they may "
                f"or may not have been imported, and sending them again could store them twice; "
                f"they are in {in_doubt['file']}. Check them, then send them anyway with "
                f"`contactimport checkmarket import {file} --resume --send-in-doubt` (the state "
                f"is kept in {run.state.path})"
            )
        if failed:
            output.error(f"the bulk import failed on the server; {run.ended_note()}")
    ctx.exit(int(code))


@checkmarket.command("result")
@click.argument("queue_item_id", type=int)
@json_option
@click.pass_context
@handle_errors
def result_command(ctx: click.Context, queue_item_id: int) -> None:
    """Show a bulk import's status and its counts per ResultCode."""
    output = output_of(ctx)
    with _client(ctx) as client:
        item = client.get_import_result(queue_item_id).to_dict()
    meanings = result_code_meanings()
    states = queue_states()
    status_id = queue_status(item)
    meaning = None if status_id is None else states.meanings().get(status_id)
    status = str(item.get("StatusId")) if meaning is None else meaning
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
    if status_id in states.failed:
        ctx.exit(int(ExitCode.IMPORT_FAILED))
