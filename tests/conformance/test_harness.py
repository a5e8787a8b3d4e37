"""The conformance harness itself: its config matches the specs, its credentials match the sandbox,
its XML deserializer really makes schemathesis check XML responses, and its failure filter only
drops what it says it drops.
"""

from __future__ import annotations

import datetime
import json
import tomllib
import urllib.parse
from typing import Any

import harness
import httpx
import pytest
import schemathesis
from conformance_wire import (
    codec_for,
    encode_request_body,
    query_is_valid,
    request_body_is_valid,
)
from contactimport_sandbox import load_fixtures
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import response_schema_conformance

FAST = harness.PROFILES["fast"]


def raw_config() -> dict[str, Any]:
    return tomllib.loads(harness.CONFIG_FILE.read_text(encoding="utf-8"))


def project(api: harness.Api) -> dict[str, Any]:
    title = harness.spec_title(api)
    found = [p for p in raw_config()["project"] if p["title"] == title]
    assert len(found) == 1, f"schemathesis.toml has no [[project]] titled {title!r}"
    result: dict[str, Any] = found[0]
    return result


def load(api: harness.Api) -> Any:
    config = schemathesis.Config.from_dict(harness.config_data(FAST, None))
    return schemathesis.openapi.from_path(harness.SPEC_FILES[api], config=config)


def documented_statuses(schema: Any) -> dict[str, set[str]]:
    return {
        op.definition.raw["operationId"]: set(op.definition.raw["responses"])
        for op in (result.ok() for result in schema.get_all_operations())
    }


@pytest.mark.parametrize("api", harness.APIS)
def test_every_spec_has_its_own_project_with_two_peer_identities(api: harness.Api) -> None:
    wfc = project(api)["auth"]["wfc"]
    assert wfc["peers"] == ["acme", "globex"]
    assert (harness.REPO_ROOT / wfc["path"]).is_file()


def test_417_is_accepted_exactly_where_the_spec_documents_it() -> None:
    operations = project("which50")["operations"]
    listed = {name for block in operations for name in block["include-operation-id"]}
    documented = {
        name for name, codes in documented_statuses(load("which50")).items() if "417" in codes
    }
    assert listed == documented
    checkmarket = documented_statuses(load("checkmarket"))
    assert not any("417" in codes for codes in checkmarket.values())
    assert "operations" not in project("checkmarket")


def _wfc_headers(api: harness.Api) -> dict[str, dict[str, str]]:
    import json

    path = harness.REPO_ROOT / project(api)["auth"]["wfc"]["path"]
    entries = json.loads(path.read_text(encoding="utf-8"))["auth"]
    return {e["name"]: {h["name"]: h["value"] for h in e["fixedHeaders"]} for e in entries}


def test_w50_identities_are_full_tokens_of_two_different_accounts() -> None:
    fixtures = load_fixtures(None)
    accounts = set()
    for headers in _wfc_headers("which50").values():
        scheme, _, token = headers["Authorization"].partition(" ")
        assert scheme == "Bearer"
        found = fixtures.w50_token(token)
        assert found is not None
        account, credentials = found
        assert credentials.permissions >= {"read", "write"}
        accounts.add(account.id)
    assert len(accounts) == 2


def test_checkmarket_identities_hold_every_role_the_spec_requires_in_two_accounts() -> None:
    fixtures = load_fixtures(None)
    schema = load("checkmarket")
    required = {
        role
        for result in schema.get_all_operations()
        for role in result.ok().definition.raw.get("x-required-roles", [])
    }
    accounts = set()
    for headers in _wfc_headers("checkmarket").values():
        found = fixtures.checkmarket_key(headers["X-Master-Key"], headers["X-Key"])
        assert found is not None
        account, credentials = found
        assert credentials.roles >= required
        accounts.add(account.id)
    assert len(accounts) == 2


def _import_job_response(case: Any, body: bytes) -> httpx.Response:
    request = httpx.Request("GET", "http://sandbox/Which50API/contactLists/1/import/7")
    response = httpx.Response(
        200, headers={"Content-Type": "application/xml"}, content=body, request=request
    )
    response.elapsed = datetime.timedelta(milliseconds=1)
    return response


VALID_JOB = {
    "Id": 7,
    "ContactListId": 1,
    "InvalidEmailCount": 0,
    "InvalidSmsCount": 0,
    "ProgressPercent": 0,
    "CurrentStatus": "Created",
    "StartDate": None,
    "FinishDate": None,
    "InsertedContacts": 0,
    "UpdatedContacts": 0,
    "DroppedContacts": 0,
    "NotUpdatedContacts": 0,
    "TotalContacts": 0,
}


def test_xml_responses_are_checked_against_the_schema_like_json() -> None:
    schema = load("which50")
    operation = schema["/contactLists/{contactListId}/import/{importJobId}"]["GET"]
    case = operation.Case(path_parameters={"contactListId": 1, "importJobId": 7})
    valid = codec_for(schema.raw_schema).encode("ImportJob", VALID_JOB)
    case.validate_response(_import_job_response(case, valid), checks=[response_schema_conformance])
    # The same XML with a negative counter: well-formed, readable, and against the schema.
    broken = valid.replace(b"<TotalContacts>0<", b"<TotalContacts>-5<")
    assert broken != valid
    with pytest.raises(FailureGroup):
        case.validate_response(
            _import_job_response(case, broken), checks=[response_schema_conformance]
        )


def test_the_wire_filter_keeps_invalid_xml_bodies_and_drops_only_valid_ones() -> None:
    schema = load("which50")
    document = schema.raw_schema
    operation = schema["/contactLists/{contactListId}/contact"]["POST"].definition.raw
    valid = encode_request_body(document, operation, "application/xml", {"Values": {"A": "x"}})
    assert request_body_is_valid(document, operation, "application/xml", valid)
    # ListId may not be null: the wire form (i:nil) still says null, so the report must stand.
    nil_list = encode_request_body(
        document, operation, "application/xml", {"ListId": None, "Values": {}}
    )
    assert not request_body_is_valid(document, operation, "application/xml", nil_list)
    # Values missing: invalid whatever the format.
    assert not request_body_is_valid(
        document,
        operation,
        "application/xml",
        encode_request_body(document, operation, "application/xml", {}),
    )
    assert not request_body_is_valid(document, operation, "application/xml", b"<Contact")
    # Text where the Values dictionary's entries belong: whatever a decoder makes of it.
    text_values = (
        b'<Contact xmlns="http://schemas.datacontract.org/2004/07/W50API.Models.DTO">'
        b'<Values xmlns="http://schemas.datacontract.org/2004/07/W50Common.Model.DTO">true</Values>'
        b"</Contact>"
    )
    assert not request_body_is_valid(document, operation, "application/xml", text_values)


def test_the_wire_filter_reads_members_in_contract_order_as_dotnet_does() -> None:
    schema = load("checkmarket")
    document = schema.raw_schema
    operation = schema["/3/contacts/import/configs"]["POST"].definition.raw
    broken = b"<ColumnMappings><ImportColumnMapping>null</ImportColumnMapping></ColumnMappings>"
    # ColumnMappings comes first in contract order: after Name, .NET skips it unread.
    skipped = b"<BaseImportConfig><Name>n</Name>" + broken + b"</BaseImportConfig>"
    assert request_body_is_valid(document, operation, "application/xml", skipped)
    read = b"<BaseImportConfig>" + broken + b"<Name>n</Name></BaseImportConfig>"
    assert not request_body_is_valid(document, operation, "application/xml", read)


def test_xml_request_bodies_leave_out_members_the_contract_does_not_declare() -> None:
    schema = load("which50")
    document = schema.raw_schema
    operation = schema["/contactLists/{contactListId}/contact"]["POST"].definition.raw
    body = {"Values": {"Email": "a@example.com"}, "Unknown": 1}
    encoded = encode_request_body(document, operation, "text/xml", body)
    assert b"Unknown" not in encoded
    assert codec_for(document).decode("Contact", encoded) == {"Values": {"Email": "a@example.com"}}


@pytest.mark.parametrize(
    ("path", "method", "query", "valid"),
    [
        ("/contactLists/{contactListId}/contact", "post", "match=Email,FirstName", True),
        # An empty form-style array is written `match=`: the empty list, not [""].
        ("/contactLists/{contactListId}/contact", "post", "match=&customevents=%7B%7D", True),
        # An empty name inside the list breaks items.minLength: the report must stand.
        ("/contactLists/{contactListId}/contact", "post", "match=Email,,FirstName", False),
        # Repeated non-exploded parameters are not a serialization the spec allows.
        ("/contactLists/{contactListId}/contact", "post", "match=Email&match=Mobile", False),
        # Unknown parameters only where a free-form object takes them (matchValues on PATCH).
        ("/contactLists/{contactListId}/contact", "post", "Email=a", False),
        ("/contactLists/{contactListId}/contact", "patch", "match=Email&Email=a", True),
    ],
)
def test_query_strings_are_judged_by_the_parameter_styles(
    path: str, method: str, query: str, valid: bool
) -> None:
    document = load("which50").raw_schema
    path_item = document["paths"][path]
    assert query_is_valid(document, path_item, path_item[method], query) is valid


@pytest.mark.parametrize(
    ("path", "method", "query", "valid"),
    [
        # Undeclared names are skipped as the APIs skip them; declared ones are still judged.
        ("/contactLists/{contactListId}/contact", "post", "Email=a&%C3%B2=x", True),
        ("/contactLists/{contactListId}/contact", "post", "Email=a&match=Email,,X", False),
        # With a free-form parameter (PATCH matchValues) every other name is one of its values.
        ("/contactLists/{contactListId}/contact", "patch", "match=Email&Email=a&Email=b", False),
    ],
)
def test_undeclared_query_names_can_be_skipped_as_the_apis_skip_them(
    path: str, method: str, query: str, valid: bool
) -> None:
    document = load("which50").raw_schema
    path_item = document["paths"][path]
    operation = path_item[method]
    assert query_is_valid(document, path_item, operation, query, ignore_undeclared=True) is valid


def test_checkmarket_rename_name_keeps_its_length_limits() -> None:
    document = load("checkmarket").raw_schema
    path_item = document["paths"]["/3/contacts/import/configs/{importConfigId}"]
    operation = path_item["put"]
    assert query_is_valid(document, path_item, operation, "name=Spring")
    assert not query_is_valid(document, path_item, operation, "name=")
    assert not query_is_valid(document, path_item, operation, "name=" + "x" * 51)


class AccountLeak(harness.ResettableSandbox):
    """A sandbox that serves globex's requests as acme's: no object-level authorization at all."""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            swap = {b"Bearer w50-globex-full": b"Bearer w50-acme-full"}
            headers = [
                (key, swap.get(value, value) if key == b"authorization" else value)
                for key, value in scope["headers"]
            ]
            scope = {**scope, "headers": headers}
        await self.target(scope, receive, send)


def test_object_level_authorization_catches_one_account_reading_another_s_contacts() -> None:
    """The two WFC identities really drive object_level_authorization (ST402).

    Stateful testing needs a way from the contact lists to the contacts; the link is added here
    (in memory, for this self-test only) in case the spec does not have it yet.
    """
    import hypothesis
    import yaml

    with harness.SPEC_FILES["which50"].open(encoding="utf-8") as handle:
        document = json.loads(json.dumps(yaml.safe_load(handle), default=str))
    links = document["paths"]["/contactLists"]["get"]["responses"]["200"].setdefault("links", {})
    links.setdefault(
        "upsertContact",
        {"operationId": "upsertContact", "parameters": {"contactListId": "$response.body#/0/Id"}},
    )
    config = schemathesis.Config.from_dict(harness.config_data(FAST, None))
    schema = schemathesis.openapi.from_dict(document, config=config)
    app = AccountLeak()
    schema.app = app
    machine: Any = schema.as_state_machine()

    class FreshLeakyWorkflow(machine):  # type: ignore[misc]
        def setup(self) -> None:
            super().setup()
            app.reset()

    settings = hypothesis.settings(
        max_examples=40,
        stateful_step_count=12,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    with pytest.raises(FailureGroup, match="Object-level authorization bypass"):
        FreshLeakyWorkflow.run(settings=settings)


def _positive_stateful_cases(operation: Any, path: dict[str, Any], count: int) -> list[Any]:
    """Positive cases of one operation as stateful testing draws them (hooks applied)."""
    import hypothesis
    from schemathesis.generation import GenerationMode
    from schemathesis.generation.meta import TestPhase

    cases: list[Any] = []
    strategy = operation.as_strategy(
        generation_mode=GenerationMode.POSITIVE, phase=TestPhase.STATEFUL, path_parameters=path
    )

    @hypothesis.given(strategy)
    @hypothesis.settings(
        max_examples=count,
        database=None,
        derandomize=True,
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    def collect(case: Any) -> None:
        cases.append(case)

    collect()
    return cases


def _matched(case: Any) -> list[str]:
    """The names of a case's `match` that each have a query value of their own (matchValues)."""
    query = case.query or {}
    names = [name for name in str(query.get("match", "")).split(",") if name]
    return names if names and all(name in query for name in names) else []


W50_ACME = {"Authorization": "Bearer w50-acme-full"}


def test_patch_runs_are_steered_to_the_job_s_field_names_with_a_value_for_each() -> None:
    """runImportJobPatch needs `match` among the job's FieldNames and a query value for each name;
    no link can build that, the flatmap_case hook does (from the job recorded by after_call). The
    steered cases keep their positive label, and the sandbox runs them (200)."""
    schema = load("which50")
    schema.app = harness.ResettableSandbox()
    list_fields = {f["Name"] for f in load_fixtures(None).w50_accounts[0].lists[0].fields}
    job_fields = {"Mobile", "LastName"}  # not the names of the spec's example
    create = schema["/contactLists/{contactListId}/import"]["POST"]
    created = create.Case(
        path_parameters={"contactListId": 1},
        body={"FieldNames": sorted(job_fields)},
        media_type="application/json",
        headers=W50_ACME,
    ).call()
    assert created.status_code == 200, created.text
    path = {"contactListId": 1, "importJobId": created.json()["Id"]}
    run = schema["/contactLists/{contactListId}/import/{importJobId}/run"]["PATCH"]

    cases = _positive_stateful_cases(run, path, 40)
    steered = [c for c in cases if _matched(c) and set(_matched(c)) <= list_fields]
    assert steered, "no PATCH run case names list fields with a value for each"
    assert all(set(_matched(case)) <= job_fields for case in steered)
    for case in steered:
        assert set(case.query) - {"match", "customevents"} == set(_matched(case)), case.query
    # schemathesis would read matchValues' keys as undeclared parameters; a steered query the
    # spec accepts keeps its positive label (one with e.g. an empty customevents item does not).
    document = schema.raw_schema
    path_item = document["paths"][run.path]
    labels = {
        case.meta.generation.mode.is_positive: query_is_valid(
            document, path_item, run.definition.raw, urllib.parse.urlencode(case.query)
        )
        for case in steered
    }
    assert labels == {True: True} or labels == {True: True, False: False}, labels

    upload = schema["/contactLists/{contactListId}/import/{importJobId}"]["POST"]
    loaded = upload.Case(
        path_parameters=path,
        body=[{"Values": {"Mobile": "353871234567", "LastName": "Gannon"}}],
        media_type="application/json",
        headers=W50_ACME,
    ).call()
    assert loaded.status_code == 200, loaded.text
    response = steered[0].call(headers=W50_ACME)
    assert response.status_code == 200, response.text


def test_patch_contacts_is_steered_to_a_contact_the_run_wrote() -> None:
    """patchContacts answers 404 unless its query values match a contact; the hook targets one
    that an upsert of the run created (its list, `match` on its values)."""
    schema = load("which50")
    schema.app = harness.ResettableSandbox()
    upsert = schema["/contactLists/{contactListId}/contact"]["POST"]
    written = upsert.Case(
        path_parameters={"contactListId": 2},
        body={"Values": {"Email": "ann@example.com", "FirstName": "Ann"}},
        media_type="application/json",
        headers=W50_ACME,
    ).call()
    assert written.status_code == 200, written.text
    patch = schema["/contactLists/{contactListId}/contact"]["PATCH"]
    cases = _positive_stateful_cases(patch, {"contactListId": 999}, 40)
    steered = [c for c in cases if c.path_parameters["contactListId"] == 2 and _matched(c)]
    assert steered, "no patchContacts case was steered to the written contact"
    wrote = {"Email": "ann@example.com", "FirstName": "Ann"}
    for case in steered:
        assert {name: case.query[name] for name in _matched(case)}.items() <= wrote.items()
        assert set(case.body["Values"]) <= {"Email", "FirstName"}
    response = steered[0].call(headers=W50_ACME)
    assert response.status_code == 200, response.text


def test_checkmarket_configurations_are_steered_to_the_suite_s_own_account() -> None:
    """A configuration naming another account's contact list or survey is stored with
    `Succeeded: false` and no id, so the links to bulk import cannot resolve; the hook gives half
    the positive ones acme's ids (or no list), and the sandbox then stores them."""
    acme = next(a for a in load_fixtures(None).checkmarket_accounts if a.id == "acme")
    schema = load("checkmarket")
    schema.app = harness.ResettableSandbox()
    create = schema["/3/contacts/import/configs"]["POST"]

    def linked_to_acme(body: Any) -> bool:
        survey = (body.get("SurveySettings") or {}).get("SurveyId")
        list_id = body.get("ContactListId")
        return survey in acme.survey_ids and (list_id is None or list_id in acme.contact_list_ids)

    cases = _positive_stateful_cases(create, {}, 40)
    steered = [c for c in cases if isinstance(c.body, dict) and linked_to_acme(c.body)]
    assert steered, "no configuration was linked to the suite's own account"
    headers = {"X-Master-Key": "cm-acme-master", "X-Key": "cm-acme-contacts-write"}
    response = steered[0].call(headers=headers)
    assert response.status_code == 200, response.text
    data = response.json()["Data"]
    assert data["Succeeded"] is True and isinstance(data["ImportConfigId"], int), data


# -- case counts -------------------------------------------------------------------------------
def test_the_st_case_count_is_read_from_its_report() -> None:
    report = (
        "Test Phases:\n  ✅ Stateful\n\nTest cases:\n  9804 generated, 9804 passed, 34 skipped\n"
    )
    assert harness.st_generated_cases(report) == 9804
    with pytest.raises(ValueError, match="Test cases"):
        harness.st_generated_cases("Schemathesis failed before generating anything")


def test_case_counts_are_written_with_a_total_of_cases_not_calls(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    monkeypatch.setattr(harness, "CASE_COUNTS", {})
    monkeypatch.setattr(harness, "CASES_REPORT", tmp_path / "cases.json")
    assert harness.write_case_counts(harness.PROFILES["full"]) is None  # nothing ran: no file
    assert not (tmp_path / "cases.json").exists()
    harness.count_cases("in-process which50 default", "operation cases", 3)
    harness.count_cases("in-process which50 default", "stateful scenarios")
    harness.count_cases("in-process which50 default", "stateful calls", 20)
    harness.count_cases("st which50 default", "cases", 5)
    written = harness.write_case_counts(harness.PROFILES["full"])
    assert written is not None and written["total"] == 9
    assert json.loads((tmp_path / "cases.json").read_text()) == written
    assert written["profile"] == "full"
