"""The CLI reads its spec facts from the spec: change a document, and help texts, choices and
checks follow (the command modules are rebuilt from the changed documents); and every fact the
CLI names exists in the real spec. No network."""

from __future__ import annotations

import copy
import importlib
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import click
import contactimport.generated.spec
import pytest
from click.testing import CliRunner
from contactimport.cli import (
    ExitCode,
    app,
    checkmarket_commands,
    checkmarket_import,
    spec_facts,
    which50_commands,
)
from contactimport.generated.checkmarket_client.models import (
    BulkImportResult,
    CreateImportConfigResult,
    ImportConfig,
    ImportQueueItem,
)
from contactimport.generated.which50_client.models import ImportJob
from contactimport.workflows import checkmarket as checkmarket_workflow
from contactimport.workflows import which50 as which50_workflow
from contactimport.workflows.checkmarket import result_code_meanings

Documents = dict[str, dict[str, Any]]


def _rebuild() -> click.Group:
    # Each module that reads the spec when imported, before the ones importing it.
    for module in (which50_commands, checkmarket_import, checkmarket_commands, app):
        importlib.reload(module)
    return app.cli


@contextmanager
def cli_built_from(change: Callable[[Documents], None]) -> Iterator[click.Group]:
    """The CLI as its modules build it from the spec documents after ``change``."""
    documents: Documents = {
        api: contactimport.generated.spec.document(api) for api in contactimport.generated.spec.APIS
    }
    change(documents)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(
                contactimport.generated.spec, "document", lambda api: copy.deepcopy(documents[api])
            )
            yield _rebuild()
    finally:
        _rebuild()


def schemas(documents: Documents, api: str) -> dict[str, Any]:
    found: dict[str, Any] = documents[api]["components"]["schemas"]
    return found


def help_text(cli: click.Group, *path: str) -> str:
    result = CliRunner().invoke(cli, [*path, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


def test_the_w50_batch_limit_follows_the_spec() -> None:
    def change(documents: Documents) -> None:
        schemas(documents, "which50")["ArrayOfContact"]["maxItems"] = 2500

    with cli_built_from(change) as cli:
        text = help_text(cli, "which50", "import")
        assert "batches of at most 2,500 contacts" in text
        assert "the API's limit, 2,500" in text and "10,000" not in text
        result = CliRunner().invoke(cli, ["which50", "import", __file__, "--list", "1",
                                          "--batch-size", "2501"])  # fmt: skip
        assert result.exit_code == 2
        assert "--batch-size" in result.stderr and "2500" in result.stderr


def test_checkmarket_help_and_choices_follow_the_spec() -> None:
    def change(documents: Documents) -> None:
        cm = schemas(documents, "checkmarket")
        cm["ImportConfig"]["properties"]["Name"]["maxLength"] = 40
        cm["ImportConfig"]["properties"]["UpdateTypeId"]["default"] = 2
        cm["UpdateType"]["enum"] = [1, 2, 3]
        cm["UpdateType"]["x-enum-descriptions"] = ["Update", "Create", "Skip existing contacts"]
        cm["ImportContact"]["properties"]["Title"] = {"type": "string"}
        for item in cm["ResultCode"]["x-result-codes"]:
            if item["code"] == "R0308":
                item["meaning"] = "Malformed e-mail"

    with cli_built_from(change) as cli:
        create = help_text(cli, "checkmarket", "configs", "create")
        assert "(1 to 40 characters)" in create
        assert "--update-type [1|2|3]" in create
        assert "1: Update; 2: Create; 3: Skip existing contacts. [default: 2]" in create
        imports = help_text(cli, "checkmarket", "import")
        assert "DateOfBirth, Title)" in imports
        assert "R0308 Malformed e-mail" in imports
        assert "(UpdateTypeId 2: create)" in imports
        for args in (
            ["checkmarket", "configs", "create", "--name", "n" * 41],
            ["checkmarket", "import", __file__, "--config-name", "n" * 41],
        ):
            result = CliRunner().invoke(cli, args)
            assert result.exit_code == 2, result.output
            assert "1 to 40 characters" in result.stderr
        accepted = CliRunner().invoke(
            cli, ["checkmarket", "configs", "create", "--name", "n", "--update-type", "3"],
            env={"CHECKMARKET_MASTER_KEY": "", "CHECKMARKET_KEY": ""},
        )  # fmt: skip
        assert "--update-type" not in accepted.stderr  # 3 is a valid choice now


def test_the_final_job_states_follow_the_spec_order() -> None:
    def change(documents: Documents) -> None:
        status = schemas(documents, "which50")["ImportJob"]["properties"]["CurrentStatus"]
        status["x-status-values"].reverse()

    with cli_built_from(change) as cli:
        assert "Wait until the job is Failed or Finished." in help_text(cli, "which50", "status")
    assert "Wait until the job is Finished or Failed." in help_text(app.cli, "which50", "status")


class FakeClient:
    """The calls ``which50 status`` and ``checkmarket result``/``import`` make (no network),
    answered with the models the clients return."""

    def __init__(self, *, job_states: Sequence[str] = ("Finished",), queue_status: int = 4) -> None:
        self.job_states = list(job_states)  # CurrentStatus of each read, the last one repeated
        self.queue_status = queue_status
        self.reads = 0

    def __enter__(self) -> FakeClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def _encode_ahead(self, operation_id: str, body: object) -> None:
        """A client encodes a batch ahead of its turn; this one sends nothing anywhere."""

    def get_import_job(self, contact_list_id: int, import_job_id: int) -> ImportJob:
        self.reads += 1
        if self.reads > 10:
            raise RuntimeError("still polling a job that ended")
        status = self.job_states[min(self.reads, len(self.job_states)) - 1]
        counters = "InvalidEmailCount InvalidSmsCount ProgressPercent InsertedContacts"
        shape: dict[str, Any] = dict.fromkeys(counters.split(), 0)
        shape.update(UpdatedContacts=0, DroppedContacts=0, NotUpdatedContacts=0, TotalContacts=0)
        shape.update(StartDate=None, FinishDate=None)
        shape.update(Id=import_job_id, ContactListId=contact_list_id, CurrentStatus=status)
        return ImportJob.from_dict(shape)

    def get_import_result(self, queue_item_id: int) -> ImportQueueItem:
        rows = [{"ResultCode": "R0301", "ContactCount": 1}]
        item = {"QueueItemId": queue_item_id, "StatusId": self.queue_status}
        return ImportQueueItem.from_dict({**item, "Result": {"ImportResult": rows}})

    def list_import_configs(self) -> list[ImportConfig]:
        return []

    def get_import_config(self, import_config_id: int) -> ImportConfig:
        return ImportConfig(name="Existing", import_config_id=import_config_id)

    def create_import_config(self, config: Mapping[str, Any]) -> CreateImportConfigResult:
        return CreateImportConfigResult(import_config_id=7, succeeded=True)

    def bulk_import_contacts(
        self, import_config_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> BulkImportResult:
        return BulkImportResult(queue_item_id=4700)


STATUS_PROPERTIES = {
    "which50": ("ImportJob", "CurrentStatus"),
    "checkmarket": ("ImportQueueItem", "StatusId"),
}


def mark(documents: Documents, api: str, value: Any, **item: Any) -> None:
    """Change the ``x-status-values`` item of ``value`` (W50 job or CheckMarket queue item)."""
    schema, prop = STATUS_PROPERTIES[api]
    listed = schemas(documents, api)[schema]["properties"][prop]["x-status-values"]
    for entry in listed:
        if entry["value"] == value:
            entry.update(item)


def test_which_job_and_queue_states_failed_follows_the_spec(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    def change(documents: Documents) -> None:
        mark(documents, "which50", "Finished", outcome="failed")
        mark(documents, "checkmarket", 4, outcome="failed")

    csv_file = tmp_path / "a.csv"
    csv_file.write_text("Email\na@x.com\n")
    status = ["which50", "status", "--list", "1", "--job", "2"]
    result = ["checkmarket", "result", "4700"]
    bulk = ["checkmarket", "import", str(csv_file), "--config", "7", "--poll-interval", "0.01"]
    for command in (status, result):
        monkeypatch.setattr(which50_commands, "_client", lambda ctx: FakeClient())
        monkeypatch.setattr(checkmarket_commands, "_client", lambda ctx: FakeClient())
        assert CliRunner().invoke(app.cli, command).exit_code == 0
    monkeypatch.setattr(checkmarket_commands, "_client", lambda ctx: FakeClient())
    assert CliRunner().invoke(app.cli, bulk).exit_code == 0
    csv_file.with_name("a.csv.checkmarket-import-state.json").unlink(missing_ok=True)
    with cli_built_from(change) as cli:
        monkeypatch.setattr(which50_commands, "_client", lambda ctx: FakeClient())
        monkeypatch.setattr(checkmarket_commands, "_client", lambda ctx: FakeClient())
        for command in (status, result):
            outcome = CliRunner().invoke(cli, command)
            assert outcome.exit_code == ExitCode.IMPORT_FAILED, (command, outcome.output)
        monkeypatch.setattr(checkmarket_commands, "_client", lambda ctx: FakeClient())
        outcome = CliRunner().invoke(cli, bulk)
        assert outcome.exit_code == ExitCode.IMPORT_FAILED, outcome.output
        assert "failed on the server" in outcome.stderr


def test_status_wait_ends_on_a_final_state_the_spec_adds(monkeypatch: pytest.MonkeyPatch) -> None:
    def change(documents: Documents) -> None:
        status = schemas(documents, "which50")["ImportJob"]["properties"]["CurrentStatus"]
        status["x-status-values"].append(
            {"value": "Archived", "meaning": "m", "stage": "final", "outcome": "succeeded"}
        )

    fake = FakeClient(job_states=["Running", "Archived"])
    with cli_built_from(change) as cli:
        assert "Wait until the job is Finished, Failed or Archived." in help_text(
            cli, "which50", "status"
        )
        monkeypatch.setattr(which50_commands, "_client", lambda ctx: fake)
        command = ["which50", "status", "--list", "1", "--job", "2", "--wait", "--json"]
        outcome = CliRunner().invoke(cli, command)
        assert outcome.exit_code == 0, outcome.output
        assert json.loads(outcome.stdout)["CurrentStatus"] == "Archived"
        assert fake.reads == 2


def test_the_cli_takes_its_states_from_the_workflows_readers() -> None:
    assert spec_facts.job_states is which50_workflow.job_states
    assert spec_facts.queue_states is checkmarket_workflow.queue_states
    assert which50_commands.FINAL_STATES == ["Finished", "Failed"]


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, command in group.commands.items():
        yield (*path, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


def test_every_result_code_the_help_names_is_in_the_spec_with_its_meaning() -> None:
    meanings = result_code_meanings()
    named = 0
    for path in _commands(app.cli):
        text = help_text(app.cli, *path)
        for code in re.findall(r"\bR\d{4}\b", text):
            assert code in meanings, f"{' '.join(path)} --help names {code}"
            assert f"{code} {meanings[code]}" in text
            named += 1
    assert named >= 3


def test_a_batch_size_over_the_spec_limit_is_a_usage_error(tmp_path: Any) -> None:
    limit = spec_facts.upload_batch_limit()
    csv_file = tmp_path / "a.csv"
    csv_file.write_text("Email\na@x.com\n")
    result = CliRunner().invoke(
        app.cli,
        ["which50", "import", str(csv_file), "--list", "1", "--batch-size", str(limit + 1)],
        env={"WHICH50_API_TOKEN": "t", "WHICH50_BASE_URL": "http://127.0.0.1:9"},
    )
    assert result.exit_code == 2
    assert "--batch-size" in result.stderr and f"{limit}" in result.stderr


def test_a_configuration_name_over_the_spec_limit_is_a_usage_error_naming_the_option() -> None:
    low, high = spec_facts.config_name_length()
    result = CliRunner().invoke(
        app.cli,
        ["checkmarket", "configs", "create", "--name", "n" * (high + 1)],
        env={"CHECKMARKET_MASTER_KEY": "m", "CHECKMARKET_KEY": "k",
             "CHECKMARKET_BASE_URL": "http://127.0.0.1:9"},
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--name" in result.stderr
    assert f"{high + 1} characters long" in result.stderr
    assert f"{low} to {high} characters" in result.stderr
