"""Credentials never show in headers, URLs, reprs, exceptions or debug logs."""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator
from typing import Any

import contactimport.generated.spec
import httpx
import pytest
from contactimport.checkmarket import CheckMarket
from contactimport.errors import AuthenticationError
from contactimport.settings import configure_debug_logging
from contactimport.transport import (
    REDACTED,
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
    redact_headers,
    redact_text,
    redact_url,
)
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
    """The spec documents as `contactimport.generated.spec.document` returns them, open to changes
    for one test; the redaction caches are read again before and after."""
    documents: dict[str, dict[str, Any]] = {
        api: contactimport.generated.spec.document(api) for api in contactimport.generated.spec.APIS
    }
    monkeypatch.setattr(
        contactimport.generated.spec, "document", lambda api: copy.deepcopy(documents[api])
    )
    sensitive_headers.cache_clear()
    sensitive_query_names.cache_clear()
    yield documents
    sensitive_headers.cache_clear()
    sensitive_query_names.cache_clear()


def test_the_credential_headers_are_those_of_the_specs_security_schemes() -> None:
    from contactimport.generated.spec import document

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
        base_url="https://w50.example/Which50API",
        transport=httpx.MockTransport(ok),
    ) as w50:
        assert w50.list_contact_lists() == []
    messages = "\n".join(record.getMessage() for record in caplog.records)
    assert "request GET https://w50.example/Which50API/contactLists" in messages
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


# -- user info in a base URL ---------------------------------------------------------------------
PASSWORD = "pw-SECRET-321"


@pytest.mark.parametrize("api", ["which50", "checkmarket", "which50-env", "checkmarket-async"])
def test_a_base_url_with_user_info_is_refused_without_showing_it(
    api: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Neither spec has an HTTP basic scheme: user info would be shown (repr, httpx's INFO log
    # line) and sent as `Authorization: Basic`, replacing the W50 bearer token.
    from contactimport.checkmarket import AsyncCheckMarket
    from contactimport.errors import InvalidParameterError

    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=[])

    caplog.set_level(logging.DEBUG)
    url = f"https://me:{PASSWORD}@api.example"
    with pytest.raises(InvalidParameterError) as caught:
        if api == "which50":
            with Which50(TOKEN, base_url=url, transport=httpx.MockTransport(record)) as w50:
                w50.list_contact_lists()
        elif api == "which50-env":
            monkeypatch.setenv("WHICH50_BASE_URL", url + "/Which50API")
            with Which50(TOKEN, transport=httpx.MockTransport(record)) as w50:
                w50.list_contact_lists()
        elif api == "checkmarket":
            with CheckMarket(
                MASTER, KEY, base_url=url, transport=httpx.MockTransport(record)
            ) as cm:
                cm.list_import_configs()
        else:
            AsyncCheckMarket(MASTER, KEY, base_url=url)
    message = str(caught.value)
    assert "user info" in message and "not HTTP basic" in message
    assert "bearer" in message if api.startswith("which50") else "X-Master-Key" in message
    assert "https://[REDACTED]@api.example" in message
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert PASSWORD not in message + repr(caught.value) + logged
    assert sent == []


# -- no exception chain holds a credentialed request ---------------------------------------------
def _reachable_text(root: object) -> str:
    """Every string reachable from an exception: its args, attributes, `__context__`,
    `__cause__`, and any httpx request or response among them (method, URL, every header)."""
    seen: set[int] = set()
    found: list[str] = []
    pending: list[object] = [root]
    while pending:
        item = pending.pop()
        if id(item) in seen or item is None:
            continue
        seen.add(id(item))
        if isinstance(item, str | bytes):
            found.append(item if isinstance(item, str) else item.decode("latin-1"))
        elif isinstance(item, BaseException):
            pending += [item.args, item.__context__, item.__cause__, vars(item)]
        elif isinstance(item, httpx.Request):
            pending += [item.method, str(item.url), item.headers.raw, item.extensions]
        elif isinstance(item, httpx.Response):
            pending += [item.request, item.headers.raw]
        elif isinstance(item, dict):
            pending += [*item.keys(), *item.values()]
        elif isinstance(item, list | tuple | set | frozenset):
            pending += list(item)
        elif hasattr(item, "__dict__"):
            pending.append(vars(item))
    return "\n".join(found)


def _assert_no_secret(error: BaseException, *secrets: str) -> None:
    import traceback

    text = _reachable_text(error) + "".join(traceback.format_exception(error))
    for secret in secrets:
        assert secret not in text


def _failing(error: type[httpx.TransportError]) -> httpx.MockTransport:
    def fail(request: httpx.Request) -> httpx.Response:
        raise error("the network is down", request=request)

    return httpx.MockTransport(fail)


@pytest.mark.parametrize("error", [httpx.ConnectError, httpx.ReadTimeout, httpx.ReadError])
@pytest.mark.parametrize("retries", [0, 1])
def test_no_transport_exception_of_the_sync_clients_holds_a_credential(
    error: type[httpx.TransportError], retries: int
) -> None:
    from contactimport.errors import APIConnectionError

    policy = RetryPolicy(max_retries=retries, initial_backoff=0, max_backoff=0)
    with (
        Which50(
            TOKEN, base_url="https://w50.example/W", transport=_failing(error), retry_policy=policy
        ) as w50,
        pytest.raises(APIConnectionError) as caught,
    ):
        w50.list_contact_lists()
    assert caught.value.__context__ is None and caught.value.__cause__ is None
    _assert_no_secret(caught.value, TOKEN)
    with (
        CheckMarket(
            MASTER,
            KEY,
            base_url="https://cm.example",
            transport=_failing(error),
            retry_policy=policy,
        ) as cm,
        pytest.raises(APIConnectionError) as caught,
    ):
        cm.list_import_configs()
    _assert_no_secret(caught.value, MASTER, KEY)


@pytest.mark.parametrize("error", [httpx.ConnectError, httpx.WriteTimeout])
def test_no_transport_exception_of_the_async_clients_holds_a_credential(
    error: type[httpx.TransportError],
) -> None:
    import asyncio

    from contactimport.checkmarket import AsyncCheckMarket
    from contactimport.errors import APIConnectionError
    from contactimport.which50 import AsyncWhich50

    async def fail(request: httpx.Request) -> httpx.Response:
        raise error("the network is down", request=request)

    async def calls() -> list[APIConnectionError]:
        caught: list[APIConnectionError] = []
        async with AsyncWhich50(
            TOKEN,
            base_url="https://w50.example/W",
            transport=httpx.MockTransport(fail),
            max_retries=1,
        ) as w50:
            try:
                await w50.list_contact_lists()
            except APIConnectionError as failure:
                caught.append(failure)
        async with AsyncCheckMarket(
            MASTER,
            KEY,
            base_url="https://cm.example",
            transport=httpx.MockTransport(fail),
            max_retries=1,
        ) as cm:
            try:
                await cm.list_import_configs()
            except APIConnectionError as failure:
                caught.append(failure)
        return caught

    caught = asyncio.run(calls())
    assert len(caught) == 2
    for failure in caught:
        _assert_no_secret(failure, TOKEN, MASTER, KEY)


@pytest.mark.parametrize("retries", [0, 2])
def test_the_retry_transports_raise_errors_without_the_credentials(retries: int) -> None:
    import asyncio

    policy = RetryPolicy(max_retries=retries, initial_backoff=0, max_backoff=0)
    request = httpx.Request(
        "GET",
        f"https://me:{PASSWORD}@w50.example/W/contactLists?token={TOKEN}",
        headers={"Authorization": f"Bearer {TOKEN}", "X-Key": KEY},
    )
    with pytest.raises(httpx.ConnectError) as caught:
        RetryTransport(_failing(httpx.ConnectError), policy=policy).handle_request(request)
    _assert_no_secret(caught.value, TOKEN, KEY, PASSWORD)
    assert caught.value.request.headers["authorization"] == REDACTED
    assert caught.value.request.url.host == "w50.example"

    async def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("the network is down", request=request)

    async def send() -> None:
        transport = AsyncRetryTransport(httpx.MockTransport(fail), policy=policy)
        await transport.handle_async_request(request)

    with pytest.raises(httpx.ConnectError) as caught:
        asyncio.run(send())
    _assert_no_secret(caught.value, TOKEN, KEY, PASSWORD)
