"""Property tests over every schema of both specs: for values generated from the JSON schema,
XML round-trips exactly (decode(encode(x)) == x) and agrees with the JSON path (the decoded value
equals what json.dumps/json.loads carries, and the generated pydantic models read both alike)."""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest
from contactimport.datacontract import DataContractCodec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .test_datacontract_support import Api, SchemaStrategies, spec_document, xml_tree

APIS: tuple[Api, ...] = ("which50", "checkmarket")
CODECS = {api: DataContractCodec.from_document(spec_document(api)) for api in APIS}
STRATEGIES = {api: SchemaStrategies(spec_document(api)) for api in APIS}
CASES = [
    pytest.param(api, name, id=f"{api}:{name}")
    for api in APIS
    for name in spec_document(api)["components"]["schemas"]
]
PROPERTY_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def pydantic_model(api: Api, schema: str) -> Any:
    """The generated pydantic model of a schema, or None when there is none to compare with."""
    try:
        models = importlib.import_module(f"contactimport.generated.{api}_models")
    except ImportError:
        return None
    return getattr(models, schema, None)


def test_every_schema_of_both_specs_is_covered() -> None:
    """The property tests run on every schema the codec knows (its own table, built from the
    document by the codec), and each has a generated pydantic model to check the JSON path
    against: without one the comparison in the round-trip test would be skipped silently."""
    covered = [(str(case.values[0]), str(case.values[1])) for case in CASES]
    known = {(api, name) for api in APIS for name in CODECS[api].schema_names}
    assert len(covered) == len(set(covered)), "a schema is tested twice"
    assert set(covered) == known
    assert {api for api, _ in covered} == set(APIS) and len(covered) > 30
    without_model = [
        f"{api}:{name}"
        for api in APIS
        for name in CODECS[api].schema_names
        if pydantic_model(api, name) is None
    ]
    assert not without_model, f"no generated pydantic model for {without_model}"


@pytest.mark.parametrize(("api", "schema"), CASES)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_xml_round_trips_every_schema_and_agrees_with_the_json_path(
    api: Api, schema: str, data: st.DataObject
) -> None:
    value = data.draw(STRATEGIES[api].for_schema(schema), label=schema)
    codec = CODECS[api]
    xml = codec.encode(schema, value)
    decoded = codec.decode(schema, xml)
    assert decoded == value
    via_json = json.loads(json.dumps(value))
    assert decoded == via_json
    # Re-encoding what was read gives the same document, byte for byte.
    assert codec.encode(schema, decoded) == xml
    model = pydantic_model(api, schema)
    if model is not None:
        from pydantic import TypeAdapter, ValidationError

        adapter: Any = TypeAdapter(model)
        try:
            from_json = adapter.validate_python(via_json)
        except ValidationError:
            return  # generated strings may break a format the model checks; both paths alike
        assert adapter.validate_python(decoded) == from_json


@pytest.mark.parametrize(("api", "schema"), CASES)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_decoding_ignores_layout_whitespace_between_elements(
    api: Api, schema: str, data: st.DataObject
) -> None:
    """An indented document (as the help pages show) reads the same as the compact one."""
    from lxml import etree

    value = data.draw(STRATEGIES[api].for_schema(schema), label=schema)
    codec = CODECS[api]
    compact = codec.encode(schema, value)
    root = etree.fromstring(compact)
    has_mixed_text = any(len(element) and (element.text or "").strip() for element in root.iter())
    if has_mixed_text:
        return
    etree.indent(root, space="  ")
    indented = etree.tostring(root)
    if xml_tree(indented) != xml_tree(compact):
        return  # indentation touched string content that is itself whitespace: not layout
    assert codec.decode(schema, indented) == value
