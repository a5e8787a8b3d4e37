"""``contactimport checkmarket ...``: import configurations, CSV bulk imports, import results."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

import click

from ..checkmarket import CheckMarket, regions
from ..settings import CHECKMARKET_KEY_ENV, CHECKMARKET_MASTER_KEY_ENV
from ..workflows.batching import request_body_max_items
from ..workflows.checkmarket import (
    BulkImportOutcome,
    BulkImportProgress,
    begin_bulk_import,
    result_code_meanings,
)
from ..workflows.checkmarket_process import BULK_IMPORT, DEFAULT_CHUNK_SIZE
from ..workflows.resume import decode_token
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
    write_rows,
)
from .output import Bars, Output
from .outputfiles import OutputOption
from .rowchecks import checkmarket_rules, close_names, missing_columns
from .spec_facts import (
    config_name_length,
    contact_properties,
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
            _check_columns(file, run.source.fieldnames, custom_fields)
            settings, exists = _configuration(client, config_id, arguments["config"])
            _warn_missing_columns(output, file, run.source.fieldnames, settings)
        else:
            settings, exists = decode_token(run.token, api="checkmarket").get("settings"), True
        run.checks.rules = checkmarket_rules(
            settings, run.source.fieldnames, spec_document("checkmarket"), _labels()
        )
        contacts = run.contacts(run.checked_rows())
        if run.dry_run:
            run.read_all(contacts)
            _dry_run_summary(ctx, run, settings, exists, chunk_size)
        with output.progress() as bars:
            with run.resume_conflicts(RESUMED_OPTIONS):
                poller = begin_bulk_import(
                    client,
                    contacts,
                    **arguments,
                    continuation_token=run.token,
                    send_in_doubt=send_in_doubt,
                    on_progress=_progress_callback(bars, run.estimate()),
                    on_checkpoint=run.state.save,
                    poll_interval=options.poll_interval,
                    max_poll_interval=options.max_poll_interval,
                    retry=options.retry,
                )
            output.note(f"Importing {file} through CheckMarket ...")
            outcome: BulkImportOutcome = run.wait(poller)
            in_doubt = _in_doubt(run, outcome)  # inside: the state file is kept while in doubt
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


def _labels() -> dict[str, str]:
    """``{code: "R0308 Invalid email address"}`` for every result code the spec lists."""
    return {code: result_code_label(code) for code in result_code_meanings()}


def _configuration(
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


def _check_columns(file: Path, columns: Sequence[str], custom_fields: Sequence[str]) -> None:
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


def _warn_missing_columns(
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


def _dry_run_summary(
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


def _in_doubt(run: CsvImport, outcome: BulkImportOutcome) -> dict[str, Any]:
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


def _progress_callback(bars: Bars, estimate: int) -> Any:
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
