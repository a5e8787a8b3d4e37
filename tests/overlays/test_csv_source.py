"""The streaming CSV reader: encodings, delimiters, quoting, bad rows and the rejects file."""

from __future__ import annotations

from pathlib import Path

import pytest
from contactimport.csvsource import CsvContactSource, CsvHeaderError, sniff_delimiter


def write(tmp_path: Path, data: str | bytes, name: str = "contacts.csv") -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def test_reads_utf8_with_and_without_a_byte_order_mark(tmp_path: Path) -> None:
    text = "Email,Name\r\nann@example.com,Anne Müller\r\n"
    plain = CsvContactSource(write(tmp_path, text.encode(), "plain.csv"))
    bom = CsvContactSource(write(tmp_path, b"\xef\xbb\xbf" + text.encode(), "bom.csv"))
    expected = [{"Email": "ann@example.com", "Name": "Anne Müller"}]
    assert list(plain) == expected
    assert list(bom) == expected
    assert bom.fieldnames == ["Email", "Name"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_sniffs_the_delimiter(tmp_path: Path, delimiter: str) -> None:
    rows = ["Email", "Name", "City"], ["a@x.com", "Ann", "Gent"], ["b@x.com", "Bob", "Köln"]
    path = write(tmp_path, "".join(delimiter.join(row) + "\n" for row in rows))
    source = CsvContactSource(path)
    assert source.delimiter == delimiter
    assert [row["City"] for row in source] == ["Gent", "Köln"]


def test_a_given_delimiter_wins_over_sniffing(tmp_path: Path) -> None:
    path = write(tmp_path, "Email;Note\na@x.com;one, two\n")
    assert list(CsvContactSource(path, delimiter=";")) == [{"Email": "a@x.com", "Note": "one, two"}]
    with pytest.raises(ValueError, match="one character"):
        CsvContactSource(path, delimiter=";;")


def test_a_single_column_file_falls_back_to_comma() -> None:
    assert sniff_delimiter("Email\na@x.com\nb@x.com\n") == ","


def test_quoted_newlines_quotes_and_non_ascii_survive(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'Email,Note\n"a@x.com","first line\nsecond line"\nb@x.com,"she said ""hi"" 你好"\n',
    )
    assert list(CsvContactSource(path)) == [
        {"Email": "a@x.com", "Note": "first line\nsecond line"},
        {"Email": "b@x.com", "Note": 'she said "hi" 你好'},
    ]


def test_bad_rows_are_reported_with_line_numbers_and_good_rows_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Email,Name\n"  # 1
        "a@x.com,Ann\n"  # 2
        "b@x.com\n"  # 3: too few fields
        '"c@x.com","multi\nline"\n'  # 4-5: good
        "d@x.com,Dan,extra\n"  # 6: too many fields
        'e@x.com,"bro"ken\n'  # 7: broken quoting
        "\n"  # 8: blank, ignored
        "f@x.com,Fay\n",  # 9
    )
    source = CsvContactSource(path)
    emails = [row["Email"] for row in source]
    assert emails == ["a@x.com", "c@x.com", "f@x.com"]
    assert [(error.line_number, error.message) for error in source.errors] == [
        (3, "expected 2 fields as in the header, found 1"),
        (6, "expected 2 fields as in the header, found 3"),
        (7, "malformed CSV: ',' expected after '\"'"),
    ]
    assert str(source.errors[0]) == "line 3: expected 2 fields as in the header, found 1"
    assert (source.good_rows, source.bad_rows) == (3, 3)


def test_invalid_utf8_rejects_only_its_row(tmp_path: Path) -> None:
    path = write(tmp_path, b"Email,Name\na@x.com,Ann\nb@x.com,B\xff\xfeb\nc@x.com,Cy\n")
    source = CsvContactSource(path)
    assert [row["Email"] for row in source] == ["a@x.com", "c@x.com"]
    assert [(e.line_number, e.message) for e in source.errors] == [
        (3, "field 2 is not valid UTF-8")
    ]


def test_the_rejects_file_holds_the_header_and_each_bad_record_verbatim(tmp_path: Path) -> None:
    path = write(tmp_path, 'Email;Name\na@x.com;Ann\nb@x.com\n"c@x.com";"two\nlines";x\n')
    rejects = tmp_path / "rejects.csv"
    source = CsvContactSource(path, rejects_path=rejects)
    assert [row["Email"] for row in source] == ["a@x.com"]
    assert rejects.read_text(encoding="utf-8") == (
        'Email;Name\nb@x.com\n"c@x.com";"two\nlines";x\n'
    )
    # The rejects file is itself a CSV with the same header: fix it and import it again.
    assert CsvContactSource(rejects).fieldnames == ["Email", "Name"]


def test_no_rejects_file_is_written_when_every_row_is_good(tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.csv"
    source = CsvContactSource(write(tmp_path, "Email\na@x.com\n"), rejects_path=rejects)
    assert len(list(source)) == 1
    assert not rejects.exists()


@pytest.mark.parametrize("how", ["same path", "symlink", "hard link"])
def test_a_rejects_file_that_is_the_csv_file_is_refused_and_the_file_kept(
    tmp_path: Path, how: str
) -> None:
    text = "Email,Name\na@x.com,Ann\nbad row\n"
    path = write(tmp_path, text)
    rejects = tmp_path / "rejects.csv"
    if how == "same path":
        rejects = path
    elif how == "symlink":
        rejects.symlink_to(path)
    else:
        rejects.hardlink_to(path)
    with pytest.raises(ValueError, match="is the CSV file"):
        CsvContactSource(path, rejects_path=rejects)
    assert path.read_text(encoding="utf-8") == text


def test_an_existing_rejects_file_is_replaced_only_when_a_pass_reached_the_end(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "Email,Name\nbad\na@x.com,Ann\nb@x.com,Bob\n")
    rejects = tmp_path / "rejects.csv"
    rejects.write_text("earlier run\n", encoding="utf-8")
    source = CsvContactSource(path, rejects_path=rejects)
    rows = iter(source)
    assert next(rows)["Email"] == "a@x.com"  # the bad row was written, to a temporary file
    assert rejects.read_text(encoding="utf-8") == "earlier run\n"
    source.close()  # the pass is cut short: the earlier file stays, no temporary file is left
    assert rejects.read_text(encoding="utf-8") == "earlier run\n"
    assert sorted(item.name for item in tmp_path.iterdir()) == ["contacts.csv", "rejects.csv"]
    assert len(list(CsvContactSource(path, rejects_path=rejects))) == 2
    assert rejects.read_text(encoding="utf-8") == "Email,Name\nbad\n"
    assert sorted(item.name for item in tmp_path.iterdir()) == ["contacts.csv", "rejects.csv"]


def test_an_unclosed_quote_at_the_end_is_a_bad_row_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, 'Email,Name\na@x.com,Ann\nb@x.com,"never closed\n')
    source = CsvContactSource(path)
    assert [row["Email"] for row in source] == ["a@x.com"]
    assert source.errors[0].line_number == 3
    assert "never closed" in source.errors[0].message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("", "has no contacts: the file is blank"),
        ("\n\r\n", "has no contacts: the file is blank"),
        ("Email,,Name\n", "empty column name"),
        ("Email,Name,Email\n", "names column 'Email' twice"),
    ],
)
def test_a_bad_header_is_fatal(tmp_path: Path, data: str, message: str) -> None:
    with pytest.raises(CsvHeaderError, match=message):
        CsvContactSource(write(tmp_path, data))


def test_the_source_can_be_read_twice_for_a_resumed_import(tmp_path: Path) -> None:
    source = CsvContactSource(write(tmp_path, "Email\na@x.com\nb\nc@x.com\n"))
    assert list(source) == list(source)
    assert source.good_rows == 3


def test_the_fingerprint_changes_with_the_content(tmp_path: Path) -> None:
    one = CsvContactSource(write(tmp_path, "Email\na@x.com\n", "one.csv"))
    same = CsvContactSource(write(tmp_path, "Email\na@x.com\n", "same.csv"))
    other = CsvContactSource(write(tmp_path, "Email\nb@x.com\n", "other.csv"))
    assert one.fingerprint() == same.fingerprint() != other.fingerprint()


def test_a_long_file_is_streamed_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Email,Name\n")
        for number in range(50_000):
            handle.write(f"c{number}@example.com,Name {number}\n")
    iterator = iter(CsvContactSource(path))
    assert next(iterator) == {"Email": "c0@example.com", "Name": "Name 0"}
    assert sum(1 for _ in iterator) == 49_999


def test_blanks_around_header_names_are_stripped_and_values_kept_verbatim(tmp_path: Path) -> None:
    """ " Email , FirstName" names the columns Email and FirstName (the list's field names);
    the values are the user's data and keep their blanks."""
    source = CsvContactSource(
        write(tmp_path, " Email ,\tFirstName\t, LastName\n a@x.com , Ann ,Lee\n")
    )
    assert source.fieldnames == ["Email", "FirstName", "LastName"]
    assert list(source) == [{"Email": " a@x.com ", "FirstName": " Ann ", "LastName": "Lee"}]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Email, ,Name\n", "empty column name"),
        ("Email,Name, Email\n", "names column 'Email' twice"),
    ],
)
def test_a_header_bad_once_its_blanks_are_stripped_is_fatal(
    tmp_path: Path, data: str, message: str
) -> None:
    with pytest.raises(CsvHeaderError, match=message):
        CsvContactSource(write(tmp_path, data))
