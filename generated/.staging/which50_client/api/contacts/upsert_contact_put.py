# Generated from spec/which50.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.error import Error
from ...types import UNSET, Response, Unset, encode_query


def _get_kwargs(
    contact_list_id: int,
    *,
    body: Contact,
    customevents: list[str] | Unset = UNSET,
    match: list[str] | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

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
        "method": "put",
        "url": "/contactLists/{contact_list_id}/contact".format(
            contact_list_id=quote(str(contact_list_id), safe=""),
        )
        + encode_query(params),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Contact | Error | None:
    if response.status_code == 200:
        response_200 = Contact.from_dict(response.json())

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
) -> Response[Contact | Error]:
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
    body: Contact,
    customevents: list[str] | Unset = UNSET,
    match: list[str] | Unset = UNSET,
) -> Response[Contact | Error]:
    """Create or update a contact (PUT form, same as POST)

     Same as `upsertContact`: with `match`, the body's own values of the named properties select the
    existing contacts to update, and the contact is inserted when none matches; without `match` it is
    inserted. The answer is the inserted contact (with its new `EncContactId`) or the first updated one.

    Args:
        contact_list_id (int):
        customevents (list[str] | Unset):
        match (list[str] | Unset):
        body (Contact): A contact of a contact list: its field values keyed by field name, and the
            ids the service gives it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Error]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        body=body,
        customevents=customevents,
        match=match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Contact,
    customevents: list[str] | Unset = UNSET,
    match: list[str] | Unset = UNSET,
) -> Contact | Error | None:
    """Create or update a contact (PUT form, same as POST)

     Same as `upsertContact`: with `match`, the body's own values of the named properties select the
    existing contacts to update, and the contact is inserted when none matches; without `match` it is
    inserted. The answer is the inserted contact (with its new `EncContactId`) or the first updated one.

    Args:
        contact_list_id (int):
        customevents (list[str] | Unset):
        match (list[str] | Unset):
        body (Contact): A contact of a contact list: its field values keyed by field name, and the
            ids the service gives it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | Error
    """

    return sync_detailed(
        contact_list_id=contact_list_id,
        client=client,
        body=body,
        customevents=customevents,
        match=match,
    ).parsed


async def asyncio_detailed(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Contact,
    customevents: list[str] | Unset = UNSET,
    match: list[str] | Unset = UNSET,
) -> Response[Contact | Error]:
    """Create or update a contact (PUT form, same as POST)

     Same as `upsertContact`: with `match`, the body's own values of the named properties select the
    existing contacts to update, and the contact is inserted when none matches; without `match` it is
    inserted. The answer is the inserted contact (with its new `EncContactId`) or the first updated one.

    Args:
        contact_list_id (int):
        customevents (list[str] | Unset):
        match (list[str] | Unset):
        body (Contact): A contact of a contact list: its field values keyed by field name, and the
            ids the service gives it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Error]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        body=body,
        customevents=customevents,
        match=match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Contact,
    customevents: list[str] | Unset = UNSET,
    match: list[str] | Unset = UNSET,
) -> Contact | Error | None:
    """Create or update a contact (PUT form, same as POST)

     Same as `upsertContact`: with `match`, the body's own values of the named properties select the
    existing contacts to update, and the contact is inserted when none matches; without `match` it is
    inserted. The answer is the inserted contact (with its new `EncContactId`) or the first updated one.

    Args:
        contact_list_id (int):
        customevents (list[str] | Unset):
        match (list[str] | Unset):
        body (Contact): A contact of a contact list: its field values keyed by field name, and the
            ids the service gives it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | Error
    """

    return (
        await asyncio_detailed(
            contact_list_id=contact_list_id,
            client=client,
            body=body,
            customevents=customevents,
            match=match,
        )
    ).parsed
