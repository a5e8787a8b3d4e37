"""Schemathesis extensions for the conformance suite: DataContract XML both ways, and filters.

Loaded by path from `schemathesis.toml` (`hooks = ...`), both by the st CLI and by the pytest
harness, so it imports only installed packages (schemathesis, contactimport, the sandbox,
openapi-schema-validator).

- XML responses are deserialized with the project's codec (`contactimport.datacontract`) into the
  JSON-shaped value, so schemathesis checks them against the schema exactly like JSON responses.
- XML request bodies are written by the same codec (DataContract member order, namespaces,
  `KeyValueOfstringanyType` dictionaries, `i:nil`). Values the codec refuses to write (negative
  data of the wrong JSON type) fall back to schemathesis' own XML writer, so negative XML still
  reaches the server.
- Steering (`flatmap_case`): half of the positive createImportJob / upsertContact(Put) cases name
  real fields of the list in the path (read from the sandbox's packaged fixtures), and half of the
  positive runImportJob(Put) cases go without `match`, so jobs and contacts really get created
  and run, and stateful testing follows the links through whole workflows (create job -> upload ->
  run -> status; upsert -> getContact). Half of the positive runImportJobPatch cases get a `match`
  drawn from the job's FieldNames (recorded by `after_call` when the run created the job; the
  list's fields otherwise) and a query value for exactly those names (matchValues); half of the
  positive patchContacts cases target a contact the run wrote (its list, `match` on its values).
  Half of the positive CheckMarket configurations link to the contact list and survey ids of the
  suite's own account, so bulk imports run through them (create config -> bulk import ->
  result). The other half stay as generated.
- Failure filters (`filter_failure`), each narrow and stated:
  1. "invalid data accepted" is dropped only when every negative part of the request (XML body,
     query string), read back from the bytes that went over the wire, is valid against the spec.
     XML and query strings carry no JSON types: the negative value 5 for a string property goes
     out as the text "5", which IS a valid string; `customevents={}` is the one event name "{}";
     `match=` is the empty list. Bodies are decoded with the codec, query strings read by the
     parameters' styles, and both validated with an independent OpenAPI 3.0 validator, never with
     the sandbox's own validation.
  (2, retired: createImportJob now answers unknown FieldNames with the documented 417, which
     schemathesis.toml accepts there like on every other operation documenting 417.)
  4. "valid data rejected" for an XML body is dropped only when the codec could not write the
     generated value (schemathesis' own XML writer sent it instead) and the bytes sent are invalid
     by the spec: the server was right to refuse what it actually got.
  5. "invalid data accepted" whose only invalid query part is names no parameter declares, the
     rest of the request valid on the wire as in 1: the APIs skip undeclared query parameters
     (assumption `undeclared-query-parameters`, as ASP.NET Web API binds only what an action
     declares); OpenAPI has no way to forbid them, yet schemathesis counts them as negative.
  6. any report whose answer is the documented 406 "XML 1.0 cannot carry ..." to a request that
     accepted XML only (assumption `xml-unwritable-text`): text stored through JSON (a control
     character) has no XML form; positive data may hold it, so a run asking for XML only meets it.
     The regression tests pin that the 406 names the field and that the data reads as JSON.
  7. any report whose answer is the HTTP server's own plain-text 400 ("Invalid HTTP request
     received.", uvicorn) to a request HTTP/1.1 does not allow, judged on the request as sent (a
     Content-Length that is not digits, a header name that is no token, CR/LF/NUL in a value):
     schemathesis' generated headers can break HTTP itself; such a request never reaches the API
     the spec describes (over real HTTP only; the in-process runs have no HTTP parser).
  3. "created resource not found" (ensure_resource_availability) is dropped only for a CheckMarket
     import configuration that was non-reusable (`IsReusable` false or absent, the spec's default)
     and has served an accepted bulk import: the spec says it is gone then (assumption
     `not-reusable`), which the check, knowing only DELETE, cannot tell. `after_call` records
     both facts from the requests and responses of the run itself.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import tomllib
import urllib.parse
import weakref
from pathlib import Path
from typing import Any

import schemathesis
from contactimport_sandbox import load_fixtures
from hypothesis import strategies as st
from schemathesis import Case
from schemathesis.core.failures import AcceptedNegativeData, Failure
from schemathesis.core.parameters import ParameterLocation
from schemathesis.openapi.checks import EnsureResourceAvailability, RejectedPositiveData
from schemathesis.transport import SerializationContext, register_serializer
from schemathesis.transport.serialization import serialize_xml

# Loaded by path (not as a package module): make its sibling importable, for the CLI too.
HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from conformance_wire import (  # noqa: E402
    XML_MEDIA_TYPES,
    codec_for,
    encode_request_body,
    media_type,
    query_is_valid,
    request_body_is_valid,
    response_schema_name,
)


@schemathesis.deserializer(*XML_MEDIA_TYPES)
def deserialize_datacontract_xml(
    ctx: schemathesis.DeserializationContext, response: schemathesis.Response
) -> Any:
    """DataContract XML -> the JSON-shaped value the JSON wire format would carry."""
    document = ctx.operation.schema.raw_schema
    media = media_type(response.headers.get("content-type", [""])[0])
    name = response_schema_name(document, ctx.operation.definition.raw, response.status_code, media)
    return codec_for(document).decode(name, response.content)


def serialize_datacontract_xml(ctx: SerializationContext, value: Any) -> dict[str, Any]:
    """A request body as DataContract XML; schemathesis' own XML for values the codec refuses."""
    case = ctx.case
    document = case.operation.schema.raw_schema
    operation = case.operation.definition.raw
    try:
        return {
            "data": encode_request_body(document, operation, media_type(case.media_type), value)
        }
    except (LookupError, ValueError):
        # ValueError covers XmlEncodeError: negative data of a type the contract cannot write.
        return serialize_xml(case, value)


register_serializer(serialize_datacontract_xml, *XML_MEDIA_TYPES)


def wire_body_is_valid(case: Case[Any], response: schemathesis.Response) -> bool:
    """Whether the XML body that was actually sent decodes into a value the spec accepts."""
    request = response.request
    content_type = request.headers.get("content-type")
    media = media_type(content_type if isinstance(content_type, str) else None)
    if media not in XML_MEDIA_TYPES or request.body is None:
        return False
    raw = request.body if isinstance(request.body, bytes) else str(request.body).encode()
    document = case.operation.schema.raw_schema
    valid: bool = request_body_is_valid(document, case.operation.definition.raw, media, raw)
    return valid


def _negative_parts(case: Case[Any]) -> set[str]:
    """Where the case's negative data lives ("body", "query", "header", "path_parameters", ...)."""
    meta = case.meta
    if meta is None:
        return set()
    parts = {
        str(location.name).lower()
        for location, info in meta.components.items()
        if info.mode.is_negative
    }
    location = getattr(meta.phase.data, "parameter_location", None)
    if location is not None:
        parts.add(str(location.name).lower())
    return parts


def wire_query_is_valid(
    case: Case[Any], response: schemathesis.Response, *, ignore_undeclared: bool = False
) -> bool:
    """Whether the query string that was actually sent holds values the spec accepts;
    ``ignore_undeclared``: once the names no parameter declares are skipped, as the APIs skip
    them (assumption `undeclared-query-parameters`; OpenAPI cannot forbid them)."""
    query = urllib.parse.urlsplit(str(response.request.url)).query
    document = case.operation.schema.raw_schema
    path_item = document["paths"][case.operation.path]
    operation = case.operation.definition.raw
    valid: bool = query_is_valid(
        document, path_item, operation, query, ignore_undeclared=ignore_undeclared
    )
    return valid


def _negation_erased_on_the_wire(
    case: Case[Any], response: schemathesis.Response, *, ignore_undeclared: bool = False
) -> bool:
    """Whether every negative part of the case reached the server as a valid value after all."""

    def erased(part: str) -> bool:
        if part == "body":
            return wire_body_is_valid(case, response)
        if part == "query":
            return wire_query_is_valid(case, response, ignore_undeclared=ignore_undeclared)
        return False

    parts = _negative_parts(case)
    return bool(parts) and all(erased(part) for part in parts)


_HTTP_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
UVICORN_PARSE_ERROR = "Invalid HTTP request received."


def _refused_by_the_http_layer(response: schemathesis.Response) -> bool:
    """Whether the answer is the HTTP server's own 400 to a request HTTP/1.1 does not allow (RFC
    9110/9112: a Content-Length that is not digits, a header name that is not a token, a CR, LF
    or NUL in a value). uvicorn answers those before any application code runs, in plain text;
    they never reach the API the spec describes (any server, the vendor's IIS included, refuses
    them). Judged on the request as sent, not on the answer alone."""
    if response.status_code != 400 or _text(response.content).strip() != UVICORN_PARSE_ERROR:
        return False
    for name, value in response.request.headers.items():
        text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
        if _HTTP_TOKEN.fullmatch(str(name)) is None or any(c in text for c in "\r\n\0"):
            return True
        if str(name).lower() == "content-length" and not (text.isascii() and text.isdigit()):
            return True
    return False


def _xml_cannot_answer(response: schemathesis.Response) -> bool:
    """Whether the answer is the documented 406 for data XML 1.0 cannot carry, to a request that
    accepted XML only (assumption `xml-unwritable-text`): stored text such as a control character
    has no XML form, and the sandbox says so naming the field instead of changing the value."""
    if response.status_code != 406:
        return False
    accept = response.request.headers.get("accept")
    if not isinstance(accept, str) or "json" in accept or "*" in accept:
        return False
    media = media_type(accept.split(",")[0])
    if media not in XML_MEDIA_TYPES:
        return False
    return "XML 1.0 cannot carry" in _text(response.content)


def _operation_id(case: Case[Any]) -> str:
    return str(case.operation.definition.raw.get("operationId", ""))


def _list_fields() -> dict[int, tuple[str, ...]]:
    """Field names of every W50 contact list of the sandbox's packaged fixtures, by list id."""
    fixtures = load_fixtures(None)
    return {
        contact_list.id: tuple(sorted(contact_list.field_names))
        for account in fixtures.w50_accounts
        for contact_list in account.lists
    }


LIST_FIELDS = _list_fields()


def _checkmarket_links() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Contact list ids and survey ids of the CheckMarket account the suite acts as.

    The account is the WFC `user` of the CheckMarket project in schemathesis.toml (WFC entry names
    are the fixture account ids).
    """
    config = tomllib.loads((HERE / "schemathesis.toml").read_text(encoding="utf-8"))
    users = [p["auth"]["wfc"]["user"] for p in config["project"] if "CheckMarket" in p["title"]]
    for account in load_fixtures(None).checkmarket_accounts:
        if account.id in users:
            return tuple(sorted(account.contact_list_ids)), tuple(sorted(account.survey_ids))
    return (), ()


CM_LIST_IDS, CM_SURVEY_IDS = _checkmarket_links()
# Values for steered contacts: scalars every wire format carries (no control characters, which
# XML 1.0 cannot hold, no lone surrogates).
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=20)
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-(2**31), 2**31 - 1), _TEXT)


def _is_positive_body(case: Case[Any]) -> bool:
    meta = case.meta
    if meta is None:
        return False
    info = meta.components.get(ParameterLocation.BODY)
    return info is not None and info.mode.is_positive


def _is_positive_query(case: Case[Any]) -> bool:
    meta = case.meta
    if meta is None:
        return False
    info = meta.components.get(ParameterLocation.QUERY)
    return info is None or info.mode.is_positive


def _without_match(case: Case[Any]) -> Case[Any]:
    case.query = {k: v for k, v in (case.query or {}).items() if k != "match"}
    return case


def _body_is_positive(case: Case[Any]) -> bool:
    return isinstance(case.body, dict) and _is_positive_body(case)


def _fields_of_case(case: Case[Any]) -> tuple[str, ...]:
    raw = (case.path_parameters or {}).get("contactListId")
    try:  # the coverage phase sends path values as strings
        list_id = int(str(raw))
    except ValueError:
        return ()
    return LIST_FIELDS.get(list_id, ())


def _with_field_names(case: Case[Any], names: list[str]) -> Case[Any]:
    assert isinstance(case.body, dict)
    body: dict[str, Any] = dict(case.body)
    body["FieldNames"] = names
    case.body = body
    return case


def _with_values(case: Case[Any], values: dict[str, Any], match: list[str]) -> Case[Any]:
    assert isinstance(case.body, dict)
    case.body = {**case.body, "Values": values}
    query = dict(case.query or {})
    if match:
        query["match"] = ",".join(match)  # style: form, explode: false
    else:
        query.pop("match", None)
    case.query = query
    return case


def _xml_cannot_carry(case: Case[Any]) -> bool:
    """Whether a positive XML-body case holds a value DataContract XML cannot write at all."""
    media = media_type(case.media_type)
    if media not in XML_MEDIA_TYPES or not _is_positive_body(case):
        return False
    document = case.operation.schema.raw_schema
    try:
        encode_request_body(document, case.operation.definition.raw, media, case.body)
    except LookupError:
        return False
    except ValueError:
        return True
    return False


@schemathesis.hook
def filter_case(context: schemathesis.HookContext, case: Case[Any]) -> bool:
    """Drop positive XML cases whose value XML 1.0 cannot carry (control characters, integers
    beyond Int64): there is no request to send. The same values are still sent as JSON."""
    return not _xml_cannot_carry(case)


@schemathesis.hook
def flatmap_case(context: schemathesis.HookContext, case: Case[Any]) -> Any:
    """Half of the positive cases of the workflow operations are steered (see the docstring)."""
    operation = _operation_id(case)
    if operation in ("createImportConfig", "updateImportConfig"):
        if _body_is_positive(case):
            return st.one_of(st.just(case), _linked_to_account(case))
        return st.just(case)
    if operation == "patchContacts":
        if _body_is_positive(case) and _is_positive_query(case) and _is_positive_path(case):
            return st.one_of(st.just(case), _matching_a_known_contact(case))
        return st.just(case)
    fields = _fields_of_case(case)
    if not fields:
        return st.just(case)
    if operation == "runImportJobPatch" and _is_positive_query(case):
        # `match` names the job's fields (the list's when the run did not see the job created),
        # each with its own query value (matchValues, style form, explode: one parameter each).
        job_fields = _server_state(case).job_fields.get(_job_key(case)) or fields
        return st.one_of(st.just(case), _with_match_values(case, job_fields))
    if operation in ("runImportJob", "runImportJobPut") and _is_positive_query(case):
        # Without `match` a loaded job always runs: the link from upload to run then completes
        # the workflow (generated match names are rarely among the job's FieldNames: 417).
        return st.one_of(st.just(case), st.just(case).map(_without_match))
    if not _body_is_positive(case):
        return st.just(case)
    if operation == "createImportJob":
        names = st.lists(st.sampled_from(fields), min_size=1, max_size=len(fields), unique=True)
        return st.one_of(st.just(case), names.map(lambda chosen: _with_field_names(case, chosen)))
    if operation in ("upsertContact", "upsertContactPut"):
        values = st.dictionaries(st.sampled_from(fields), _SCALARS, min_size=1)
        steered = values.flatmap(
            lambda chosen: st.lists(st.sampled_from(sorted(chosen)), max_size=2, unique=True).map(
                lambda match: _with_values(case, chosen, match)
            )
        )
        return st.one_of(st.just(case), steered)
    return st.just(case)


def _is_positive_path(case: Case[Any]) -> bool:
    meta = case.meta
    if meta is None:
        return False
    info = meta.components.get(ParameterLocation.PATH)
    return info is None or info.mode.is_positive


def _job_key(case: Case[Any]) -> tuple[int | None, int | None]:
    path = case.path_parameters or {}
    return _int_or_none(path.get("contactListId")), _int_or_none(path.get("importJobId"))


def _with_match_query(case: Case[Any], criteria: dict[str, str]) -> Case[Any]:
    """PATCH's query: `match` naming exactly the keys of ``criteria``, one parameter per value.

    Other generated parameters (matchValues comes already exploded into its own keys) are dropped,
    except `customevents`."""
    query = {k: v for k, v in (case.query or {}).items() if k == "customevents"}
    query["match"] = ",".join(criteria)  # style: form, explode: false
    query.update(criteria)
    case.query = query
    _keep_a_valid_query_positive(case)
    return case


def _keep_a_valid_query_positive(case: Case[Any]) -> None:
    """Keep the positive label of a case whose rewritten query the spec accepts.

    schemathesis re-validates a container a hook rewrote, but takes the keys of a form-exploded
    object parameter (matchValues) for undeclared parameters and would relabel the case negative.
    The independent validator reads the query by the parameters' styles; only when it accepts the
    query is the rewrite taken as the case's starting state (schemathesis' own method for values
    written after generation). Anything else stays dirty and is judged by schemathesis.
    """
    document = case.operation.schema.raw_schema
    path_item = document["paths"][case.operation.path]
    raw = urllib.parse.urlencode(case.query or {})
    if not query_is_valid(document, path_item, case.operation.definition.raw, raw):
        return
    record = getattr(case, "_record_starting_state", None)
    if not callable(record):
        # Private in schemathesis 4.32 (it calls it itself after writing auth and overrides).
        # Without it the rewrite would be taken as an edit and the case relabelled: fail loudly
        # on an upgrade that removed it rather than judge PATCH runs wrongly.
        raise RuntimeError(
            "schemathesis.Case._record_starting_state is gone in this schemathesis version; "
            "tests/conformance/hooks.py needs its replacement to steer PATCH match values"
        )
    record()


def _with_match_values(case: Case[Any], fields: tuple[str, ...]) -> st.SearchStrategy[Case[Any]]:
    names = st.lists(st.sampled_from(fields), min_size=1, max_size=2, unique=True)
    criteria = names.flatmap(lambda chosen: st.fixed_dictionaries({name: _TEXT for name in chosen}))
    return criteria.map(lambda chosen: _with_match_query(case, chosen))


def _matching_a_known_contact(case: Case[Any]) -> st.SearchStrategy[Case[Any]]:
    """patchContacts on a contact this run created: its list in the path, `match` on some of its
    values, and new Values of that list's fields in the body (a PATCH matching nothing is 404)."""
    known = [
        (list_id, values)
        for list_id, contacts in sorted(_server_state(case).contacts.items())
        for values in contacts
        if values and list_id in LIST_FIELDS
    ]
    if not known:
        return st.just(case)

    def steer(list_id: int, criteria: dict[str, str], values: dict[str, Any]) -> Case[Any]:
        _with_match_query(case, criteria)  # first: path and body stay to be re-validated
        case.path_parameters = {**(case.path_parameters or {}), "contactListId": list_id}
        assert isinstance(case.body, dict)
        case.body = {**case.body, "Values": values}
        return case

    def for_contact(contact: tuple[int, dict[str, str]]) -> st.SearchStrategy[Case[Any]]:
        list_id, stored = contact
        names = st.lists(st.sampled_from(sorted(stored)), min_size=1, max_size=2, unique=True)
        values = st.dictionaries(st.sampled_from(LIST_FIELDS[list_id]), _SCALARS, min_size=1)
        return st.builds(
            steer,
            st.just(list_id),
            names.map(lambda chosen: {name: stored[name] for name in chosen}),
            values,
        )

    return st.sampled_from(known).flatmap(for_contact)


def _linked_to_account(case: Case[Any]) -> st.SearchStrategy[Case[Any]]:
    """The configuration with ContactListId / SurveyId of the suite's own account (or none)."""

    def link(list_id: int | None, survey_id: int) -> Case[Any]:
        assert isinstance(case.body, dict)
        body: dict[str, Any] = dict(case.body)
        if list_id is None:
            body.pop("ContactListId", None)
        else:
            body["ContactListId"] = list_id
        if isinstance(body.get("SurveySettings"), dict):
            body["SurveySettings"] = {**body["SurveySettings"], "SurveyId": survey_id}
        case.body = body
        return case

    if not CM_SURVEY_IDS:
        return st.just(case)
    list_ids = st.one_of(st.none(), st.sampled_from(CM_LIST_IDS)) if CM_LIST_IDS else st.none()
    return st.builds(link, list_ids, st.sampled_from(CM_SURVEY_IDS))


class _ServerState:
    """What one server has told about its resources during the run: import configurations
    (filter 3), and the W50 jobs and contacts the steering builds PATCH requests on.

    (A plain class: this file is loaded by path, outside sys.modules, where @dataclass fails.)
    """

    def __init__(self) -> None:
        self.reusable: dict[int, bool] = {}  # ImportConfigId -> IsReusable
        self.served: set[int] = set()  # non-reusable ones that served a bulk import
        # (contactListId, importJobId) -> the FieldNames the job was created with
        self.job_fields: dict[tuple[int | None, int | None], tuple[str, ...]] = {}
        # contactListId -> contacts created or updated, as the text PATCH matches them by
        self.contacts: dict[int, list[dict[str, str]]] = {}


_MAX_KNOWN_CONTACTS = 20  # per list: enough to choose from, bounded for long runs
_states_by_app: weakref.WeakKeyDictionary[Any, _ServerState] = weakref.WeakKeyDictionary()
_states_by_url: dict[str, _ServerState] = {}


def _server_state(case: Case[Any]) -> _ServerState:
    """The state of the server this case went to: an in-process app (the current one behind the
    harness's resettable wrapper) or, over HTTP, a base URL."""
    app = case.operation.app
    if app is None:
        return _states_by_url.setdefault(str(case.operation.base_url), _ServerState())
    target = getattr(app, "target", app)
    state = _states_by_app.get(target)
    if state is None:
        state = _states_by_app[target] = _ServerState()
    return state


def _match_text(value: Any) -> str | None:
    """The query-string text that matches a stored value (None: not matchable from a query)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value:
        return value
    return None


def _response_value(case: Case[Any], response: schemathesis.Response) -> Any:
    content_type = response.headers.get("content-type", [""])[0]
    media = media_type(content_type)
    if media in XML_MEDIA_TYPES:
        document = case.operation.schema.raw_schema
        operation = case.operation.definition.raw
        name = response_schema_name(document, operation, response.status_code, media)
        return codec_for(document).decode(name, response.content)
    return response.json()


def _is_reusable(case: Case[Any]) -> bool:
    body = case.body if isinstance(case.body, dict) else {}
    schema = case.operation.schema.raw_schema["components"]["schemas"]["ImportConfig"]
    default = schema["properties"]["IsReusable"].get("default", False)
    return bool(body.get("IsReusable", default))


@schemathesis.hook
def after_call(context: schemathesis.HookContext, case: Case[Any], response: Any) -> None:
    """Track CheckMarket configurations' reusability and their bulk imports (for filter 3), and
    the W50 jobs' FieldNames and the contacts written (for the PATCH steering)."""
    operation = _operation_id(case)
    if not 200 <= response.status_code < 300:
        return
    if operation in ("createImportJob", "upsertContact", "upsertContactPut", "patchContacts"):
        _record_w50(case, response)
        return
    if operation not in ("createImportConfig", "updateImportConfig", "bulkImportContacts"):
        return
    state = _server_state(case)
    if operation == "bulkImportContacts":
        config_id = _config_id(case)
        if config_id is not None and not state.reusable.get(config_id, True):
            state.served.add(config_id)
        return
    if not isinstance(case.body, dict):
        return  # a rename keeps IsReusable
    try:
        data = _response_value(case, response).get("Data") or {}
    except (ValueError, LookupError, AttributeError):
        return
    if data.get("Succeeded") is not True:
        return
    if operation == "createImportConfig":
        config_id = _int_or_none(data.get("ImportConfigId"))
    else:
        config_id = _int_or_none((case.path_parameters or {}).get("importConfigId"))
    if config_id is not None:
        state.reusable[config_id] = _is_reusable(case)


def _config_id(case: Case[Any]) -> int | None:
    """The configuration a request names: `importConfigId`, or bulkImportContacts' `id` (its
    path item is shared with getImportResult under a neutral name; see the spec's result-path)."""
    parameters = case.path_parameters or {}
    name = "id" if _operation_id(case) == "bulkImportContacts" else "importConfigId"
    return _int_or_none(parameters.get(name))


def _int_or_none(value: Any) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _record_w50(case: Case[Any], response: schemathesis.Response) -> None:
    try:
        value = _response_value(case, response)
    except (ValueError, LookupError):
        return
    if not isinstance(value, dict):
        return
    state = _server_state(case)
    if _operation_id(case) == "createImportJob":
        names = case.body.get("FieldNames") if isinstance(case.body, dict) else None
        job_id = _int_or_none(value.get("Id"))
        if isinstance(names, list) and job_id is not None:
            list_id = _int_or_none((case.path_parameters or {}).get("contactListId"))
            state.job_fields[(list_id, job_id)] = tuple(str(name) for name in names)
        return
    list_id = _int_or_none(value.get("ListId"))
    values = value.get("Values")
    if list_id is None or not isinstance(values, dict):
        return
    texts = {str(k): t for k, v in values.items() if (t := _match_text(v)) is not None}
    contacts = state.contacts.setdefault(list_id, [])
    if texts and len(contacts) < _MAX_KNOWN_CONTACTS:
        contacts.append(texts)


def _fallback_wrote_an_invalid_body(case: Case[Any], response: schemathesis.Response) -> bool:
    """Whether a positive XML body went out through schemathesis' own writer, as invalid bytes.

    That happens when the generated value has no DataContract form (control characters, extra
    members in a link-supplied body the filter_case hook never saw): the server then got a
    different, invalid request, and refusing it is right.
    """
    media = media_type(case.media_type)
    if media not in XML_MEDIA_TYPES:
        return False
    document = case.operation.schema.raw_schema
    try:
        encode_request_body(document, case.operation.definition.raw, media, case.body)
    except LookupError:
        return False
    except ValueError:
        return not wire_body_is_valid(case, response)
    return False


@schemathesis.hook
def filter_failure(
    context: schemathesis.HookContext,
    failure: Failure,
    case: Case[Any],
    response: schemathesis.Response,
) -> bool:
    """Keep every failure except the three kinds the module docstring names.

    Every dropped failure is appended to reports/conformance/filtered-failures.ndjson with its
    reason, so what the filters drop can be read after each run.
    """
    if isinstance(failure, AcceptedNegativeData) and _negation_erased_on_the_wire(case, response):
        return _drop("1-valid-on-the-wire", failure, case, response)
    if isinstance(failure, AcceptedNegativeData) and _negation_erased_on_the_wire(
        case, response, ignore_undeclared=True
    ):
        return _drop("5-undeclared-query-names-ignored", failure, case, response)
    if _xml_cannot_answer(response):
        return _drop("6-xml-cannot-carry-the-answer", failure, case, response)
    if _refused_by_the_http_layer(response):
        return _drop("7-malformed-http-refused-by-the-server", failure, case, response)
    if isinstance(failure, RejectedPositiveData) and _fallback_wrote_an_invalid_body(
        case, response
    ):
        return _drop("4-positive-xml-the-contract-cannot-write", failure, case, response)
    if isinstance(failure, EnsureResourceAvailability):
        config_id = _config_id(case)
        if config_id in _server_state(case).served:
            return _drop("3-non-reusable-config-served", failure, case, response)
    return True


def _text(body: object) -> str:
    if body is None:
        return ""
    return body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)


FILTERED_LOG = HERE.parents[1] / "reports" / "conformance" / "filtered-failures.ndjson"
_log_lock = threading.Lock()


def _drop(reason: str, failure: Failure, case: Case[Any], response: schemathesis.Response) -> bool:
    entry = {
        "reason": reason,
        "operation": _operation_id(case),
        "failure": failure.title,
        "status": response.status_code,
        "request": f"{response.request.method} {response.request.url}",
        "content_type": response.request.headers.get("content-type"),
        "body": _text(response.request.body)[:2000],
    }
    with _log_lock:
        FILTERED_LOG.parent.mkdir(parents=True, exist_ok=True)
        with FILTERED_LOG.open("a", encoding="utf-8") as log:
            log.write(json.dumps(entry, default=str) + "\n")
    return False
