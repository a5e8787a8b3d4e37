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
