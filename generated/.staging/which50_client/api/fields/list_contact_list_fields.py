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
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contactLists/{contact_list_id}/fields".format(
            contact_list_id=quote(str(contact_list_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[ContactSchemaField] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for componentsschemas_array_of_contact_schema_field_item_data in _response_200:
            componentsschemas_array_of_contact_schema_field_item = ContactSchemaField.from_dict(
                componentsschemas_array_of_contact_schema_field_item_data
            )

            response_200.append(componentsschemas_array_of_contact_schema_field_item)

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
) -> Response[Error | list[ContactSchemaField]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | list[ContactSchemaField]]:
    """List the fields of a contact list

     The field schema of a contact list: each field's name (the key to use in Contact Values), default
    value, mapping type, position and, for fields with a fixed set of values, those values.

    Args:
        contact_list_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[ContactSchemaField]]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Error | list[ContactSchemaField] | None:
    """List the fields of a contact list

     The field schema of a contact list: each field's name (the key to use in Contact Values), default
    value, mapping type, position and, for fields with a fixed set of values, those values.

    Args:
        contact_list_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[ContactSchemaField]
    """

    return sync_detailed(
        contact_list_id=contact_list_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | list[ContactSchemaField]]:
    """List the fields of a contact list

     The field schema of a contact list: each field's name (the key to use in Contact Values), default
    value, mapping type, position and, for fields with a fixed set of values, those values.

    Args:
        contact_list_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[ContactSchemaField]]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Error | list[ContactSchemaField] | None:
    """List the fields of a contact list

     The field schema of a contact list: each field's name (the key to use in Contact Values), default
    value, mapping type, position and, for fields with a fixed set of values, those values.

    Args:
        contact_list_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[ContactSchemaField]
    """

    return (
        await asyncio_detailed(
            contact_list_id=contact_list_id,
            client=client,
        )
    ).parsed
