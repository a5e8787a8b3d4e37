"""Our DataContract reader against .NET's, document by document (issue 17's table): for each
hand-made document, Mono's DataContractSerializer (behind XmlDictionaryReader.CreateTextReader,
ASP.NET Web API's reader) and our codec either both refuse it, or both read it to the same
value. .NET fills the members a document does not set with their defaults (0, false, null);
ours leaves them out, as JSON would: a member absent from our value must hold its default in
.NET's.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from contactimport.datacontract import XmlDecodeError

from .interop_dotnet import DotNet, DotNetError
from .test_mono_interop import decode, encode

pytestmark = pytest.mark.mono

I_NS = "http://www.w3.org/2001/XMLSchema-instance"
DTO = "http://schemas.datacontract.org/2004/07/W50API.Models.DTO"
COMMON = "http://schemas.datacontract.org/2004/07/W50Common.Model.DTO"
CONTROLLERS = "http://schemas.datacontract.org/2004/07/W50API.Controllers"
ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
XS = "http://www.w3.org/2001/XMLSchema"

JOB = f'<ImportJob xmlns:i="{I_NS}" xmlns="{DTO}">{{}}</ImportJob>'
CONTACT = (
    f'<Contact xmlns:i="{I_NS}" xmlns="{DTO}" xmlns:b="{COMMON}" xmlns:a="{ARRAYS}" '
    f'xmlns:x="{XS}">{{}}</Contact>'
)
REQUEST = (
    f'<ImportJobCreateRequest xmlns:i="{I_NS}" xmlns="{CONTROLLERS}" xmlns:a="{ARRAYS}">'
    "<FieldNames>{}</FieldNames></ImportJobCreateRequest>"
)
CONFIG = (
    f'<BaseImportConfig xmlns:i="{I_NS}"><SurveySettings>{{}}</SurveySettings></BaseImportConfig>'
)


def entry(inner: str) -> str:
    return CONTACT.format(
        f"<b:Values><a:KeyValueOfstringanyType>{inner}</a:KeyValueOfstringanyType></b:Values>"
    )


# (case, schema, document, what we report as ignored, or None when both must refuse it)
CASES: list[tuple[str, str, str, list[str] | None]] = [
    (
        "id-before-contact-list-id",
        "ImportJob",
        JOB.format(
            "<Id>5</Id><ContactListId>3</ContactListId><CurrentStatus>X</CurrentStatus>"
            "<TotalContacts>4</TotalContacts>"
        ),
        ["ImportJob.ContactListId (out of order)", "ImportJob.CurrentStatus (out of order)"],
    ),
    (
        "member-twice",
        "ImportJob",
        JOB.format("<ContactListId>3</ContactListId><ContactListId>4</ContactListId>"),
        ["ImportJob.ContactListId (repeated)"],
    ),
    (
        "base-member-after-derived",
        "Contact",
        CONTACT.format(
            "<b:ListId>2</b:ListId><b:Id>1</b:Id><ValidationWarnings/>"
            "<b:EncContactId>e</b:EncContactId>"
        ),
        ["Contact.Id (out of order)", "Contact.EncContactId (out of order)"],
    ),
    ("nil-on-an-int", "ImportJob", JOB.format('<Id i:nil="true"/>'), None),
    (
        "nil-false-on-an-int",
        "ImportJob",
        JOB.format('<CurrentStatus i:nil="true"/><Id i:nil="false">3</Id>'),
        [],
    ),
    (
        "timespan-min-value",
        "ImportConfig",
        CONFIG.format("<InvitationTime>-P10675199DT2H48M5.4775808S</InvitationTime>"),
        [],
    ),
    (
        "timespan-below-min-value",
        "ImportConfig",
        CONFIG.format("<InvitationTime>-P10675199DT2H48M5.4775809S</InvitationTime>"),
        None,
    ),
    (
        "timespan-max-value",
        "ImportConfig",
        CONFIG.format("<InvitationTime>P10675199DT2H48M5.4775807S</InvitationTime>"),
        [],
    ),
    (
        "processing-instruction-between-members",
        "ImportJob",
        JOB.format("<ContactListId>3</ContactListId><?pi x?><CurrentStatus>X</CurrentStatus>"),
        None,
    ),
    (
        "unknown-element-in-an-array",
        "ImportJobCreateRequest",
        REQUEST.format(
            "<a:string>A</a:string><a:other>B</a:other><a:string>C</a:string>"
            "<x>1</x><a:string>D</a:string>"
        ),
        [
            "ImportJobCreateRequest.FieldNames.other (not an item element)",
            "ImportJobCreateRequest.FieldNames.x (not an item element)",
        ],
    ),
    (
        "misnamed-dictionary-item",
        "Contact",
        CONTACT.format(
            '<b:Values><a:KeyValueOfstringanyType><a:Key>k</a:Key><a:Value i:type="x:string">v'
            "</a:Value></a:KeyValueOfstringanyType><a:Wrong><a:Key>k2</a:Key></a:Wrong>"
            "</b:Values>"
        ),
        ["Contact.Values.Wrong (not a dictionary entry)"],
    ),
    (
        "value-before-key",
        "Contact",
        entry('<a:Value i:type="x:string">v</a:Value><a:Key>k</a:Key>'),
        None,
    ),
    ("key-without-value", "Contact", entry("<a:Key>k</a:Key>"), None),
    ("empty-entry", "Contact", entry(""), None),
    (
        "extra-elements-in-an-entry",
        "Contact",
        entry(
            '<a:Extra/><a:Key>k</a:Key><a:Key>k2</a:Key><a:Value i:type="x:string">v</a:Value>'
            '<a:Value i:type="x:string">w</a:Value>'
        ),
        [
            "Contact.Values.Extra (unknown element)",
            "Contact.Values.Key (repeated)",
            "Contact.Values.Value (repeated)",
        ],
    ),
    (
        "double-beyond-max",
        "Contact",
        entry('<a:Key>k</a:Key><a:Value i:type="x:double">1e400</a:Value>'),
        None,
    ),
    (
        "double-infinity",
        "Contact",
        entry('<a:Key>k</a:Key><a:Value i:type="x:double">INF</a:Value>'),
        [],
    ),
    (
        "xml-version-1.1",
        "ImportJob",
        '<?xml version="1.1"?>' + JOB.format("<ContactListId>3</ContactListId>"),
        None,
    ),
]

DEFAULTS = (0, None, False)


def dotnet_read(dotnet: DotNet, schema: str, xml: str) -> Any:
    return json.loads(dotnet.run(schema, "xml2json", xml))


def same_reading(theirs: Any, ours: Any) -> bool:
    """Whether .NET's object is ours, members ours leaves out holding .NET's defaults."""
    if isinstance(theirs, dict) and isinstance(ours, dict):
        theirs = {key: value for key, value in theirs.items() if key != "$id"}
        return all(
            same_reading(value, ours[key]) if key in ours else value in DEFAULTS
            for key, value in theirs.items()
        ) and set(ours) <= set(theirs)
    if isinstance(theirs, list) and isinstance(ours, list):
        return len(theirs) == len(ours) and all(map(same_reading, theirs, ours))
    if isinstance(theirs, float) and isinstance(ours, float):
        return theirs == ours
    return bool(theirs == ours) or (theirs == "Infinity" and ours == float("inf"))


@pytest.mark.parametrize(
    ("schema", "xml", "reported"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_our_reader_reads_what_dotnet_reads_and_refuses_what_it_refuses(
    dotnet: DotNet, schema: str, xml: str, reported: list[str] | None
) -> None:
    ignored: list[str] = []
    if reported is None:
        with pytest.raises(DotNetError):
            dotnet_read(dotnet, schema, xml)
        with pytest.raises(XmlDecodeError):
            decode_reporting(schema, xml, ignored)
        return
    theirs = dotnet_read(dotnet, schema, xml)
    ours = decode_reporting(schema, xml, ignored)
    assert same_reading(theirs, ours), (theirs, ours)
    assert ignored == reported


def decode_reporting(schema: str, xml: str, ignored: list[str]) -> Any:
    from .test_mono_interop import API_OF, CODECS

    return CODECS[API_OF[schema]].decode(schema, xml, ignored=ignored)


def test_timespan_min_value_crosses_json_and_xml_both_ways(dotnet: DotNet) -> None:
    value = {"SurveySettings": {"SurveyId": 1, "InvitationTime": "-10675199.02:48:05.4775808"}}
    theirs = dotnet.run("ImportConfig", "json2xml", json.dumps(value))
    assert "<InvitationTime>-P10675199DT2H48M5.4775808S</InvitationTime>" in theirs
    ours = encode("ImportConfig", value)
    assert "<InvitationTime>-P10675199DT2H48M5.4775808S</InvitationTime>" in ours
    assert decode("ImportConfig", theirs)["SurveySettings"]["InvitationTime"] == (
        "-10675199.02:48:05.4775808"
    )


# -- Json.NET's rules for JSON, as the vendor reads it (default settings) ----------------------

DATE_LIKE = [
    "2025-01-22T05:05:51.4493182Z",
    "2025-01-22T05:05:51Z",
    "2025-01-22T05:05:51",
    "2025-01-22T05:05:51.123Z",
    "2025-01-22T05:05:51+00:00",
]
NOT_DATES = [
    "2025-01-22",
    "2025-01-22T05:05",
    "2025-01-22 05:05:51",
    "2025-1-22T05:05:51",
    " 2025-01-22T05:05:51Z",
    "2025-02-30T05:05:51Z",
    "2025-01-22T05:05:51.12345678Z",
    "2025-01-22T24:00:00Z",
    "2025-01-22t05:05:51z",
]


def test_date_looking_values_are_typed_as_dotnet_types_them(dotnet: DotNet) -> None:
    values = {f"v{n}": text for n, text in enumerate(DATE_LIKE + NOT_DATES)}
    value = {"EncContactId": "e", "Id": 0, "ListId": 1, "Values": values, "ValidationWarnings": []}
    theirs = dotnet.run("Contact", "vendorjson2xml", json.dumps(value))
    assert encode("Contact", value) == theirs
    assert decode("Contact", theirs)["Values"] == values
    assert theirs.count('i:type="d4p1:dateTime"') == len(DATE_LIKE)


@pytest.mark.parametrize(
    "text",
    [
        "24:00:00",
        "99:23:59",
        "-24:00:00",
        "23:59:59",
        "00:00:00.1",
        "1.00:00:00",
        "24:30:15",
        "24:00:60",
        "25:00:00.5",
        "1.24:00:00",
        "10675199.02:48:05.4775807",
    ],
)
def test_json_timespans_are_read_as_json_net_reads_them(dotnet: DotNet, text: str) -> None:
    from contactimport.datacontract import XmlEncodeError, canonical_timespan

    value = {"SurveySettings": {"SurveyId": 1, "InvitationTime": text}}
    try:
        theirs = dotnet.run("ImportConfig", "vendorjson2json", json.dumps(value))
    except DotNetError:
        assert canonical_timespan(text) is None
        with pytest.raises(XmlEncodeError):
            encode("ImportConfig", value)
        return
    assert json.loads(theirs)["SurveySettings"]["InvitationTime"] == canonical_timespan(text)
    their_xml = dotnet.run("ImportConfig", "vendorjson2xml", json.dumps(value))
    duration = their_xml.split("<InvitationTime>")[1].split("<")[0]
    assert f"<InvitationTime>{duration}</InvitationTime>" in encode("ImportConfig", value)
