"""The streaming CSV reader: encodings, delimiters, quoting, bad rows and the rejects file."""

from __future__ import annotations

from pathlib import Path

import pytest
from contactimport.csvsource import (
    CsvContactSource,
    CsvEncodingError,
    CsvHeaderError,
    detect_encoding,
    sniff_delimiter,
)


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


def test_invalid_utf8_rejects_only_its_row_naming_every_bad_column(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        b"Email,Name,City\na@x.com,Ann,Gent\nb@x.com,B\xff\xfeb,K\xf6ln\n"
        b"c@x.com,Cy,Li\xe8ge\nd@x.com,Di,Ypres\n",
    )
    source = CsvContactSource(path)
    assert [row["Email"] for row in source] == ["a@x.com", "d@x.com"]
    assert [(e.line_number, e.message) for e in source.errors] == [
        (3, "not valid UTF-8 in columns 'Name', 'City'"),
        (4, "not valid UTF-8 in column 'City'"),
    ]


NAMES = [("Jürgen", "Müller"), ("Anders", "Ångström"), ("José", "Muñoz"), ("Zoë", "Brontë")]
TEXT = "Email;FirstName;LastName\r\n" + "".join(
    f"p{n}@example.com;{first};{last}\r\n" for n, (first, last) in enumerate(NAMES)
)
EXPECTED = [
    {"Email": f"p{n}@example.com", "FirstName": first, "LastName": last}
    for n, (first, last) in enumerate(NAMES)
]


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-16-le"])
def test_a_file_in_another_encoding_is_read_exactly_with_encoding(
    tmp_path: Path, encoding: str
) -> None:
    path = write(tmp_path, TEXT.encode(encoding))
    source = CsvContactSource(path, encoding=encoding)
    source.check_encoding()
    assert source.fieldnames == ["Email", "FirstName", "LastName"]
    assert list(source) == EXPECTED
    assert source.delimiter == ";"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8"])
def test_encoding_auto_detects_the_encoding(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, TEXT.encode(encoding))
    source = CsvContactSource(path, encoding="auto")
    assert list(source) == EXPECTED


@pytest.mark.parametrize(
    ("encoding", "line", "detected"),
    [("cp1252", 2, "cp1252"), ("latin-1", 2, "cp1252"), ("utf-16", 1, "utf-16")],
)
def test_a_file_that_is_not_utf8_is_refused_naming_the_likely_encoding(
    tmp_path: Path, encoding: str, line: int, detected: str
) -> None:
    path = write(tmp_path, TEXT.encode(encoding))
    with pytest.raises(CsvEncodingError) as raised:
        CsvContactSource(path).check_encoding()
    error = raised.value
    assert (error.line, error.detected) == (line, detected)
    assert f"is not valid UTF-8 (line {line} holds bytes" in str(error)
    assert f"it looks like {detected}" in str(error)


def test_check_encoding_finds_a_bad_byte_far_into_the_file(tmp_path: Path) -> None:
    rows = "".join(f"p{n}@example.com;Name {n};Town\n" for n in range(60_000))
    data = ("Email;Name;Town\n" + rows).encode() + "q@example.com;Ann;Köln\n".encode("cp1252")
    source = CsvContactSource(write(tmp_path, data))
    with pytest.raises(CsvEncodingError) as raised:
        source.check_encoding()
    assert raised.value.line == 60_002
    assert raised.value.detected == "cp1252"
    assert detect_encoding(source.path) == "utf-8"  # its first MiB alone is valid UTF-8


def test_an_unknown_encoding_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown encoding 'klingon'"):
        CsvContactSource(write(tmp_path, "Email\na@x.com\n"), encoding="klingon")


def test_the_rejects_file_holds_each_bad_record_verbatim_after_its_line_and_reason(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, 'Email;Name\na@x.com;Ann\nb@x.com\n"c@x.com";"two\nlines";x\n')
    rejects = tmp_path / "rejects.csv"
    source = CsvContactSource(path, rejects_path=rejects)
    assert [row["Email"] for row in source] == ["a@x.com"]
    assert rejects.read_text(encoding="utf-8") == (
        "line;reason;Email;Name\n"
        "3;expected 2 fields as in the header, found 1;b@x.com\n"
        '4;expected 2 fields as in the header, found 3;"c@x.com";"two\nlines";x\n'
    )
    # The rejects file is itself a CSV with the same header after line and reason.
    assert CsvContactSource(rejects).fieldnames == ["line", "reason", "Email", "Name"]


def test_the_rejects_file_has_the_encoding_of_the_csv(tmp_path: Path) -> None:
    data = "Email,Name\na@x.com,Müller\nb@x.com,Ångström,extra\n".encode("cp1252")
    rejects = tmp_path / "rejects.csv"
    source = CsvContactSource(write(tmp_path, data), rejects_path=rejects, encoding="cp1252")
    assert list(source) == [{"Email": "a@x.com", "Name": "Müller"}]
    assert rejects.read_bytes() == (
        'line,reason,Email,Name\n3,"expected 2 fields as in the header, found 3",'
        "b@x.com,Ångström,extra\n"
    ).encode("cp1252")


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
    assert rejects.read_text(encoding="utf-8") == (
        'line,reason,Email,Name\n2,"expected 2 fields as in the header, found 1",bad\n'
    )
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
