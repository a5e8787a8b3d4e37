"""match / customevents helpers: validation before any request, and the exact query on the wire."""

from __future__ import annotations

import copy
import json

import contactimport.generated.spec
import httpx
import pytest
from contactimport._spec import operation_specs
from contactimport.errors import InvalidParameterError
from contactimport.querystring import (
    CustomEvents,
    MatchOn,
    MatchValues,
    build_query,
    check_contacts_carry_match,
    check_names_against_fields,
    encode_query,
    reserved_query_names,
)
from contactimport.which50 import Which50, contact

CONTACT_JSON = {"Values": {"Email": "a@example.com", "ReferanceAccountId": 7}}
FIELD = {"DefaultValue": "", "MapType": "Text", "Position": 1, "ContactSchemaFieldValues": []}
JOB = {
    "Id": 3,
    "ContactListId": 1,
    "InvalidEmailCount": 0,
    "InvalidSmsCount": 0,
    "ProgressPercent": 0,
    "CurrentStatus": "Running",
    "StartDate": "2026-11-25T10:00:00.0000000+00:00",
    "FinishDate": None,
    "InsertedContacts": 0,
    "UpdatedContacts": 0,
    "DroppedContacts": 0,
    "NotUpdatedContacts": 0,
    "TotalContacts": 1,
}


def test_reserved_names_come_from_the_spec() -> None:
    assert reserved_query_names() == frozenset({"match", "customevents"})


def test_a_query_parameter_added_to_the_spec_is_reserved(monkeypatch: pytest.MonkeyPatch) -> None:
    document = contactimport.generated.spec.document("which50")
    run = document["paths"]["/contactLists/{contactListId}/import/{importJobId}/run"]["post"]
    run["parameters"].append({"name": "dryRun", "in": "query", "schema": {"type": "boolean"}})
    monkeypatch.setattr(
        contactimport.generated.spec, "document", lambda api: copy.deepcopy(document)
    )
    caches = (operation_specs, reserved_query_names)
    for cache in caches:
        cache.cache_clear()
    try:
        assert reserved_query_names() == frozenset({"match", "customevents", "dryrun"})
        with pytest.raises(InvalidParameterError, match="collides with the query parameter"):
            MatchOn("DryRun")
    finally:
        for cache in caches:
            cache.cache_clear()


def test_names_are_joined_by_one_comma_in_the_given_order() -> None:
    assert MatchOn("ReferanceAccountId", "Email").query() == [("match", "ReferanceAccountId,Email")]
    assert MatchOn(["Email"]).names == ("Email",)
    assert CustomEvents("SendWelcomeEmail", "SendEventInvite").query() == [
        ("customevents", "SendWelcomeEmail,SendEventInvite")
    ]


def test_match_values_carry_names_and_text_values() -> None:
    match = MatchValues({"ReferanceAccountId": 123456, "Email": "p@x.com", "Vip": True})
    assert match.query() == [
        ("match", "ReferanceAccountId,Email,Vip"),
        ("ReferanceAccountId", "123456"),
        ("Email", "p@x.com"),
        ("Vip", "true"),
    ]


@pytest.mark.parametrize(
    ("names", "fragment"),
    [
        ((), "at least one name"),
        (("",), "is empty: ''"),
        (("   ",), "is empty: '   '"),
        ((" Email",), "' Email' has leading or trailing blanks"),
        (("Email,Name",), "'Email,Name' contains a comma"),
        (("Email", "email"), "'email' is given twice (as 'Email')"),
        (("Email", "Email"), "'Email' is given twice"),
        (("match",), "'match' collides with the query parameter 'match'"),
        (("CustomEvents",), "'CustomEvents' collides with the query parameter 'customevents'"),
        (("Ema\nil",), "contains a control character"),
        ((42,), "must be a string, got 42"),
    ],
)
def test_bad_match_names_are_rejected_naming_the_value(
    names: tuple[object, ...], fragment: str
) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        MatchOn(*names)  # type: ignore[arg-type]
    assert fragment in str(caught.value)


def test_bad_custom_event_names_are_rejected_but_reserved_words_are_allowed() -> None:
    with pytest.raises(InvalidParameterError, match="'A,B' contains a comma"):
        CustomEvents("A,B")
    with pytest.raises(InvalidParameterError, match="given twice"):
        CustomEvents("Welcome", "welcome")
    assert CustomEvents("match").names == ("match",)  # an event may be called anything


def test_bad_match_values_are_rejected() -> None:
    with pytest.raises(InvalidParameterError, match="match value for 'Email'"):
        MatchValues({"Email": None})
    with pytest.raises(InvalidParameterError, match="'Ema,il' contains a comma"):
        MatchValues({"Ema,il": "x"})
    with pytest.raises(InvalidParameterError, match="control character"):
        MatchValues({"Email": "a\x00b"})


def test_build_query_and_encode_query_are_deprecated() -> None:
    """No client calls them (the generated operations encode the query): they warn until they
    are removed in 0.3.0."""
    with pytest.warns(DeprecationWarning, match="build_query is deprecated"):
        params = build_query(match=MatchOn("Email"), custom_events=CustomEvents("Welcome"))
    assert params == [*MatchOn("Email").query(), *CustomEvents("Welcome").query()]
    with pytest.warns(DeprecationWarning, match="encode_query is deprecated"):
        assert encode_query(params) == "match=Email&customevents=Welcome"


def test_names_are_checked_against_the_list_fields_with_a_hint() -> None:
    check_names_against_fields(["Email"], ["Email", "Mobile"], contact_list_id=1)
    with pytest.raises(InvalidParameterError) as caught:
        check_names_against_fields(["email"], ["Email", "Mobile"], contact_list_id=1)
    assert "'email' is not a field of contact list 1; did you mean 'Email'?" in str(caught.value)


def test_post_put_match_needs_the_values_in_every_contact() -> None:
    check_contacts_carry_match(MatchOn("Email"), [{"Email": "x"}])
    with pytest.raises(
        InvalidParameterError, match=r"contact #2 has no value for match name\(s\) 'Email'"
    ):
        check_contacts_carry_match(MatchOn("Email"), [{"Email": "x"}, {"Name": "y"}])


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path.endswith("/fields"):
            return httpx.Response(
                200, json=[FIELD | {"Id": 1, "Name": "Email"}, FIELD | {"Id": 2, "Name": "Ref"}]
            )
        if "/run" in request.url.path:
            return httpx.Response(200, json=JOB)
        return httpx.Response(200, json=json.loads(request.content or b"{}") or CONTACT_JSON)


def _client(recorder: Recorder, **options: object) -> Which50:
    return Which50(
        "token",
        base_url="https://w50.example/Which50API",
        transport=httpx.MockTransport(recorder),
        **options,  # type: ignore[arg-type]
    )


def test_patch_sends_match_and_values_as_the_seed_shows() -> None:
    recorder = Recorder()
    with _client(recorder) as w50:
        w50.patch_contacts(
            1,
            contact({"Mobile": "353871234567"}),
            match=MatchValues({"ReferanceAccountId": 123456, "Email": "pgannon@customerminds.com"}),
            custom_events=CustomEvents("SendWelcomeEmail", "SendEventInvite"),
        )
    (request,) = recorder.requests
    assert request.method == "PATCH"
    assert request.url.raw_path.decode() == (
        "/Which50API/contactLists/1/contact?customevents=SendWelcomeEmail,SendEventInvite"
        "&match=ReferanceAccountId,Email&ReferanceAccountId=123456"
        "&Email=pgannon%40customerminds.com"
    )


def test_put_run_sends_only_the_names() -> None:
    recorder = Recorder()
    with _client(recorder) as w50:
        w50.run_import_job_put(1, 3, match=MatchOn("ReferanceAccountId", "Email"))
    assert recorder.requests[0].url.raw_path.decode() == (
        "/Which50API/contactLists/1/import/3/run?match=ReferanceAccountId,Email"
    )


def test_bad_input_fails_before_any_request() -> None:
    recorder = Recorder()
    with _client(recorder) as w50:
        with pytest.raises(InvalidParameterError, match="'Email,Ref' contains a comma"):
            w50.run_import_job(1, 3, match=["Email,Ref"])
        with pytest.raises(InvalidParameterError, match="got the string 'Email'"):
            w50.run_import_job(1, 3, match="Email")
        with pytest.raises(InvalidParameterError, match="no value for match name"):
            w50.upsert_contact(1, contact({"Name": "x"}), match=MatchOn("Email"))
        with pytest.raises(InvalidParameterError, match="PATCH needs the values"):
            w50.patch_contacts(1, CONTACT_JSON, match=MatchOn("Email"))  # type: ignore[arg-type]
        with pytest.raises(InvalidParameterError, match=r"MatchValues .* is for the PATCH"):
            w50.upsert_contact(1, CONTACT_JSON, match=MatchValues({"Email": "x"}))  # type: ignore[arg-type]
    assert recorder.requests == []


def test_field_check_fetches_the_fields_once_and_names_the_unknown_one() -> None:
    recorder = Recorder()
    with _client(recorder, check_match_fields=True) as w50:
        w50.upsert_contact(1, CONTACT_JSON | {"Values": {"Email": "x", "Ref": 1}}, match=["Email"])
        w50.run_import_job(1, 3, match=["Email", "Ref"])
        with pytest.raises(
            InvalidParameterError, match="'Mobile' is not a field of contact list 1"
        ):
            w50.run_import_job(1, 3, match=["Mobile"])
        w50.run_import_job(1, 3, match=["Mobile"], check_fields=False)
    paths = [r.url.path for r in recorder.requests]
    assert paths.count("/Which50API/contactLists/1/fields") == 1
    assert len(paths) == 4  # fields once, upsert, run, unchecked run; the bad run never left


def test_field_cache_can_be_cleared() -> None:
    recorder = Recorder()
    with _client(recorder) as w50:
        w50.run_import_job(1, 3, match=["Email"], check_fields=True)
        w50.clear_field_cache()
        w50.run_import_job(1, 3, match=["Email"], check_fields=True)
    paths = [r.url.path for r in recorder.requests]
    assert paths.count("/Which50API/contactLists/1/fields") == 2


def test_the_item_rule_is_read_from_the_spec() -> None:
    from contactimport.generated.spec import document
    from contactimport.querystring import list_item_rule

    spec = document("which50")
    for parameter in ("match", "customevents"):
        rule = list_item_rule(parameter, spec)
        items = spec["components"]["parameters"][parameter]["schema"]["items"]
        assert rule.pattern is not None and rule.pattern.pattern == items["pattern"]
        assert rule.min_length == items["minLength"] == 1
        assert rule.problem("Welcome") is None
        assert rule.problem("A,B") == "contains a comma, the separator of the list"
    changed = copy.deepcopy(spec)
    changed["components"]["parameters"]["customevents"]["schema"]["items"]["pattern"] = "^[A-Z]+$"
    assert list_item_rule("customevents", changed).problem("Welcome") is not None
    assert list_item_rule("match", changed).problem("Welcome") is None


def test_a_name_with_a_blank_inside_is_a_name_but_one_at_either_end_is_not() -> None:
    assert CustomEvents("Send Welcome").names == ("Send Welcome",)
    # The pattern's blanks are ASCII (every regex engine agrees on them): NBSP, NEL are text.
    assert CustomEvents("\u00a0Send\x85").names == ("\u00a0Send\x85",)
    for name in (" Send", "Send\t", "Send\x7f", "\x85\x00"):
        with pytest.raises(InvalidParameterError):
            CustomEvents(name)
