"""The import commands' state file: kept exactly while a resume is possible, removed when the
import ended, and the message says which (fake W50 client, no network)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result
from contactimport.cli import ExitCode, cli, which50_commands
from contactimport.errors import APIStatusError, ErrorDetails
from contactimport.workflows import ImportCancelled, ResumeArgumentConflict

from .fake_servers import which50_over


class FakeField:
    """A list field as the client returns it (a model with ``to_dict``)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def to_dict(self) -> dict[str, Any]:
        return {
            "Id": 1,
            "Name": self.name,
            "DefaultValue": None,
            "MapType": "Text",
            "Position": 0,
            "ContactSchemaFieldValues": [],
        }


class FakeWhich50:
    """The W50 calls the import command makes, with a job that ends ``final_status`` (served to a
    real client by ``use``)."""

    def __init__(self, final_status: str = "Finished") -> None:
        self.final_status = final_status
        self.failing_upload: int | None = None  # the upload (from 1) that answers 400
        self.uploads = 0
        self.contacts: list[Mapping[str, Any]] = []
        self.status = "Created"
        self.runs: list[dict[str, Any]] = []  # the settings of each run request
        self.field_lists: list[int] = []  # the lists whose fields were read

    def __enter__(self) -> FakeWhich50:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def list_contact_list_fields(self, contact_list_id: int) -> list[FakeField]:
        self.field_lists.append(contact_list_id)
        return [FakeField(name) for name in ("Email", "FirstName")]

    def job(self) -> dict[str, Any]:
        counters = "InvalidEmailCount InvalidSmsCount InsertedContacts UpdatedContacts"
        shape: dict[str, Any] = dict.fromkeys([*counters.split(), "DroppedContacts"], 0)
        shape.update(NotUpdatedContacts=0, StartDate=None, FinishDate=None)
        return {
            **shape,
            "Id": 1,
            "ContactListId": 1,
            "CurrentStatus": self.status,
            "TotalContacts": len(self.contacts),
            "ProgressPercent": 100 if self.status == self.final_status else 0,
        }

    def create_import_job(self, contact_list_id: int, field_names: Sequence[str]) -> dict[str, Any]:
        return self.job()

    def upload_import_batch(
        self, contact_list_id: int, import_job_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> dict[str, Any]:
        self.uploads += 1
        if self.uploads == self.failing_upload:
            raise APIStatusError(
                status_code=400, method="PUT", url="https://x/import", details=ErrorDetails()
            )
        self.contacts.extend(contacts)
        self.status = "Loaded"
        return self.job()

    def get_import_job(self, contact_list_id: int, import_job_id: int) -> dict[str, Any]:
        return self.job()

    def run_import_job(
        self, contact_list_id: int, import_job_id: int, **settings: Any
    ) -> dict[str, Any]:
        self.runs.append({"list": contact_list_id, **settings})
        self.status = self.final_status
        return self.job()


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text("Email,FirstName\n" + "".join(f"p{n}@x.com,P{n}\n" for n in range(5)))
    return path


def use(monkeypatch: pytest.MonkeyPatch, fake: FakeWhich50) -> None:
    """The command's client is a real one whose requests ``fake`` answers."""
    monkeypatch.setattr(which50_commands, "_client", lambda ctx: which50_over(fake))


def run_import(csv_file: Path, *extra: str) -> Result:
    args = ["which50", "import", str(csv_file), "--list", "1", "--batch-size", "2",
            "--poll-interval", "0.01", "--retries", "0", *extra]  # fmt: skip
    return CliRunner().invoke(cli, args)


def state_of(csv_file: Path) -> Path:
    return csv_file.with_name(csv_file.name + ".which50-import-state.json")


def test_a_job_the_server_reports_failed_removes_the_state_file(
    monkeypatch: pytest.MonkeyPatch, csv_file: Path
) -> None:
    use(monkeypatch, FakeWhich50(final_status="Failed"))
    result = run_import(csv_file)
    assert result.exit_code == ExitCode.IMPORT_FAILED, result.output
    assert not state_of(csv_file).exists()
    assert "import job 1 failed" in result.stderr
    assert "nothing to resume" in result.stderr and "removed" in result.stderr
    # Nothing is left that would ask for --resume: the same command starts a new import.
    document = json.loads(run_import(csv_file, "--json").stdout)
    assert document["error"]["type"] == "ImportJobFailed"
    assert document["error"]["stateFileKept"] is False
    assert document["error"]["stateFile"] == str(state_of(csv_file))


def test_an_interrupted_import_keeps_the_state_file_and_says_where(
    monkeypatch: pytest.MonkeyPatch, csv_file: Path
) -> None:
    fake = FakeWhich50()
    fake.failing_upload = 2
    use(monkeypatch, fake)
    result = run_import(csv_file, "--json")
    assert result.exit_code == ExitCode.API_ERROR, result.output
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "ImportInterrupted"
    assert error["stateFileKept"] is True
    assert f"--resume to continue (the state is kept in {state_of(csv_file)})" in error["message"]
    assert state_of(csv_file).exists()
    resumed = run_import(csv_file, "--resume")
    assert resumed.exit_code == ExitCode.OK, resumed.output
    assert [c["Values"]["Email"] for c in fake.contacts] == [f"p{n}@x.com" for n in range(5)]
    assert not state_of(csv_file).exists()


def test_ctrl_c_keeps_the_state_file(monkeypatch: pytest.MonkeyPatch, csv_file: Path) -> None:
    class CtrlC:
        """A poller whose first wait is interrupted by Ctrl-C; cancelling it stops the import."""

        def __init__(self, on_checkpoint: Callable[[str], None]) -> None:
            on_checkpoint("token")  # a job exists and a batch is confirmed
            self.cancelled = False

        def done(self) -> bool:
            return self.cancelled

        def wait(self, timeout: float | None = None) -> None:
            if not self.cancelled:
                raise KeyboardInterrupt

        def cancel(self) -> None:
            self.cancelled = True

        def result(self) -> Any:
            raise ImportCancelled("cancelled", continuation_token="token")

    use(monkeypatch, FakeWhich50())
    monkeypatch.setattr(
        which50_commands, "begin_import", lambda *a, on_checkpoint, **k: CtrlC(on_checkpoint)
    )
    result = run_import(csv_file)
    assert result.exit_code == ExitCode.INTERRUPTED, result.output
    assert state_of(csv_file).exists()
    assert f"--resume to continue (the state is kept in {state_of(csv_file)})" in result.stderr


def test_an_interruption_before_any_job_leaves_no_state_file(
    monkeypatch: pytest.MonkeyPatch, csv_file: Path
) -> None:
    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    use(monkeypatch, FakeWhich50())
    monkeypatch.setattr(which50_commands, "begin_import", interrupted)
    result = run_import(csv_file)
    assert result.exit_code == ExitCode.INTERRUPTED, result.output
    assert not state_of(csv_file).exists()
    assert "kept" not in result.stderr


def test_a_resume_with_other_options_is_a_usage_error_and_keeps_the_state(
    monkeypatch: pytest.MonkeyPatch, csv_file: Path
) -> None:
    fake = FakeWhich50()
    fake.failing_upload = 2
    use(monkeypatch, fake)
    assert run_import(csv_file, "--match", "Email").exit_code == ExitCode.API_ERROR
    state = state_of(csv_file).read_bytes()
    result = run_import(csv_file, "--resume", "--match", "FirstName")
    assert result.exit_code == ExitCode.USAGE, result.output
    assert (
        "--match FirstName contradicts the resume token: the import began with --match Email; "
        "leave --match out to resume with that, or give the same value"
    ) in " ".join(result.stderr.split())
    assert f"the state is kept in {state_of(csv_file)} for --resume" in result.stderr
    assert state_of(csv_file).read_bytes() == state
    assert (fake.uploads, fake.runs) == (2, [])  # nothing sent
    assert run_import(csv_file, "--resume", "--match", "Email").exit_code == ExitCode.OK
    assert fake.runs[0]["match"] == ["Email"]


def test_a_contradiction_is_worded_from_the_values_the_workflow_compared(
    monkeypatch: pytest.MonkeyPatch, csv_file: Path
) -> None:
    fake = FakeWhich50()
    fake.failing_upload = 2
    use(monkeypatch, fake)
    assert run_import(csv_file).exit_code == ExitCode.API_ERROR  # the token says batch size 2

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise ResumeArgumentConflict("batch_size", kwargs["batch_size"], 3)

    monkeypatch.setattr(which50_commands, "begin_import", refuse)
    result = resume(csv_file, "--batch-size", "5")
    assert result.exit_code == ExitCode.USAGE, result.output
    assert (
        "--batch-size 5 contradicts the resume token: the import began with --batch-size 3"
    ) in " ".join(result.stderr.split())


def resume(csv_file: Path, *extra: str, **invoke: Any) -> Result:
    """``which50 import FILE --resume`` with no other option (but ``extra``)."""
    args = ["which50", "import", str(csv_file), "--resume", "--poll-interval", "0.01", *extra]
    return CliRunner().invoke(cli, args, **invoke)


def test_a_resume_without_the_options_goes_on_with_those_the_import_began_with(
    monkeypatch: pytest.MonkeyPatch, csv_file: Path
) -> None:
    fake = FakeWhich50()
    fake.failing_upload = 2
    use(monkeypatch, fake)
    began = run_import(csv_file, "--list", "3", "--match", "Email", "--custom-events", "Hello",
                       "--method", "PUT")  # fmt: skip
    assert began.exit_code == ExitCode.API_ERROR, began.output
    fake.field_lists.clear()
    result = resume(csv_file)  # no --list either
    assert result.exit_code == ExitCode.OK, result.output
    assert fake.runs == [
        {
            "list": 3,
            "match": ["Email"],
            "custom_events": ["Hello"],
            "match_values": {},
            "method": "PUT",
        }
    ]
    assert [len(batch) for batch in (fake.contacts[:2], fake.contacts[2:4])] == [2, 2]
    # The fields are read again for the checks of each row (the columns were checked when the
    # import began).
    assert fake.field_lists == [3]


def test_options_from_a_default_map_do_not_contradict_the_token(
    monkeypatch: pytest.MonkeyPatch, csv_file: Path
) -> None:
    fake = FakeWhich50()
    fake.failing_upload = 2
    use(monkeypatch, fake)
    args = ["which50", "import", str(csv_file), "--list", "1", "--batch-size", "2", "--retries",
            "0"]  # fmt: skip
    began = CliRunner().invoke(cli, args, default_map={"which50": {"import": {"keep_empty": True}}})
    assert began.exit_code == ExitCode.API_ERROR, began.output
    # A new import takes its defaults from the default map.
    assert json.loads(state_of(csv_file).read_text())["options"]["--keep-empty"] is True
    defaults = {"method": "PUT", "batch_size": 5, "list_id": 7, "keep_empty": False,
                "delimiter": ";"}  # fmt: skip
    result = resume(csv_file, default_map={"which50": {"import": defaults}})
    assert result.exit_code == ExitCode.OK, result.output
    assert (fake.runs[0]["list"], fake.runs[0]["method"]) == (1, "POST")


def test_a_patch_resume_may_repeat_match_without_the_match_values(
    monkeypatch: pytest.MonkeyPatch, csv_file: Path
) -> None:
    fake = FakeWhich50()
    fake.failing_upload = 2
    use(monkeypatch, fake)
    patch = ["--method", "PATCH", "--match-value", "FirstName=P9", "--match-value",
             "Email=p9@x.com"]  # fmt: skip
    assert run_import(csv_file, *patch).exit_code == ExitCode.API_ERROR  # matches FirstName,Email
    for match in ("Email", "FirstName", "Email,FirstName"):  # with the values' names: the same
        # (stopped by --batch-size, checked after --match, so that nothing is sent yet)
        stopped = resume(csv_file, "--match", match, "--batch-size", "5")
        assert stopped.exit_code == ExitCode.USAGE, stopped.output
        assert stopped.stderr.startswith("error: --batch-size 5 contradicts"), stopped.stderr
    refused = resume(csv_file, "--match", "Email,Phone")
    assert refused.exit_code == ExitCode.USAGE, refused.output
    assert (
        "--match Email,Phone contradicts the resume token: the import began with "
        "--match FirstName,Email"
    ) in " ".join(refused.stderr.split())
    result = resume(csv_file, "--match", "Email")
    assert result.exit_code == ExitCode.OK, result.output
    assert sorted(fake.runs[0]["match"]) == ["Email", "FirstName"]  # the names with values
    assert fake.runs[0]["match_values"] == {"Email": "p9@x.com", "FirstName": "P9"}


def test_keep_empty_and_the_delimiter_are_kept_in_the_state_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    csv_file = tmp_path / "gaps.csv"
    csv_file.write_text("Email;FirstName\n" + "".join(f"p{n}@x.com;\n" for n in range(5)))
    fake = FakeWhich50()
    fake.failing_upload = 2
    use(monkeypatch, fake)
    began = run_import(csv_file, "--keep-empty", "--delimiter", ";")
    assert began.exit_code == ExitCode.API_ERROR, began.output
    document = json.loads(state_of(csv_file).read_text())
    assert document["options"] == {
        "--delimiter": ";",
        "--encoding": "utf-8-sig",
        "--keep-empty": True,
    }
    refused = resume(csv_file, "--delimiter", ",")
    assert refused.exit_code == ExitCode.USAGE, refused.output
    assert (
        "--delimiter , contradicts the resume token: the import began with --delimiter ';'"
    ) in " ".join(refused.stderr.split())
    assert f"the state is kept in {state_of(csv_file)}" in " ".join(refused.stderr.split())
    result = resume(csv_file)
    assert result.exit_code == ExitCode.OK, result.output
    assert [c["Values"] for c in fake.contacts] == [
        {"Email": f"p{n}@x.com", "FirstName": ""} for n in range(5)
    ]


def test_a_damaged_option_in_the_state_file_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, csv_file: Path
) -> None:
    fake = FakeWhich50()
    fake.failing_upload = 2
    use(monkeypatch, fake)
    assert run_import(csv_file).exit_code == ExitCode.API_ERROR
    document = json.loads(state_of(csv_file).read_text())
    state_of(csv_file).write_text(json.dumps({**document, "options": {"--delimiter": ",;"}}))
    result = resume(csv_file)
    assert result.exit_code == ExitCode.USAGE, result.output
    assert "--delimiter is ',;'; it must be one character" in " ".join(result.stderr.split())
    state_of(csv_file).write_text(json.dumps({**document, "options": []}))
    assert "'options' is no object" in resume(csv_file).stderr


def test_import_options_reach_the_command_as_one_object(tmp_path: Path) -> None:
    from contactimport.cli.importing import ImportOptions, import_options

    seen: list[ImportOptions] = []

    @click.command()
    @import_options("which50", poll_help="Poll.")
    def command(options: ImportOptions) -> None:
        seen.append(options)

    rejects = tmp_path / "r.csv"
    result = CliRunner().invoke(
        command, ["--delimiter", ";", "--rejects", str(rejects), "--resume", "--retries", "2"]
    )
    assert result.exit_code == 0, result.output
    assert seen == [
        ImportOptions(
            delimiter=";",
            encoding=None,
            rejects=rejects,
            warnings=None,
            dry_run=False,
            resume=True,
            state_file=None,
            poll_interval=1.0,
            retries=2,
        )
    ]
    assert seen[0].retry.max_attempts == 3


class FailingRunOnce(FakeWhich50):
    """Every batch is uploaded, then the first run request is refused: a resume only runs."""

    def __init__(self) -> None:
        super().__init__()
        self.refuse_run = True

    def run_import_job(
        self, contact_list_id: int, import_job_id: int, **settings: Any
    ) -> dict[str, Any]:
        if self.refuse_run:
            self.refuse_run = False
            raise APIStatusError(
                status_code=400, method="POST", url="https://x/run", details=ErrorDetails()
            )
        return super().run_import_job(contact_list_id, import_job_id, **settings)


def test_json_counts_after_a_resume_are_the_whole_files_and_this_runs_apart(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    rows = "".join(f"p{n}@x.com,P{n}\n" for n in range(50))
    path.write_text("Email,FirstName\n" + rows + "only-one-field\n")
    rejects = tmp_path / "rejects.csv"
    fake = FailingRunOnce()
    use(monkeypatch, fake)
    first = run_import(path, "--rejects", str(rejects), "--json")
    assert first.exit_code == ExitCode.API_ERROR, first.output
    assert rejects.read_text() == (
        'line,reason,Email,FirstName\n52,"expected 2 fields as in the header, found 1",'
        "only-one-field\n"
    )
    resumed = run_import(path, "--resume", "--rejects", str(rejects), "--json")
    assert resumed.exit_code == ExitCode.REJECTED, resumed.output  # the file has a bad row
    summary = json.loads(resumed.stdout)["csv"]
    assert (summary["goodRows"], summary["badRows"]) == (50, 1)  # the whole import's
    assert summary["rowsReadThisRun"] < 51  # the resume read what it needed, no more
    assert [error["line"] for error in summary["errors"]] == [52]
    assert summary["rejectsFile"] is None  # this run did not write it; the first run's stays
    assert rejects.read_text() == (
        'line,reason,Email,FirstName\n52,"expected 2 fields as in the header, found 1",'
        "only-one-field\n"
    )
    assert len(fake.contacts) == 50 and len(fake.runs) == 1
