"""The ``contactimport`` CLI against the sandbox over real HTTP: exit codes, --json, CSV edges,
interrupted and resumed imports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result
from contactimport.cli import ExitCode, cli
from contactimport.workflows.resume import decode_token

from .e2e_support import W50_TOKEN, Sandbox


def run(sandbox: Sandbox, *args: str, env: dict[str, str] | None = None) -> Result:
    environment = sandbox.env() if env is None else env
    return CliRunner().invoke(cli, list(args), env=environment, catch_exceptions=False)


def as_json(result: Result) -> Any:
    return json.loads(result.stdout)


def write_csv(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_a_clean_import_exits_0_and_prints_the_job_as_json(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = write_csv(
        tmp_path / "people.csv",
        "Email,FirstName\n" + "".join(f"p{n}@example.com,P{n}\n" for n in range(30)),
    )
    result = run(
        sandbox, "which50", "import", str(csv_file), "--list", "1", "--batch-size", "7",
        "--poll-interval", "0.05", "--json",
    )  # fmt: skip
    assert result.exit_code == ExitCode.OK, result.stderr
    document = as_json(result)
    assert document["importJob"]["TotalContacts"] == 30
    assert document["importJob"]["InsertedContacts"] == 30
    assert document["csv"]["goodRows"] == 30 and document["csv"]["badRows"] == 0
    assert sorted(c["Email"] for c in sandbox.contacts(1)) == sorted(
        f"p{n}@example.com" for n in range(30)
    )
    assert not (tmp_path / "people.csv.which50-import-state.json").exists()
    status = run(
        sandbox, "which50", "status", "--list", "1", "--job",
        str(document["importJob"]["Id"]), "--json",
    )  # fmt: skip
    assert status.exit_code == ExitCode.OK
    assert as_json(status)["CurrentStatus"] == "Finished"


def test_csv_edge_cases_are_imported_exactly_and_bad_rows_reported(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = write_csv(
        tmp_path / "edge.csv",
        "Email;FirstName;LastName\r\n"  # 1
        'zoe@example.com;Zoë;"Ç""Ñ 多"\r\n'  # 2: quotes, non-ASCII
        'ann@example.com;"Ann\r\nMarie";Smith\r\n'  # 3-4: quoted newline
        "broken@example.com;OnlyTwo\r\n"  # 5: too few fields
        'bad@example.com;"x"y;z\r\n'  # 6: broken quoting
        "bob@example.com;Bob;Brown\r\n",  # 7
        bom=True,
    )
    rejects = tmp_path / "rejects.csv"
    result = run(
        sandbox, "which50", "import", str(csv_file), "--list", "1", "--rejects", str(rejects),
        "--poll-interval", "0.05", "--json",
    )  # fmt: skip
    assert result.exit_code == ExitCode.REJECTED
    document = as_json(result)
    assert document["csv"]["delimiter"] == ";"
    assert [e["line"] for e in document["csv"]["errors"]] == [5, 6]
    assert document["exitCode"] == 1
    by_email = {c["Email"]: c for c in sandbox.contacts(1)}
    assert set(by_email) == {"zoe@example.com", "ann@example.com", "bob@example.com"}
    assert by_email["zoe@example.com"]["FirstName"] == "Zoë"
    assert by_email["zoe@example.com"]["LastName"] == 'Ç"Ñ 多'
    assert by_email["ann@example.com"]["FirstName"] == "Ann\r\nMarie"
    assert rejects.read_bytes().decode("utf-8") == (
        "line;reason;Email;FirstName;LastName\r\n"
        "5;expected 3 fields as in the header, found 2;broken@example.com;OnlyTwo\r\n"
        '6;"malformed CSV: \';\' expected after \'""\'";bad@example.com;"x"y;z\r\n'
    )


def test_match_and_custom_events_update_existing_contacts(sandbox: Sandbox, tmp_path: Path) -> None:
    first = write_csv(tmp_path / "a.csv", "Email,FirstName\na@example.com,A\nb@example.com,B\n")
    second = write_csv(tmp_path / "b.csv", "Email,FirstName\na@example.com,Alpha\nc@x.com,C\n")
    assert run(sandbox, "which50", "import", str(first), "--list", "1", "--poll-interval",
               "0.05").exit_code == ExitCode.OK  # fmt: skip
    result = run(
        sandbox, "which50", "import", str(second), "--list", "1", "--match", "Email",
        "--custom-events", "SendWelcomeEmail,SendEventInvite", "--poll-interval", "0.05",
        "--json",
    )  # fmt: skip
    assert result.exit_code == ExitCode.OK, result.stderr
    job = as_json(result)["importJob"]
    assert (job["InsertedContacts"], job["UpdatedContacts"]) == (1, 1)
    names = {c["Email"]: c["FirstName"] for c in sandbox.contacts(1)}
    assert names == {"a@example.com": "Alpha", "b@example.com": "B", "c@x.com": "C"}
    # Both events ran for the updated and the inserted contact, in that order, and for no other
    # (the first import named no events; b was not in the second file).
    ids = {r["Values"]["Email"]: r["EncContactId"] for r in sandbox.contact_records(1)}
    assert [
        (e["ImportJobId"], e["EncContactId"], e["Action"], e["Event"])
        for e in custom_events(sandbox)
    ] == [
        (job["Id"], ids["a@example.com"], "updated", "SendWelcomeEmail"),
        (job["Id"], ids["a@example.com"], "updated", "SendEventInvite"),
        (job["Id"], ids["c@x.com"], "inserted", "SendWelcomeEmail"),
        (job["Id"], ids["c@x.com"], "inserted", "SendEventInvite"),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["which50", "import", "{csv}"], "Missing option '--list'"),
        (["which50", "import", "{csv}", "--list", "1", "--method", "PATCH"], "--match-value"),
        (["which50", "import", "missing.csv", "--list", "1"], "does not exist"),
    ],
)
def test_usage_errors_exit_2(
    sandbox: Sandbox, tmp_path: Path, args: list[str], message: str
) -> None:
    csv_file = write_csv(tmp_path / "ok.csv", "Email\na@example.com\n")
    result = run(sandbox, *[a.replace("{csv}", str(csv_file)) for a in args])
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr


def test_unknown_columns_and_missing_credentials_exit_2_with_a_json_error(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = write_csv(tmp_path / "odd.csv", "Email,Shoe size\na@example.com,44\n")
    result = run(sandbox, "which50", "import", str(csv_file), "--list", "1", "--json")
    assert result.exit_code == ExitCode.USAGE
    assert "Shoe size" in as_json(result)["error"]["message"]
    environment = {**sandbox.env(), "WHICH50_API_TOKEN": ""}
    result = run(sandbox, "which50", "lists", "--json", env=environment)
    assert result.exit_code == ExitCode.USAGE
    assert "WHICH50_API_TOKEN" in as_json(result)["error"]["message"]
    assert sandbox.contacts(1) == []


def test_api_errors_exit_3_without_leaking_the_token(sandbox: Sandbox) -> None:
    environment = {**sandbox.env(), "WHICH50_API_TOKEN": "wrong-secret-token"}
    result = run(sandbox, "which50", "lists", "--json", env=environment)
    assert result.exit_code == ExitCode.API_ERROR
    assert as_json(result)["error"]["type"] == "AuthenticationError"
    assert "wrong-secret-token" not in result.stdout + result.stderr


def test_an_interrupted_import_exits_3_and_resumes_with_resume(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = write_csv(
        tmp_path / "many.csv",
        "Email,FirstName\n" + "".join(f"m{n}@example.com,M{n}\n" for n in range(100)),
    )
    sandbox.set_faults(
        {"seed": 3, "rules": [{"route": "uploadImportBatch", "error_rate": 0.5,
                               "error_statuses": [500]}]}
    )  # fmt: skip
    base = ["which50", "import", str(csv_file), "--list", "1", "--batch-size", "10",
            "--retries", "0", "--poll-interval", "0.05", "--json"]  # fmt: skip
    failed = run(sandbox, *base)
    assert failed.exit_code == ExitCode.API_ERROR
    error = as_json(failed)["error"]
    assert error["continuationToken"] and "--resume" in error["message"]
    state_file = tmp_path / "many.csv.which50-import-state.json"
    assert state_file.exists()
    sandbox.set_faults(None)
    refused = run(sandbox, *base)
    assert refused.exit_code == ExitCode.USAGE
    assert "--resume" in refused.stderr
    resumed = run(sandbox, *base, "--resume")
    assert resumed.exit_code == ExitCode.OK, resumed.stderr
    assert as_json(resumed)["importJob"]["TotalContacts"] == 100
    emails = [c["Email"] for c in sandbox.contacts(1)]
    assert sorted(emails) == sorted(f"m{n}@example.com" for n in range(100))
    assert not state_file.exists()


def test_resume_refuses_a_changed_file(sandbox: Sandbox, tmp_path: Path) -> None:
    csv_file = write_csv(tmp_path / "c.csv", "Email\na@example.com\n")
    state = tmp_path / "c.csv.which50-import-state.json"
    state.write_text(json.dumps({"api": "which50", "fingerprint": "0" * 64, "token": "x"}))
    result = run(sandbox, "which50", "import", str(csv_file), "--list", "1", "--resume")
    assert result.exit_code == ExitCode.USAGE
    assert "changed since the interrupted import" in result.stderr


def test_checkmarket_import_prints_result_codes_and_exits_1_on_rejected_contacts(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = write_csv(
        tmp_path / "cm.csv",
        "Email,FirstName,LangCode,Tier\n"
        "ada@example.com,Ada,en,gold\nalan@example.com,Alan,en,\nbroken,Broken,en,\n",
    )
    result = run(
        sandbox, "checkmarket", "import", str(csv_file), "--config-name", "CLI import",
        "--chunk-size", "2", "--poll-interval", "0.05", "--json",
    )  # fmt: skip
    assert result.exit_code == ExitCode.REJECTED, result.stderr
    bulk = as_json(result)["bulkImport"]
    assert {(r["ResultCode"], r["Meaning"], r["ContactCount"]) for r in bulk["Results"]} == {
        ("R0301", "Successfully created", 2),
        ("R0308", "Invalid email address", 1),
    }
    assert len(bulk["QueueItemIds"]) == 2
    shown = run(sandbox, "checkmarket", "result", str(bulk["QueueItemIds"][0]), "--json")
    assert shown.exit_code == ExitCode.OK
    assert as_json(shown)["Status"] == "Completed"
    configs = run(sandbox, "checkmarket", "configs", "list", "--json")
    assert [c["Name"] for c in as_json(configs)] == ["CLI import"]
    clean = write_csv(tmp_path / "clean.csv", "Email,LangCode\nzed@example.com,en\n")
    result = run(
        sandbox, "checkmarket", "import", str(clean), "--config",
        str(bulk["ImportConfigId"]), "--poll-interval", "0.05",
    )  # fmt: skip
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "R0301" in result.stdout and "Successfully created" in result.stdout


def test_help_explains_match_and_custom_events_with_an_example() -> None:
    result = CliRunner().invoke(cli, ["which50", "import", "--help"])
    assert result.exit_code == 0
    for text in ("--match Email,ReferanceAccountId", "CUSTOM EVENTS", "Example:", "--resume"):
        assert text in result.stdout
    root = CliRunner().invoke(cli, ["--help"])
    assert "WHICH50_API_TOKEN" in root.stdout and "Exit codes" in root.stdout


@pytest.mark.parametrize(
    ("api", "options"),
    [
        ("which50", "(--list, --match, --custom-events, --method, --match-value, --batch-size, "
                    "--keep-empty, --delimiter, --encoding)"),
        ("checkmarket", "(--config or --config-name, --default-language, --chunk-size, "
                    "--delimiter, --encoding)"),
    ],
)  # fmt: skip
def test_help_says_which_options_a_resume_reuses(api: str, options: str) -> None:
    shown = " ".join(CliRunner().invoke(cli, [api, "import", "--help"]).stdout.split())
    assert f"The import goes on with the options it began with {options}" in shown
    assert "given again they must say the same" in shown


def no_import_job_exists(sandbox: Sandbox) -> bool:
    """Whether the W50 sandbox holds no import job (job ids start at 1)."""
    shown = run(sandbox, "which50", "status", "--list", "1", "--job", "1", "--json")
    error: dict[str, Any] = as_json(shown).get("error", {})
    return shown.exit_code == ExitCode.API_ERROR and error.get("type") == "NotFoundError"


def no_import_config_exists(sandbox: Sandbox) -> bool:
    listed = run(sandbox, "checkmarket", "configs", "list", "--json")
    assert listed.exit_code == ExitCode.OK, listed.stderr
    configs: list[Any] = as_json(listed)
    return configs == []


IMPORTS = {
    "which50": ["which50", "import", "{csv}", "--list", "1", "--poll-interval", "0.05"],
    "checkmarket": ["checkmarket", "import", "{csv}", "--config-name", "Nothing to see",
                    "--poll-interval", "0.05"],
}  # fmt: skip


def import_args(api: str, csv_file: Path, *extra: str) -> list[str]:
    return [arg.replace("{csv}", str(csv_file)) for arg in IMPORTS[api]] + list(extra)


def nothing_was_created(sandbox: Sandbox, api: str) -> bool:
    return no_import_job_exists(sandbox) if api == "which50" else no_import_config_exists(sandbox)


@pytest.mark.parametrize("api", ["which50", "checkmarket"])
@pytest.mark.parametrize("text", ["", "\n\n", "Email,FirstName\n", "Email,FirstName\r\n\r\n"])
def test_a_csv_without_contacts_is_a_usage_error_and_sends_nothing(
    sandbox: Sandbox, tmp_path: Path, api: str, text: str
) -> None:
    csv_file = write_csv(tmp_path / "empty.csv", text)
    result = run(sandbox, *import_args(api, csv_file))
    assert result.exit_code == ExitCode.USAGE, result.stderr
    assert str(csv_file) in result.stderr and "no contacts" in result.stderr
    as_document = run(sandbox, *import_args(api, csv_file, "--json"))
    assert as_document.exit_code == ExitCode.USAGE
    assert "no contacts" in as_json(as_document)["error"]["message"]
    assert nothing_was_created(sandbox, api)
    assert [path.name for path in tmp_path.iterdir() if "state" in path.name] == []


@pytest.mark.parametrize("api", ["which50", "checkmarket"])
def test_a_csv_whose_every_row_is_rejected_exits_1_and_sends_nothing(
    sandbox: Sandbox, tmp_path: Path, api: str
) -> None:
    csv_file = write_csv(
        tmp_path / "bad.csv", 'Email,FirstName\nonly-one-field\na@x.com,"never closed\n'
    )
    rejects = tmp_path / "rejects.csv"
    result = run(sandbox, *import_args(api, csv_file, "--rejects", str(rejects)))
    assert result.exit_code == ExitCode.REJECTED, result.stderr
    assert "no contact was left to import" in result.stderr
    assert "line 2" in result.stderr and "line 3" in result.stderr
    assert rejects.read_text(encoding="utf-8") == (
        "line,reason,Email,FirstName\n"
        '2,"expected 2 fields as in the header, found 1",only-one-field\n'
        '3,a quoted field is never closed before the end of the file,a@x.com,"never closed\n'
    )
    rejects.unlink()
    document = as_json(run(sandbox, *import_args(api, csv_file, "--json")))
    assert document["exitCode"] == ExitCode.REJECTED
    assert (document["csv"]["goodRows"], document["csv"]["badRows"]) == (0, 2)
    assert "no contact was left to import" in document["message"]
    assert nothing_was_created(sandbox, api)
    assert [path.name for path in tmp_path.iterdir() if "state" in path.name] == []


def test_a_bulk_import_the_server_fails_exits_4_and_removes_the_state_file(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contactimport_sandbox import checkmarket as sandbox_checkmarket

    def broken(self: object, queue_item_id: int) -> None:
        raise RuntimeError("processing broke")

    monkeypatch.setattr(sandbox_checkmarket.CheckMarket, "process", broken)
    csv_file = write_csv(tmp_path / "cm.csv", "Email,LangCode\nada@example.com,en\n")
    result = run(sandbox, *import_args("checkmarket", csv_file))
    assert result.exit_code == ExitCode.IMPORT_FAILED, result.stderr
    state_file = tmp_path / "cm.csv.checkmarket-import-state.json"
    assert not state_file.exists()
    assert (
        f"the bulk import failed on the server; the import ended, so there is nothing to "
        f"resume (removed {state_file})"
    ) in " ".join(result.stderr.split())


def test_an_interrupted_bulk_import_keeps_the_state_file_and_resumes(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = write_csv(
        tmp_path / "cm.csv",
        "Email,LangCode\n" + "".join(f"c{n}@example.com,en\n" for n in range(4)),
    )
    sandbox.set_faults(
        {"rules": [{"route": "bulkImportContacts", "error_rate": 1.0, "error_statuses": [500]}]}
    )
    base = import_args("checkmarket", csv_file, "--chunk-size", "2", "--retries", "0")
    failed = run(sandbox, *base, "--json")
    assert failed.exit_code == ExitCode.API_ERROR
    error = as_json(failed)["error"]
    state_file = tmp_path / "cm.csv.checkmarket-import-state.json"
    assert state_file.exists() and error["stateFileKept"] is True
    assert f"--resume to continue (the state is kept in {state_file})" in error["message"]
    sandbox.set_faults(None)
    resumed = run(sandbox, *base, "--resume", "--json")
    assert resumed.exit_code == ExitCode.OK, resumed.stderr
    assert as_json(resumed)["bulkImport"]["Imported"] == 4
    assert not state_file.exists()
    assert [
        c["Name"] for c in as_json(run(sandbox, "checkmarket", "configs", "list", "--json"))
    ] == ["Nothing to see"]


def state_token(state_file: Path, api: str) -> dict[str, Any]:
    """The fields of the continuation token in a state file."""
    return decode_token(json.loads(state_file.read_text())["token"], api=api)


def custom_events(sandbox: Sandbox) -> list[dict[str, Any]]:
    answer = httpx.get(
        f"{sandbox.url}/_sandbox/which50/custom-events",
        headers={"Authorization": f"Bearer {W50_TOKEN}"},
        params={"limit": 10000},
    )
    answer.raise_for_status()
    events: list[dict[str, Any]] = answer.json()["Events"]
    return events


PATCH_OPTIONS = ["--list", "1", "--match", "Email", "--custom-events", "SendWelcomeEmail",
                 "--method", "PATCH", "--match-value", "Email=p3@example.com",
                 "--batch-size", "1"]  # fmt: skip


def interrupted_patch_import(sandbox: Sandbox, tmp_path: Path) -> tuple[Path, Path]:
    """Ten contacts imported, then a PATCH import of four rows (one a batch) interrupted after
    its first batch; returns the CSV file and the state file."""
    people = write_csv(
        tmp_path / "people.csv",
        "Email,FirstName\n" + "".join(f"p{n}@example.com,P{n}\n" for n in range(10)),
    )
    seeded = run(sandbox, "which50", "import", str(people), "--list", "1", "--poll-interval",
                 "0.05")  # fmt: skip
    assert seeded.exit_code == ExitCode.OK, seeded.stderr
    patches = write_csv(
        tmp_path / "patches.csv", "FirstName\n" + "".join(f"Patched{n}\n" for n in range(4))
    )
    # With this seed the first upload gets through and the second fails.
    sandbox.set_faults(
        {"seed": 2, "rules": [{"route": "uploadImportBatch", "error_rate": 0.5,
                               "error_statuses": [500]}]}
    )  # fmt: skip
    failed = run(sandbox, "which50", "import", str(patches), *PATCH_OPTIONS, "--retries", "0",
                 "--poll-interval", "0.05")  # fmt: skip
    sandbox.set_faults(None)
    assert failed.exit_code == ExitCode.API_ERROR, failed.stderr
    state_file = tmp_path / "patches.csv.which50-import-state.json"
    assert state_token(state_file, "which50")["confirmed_batches"] == 1
    return patches, state_file


def test_a_patch_import_resumed_with_only_resume_keeps_its_options(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    patches, state_file = interrupted_patch_import(sandbox, tmp_path)
    resumed = run(sandbox, "which50", "import", str(patches), "--resume", "--poll-interval",
                  "0.05", "--json")  # fmt: skip
    assert resumed.exit_code == ExitCode.OK, resumed.stderr
    job = as_json(resumed)["importJob"]
    assert (job["TotalContacts"], job["InsertedContacts"]) == (4, 0)
    records = sandbox.contact_records(1)
    names = {r["Values"]["Email"]: r["Values"]["FirstName"] for r in records}
    # PATCH with the match value: each of the four loaded rows patched p3 in turn, no other.
    assert names.pop("p3@example.com") == "Patched3"
    assert names == {f"p{n}@example.com": f"P{n}" for n in range(10) if n != 3}
    (patched,) = [r["EncContactId"] for r in records if r["Values"]["Email"] == "p3@example.com"]
    events = [e for e in custom_events(sandbox) if e["ImportJobId"] == job["Id"]]
    assert [(e["Event"], e["Action"], e["EncContactId"]) for e in events] == [
        ("SendWelcomeEmail", "updated", patched)
    ] * 4
    assert not state_file.exists()


def job_of(sandbox: Sandbox, job_id: int) -> dict[str, Any]:
    shown = run(sandbox, "which50", "status", "--list", "1", "--job", str(job_id), "--json")
    assert shown.exit_code == ExitCode.OK, shown.stderr
    job: dict[str, Any] = as_json(shown)
    return job


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--match", "FirstName"], "--match FirstName contradicts the resume token: the import "
                                   "began with --match Email; leave --match out"),
        (["--custom-events", "SendEventInvite"], "--custom-events SendEventInvite contradicts"
                                                 " the resume token: the import began with "
                                                 "--custom-events SendWelcomeEmail"),
        (["--method", "PUT"], "--method PUT contradicts the resume token: the import began "
                              "with --method PATCH"),
        (["--match-value", "Email=p4@example.com"], "--match-value Email=p4@example.com "
                                                    "contradicts the resume token: the import "
                                                    "began with --match-value "
                                                    "Email=p3@example.com"),
        (["--batch-size", "2"], "--batch-size 2 contradicts the resume token: the import began "
                                "with --batch-size 1"),
        (["--list", "2"], "--list 2 contradicts the resume token: the import began with "
                          "--list 1"),
        (["--keep-empty"], "--keep-empty contradicts the resume token: the import began "
                           "without --keep-empty"),
    ],
    ids=lambda value: value[0] if isinstance(value, list) else "refused",
)  # fmt: skip
def test_a_resumed_patch_import_refuses_a_contradicting_option_and_sends_nothing(
    sandbox: Sandbox, tmp_path: Path, option: list[str], message: str
) -> None:
    patches, state_file = interrupted_patch_import(sandbox, tmp_path)
    state = state_file.read_bytes()
    job_id = state_token(state_file, "which50")["import_job_id"]
    before = job_of(sandbox, job_id)
    refused = run(sandbox, "which50", "import", str(patches), "--resume", *option, "--json")
    assert refused.exit_code == ExitCode.USAGE, refused.stderr
    error = as_json(refused)["error"]
    assert message in error["message"]
    assert f"the state is kept in {state_file} for --resume" in error["message"]
    assert (error["type"], error["option"], error["stateFileKept"]) == (
        "ResumeArgumentConflict",
        option[0],
        True,
    )
    assert state_file.read_bytes() == state
    assert job_of(sandbox, job_id) == before  # nothing uploaded, not run
    assert before["CurrentStatus"] == "Loaded" and before["TotalContacts"] == 1
    # Giving every option again, as the import began, is allowed.
    repeated = run(sandbox, "which50", "import", str(patches), "--resume", *PATCH_OPTIONS,
                   "--poll-interval", "0.05")  # fmt: skip
    assert repeated.exit_code == ExitCode.OK, repeated.stderr
    assert {c["Email"]: c["FirstName"] for c in sandbox.contacts(1)}["p3@example.com"] == (
        "Patched3"
    )


def interrupted_bulk_import(sandbox: Sandbox, tmp_path: Path) -> tuple[Path, Path]:
    """A bulk import of five contacts in chunks of 2 interrupted after its first chunk."""
    csv_file = write_csv(
        tmp_path / "cm.csv",
        "Email,LangCode\n" + "".join(f"c{n}@example.com,en\n" for n in range(5)),
    )
    # With this seed the first bulk import gets through and the second fails.
    sandbox.set_faults(
        {"seed": 2, "rules": [{"route": "bulkImportContacts", "error_rate": 0.5,
                               "error_statuses": [500]}]}
    )  # fmt: skip
    failed = run(sandbox, "checkmarket", "import", str(csv_file), "--config-name", "Chunked",
                 "--chunk-size", "2", "--retries", "0", "--poll-interval", "0.05")  # fmt: skip
    sandbox.set_faults(None)
    assert failed.exit_code == ExitCode.API_ERROR, failed.stderr
    state_file = tmp_path / "cm.csv.checkmarket-import-state.json"
    assert state_token(state_file, "checkmarket")["queue_item_ids"] == [1]
    return csv_file, state_file


def queue_item_counts(sandbox: Sandbox, queue_item_ids: list[int]) -> list[int]:
    """How many contacts each queue item imported, read back from the server."""
    counts = []
    for queue_item_id in queue_item_ids:
        shown = run(sandbox, "checkmarket", "result", str(queue_item_id), "--json")
        assert shown.exit_code == ExitCode.OK, shown.stderr
        counts.append(sum(row["ContactCount"] for row in as_json(shown)["Results"]))
    return counts


def config_names(sandbox: Sandbox) -> list[str]:
    listed = run(sandbox, "checkmarket", "configs", "list", "--json")
    assert listed.exit_code == ExitCode.OK, listed.stderr
    return [config["Name"] for config in as_json(listed)]


def test_a_bulk_import_resumed_with_only_resume_keeps_its_chunk_size(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file, state_file = interrupted_bulk_import(sandbox, tmp_path)
    resumed = run(sandbox, "checkmarket", "import", str(csv_file), "--resume", "--poll-interval",
                  "0.05", "--json")  # fmt: skip
    assert resumed.exit_code == ExitCode.OK, resumed.stderr
    bulk = as_json(resumed)["bulkImport"]
    assert bulk["Imported"] == 5
    assert queue_item_counts(sandbox, bulk["QueueItemIds"]) == [2, 2, 1]
    assert config_names(sandbox) == ["Chunked"]
    assert not state_file.exists()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--chunk-size", "3"], "--chunk-size 3 contradicts the resume token: the import began "
                                "with --chunk-size 2; leave --chunk-size out"),
        (["--config-name", "Other"], "--config-name Other contradicts the resume token: the "
                                     "import began with --config-name Chunked"),
        (["--config", "99"], "--config 99 contradicts the resume token: the import began with "
                             "--config 1"),
    ],
    ids=lambda value: value[0] if isinstance(value, list) else "refused",
)  # fmt: skip
def test_a_resumed_bulk_import_refuses_a_contradicting_option_and_sends_nothing(
    sandbox: Sandbox, tmp_path: Path, option: list[str], message: str
) -> None:
    csv_file, state_file = interrupted_bulk_import(sandbox, tmp_path)
    state = state_file.read_bytes()
    refused = run(sandbox, "checkmarket", "import", str(csv_file), "--resume", *option)
    assert refused.exit_code == ExitCode.USAGE, refused.stderr
    assert message in " ".join(refused.stderr.split())
    assert state_file.read_bytes() == state
    unsent = run(sandbox, "checkmarket", "result", "2", "--json")  # no second queue item
    assert as_json(unsent)["error"]["type"] == "NotFoundError"
    assert config_names(sandbox) == ["Chunked"]
    repeated = run(sandbox, "checkmarket", "import", str(csv_file), "--resume", "--config-name",
                   "Chunked", "--chunk-size", "2", "--poll-interval", "0.05", "--json")  # fmt: skip
    assert repeated.exit_code == ExitCode.OK, repeated.stderr
    assert queue_item_counts(sandbox, as_json(repeated)["bulkImport"]["QueueItemIds"]) == [2, 2, 1]


DROPS = {"seed": 3, "rules": [{"route": "bulkImportContacts", "drop_rate": 0.3},
                              {"route": "bulkImportContacts", "error_rate": 0.3,
                               "error_statuses": [500]}]}  # fmt: skip


def contacts_csv(tmp_path: Path, count: int) -> Path:
    return write_csv(
        tmp_path / "cm.csv",
        "Email,LangCode\n" + "".join(f"c{n}@example.com,en\n" for n in range(count)),
    )


def test_a_bulk_import_rides_out_dropped_connections_where_a_repeat_is_harmless(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = contacts_csv(tmp_path, 40)
    sandbox.set_faults({**DROPS, "rules": [{"route": "bulkImportContacts", "drop_rate": 0.4}]})
    done = run(sandbox, "checkmarket", "import", str(csv_file), "--config-name", "Updating",
               "--chunk-size", "4", "--poll-interval", "0.05", "--json")  # fmt: skip
    sandbox.set_faults(None)
    assert done.exit_code == ExitCode.OK, done.stderr
    document = as_json(done)
    assert document["bulkImport"]["Imported"] == 40
    assert document["inDoubt"]["contacts"] == 0
    assert not (tmp_path / "cm.csv.checkmarket-in-doubt.csv").exists()


def test_an_always_create_bulk_import_holds_chunks_in_doubt_back_and_sends_them_on_request(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    created = run(sandbox, "checkmarket", "configs", "create", "--name", "Always",
                  "--update-type", "2", "--json")  # fmt: skip
    config_id = str(as_json(created)["ImportConfigId"])
    csv_file = contacts_csv(tmp_path, 40)
    sandbox.set_faults({**DROPS, "rules": [{"route": "bulkImportContacts", "drop_rate": 0.4}]})
    held = run(sandbox, "checkmarket", "import", str(csv_file), "--config", config_id,
               "--chunk-size", "4", "--poll-interval", "0.05", "--json")  # fmt: skip
    sandbox.set_faults(None)
    assert held.exit_code == ExitCode.REJECTED, held.stderr
    document = as_json(held)
    in_doubt = document["inDoubt"]
    assert in_doubt["contacts"] > 0
    assert document["bulkImport"]["Imported"] + in_doubt["contacts"] == 40
    assert document["bulkImport"]["InDoubt"] == in_doubt["contacts"]
    held_file = Path(in_doubt["file"])
    assert held_file == tmp_path / "cm.csv.checkmarket-in-doubt.csv"
    lines = held_file.read_text().splitlines()
    assert lines[0] == "Email,LangCode"
    expected = [f"c{n - 1}@example.com,en" for first, last in in_doubt["ranges"]
                for n in range(first, last + 1)]  # fmt: skip
    assert lines[1:] == expected
    assert Path(in_doubt["stateFile"]).exists()
    # Resuming without the option holds them back again; with it they are sent.
    again = run(sandbox, "checkmarket", "import", str(csv_file), "--resume", "--poll-interval",
                "0.05")  # fmt: skip
    assert again.exit_code == ExitCode.REJECTED, again.stderr
    assert f"{in_doubt['contacts']} contacts in doubt" in " ".join(again.stderr.split())
    sent = run(sandbox, "checkmarket", "import", str(csv_file), "--resume", "--send-in-doubt",
               "--poll-interval", "0.05", "--json")  # fmt: skip
    assert sent.exit_code == ExitCode.OK, sent.stderr
    assert as_json(sent)["bulkImport"]["Imported"] == 40
    assert as_json(sent)["inDoubt"]["contacts"] == 0
    assert not Path(in_doubt["stateFile"]).exists()
    assert not held_file.exists()


@pytest.mark.parametrize(
    ("api", "command", "missing"),
    [
        ("which50", ["which50", "lists"], ["WHICH50_API_TOKEN"]),
        ("checkmarket", ["checkmarket", "configs", "list"], ["CHECKMARKET_KEY"]),
    ],
)
def test_missing_credentials_name_the_environment_variable_to_set(
    sandbox: Sandbox, api: str, command: list[str], missing: list[str]
) -> None:
    environment: dict[str, str | None] = {**sandbox.env(), **dict.fromkeys(missing)}
    result = CliRunner().invoke(cli, command, env=environment, catch_exceptions=False)
    assert result.exit_code == ExitCode.USAGE
    assert f"set the {missing[0]} environment variable" in result.stderr
    assert "token=" not in result.stderr  # a Python argument the CLI does not have


@pytest.mark.parametrize(
    ("variable", "command", "named"),
    [
        ("WHICH50_API_TOKEN", ["which50", "lists"], "WHICH50_API_TOKEN"),
        (
            "CHECKMARKET_KEY",
            ["checkmarket", "configs", "list"],
            "CHECKMARKET_MASTER_KEY and CHECKMARKET_KEY",
        ),
    ],
)
def test_a_refused_credential_says_which_variables_it_came_from(
    sandbox: Sandbox, tmp_path: Path, variable: str, command: list[str], named: str
) -> None:
    result = run(sandbox, *command, env={**sandbox.env(), variable: "not-a-credential"})
    assert result.exit_code == ExitCode.API_ERROR
    assert "401" in result.stderr
    assert f"the credentials came from {named}" in result.stderr
    assert "not-a-credential" not in result.stderr + result.stdout
    # The same for an import, whose 401 comes wrapped in the workflow's interruption.
    csv_file = write_csv(tmp_path / "people.csv", "Email\np@example.com\n")
    api = command[0]
    imported = run(sandbox, *import_args(api, csv_file), env={**sandbox.env(), variable: "x-1"})
    assert imported.exit_code == ExitCode.API_ERROR
    assert f"the credentials came from {named}" in imported.stderr


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["checkmarket", "import", "{csv}", "--config", "999"], "checkmarket configs list"),
        (["which50", "import", "{csv}", "--list", "999"], "which50 lists"),
        (["which50", "fields", "--list", "999"], "which50 lists"),
    ],
)
def test_an_unknown_id_says_what_lists_the_ids_and_leaves_nothing_to_resume(
    sandbox: Sandbox, tmp_path: Path, args: list[str], hint: str
) -> None:
    csv_file = write_csv(tmp_path / "people.csv", "Email,LangCode\np@example.com,en\n")
    result = run(sandbox, *[arg.replace("{csv}", str(csv_file)) for arg in args])
    assert result.exit_code == ExitCode.API_ERROR
    said = " ".join(result.stderr.split())
    assert "404" in said and f"`contactimport {hint}` shows" in said
    assert "--resume" not in said
    left = sorted(path.name for path in tmp_path.iterdir() if "sandbox.db" not in path.name)
    assert left == ["people.csv"]  # no state file
