"""Credentials never show in headers, URLs, reprs, exceptions or debug logs."""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator
from typing import Any

import contactimport_spec
import httpx
import pytest
from contactimport.checkmarket import CheckMarket
from contactimport.errors import AuthenticationError
from contactimport.settings import configure_debug_logging
from contactimport.transport import REDACTED, redact_headers, redact_text, redact_url
from contactimport.transport.redaction import (
    credential_locations,
    sensitive_headers,
    sensitive_query_names,
)
from contactimport.which50 import Which50

TOKEN = "tok-SECRET-123"
MASTER = "master-SECRET-456"
KEY = "key-SECRET-789"


def test_sensitive_headers_are_redacted_in_any_case() -> None:
    headers = redact_headers(
        {
            "authorization": f"Bearer {TOKEN}",
            "X-MASTER-KEY": MASTER,
            "x-key": KEY,
            "Cookie": "session=1",
            "Accept": "application/json",
        }
    )
    assert headers == {
        "authorization": REDACTED,
        "X-MASTER-KEY": REDACTED,
        "x-key": REDACTED,
        "Cookie": REDACTED,
        "Accept": "application/json",
    }


@pytest.fixture
def patched_specs(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, dict[str, Any]]]:
    """The spec documents as `contactimport_spec.document` returns them, open to changes for one
    test; the redaction caches are read again before and after."""
    documents: dict[str, dict[str, Any]] = {
        api: contactimport_spec.document(api) for api in contactimport_spec.APIS
    }
    monkeypatch.setattr(contactimport_spec, "document", lambda api: copy.deepcopy(documents[api]))
    sensitive_headers.cache_clear()
    sensitive_query_names.cache_clear()
    yield documents
    sensitive_headers.cache_clear()
    sensitive_query_names.cache_clear()


def test_the_credential_headers_are_those_of_the_specs_security_schemes() -> None:
    from contactimport_spec import document

    assert credential_locations(document("which50"))["header"] == {"authorization"}
    assert credential_locations(document("checkmarket"))["header"] == {"x-master-key", "x-key"}
    assert {"authorization", "x-master-key", "x-key", "cookie"} <= sensitive_headers()


def test_a_header_scheme_added_to_a_spec_is_redacted(
    patched_specs: dict[str, dict[str, Any]],
) -> None:
    schemes = patched_specs["checkmarket"]["components"]["securitySchemes"]
    schemes["PartnerToken"] = {"type": "apiKey", "in": "header", "name": "X-Partner-Token"}
    schemes["Signed"] = {"type": "apiKey", "in": "query", "name": "sig_v2"}
    headers = redact_headers({"x-partner-token": TOKEN, "X-Key": KEY, "Accept": "*/*"})
    assert headers == {"x-partner-token": REDACTED, "X-Key": REDACTED, "Accept": "*/*"}
    assert TOKEN not in redact_url(f"https://cm.example/3/x?sig_v2={TOKEN}&name=a")


def test_a_header_no_spec_names_any_longer_is_not_redacted(
    patched_specs: dict[str, dict[str, Any]],
) -> None:
    # the names come from the specs, not from a list kept beside them
    del patched_specs["checkmarket"]["components"]["securitySchemes"]["Key"]
    assert redact_headers({"X-Key": "visible", "X-Master-Key": MASTER}) == {
        "X-Key": "visible",
        "X-Master-Key": REDACTED,
    }


def test_urls_lose_user_info_and_credential_like_query_values() -> None:
    url = f"https://me:{TOKEN}@host/x?api_key={KEY}&token={TOKEN}&match=Email,Name&name=a%20b"
    redacted = redact_url(url)
    assert TOKEN not in redacted and KEY not in redacted
    assert "match=Email,Name" in redacted
    assert "name=a+b" in redacted or "name=a%20b" in redacted


def test_free_text_redaction_replaces_known_secrets() -> None:
    assert redact_text(f"echo {TOKEN} and {KEY}", [TOKEN, KEY]) == f"echo {REDACTED} and {REDACTED}"


def test_client_reprs_hide_credentials() -> None:
    with Which50(TOKEN, base_url="https://w50.example/Which50API") as w50:
        assert TOKEN not in repr(w50)
        assert TOKEN not in repr(w50.generated)
    with CheckMarket(MASTER, KEY, base_url="https://cm.example") as cm:
        assert MASTER not in repr(cm) and KEY not in repr(cm)
        assert MASTER not in repr(cm.generated) and KEY not in repr(cm.generated)


def _echo_unauthorized(request: httpx.Request) -> httpx.Response:
    # A hostile server echoing the credentials it got back in the error message.
    echoed = " ".join(request.headers.get(h, "") for h in ("authorization", "x-key"))
    return httpx.Response(401, json={"Message": f"Denied for {echoed}"})


def test_exceptions_hide_credentials_even_when_the_server_echoes_them() -> None:
    with (
        Which50(
            TOKEN,
            base_url="https://w50.example/Which50API",
            transport=httpx.MockTransport(_echo_unauthorized),
        ) as w50,
        pytest.raises(AuthenticationError) as caught,
    ):
        w50.list_contact_lists()
    error = caught.value
    text = " ".join([str(error), repr(error), str(error.__dict__), str(error.args)])
    assert TOKEN not in text
    assert error.__cause__ is None and error.__context__ is None


def test_connection_errors_hide_credentials() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"refused {request.headers['x-master-key']}", request=request)

    from contactimport.errors import APIConnectionError

    with (
        CheckMarket(
            MASTER,
            KEY,
            base_url="https://cm.example",
            transport=httpx.MockTransport(refuse),
            max_retries=0,
        ) as cm,
        pytest.raises(APIConnectionError) as caught,
    ):
        cm.list_import_configs()
    text = " ".join([str(caught.value), repr(caught.value)])
    assert MASTER not in text and KEY not in text
    assert caught.value.__cause__ is None


def test_debug_log_shows_requests_without_credentials(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONTACTIMPORT_DEBUG", "1")
    assert configure_debug_logging()
    caplog.set_level(logging.DEBUG, logger="contactimport")

    def ok(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[])

    with Which50(
        TOKEN,
        base_url=f"https://me:{TOKEN}@w50.example/Which50API",
        transport=httpx.MockTransport(ok),
    ) as w50:
        assert w50.list_contact_lists() == []
    messages = "\n".join(record.getMessage() for record in caplog.records)
    assert "request GET https://[REDACTED]@w50.example/Which50API/contactLists" in messages
    assert (
        "'Authorization': '[REDACTED]'" in messages or "'authorization': '[REDACTED]'" in messages
    )
    assert "response GET" in messages
    assert TOKEN not in messages


def test_debug_logging_is_off_without_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONTACTIMPORT_DEBUG", raising=False)
    assert not configure_debug_logging()
    monkeypatch.setenv("CONTACTIMPORT_DEBUG", "0")
    assert not configure_debug_logging()


def test_exceptions_hide_the_bare_token_when_the_server_echoes_only_the_token() -> None:
    def echo_token(request: httpx.Request) -> httpx.Response:
        token = request.headers["authorization"].split(" ", 1)[1]
        return httpx.Response(401, json={"Message": f"Unknown token {token}"})

    with (
        Which50(
            TOKEN,
            base_url="https://w50.example/Which50API",
            transport=httpx.MockTransport(echo_token),
        ) as w50,
        pytest.raises(AuthenticationError) as caught,
    ):
        w50.list_contact_lists()
    text = " ".join([str(caught.value), repr(caught.value), str(caught.value.__dict__)])
    assert TOKEN not in text
    assert REDACTED in str(caught.value)
