"""Interoperability with the real .NET serializers (Mono's DataContractSerializer behind
ASP.NET Web API's XmlWriter settings, and Json.NET), over [DataContract] classes shaped as the
vendors' pages describe (tests/interop/DataContractInterop.cs):

- .NET reads our XML and writes it again byte for byte as we wrote it;
- the XML .NET writes from a JSON body is the XML we write from the same JSON-shaped value, and
  we read it back to that value;
- .NET's JSON of our XML is our value (the XML and JSON paths agree on the .NET side too).

Values here are "complete": they carry every member .NET writes (it writes all members, nulls as
`i:nil`, except where the class says EmitDefaultValue=false). Date-times use `Z` or `+00:00`
(.NET re-renders other offsets in the server's zone) and doubles are any finite double.
"""

from __future__ import annotations

import json
import random
import re
import string
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from contactimport.datacontract import DataContractCodec

from .interop_dotnet import DotNet

if TYPE_CHECKING:
    from contactimport.generated.spec import Api

pytestmark = pytest.mark.mono

REPO = Path(__file__).resolve().parents[2]


def load_codec(api: Api) -> DataContractCodec:
    try:
        from contactimport.generated.spec import document
    except ImportError:
        import yaml

        source = REPO / "spec" / f"{api}.openapi.yaml"
        return DataContractCodec.from_document(yaml.safe_load(source.read_text(encoding="utf-8")))
    return DataContractCodec.from_document(document(api))


CODECS: dict[Api, DataContractCodec] = {
    "which50": load_codec("which50"),
    "checkmarket": load_codec("checkmarket"),
}
API_OF: dict[str, Api] = {
    "ImportJob": "which50",
    "ImportJobCreateRequest": "which50",
    "Contact": "which50",
    "ArrayOfContact": "which50",
    "ImportConfig": "checkmarket",
    "CreateImportConfigPayload": "checkmarket",
    "ContactsList": "which50",
    "ArrayOfContactsList": "which50",
    "ContactSchemaField": "which50",
    "ArrayOfContactSchemaField": "which50",
    "Error": "which50",
    "ImportContactList": "checkmarket",
    "ImportConfigPayload": "checkmarket",
    "ImportConfigListPayload": "checkmarket",
    "ImportConfigActionPayload": "checkmarket",
    "BulkImportPayload": "checkmarket",
    "ImportResultPayload": "checkmarket",
    "ErrorPayload": "checkmarket",
}

CONTACT = {
    "EncContactId": "k7Jd93-x_Q==",
    "Id": 5,
    "ListId": 3,
    "Values": {
        "Email": "pgannon@customerminds.com",
        "ReferanceAccountId": 123456,
        "Score": 0.30000000000000004,
        "Big": 9007199254740993,
        "Tiny": 5e-324,
        "Large": 1.7976931348623157e308,
        "Round": 1e15,
        "OptIn": True,
        "Nothing": None,
        "Markup": "<b> & \"quotes\" 'single' ]]> \t tab\nline",
        "Unicode": "Zoë Ångström 😀 \u2028",
        "Empty": "",
    },
    "ValidationWarnings": ["Email: not a valid address"],
}
SPARSE_CONTACT: dict[str, Any] = {
    "EncContactId": None,
    "Id": 0,
    "ListId": 0,
    "Values": {},
    "ValidationWarnings": None,
}
IMPORT_JOB = {
    "Id": 1,
    "ContactListId": 1,
    "InvalidEmailCount": 2,
    "InvalidSmsCount": 0,
    "ProgressPercent": 100,
    "CurrentStatus": "Finished",
    "StartDate": "2025-11-14T16:20:52.4841747+00:00",
    "FinishDate": "2025-11-14T16:21:03Z",
    "InsertedContacts": 7,
    "UpdatedContacts": 3,
    "DroppedContacts": 0,
    "NotUpdatedContacts": 1,
    "TotalContacts": 11,
}
IMPORT_CONFIG = {
    "Name": "Weekly CRM export",
    "ContactGroupId": 0,
    "ContactListId": 12,
    "SurveySettings": {
        "SurveyId": 4242,
        "InvitationDelayInDays": 1,
        "InvitationTime": "14:30:00",
        "ExpirationAfterDays": 30,
        "ExpirationTime": None,
        "ConsiderCooldownPeriod": True,
        "SurveyCooldownAfterInvitation": 10,
        "SurveyCooldownAfterResponse": 20,
        "AccountCooldownAfterInvitation": 5,
        "AccountCooldownAfterResponse": 15,
    },
    "ColumnMappings": [{"SourceColumnNumber": 64, "TargetColumnName": "Email"}],
    "EmailMustBeUniqueWithinAccount": True,
    "EmailMustBeUniqueWithinGroup": False,
    "EmailMustBeUniqueWithinFile": True,
    "EmailIsRequired": True,
    "DateFormat": "dd/MM/yyyy",
    "FirstRow": 1,
    "FieldDelimiter": ";",
    "RowDelimiter": "\n",
    "SendNotificationMail": False,
    "IsReusable": True,
    "DefaultLanguageCode": None,
    "UpdateTypeId": 1,
}
CASES: list[tuple[str, Any]] = [
    ("ImportJob", IMPORT_JOB),
    (
        "ImportJob",
        {**IMPORT_JOB, "CurrentStatus": "Created", "StartDate": None, "FinishDate": None},
    ),
    ("ImportJobCreateRequest", {"FieldNames": ["Email", "First & <Last>", "Zoë 😀"]}),
    ("ImportJobCreateRequest", {"FieldNames": []}),
    ("Contact", CONTACT),
    ("Contact", SPARSE_CONTACT),
    ("ArrayOfContact", [CONTACT, SPARSE_CONTACT]),
    ("ArrayOfContact", []),
    ("ImportConfig", IMPORT_CONFIG),
    ("ImportConfig", {**IMPORT_CONFIG, "ImportConfigId": 290, "SurveySettings": None}),
    (
        "CreateImportConfigPayload",
        {
            "Data": {"FailureMessage": None, "Succeeded": True, "ImportConfigId": 290},
            "Meta": {"Status": 200, "Timestamp": "2025-01-22T05:05:51.4493182Z"},
        },
    ),
]
CONTACTS_LIST = {"Id": 1, "Name": "Customers & <friends>", "Count": 12000}
FIELD = {
    "Id": 7,
    "Name": "Segment",
    "DefaultValue": "Standard",
    "MapType": None,
    "Position": 3,
    "ContactSchemaFieldValues": [
        {"Id": 1, "Value": "Standard", "Order": 0, "InUse": True},
        {"Id": 2, "Value": None, "Order": 1, "InUse": False},
    ],
}
IMPORT_CONTACT = {
    "FirstName": "Ada",
    "LastName": "Lovelace",
    "Email": "ada@example.com",
    "LangCode": "en",
    "CountryCode": "GB",
    "StateCode": None,
    "Phone": "+441234567890",
    "DateOfBirth": "10/12/1815",
    "CustomFields": {"Team": "Analytics", "Score": 3, "Ratio": 0.5, "VIP": True, "None": None},
}
META = {"Status": 200, "Timestamp": "2025-01-22T05:07:40.7654321Z"}
LINK = {"Href": "https://api.checkmarket.com/3/contacts/import/4711", "Method": "GET"}
COMPLETE_CONFIG = {**IMPORT_CONFIG, "ImportConfigId": 290}
CASES += [
    ("ContactsList", CONTACTS_LIST),
    ("ArrayOfContactsList", [CONTACTS_LIST, {"Id": 2, "Name": None, "Count": 0}]),
    ("ContactSchemaField", FIELD),
    ("ContactSchemaField", {**FIELD, "ContactSchemaFieldValues": None}),
    ("ArrayOfContactSchemaField", [FIELD, {**FIELD, "Id": 8, "ContactSchemaFieldValues": []}]),
    ("Error", {"Message": "The request is invalid.", "MessageDetail": None}),
    ("ImportContactList", [IMPORT_CONTACT, {**IMPORT_CONTACT, "CustomFields": {}}]),
    ("ImportConfigPayload", {"Data": COMPLETE_CONFIG, "Meta": META}),
    (
        "ImportConfigListPayload",
        {"Data": [COMPLETE_CONFIG], "Meta": {**META, "TotalRowCount": 1}, "Links": {"Self": LINK}},
    ),
    (
        "ImportConfigActionPayload",
        {"Data": {"FailureMessage": "The name is taken.", "Succeeded": False}, "Meta": META},
    ),
    ("BulkImportPayload", {"Data": {"QueueItemId": 4711}, "Meta": META}),
    (
        "ImportResultPayload",
        {
            "Data": {
                "QueueItemId": 4711,
                "StatusId": 4,
                "Result": {
                    "ImportResult": [
                        {"ResultCode": "R0301", "ContactCount": 1},
                        {"ResultCode": "R0308", "ContactCount": 2},
                    ]
                },
            },
            "Meta": META,
            "Links": {"Self": LINK, "Other": [LINK, {"Href": "https://x.example/y"}]},
        },
    ),
    ("ImportResultPayload", {"Data": {"QueueItemId": 4712, "StatusId": 1}, "Meta": META}),
    ("ErrorPayload", {"Data": "The queue item was not found.", "Meta": {**META, "Status": 404}}),
]
IDS = [f"{schema}-{index}" for index, (schema, _) in enumerate(CASES)]


def encode(schema: str, value: Any) -> str:
    return CODECS[API_OF[schema]].encode(schema, value).decode("utf-8")


def decode(schema: str, xml: str) -> Any:
    return CODECS[API_OF[schema]].decode(schema, xml)


def without_absent_nulls(dotnet_value: Any, ours: Any) -> Any:
    """Json.NET writes null members our value leaves out (EmitDefaultValue=false members) and a
    `$id` on IsReference objects."""
    if isinstance(dotnet_value, dict) and isinstance(ours, dict):
        return {
            key: without_absent_nulls(value, ours.get(key))
            for key, value in dotnet_value.items()
            if key != "$id" and (key in ours or value is not None)
        }
    if isinstance(dotnet_value, list) and isinstance(ours, list):
        return [without_absent_nulls(a, b) for a, b in zip(dotnet_value, ours, strict=False)]
    return dotnet_value


@pytest.mark.parametrize(("schema", "value"), CASES, ids=IDS)
def test_dotnet_reads_our_xml_and_writes_the_same_bytes(
    dotnet: DotNet, schema: str, value: Any
) -> None:
    ours = encode(schema, value)
    assert dotnet.run(schema, "xml2xml", ours) == ours


@pytest.mark.parametrize(("schema", "value"), CASES, ids=IDS)
def test_dotnet_xml_of_a_json_body_is_our_xml_of_that_value(
    dotnet: DotNet, schema: str, value: Any
) -> None:
    theirs = dotnet.run(schema, "json2xml", json.dumps(value))
    assert encode(schema, value) == theirs
    assert decode(schema, theirs) == value


@pytest.mark.parametrize(("schema", "value"), CASES, ids=IDS)
def test_dotnet_json_of_our_xml_is_our_value(dotnet: DotNet, schema: str, value: Any) -> None:
    their_json = json.loads(dotnet.run(schema, "xml2json", encode(schema, value)))
    assert without_absent_nulls(their_json, value) == value


def random_contacts(seed: int, count: int) -> list[dict[str, Any]]:
    """Contacts whose Values hold every JSON scalar kind, with awkward text and doubles."""
    rng = random.Random(seed)
    alphabet = string.printable.replace("\r", "").replace("\x0b", "").replace("\x0c", "")
    alphabet += "éßØ中文😀\u00a0\u2028&<>"

    def text() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))

    def scalar() -> Any:
        kind = rng.randrange(6)
        if kind == 0:
            return text()
        if kind == 1:
            return rng.choice([0, -1, 2**63 - 1, -(2**63), rng.randint(-(10**12), 10**12)])
        if kind == 2:
            return rng.choice(
                [rng.uniform(-1e6, 1e6), rng.random() * 10 ** rng.randint(-320, 300), -0.0, 0.1]
            )
        if kind == 3:
            return rng.random() < 0.5
        if kind == 4:
            return None
        return float(rng.randint(-(10**17), 10**17))

    return [
        {
            "EncContactId": text(),
            "Id": rng.randint(0, 2**31 - 1),
            "ListId": rng.randint(-(2**31), 2**31 - 1),
            "Values": {f"{text()}#{n}": scalar() for n in range(rng.randint(0, 8))},
            "ValidationWarnings": [text() for _ in range(rng.randint(0, 2))],
        }
        for _ in range(count)
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_contact_batches_are_byte_identical_both_ways(dotnet: DotNet, seed: int) -> None:
    contacts = random_contacts(seed, 60)
    ours = encode("ArrayOfContact", contacts)
    assert dotnet.run("ArrayOfContact", "xml2xml", ours) == ours
    theirs = dotnet.run("ArrayOfContact", "json2xml", json.dumps(contacts))
    assert theirs == ours
    assert decode("ArrayOfContact", theirs) == contacts


def test_carriage_returns_we_write_are_read_by_dotnet(dotnet: DotNet) -> None:
    """We write CR as `&#xD;`; .NET's writer would turn it into a line break and lose it."""
    value = {"FieldNames": ["a\rb", "c\r\nd"]}
    their_json = json.loads(
        dotnet.run("ImportJobCreateRequest", "xml2json", encode("ImportJobCreateRequest", value))
    )
    assert their_json == value


def test_seed_samples_read_by_dotnet_come_back_as_we_write_them(dotnet: DotNet) -> None:
    """The help pages' (indented) XML samples: .NET's rewrite of each equals ours."""
    from lxml import etree

    checked = 0
    for api in CODECS:
        for schema, sample in _spec_xml_samples(api):
            if schema not in API_OF:
                continue
            theirs = dotnet.run(schema, "xml2xml", sample)
            ours = encode(schema, decode(schema, sample))
            if schema == "Contact":
                # The sample's `{}` values are .NET `object`s: Mono writes them with
                # i:type="xs:anyType" where the page shows a bare <Value />; both read as {}.
                expected = decode(schema, sample)
                assert without_absent_nulls(decode(schema, theirs), expected) == expected
                assert b"anyType" in etree.tostring(etree.fromstring(theirs.encode()))
            elif theirs != ours:
                # .NET re-renders a DateTime with another offset in the machine's zone (UTC
                # here): the Payload sample's +01:00 Timestamp. Same instant, same document else.
                assert DATE_TIME.sub("", theirs) == DATE_TIME.sub("", ours), schema
                assert [instant(t) for t in DATE_TIME.findall(theirs)] == [
                    instant(t) for t in DATE_TIME.findall(ours)
                ], schema
            checked += 1
    assert checked >= 5


DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)")


def instant(text: str) -> datetime:
    """A date-time's instant (to the microsecond; the samples' 7th digit agrees anyway)."""
    match = re.fullmatch(r"(.{19})(?:\.(\d+))?(Z|[+-]\d\d:\d\d)", text)
    assert match is not None, text
    base, digits, zone = match.groups()
    moment = datetime.fromisoformat(base + ("+00:00" if zone == "Z" else zone))
    return moment + timedelta(microseconds=int((digits or "")[:6].ljust(6, "0")))


def _spec_xml_samples(api: Api) -> list[tuple[str, str]]:
    try:
        from contactimport.generated.spec import document
    except ImportError:
        import yaml

        spec: Any = yaml.safe_load(
            (REPO / "spec" / f"{api}.openapi.yaml").read_text(encoding="utf-8")
        )
    else:
        spec = document(api)
    samples: list[tuple[str, str]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            xml = node.get("application/xml")
            if isinstance(xml, dict) and "example" in xml:
                samples.append((xml["schema"]["$ref"].rsplit("/", 1)[1], xml["example"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return samples


def test_every_body_schema_of_both_specs_is_checked_against_dotnet() -> None:
    """Every schema a request or response body of either spec names (the DTOs) has a .NET class
    in DataContractInterop.cs and a case above, so all of them are checked both ways."""
    from contactimport.generated.spec import document

    bodies: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            xml = node.get("application/xml")
            if isinstance(xml, dict) and "$ref" in xml.get("schema", {}):
                bodies.add((xml["schema"]["$ref"]).rsplit("/", 1)[1])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for api in CODECS:
        walk(document(api)["paths"])
        walk(document(api)["components"].get("responses", {}))
    assert len(bodies) >= 15, bodies
    assert bodies <= set(API_OF), sorted(bodies - set(API_OF))
    assert bodies <= {schema for schema, _ in CASES}
