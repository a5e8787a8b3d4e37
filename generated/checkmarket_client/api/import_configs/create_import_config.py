# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_import_config_payload import CreateImportConfigPayload
from ...models.error_payload import ErrorPayload
from ...models.import_config import ImportConfig
from ...types import Response


def _get_kwargs(
    *,
    body: ImportConfig,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/3/contacts/import/configs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateImportConfigPayload | ErrorPayload | None:
    if response.status_code == 200:
        response_200 = CreateImportConfigPayload.from_dict(response.json())

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

    if response.status_code == 406:
        response_406 = ErrorPayload.from_dict(response.json())

        return response_406

    if response.status_code == 415:
        response_415 = ErrorPayload.from_dict(response.json())

        return response_415

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
) -> Response[CreateImportConfigPayload | ErrorPayload]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportConfig,
) -> Response[CreateImportConfigPayload | ErrorPayload]:
    """Create an import configuration

     Creates an import configuration and returns its id. A configuration meant only for API imports can
    leave `ColumnMappings` empty; the server fills them in on the first import.

    Args:
        body (ImportConfig): An import configuration: how a bulk import matches, validates and
            links the contacts it receives. The same shape is sent to create or replace a
            configuration and returned when reading one (then with its `ImportConfigId`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateImportConfigPayload | ErrorPayload]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ImportConfig,
) -> CreateImportConfigPayload | ErrorPayload | None:
    """Create an import configuration

     Creates an import configuration and returns its id. A configuration meant only for API imports can
    leave `ColumnMappings` empty; the server fills them in on the first import.

    Args:
        body (ImportConfig): An import configuration: how a bulk import matches, validates and
            links the contacts it receives. The same shape is sent to create or replace a
            configuration and returned when reading one (then with its `ImportConfigId`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateImportConfigPayload | ErrorPayload
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportConfig,
) -> Response[CreateImportConfigPayload | ErrorPayload]:
    """Create an import configuration

     Creates an import configuration and returns its id. A configuration meant only for API imports can
    leave `ColumnMappings` empty; the server fills them in on the first import.

    Args:
        body (ImportConfig): An import configuration: how a bulk import matches, validates and
            links the contacts it receives. The same shape is sent to create or replace a
            configuration and returned when reading one (then with its `ImportConfigId`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateImportConfigPayload | ErrorPayload]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ImportConfig,
) -> CreateImportConfigPayload | ErrorPayload | None:
    """Create an import configuration

     Creates an import configuration and returns its id. A configuration meant only for API imports can
    leave `ColumnMappings` empty; the server fills them in on the first import.

    Args:
        body (ImportConfig): An import configuration: how a bulk import matches, validates and
            links the contacts it receives. The same shape is sent to create or replace a
            configuration and returned when reading one (then with its `ImportConfigId`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateImportConfigPayload | ErrorPayload
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
