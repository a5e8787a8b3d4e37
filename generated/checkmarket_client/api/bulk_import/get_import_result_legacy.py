# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_payload import ErrorPayload
from ...models.import_result_payload import ImportResultPayload
from ...types import Response


def _get_kwargs(
    queue_item_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/3/contacts/import/result/{queue_item_id}".format(
            queue_item_id=quote(str(queue_item_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorPayload | ImportResultPayload | None:
    if response.status_code == 200:
        response_200 = ImportResultPayload.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorPayload.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorPayload.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorPayload.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorPayload.from_dict(response.json())

        return response_404

    if response.status_code == 406:
        response_406 = ErrorPayload.from_dict(response.json())

        return response_406

    if response.status_code == 429:
        response_429 = ErrorPayload.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorPayload.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorPayload.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorPayload | ImportResultPayload]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    queue_item_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorPayload | ImportResultPayload]:
    """Read the status and result of a bulk import (older path)

     Deprecated: the vendor's older path for `getImportResult`, which it still serves and documents as an
    alias. Same answer as `getImportResult`; use that one.

    Args:
        queue_item_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorPayload | ImportResultPayload]
    """

    kwargs = _get_kwargs(
        queue_item_id=queue_item_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    queue_item_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorPayload | ImportResultPayload | None:
    """Read the status and result of a bulk import (older path)

     Deprecated: the vendor's older path for `getImportResult`, which it still serves and documents as an
    alias. Same answer as `getImportResult`; use that one.

    Args:
        queue_item_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorPayload | ImportResultPayload
    """

    return sync_detailed(
        queue_item_id=queue_item_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    queue_item_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorPayload | ImportResultPayload]:
    """Read the status and result of a bulk import (older path)

     Deprecated: the vendor's older path for `getImportResult`, which it still serves and documents as an
    alias. Same answer as `getImportResult`; use that one.

    Args:
        queue_item_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorPayload | ImportResultPayload]
    """

    kwargs = _get_kwargs(
        queue_item_id=queue_item_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    queue_item_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorPayload | ImportResultPayload | None:
    """Read the status and result of a bulk import (older path)

     Deprecated: the vendor's older path for `getImportResult`, which it still serves and documents as an
    alias. Same answer as `getImportResult`; use that one.

    Args:
        queue_item_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorPayload | ImportResultPayload
    """

    return (
        await asyncio_detailed(
            queue_item_id=queue_item_id,
            client=client,
        )
    ).parsed
