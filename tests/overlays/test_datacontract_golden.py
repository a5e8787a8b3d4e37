"""Golden samples: every XML sample of the vendors' pages, as the specs carry it and as the seed
pages show it, decodes to the value of the JSON sample beside it, and encoding that value gives
the sample back: same elements, namespaces and their prefixes, member order, attributes, text.

Two differences between a page's JSON and XML samples are the vendor's, not ours, and are
allowed by name:
- the W50 Contact's XML shows an `<Id>` member its JSON never shows (api-facts.md; the spec's
  `Contact.Id` is read-only and marked `x-wire-formats: [xml]`, which is where it is read from);
- CheckMarket's Payload sample renders `Meta.Timestamp` in UTC for JSON and at +01:00 for XML
  (the same instant): date-time strings are compared as instants.
"""

from __future__ import annotations

from typing import Any

import pytest
from contactimport.datacontract import DataContractCodec

from .test_datacontract_support import (
    SEED_ROOTS,
    Api,
    same_value,
    seed_files,
    seed_pairs,
    spec_document,
    spec_xml_examples,
    xml_tree,
)

APIS: tuple[Api, ...] = ("which50", "checkmarket")


def xml_only_members(api: Api, schema: str) -> set[str]:
    """The members the spec marks as absent from JSON (`x-wire-formats` without `json`)."""
    properties = spec_document(api)["components"]["schemas"][schema].get("properties", {})
    return {
        name
        for name, prop in properties.items()
        if "json" not in prop.get("x-wire-formats", ["json"])
    }


def test_the_xml_only_members_are_read_from_the_spec() -> None:
    assert xml_only_members("which50", "Contact") == {"Id"}
    others = [(api, schema) for api, schema in SEED_ROOTS.values() if schema != "Contact"]
    assert not any(xml_only_members(api, schema) for api, schema in others)


def codec(api: Api) -> DataContractCodec:
    return DataContractCodec.from_document(spec_document(api))


def without_xml_only(api: Api, schema: str, decoded: Any, json_sample: Any) -> Any:
    extra = xml_only_members(api, schema)
    if isinstance(decoded, dict) and isinstance(json_sample, dict):
        return {k: v for k, v in decoded.items() if k in json_sample or k not in extra}
    return decoded


def spec_cases() -> list[Any]:
    cases = []
    for api in APIS:
        for where, schema, json_sample, xml_sample in spec_xml_examples(api):
            cases.append(pytest.param(api, schema, json_sample, xml_sample, id=f"{api}:{where}"))
    return cases


SPEC_CASES = spec_cases()


def test_the_specs_carry_the_xml_samples_of_every_seed_body() -> None:
    schemas = {(case.values[0], case.values[1]) for case in SPEC_CASES}
    assert set(SEED_ROOTS.values()) <= schemas


@pytest.mark.parametrize(("api", "schema", "json_sample", "xml_sample"), SPEC_CASES)
def test_spec_xml_example_decodes_to_the_json_example_and_encodes_back(
    api: Api, schema: str, json_sample: Any, xml_sample: str
) -> None:
    the_codec = codec(api)
    decoded = the_codec.decode(schema, xml_sample)
    assert same_value(without_xml_only(api, schema, decoded, json_sample), json_sample), decoded
    assert xml_tree(the_codec.encode(schema, decoded)) == xml_tree(xml_sample)


def test_seed_pages_xml_samples_decode_to_their_json_samples_and_encode_back() -> None:
    checked: list[str] = []
    for path in seed_files():
        for root_name, json_sample, xml_sample in seed_pairs(path):
            api, schema = SEED_ROOTS[root_name]
            the_codec = codec(api)
            decoded = the_codec.decode(schema, xml_sample)
            assert same_value(without_xml_only(api, schema, decoded, json_sample), json_sample), (
                path.name,
                decoded,
            )
            assert xml_tree(the_codec.encode(schema, decoded)) == xml_tree(xml_sample), path.name
            checked.append(f"{path.name}:{root_name}")
    # 000-002: ImportJob; 001: the request too; 003: Contact twice; 004: request and response.
    assert len(checked) >= 8, checked


def test_encoding_the_json_sample_gives_the_xml_sample_where_json_shows_every_member() -> None:
    """Where no member is XML-only, the JSON sample itself encodes to the XML sample."""
    for path in seed_files():
        for root_name, json_sample, xml_sample in seed_pairs(path):
            api, schema = SEED_ROOTS[root_name]
            if xml_only_members(api, schema) or root_name == "Payload":
                continue  # Contact's Id; Payload's Timestamp is the same instant, other text
            encoded = codec(api).encode(schema, json_sample)
            assert xml_tree(encoded) == xml_tree(xml_sample), path.name


def test_the_tree_comparison_sees_prefixes_order_and_text() -> None:
    """The comparison the golden tests rely on is not blind to what they claim to check."""
    base = '<a xmlns="urn:x" xmlns:p="urn:y"><p:b>1</p:b><c>2</c></a>'
    assert xml_tree(base) == xml_tree(
        '<a xmlns="urn:x" xmlns:p="urn:y">\n  <p:b>1</p:b> <c>2</c></a>'
    )
    for different in [
        '<a xmlns="urn:x" xmlns:q="urn:y"><q:b>1</q:b><c>2</c></a>',  # prefix
        '<a xmlns="urn:x" xmlns:p="urn:y"><c>2</c><p:b>1</p:b></a>',  # order
        '<a xmlns="urn:x" xmlns:p="urn:y"><p:b>1</p:b><c>3</c></a>',  # text
        '<a xmlns="urn:x" xmlns:p="urn:y"><p:b x="1">1</p:b><c>2</c></a>',  # attribute
        '<a xmlns="urn:x"><b xmlns="urn:y">1</b><c>2</c></a>',  # declaration place
    ]:
        assert xml_tree(base) != xml_tree(different), different
