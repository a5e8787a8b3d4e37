"""Fixtures for the sandbox tests: a fresh in-process sandbox per test (httpx over ASGI), a live
uvicorn server on a free port for real-HTTP tests, and a checker that every response matches the
spec (status listed for the operation, body valid against the response schema, JSON or XML)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from contactimport_sandbox import SandboxOptions, create_app, running_sandbox
from contactimport_sandbox.spec import document, operation, resolve
from contactimport_sandbox.validation import SchemaValidator

W50 = "/Which50API"
W50_AUTH = {"Authorization": "Bearer w50-acme-full"}
W50_READONLY = {"Authorization": "Bearer w50-acme-readonly"}
W50_OTHER = {"Authorization": "Bearer w50-globex-full"}
CM_AUTH = {"X-Master-Key": "cm-acme-master", "X-Key": "cm-acme-contacts-write"}
CM_READONLY = {"X-Master-Key": "cm-acme-master", "X-Key": "cm-acme-contacts-read"}
CM_OTHER = {"X-Master-Key": "cm-globex-master", "X-Key": "cm-globex-contacts-write"}
ADMIN = {"X-Sandbox-Admin-Key": "sandbox-admin-local"}  # the control endpoints' key (fixtures)
CUSTOMERS = 1  # acme's list: Email, Mobile, FirstName, LastName, ReferanceAccountId, Segment
# CUSTOMERS' Segment has the fixed values Standard, Gold, Legacy and the DefaultValue Standard.
SEGMENT_DEFAULT = {"Segment": "Standard"}
NEWSLETTER = 2  # acme's second list: Email, FirstName
GLOBEX_LIST = 3


def inserted(values: dict[str, Any]) -> dict[str, Any]:
    """What a contact of CUSTOMERS inserted with these values holds: Segment defaults to
    Standard when the values have none."""
    return values if values.get("Segment") is not None else {**values, **SEGMENT_DEFAULT}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def options() -> SandboxOptions:
    return SandboxOptions()


@pytest.fixture
def app(options: SandboxOptions) -> Iterator[Any]:
    application = create_app(options=options)
    yield application
    application.state.sandbox.close()


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as http:
        yield http


# -- the spec as the oracle -------------------------------------------------------------------
_VALIDATORS = {api: SchemaValidator(document(api)) for api in ("which50", "checkmarket")}


def response_schema(api: str, operation_id: str, status: int) -> str:
    doc = document(api)
    _, _, op = operation(doc, operation_id)
    responses = op["responses"]
    assert str(status) in responses, f"{operation_id} does not document status {status}"
    response = resolve(doc, responses[str(status)])
    ref = response["content"]["application/json"]["schema"]["$ref"]
    return str(ref).rsplit("/", 1)[-1]


def body_of(api: str, schema: str, response: httpx.Response) -> Any:
    media = response.headers["content-type"].split(";")[0]
    if media in ("application/xml", "text/xml"):
        from contactimport.datacontract import DataContractCodec

        return DataContractCodec.for_api(api).decode(schema, response.content)  # type: ignore[arg-type]
    assert media in ("application/json", "text/json"), media
    return response.json()


def check(api: str, operation_id: str, response: httpx.Response, status: int = 200) -> Any:
    """Assert the status, that the spec documents it, and that the body matches its schema."""
    assert response.status_code == status, (response.status_code, response.text)
    schema = response_schema(api, operation_id, status)
    body = body_of(api, schema, response)
    _VALIDATORS[api].validate(schema, body)
    return body


def w50_error(operation_id: str, response: httpx.Response, status: int) -> str:
    body = check("which50", operation_id, response, status)
    return str(body["Message"])


def cm_error(operation_id: str, response: httpx.Response, status: int) -> Any:
    body = check("checkmarket", operation_id, response, status)
    assert body["Meta"]["Status"] == status
    return body["Data"]


# -- W50 helpers --------------------------------------------------------------------------------
async def wait_for_job(
    client: httpx.AsyncClient, list_id: int, job_id: int, timeout: float = 10.0
) -> dict[str, Any]:
    import anyio

    deadline = time.monotonic() + timeout
    while True:
        response = await client.get(
            f"{W50}/contactLists/{list_id}/import/{job_id}", headers=W50_AUTH
        )
        job: dict[str, Any] = check("which50", "getImportJob", response)
        if job["CurrentStatus"] in ("Finished", "Failed"):
            return job
        assert time.monotonic() < deadline, f"job still {job['CurrentStatus']}"
        await anyio.sleep(0.01)


async def import_contacts(
    client: httpx.AsyncClient,
    contacts: list[dict[str, Any]],
    field_names: list[str],
    query: str = "",
    method: str = "POST",
    list_id: int = CUSTOMERS,
) -> dict[str, Any]:
    """Create a job, load the contacts in one batch, run it and wait until it is done."""
    response = await client.post(
        f"{W50}/contactLists/{list_id}/import", headers=W50_AUTH, json={"FieldNames": field_names}
    )
    job = check("which50", "createImportJob", response)
    response = await client.post(
        f"{W50}/contactLists/{list_id}/import/{job['Id']}",
        headers=W50_AUTH,
        json=[{"Values": values} for values in contacts],
    )
    check("which50", "uploadImportBatch", response)
    response = await client.request(
        method, f"{W50}/contactLists/{list_id}/import/{job['Id']}/run{query}", headers=W50_AUTH
    )
    operation_id = {"POST": "runImportJob", "PUT": "runImportJobPut", "PATCH": "runImportJobPatch"}
    check("which50", operation_id[method], response)
    return await wait_for_job(client, list_id, job["Id"])


async def upsert(
    client: httpx.AsyncClient,
    values: dict[str, Any],
    query: str = "",
    method: str = "POST",
    list_id: int = CUSTOMERS,
) -> httpx.Response:
    return await client.request(
        method,
        f"{W50}/contactLists/{list_id}/contact{query}",
        headers=W50_AUTH,
        json={"Values": values},
    )


async def list_count(client: httpx.AsyncClient, list_id: int = CUSTOMERS) -> int:
    response = await client.get(f"{W50}/contactLists", headers=W50_AUTH)
    lists = check("which50", "listContactLists", response)
    return int(next(item["Count"] for item in lists if item["Id"] == list_id))


# -- a live server over real HTTP ---------------------------------------------------------------
@dataclass
class Live:
    origin: str
    app: Any


@pytest.fixture
def live_options() -> SandboxOptions:
    return SandboxOptions()


@pytest.fixture
def live_db(tmp_path: Path) -> str | Path:
    """The live server's database: a file (parametrize ``live_db`` with ":memory:" for none)."""
    return tmp_path / "sandbox.db"


@pytest.fixture
def live(live_db: str | Path, live_options: SandboxOptions) -> Iterator[Live]:
    """uvicorn in a thread, on a free port, with a file database unless ``live_db`` says
    (``running_sandbox``, the starter the pytest plugin uses)."""
    with running_sandbox(db=live_db, options=live_options) as server:
        yield Live(server.url, server.app)
