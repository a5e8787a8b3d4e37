# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_payload import ErrorPayload
from ...models.import_config import ImportConfig
from ...models.import_config_action_payload import ImportConfigActionPayload
from ...types import UNSET, Response, Unset, encode_query


def _get_kwargs(
    import_config_id: int,
    *,
    body: ImportConfig | Unset = UNSET,
    name: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["name"] = name

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/3/contacts/import/configs/{import_config_id}".format(
            import_config_id=quote(str(import_config_id), safe=""),
        )
        + encode_query(params),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    if not isinstance(body, Unset):
        headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorPayload | ImportConfigActionPayload | None:
    if response.status_code == 200:
        response_200 = ImportConfigActionPayload.from_dict(response.json())

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
) -> Response[ErrorPayload | ImportConfigActionPayload]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    import_config_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ImportConfig | Unset = UNSET,
    name: str | Unset = UNSET,
) -> Response[ErrorPayload | ImportConfigActionPayload]:
    """Replace or rename an import configuration

     With a body, replaces the configuration: every member the body leaves out is reset to its default
    (it is not a partial update). With the `name` query parameter and no body, renames the configuration
    and changes nothing else. With both, replaces it and takes the name from `name`.

    Args:
        import_config_id (int):
        name (str | Unset):
        body (ImportConfig | Unset): An import configuration: how a bulk import matches, validates
            and links the contacts it receives. The same shape is sent to create or replace a
            configuration and returned when reading one (then with its `ImportConfigId`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorPayload | ImportConfigActionPayload]
    """

    kwargs = _get_kwargs(
        import_config_id=import_config_id,
        body=body,
        name=name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    import_config_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ImportConfig | Unset = UNSET,
    name: str | Unset = UNSET,
) -> ErrorPayload | ImportConfigActionPayload | None:
    """Replace or rename an import configuration

     With a body, replaces the configuration: every member the body leaves out is reset to its default
    (it is not a partial update). With the `name` query parameter and no body, renames the configuration
    and changes nothing else. With both, replaces it and takes the name from `name`.

    Args:
        import_config_id (int):
        name (str | Unset):
        body (ImportConfig | Unset): An import configuration: how a bulk import matches, validates
            and links the contacts it receives. The same shape is sent to create or replace a
            configuration and returned when reading one (then with its `ImportConfigId`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorPayload | ImportConfigActionPayload
    """

    return sync_detailed(
        import_config_id=import_config_id,
        client=client,
        body=body,
        name=name,
    ).parsed


async def asyncio_detailed(
    import_config_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ImportConfig | Unset = UNSET,
    name: str | Unset = UNSET,
) -> Response[ErrorPayload | ImportConfigActionPayload]:
    """Replace or rename an import configuration

     With a body, replaces the configuration: every member the body leaves out is reset to its default
    (it is not a partial update). With the `name` query parameter and no body, renames the configuration
    and changes nothing else. With both, replaces it and takes the name from `name`.

    Args:
        import_config_id (int):
        name (str | Unset):
        body (ImportConfig | Unset): An import configuration: how a bulk import matches, validates
            and links the contacts it receives. The same shape is sent to create or replace a
            configuration and returned when reading one (then with its `ImportConfigId`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorPayload | ImportConfigActionPayload]
    """

    kwargs = _get_kwargs(
        import_config_id=import_config_id,
        body=body,
        name=name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    import_config_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ImportConfig | Unset = UNSET,
    name: str | Unset = UNSET,
) -> ErrorPayload | ImportConfigActionPayload | None:
    """Replace or rename an import configuration

     With a body, replaces the configuration: every member the body leaves out is reset to its default
    (it is not a partial update). With the `name` query parameter and no body, renames the configuration
    and changes nothing else. With both, replaces it and takes the name from `name`.

    Args:
        import_config_id (int):
        name (str | Unset):
        body (ImportConfig | Unset): An import configuration: how a bulk import matches, validates
            and links the contacts it receives. The same shape is sent to create or replace a
            configuration and returned when reading one (then with its `ImportConfigId`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorPayload | ImportConfigActionPayload
    """

    return (
        await asyncio_detailed(
            import_config_id=import_config_id,
            client=client,
            body=body,
            name=name,
        )
    ).parsed
