"""Streaming CSV reader for contact files: bounded memory, bad rows reported and never fatal.

A file is read one record at a time (never materialised), so a 1,000,000-row file costs the
same memory as a 100-row one. By default UTF-8 with or without a byte-order mark; another
``encoding`` is given by its Python codec name, or ``"auto"`` detects it (charset-normalizer, see
docs/adr/0005-csv-encodings.md). :meth:`CsvContactSource.check_encoding` reads the whole file
once and raises :class:`CsvEncodingError` naming the likely encoding when it does not decode. The
delimiter is given or sniffed from the first 64 KiB. A bad record (wrong number of fields, broken
quoting, bytes that do not decode, a field over the csv module's size limit of 128 KiB, which also
bounds memory when a quote is never closed) is reported with its line number, optionally written
to a rejects file with its line and the reason, and skipped: the good rows around it are still
yielded.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Final

from ._files import AtomicFile, file_identity

__all__ = [
    "AUTO_ENCODING",
    "CsvContactSource",
    "CsvEncodingError",
    "CsvHeaderError",
    "CsvRowError",
    "detect_encoding",
    "file_fingerprint",
    "sniff_delimiter",
]

SNIFF_BYTES: Final = 64 * 1024
CANDIDATE_DELIMITERS: Final = ",;\t|"
#: How many row errors are kept in memory (all of them are counted and go to the rejects file).
MAX_KEPT_ERRORS: Final = 1000
#: The ``encoding`` that has the encoding detected from the file's bytes.
AUTO_ENCODING: Final = "auto"
#: How much of a file the encoding is detected from (its start, and around a byte that did not
#: decode): enough for charset-normalizer, bounded for any file size.
DETECTION_BYTES: Final = 1024 * 1024
#: The columns a rejects file puts before the original ones.
REJECTS_COLUMNS: Final = ("line", "reason")


class CsvHeaderError(ValueError):
    """The header line is missing, empty, or names a column twice: nothing can be imported."""


class CsvEncodingError(CsvHeaderError):
    """The file does not decode with the encoding it is read with (by default UTF-8).

    ``line`` is where the first byte that does not decode is, ``detected`` the encoding the
    file's bytes most likely are in (a Python codec name; None when nothing fits).
    """

    def __init__(self, path: Path, encoding: str, line: int, detected: str | None) -> None:
        self.path = path
        self.encoding = encoding
        self.line = line
        self.detected = detected
        likely = (
            f"it looks like {detected}"
            if detected is not None
            else "its encoding could not be detected"
        )
        super().__init__(
            f"{path} is not valid {_label(encoding)} (line {line} holds bytes that do not decode); "
            f"{likely}"
        )


def _label(encoding: str) -> str:
    """``UTF-8`` for the default reading (with or without a byte-order mark), else the name."""
    name = codecs.lookup(encoding).name
    return "UTF-8" if name in ("utf-8", "utf-8-sig") else name


def _resolve(encoding: str | None) -> str:
    """The codec a file is read with: UTF-8 (an optional byte-order mark skipped) by default."""
    if encoding is None:
        return "utf-8-sig"
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r} (give a Python codec name)") from None
    return "utf-8-sig" if name == "utf-8" else name


def detect_encoding(path: str | os.PathLike[str], *, around: int | None = None) -> str | None:
    """The encoding a file's bytes are most likely in (a Python codec name), or None.

    Detected with charset-normalizer from the file's first MiB and, when ``around`` (a byte
    offset) lies beyond, the lines around it. A byte-order mark decides; valid UTF-8 is UTF-8.
    Among the candidates the least chaotic, then most coherent one wins; a tie goes to the more
    widely used code page (cp1252 before its lookalikes), then to the detector's order, and a
    more widely used code page that reads the sample as the same text is named instead.
    """
    from charset_normalizer import from_bytes

    with open(path, "rb") as handle:
        sample = handle.read(DETECTION_BYTES)
        if around is not None and around >= len(sample):
            start = max(0, around - DETECTION_BYTES // 4)
            handle.seek(start)
            window = handle.read(DETECTION_BYTES // 2)
            if start:
                window = window[window.find(b"\n") + 1 :]
            sample = sample[: sample.rfind(b"\n") + 1] + window
    for mark, name in _BOMS:
        if sample.startswith(mark):
            return name
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":  # a character cut at the sample's end
            return "utf-8"
    results = list(from_bytes(sample))
    if not results:
        return None
    order = {id(match): index for index, match in enumerate(results)}

    def rank(match: Any) -> tuple[float, float, int, int]:
        name = codecs.lookup(match.encoding).name
        common = _COMMON.index(name) if name in _COMMON else len(_COMMON)
        return (match.chaos, -match.coherence, common, order[id(match)])

    best = min(results, key=rank)
    text = str(best)
    for name in _COMMON:  # the same text read by a more widely used code page: name that one
        try:
            if sample.decode(name) == text:
                return name
        except UnicodeDecodeError:
            continue
    return str(codecs.lookup(best.encoding).name)


#: Ties between equally plausible code pages go to the more widely used one, and so does a
#: code page that reads the bytes as the same text (the bytes of "Müller" are the same text in
#: cp1250 and cp1252).
_COMMON: Final = ("cp1252", "iso8859-1", "iso8859-15", "cp1250", "cp1251", "mac-roman")


_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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

    ``fieldnames`` (the header), ``delimiter`` and ``encoding`` (the codec the file is read with:
    ``encoding`` given, default UTF-8 with an optional byte-order mark, ``"auto"`` detected) are
    known right after construction; a header that does not decode raises
    :class:`CsvEncodingError`, and :meth:`check_encoding` checks the whole file. Iterating
    yields good rows only; ``errors`` (the first 1,000), ``bad_rows`` (all) and ``good_rows`` are
    filled as the file is read. With ``rejects_path`` every bad record is also written there,
    verbatim after its line number and the reason (columns ``line`` and ``reason`` before the
    original header line's), in the file's encoding and delimiter: to a
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
        encoding: str | None = None,
    ) -> None:
        self.path = Path(path)
        if encoding == AUTO_ENCODING:
            encoding = detect_encoding(self.path) or "utf-8"
        self.encoding = _resolve(encoding)
        """The codec the file is read with (``utf-8-sig``: UTF-8, a byte-order mark skipped)."""
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
        self.line_number = 0
        """The line the row yielded last starts at (its header line is 1)."""
        self._pending: _Rejects | None = None

    def close(self) -> None:
        """Drop the rejects file of an unfinished pass; an existing ``rejects_path`` stays."""
        if self._pending is not None:
            self._pending.discard()
            self._pending = None

    def _open(self) -> IO[str]:
        # surrogateescape keeps undecodable bytes visible so one bad row can be rejected alone.
        return open(self.path, encoding=self.encoding, errors="surrogateescape", newline="")

    def check_encoding(self) -> None:
        """Read the whole file once (bounded memory) and raise :class:`CsvEncodingError`, naming
        the line and the likely encoding, when a byte does not decode with ``encoding``."""
        decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        fed = 0
        lines = 1
        with open(self.path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1024 * 1024), b""):
                buffered = len(decoder.getstate()[0])
                try:
                    lines += decoder.decode(chunk).count("\n")
                except UnicodeDecodeError as error:
                    before = error.object[: error.start]
                    lines += codecs.decode(before, self.encoding, "replace").count("\n")
                    self._encoding_error(lines, fed - buffered + error.start)
                fed += len(chunk)
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                self._encoding_error(lines, fed)

    def _encoding_error(self, line: int, offset: int) -> None:
        raise CsvEncodingError(
            self.path, self.encoding, line, detect_encoding(self.path, around=offset)
        )

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
            raise CsvEncodingError(
                self.path, self.encoding, 1, detect_encoding(self.path, around=0)
            )
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
                    problem = self._row_problem(record, width)
                    if problem is not None:
                        rejects = self._reject(rejects, start, problem, raw)
                        continue
                    self.good_rows += 1
                    self.line_number = start
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
                rejects = self._pending = _Rejects(
                    self.rejects_path, self._header_raw, self.delimiter, self.encoding
                )
            rejects.write(line, message, raw)
        return rejects

    def fingerprint(self) -> str:
        """SHA-256 of the file's bytes."""
        return file_fingerprint(self.path)

    def _row_problem(self, record: list[str], width: int) -> str | None:
        if len(record) != width:
            return f"expected {width} fields as in the header, found {len(record)}"
        names = zip(self.fieldnames, record, strict=True)
        bad = [name for name, value in names if _has_undecodable(value)]
        if bad:
            columns = ", ".join(repr(name) for name in bad)
            plural = "s" if len(bad) > 1 else ""
            return f"not valid {_label(self.encoding)} in column{plural} {columns}"
        return None


class _Rejects:
    """The rejects file of one pass: written beside ``path``, put in its place by ``commit``.

    Each record keeps its original text after two columns, its line number and the reason; the
    file has the source's encoding (UTF-8 without a byte-order mark for the default reading)
    and delimiter.
    """

    def __init__(self, path: Path, header_raw: str, delimiter: str, encoding: str) -> None:
        self._pending = AtomicFile(path)
        self._delimiter = delimiter
        encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        # Bytes that did not decode are written back as they were (not with UTF-16/32).
        wide = encoding.startswith(("utf-16", "utf-32"))
        errors = "backslashreplace" if wide else "surrogateescape"
        self._handle = open(  # noqa: SIM115 - closed by commit or discard
            self._pending.temporary, "w", encoding=encoding, errors=errors, newline=""
        )
        self._handle.write(self._prefix(*REJECTS_COLUMNS) + header_raw)

    def _prefix(self, line: object, reason: str) -> str:
        text = io.StringIO()
        csv.writer(text, delimiter=self._delimiter, lineterminator="").writerow([line, reason, ""])
        return text.getvalue()

    def write(self, line: int, reason: str, raw: str) -> None:
        if raw and not raw.endswith(("\n", "\r")):
            raw += "\n"
        self._handle.write(self._prefix(line, reason) + raw)

    def commit(self) -> None:
        self._handle.close()
        self._pending.commit()

    def discard(self) -> None:
        self._handle.close()
        self._pending.discard()  # idempotent: the file may be gone already


def _has_undecodable(text: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in text)


def _describe_csv_error(error: csv.Error) -> str:
    text = str(error)
    if "field larger than field limit" in text:
        return f"a field is longer than the limit ({text}); is a quote never closed?"
    if "unexpected end of data" in text:
        return "a quoted field is never closed before the end of the file"
    return f"malformed CSV: {text}"
