"""The import commands' output paths against the sandbox over real HTTP: an output that is the
CSV being read, another output, or a place that cannot be written is refused with exit 2 before
anything is read or sent; the rejects file replaces an existing one only once it is complete."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from contactimport.cli import ExitCode

from .e2e_support import Sandbox
from .test_cli_e2e import as_json, import_args, nothing_was_created, run, write_csv

APIS = ["which50", "checkmarket"]


def big_csv(path: Path, good: int = 2000) -> Path:
    """Good rows with a bad one early (line 3) and one near the end: the rejects are written
    while most of the file is still unread."""
    rows = [f"g{n}@example.com,G{n}\n" for n in range(good)]
    rows.insert(1, "only-one-field\n")
    rows.insert(good - 5, "x@example.com,too,many\n")
    return write_csv(path, "Email,FirstName\n" + "".join(rows))


def big_csv_rejects(good: int) -> str:
    """The rejects file of ``big_csv``: its two bad rows after their line and reason."""
    return (
        "line,reason,Email,FirstName\n"
        '3,"expected 2 fields as in the header, found 1",only-one-field\n'
        f'{good - 3},"expected 2 fields as in the header, found 3",x@example.com,too,many\n'
    )


def files_in(folder: Path) -> list[str]:
    """The names in a folder, without the sandbox's database files."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("sandbox.db"))


def said(result_text: str) -> str:
    return " ".join(result_text.split())


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("link", ["same path", "symlink", "hard link", "other spelling"])
def test_rejects_that_are_the_csv_are_refused_and_the_csv_is_untouched(
    sandbox: Sandbox, tmp_path: Path, api: str, link: str
) -> None:
    csv_file = big_csv(tmp_path / "big.csv")
    before = csv_file.read_bytes()
    rejects = tmp_path / "rejects.csv"
    if link == "same path":
        rejects = csv_file
    elif link == "symlink":
        rejects.symlink_to(csv_file)
    elif link == "hard link":
        os.link(csv_file, rejects)
    else:
        (tmp_path / "sub").mkdir()
        rejects = tmp_path / "sub" / ".." / "big.csv"
    result = run(sandbox, *import_args(api, csv_file, "--rejects", str(rejects)))
    assert result.exit_code == ExitCode.USAGE, result.stderr
    shown = said(result.stderr)
    assert "--rejects" in shown and "is the CSV file being imported" in shown, shown
    assert csv_file.read_bytes() == before
    assert nothing_was_created(sandbox, api)
    assert sorted(path.name for path in tmp_path.iterdir() if "state" in path.name) == []


@pytest.mark.parametrize("api", APIS)
def test_a_state_file_that_is_the_csv_is_refused(
    sandbox: Sandbox, tmp_path: Path, api: str
) -> None:
    csv_file = big_csv(tmp_path / "big.csv", good=50)
    before = csv_file.read_bytes()
    result = run(sandbox, *import_args(api, csv_file, "--state-file", str(csv_file), "--json"))
    assert result.exit_code == ExitCode.USAGE, result.stderr
    assert "--state-file" in said(result.stderr)
    assert csv_file.read_bytes() == before
    assert nothing_was_created(sandbox, api)


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("existing", [False, True])
def test_a_state_file_that_is_the_rejects_file_is_refused(
    sandbox: Sandbox, tmp_path: Path, api: str, existing: bool
) -> None:
    csv_file = big_csv(tmp_path / "big.csv", good=50)
    (tmp_path / "out").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "out")
    rejects = tmp_path / "out" / "same.txt"
    if existing:
        rejects.write_text("kept\n")
    state = tmp_path / "link" / "same.txt"  # the same file through a linked folder
    result = run(
        sandbox, *import_args(api, csv_file, "--rejects", str(rejects), "--state-file", str(state))
    )
    assert result.exit_code == ExitCode.USAGE, result.stderr
    shown = said(result.stderr)
    assert "--state-file" in shown and "--rejects" in shown, shown
    assert nothing_was_created(sandbox, api)
    assert [p.name for p in (tmp_path / "out").iterdir()] == (["same.txt"] if existing else [])
    if existing:
        assert rejects.read_text() == "kept\n"


@pytest.mark.parametrize("api", APIS)
def test_rejects_named_like_the_default_state_file_are_refused(
    sandbox: Sandbox, tmp_path: Path, api: str
) -> None:
    csv_file = big_csv(tmp_path / "big.csv", good=50)
    rejects = tmp_path / f"big.csv.{api}-import-state.json"
    result = run(sandbox, *import_args(api, csv_file, "--rejects", str(rejects)))
    assert result.exit_code == ExitCode.USAGE, result.stderr
    assert "--rejects" in said(result.stderr) and "state file" in said(result.stderr)
    assert nothing_was_created(sandbox, api)


UNWRITABLE = {
    "a missing folder": ("{tmp}/missing/out.csv", "does not exist"),
    "a file under /proc": ("/proc/self/out.csv", "cannot be written"),
    "below a regular file": ("{csv}/out.csv", "is not a folder"),
    "a directory": ("{tmp}", "directory"),
}


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("option", ["--rejects", "--state-file"])
@pytest.mark.parametrize("case", list(UNWRITABLE))
def test_an_output_that_cannot_be_written_is_refused_before_anything_is_sent(
    sandbox: Sandbox, tmp_path: Path, api: str, option: str, case: str
) -> None:
    csv_file = big_csv(tmp_path / "big.csv", good=50)
    template, message = UNWRITABLE[case]
    target = template.replace("{tmp}", str(tmp_path)).replace("{csv}", str(csv_file))
    result = run(sandbox, *import_args(api, csv_file, option, target, "--json"))
    assert result.exit_code == ExitCode.USAGE, result.stderr
    shown = said(result.stderr)
    assert option in shown and message in shown, shown
    assert nothing_was_created(sandbox, api)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
@pytest.mark.parametrize("api", APIS)
def test_an_output_in_a_folder_without_write_permission_is_refused(
    sandbox: Sandbox, tmp_path: Path, api: str
) -> None:
    csv_file = big_csv(tmp_path / "big.csv", good=50)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = run(sandbox, *import_args(api, csv_file, "--rejects", str(locked / "r.csv")))
    finally:
        locked.chmod(0o755)
    assert result.exit_code == ExitCode.USAGE, result.stderr
    assert "--rejects" in said(result.stderr)
    assert nothing_was_created(sandbox, api)


def test_an_existing_rejects_file_is_replaced_only_when_the_file_was_read_to_its_end(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = big_csv(tmp_path / "big.csv", good=200)
    rejects = tmp_path / "rejects.csv"
    rejects.write_text("the rejects of an earlier run\n")
    sandbox.set_faults(
        {"seed": 3, "rules": [{"route": "uploadImportBatch", "error_rate": 0.5,
                               "error_statuses": [500]}]}
    )  # fmt: skip
    base = [*import_args("which50", csv_file, "--batch-size", "10", "--retries", "0"),
            "--rejects", str(rejects), "--json"]  # fmt: skip
    failed = run(sandbox, *base)
    assert failed.exit_code == ExitCode.API_ERROR, failed.stderr
    # the bad row on line 3 was read; the run stopped before the end of the file
    assert rejects.read_text() == "the rejects of an earlier run\n"
    assert files_in(tmp_path) == ["big.csv", "big.csv.which50-import-state.json", "rejects.csv"]
    sandbox.set_faults(None)
    resumed = run(sandbox, *base, "--resume")
    assert resumed.exit_code == ExitCode.REJECTED, resumed.stderr
    assert as_json(resumed)["csv"]["rejectsFile"] == str(rejects)
    assert rejects.read_text() == big_csv_rejects(200)
    assert files_in(tmp_path) == ["big.csv", "rejects.csv"]
    assert len(sandbox.contacts(1)) == 200


@pytest.mark.parametrize("api", APIS)
def test_rejects_through_a_symlink_are_written_to_the_file_it_points_to(
    sandbox: Sandbox, tmp_path: Path, api: str
) -> None:
    csv_file = big_csv(tmp_path / "big.csv", good=20)
    (tmp_path / "real.csv").write_text("old\n")
    (tmp_path / "link.csv").symlink_to(tmp_path / "real.csv")
    result = run(sandbox, *import_args(api, csv_file, "--rejects", str(tmp_path / "link.csv")))
    assert result.exit_code == ExitCode.REJECTED, result.stderr
    assert (tmp_path / "link.csv").is_symlink()
    assert (tmp_path / "real.csv").read_text() == big_csv_rejects(20)


def test_rejects_that_are_the_file_of_contacts_in_doubt_are_refused(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    csv_file = big_csv(tmp_path / "big.csv", good=50)
    in_doubt = tmp_path / "big.csv.checkmarket-in-doubt.csv"
    result = run(sandbox, *import_args("checkmarket", csv_file, "--rejects", str(in_doubt)))
    assert result.exit_code == ExitCode.USAGE, result.stderr
    shown = said(result.stderr)
    assert "--rejects" in shown and "the file of contacts in doubt" in shown, shown
    assert nothing_was_created(sandbox, "checkmarket")
