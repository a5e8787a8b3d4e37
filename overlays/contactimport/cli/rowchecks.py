"""The checks of every row before it is sent, and the ``--warnings`` file that lists the rows the
server will flag.

The rules come from the specs (``x-value-check``, ``x-missing``) and from what the server says
of the target before anything is sent: a W50 list's fields (their MapType and fixed values), a
CheckMarket configuration's settings. A row that breaks one is still sent (the server decides);
its line and the reasons (rule and column, every one of the row) go to the warnings file, which
has the CSV's encoding and delimiter, columns ``line`` and ``reason`` before the row's, and is
written under a temporary name and renamed into place once the file was read to its end (like
``--rejects``; a pass without warnings leaves an existing file alone).

:func:`close_names` finds a column named almost like a known name (``LanguageCode`` for
``LangCode``), for the "did you mean" before anything is sent.
"""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Final

from .._files import AtomicFile
from ..csvsource import CsvContactSource

__all__ = [
    "LISTED_WARNINGS",
    "RowChecks",
    "RowRule",
    "ValueCheck",
    "checkmarket_rules",
    "close_names",
    "missing_columns",
    "which50_rules",
]

RowRule = Callable[[Mapping[str, str]], list[str]]
"""A check of one row (column → cell): the reasons it breaks the rule, none when it holds."""

#: How many warned rows are listed on stderr (all of them are in --warnings).
LISTED_WARNINGS: Final = 20
#: How alike (difflib's ratio of the names lower-cased, without blanks, - and _) a column name
#: must be to a known name to be taken for a misspelling of it.
CLOSE_NAME_CUTOFF: Final = 0.7


@dataclass(frozen=True)
class ValueCheck:
    """An ``x-value-check`` of the spec: a value is valid when, the characters matching
    ``ignore`` dropped, it matches ``pattern`` and has at most ``max_length`` characters."""

    pattern: re.Pattern[str]
    ignore: re.Pattern[str] | None = None
    max_length: int | None = None

    @classmethod
    def from_spec(cls, node: Mapping[str, Any]) -> ValueCheck:
        ignore = node.get("ignore")
        length = node.get("maxLength")
        return cls(
            re.compile(str(node["pattern"])),
            None if ignore is None else re.compile(str(ignore)),
            None if length is None else int(length),
        )

    def accepts(self, value: str) -> bool:
        if self.max_length is not None and len(value) > self.max_length:
            return False
        text = value if self.ignore is None else self.ignore.sub("", value)
        # A pattern anchored at the start: match() is search() without trying every position.
        anchored = self.pattern.pattern.startswith("^")
        found = self.pattern.match(text) if anchored else self.pattern.search(text)
        return found is not None


def _blank(value: str | None) -> bool:
    return value is None or value.strip() == ""


def _normal(name: str) -> str:
    return re.sub(r"[\s_\-.]", "", name).lower()


def close_names(name: str, known: Iterable[str]) -> list[str]:
    """The known names ``name`` is probably a misspelling of (best first; none when it is one of
    them): alike once case, blanks, ``-``, ``_`` and ``.`` are ignored."""
    names = list(known)
    if name in names:
        return []
    by_normal: dict[str, str] = {}
    for known_name in names:
        by_normal.setdefault(_normal(known_name), known_name)
    close = difflib.get_close_matches(_normal(name), list(by_normal), n=3, cutoff=CLOSE_NAME_CUTOFF)
    return [by_normal[match] for match in close]


def _checks(node: Mapping[str, Any], key: str) -> ValueCheck:
    return ValueCheck.from_spec(node[key])


def which50_rules(
    fields: Sequence[Mapping[str, Any]], document: Mapping[str, Any]
) -> list[RowRule]:
    """The checks of a W50 row against the list's ``fields`` (as ``listContactListFields``
    returns them): the e-mail and SMS rules of the spec's ``InvalidEmailCount`` and
    ``InvalidSmsCount`` (``x-value-check``) for the fields of their MapTypes, and each field's
    fixed values (``ContactSchemaFieldValues``, compared exactly)."""
    counters = document["components"]["schemas"]["ImportJob"]["properties"]
    rules: list[RowRule] = []
    for counter, what in (
        ("InvalidEmailCount", "not a valid e-mail address"),
        ("InvalidSmsCount", "not a valid mobile (SMS) number"),
    ):
        node = counters[counter]["x-value-check"]
        check = ValueCheck.from_spec(node)
        map_types = {str(kind).lower() for kind in node.get("mapTypes", ())}
        names = [
            str(field["Name"])
            for field in fields
            if str(field.get("MapType") or "").lower() in map_types
        ]
        if names:
            rules.append(_value_rule(names, check, f"{what} ({counter})"))
    for field in fields:
        values = [str(item.get("Value")) for item in field.get("ContactSchemaFieldValues") or []]
        if values:
            rules.append(_fixed_values_rule(str(field["Name"]), values))
    return rules


def _value_rule(names: Sequence[str], check: ValueCheck, what: str) -> RowRule:
    def rule(row: Mapping[str, str]) -> list[str]:
        return [
            f"{what}: column {name!r} holds {row[name]!r}"
            for name in names
            if not _blank(row.get(name)) and not check.accepts(row[name])
        ]

    return rule


def _fixed_values_rule(name: str, values: Sequence[str]) -> RowRule:
    allowed = set(values)

    def rule(row: Mapping[str, str]) -> list[str]:
        value = row.get(name)
        if _blank(value) or value in allowed:
            return []
        return [
            f"not one of the field's values ({', '.join(values)}): column {name!r} holds {value!r}"
        ]

    return rule


def checkmarket_rules(
    settings: Mapping[str, Any] | None,
    columns: Sequence[str],
    document: Mapping[str, Any],
    labels: Mapping[str, str],
) -> list[RowRule]:
    """The checks of a CheckMarket row sent through a configuration with ``settings``: each
    ``ImportContact`` member's ``x-value-check`` and ``x-missing`` (by the configuration's
    members they name), and ``DateOfBirth`` against the configuration's ``DateFormat`` when it
    has one. ``labels`` gives a result code's text (``R0308 Invalid email address``)."""
    config = settings or {}
    members = document["components"]["schemas"]["ImportContact"]["properties"]
    rules: list[RowRule] = []
    for name, member in members.items():
        value_check = member.get("x-value-check")
        if value_check is not None:
            code = labels.get(str(value_check.get("resultCode")), "")
            check = ValueCheck.from_spec(value_check)
            rules.append(_value_rule([name], check, f"{code}, the server will not import it"))
        missing = member.get("x-missing")
        if missing is not None and _missing_applies(missing, config):
            rules.append(_missing_rule(name, name in columns, missing, labels))
    date_format = config.get("DateFormat")
    if date_format and "DateOfBirth" in members:
        rules.append(_date_rule("DateOfBirth", str(date_format), labels.get("R0302", "R0302")))
    return rules


def missing_columns(
    settings: Mapping[str, Any] | None, columns: Sequence[str], document: Mapping[str, Any]
) -> list[tuple[str, Mapping[str, Any]]]:
    """The ``ImportContact`` members whose ``x-missing`` applies to every row: the file has no
    such column and the configuration (``settings``) does not make up for it; with the
    ``x-missing`` node of each."""
    members = document["components"]["schemas"]["ImportContact"]["properties"]
    return [
        (str(name), member["x-missing"])
        for name, member in members.items()
        if "x-missing" in member
        and name not in columns
        and _missing_applies(member["x-missing"], settings or {})
    ]


def _missing_applies(missing: Mapping[str, Any], config: Mapping[str, Any]) -> bool:
    when = missing.get("when")
    unless = missing.get("unless")
    if when is not None and config.get(str(when)) is not True:
        return False
    return unless is None or _blank(None if config.get(unless) is None else str(config[unless]))


def _missing_rule(
    name: str, present: bool, missing: Mapping[str, Any], labels: Mapping[str, str]
) -> RowRule:
    code = labels.get(str(missing.get("resultCode")), str(missing.get("resultCode")))
    because = f" while the configuration has {missing['when']}" if "when" in missing else ""
    if "unless" in missing:
        because = f" and the configuration has no {missing['unless']}"
    where = f"column {name!r} is empty" if present else f"the file has no column {name!r}"
    reason = f"{code}, the server will not import it: {where}{because}"

    def rule(row: Mapping[str, str]) -> list[str]:
        return [reason] if _blank(row.get(name)) else []

    return rule


_DATE_PARTS: Final = (("yyyy", "%Y"), ("yy", "%y"), ("MM", "%m"), ("M", "%m"), ("dd", "%d"))


def _strptime_format(date_format: str) -> str:
    """A ``DateFormat`` (``dd/MM/yyyy``: ``y`` year, ``M`` month, ``d`` day) for strptime."""
    result = date_format.replace("%", "%%")
    for part, directive in _DATE_PARTS:
        result = result.replace(part, directive)
    return re.sub(r"(?<!%)d", "%d", result)


def _date_rule(name: str, date_format: str, label: str) -> RowRule:
    pattern = _strptime_format(date_format)

    def rule(row: Mapping[str, str]) -> list[str]:
        value = row.get(name)
        if _blank(value):
            return []
        assert value is not None
        try:
            datetime.strptime(value.strip(), pattern)
        except ValueError:
            return [
                f"{label}, the server will not import it: column {name!r} holds {value!r}, "
                f"not a date written {date_format}"
            ]
        return []

    return rule


@dataclass(frozen=True)
class Warned:
    """A row that breaks a rule: where it starts and every reason."""

    line_number: int
    reasons: tuple[str, ...]

    def __str__(self) -> str:
        return f"line {self.line_number}: {'; '.join(self.reasons)}"


class RowChecks:
    """Runs the rules over the rows of a pass over the CSV (:meth:`rows`), counting the rows
    that break one and writing them to ``path`` (None: counted only)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.rules: list[RowRule] = []
        self.warned_rows = 0
        self.listed: list[Warned] = []
        self.written = False
        """Whether the last pass wrote ``path`` (it read the file to its end and found some)."""

    def rows(self, source: CsvContactSource) -> Iterator[dict[str, str]]:
        """``source``'s rows, each checked as it is read."""
        self.warned_rows = 0
        self.listed = []
        self.written = False
        pending: _WarningsFile | None = None
        try:
            for row in source:
                reasons = [reason for rule in self.rules for reason in rule(row)]
                if reasons:
                    self.warned_rows += 1
                    if len(self.listed) < 1000:
                        self.listed.append(Warned(source.line_number, tuple(reasons)))
                    if self.path is not None:
                        if pending is None:
                            pending = _WarningsFile(self.path, source)
                        pending.write(source.line_number, "; ".join(reasons), row)
                yield row
            if pending is not None and source.reached_end:
                pending.commit()
                pending = None
                self.written = True
        finally:
            if pending is not None:
                pending.discard()


class _WarningsFile:
    def __init__(self, path: Path, source: CsvContactSource) -> None:
        self._pending = AtomicFile(path)
        encoding = "utf-8" if source.encoding == "utf-8-sig" else source.encoding
        self._handle: IO[str] = open(  # noqa: SIM115 - closed by commit or discard
            self._pending.temporary, "w", encoding=encoding, errors="replace", newline=""
        )
        self._names = source.fieldnames
        self._writer = csv.writer(self._handle, delimiter=source.delimiter)
        self._writer.writerow(["line", "reason", *self._names])

    def write(self, line: int, reason: str, row: Mapping[str, str]) -> None:
        self._writer.writerow([line, reason, *(row.get(name, "") for name in self._names)])

    def commit(self) -> None:
        self._handle.close()
        self._pending.commit()

    def discard(self) -> None:
        self._handle.close()
        self._pending.discard()
