# Generated from spec/which50.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_schema_field import ContactSchemaField
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    contact_list_id: int,
    field_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contactLists/{contact_list_id}/fields/{field_id}".format(
            contact_list_id=quote(str(contact_list_id), safe=""),
            field_id=quote(str(field_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactSchemaField | Error | None:
    if response.status_code == 200:
        response_200 = ContactSchemaField.from_dict(response.json())

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
) -> Response[ContactSchemaField | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contact_list_id: int,
    field_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ContactSchemaField | Error]:
    """Get one field of a contact list

     One field of a contact list's schema, with its fixed values if it has any.

    Args:
        contact_list_id (int):
        field_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactSchemaField | Error]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        field_id=field_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact_list_id: int,
    field_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ContactSchemaField | Error | None:
    """Get one field of a contact list

     One field of a contact list's schema, with its fixed values if it has any.

    Args:
        contact_list_id (int):
        field_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactSchemaField | Error
    """

    return sync_detailed(
        contact_list_id=contact_list_id,
        field_id=field_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    contact_list_id: int,
    field_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ContactSchemaField | Error]:
    """Get one field of a contact list

     One field of a contact list's schema, with its fixed values if it has any.

    Args:
        contact_list_id (int):
        field_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactSchemaField | Error]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        field_id=field_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_list_id: int,
    field_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ContactSchemaField | Error | None:
    """Get one field of a contact list

     One field of a contact list's schema, with its fixed values if it has any.

    Args:
        contact_list_id (int):
        field_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactSchemaField | Error
    """

    return (
        await asyncio_detailed(
            contact_list_id=contact_list_id,
            field_id=field_id,
            client=client,
        )
    ).parsed
