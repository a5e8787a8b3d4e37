"""An array request body read one element at a time (issue 20: bounded memory).

``json.loads`` of a whole bulk import builds every contact as a dict at once, five to six times
the body's size; here the body is read as text and its elements are decoded one by one
(``raw_decode``), in passes: one counts them, one validates them a chunk at a time, and the
handler's iteration decodes them once more as it stores them. What is held at once is the body,
its text and one chunk. An XML array body is read item by item into the same JSON text
(`Wire.array_text`), then handled the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

_BLANKS = re.compile(r"[ \t\n\r]*")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)
_LENIENT = json.JSONDecoder()  # NaN and Infinity: what an XML double may hold


def _skip(text: str, position: int) -> int:
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
        while True:
            value, end = decoder.raw_decode(text, position)
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


class JsonArray:
    """The elements of a JSON array body, decoded again on each iteration and passed through
    ``prepare``; ``len`` is their number (counted once, without keeping them). ``constants``:
    the text was written from XML items, whose doubles may be NaN or infinite."""

    def __init__(self, text: str, prepare: Callable[[Any], Any], constants: bool = False) -> None:
        self.text = text
        self.prepare = prepare
        self.constants = constants
        self.count = sum(1 for _ in elements(text, constants))

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Any]:
        for _, _, value in elements(self.text, self.constants):
            yield self.prepare(value)

    def chunks(self, size: int) -> Iterator[tuple[int, list[Any], str]]:
        """(index of the first, the decoded elements, their JSON array text) per ``size``
        elements, as they come (for validation a chunk at a time)."""
        first = 0
        values: list[Any] = []
        start = end = 0
        for begin, stop, value in elements(self.text, self.constants):
            if not values:
                start = begin
            values.append(value)
            end = stop
            if len(values) == size:
                yield first, values, "[" + self.text[start:end] + "]"
                first += len(values)
                values = []
        if values:
            yield first, values, "[" + self.text[start:end] + "]"
