"""Streaming CSV reader for contact files: bounded memory, bad rows reported and never fatal.

A file is read one record at a time (never materialised), so a 1,000,000-row file costs the
same memory as a 100-row one. UTF-8 with or without a byte-order mark; the delimiter is given or
sniffed from the first 64 KiB. A bad record (wrong number of fields, broken quoting, bytes that are
not UTF-8, a field over the csv module's size limit of 128 KiB, which also bounds memory when
a quote is never closed) is reported with its line number, optionally written to a
rejects file, and skipped: the good rows around it are still yielded.
"""

from __future__ import annotations

import csv
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Final

from ._files import AtomicFile, file_identity

__all__ = [
    "CsvContactSource",
    "CsvHeaderError",
    "CsvRowError",
    "file_fingerprint",
    "sniff_delimiter",
]

SNIFF_BYTES: Final = 64 * 1024
CANDIDATE_DELIMITERS: Final = ",;\t|"
#: How many row errors are kept in memory (all of them are counted and go to the rejects file).
MAX_KEPT_ERRORS: Final = 1000


class CsvHeaderError(ValueError):
    """The header line is missing, empty, or names a column twice: nothing can be imported."""


@dataclass(frozen=True)
class CsvRowError:
    """One rejected record: where it starts, why it was rejected, and its original text."""

    line_number: int
    message: str
    raw: str = field(repr=False)

    def __str__(self) -> str:
        return f"line {self.line_number}: {self.message}"


def sniff_delimiter(sample: str) -> str:
    """The delimiter of a CSV sample among ``,`` ``;`` TAB ``|``, else the most frequent one."""
    # Drop a possibly truncated last line so it does not confuse the sniffer.
    if "\n" in sample:
        sample = sample[: sample.rfind("\n") + 1]
    try:
        return csv.Sniffer().sniff(sample, delimiters=CANDIDATE_DELIMITERS).delimiter
    except csv.Error:
        first_line = sample.split("\n", 1)[0]
        counts = {d: first_line.count(d) for d in CANDIDATE_DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] > 0 else ","


def file_fingerprint(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a file's bytes, read in 1 MiB chunks: identifies the source of an import."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


class _LineRecorder:
    """Feeds lines to csv.reader while keeping the text of the record being parsed."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self.lines: list[str] = []

    def __iter__(self) -> Iterator[str]:
        for line in self._stream:
            self.lines.append(line)
            yield line

    def take(self) -> str:
        raw = "".join(self.lines)
        self.lines.clear()
        return raw


class CsvContactSource:
    """Iterate the rows of a contact CSV file as ``{column: value}`` dicts, in file order.

    ``fieldnames`` (the header) and ``delimiter`` are known right after construction. Iterating
    yields good rows only; ``errors`` (the first 1,000), ``bad_rows`` (all) and ``good_rows`` are
    filled as the file is read. With ``rejects_path`` every bad record is also written there,
    verbatim, after the original header line, so the file can be fixed and imported again: to a
    temporary file beside it, which takes its place when a pass over the file reached its end
    (a pass cut short leaves an existing file as it was; a pass without bad rows leaves it alone).
    A ``rejects_path`` that is the CSV file itself (after resolving links) is refused.
    ``close()`` drops the temporary rejects file of a pass that was abandoned (a generator left
    unfinished is otherwise only finalised when it is garbage collected).
    The source can be iterated more than once (each pass re-reads the file), which a resumed
    import relies on.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        delimiter: str | None = None,
        rejects_path: str | os.PathLike[str] | None = None,
    ) -> None:
        self.path = Path(path)
        self.rejects_path = Path(rejects_path) if rejects_path is not None else None
        if self.rejects_path is not None and file_identity(self.rejects_path) == file_identity(
            self.path
        ):
            raise ValueError(
                f"the rejects file {self.rejects_path} is the CSV file {self.path}: writing it "
                "would destroy the contacts while they are read"
            )
        if delimiter is not None and len(delimiter) != 1:
            raise ValueError(f"the delimiter must be one character, got {delimiter!r}")
        self.delimiter = delimiter if delimiter is not None else self._sniff()
        self.fieldnames, self._header_raw = self._read_header()
        self.errors: list[CsvRowError] = []
        self.bad_rows = 0
        self.good_rows = 0
        self.reached_end = False
        """Whether the last pass read the file to its end (the counts are the whole file's)."""
        self._pending: _Rejects | None = None

    def close(self) -> None:
        """Drop the rejects file of an unfinished pass; an existing ``rejects_path`` stays."""
        if self._pending is not None:
            self._pending.discard()
            self._pending = None

    def _open(self) -> IO[str]:
        # surrogateescape keeps undecodable bytes visible so one bad row can be rejected alone.
        return open(self.path, encoding="utf-8-sig", errors="surrogateescape", newline="")

    def _sniff(self) -> str:
        with self._open() as handle:
            return sniff_delimiter(handle.read(SNIFF_BYTES))

    def _reader(self, recorder: _LineRecorder) -> Iterator[list[str]]:
        return csv.reader(recorder, delimiter=self.delimiter, strict=True)

    def _read_header(self) -> tuple[list[str], str]:
        with self._open() as handle:
            recorder = _LineRecorder(handle)
            reader = self._reader(recorder)
            header: list[str] = []
            try:
                while not header:  # skip blank lines before the header
                    header = next(reader)
            except StopIteration:
                raise CsvHeaderError(
                    f"{self.path} has no contacts: the file is blank (no header line)"
                ) from None
            except csv.Error as error:
                raise CsvHeaderError(
                    f"{self.path}: the header line is not valid CSV: {error}"
                ) from None
        names = [name.strip() for name in header]
        if any(_has_undecodable(name) for name in names):
            raise CsvHeaderError(f"{self.path}: the header line is not valid UTF-8")
        if any(not name for name in names):
            raise CsvHeaderError(f"{self.path}: the header has an empty column name: {header!r}")
        seen: set[str] = set()
        for name in names:
            if name in seen:
                raise CsvHeaderError(f"{self.path}: the header names column {name!r} twice")
            seen.add(name)
        return names, recorder.take()

    def __iter__(self) -> Iterator[dict[str, str]]:
        self.errors = []
        self.bad_rows = 0
        self.good_rows = 0
        self.reached_end = False
        rejects: _Rejects | None = None
        try:
            with self._open() as handle:
                recorder = _LineRecorder(handle)
                reader = csv.reader(recorder, delimiter=self.delimiter, strict=True)
                header_done = False
                width = len(self.fieldnames)
                while True:
                    start = reader.line_num + 1
                    try:
                        record = next(reader)
                    except StopIteration:
                        break
                    except csv.Error as error:
                        message = _describe_csv_error(error)
                        rejects = self._reject(rejects, start, message, recorder.take())
                        continue
                    raw = recorder.take()
                    if not record:
                        continue  # blank line
                    if not header_done:
                        header_done = True
                        continue
                    problem = _row_problem(record, width)
                    if problem is not None:
                        rejects = self._reject(rejects, start, problem, raw)
                        continue
                    self.good_rows += 1
                    yield dict(zip(self.fieldnames, record, strict=True))
            self.reached_end = True
            if rejects is not None:
                rejects.commit()
                rejects = None
        finally:
            if rejects is not None:
                rejects.discard()
            self._pending = None

    def _reject(
        self, rejects: _Rejects | None, line: int, message: str, raw: str
    ) -> _Rejects | None:
        self.bad_rows += 1
        if len(self.errors) < MAX_KEPT_ERRORS:
            self.errors.append(CsvRowError(line, message, raw))
        if self.rejects_path is not None:
            if rejects is None:
                self.close()  # an earlier pass left unfinished
                rejects = self._pending = _Rejects(self.rejects_path, self._header_raw)
            rejects.write(raw)
        return rejects

    def fingerprint(self) -> str:
        """SHA-256 of the file's bytes."""
        return file_fingerprint(self.path)


class _Rejects:
    """The rejects file of one pass: written beside ``path``, put in its place by ``commit``."""

    def __init__(self, path: Path, header_raw: str) -> None:
        self._pending = AtomicFile(path)
        self._handle = open(  # noqa: SIM115 - closed by commit or discard
            self._pending.temporary, "w", encoding="utf-8", errors="surrogateescape", newline=""
        )
        self._handle.write(header_raw)

    def write(self, raw: str) -> None:
        if raw and not raw.endswith(("\n", "\r")):
            raw += "\n"
        self._handle.write(raw)

    def commit(self) -> None:
        self._handle.close()
        self._pending.commit()

    def discard(self) -> None:
        self._handle.close()
        self._pending.discard()  # idempotent: the file may be gone already


def _has_undecodable(text: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in text)


def _row_problem(record: list[str], width: int) -> str | None:
    if len(record) != width:
        return f"expected {width} fields as in the header, found {len(record)}"
    for position, value in enumerate(record):
        if _has_undecodable(value):
            return f"field {position + 1} is not valid UTF-8"
    return None


def _describe_csv_error(error: csv.Error) -> str:
    text = str(error)
    if "field larger than field limit" in text:
        return f"a field is longer than the limit ({text}); is a quote never closed?"
    if "unexpected end of data" in text:
        return "a quoted field is never closed before the end of the file"
    return f"malformed CSV: {text}"
