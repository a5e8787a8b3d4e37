"""The DataContract codec's rules, each pinned with the spec fragment it reads stated inline."""

from __future__ import annotations

from typing import Any

import pytest
from contactimport.datacontract import (
    DataContractCodec,
    DataContractSpecError,
    XmlDecodeError,
    XmlEncodeError,
)

I_NS = "http://www.w3.org/2001/XMLSchema-instance"
Z_NS = "http://schemas.microsoft.com/2003/10/Serialization/"
ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
DTO = "http://schemas.datacontract.org/2004/07/W50API.Models.DTO"
COMMON = "http://schemas.datacontract.org/2004/07/W50Common.Model.DTO"
OTHER = "http://schemas.datacontract.org/2004/07/Other"


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def contract(name: str, namespace: str = DTO, **extra: Any) -> dict[str, Any]:
    return {"name": name, "namespace": namespace, "isReference": False, **extra}


SCHEMAS: dict[str, Any] = {
    "Job": {
        "type": "object",
        "x-datacontract": contract("ImportJob"),
        "properties": {
            "Id": {"type": "integer", "format": "int32"},
            "CurrentStatus": {"type": "string", "nullable": True},
            "StartDate": {"type": "string", "format": "date-time"},
            "Ratio": {"type": "number"},
            "Done": {"type": "boolean"},
            "Names": {"type": "array", "items": {"type": "string"}},
            "Wait": {"type": "string", "x-datacontract-type": "timespan"},
        },
    },
    "Contact": {
        "type": "object",
        "x-datacontract": contract(
            "Contact",
            base={"name": "ContactDTO", "namespace": COMMON, "members": ["EncContactId", "Values"]},
        ),
        "properties": {
            "Values": {"type": "object", "x-datacontract-type": "dictionary"},
            "EncContactId": {"type": "string"},
            "Warnings": {"type": "array", "items": {"type": "string"}},
        },
    },
    "ArrayOfContact": {
        "type": "array",
        "x-datacontract": contract("ArrayOfContact"),
        "items": ref("Contact"),
    },
    "Holder": {
        "type": "object",
        "x-datacontract": contract("Holder"),
        "properties": {
            "Inner": {"allOf": [ref("Inner")], "description": "a nested type elsewhere"},
            "Items": {"type": "array", "items": ref("Inner")},
        },
    },
    "Inner": {
        "type": "object",
        "x-datacontract": contract("Inner", OTHER),
        "properties": {"B": {"type": "string"}, "A": {"type": "integer"}},
    },
    "Config": {
        "type": "object",
        "x-datacontract": contract("BaseImportConfig", "", isReference=True),
        "properties": {"Name": {"type": "string"}, "Link": ref("Link")},
    },
    "Link": {
        "type": "object",
        "x-datacontract": contract("Link", "", isReference=True),
        "properties": {"Href": {"type": "string"}},
    },
    "Payload": {
        "type": "object",
        "x-datacontract": contract("Payload", "", isReference=True),
        "properties": {"Data": {"oneOf": [{"type": "string"}, ref("ErrorData")]}},
    },
    "ErrorData": {
        "type": "object",
        "x-datacontract": contract("ErrorData", ""),
        "properties": {"ErrorCode": {"type": "integer"}, "ErrorMessage": {"type": "string"}},
    },
}
CODEC = DataContractCodec.from_document({"components": {"schemas": SCHEMAS}})


def test_members_are_written_alphabetically_in_the_type_namespace_with_i_declared_on_the_root() -> (
    None
):
    xml = CODEC.encode("Job", {"Id": 1, "CurrentStatus": "Running", "Done": True})
    assert (
        xml
        == (
            f'<ImportJob xmlns:i="{I_NS}" xmlns="{DTO}"><CurrentStatus>Running</CurrentStatus>'
            "<Done>true</Done><Id>1</Id></ImportJob>"
        ).encode()
    )


def test_base_class_members_come_first_in_the_base_namespace() -> None:
    xml = CODEC.encode("Contact", {"Warnings": [], "EncContactId": "x", "Values": {}})
    assert xml.decode() == (
        f'<Contact xmlns:i="{I_NS}" xmlns="{DTO}">'
        f'<EncContactId xmlns="{COMMON}">x</EncContactId>'
        f'<Values xmlns:d2p1="{ARRAYS}" xmlns="{COMMON}" />'
        f'<Warnings xmlns:d2p1="{ARRAYS}" />'
        "</Contact>"
    )


def test_string_arrays_are_written_in_the_arrays_namespace_with_a_depth_prefix() -> None:
    xml = CODEC.encode("Job", {"Names": ["a", "b"]})
    assert (
        f'<Names xmlns:d2p1="{ARRAYS}"><d2p1:string>a</d2p1:string>'
        "<d2p1:string>b</d2p1:string></Names>"
    ) in xml.decode()


def test_dictionary_values_carry_the_xs_type_dotnet_writes_for_each_json_type() -> None:
    values = {"s": "text", "n": 42, "d": 1.5, "b": False, "null": None, "object": {}}
    xml = CODEC.encode("Contact", {"Values": values}).decode()
    xs = "http://www.w3.org/2001/XMLSchema"
    for key, xs_type, text in [
        ("s", "string", "text"),
        ("n", "long", "42"),
        ("d", "double", "1.5"),
    ]:
        assert (
            f"<d2p1:Key>{key}</d2p1:Key><d2p1:Value "
            f'xmlns:d4p1="{xs}" i:type="d4p1:{xs_type}">{text}</d2p1:Value>'
        ) in xml
    assert f'<d2p1:Value xmlns:d4p1="{xs}" i:type="d4p1:boolean">false</d2p1:Value>' in xml
    assert '<d2p1:Key>null</d2p1:Key><d2p1:Value i:nil="true" />' in xml
    assert "<d2p1:Key>object</d2p1:Key><d2p1:Value />" in xml
    assert CODEC.decode("Contact", xml) == {"Values": values}


def test_a_batch_writes_each_entry_as_dotnet_does_whatever_the_other_contacts_hold() -> None:
    """Markup worked out once per key and per call must not leak between contacts."""
    batch: list[dict[str, Any] | None] = [
        {"Values": {"a&b": "x<y", "n": 5, "t": True, "f": False, "z": None, "d": 0.5}},
        {"Values": {"a&b": "plain", "t": False, "d": 1e20, "n": -(2**63)}},
        None,
        {},
        {"Values": {}},
    ]
    xs = "http://www.w3.org/2001/XMLSchema"

    def entry(key: str, xs_type: str, text: str) -> str:
        return (
            f"<d3p1:KeyValueOfstringanyType><d3p1:Key>{key}</d3p1:Key><d3p1:Value "
            f'xmlns:d5p1="{xs}" i:type="d5p1:{xs_type}">{text}</d3p1:Value>'
            "</d3p1:KeyValueOfstringanyType>"
        )

    values = f'<Values xmlns:d3p1="{ARRAYS}" xmlns="{COMMON}"'
    expected = (
        f'<ArrayOfContact xmlns:i="{I_NS}" xmlns="{DTO}">'
        f"<Contact>{values}>"
        + entry("a&amp;b", "string", "x&lt;y")
        + entry("n", "long", "5")
        + entry("t", "boolean", "true")
        + entry("f", "boolean", "false")
        + "<d3p1:KeyValueOfstringanyType><d3p1:Key>z</d3p1:Key>"
        '<d3p1:Value i:nil="true" /></d3p1:KeyValueOfstringanyType>'
        + entry("d", "double", "0.5")
        + f"</Values></Contact><Contact>{values}>"
        + entry("a&amp;b", "string", "plain")
        + entry("t", "boolean", "false")
        + entry("d", "double", "1E+20")
        + entry("n", "long", str(-(2**63)))
        + f'</Values></Contact><Contact i:nil="true" /><Contact /><Contact>{values} /></Contact>'
        "</ArrayOfContact>"
    )
    xml = CODEC.encode("ArrayOfContact", batch)
    assert xml.decode() == expected
    assert CODEC.decode("ArrayOfContact", xml) == batch


def test_dictionary_values_of_every_xs_type_dotnet_writes_are_read() -> None:
    pairs = "".join(
        f"<a:KeyValueOfstringanyType><a:Key>{key}</a:Key>{value}</a:KeyValueOfstringanyType>"
        for key, value in [
            ("int", '<a:Value i:type="x:int">7</a:Value>'),
            ("short", '<a:Value i:type="x:short"> -3 </a:Value>'),
            ("decimal", '<a:Value i:type="x:decimal">1.10</a:Value>'),
            ("float", '<a:Value i:type="x:float">2.5</a:Value>'),
            ("date", '<a:Value i:type="x:dateTime">2025-11-14T16:20:52.4841747+00:00</a:Value>'),
            ("guid", '<a:Value i:type="z:guid">00000000-0000-0000-0000-000000000000</a:Value>'),
            ("span", '<a:Value i:type="z:duration">PT1M</a:Value>'),
            ("char", '<a:Value i:type="z:char">99</a:Value>'),
            ("any", '<a:Value i:type="x:anyType" />'),
            ("nil", '<a:Value i:nil="true" />'),
        ]
    )
    xml = (
        f'<Contact xmlns:i="{I_NS}" xmlns:x="http://www.w3.org/2001/XMLSchema" xmlns:z="{Z_NS}" '
        f'xmlns="{DTO}"><Values xmlns="{COMMON}" xmlns:a="{ARRAYS}">{pairs}</Values></Contact>'
    )
    assert CODEC.decode("Contact", xml)["Values"] == {
        "int": 7,
        "short": -3,
        "decimal": 1.1,
        "float": 2.5,
        "date": "2025-11-14T16:20:52.4841747+00:00",
        "guid": "00000000-0000-0000-0000-000000000000",
        "span": "00:01:00",
        "char": "c",
        "any": {},
        "nil": None,
    }


DOUBLE_TEXTS = [
    *("0", "5.", ".5", "89.08", "007.250", "1" * 40, "9" * 299, f"0.{'1' * 298}"),
    *(" 1.5", "1.5\n", "+1.5", "-1.5", "1e5", "1.5E-3", "INF", "-INF", "NaN"),
    *(".", "", "1.2.3", "1,5", "\u0663.\u0665", "\uff11", "9" * 309, f"{'9' * 309}.0", "0x1p3"),
]


@pytest.mark.parametrize("text", DOUBLE_TEXTS)
def test_a_dictionary_double_reads_as_xs_double_reads_its_text(text: str) -> None:
    """The dictionary loop reads plain decimals (digits, at most one point) itself; every text
    reads as `parse_double`, the xs:double rule, reads it: the same value, or refused alike."""
    from contactimport.datacontract._lexical import parse_double

    xml = (
        f'<Contact xmlns:i="{I_NS}" xmlns="{DTO}"><Values xmlns="{COMMON}" xmlns:a="{ARRAYS}">'
        "<a:KeyValueOfstringanyType><a:Key>d</a:Key><a:Value "
        'xmlns:x="http://www.w3.org/2001/XMLSchema" i:type="x:double">'
        f"{text}</a:Value></a:KeyValueOfstringanyType></Values></Contact>"
    )
    expected = parse_double(text)
    if expected is None:
        with pytest.raises(XmlDecodeError, match=r'Values\["d"\]: not a double'):
            CODEC.decode("Contact", xml)
        return
    value = CODEC.decode("Contact", xml)["Values"]["d"]
    assert type(value) is float
    assert value == expected or (value != value and expected != expected)  # NaN


def test_nested_type_in_another_namespace_is_declared_on_the_member_element() -> None:
    value = {"Inner": {"A": 1, "B": "b"}, "Items": [{"A": 2}]}
    xml = CODEC.encode("Holder", value).decode()
    assert xml == (
        f'<Holder xmlns:i="{I_NS}" xmlns="{DTO}">'
        f'<Inner xmlns:d2p1="{OTHER}"><d2p1:A>1</d2p1:A><d2p1:B>b</d2p1:B></Inner>'
        f'<Items xmlns:d2p1="{OTHER}"><d2p1:Inner><d2p1:A>2</d2p1:A></d2p1:Inner></Items>'
        "</Holder>"
    )
    assert CODEC.decode("Holder", xml) == value


def test_reference_types_carry_z_id_in_document_order() -> None:
    xml = CODEC.encode("Config", {"Name": "n", "Link": {"Href": "h"}}).decode()
    assert xml == (
        f'<BaseImportConfig xmlns:i="{I_NS}" z:Id="i1" xmlns:z="{Z_NS}">'
        '<Link z:Id="i2"><Href>h</Href></Link><Name>n</Name></BaseImportConfig>'
    )


def test_z_ref_reads_as_a_copy_of_the_object_it_names() -> None:
    xml = (
        f'<BaseImportConfig xmlns:i="{I_NS}" xmlns:z="{Z_NS}" z:Id="i1">'
        '<Link z:Id="i2"><Href>h</Href></Link></BaseImportConfig>'
    )
    assert CODEC.decode("Config", xml) == {"Link": {"Href": "h"}}
    dangling = f'<BaseImportConfig xmlns:z="{Z_NS}"><Link z:Ref="i9" /></BaseImportConfig>'
    with pytest.raises(XmlDecodeError, match=r"Config\.Link: z:Ref 'i9' names no earlier z:Id"):
        CODEC.decode("Config", dangling)


def test_null_is_i_nil_and_absent_members_stay_absent() -> None:
    xml = CODEC.encode("Job", {"CurrentStatus": None})
    assert xml.decode().endswith('<CurrentStatus i:nil="true" /></ImportJob>')
    assert CODEC.decode("Job", xml) == {"CurrentStatus": None}


def test_empty_string_and_empty_object_are_distinct_from_null() -> None:
    xml = CODEC.encode("Job", {"CurrentStatus": ""}).decode()
    assert "<CurrentStatus></CurrentStatus>" in xml
    assert CODEC.decode("Job", xml) == {"CurrentStatus": ""}
    assert CODEC.decode("Holder", CODEC.encode("Holder", {"Inner": {}})) == {"Inner": {}}


def test_timespan_is_xs_duration_in_xml_and_json_net_text_in_json() -> None:
    for json_text, duration in [
        ("00:00:00.1234567", "PT0.1234567S"),
        ("00:00:00", "PT0S"),
        ("1.02:03:04.0050000", "P1DT2H3M4.005S"),
        ("14:30:00", "PT14H30M"),
        ("-00:00:00.0000001", "-PT0.0000001S"),
        ("2.00:00:00", "P2D"),
    ]:
        xml = CODEC.encode("Job", {"Wait": json_text}).decode()
        assert f"<Wait>{duration}</Wait>" in xml
        assert CODEC.decode("Job", xml) == {"Wait": json_text}


def test_timespan_in_short_json_forms_reads_back_in_the_canonical_form() -> None:
    xml = CODEC.encode("Job", {"Wait": "1:02:03.5"})
    assert b"<Wait>PT1H2M3.5S</Wait>" in xml
    assert CODEC.decode("Job", xml) == {"Wait": "01:02:03.5000000"}


def test_xml_durations_with_years_and_months_read_as_dotnet_counts_them() -> None:
    xml = f'<ImportJob xmlns="{DTO}"><Wait>P1Y2M3DT0.123456789S</Wait></ImportJob>'
    assert CODEC.decode("Job", xml) == {"Wait": "428.00:00:00.1234567"}


def test_date_time_text_crosses_unchanged_and_is_checked() -> None:
    for text in [
        "2025-11-14T16:20:52.4841747+00:00",
        "2024-04-18T22:14:18Z",
        "0001-01-01T00:00:00",
    ]:
        xml = CODEC.encode("Job", {"StartDate": text})
        assert f"<StartDate>{text}</StartDate>".encode() in xml
        assert CODEC.decode("Job", xml) == {"StartDate": text}
    assert b"<StartDate>2025-01-01T00:00:00Z</StartDate>" in CODEC.encode(
        "Job", {"StartDate": "2025-01-01t00:00:00z"}
    )
    for bad in ["2025-02-30T00:00:00Z", "2025-01-01T00:00:00.123456789Z", "yesterday"]:
        with pytest.raises(XmlEncodeError, match=r"^Job\.StartDate: not a date-time"):
            CODEC.encode("Job", {"StartDate": bad})


def test_doubles_are_written_as_dotnet_framework_does() -> None:
    for value, text in [
        (1.5, "1.5"),
        (1e15, "1E+15"),
        (1e-05, "1E-05"),
        (0.0001, "0.0001"),
        (1234567890123456.0, "1234567890123456"),
        (1 / 3, "0.33333333333333331"),
        (0.1 + 0.2, "0.30000000000000004"),
        (-0.0, "0"),
        (100.0, "100"),
    ]:
        xml = CODEC.encode("Job", {"Ratio": value})
        assert f"<Ratio>{text}</Ratio>".encode() in xml, value
        assert CODEC.decode("Job", xml) == {"Ratio": value}


def test_union_member_is_text_for_a_string_and_elements_for_an_object() -> None:
    text = CODEC.encode("Payload", {"Data": "Not found"})
    assert b"<Data>Not found</Data>" in text
    assert CODEC.decode("Payload", text) == {"Data": "Not found"}
    error = {"ErrorCode": 4, "ErrorMessage": "bad"}
    xml = CODEC.encode("Payload", {"Data": error})
    assert b"<Data><ErrorCode>4</ErrorCode><ErrorMessage>bad</ErrorMessage></Data>" in xml
    assert CODEC.decode("Payload", xml) == {"Data": error}


def test_an_empty_object_in_a_union_with_a_string_round_trips_by_its_i_type() -> None:
    # `<Data />` is both an empty string and an object without members; the i:type tells them
    # apart, as DataContractSerializer's own i:type does for a member declared as `object`.
    empty = CODEC.encode("Payload", {"Data": {}})
    assert b'<Data i:type="ErrorData" />' in empty
    assert CODEC.decode("Payload", empty) == {"Data": {}}
    blank = CODEC.encode("Payload", {"Data": ""})
    assert b"<Data></Data>" in blank or b"<Data />" in blank
    assert CODEC.decode("Payload", blank) == {"Data": ""}


def test_a_union_member_with_an_i_type_is_read_as_the_alternative_it_names() -> None:
    head = f'<Payload xmlns:i="{I_NS}" xmlns:x="http://www.w3.org/2001/XMLSchema">'
    cases: dict[str, object] = {
        '<Data i:type="ErrorData"><ErrorCode>4</ErrorCode></Data>': {"ErrorCode": 4},
        '<Data i:type="x:string">Not found</Data>': "Not found",
        '<Data i:type="x:string" />': "",
    }
    for data, expected in cases.items():
        assert CODEC.decode("Payload", f"{head}{data}</Payload>") == {"Data": expected}
    with pytest.raises(
        XmlDecodeError,
        match=r"^Payload\.Data: i:type 'x:long' names .*long, not \{\}ErrorData or a type of kind",
    ):
        CODEC.decode("Payload", f'{head}<Data i:type="x:long">1</Data></Payload>')


def test_an_integer_without_a_format_is_an_int64() -> None:
    # `A: {type: integer}` (no format): xs:long, bounded like one both ways, naming the field
    inner = f'<Holder xmlns:i="{I_NS}" xmlns="{DTO}"><Inner xmlns:d2p1="{OTHER}"><d2p1:A>{{}}'
    inner += "</d2p1:A></Inner></Holder>"
    assert CODEC.decode("Holder", inner.format(2**63 - 1)) == {"Inner": {"A": 2**63 - 1}}
    with pytest.raises(
        XmlDecodeError, match=r"^Holder\.Inner\.A: out of range for a 64-bit integer$"
    ):
        CODEC.decode("Holder", inner.format(2**63))
    with pytest.raises(
        XmlEncodeError, match=r"^Holder\.Inner\.A: out of range for a 64-bit integer$"
    ):
        CODEC.encode("Holder", {"Inner": {"A": -(2**63) - 1}})
    count = DataContractCodec.from_document(
        {"components": {"schemas": {"Count": {"type": "integer"}}}}
    )
    assert count.root_element("Count") == (Z_NS, "long")


def test_an_integer_format_other_than_int32_or_int64_is_a_spec_error() -> None:
    document = {
        "components": {
            "schemas": {
                "Small": {
                    "type": "object",
                    "x-datacontract": contract("Small"),
                    "properties": {"N": {"type": "integer", "format": "int16"}},
                }
            }
        }
    }
    with pytest.raises(DataContractSpecError, match=r"^Small\.N: integer format 'int16' is not"):
        DataContractCodec.from_document(document).encode("Small", {"N": 1})


def test_top_level_arrays_name_items_by_their_contract() -> None:
    value = [{"Values": {"Email": "a@b.c"}}, {"EncContactId": "e"}]
    xml = CODEC.encode("ArrayOfContact", value).decode()
    assert xml.startswith(f'<ArrayOfContact xmlns:i="{I_NS}" xmlns="{DTO}"><Contact>')
    assert f'<Values xmlns:d3p1="{ARRAYS}" xmlns="{COMMON}"><d3p1:KeyValueOfstringanyType>' in xml
    assert CODEC.decode("ArrayOfContact", xml) == value
    assert CODEC.encode("ArrayOfContact", []) == (
        f'<ArrayOfContact xmlns:i="{I_NS}" xmlns="{DTO}" />'.encode()
    )


def test_reading_skips_out_of_order_and_unknown_members_and_accepts_whitespace_and_nil() -> None:
    # Contract order: CurrentStatus, Done, Id, Names. As DataContractSerializer does, a member
    # that comes after a later one is skipped (Done, CurrentStatus after Id), and so is a
    # member given twice (the second Id).
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
    <ImportJob xmlns:i="{I_NS}" xmlns="{DTO}">
      <Unknown><Deep>ignored</Deep></Unknown>
      <Id> 7 </Id>
      <!-- a comment -->
      <Done>1</Done>
      <CurrentStatus i:nil="true"/>
      <Names xmlns:a="{ARRAYS}">
        <a:string> keep spaces </a:string>
      </Names>
      <Id>8</Id>
      <Other xmlns="urn:elsewhere">x</Other>
    </ImportJob>"""
    ignored: list[str] = []
    assert CODEC.decode("Job", xml, ignored=ignored) == {"Id": 7, "Names": [" keep spaces "]}
    assert ignored == [
        "Job.Unknown (unknown element)",
        "Job.Done (out of order)",
        "Job.CurrentStatus (out of order)",
        "Job.Id (repeated)",
        "Job.Other (unknown element)",
    ]
    in_order = f"""<ImportJob xmlns:i="{I_NS}" xmlns="{DTO}">
      <CurrentStatus i:nil="true"/> <Done>1</Done> <Id> 7 </Id></ImportJob>"""
    assert CODEC.decode("Job", in_order) == {"CurrentStatus": None, "Done": True, "Id": 7}


def test_members_in_a_foreign_namespace_are_unknown_members() -> None:
    xml = f'<ImportJob xmlns="{DTO}"><Id xmlns="{OTHER}">1</Id></ImportJob>'
    assert CODEC.decode("Job", xml) == {}


def test_text_round_trips_markup_characters_and_carriage_returns() -> None:
    text = "a < b && c > d\r\n\ttab ]]> \"quotes\" 'single' \U0001f600"
    xml = CODEC.encode("Job", {"CurrentStatus": text})
    assert b"&#xD;" in xml and b"&lt;" in xml
    assert CODEC.decode("Job", xml) == {"CurrentStatus": text}


@pytest.mark.parametrize(
    "character", ["\x00", "\x01", "\x0b", "\x1f", "\ud800", "\udfff", "\uffff"]
)
def test_text_xml_cannot_carry_is_refused_naming_the_field(character: str) -> None:
    with pytest.raises(XmlEncodeError, match=r"^Job\.CurrentStatus: text XML 1\.0 cannot carry"):
        CODEC.encode("Job", {"CurrentStatus": f"ok{character}ok"})
    with pytest.raises(XmlEncodeError, match=r'^Contact\.Values\["Email"\]: text XML 1\.0'):
        CODEC.encode("Contact", {"Values": {"Email": f"a{character}@b.c"}})
    with pytest.raises(XmlEncodeError, match=r"^Job\.Names\[1\]: text XML 1\.0"):
        CODEC.encode("Job", {"Names": ["fine", character]})
    with pytest.raises(XmlEncodeError, match=r"in the key$"):
        CODEC.encode("Contact", {"Values": {f"k{character}": 1}})


def test_encode_errors_name_the_path_and_the_rule() -> None:
    cases: list[tuple[str, Any, str]] = [
        ("Job", {"Id": "1"}, r"^Job\.Id: expected an integer, got string$"),
        ("Job", {"Id": True}, r"^Job\.Id: expected an integer, got boolean$"),
        ("Job", {"Id": 2**31}, r"^Job\.Id: out of range for a 32-bit integer$"),
        ("Job", {"Done": "yes"}, r"^Job\.Done: expected a boolean, got string$"),
        ("Job", {"Ratio": "1"}, r"^Job\.Ratio: expected a number, got string$"),
        ("Job", {"Wait": "24:30:15"}, r"^Job\.Wait: not a TimeSpan"),  # 24 days, 30 hours
        ("Job", {"Surprise": 1}, r"^Job\.Surprise: not a member of Job$"),
        ("Job", [], r"^Job: expected an object \(Job\), got array$"),
        ("Job", None, r"^Job: a document root cannot be null$"),
        ("Contact", {"Values": {"a": [1]}}, r'^Contact\.Values\["a"\]: a Dictionary<string'),
        ("Contact", {"Values": {"a": {"b": 1}}}, r'^Contact\.Values\["a"\]: a Dictionary'),
        ("Contact", {"Values": {"a": 2**63}}, r'^Contact\.Values\["a"\]: integer out of range'),
        ("ArrayOfContact", [{"Values": 1}], r"^ArrayOfContact\[0\]\.Values: expected an object"),
        ("Payload", {"Data": [1]}, r"^Payload\.Data: no alternative of the schema takes array$"),
    ]
    for schema, value, message in cases:
        with pytest.raises(XmlEncodeError, match=message):
            CODEC.encode(schema, value)


def test_decode_errors_name_the_path_and_the_rule() -> None:
    head = f'<ImportJob xmlns:i="{I_NS}" xmlns="{DTO}">'
    cases = [
        (f"{head}<Id>one</Id></ImportJob>", r"^Job\.Id: not an integer$"),
        (f"{head}<Id>2147483648</Id></ImportJob>", r"^Job\.Id: out of range for a 32-bit"),
        (f"{head}<Done>yes</Done></ImportJob>", r"^Job\.Done: not a boolean"),
        (f"{head}<Ratio>1,5</Ratio></ImportJob>", r"^Job\.Ratio: not a double"),
        (f"{head}<Wait>00:01:00</Wait></ImportJob>", r"^Job\.Wait: not an xs:duration"),
        (f"{head}<StartDate>today</StartDate></ImportJob>", r"^Job\.StartDate: not an xs:date"),
        (f'<ImportJob xmlns="{OTHER}"/>', r"^Job: expected the root element \{.*DTO\}ImportJob"),
        ("<ImportJob", r"^not well-formed XML"),
    ]
    for xml, message in cases:
        with pytest.raises(XmlDecodeError, match=message):
            CODEC.decode("Job", xml)


def _contact_values(pairs: str, declarations: str = "") -> str:
    return (
        f'<Contact xmlns:i="{I_NS}" xmlns="{DTO}"><Values xmlns="{COMMON}" xmlns:a="{ARRAYS}"'
        f"{declarations}>{pairs}</Values></Contact>"
    )


def test_i_type_prefixes_are_resolved_where_each_value_is_even_when_the_text_repeats() -> None:
    xs = "http://www.w3.org/2001/XMLSchema"
    pair = "<a:KeyValueOfstringanyType><a:Key>{}</a:Key>{}</a:KeyValueOfstringanyType>"
    pairs = "".join(
        pair.format(key, value)
        for key, value in [
            # the same i:type text, bound differently: the binding nearest the value counts
            ("xs", f'<a:Value xmlns:p="{xs}" i:type="p:long">5</a:Value>'),
            ("again", f'<a:Value xmlns:p="{xs}" i:type="p:long">6</a:Value>'),
            ("default", f'<a:Value xmlns="{xs}" i:type="boolean">true</a:Value>'),
            ("long", f'<a:Value xmlns:{"p" * 500}="{xs}" i:type="{"p" * 500}:long">7</a:Value>'),
        ]
    )
    other = ' xmlns:p="urn:not-xml-schema"'
    values = CODEC.decode("Contact", _contact_values(pairs, other))
    assert values["Values"] == {"xs": 5, "again": 6, "default": True, "long": 7}
    # p:long outside the XML Schema namespace is a type .NET does not know: refused, as .NET does
    unknown = pair.format("other", '<a:Value i:type="p:long">5</a:Value>')
    with pytest.raises(
        XmlDecodeError,
        match=r"^Contact\.Values\[\"other\"\]: i:type 'p:long' names \{urn:not-xml-schema\}long, "
        "a type .NET does not know$",
    ):
        CODEC.decode("Contact", _contact_values(pairs + unknown, other))
    undeclared = pair.format("k", '<a:Value i:type="q:long">5</a:Value>')
    with pytest.raises(
        XmlDecodeError,
        match=r"^Contact\.Values\[\"k\"\]: i:type 'q:long' names \{\}long \(its prefix 'q' is not "
        r"declared\), a type \.NET does not know$",
    ):
        CODEC.decode("Contact", _contact_values(undeclared))


def test_dictionary_entries_in_any_shape_dotnet_accepts_are_read() -> None:
    xs = ' xmlns:x="http://www.w3.org/2001/XMLSchema"'
    pairs = (
        # an unknown element before the Key, a second Value after the first: skipped
        "<a:KeyValueOfstringanyType><a:Other/><a:Key>twice</a:Key>"
        '<a:Value i:type="x:long">1</a:Value><a:Value i:type="x:long">2</a:Value>'
        "</a:KeyValueOfstringanyType>"
        # i:nil="false" and a type; whitespace around a number
        '<a:KeyValueOfstringanyType><a:Key>notnil</a:Key><a:Value i:nil="false" '
        'i:type="x:int"> 3 </a:Value></a:KeyValueOfstringanyType>'
        # text split by a comment (removed while parsing)
        '<a:KeyValueOfstringanyType><a:Key>sp<!-- c -->lit</a:Key><a:Value i:type="x:string">'
        "a<!-- c -->b</a:Value></a:KeyValueOfstringanyType>"
        # an unknown extra element in the entry is skipped
        "<a:KeyValueOfstringanyType><a:Key>extra</a:Key><a:Other/>"
        '<a:Value i:type="x:boolean">0</a:Value></a:KeyValueOfstringanyType>'
    )
    ignored: list[str] = []
    assert CODEC.decode("Contact", _contact_values(pairs, xs), ignored=ignored)["Values"] == {
        "twice": 1,
        "notnil": 3,
        "split": "ab",
        "extra": False,
    }
    assert ignored == [
        "Contact.Values.Other (unknown element)",
        "Contact.Values.Value (repeated)",
        "Contact.Values.Other (unknown element)",
    ]


def test_malformed_dictionary_entries_are_refused_naming_the_entry() -> None:
    xs = ' xmlns:x="http://www.w3.org/2001/XMLSchema"'
    cases = [
        (
            '<a:KeyValueOfstringanyType><a:Key>n</a:Key><a:Value i:type="x:long">1.5</a:Value>'
            "</a:KeyValueOfstringanyType>",
            r'^Contact\.Values\["n"\]: not an integer$',
        ),
        (
            '<a:KeyValueOfstringanyType><a:Key>b</a:Key><a:Value i:type="x:boolean">yes'
            "</a:Value></a:KeyValueOfstringanyType>",
            r'^Contact\.Values\["b"\]: not a boolean',
        ),
        (
            '<a:KeyValueOfstringanyType><a:Key i:nil="true"/><a:Value i:type="x:long">1'
            "</a:Value></a:KeyValueOfstringanyType>",
            r"^Contact\.Values: a dictionary entry without a Key$",
        ),
        (
            '<a:KeyValueOfstringanyType><a:Value i:type="x:long">1</a:Value>'
            "</a:KeyValueOfstringanyType>",
            r"^Contact\.Values: a dictionary entry without a Key$",
        ),
        (
            '<a:KeyValueOfstringanyType><a:Value i:type="x:long">1</a:Value><a:Key>k</a:Key>'
            "</a:KeyValueOfstringanyType>",
            r"^Contact\.Values: a dictionary entry with its Value before its Key$",
        ),
        (
            "<a:KeyValueOfstringanyType><a:Key>alone</a:Key></a:KeyValueOfstringanyType>",
            r"^Contact\.Values: a dictionary entry without a Value$",
        ),
        (
            "<a:KeyValueOfstringanyType></a:KeyValueOfstringanyType>",
            r"^Contact\.Values: a dictionary entry without a Key$",
        ),
    ]
    for pairs, message in cases:
        with pytest.raises(XmlDecodeError, match=message):
            CODEC.decode("Contact", _contact_values(pairs, xs))


def test_duplicate_dictionary_keys_are_refused_as_dotnet_refuses_them() -> None:
    pair = (
        "<a:KeyValueOfstringanyType><a:Key>k</a:Key><a:Value i:nil='true'/>"
        "</a:KeyValueOfstringanyType>"
    )
    xml = (
        f'<Contact xmlns:i="{I_NS}" xmlns="{DTO}"><Values xmlns="{COMMON}" xmlns:a="{ARRAYS}">'
        f"{pair}{pair}</Values></Contact>"
    )
    with pytest.raises(XmlDecodeError, match=r'^Contact\.Values\["k"\]: the key occurs twice'):
        CODEC.decode("Contact", xml)


def test_errors_never_quote_the_value() -> None:
    secret = "jane.doe@example.com\x01"
    with pytest.raises(XmlEncodeError) as caught:
        CODEC.encode("Contact", {"Values": {"Email": secret}})
    assert "jane" not in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert caught.value.path == 'Contact.Values["Email"]'


def test_a_document_without_schemas_is_refused_clearly() -> None:
    with pytest.raises(DataContractSpecError, match="components/schemas"):
        DataContractCodec.from_document({"openapi": "3.0.3"})
    bad_base = {
        "X": {
            "type": "object",
            "x-datacontract": contract("X", base={"namespace": COMMON, "members": ["Missing"]}),
            "properties": {"A": {"type": "string"}},
        }
    }
    codec = DataContractCodec.from_document({"components": {"schemas": bad_base}})
    with pytest.raises(DataContractSpecError, match="'Missing', not a property"):
        codec.encode("X", {})
    with pytest.raises(KeyError, match="no schema named 'Nope'"):
        codec.encode("Nope", {})


def test_the_root_element_of_a_schema_is_public() -> None:
    assert CODEC.root_element("Config") == ("", "BaseImportConfig")
    assert CODEC.root_element("ArrayOfContact") == (DTO, "ArrayOfContact")


def test_for_api_reads_the_generated_spec_package_once() -> None:
    pytest.importorskip("contactimport.generated.spec")
    codec = DataContractCodec.for_api("which50")
    assert codec is DataContractCodec.for_api("which50")
    assert "ImportJob" in codec.schema_names


def test_for_api_says_how_to_get_the_spec_package_when_it_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from contactimport.datacontract import codec as codec_module

    monkeypatch.setitem(sys.modules, "contactimport.generated.spec", None)
    monkeypatch.setattr(codec_module, "_by_api", {})
    with pytest.raises(
        ImportError, match=r"needs the generated package contactimport.generated.spec"
    ):
        DataContractCodec.for_api("checkmarket")


def test_one_codec_decodes_and_encodes_from_many_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    values = [{"Id": n, "Names": [str(n)] * (n % 4), "CurrentStatus": f"s{n}"} for n in range(200)]

    def round_trip(value: dict[str, Any]) -> Any:
        return CODEC.decode("Job", CODEC.encode("Job", value))

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(round_trip, values)) == values


# --- x-wire-formats: a member XML does not carry --------------------------------------------------


def wire_marked(formats: Any) -> DataContractCodec:
    """A contact whose `Score` member is marked `x-wire-formats: <formats>`."""
    schemas = {
        "Contact": {
            "type": "object",
            "x-datacontract": contract(
                "Contact",
                base={"namespace": COMMON, "members": ["EncContactId", "Score"]},
            ),
            "properties": {
                "EncContactId": {"type": "string"},
                "Score": {"type": "integer", "format": "int32", "x-wire-formats": formats},
                "Name": {"type": "string"},
            },
        }
    }
    return DataContractCodec.from_document({"components": {"schemas": schemas}})


def test_a_member_json_alone_carries_is_not_written_and_its_element_is_ignored() -> None:
    codec = wire_marked(["json"])
    xml = codec.encode("Contact", {"EncContactId": "e1", "Score": 7, "Name": "Ann"})
    assert (
        xml
        == (
            f'<Contact xmlns:i="{I_NS}" xmlns="{DTO}">'
            f'<EncContactId xmlns="{COMMON}">e1</EncContactId><Name>Ann</Name></Contact>'
        ).encode()
    )
    with_score = (
        f'<Contact xmlns="{DTO}"><EncContactId xmlns="{COMMON}">e1</EncContactId>'
        f'<Score xmlns="{COMMON}">7</Score><Name>Ann</Name></Contact>'
    )
    assert codec.decode("Contact", with_score) == {"EncContactId": "e1", "Name": "Ann"}
    with pytest.raises(XmlEncodeError, match=r"Contact\.Other: not a member of Contact"):
        codec.encode("Contact", {"Other": 1})


@pytest.mark.parametrize("formats", [["xml"], ["json", "xml"]])
def test_a_member_xml_carries_is_written_and_read_in_its_place(formats: list[str]) -> None:
    codec = wire_marked(formats)
    value = {"EncContactId": "e1", "Score": 7, "Name": "Ann"}
    xml = codec.encode("Contact", value)
    assert f'<Score xmlns="{COMMON}">7</Score><Name>'.encode() in xml
    assert codec.decode("Contact", xml) == value


@pytest.mark.parametrize("formats", [[], ["soap"], "xml", None])
def test_a_malformed_wire_format_list_is_a_spec_error_naming_the_member(formats: Any) -> None:
    with pytest.raises(DataContractSpecError, match=r"Contact\.Score: x-wire-formats must be"):
        wire_marked(formats).encode("Contact", {"Name": "Ann"})


@pytest.mark.parametrize("nil", ["false", "0", " false "])
def test_i_nil_false_is_a_value_not_null(nil: str) -> None:
    """Only i:nil="true" (or "1") means null; i:nil="false"/"0" is the element's value, for
    scalars, arrays, nested objects, roots and dictionary keys and values alike."""
    xs = ' xmlns:x="http://www.w3.org/2001/XMLSchema"'
    job = (
        f'<ImportJob xmlns:i="{I_NS}" xmlns="{DTO}" i:nil="{nil}">'
        f'<CurrentStatus i:nil="{nil}">Running</CurrentStatus><Id i:nil="{nil}">7</Id>'
        f'<Names i:nil="{nil}" xmlns:a="{ARRAYS}"><a:string i:nil="{nil}">n</a:string></Names>'
        "</ImportJob>"
    )
    assert CODEC.decode("Job", job) == {"CurrentStatus": "Running", "Id": 7, "Names": ["n"]}
    holder = (
        f'<Holder xmlns:i="{I_NS}" xmlns="{DTO}"><Inner i:nil="{nil}" xmlns:o="{OTHER}">'
        "<o:A>1</o:A></Inner></Holder>"
    )
    assert CODEC.decode("Holder", holder) == {"Inner": {"A": 1}}
    pair = (
        f'<a:KeyValueOfstringanyType><a:Key i:nil="{nil}">k</a:Key><a:Value i:nil="{nil}" '
        'i:type="x:string">v</a:Value></a:KeyValueOfstringanyType>'
    )
    assert CODEC.decode("Contact", _contact_values(pair, xs))["Values"] == {"k": "v"}


@pytest.mark.parametrize("nil", ["true", "1", " true "])
def test_i_nil_true_or_1_is_null(nil: str) -> None:
    job = f'<ImportJob xmlns:i="{I_NS}" xmlns="{DTO}"><CurrentStatus i:nil="{nil}"/></ImportJob>'
    assert CODEC.decode("Job", job) == {"CurrentStatus": None}
    pair = (
        f'<a:KeyValueOfstringanyType><a:Key>k</a:Key><a:Value i:nil="{nil}"/>'
        "</a:KeyValueOfstringanyType>"
    )
    assert CODEC.decode("Contact", _contact_values(pair))["Values"] == {"k": None}
