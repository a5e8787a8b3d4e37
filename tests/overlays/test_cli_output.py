"""The CLI's console output shows text as written: nothing a user wrote is read as rich markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from contactimport.cli import cli
from contactimport.cli.output import Bars, Output

WRITTEN = ["contacts [final].csv", "[red]Note", "pip install 'contactimport[sandbox]'", "[/]"]


@pytest.mark.parametrize("text", WRITTEN)
def test_notes_warnings_and_errors_show_square_brackets_as_written(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    output = Output(json_output=False, progress=False)
    output.note(f"reading {text}")
    output.warn(f"column {text}")
    output.error(f"failed: {text}")
    err = capsys.readouterr().err
    assert f"reading {text}" in err
    assert f"warning: column {text}" in err
    assert f"error: failed: {text}" in err


def test_table_titles_columns_and_cells_show_square_brackets_as_written(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Output(json_output=False, progress=False).table(
        "Lists [all]", ["Name [x]", "Id"], [["[red]Note", 1], ["a [b] c", None]]
    )
    out = capsys.readouterr().out
    for text in ("Lists [all]", "Name [x]", "[red]Note", "a [b] c"):
        assert text in out


def test_a_bar_description_is_shown_as_written() -> None:
    output = Output(json_output=False, progress=True)
    with output.err.capture() as captured, output.progress() as bars:
        assert isinstance(bars, Bars)
        bars.update("upload", completed=1, total=2, description="contacts [final].csv")
    assert "contacts [final].csv" in captured.get()


def test_a_cli_error_names_a_file_with_square_brackets_as_written(tmp_path: Path) -> None:
    csv_file = tmp_path / "contacts [final].csv"
    csv_file.write_text("Email,FirstName\n", encoding="utf-8")  # a header and no contacts
    result = CliRunner().invoke(
        cli, ["which50", "import", str(csv_file), "--list", "1"], env={"WHICH50_API_TOKEN": "t"}
    )
    assert result.exit_code == 2
    assert "contacts [final].csv" in " ".join(result.stderr.split())


def test_without_a_terminal_progress_is_a_plain_line_every_few_seconds(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = iter([0.0, 1.0, 2.0, 6.0, 7.0, 8.0])
    monkeypatch.setattr("contactimport.cli.output.time.monotonic", lambda: next(clock))
    output = Output(json_output=False)  # pytest's stderr is no terminal
    assert not output.show_progress and output.plain_progress
    with output.progress() as bars:
        for completed in (0, 10, 20, 30, 40):
            bars.update("upload", completed=completed, total=50, description="Uploading")
        bars.update("upload", completed=50, total=50, description="Uploading")  # done: shown
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["Uploading: 0/50", "Uploading: 30/50", "Uploading: 50/50"]


@pytest.mark.parametrize(
    ("options", "shown"), [([], True), (["--no-progress"], False), (["--progress"], False)]
)
def test_the_cli_prints_plain_progress_lines_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, options: list[str], shown: bool
) -> None:
    from contactimport.cli import which50_commands

    from .fake_servers import which50_over
    from .test_cli_state import FakeWhich50

    monkeypatch.setattr(which50_commands, "_client", lambda ctx: which50_over(FakeWhich50()))
    csv_file = tmp_path / "people.csv"
    csv_file.write_text("Email\n" + "".join(f"p{n}@x.com\n" for n in range(5)), encoding="utf-8")
    command = [
        *options,
        "which50",
        "import",
        str(csv_file),
        "--list",
        "1",
        "--poll-interval",
        "0.01",
    ]
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 0, result.output
    assert ("Uploading contacts: 5/5" in result.stderr) is shown
    with_json = CliRunner().invoke(cli, [*command, "--json"])
    assert "Uploading contacts" not in with_json.stderr
