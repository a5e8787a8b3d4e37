"""The seed page parser: small invented pages in each layout, then invariants of the real pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from .seedpages import SeedField, SeedJsonSample, SeedPage, SeedParseError, parse_seed_page

PIPED_PAGE = """\
[HTTP PUT] ~/widgets/{widgetId}
Description: Replace a widget
Request Information
URI Parameters
| Name | Description | Type | Additional information |
|---|---|---|---|
| widgetId |
Widget Id |
integer |
Required |
|
| tenant | string |
Required |
QueryString Parameters
Add a 'customevents' parameter with a comma-separated list.
[PATCH] widgets/{widgetId} + "?match=Colour&Colour=red"
Body: {
values: { "Colour": "red" // not a sample
}
Body Parameters
Widget| Name | Description | Type | Additional information |
|---|---|---|---|
| Tags |
The tags |
Collection of string |
None. |
| Created |
When |
date |
None. |
Formats
application/json, text/json
{"Tags": ["a"], "Created": "2025-01-01T00:00:00+00:00"}
application/xml, text/xml
<Widget xmlns="urn:w"><Created>2025-01-01T00:00:00+00:00</Created><Tags /></Widget>
Response Information
Description
Successful Response - OK (200):
Response Content : Widget
| Name | Description | Type | Additional information |
|---|---|---|---|
| Tags | Collection of string |
None. |
Response Codes:
-
200 - OK
- fine
-
409 - Conflict
- busy
Formats
application/json, text/json
{"Tags": []}
"""

UNPIPED_PAGE = """\
[HTTP GET] ~/things/{thingId}

Description: Read a thing

Request Information

URI Parameters

NameDescriptionTypeAdditional information
thingId

The thing

integer

Required

Body Parameters

None

Response Information

Response Content : Thing

NameDescriptionTypeAdditional information
Values

Dictionary of string [key] and Object [value]

None.

Response Codes:

  \u2022 200 - OK
    \u2022 ok

Formats

application/json, text/json

Sample:
{"Values": {}}
"""

CHECKMARKET_PAGE = """\
Definition

PUT - 3/things/{thingId}

Rename a thing.

Required roles: Things (write), Things (read)

Request information

The thing

Name

Its name.


Type string
Additional info
Max length: 20
Nested

Something nested.


Response information

The result

Meta

Meta data.


Type MetaData
Sample:
{"Meta": {"Status": 200}}
Sample:
<Payload><Meta><Status>200</Status></Meta></Payload>

Related Examples

Title
Something else
"""


def parse(text: str) -> SeedPage:
    return parse_seed_page(text, Path("invented.txt"))


def test_piped_tables_broken_over_lines_give_names_and_types() -> None:
    page = parse(PIPED_PAGE)
    assert (page.api, page.method, page.path) == ("which50", "PUT", "/widgets/{widgetId}")
    assert page.uri_parameters == (
        SeedField("widgetId", "integer"),
        SeedField("tenant", "string"),
    )
    assert page.request is not None and page.request.name == "Widget"
    assert page.request.fields == (
        SeedField("Tags", "Collection of string"),
        SeedField("Created", "date"),
    )
    assert page.response is not None and page.response.name == "Widget"
    assert page.response.fields == (SeedField("Tags", "Collection of string"),)
    assert page.response_codes == (200, 409)


def test_query_prose_gives_methods_named_parameters_and_patch_match_values() -> None:
    page = parse(PIPED_PAGE)
    assert page.methods == ("PUT", "PATCH")
    assert page.query_parameters == ("customevents", "match")
    assert page.free_form_match_values is True


def test_samples_come_from_formats_only_not_from_the_prose() -> None:
    page = parse(PIPED_PAGE)
    assert [(s.region, s.value) for s in page.json_samples] == [
        ("request", {"Tags": ["a"], "Created": "2025-01-01T00:00:00+00:00"}),
        ("response", {"Tags": []}),
    ]
    assert [(s.region, s.root.tag) for s in page.xml_samples] == [("request", "{urn:w}Widget")]


def test_unpiped_tables_one_cell_per_line_give_names_and_types() -> None:
    page = parse(UNPIPED_PAGE)
    assert page.uri_parameters == (SeedField("thingId", "integer"),)
    assert page.request is None
    assert page.response is not None and page.response.name == "Thing"
    assert page.response.fields == (
        SeedField("Values", "Dictionary of string [key] and Object [value]"),
    )
    assert page.response_codes == (200,)
    assert page.methods == ("GET",)
    assert page.query_parameters == ()
    assert page.json_samples == (
        SeedJsonSample("response", ("application/json", "text/json"), {"Values": {}}),
    )


def test_checkmarket_pages_give_path_roles_members_lengths_and_samples() -> None:
    page = parse(CHECKMARKET_PAGE)
    assert (page.api, page.method, page.path) == ("checkmarket", "PUT", "/3/things/{thingId}")
    assert page.path_parameter_names == ("thingId",)
    assert page.required_roles == ("Things (write)", "Things (read)")
    assert page.request is not None
    assert page.request.fields == (SeedField("Name", "string", 20), SeedField("Nested", None))
    assert page.response is not None and page.response.name == "Payload"
    assert page.response.fields == (SeedField("Meta", "MetaData"),)
    assert [s.value for s in page.json_samples] == [{"Meta": {"Status": 200}}]
    assert [s.region for s in page.xml_samples] == ["response"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (PIPED_PAGE.replace("Collection of string |", "Bag of string |", 1), "unknown type"),
        (PIPED_PAGE.replace('{"Tags": []}', '{"Tags": [}'), "does not parse"),
        (UNPIPED_PAGE.replace("200 - OK", "OK"), "no response codes"),
        (CHECKMARKET_PAGE.replace("Type MetaData", "Type Meta Data"), "unknown type"),
        ("Nothing to see here\n", "neither"),
    ],
    ids=["unknown-type", "broken-json", "no-codes", "checkmarket-type", "unknown-layout"],
)
def test_pages_the_parser_does_not_understand_raise(text: str, message: str) -> None:
    with pytest.raises(SeedParseError, match=message):
        parse(text)


# --- the real pages -------------------------------------------------------------------------


def test_a_page_without_body_parameters_has_no_request_samples(seed_page: SeedPage) -> None:
    if seed_page.request is None:
        assert not [s for s in seed_page.json_samples if s.region == "request"]
        assert not [s for s in seed_page.xml_samples if s.region == "request"]
    else:
        assert [s for s in seed_page.json_samples if s.region == "request"]


def test_json_samples_of_one_region_agree_and_use_only_documented_members(
    seed_page: SeedPage,
) -> None:
    for region, dto in (("request", seed_page.request), ("response", seed_page.response)):
        samples = [s.value for s in seed_page.json_samples if s.region == region]
        if dto is None:
            continue
        assert samples, f"no {region} JSON sample"
        assert all(sample == samples[0] for sample in samples), "csp-report differs from JSON"
        assert isinstance(samples[0], dict)
        assert set(samples[0]) <= {field.name for field in dto.fields}


def test_every_page_names_its_operation_and_response(seed_page: SeedPage) -> None:
    assert seed_page.path.startswith("/")
    assert seed_page.method in seed_page.methods
    assert seed_page.response is not None and seed_page.response.fields
    assert [s for s in seed_page.xml_samples if s.region == "response"]
    if seed_page.api == "which50":
        assert 200 in seed_page.response_codes
    else:
        assert seed_page.required_roles
