"""An array request body read one chunk of elements at a time (issue 20: bounded memory).

``json.loads`` of a whole bulk import builds every contact as a dict at once, five to six times
the body's size; here the body is read as text in two passes. The first (``JsonArray.scan``)
finds each element's end (``raw_decode``), counts them and hands them to a check a chunk at a
time (the app validates each chunk); it notes where each chunk starts and ends. The handler's
iteration then decodes the body again a chunk at a time (one ``json.loads`` of the chunk's text,
not one call per element). What is held at once is the body, its text and one chunk. An XML
array body is read item by item into the same JSON text (`Wire.array_text`), then handled the
same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

_BLANKS = re.compile(r"[ \t\n\r]*")
_BLANK = " \t\n\r"


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)
_LENIENT = json.JSONDecoder()  # NaN and Infinity: what an XML double may hold


def _skip(text: str, position: int) -> int:
    # Most bodies have no blank (or one) between elements: a look at one character first.
    if text[position : position + 1] not in _BLANK:
        return position
    found = _BLANKS.match(text, position)
    assert found is not None  # the pattern matches the empty string
    return found.end()


def _error(message: str, text: str, position: int) -> json.JSONDecodeError:
    return json.JSONDecodeError(message, text, position)


def elements(text: str, constants: bool = False) -> Iterator[tuple[int, int, Any]]:
    """(start, end, value) of each element of the JSON array ``text``; ``ValueError`` (a
    ``JSONDecodeError`` with its position, as ``json.loads`` raises) if it is not one.
    ``constants``: NaN and Infinity are read (text written from XML), else refused."""
    decoder = _LENIENT if constants else _DECODER
    position = _skip(text, 0)
    if not text.startswith("[", position):
        # Not an array: json.loads says what it is, or what is wrong with it.
        yield 0, len(text), decoder.decode(text)
        return
    position = _skip(text, position + 1)
    if text.startswith("]", position):
        position += 1
    else:
        raw_decode = decoder.raw_decode
        while True:
            value, end = raw_decode(text, position)
            yield position, end, value
            position = _skip(text, end)
            if text.startswith(",", position):
                position = _skip(text, position + 1)
                continue
            if text.startswith("]", position):
                position += 1
                break
            raise _error("Expecting ',' delimiter", text, position)
    if _skip(text, position) != len(text):
        raise _error("Extra data", text, _skip(text, position))


def is_array(text: str) -> bool:
    """Whether ``text`` starts (after blanks) like a JSON array."""
    return text.startswith("[", _skip(text, 0))


ChunkCheck = Callable[[int, list[Any], str], None]
"""Called by ``JsonArray.scan`` with (index of the first, the decoded elements, their JSON array
text) of each chunk."""


class JsonArray:
    """The elements of a JSON array body, decoded again a chunk at a time on each iteration and
    passed through ``prepare``. ``scan`` reads the body first: until then it has no length.
    ``constants``: the text was written from XML items, whose doubles may be NaN or infinite."""

    def __init__(self, text: str, prepare: Callable[[Any], Any], constants: bool = False) -> None:
        self.text = text
        self.prepare = prepare
        self.constants = constants
        self.count = 0
        self._spans: list[tuple[int, int]] = []  # (start, end) in text of each chunk
        self._scanned = False
        self.failure: Exception | None = None

    def scan(self, size: int, check: ChunkCheck, check_up_to: int | None = None) -> None:
        """Count the elements and pass them to ``check`` ``size`` at a time, in one pass.

        A syntax error anywhere raises ``ValueError`` (whatever ``check`` did). The first
        exception ``check`` raises is raised once the whole body has been counted (so that
        what depends on the count, checked by the caller after this, comes first: call
        ``failure``); chunks after it, and every chunk once more than ``check_up_to`` elements
        have been seen, are counted but not checked.
        """
        self.count = 0
        self._spans = []
        self.failure = None
        values: list[Any] = []
        start = end = 0
        for begin, stop, value in elements(self.text, self.constants):
            if not values:
                start = begin
            values.append(value)
            end = stop
            if len(values) == size:
                self._chunk(start, end, values, check, check_up_to)
                values = []
        if values:
            self._chunk(start, end, values, check, check_up_to)
        self._scanned = True

    def _chunk(
        self, start: int, end: int, values: list[Any], check: ChunkCheck, limit: int | None
    ) -> None:
        first = self.count
        self.count += len(values)
        self._spans.append((start, end))
        if self.failure is not None or (limit is not None and self.count > limit):
            return
        try:
            check(first, values, "[" + self.text[start:end] + "]")
        except Exception as exc:  # raised by raise_failure, after the count's checks
            exc.__traceback__ = None  # its frames hold this chunk: not kept while scanning on
            self.failure = exc

    def raise_failure(self) -> None:
        """Raise what ``check`` raised during ``scan``, if it did."""
        failure, self.failure = self.failure, None
        if failure is not None:
            raise failure

    def __len__(self) -> int:
        assert self._scanned, "scan the body first"
        return self.count

    def __iter__(self) -> Iterator[Any]:
        assert self._scanned, "scan the body first"
        decode = (_LENIENT if self.constants else _DECODER).decode
        prepare = self.prepare
        for start, end in self._spans:
            for value in decode("[" + self.text[start:end] + "]"):
                yield prepare(value)
