# Generated from spec/which50.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.error import Error
from ...models.import_job import ImportJob
from ...types import Response


def _get_kwargs(
    contact_list_id: int,
    import_job_id: int,
    *,
    body: list[Contact],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contactLists/{contact_list_id}/import/{import_job_id}".format(
            contact_list_id=quote(str(contact_list_id), safe=""),
            import_job_id=quote(str(import_job_id), safe=""),
        ),
    }

    _kwargs["json"] = []
    for componentsschemas_array_of_contact_item_data in body:
        componentsschemas_array_of_contact_item = (
            componentsschemas_array_of_contact_item_data.to_dict()
        )
        _kwargs["json"].append(componentsschemas_array_of_contact_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ImportJob | None:
    if response.status_code == 200:
        response_200 = ImportJob.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 406:
        response_406 = Error.from_dict(response.json())

        return response_406

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 417:
        response_417 = Error.from_dict(response.json())

        return response_417

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | ImportJob]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contact_list_id: int,
    import_job_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: list[Contact],
) -> Response[Error | ImportJob]:
    """Load a batch of contacts into an import job

     Adds up to 10,000 contacts to the job (`Created` or `Loaded`); call it as often as needed before
    running the job. Only the job's `FieldNames` are taken from each contact's Values. The job becomes
    `Loaded`; the answer is the job, its `TotalContacts` counting every contact loaded so far. A job
    that is `Running`, `Finished` or `Failed` takes no more contacts (409).

    Args:
        contact_list_id (int):
        import_job_id (int):
        body (list[Contact]): A batch of contacts for an import job (1 to 10,000).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ImportJob]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        import_job_id=import_job_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact_list_id: int,
    import_job_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: list[Contact],
) -> Error | ImportJob | None:
    """Load a batch of contacts into an import job

     Adds up to 10,000 contacts to the job (`Created` or `Loaded`); call it as often as needed before
    running the job. Only the job's `FieldNames` are taken from each contact's Values. The job becomes
    `Loaded`; the answer is the job, its `TotalContacts` counting every contact loaded so far. A job
    that is `Running`, `Finished` or `Failed` takes no more contacts (409).

    Args:
        contact_list_id (int):
        import_job_id (int):
        body (list[Contact]): A batch of contacts for an import job (1 to 10,000).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ImportJob
    """

    return sync_detailed(
        contact_list_id=contact_list_id,
        import_job_id=import_job_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    contact_list_id: int,
    import_job_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: list[Contact],
) -> Response[Error | ImportJob]:
    """Load a batch of contacts into an import job

     Adds up to 10,000 contacts to the job (`Created` or `Loaded`); call it as often as needed before
    running the job. Only the job's `FieldNames` are taken from each contact's Values. The job becomes
    `Loaded`; the answer is the job, its `TotalContacts` counting every contact loaded so far. A job
    that is `Running`, `Finished` or `Failed` takes no more contacts (409).

    Args:
        contact_list_id (int):
        import_job_id (int):
        body (list[Contact]): A batch of contacts for an import job (1 to 10,000).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ImportJob]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        import_job_id=import_job_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_list_id: int,
    import_job_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: list[Contact],
) -> Error | ImportJob | None:
    """Load a batch of contacts into an import job

     Adds up to 10,000 contacts to the job (`Created` or `Loaded`); call it as often as needed before
    running the job. Only the job's `FieldNames` are taken from each contact's Values. The job becomes
    `Loaded`; the answer is the job, its `TotalContacts` counting every contact loaded so far. A job
    that is `Running`, `Finished` or `Failed` takes no more contacts (409).

    Args:
        contact_list_id (int):
        import_job_id (int):
        body (list[Contact]): A batch of contacts for an import job (1 to 10,000).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ImportJob
    """

    return (
        await asyncio_detailed(
            contact_list_id=contact_list_id,
            import_job_id=import_job_id,
            client=client,
            body=body,
        )
    ).parsed
