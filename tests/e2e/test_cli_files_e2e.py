"""The import commands on the files people really have, against the sandbox over real HTTP:
encodings (--encoding), a dry run (--dry-run), a report for every row (--rejects with line and
reason, --warnings), and no dead ends (--default-language, a "did you mean" for a column named
almost like a member)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from contactimport.cli import ExitCode

from .e2e_support import Sandbox
from .test_cli_e2e import (
    as_json,
    import_args,
    no_import_config_exists,
    no_import_job_exists,
    nothing_was_created,
    run,
)

APIS = ["which50", "checkmarket"]
NAMES = [("Jürgen", "Müller"), ("Anders", "Ångström"), ("José", "Muñoz"), ("Zoë", "Brontë")]


def people(api: str) -> str:
    """A file of the four names, with a LangCode column for CheckMarket (W50's list has none)."""
    language = api == "checkmarket"
    header = "Email;FirstName;LastName" + (";LangCode" if language else "")
    rows = [
        f"p{n}@example.com;{first};{last}" + (";en" if language else "")
        for n, (first, last) in enumerate(NAMES)
    ]
    return "\r\n".join([header, *rows]) + "\r\n"


def words(result: Result) -> str:
    """stderr with its line breaks (rich wraps long messages) as blanks."""
    return " ".join(result.stderr.split())


def left_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("sandbox.db"))


def stored_checkmarket_contacts(tmp_path: Path) -> list[dict[str, Any]]:
    """The contacts the CheckMarket sandbox stored, read from its SQLite database."""
    with sqlite3.connect(tmp_path / "sandbox.db") as db:
        rows = db.execute("SELECT values_json FROM cm_contacts ORDER BY id").fetchall()
    return [json.loads(values) for (values,) in rows]


def stored_names(sandbox: Sandbox, tmp_path: Path, api: str) -> list[tuple[str, str]]:
    contacts = sandbox.contacts(1) if api == "which50" else stored_checkmarket_contacts(tmp_path)
    return [(c["FirstName"], c["LastName"]) for c in contacts]


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize(("encoding", "detected"), [("cp1252", "cp1252"), ("utf-16", "utf-16")])
def test_a_file_that_is_not_utf8_is_refused_before_anything_is_sent_naming_the_encoding(
    sandbox: Sandbox, tmp_path: Path, api: str, encoding: str, detected: str
) -> None:
    csv_file = tmp_path / "people.csv"
    csv_file.write_bytes(people(api).encode(encoding))
    result = run(sandbox, *import_args(api, csv_file))
    assert result.exit_code == ExitCode.USAGE, result.stderr
    said = words(result)
    assert f"{csv_file} is not valid UTF-8" in said
    assert f"it looks like {detected}: pass --encoding {detected}" in said
    assert "--encoding auto" in said and "nothing was sent" in said
    error = as_json(run(sandbox, *import_args(api, csv_file, "--json")))["error"]
    assert (error["type"], error["detectedEncoding"]) == ("CsvEncodingError", detected)
    assert nothing_was_created(sandbox, api)
    assert left_in(tmp_path) == ["people.csv"]  # no state file


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize(
    ("written", "option"),
    [("latin-1", "latin-1"), ("cp1252", "cp1252"), ("utf-16", "utf-16"), ("cp1252", "auto")],
)
def test_names_survive_byte_for_byte_with_encoding(
    sandbox: Sandbox, tmp_path: Path, api: str, written: str, option: str
) -> None:
    csv_file = tmp_path / "people.csv"
    csv_file.write_bytes(people(api).encode(written))
    result = run(sandbox, *import_args(api, csv_file, "--encoding", option, "--json"))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert as_json(result)["csv"]["goodRows"] == 4
    assert stored_names(sandbox, tmp_path, api) == NAMES


def test_an_unknown_encoding_is_a_usage_error(sandbox: Sandbox, tmp_path: Path) -> None:
    csv_file = tmp_path / "people.csv"
    csv_file.write_text(people("which50"), encoding="utf-8")
    result = run(sandbox, *import_args("which50", csv_file, "--encoding", "klingon"))
    assert result.exit_code == ExitCode.USAGE
    assert "unknown encoding 'klingon'" in words(result)


FLAGGED_W50 = (
    "Email,Mobile,FirstName,Segment\n"  # 1
    "ann@example.com,+32470123456,Ann,Gold\n"  # 2: clean
    "not-an-email,12,Bob,Platinum\n"  # 3: e-mail, SMS, Segment
    "cy@example.com,,Cy,\n"  # 4: clean
    "only,two\n"  # 5: ragged
    "dee@example.com,+32470123457,Dee,gold\n"  # 6: Segment compared exactly
)


def test_a_w50_dry_run_checks_every_row_and_sends_nothing(sandbox: Sandbox, tmp_path: Path) -> None:
    csv_file = tmp_path / "flagged.csv"
    csv_file.write_text(FLAGGED_W50, encoding="utf-8")
    warnings, rejects = tmp_path / "warnings.csv", tmp_path / "rejects.csv"
    outputs = ["--warnings", str(warnings), "--rejects", str(rejects)]
    result = run(sandbox, *import_args("which50", csv_file, "--dry-run", "--json", *outputs))
    assert result.exit_code == ExitCode.REJECTED, result.stderr
    document = as_json(result)
    assert document["dryRun"] is True and document["importJob"] is None
    assert document["exitCode"] == ExitCode.REJECTED
    assert document["rows"] == {
        "read": 5, "sent": 0, "wouldBeSent": 4, "warned": 2, "rejected": 1,
    }  # fmt: skip
    assert document["warningsFile"] == str(warnings)
    assert [w["line"] for w in document["csv"]["warnings"]] == [3, 6]
    lines = list(csv_from(warnings))
    assert lines[0] == ["line", "reason", "Email", "Mobile", "FirstName", "Segment"]
    assert [row[0] for row in lines[1:]] == ["3", "6"]
    reasons = lines[1][1].split("; ")  # every bad field of the line, each naming its column
    assert reasons == [
        "not a valid e-mail address (InvalidEmailCount): column 'Email' holds 'not-an-email'",
        "not a valid mobile (SMS) number (InvalidSmsCount): column 'Mobile' holds '12'",
        "not one of the field's values (Standard, Gold, Legacy): column 'Segment' holds 'Platinum'",
    ]
    assert lines[1][2:] == ["not-an-email", "12", "Bob", "Platinum"]
    assert "column 'Segment' holds 'gold'" in lines[2][1]
    assert list(csv_from(rejects)) == [
        ["line", "reason", "Email", "Mobile", "FirstName", "Segment"],
        ["5", "expected 4 fields as in the header, found 2", "only", "two"],
    ]
    assert no_import_job_exists(sandbox) and sandbox.contacts(1) == []
    assert left_in(tmp_path) == ["flagged.csv", "rejects.csv", "warnings.csv"]
    shown = run(sandbox, *import_args("which50", csv_file, "--dry-run"))
    assert shown.exit_code == ExitCode.REJECTED
    said = words(shown)
    assert "Dry run of an import into contact list 1 (nothing was sent)" in " ".join(
        shown.stdout.split()
    )
    assert (
        f"Dry run, nothing was sent. 5 row(s) read from {csv_file}: 2 would be sent as they "
        "are; 2 would be sent and flagged by the server; 1 rejected (bad CSV rows, not sent)"
    ) in said
    assert "line 3: not a valid e-mail address" in said


def test_the_rows_a_w50_import_flags_are_the_rows_listed_in_warnings(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = tmp_path / "flagged.csv"
    csv_file.write_text(FLAGGED_W50, encoding="utf-8")
    warnings = tmp_path / "warnings.csv"
    result = run(sandbox, *import_args("which50", csv_file, "--warnings", str(warnings), "--json"))
    assert result.exit_code == ExitCode.REJECTED, result.stderr
    document = as_json(result)
    assert document["dryRun"] is False
    assert document["rows"]["sent"] == 4 and document["rows"]["warned"] == 2
    job = document["importJob"]
    assert (job["InvalidEmailCount"], job["InvalidSmsCount"]) == (1, 1)
    flagged_by_server = {
        record["Values"]["Email"]
        for record in sandbox.contact_records(1)
        if record.get("ValidationWarnings")
    }
    listed = {row[2] for row in list(csv_from(warnings))[1:]}
    assert flagged_by_server == listed == {"not-an-email", "dee@example.com"}


def test_a_clean_dry_run_exits_0(sandbox: Sandbox, tmp_path: Path) -> None:
    csv_file = tmp_path / "clean.csv"
    csv_file.write_text("Email,FirstName\na@example.com,A\n", encoding="utf-8")
    warnings = tmp_path / "warnings.csv"
    result = run(
        sandbox,
        *import_args("which50", csv_file, "--dry-run", "--json", "--warnings", str(warnings)),
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    assert as_json(result)["rows"]["warned"] == 0 and as_json(result)["warningsFile"] is None
    assert not warnings.exists()
    assert no_import_job_exists(sandbox)


@pytest.mark.parametrize("api", APIS)
def test_a_dry_run_leaves_an_interrupted_imports_state_file_alone_and_refuses_resume(
    sandbox: Sandbox, tmp_path: Path, api: str
) -> None:
    csv_file = tmp_path / "people.csv"
    csv_file.write_text(people(api), encoding="utf-8")
    state = tmp_path / f"people.csv.{api}-import-state.json"
    state.write_text("{}")
    checked = run(sandbox, *import_args(api, csv_file, "--dry-run"))
    assert checked.exit_code == ExitCode.OK, checked.stderr
    assert state.read_text() == "{}"
    refused = run(sandbox, *import_args(api, csv_file, "--dry-run", "--resume"))
    assert refused.exit_code == ExitCode.USAGE
    assert "--dry-run" in words(refused)


CHECKMARKET_ROWS = (
    "Email,FirstName,Phone,LangCode\n"  # 1
    "ada@example.com,Ada,+32470123456,en\n"  # 2: clean
    "broken,Broken,+32 470 12 34 56,en\n"  # 3: R0308
    "cy@example.com,Cy,0470123456,\n"  # 4: R0322 and no language
    "dee@example.com,Dee,,nl\n"  # 5: clean
)


def test_a_checkmarket_dry_run_reads_the_configuration_and_creates_nothing(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = tmp_path / "cm.csv"
    csv_file.write_text(CHECKMARKET_ROWS, encoding="utf-8")
    warnings = tmp_path / "warnings.csv"
    result = run(sandbox, *import_args("checkmarket", csv_file, "--dry-run", "--json",
                                       "--warnings", str(warnings)))  # fmt: skip
    assert result.exit_code == ExitCode.REJECTED, result.stderr
    document = as_json(result)
    assert (document["dryRun"], document["bulkImport"]) == (True, None)
    assert document["configuration"]["exists"] is False
    assert document["rows"] == {
        "read": 4, "sent": 0, "wouldBeSent": 4, "warned": 2, "rejected": 0,
    }  # fmt: skip
    rows = list(csv_from(warnings))
    assert [row[0] for row in rows[1:]] == ["3", "4"]
    assert rows[1][1] == (
        "R0308 Invalid email address, the server will not import it: column 'Email' holds 'broken'"
    )
    assert rows[2][1].split("; ") == [
        "R0305 No language code, the server will not import it: column 'LangCode' is empty and "
        "the configuration has no DefaultLanguageCode",
        "R0322 Invalid phone number (+[country code][area code][number]), the server will not "
        "import it: column 'Phone' holds '0470123456'",
    ]
    assert no_import_config_exists(sandbox)
    assert left_in(tmp_path) == ["cm.csv", "warnings.csv"]
    # The same file imported: the server's result codes are the ones the dry run listed.
    imported = run(sandbox, *import_args("checkmarket", csv_file, "--json"))
    assert imported.exit_code == ExitCode.REJECTED, imported.stderr
    codes = {r["ResultCode"]: r["ContactCount"] for r in as_json(imported)["bulkImport"]["Results"]}
    assert codes == {"R0301": 2, "R0308": 1, "R0322": 1}


def test_a_dry_run_through_an_existing_configuration_uses_its_settings(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    created = run(sandbox, "checkmarket", "configs", "create", "--name", "Strict",
                  "--email-required", "--default-language", "en", "--json")  # fmt: skip
    config_id = str(as_json(created)["ImportConfigId"])
    csv_file = tmp_path / "cm.csv"
    csv_file.write_text("Email,FirstName\n,Nobody\nann@example.com,Ann\n", encoding="utf-8")
    result = run(sandbox, "checkmarket", "import", str(csv_file), "--config", config_id,
                 "--dry-run", "--json")  # fmt: skip
    assert result.exit_code == ExitCode.REJECTED, result.stderr
    document = as_json(result)
    assert document["configuration"]["exists"] is True
    assert document["configuration"]["DefaultLanguageCode"] == "en"
    assert document["csv"]["warnings"] == [
        {
            "line": 2,
            "reasons": [
                "R0307 No email address, the server will not import it: column 'Email' is "
                "empty while the configuration has EmailIsRequired"
            ],
        }
    ]
    assert "no LangCode column" not in words(result)  # the configuration has a language
    no_email = tmp_path / "no-email.csv"
    no_email.write_text("FirstName\nAnn\n", encoding="utf-8")
    warned = run(sandbox, "checkmarket", "import", str(no_email), "--config", config_id,
                 "--dry-run")  # fmt: skip
    assert warned.exit_code == ExitCode.REJECTED, warned.stderr
    assert (
        f"{no_email} has no Email column and the import configuration 'Strict' has "
        "EmailIsRequired: every contact will get R0307 No email address and not be imported"
    ) in words(warned)


def test_checkmarket_import_warns_without_a_language_and_default_language_gives_one(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = tmp_path / "cm.csv"
    csv_file.write_text("Email,FirstName\nann@example.com,Ann\nbob@example.com,Bob\n")
    base = ["checkmarket", "import", str(csv_file), "--poll-interval", "0.05"]
    without = run(sandbox, *base, "--config-name", "No language", "--json")
    assert without.exit_code == ExitCode.REJECTED, without.stderr
    said = words(without)
    assert f"{csv_file} has no LangCode column and the import configuration 'No language' has " \
           "no DefaultLanguageCode" in said  # fmt: skip
    assert "--default-language CODE" in said
    assert {r["ResultCode"] for r in as_json(without)["bulkImport"]["Results"]} == {"R0305"}
    given = run(sandbox, *base, "--config-name", "English", "--default-language", "en", "--json")
    assert given.exit_code == ExitCode.OK, given.stderr
    assert "no LangCode column" not in words(given)
    assert as_json(given)["bulkImport"]["Imported"] == 2
    configs = as_json(run(sandbox, "checkmarket", "configs", "list", "--json"))
    config_id = next(c["ImportConfigId"] for c in configs if c["Name"] == "English")
    shown = as_json(run(sandbox, "checkmarket", "configs", "show", str(config_id), "--json"))
    assert shown["DefaultLanguageCode"] == "en"
    help_text = " ".join(run(sandbox, "checkmarket", "import", "--help").stdout.split())
    assert "--default-language CODE" in help_text


@pytest.mark.parametrize(
    ("text", "column", "member"),
    [
        ("Email,LanguageCode\nann@example.com,en\n", "LanguageCode", "LangCode"),
        ("E-mail,LangCode\nann@example.com,en\n", "E-mail", "Email"),
        ("Email,LangCode,country\nann@example.com,en,BE\n", "country", "CountryCode"),
    ],
)
def test_a_column_named_almost_like_a_member_gets_a_did_you_mean_before_anything_is_sent(
    sandbox: Sandbox, tmp_path: Path, text: str, column: str, member: str
) -> None:
    csv_file = tmp_path / "cm.csv"
    csv_file.write_text(text, encoding="utf-8")
    result = run(sandbox, *import_args("checkmarket", csv_file))
    assert result.exit_code == ExitCode.USAGE, result.stderr
    said = words(result)
    assert f"{column!r}: did you mean {member!r}?" in said
    assert "--custom-field NAME" in said
    assert no_import_config_exists(sandbox)
    assert left_in(tmp_path) == ["cm.csv"]
    kept = run(sandbox, *import_args("checkmarket", csv_file, "--custom-field", column,
                                     "--default-language", "en"))  # fmt: skip
    assert kept.exit_code in (ExitCode.OK, ExitCode.REJECTED), kept.stderr
    (stored,) = stored_checkmarket_contacts(tmp_path)
    assert column in stored["CustomFields"]


def test_a_custom_field_the_file_does_not_have_is_a_usage_error(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = tmp_path / "cm.csv"
    csv_file.write_text("Email,LangCode\nann@example.com,en\n", encoding="utf-8")
    result = run(sandbox, *import_args("checkmarket", csv_file, "--custom-field", "Shoe size"))
    assert result.exit_code == ExitCode.USAGE
    assert "has no column 'Shoe size' (its columns: Email, LangCode)" in words(result)
    assert no_import_config_exists(sandbox)


def test_a_w50_column_named_almost_like_a_field_gets_a_did_you_mean(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = tmp_path / "people.csv"
    csv_file.write_text("E-mail,First name\na@example.com,Ann\n")
    result = run(sandbox, *import_args("which50", csv_file))
    assert result.exit_code == ExitCode.USAGE
    said = words(result)
    assert "'E-mail': did you mean 'Email'?" in said
    assert "'First name': did you mean 'FirstName' or 'LastName'?" in said
    csv_file.write_text("Email\na@example.com\n")
    matched = run(sandbox, *import_args("which50", csv_file, "--match", "email"))
    assert matched.exit_code == ExitCode.USAGE
    assert "--match name(s) email are not fields of contact list 1; 'email': did you mean " \
           "'Email'?" in words(matched)  # fmt: skip
    assert no_import_job_exists(sandbox)


def csv_from(path: Path) -> Any:
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle)


def test_a_resume_reads_the_file_with_the_encoding_the_import_began_with(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = tmp_path / "people.csv"
    rows = [f"p{n}@example.com;{first};{last}" for n, (first, last) in enumerate(NAMES * 5)]
    csv_file.write_bytes(("Email;FirstName;LastName\n" + "\n".join(rows) + "\n").encode("cp1252"))
    # With this seed the first upload gets through and the second fails.
    sandbox.set_faults(
        {"seed": 2, "rules": [{"route": "uploadImportBatch", "error_rate": 0.5,
                               "error_statuses": [500]}]}
    )  # fmt: skip
    base = import_args("which50", csv_file, "--batch-size", "4", "--retries", "0")
    failed = run(sandbox, *base, "--encoding", "cp1252")
    sandbox.set_faults(None)
    assert failed.exit_code == ExitCode.API_ERROR, failed.stderr
    state = json.loads((tmp_path / "people.csv.which50-import-state.json").read_text())
    assert state["options"]["--encoding"] == "cp1252"
    refused = run(sandbox, *base, "--resume", "--encoding", "latin-1")
    assert refused.exit_code == ExitCode.USAGE
    assert "--encoding iso8859-1 contradicts the resume token" in words(refused)
    resumed = run(sandbox, *base, "--resume", "--json")  # no --encoding: the one it began with
    assert resumed.exit_code == ExitCode.OK, resumed.stderr
    assert as_json(resumed)["csv"]["encoding"] == "cp1252"
    assert stored_names(sandbox, tmp_path, "which50") == NAMES * 5
