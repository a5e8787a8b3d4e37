"""Answers are judged by what the spec says of the operation, not by the API's name: an
enveloped answer (`x-envelope`) is checked for an error status of its own under HTTP 200."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from contactimport._core import ClientCore
from contactimport._requests import PreparedCall
from contactimport._responses import read
from contactimport._spec import ApiName, OperationSpec
from contactimport.errors import ServerError

URL = "http://sandbox.test/Which50API/answers"
PAYLOAD = {"Meta": {"Status": 503}, "Data": "down for maintenance, token secret-token"}


def _core(api: ApiName) -> ClientCore:
    return ClientCore(
        api=api,
        base_url="http://sandbox.test/Which50API",
        auth_headers={"Authorization": "Bearer secret-token"},
        wire_format="json",
        timeout=5.0,
        max_retries=0,
        retry_policy=None,
        user_agent_extra=None,
        headers=None,
    )


def _call(api: ApiName, envelope: str | None) -> PreparedCall[Any]:
    operation = OperationSpec(
        api=api,
        operation_id="getAnswer",
        method="GET",
        path="/answers",
        request_schema=None,
        response_schema="Answer",
        request_max_items=None,
        query_names=frozenset(),
        envelope=envelope,
    )
    return PreparedCall(
        operation=operation,
        kwargs={},
        parse=lambda data: data,
        wire_format="json",
        replay_safe=True,
    )


def _answer() -> httpx.Response:
    return httpx.Response(200, json=PAYLOAD, request=httpx.Request("GET", URL))


@pytest.mark.parametrize("api", ["which50", "checkmarket"])
def test_an_enveloped_answer_with_an_error_status_raises_whatever_the_api(api: ApiName) -> None:
    with pytest.raises(ServerError) as caught:
        read(_core(api), _call(api, envelope="Data"), _answer())
    assert caught.value.status_code == 503
    assert "secret-token" not in str(caught.value)


@pytest.mark.parametrize("api", ["which50", "checkmarket"])
def test_an_answer_without_an_envelope_is_not_read_as_one(api: ApiName) -> None:
    assert read(_core(api), _call(api, envelope=None), _answer()) == PAYLOAD
