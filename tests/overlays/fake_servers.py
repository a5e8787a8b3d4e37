"""The workflow tests' in-memory fakes, served to the real clients over ``httpx.MockTransport``.

A fake keeps the API's state and injects faults (an API error raised by the fake becomes that
HTTP answer, an ``APIConnectionError`` a dropped connection); the workflow talks to a real
``Which50``/``CheckMarket`` client (no transport retries), so what it sends and reads is what the
clients send and return.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, Final

import httpx
from contactimport.checkmarket import AsyncCheckMarket, CheckMarket
from contactimport.errors import APIConnectionError, APIStatusError
from contactimport.which50 import AsyncWhich50, Which50

W50_URL: Final = "https://w50.fake.test/Which50API"
CM_URL: Final = "https://cm.fake.test"

Handler = Callable[[httpx.Request], httpx.Response]


def _answer(request: httpx.Request, call: Callable[[], Any], wrap: bool) -> httpx.Response:
    """Run the fake's ``call``: its result as JSON (in a CheckMarket Payload when ``wrap``), or
    its fault as the HTTP answer (a dropped connection for ``APIConnectionError``)."""
    try:
        data = call()
    except APIConnectionError as error:
        raise httpx.ConnectError(str(error), request=request) from error
    except APIStatusError as error:
        body: Any = {"Message": error.message or "fault"}
        if wrap:
            body = {"Meta": {"Status": error.status_code}, "Data": body}
        return httpx.Response(error.status_code, json=body, headers=error.headers)
    except KeyError:
        body = {"Message": "not found"}
        if wrap:
            body = {"Meta": {"Status": 404}, "Data": body}
        return httpx.Response(404, json=body)
    if wrap:
        data = {"Meta": {"Status": 200}, "Data": data}
    return httpx.Response(200, json=data)


def _names(request: httpx.Request, name: str) -> list[str]:
    """A list query parameter (sent comma-separated)."""
    return [
        item for value in request.url.params.get_list(name) for item in value.split(",") if item
    ]


_W50_IMPORT: Final = re.compile(r"/Which50API/contactLists/(\d+)/import(?:/(\d+))?(/run)?$")
_W50_FIELDS: Final = re.compile(r"/Which50API/contactLists/(\d+)/fields$")


def which50_handler(fake: Any) -> Handler:
    """Route the W50 import job requests (and the reading of a list's fields, when the fake has
    ``list_contact_list_fields``) to ``fake``."""

    def handle(request: httpx.Request) -> httpx.Response:
        if fields := _W50_FIELDS.search(request.url.path):
            list_id = int(fields[1])

            def read_fields() -> Any:
                return [field.to_dict() for field in fake.list_contact_list_fields(list_id)]

            return _answer(request, read_fields, wrap=False)
        found = _W50_IMPORT.search(request.url.path)
        assert found is not None, f"the fake does not serve {request.method} {request.url}"
        list_id, job_id, run = int(found[1]), found[2], found[3]
        if job_id is None:
            names = json.loads(request.content)["FieldNames"]
            return _answer(request, lambda: fake.create_import_job(list_id, names), wrap=False)
        job = int(job_id)
        if run:
            match = _names(request, "match")
            method = request.method
            values = {name: request.url.params[name] for name in match} if method == "PATCH" else {}

            def run_job() -> Any:
                return fake.run_import_job(
                    list_id,
                    job,
                    match=match,
                    custom_events=_names(request, "customevents"),
                    match_values=values,
                    method=method,
                )

            return _answer(request, run_job, wrap=False)
        if request.method == "GET":
            return _answer(request, lambda: fake.get_import_job(list_id, job), wrap=False)
        contacts = json.loads(request.content)

        return _answer(
            request, lambda: fake.upload_import_batch(list_id, job, contacts), wrap=False
        )

    return handle


_CM_CONFIGS: Final = re.compile(r"/3/contacts/import/configs(?:/(\d+))?$")
_CM_IMPORT: Final = re.compile(r"/3/contacts/import/(?:result/)?(\d+)$")


def checkmarket_handler(fake: Any) -> Handler:
    """Route the CheckMarket import requests to ``fake`` (a ``FakeCheckMarket``)."""

    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if configs := _CM_CONFIGS.search(path):
            if configs[1] is not None:
                config_id = int(configs[1])
                return _answer(request, lambda: fake.get_import_config(config_id), wrap=True)
            if request.method == "GET":
                return _answer(request, fake.list_import_configs, wrap=True)
            config = json.loads(request.content)
            return _answer(request, lambda: fake.create_import_config(config), wrap=True)
        # GET /3/contacts/import/{queueItemId} reads a result, POST .../{importConfigId} queues.
        found = _CM_IMPORT.search(path)
        assert found is not None, f"the fake does not serve {request.method} {request.url}"
        if request.method == "GET":
            queue_item_id = int(found[1])
            return _answer(request, lambda: fake.get_import_result(queue_item_id), wrap=True)
        contacts = json.loads(request.content)
        config_id = int(found[1])
        return _answer(request, lambda: fake.bulk_import_contacts(config_id, contacts), wrap=True)

    return handle


def which50_over(fake: Any) -> Which50:
    """A ``Which50`` client whose requests ``fake`` answers."""
    transport = httpx.MockTransport(which50_handler(fake))
    return Which50("w50-token", base_url=W50_URL, transport=transport, max_retries=0)


def async_which50_over(fake: Any) -> AsyncWhich50:
    """An ``AsyncWhich50`` client whose requests ``fake`` answers."""
    transport = httpx.MockTransport(which50_handler(fake))
    return AsyncWhich50("w50-token", base_url=W50_URL, transport=transport, max_retries=0)


def checkmarket_over(fake: Any) -> CheckMarket:
    """A ``CheckMarket`` client whose requests ``fake`` answers."""
    transport = httpx.MockTransport(checkmarket_handler(fake))
    return CheckMarket("master", "key", base_url=CM_URL, transport=transport, max_retries=0)


def async_checkmarket_over(fake: Any) -> AsyncCheckMarket:
    """An ``AsyncCheckMarket`` client whose requests ``fake`` answers."""
    transport = httpx.MockTransport(checkmarket_handler(fake))
    return AsyncCheckMarket("master", "key", base_url=CM_URL, transport=transport, max_retries=0)
