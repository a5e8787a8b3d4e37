# Generated from spec/which50.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.import_job import ImportJob
from ...types import UNSET, Response, Unset, encode_query


def _get_kwargs(
    contact_list_id: int,
    import_job_id: int,
    *,
    customevents: list[str] | Unset = UNSET,
    match: list[str] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_customevents: list[str] | Unset = UNSET
    if not isinstance(customevents, Unset):
        json_customevents = customevents

    params["customevents"] = json_customevents

    json_match: list[str] | Unset = UNSET
    if not isinstance(match, Unset):
        json_match = match

    params["match"] = json_match

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contactLists/{contact_list_id}/import/{import_job_id}/run".format(
            contact_list_id=quote(str(contact_list_id), safe=""),
            import_job_id=quote(str(import_job_id), safe=""),
        )
        + encode_query(params),
    }

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
    customevents: list[str] | Unset = UNSET,
    match: list[str] | Unset = UNSET,
) -> Response[Error | ImportJob]:
    """Run an import job (insert or update by match)

     Starts the batch insert/update of the contacts loaded into a `Loaded` job; the job becomes `Running`
    and finishes in the background (poll `getImportJob`). Without `match` every loaded contact is
    inserted. With `match`, each loaded contact's own values of the named properties select the existing
    contacts to update (all of them when several match); a loaded contact matching none is inserted.
    `customevents` names custom events to run for every inserted or updated contact. Running a job that
    is not `Loaded` (empty, already run) is refused with 409 and changes nothing.

    Args:
        contact_list_id (int):
        import_job_id (int):
        customevents (list[str] | Unset):
        match (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ImportJob]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        import_job_id=import_job_id,
        customevents=customevents,
        match=match,
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
    customevents: list[str] | Unset = UNSET,
    match: list[str] | Unset = UNSET,
) -> Error | ImportJob | None:
    """Run an import job (insert or update by match)

     Starts the batch insert/update of the contacts loaded into a `Loaded` job; the job becomes `Running`
    and finishes in the background (poll `getImportJob`). Without `match` every loaded contact is
    inserted. With `match`, each loaded contact's own values of the named properties select the existing
    contacts to update (all of them when several match); a loaded contact matching none is inserted.
    `customevents` names custom events to run for every inserted or updated contact. Running a job that
    is not `Loaded` (empty, already run) is refused with 409 and changes nothing.

    Args:
        contact_list_id (int):
        import_job_id (int):
        customevents (list[str] | Unset):
        match (list[str] | Unset):

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
        customevents=customevents,
        match=match,
    ).parsed


async def asyncio_detailed(
    contact_list_id: int,
    import_job_id: int,
    *,
    client: AuthenticatedClient | Client,
    customevents: list[str] | Unset = UNSET,
    match: list[str] | Unset = UNSET,
) -> Response[Error | ImportJob]:
    """Run an import job (insert or update by match)

     Starts the batch insert/update of the contacts loaded into a `Loaded` job; the job becomes `Running`
    and finishes in the background (poll `getImportJob`). Without `match` every loaded contact is
    inserted. With `match`, each loaded contact's own values of the named properties select the existing
    contacts to update (all of them when several match); a loaded contact matching none is inserted.
    `customevents` names custom events to run for every inserted or updated contact. Running a job that
    is not `Loaded` (empty, already run) is refused with 409 and changes nothing.

    Args:
        contact_list_id (int):
        import_job_id (int):
        customevents (list[str] | Unset):
        match (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ImportJob]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        import_job_id=import_job_id,
        customevents=customevents,
        match=match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_list_id: int,
    import_job_id: int,
    *,
    client: AuthenticatedClient | Client,
    customevents: list[str] | Unset = UNSET,
    match: list[str] | Unset = UNSET,
) -> Error | ImportJob | None:
    """Run an import job (insert or update by match)

     Starts the batch insert/update of the contacts loaded into a `Loaded` job; the job becomes `Running`
    and finishes in the background (poll `getImportJob`). Without `match` every loaded contact is
    inserted. With `match`, each loaded contact's own values of the named properties select the existing
    contacts to update (all of them when several match); a loaded contact matching none is inserted.
    `customevents` names custom events to run for every inserted or updated contact. Running a job that
    is not `Loaded` (empty, already run) is refused with 409 and changes nothing.

    Args:
        contact_list_id (int):
        import_job_id (int):
        customevents (list[str] | Unset):
        match (list[str] | Unset):

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
            customevents=customevents,
            match=match,
        )
    ).parsed
