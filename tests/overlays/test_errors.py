"""Typed exceptions: one class per status family, error bodies of both APIs in JSON and XML."""

from __future__ import annotations

from typing import Literal

import httpx
import pytest
from contactimport.errors import (
    APIStatusError,
    AuthenticationError,
    ConflictError,
    ContactImportError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    ValidationError,
    error_class_for_status,
    parse_error_body,
    parse_retry_after,
    status_error_from_response,
)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, ValidationError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (417, ValidationError),
        (422, ValidationError),
        (429, RateLimitError),
        (500, ServerError),
        (503, ServerError),
        (599, ServerError),
        (418, APIStatusError),
    ],
)
def test_each_status_family_maps_to_its_class(status: int, cls: type[APIStatusError]) -> None:
    assert error_class_for_status(status) is cls


def test_every_family_is_a_contactimport_error() -> None:
    assert issubclass(APIStatusError, ContactImportError)
    assert issubclass(InvalidParameterError, ValueError)
    assert not issubclass(AuthenticationError, ValidationError)


def test_w50_json_error_message_is_read() -> None:
    details = parse_error_body(
        "which50", b'{"Message":"The specified Contactlist was not found."}', "application/json"
    )
    assert details.message == "The specified Contactlist was not found."
    assert details.error_code is None


def test_w50_xml_error_message_is_read() -> None:
    body = b"<Error><Message>A batch holds at most 10000 contacts.</Message></Error>"
    details = parse_error_body("which50", body, "application/xml; charset=utf-8")
    assert details.message == "A batch holds at most 10000 contacts."


def test_checkmarket_json_payload_error_gives_code_type_and_meta_status() -> None:
    body = (
        b'{"Meta":{"Status":404},"Data":{"ErrorCode":404,"ErrorMessage":"Import config not found",'
        b'"ErrorType":"NotFound"}}'
    )
    details = parse_error_body("checkmarket", body, "application/json")
    assert (details.message, details.error_code, details.error_type, details.meta_status) == (
        "Import config not found",
        404,
        "NotFound",
        404,
    )


def test_checkmarket_xml_payload_error_is_read() -> None:
    body = (
        b'<Payload xmlns:i="http://www.w3.org/2001/XMLSchema-instance" z:Id="i1" '
        b'xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"><Data><ErrorCode>403'
        b"</ErrorCode><ErrorMessage>Missing role Contacts (write)</ErrorMessage><ErrorType>"
        b"Forbidden</ErrorType></Data><Meta><Status>403</Status></Meta></Payload>"
    )
    details = parse_error_body("checkmarket", body, "text/xml")
    assert details.message == "Missing role Contacts (write)"
    assert details.error_code == 403
    assert details.meta_status == 403


def test_checkmarket_string_data_becomes_the_message() -> None:
    details = parse_error_body(
        "checkmarket", b'{"Meta":{"Status":400},"Data":"Bad things"}', "application/json"
    )
    assert details.message == "Bad things"
    assert details.meta_status == 400


def test_error_bodies_with_a_doctype_are_not_parsed() -> None:
    body = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><Error><Message>&a;</Message></Error>'
    details = parse_error_body("which50", body, "application/xml")
    assert details.body == body.decode()  # kept as text, the entity never expanded
    assert "<Message>&a;</Message>" in str(details.message)


DEEP = "<a>" * 3000 + "</a>" * 3000  # 21 kB; RecursionError from a reader without a depth limit
HOSTILE_BODIES = {
    "3000-deep": DEEP,
    "attributes": "<Error " + " ".join(f'a{n}="x"' for n in range(5000)) + "/>",
    "declarations": "<Error " + " ".join(f'xmlns:p{n}="urn:{n}"' for n in range(2000)) + "/>",
    "doctype": '<!DOCTYPE Error [<!ENTITY a "aaaa">]><Error><Message>&a;</Message></Error>',
    "processing-instruction-and-deep": '<?xml version="1.0"?><?pi x?>' + DEEP,
}


@pytest.mark.parametrize("body", HOSTILE_BODIES.values(), ids=HOSTILE_BODIES.keys())
@pytest.mark.parametrize("api", ["which50", "checkmarket"])
def test_a_hostile_xml_error_body_gives_the_typed_error_with_the_body_as_text(
    api: Literal["which50", "checkmarket"], body: str
) -> None:
    """Error bodies are read by the codec's hardened parser (depth, attributes and namespace
    declarations per element, no DTD): what it refuses is kept as text, never an untyped
    exception (RecursionError) escaping the typed error."""
    assert len(body) < 64 * 1024  # read whole, not cut at the error-body limit
    request = httpx.Request("GET", "https://api.example/x")
    response = httpx.Response(
        400, content=body.encode(), headers={"Content-Type": "application/xml"}, request=request
    )
    error = status_error_from_response(api, response)
    assert isinstance(error, ValidationError)
    assert error.body == body
    assert error.message == body[:500]


def test_unreadable_body_keeps_its_text_as_message() -> None:
    details = parse_error_body("which50", b"Service Unavailable", "text/plain")
    assert details.message == "Service Unavailable"


def test_retry_after_seconds_and_http_dates() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(" 0 ") == 0.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_exception_carries_status_method_url_and_body_without_credentials() -> None:
    request = httpx.Request(
        "POST",
        "https://user:pw@api.example/3/contacts/import/7?key=secret-key&name=x",
        headers={"X-Master-Key": "secret-master", "X-Key": "secret-key"},
    )
    response = httpx.Response(
        409,
        json={"Message": "The import job is already running."},
        headers={"Retry-After": "2"},
        request=request,
    )
    error = status_error_from_response("which50", response)
    assert isinstance(error, ConflictError)
    assert error.status_code == 409
    assert error.method == "POST"
    assert error.message == "The import job is already running."
    assert error.body == {"Message": "The import job is already running."}
    assert error.retry_after == 2.0
    text = " ".join([str(error), repr(error), error.url, repr(error.__dict__)])
    for secret in ("secret-master", "secret-key", "pw"):
        assert secret not in text
    assert "409 Conflict from POST https://[REDACTED]@api.example/3/contacts/import/7" in str(error)


@pytest.mark.parametrize("name", ["Retry-After", "retry-after", "RETRY-AFTER"])
def test_retry_after_is_read_whatever_the_case_of_a_plain_header_mapping(name: str) -> None:
    error = RateLimitError(
        status_code=429,
        method="GET",
        url="https://api.example/x",
        details=parse_error_body("which50", b"", "application/json"),
        headers={name: "7"},
    )
    assert error.retry_after == 7.0
