"""The import commands' output files (``--rejects``, ``--state-file``): the checks that refuse an
output that is the CSV, another output or unwritable, and the atomic writer (no network)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from contactimport.cli import ExitCode, cli, importing, which50_commands
from contactimport.cli.outputfiles import (
    AtomicFile,
    OutputOption,
    check_outputs,
    write_atomically,
)
from contactimport.cli.state import StateFile

from .test_cli_state import FakeWhich50, use

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text("Email,FirstName\n" + "".join(f"p{n}@x.com,P{n}\n" for n in range(5)))
    return path


def rejects(path: Path | str, *, default: bool = False) -> OutputOption:
    return OutputOption("--rejects", Path(path), "the rejects file", default=default)


def state(path: Path | str, *, default: bool = False) -> OutputOption:
    return OutputOption("--state-file", Path(path), "the state file", default=default)


def refusal(source: Path, *outputs: OutputOption) -> str:
    with pytest.raises(click.BadParameter) as caught:
        check_outputs(source, outputs)
    return caught.value.format_message()


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


@pytest.mark.parametrize("link", ["same path", "symlink", "hard link", "other spelling"])
def test_an_output_that_is_the_csv_is_refused(csv_file: Path, tmp_path: Path, link: str) -> None:
    target = tmp_path / "out.csv"
    if link == "same path":
        target = csv_file
    elif link == "symlink":
        target.symlink_to(csv_file)
    elif link == "hard link":
        os.link(csv_file, target)
    else:
        (tmp_path / "sub").mkdir()
        target = tmp_path / "sub" / ".." / "." / csv_file.name
    message = refusal(csv_file, state(tmp_path / "s.json"), rejects(target))
    assert "Invalid value for --rejects" in message
    assert "is the CSV file being imported" in message


def test_a_symlinked_csv_is_recognised_through_the_link(csv_file: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(csv_file)
    assert "is the CSV file being imported" in refusal(link, rejects(csv_file))


@pytest.mark.parametrize("existing", [False, True])
def test_two_outputs_naming_the_same_file_are_refused(
    csv_file: Path, tmp_path: Path, existing: bool
) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "out")
    if existing:
        (tmp_path / "out" / "x.json").write_text("{}")
    message = refusal(
        csv_file, state(tmp_path / "link" / "x.json"), rejects(tmp_path / "out" / "x.json")
    )
    assert "Invalid value for --rejects" in message
    assert f"is the same file as --state-file {tmp_path / 'link' / 'x.json'}" in message


def test_a_clash_with_the_default_state_file_says_so(csv_file: Path, tmp_path: Path) -> None:
    default = StateFile.default_path(csv_file, "which50")
    message = refusal(csv_file, state(default, default=True), rejects(default))
    assert f"the state file {default} (the default of --state-file)" in message


def test_a_hard_link_between_two_outputs_is_refused(csv_file: Path, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("a")
    os.link(tmp_path / "a.csv", tmp_path / "b.csv")
    message = refusal(csv_file, state(tmp_path / "a.csv"), rejects(tmp_path / "b.csv"))
    assert "is the same file as --state-file" in message


@pytest.mark.parametrize(
    ("where", "problem"),
    [
        ("{tmp}/missing/out.csv", "the folder {tmp}/missing does not exist"),
        ("{csv}/out.csv", "{csv} is not a folder"),
        ("{csv}/deeper/out.csv", "{csv} is not a folder"),
        ("/proc/self/out.csv", "no file can be created in /proc/"),
        ("{tmp}", "is a directory"),
        ("/dev/null", "is not a regular file"),
    ],
)
def test_an_output_that_cannot_be_written_is_refused(
    csv_file: Path, tmp_path: Path, where: str, problem: str
) -> None:
    def fill(text: str) -> str:
        return text.replace("{tmp}", str(tmp_path)).replace("{csv}", str(csv_file))

    message = refusal(csv_file, state(fill(where)))
    assert "Invalid value for --state-file" in message and fill(problem) in message
    assert leftovers(tmp_path) == []


def test_a_link_loop_is_refused(csv_file: Path, tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert "cannot be written" in refusal(csv_file, rejects(tmp_path / "loop"))


@pytest.mark.skipif(ROOT, reason="root may write anywhere")
def test_a_folder_or_file_without_write_permission_is_refused(
    csv_file: Path, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "old.csv").write_text("old")
    (tmp_path / "read-only.csv").write_text("old")
    (tmp_path / "read-only.csv").chmod(0o444)
    locked.chmod(0o555)
    try:
        assert "Permission denied" in refusal(csv_file, rejects(locked / "new.csv"))
        assert "Permission denied" in refusal(csv_file, rejects(locked / "old.csv"))
        assert "read-only" in refusal(csv_file, rejects(tmp_path / "read-only.csv"))
    finally:
        locked.chmod(0o755)


def test_writable_outputs_pass_and_leave_nothing_behind(csv_file: Path, tmp_path: Path) -> None:
    (tmp_path / "old.csv").write_text("old")
    check_outputs(
        csv_file, [state(tmp_path / "s.json", default=True), rejects(tmp_path / "old.csv")]
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.csv", "people.csv"]
    assert (tmp_path / "old.csv").read_text() == "old"


def test_an_atomic_file_replaces_its_target_only_on_commit(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    target.chmod(0o640)
    pending = AtomicFile(target)
    assert pending.temporary.parent == tmp_path and pending.temporary.exists()
    pending.temporary.write_text("new\n")
    assert target.read_text() == "old\n"
    pending.commit()
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []
    dropped = AtomicFile(target)
    dropped.temporary.write_text("half")
    dropped.discard()
    assert target.read_text() == "new\n" and leftovers(tmp_path) == []


def test_an_atomic_file_writes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link.json").symlink_to(tmp_path / "real" / "state.json")
    write_atomically(tmp_path / "link.json", "{}\n")
    assert (tmp_path / "link.json").is_symlink()
    assert (tmp_path / "real" / "state.json").read_text() == "{}\n"


def test_a_failed_rename_keeps_the_old_file_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "people.csv"
    source.write_text("Email\na@x.com\n")
    saved = StateFile(tmp_path / "s.json", api="which50", source=source, fingerprint="f")
    saved.save("token-1")

    def broken(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="No space left"):
        saved.save("token-2")
    assert json.loads((tmp_path / "s.json").read_text())["token"] == "token-1"
    assert leftovers(tmp_path) == []


# The import command (fake W50 client): the checks run before the CSV is read or a client made.


def import_args(csv_file: Path, *extra: str) -> list[str]:
    return ["which50", "import", str(csv_file), "--list", "1", "--batch-size", "2",
            "--poll-interval", "0.01", "--retries", "0", *extra]  # fmt: skip


def test_outputs_are_checked_before_the_csv_is_read_or_a_client_is_made(
    monkeypatch: pytest.MonkeyPatch, csv_file: Path
) -> None:
    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("read or connected before the output paths were checked")

    monkeypatch.setattr(importing, "file_fingerprint", forbidden)
    monkeypatch.setattr(which50_commands, "_client", forbidden)
    before = csv_file.read_bytes()
    result = CliRunner().invoke(cli, import_args(csv_file, "--rejects", str(csv_file)))
    assert result.exit_code == ExitCode.USAGE, result.output
    assert "--rejects" in result.stderr and "is the CSV file being imported" in result.stderr
    assert csv_file.read_bytes() == before


def test_rejects_of_a_run_cut_short_leave_the_old_rejects_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    csv_file = tmp_path / "people.csv"
    # Enough rows that the read-ahead (one batch) cannot reach the end before the second upload
    # fails, however long the upload takes.
    csv_file.write_text(
        "Email,FirstName\nbad-row\n" + "".join(f"p{n}@x.com,P{n}\n" for n in range(20))
    )
    old = tmp_path / "rejects.csv"
    old.write_text("earlier rejects\n")
    fake = FakeWhich50()
    fake.failing_upload = 2
    use(monkeypatch, fake)
    failed = CliRunner().invoke(cli, import_args(csv_file, "--rejects", str(old)))
    assert failed.exit_code == ExitCode.API_ERROR, failed.output
    assert old.read_text() == "earlier rejects\n"
    assert leftovers(tmp_path) == []
    resumed = CliRunner().invoke(cli, import_args(csv_file, "--rejects", str(old), "--resume"))
    assert resumed.exit_code == ExitCode.REJECTED, resumed.output
    assert old.read_text() == (
        'line,reason,Email,FirstName\n2,"expected 2 fields as in the header, found 1",bad-row\n'
    )
    assert leftovers(tmp_path) == []


def test_a_run_without_bad_rows_leaves_an_existing_rejects_file_alone(
    monkeypatch: pytest.MonkeyPatch, csv_file: Path, tmp_path: Path
) -> None:
    old = tmp_path / "rejects.csv"
    old.write_text("earlier rejects\n")
    use(monkeypatch, FakeWhich50())
    result = CliRunner().invoke(cli, import_args(csv_file, "--rejects", str(old)))
    assert result.exit_code == ExitCode.OK, result.output
    assert old.read_text() == "earlier rejects\n" and leftovers(tmp_path) == []
