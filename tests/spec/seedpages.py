"""Reads the vendors' documentation pages (the "seeds") into data the spec tests check against.

Two page styles exist: the W50API's ASP.NET Web API help pages (tables either piped and broken over
lines, or unpiped one cell per line) and CheckMarket's API reference pages. The parser is strict:
anything it cannot place raises `SeedParseError`, so a changed page fails loudly instead of silently
checking less.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl

Api = Literal["which50", "checkmarket"]
Region = Literal["request", "response"]

SEEDS_ENV = "CONTACTIMPORT_SEEDS"
"""Environment variable naming the folder holding the seed pages (overrides the default)."""

JSON_MEDIA_TYPES = ("application/json", "text/json")
XML_MEDIA_TYPES = ("application/xml", "text/xml")

_SEED_TYPE = re.compile(
    r"^(integer|string|date|boolean|decimal number|globally unique identifier"
    r"|Collection of \w+|Dictionary of \w+ \[key\] and \w+ \[value\]|[A-Z]\w*)$"
)
_IDENTIFIER = re.compile(r"^[A-Za-z_]\w*$")
_MEDIA_TYPE_LINE = re.compile(r"^[a-z]+/[\w.+-]+(\s*,\s*[a-z]+/[\w.+-]+)*$")
_W50_HEADER = re.compile(r"^\[HTTP (GET|POST|PUT|PATCH|DELETE)\]\s+~?/?(\S+)$")
_CHECKMARKET_HEADER = re.compile(r"^(GET|POST|PUT|PATCH|DELETE) - /?(\S+)$")
_METHOD_EXAMPLE = re.compile(r'^\[(GET|POST|PUT|PATCH|DELETE)\]\s+(\S+)(?:\s*\+\s*"\?([^"]*)")?')
_QUERY_PROSE = re.compile(r"\badd(?:ing)?(?: an?)? '(\w+)' parameter", re.IGNORECASE)
_QUERY_EXAMPLE = re.compile(r'\+\s*"\?([^"]*)"')
_RESPONSE_CODE = re.compile(r"^\W*(\d{3}) - [A-Za-z]")
_RESPONSE_CONTENT = re.compile(r"^Response Content\s*:\s*(\w+)$")
_MAX_LENGTH = re.compile(r"Max length:\s*(\d+)", re.IGNORECASE)
_ROLES = re.compile(r"^Required roles:\s*(.+)$", re.IGNORECASE)


class SeedParseError(ValueError):
    """A seed page does not have the shape the parser knows; the message names page and line."""


@dataclass(frozen=True)
class SeedField:
    """One documented parameter or DTO member."""

    name: str
    type: str | None
    """The page's type text (`integer`, `date`, `Collection of string`, ...); None if not given."""
    max_length: int | None = None


@dataclass(frozen=True)
class SeedDto:
    """A documented request or response body."""

    name: str | None
    """The .NET type name the page gives (`ImportJob`), or the XML sample's root element name."""
    fields: tuple[SeedField, ...]


@dataclass(frozen=True)
class SeedJsonSample:
    region: Region
    media_types: tuple[str, ...]
    value: Any


@dataclass(frozen=True)
class SeedXmlSample:
    region: Region
    media_types: tuple[str, ...]
    text: str

    @property
    def root(self) -> ET.Element:
        return ET.fromstring(self.text)


@dataclass(frozen=True)
class SeedPage:
    """Everything one page says about one endpoint."""

    source: Path
    api: Api
    method: str
    """The method of the page's title (upper case)."""
    path: str
    """The path relative to the API's base URL, starting with `/`."""
    methods: tuple[str, ...]
    """`method` first, then the other methods the page's prose shows for the same path."""
    uri_parameters: tuple[SeedField, ...]
    query_parameters: tuple[str, ...]
    """Named query parameters the page mentions (`customevents`, `match`)."""
    free_form_match_values: bool
    """True when the page shows PATCH carrying `PropertyName=value` pairs in the query string."""
    request: SeedDto | None
    response: SeedDto | None
    response_codes: tuple[int, ...]
    json_samples: tuple[SeedJsonSample, ...]
    xml_samples: tuple[SeedXmlSample, ...]
    required_roles: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.source.stem

    @property
    def path_parameter_names(self) -> tuple[str, ...]:
        return tuple(re.findall(r"\{(\w+)\}", self.path))


def default_seed_folder() -> Path:
    """`$CONTACTIMPORT_SEEDS`, else `../shared/seeds` beside the repository."""
    override = os.environ.get(SEEDS_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def seed_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


def parse_seed_file(path: Path) -> SeedPage:
    return parse_seed_page(path.read_text(encoding="utf-8"), source=path)


def parse_seed_page(text: str, source: Path) -> SeedPage:
    lines = [line.replace("\u00a0", " ").rstrip() for line in text.splitlines()]
    first = next((line.strip() for line in lines if line.strip()), "")
    if _W50_HEADER.match(first):
        return _W50Parser(lines, source).parse()
    if any(_CHECKMARKET_HEADER.match(line.strip()) for line in lines[:10]):
        return _CheckMarketParser(lines, source).parse()
    raise SeedParseError(f"{source.name}: neither a W50API help page nor a CheckMarket page")


def _find_line(lines: Sequence[str], wanted: str, source: Path, start: int = 0) -> int:
    for index in range(start, len(lines)):
        if lines[index].strip().lower() == wanted.lower():
            return index
    raise SeedParseError(f"{source.name}: no line {wanted!r}")


def _parse_sample(
    text: str, region: Region, media_types: tuple[str, ...], where: str
) -> SeedJsonSample | SeedXmlSample:
    body = text.strip()
    if body.startswith("<"):
        try:
            ET.fromstring(body)
        except ET.ParseError as error:
            raise SeedParseError(f"{where}: XML sample is not well-formed: {error}") from error
        return SeedXmlSample(region, media_types or XML_MEDIA_TYPES, body)
    if body.startswith(("{", "[")):
        try:
            value = json.loads(body)
        except json.JSONDecodeError as error:
            raise SeedParseError(f"{where}: JSON sample does not parse: {error}") from error
        return SeedJsonSample(region, media_types or JSON_MEDIA_TYPES, value)
    raise SeedParseError(f"{where}: sample is neither JSON nor XML: {body[:40]!r}")


class _W50Parser:
    """ASP.NET Web API help page: title, Request Information, Response Information."""

    def __init__(self, lines: list[str], source: Path) -> None:
        self.lines = lines
        self.source = source

    def fail(self, message: str) -> SeedParseError:
        return SeedParseError(f"{self.source.name}: {message}")

    def parse(self) -> SeedPage:
        title = next(line.strip() for line in self.lines if line.strip())
        header = _W50_HEADER.match(title)
        assert header is not None
        method, relative = header.group(1), header.group(2)
        path = "/" + relative
        request_at = _find_line(self.lines, "Request Information", self.source)
        response_at = _find_line(self.lines, "Response Information", self.source, request_at)
        request = self.lines[request_at + 1 : response_at]
        response = self.lines[response_at + 1 :]

        request_sections = self.sections(
            request, ("URI Parameters", "QueryString Parameters", "Body Parameters", "Formats")
        )
        response_sections = self.sections(response, ("Response Codes:", "Formats"))

        uri_parameters: tuple[SeedField, ...] = ()
        if "URI Parameters" in request_sections:
            _, uri_parameters = self.table(request_sections["URI Parameters"])

        query_text = "\n".join(request_sections.get("QueryString Parameters", []))
        methods, query_parameters, free_form = self.query_usage(method, relative, query_text)

        request_dto: SeedDto | None = None
        body_lines = request_sections.get("Body Parameters", [])
        if not body_lines:
            raise self.fail("no Body Parameters section")
        if not (len(_non_blank(body_lines)) == 1 and _non_blank(body_lines)[0] == "None"):
            name, fields = self.table(body_lines)
            request_dto = SeedDto(name, fields)

        response_dto = self.response_dto(response)
        codes = tuple(
            int(match.group(1))
            for line in response_sections.get("Response Codes:", [])
            if (match := _RESPONSE_CODE.match(line.strip()))
        )
        if not codes:
            raise self.fail("no response codes")

        samples = [
            *self.samples(request_sections.get("Formats", []), "request"),
            *self.samples(response_sections.get("Formats", []), "response"),
        ]
        return SeedPage(
            source=self.source,
            api="which50",
            method=method,
            path=path,
            methods=methods,
            uri_parameters=uri_parameters,
            query_parameters=query_parameters,
            free_form_match_values=free_form,
            request=request_dto,
            response=response_dto,
            response_codes=codes,
            json_samples=tuple(s for s in samples if isinstance(s, SeedJsonSample)),
            xml_samples=tuple(s for s in samples if isinstance(s, SeedXmlSample)),
            required_roles=(),
        )

    @staticmethod
    def sections(lines: Sequence[str], headings: Iterable[str]) -> dict[str, list[str]]:
        """Lines under each heading, up to the next heading (headings match whole lines)."""
        wanted = {heading.lower(): heading for heading in headings}
        result: dict[str, list[str]] = {}
        current: list[str] | None = None
        for line in lines:
            heading = wanted.get(line.strip().lower())
            if heading is not None and heading not in result:
                current = result[heading] = []
            elif current is not None:
                current.append(line)
        return result

    def table(self, lines: Sequence[str]) -> tuple[str | None, tuple[SeedField, ...]]:
        """A `Name | Description | Type | Additional information` table and the DTO name above."""
        for index, line in enumerate(lines):
            stripped = line.strip()
            if "| Name |" in stripped or stripped.startswith("| Name"):
                prefix = stripped.split("|", 1)[0].strip()
                name = prefix or self.name_above(lines, index)
                return name, self.piped_rows(lines[index + 1 :])
            if stripped.replace(" ", "") == "NameDescriptionTypeAdditionalinformation":
                return self.name_above(lines, index), self.unpiped_rows(lines[index + 1 :])
        raise self.fail(f"no parameter table in {_non_blank(lines)[:3]!r}")

    def name_above(self, lines: Sequence[str], index: int) -> str | None:
        above = _non_blank(lines[:index])
        if above and _IDENTIFIER.match(above[-1]):
            return above[-1]
        return None

    def piped_rows(self, lines: Sequence[str]) -> tuple[SeedField, ...]:
        rows: list[list[str]] = []
        for line in lines:
            stripped = line.strip()
            if not stripped or set(stripped) <= set("|-: "):
                if stripped.startswith("|"):
                    rows.append([])  # a bare "|" or the separator ends the previous row
                continue
            cells = [cell.strip() for cell in stripped.split("|") if cell.strip()]
            if stripped.startswith("|"):
                rows.append(cells)
            elif rows:
                rows[-1].extend(cells)
            else:
                raise self.fail(f"table text before the first row: {stripped!r}")
        fields = []
        for cells in rows:
            if not cells:
                continue
            if len(cells) < 3:
                raise self.fail(f"table row with fewer than 3 cells: {cells!r}")
            fields.append(self.field(cells[0], cells[-2]))
        return tuple(fields)

    def unpiped_rows(self, lines: Sequence[str]) -> tuple[SeedField, ...]:
        cells = _non_blank(lines)
        fields = []
        index = 0
        while index < len(cells):
            name = cells[index]
            if not _IDENTIFIER.match(name):
                raise self.fail(f"expected a member name, found {name!r}")
            index += 1
            while index < len(cells) and not _SEED_TYPE.match(cells[index]):
                index += 1  # description lines
            if index + 1 >= len(cells):
                raise self.fail(f"row {name!r} has no type and additional information")
            fields.append(self.field(name, cells[index]))
            index += 2  # type, additional information
        return tuple(fields)

    def field(self, name: str, type_text: str) -> SeedField:
        if not _IDENTIFIER.match(name):
            raise self.fail(f"not a member name: {name!r}")
        if not _SEED_TYPE.match(type_text):
            raise self.fail(f"unknown type {type_text!r} for {name!r}")
        return SeedField(name, type_text)

    def query_usage(
        self, method: str, relative: str, text: str
    ) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
        """Methods shown for this path, named query parameters, and whether PATCH takes values."""
        methods = [method]
        names: list[str] = list(_QUERY_PROSE.findall(text))
        free_form = False
        for line in text.splitlines():
            example = _METHOD_EXAMPLE.match(line.strip())
            if example is not None:
                if example.group(2).lstrip("~/") != relative:
                    raise self.fail(f"example for another path: {line.strip()!r}")
                if example.group(1) not in methods:
                    methods.append(example.group(1))
            query = _QUERY_EXAMPLE.search(line)
            if query is None:
                continue
            pairs = parse_qsl(query.group(1), keep_blank_values=True)
            matched = [
                part for key, value in pairs if key == "match" for part in value.split(",") if part
            ]
            for key, _ in pairs:
                if key in matched:
                    if example is None or example.group(1) != "PATCH":
                        raise self.fail(f"match values outside a PATCH example: {line.strip()!r}")
                    free_form = True
                elif key not in names:
                    names.append(key)
        return tuple(methods), tuple(dict.fromkeys(names)), free_form

    def response_dto(self, response: Sequence[str]) -> SeedDto | None:
        for index, line in enumerate(response):
            content = _RESPONSE_CONTENT.match(line.strip())
            if content is None:
                continue
            end = next(
                (
                    at
                    for at in range(index + 1, len(response))
                    if response[at].strip() in ("Response Codes:", "Formats")
                ),
                len(response),
            )
            _, fields = self.table(response[index + 1 : end])
            return SeedDto(content.group(1), fields)
        return None

    def samples(self, lines: Sequence[str], region: Region) -> list[SeedJsonSample | SeedXmlSample]:
        blocks: list[tuple[tuple[str, ...], list[str]]] = []
        for line in lines:
            stripped = line.strip()
            if _MEDIA_TYPE_LINE.match(stripped):
                media = tuple(part.strip() for part in stripped.split(","))
                blocks.append((media, []))
            elif stripped == "Sample:" or not stripped:
                continue
            elif blocks:
                blocks[-1][1].append(line)
            else:
                raise self.fail(f"sample text before any media type: {stripped!r}")
        return [
            _parse_sample("\n".join(body), region, media, f"{self.source.name} {region} {media[0]}")
            for media, body in blocks
        ]


class _CheckMarketParser:
    """CheckMarket reference page: Definition, roles, Request information, Response information."""

    def __init__(self, lines: list[str], source: Path) -> None:
        self.lines = lines
        self.source = source

    def fail(self, message: str) -> SeedParseError:
        return SeedParseError(f"{self.source.name}: {message}")

    def parse(self) -> SeedPage:
        method = relative = ""
        roles: tuple[str, ...] = ()
        for line in self.lines:
            header = _CHECKMARKET_HEADER.match(line.strip())
            if header is not None and not method:
                method, relative = header.group(1), header.group(2)
            role_line = _ROLES.match(line.strip())
            if role_line is not None:
                roles = tuple(role.strip() for role in role_line.group(1).split(","))
        request_at = _find_line(self.lines, "Request information", self.source)
        response_at = _find_line(self.lines, "Response information", self.source, request_at)
        end = next(
            (
                at
                for at in range(response_at, len(self.lines))
                if self.lines[at].strip() == "Related Examples"
            ),
            len(self.lines),
        )
        request_fields, request_samples = self.region(
            self.lines[request_at + 1 : response_at], "request"
        )
        response_fields, response_samples = self.region(
            self.lines[response_at + 1 : end], "response"
        )
        samples = [*request_samples, *response_samples]
        xml_samples = tuple(s for s in samples if isinstance(s, SeedXmlSample))

        def dto(region: Region, fields: tuple[SeedField, ...]) -> SeedDto | None:
            if not fields:
                return None
            roots = [s.root.tag.rsplit("}", 1)[-1] for s in xml_samples if s.region == region]
            return SeedDto(roots[0] if roots else None, fields)

        return SeedPage(
            source=self.source,
            api="checkmarket",
            method=method,
            path="/" + relative,
            methods=(method,),
            uri_parameters=(),
            query_parameters=(),
            free_form_match_values=False,
            request=dto("request", request_fields),
            response=dto("response", response_fields),
            response_codes=(),
            json_samples=tuple(s for s in samples if isinstance(s, SeedJsonSample)),
            xml_samples=xml_samples,
            required_roles=roles,
        )

    def region(
        self, lines: Sequence[str], region: Region
    ) -> tuple[tuple[SeedField, ...], list[SeedJsonSample | SeedXmlSample]]:
        """Members (name line, description, `Type X`, additional info) then `Sample:` blocks."""
        cells = _non_blank(lines)
        if not cells:
            raise self.fail(f"empty {region} information")
        fields: list[SeedField] = []
        samples: list[list[str]] = []
        for cell in cells[1:]:  # the first line describes the body as a whole
            if cell == "Sample:":
                samples.append([])
            elif samples:
                samples[-1].append(cell)
            elif _IDENTIFIER.match(cell) and cell[0].isupper():
                fields.append(SeedField(cell, None))
            elif cell.startswith("Type "):
                if not fields or fields[-1].type is not None:
                    raise self.fail(f"{cell!r} does not follow a member name")
                type_text = cell.removeprefix("Type ").strip()
                if not _SEED_TYPE.match(type_text):
                    raise self.fail(f"unknown type {type_text!r} for {fields[-1].name!r}")
                fields[-1] = SeedField(fields[-1].name, type_text)
            elif (length := _MAX_LENGTH.search(cell)) is not None and fields:
                fields[-1] = SeedField(fields[-1].name, fields[-1].type, int(length.group(1)))
        parsed = [
            _parse_sample("\n".join(body), region, (), f"{self.source.name} {region} sample")
            for body in samples
        ]
        return tuple(fields), parsed


def _non_blank(lines: Iterable[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]
