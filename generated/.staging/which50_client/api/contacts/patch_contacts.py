# Generated from spec/which50.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.error import Error
from ...models.patch_contacts_match_values import PatchContactsMatchValues
from ...types import UNSET, Response, Unset, encode_query, merge_free_form_query


def _get_kwargs(
    contact_list_id: int,
    *,
    body: Contact,
    customevents: list[str] | Unset = UNSET,
    match: list[str] | Unset = UNSET,
    match_values: PatchContactsMatchValues | Unset = UNSET,
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
    json_match_values: dict[str, Any] | Unset = UNSET
    if not isinstance(match_values, Unset):
        json_match_values = match_values.to_dict()
    if not isinstance(json_match_values, Unset):
        merge_free_form_query(params, json_match_values)

    _kwargs: dict[str, Any] = {
        "method": "patch",
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
    match_values: PatchContactsMatchValues | Unset = UNSET,
) -> Response[Contact | Error]:
    """Update every contact that matches the query-string values

     Updates, with the body's Values, every existing contact of the list whose properties named in
    `match` hold the values given in the query string (`?match=P1,P2&P1=v1&P2=v2`). Nothing is inserted:
    when no contact matches the answer is 404. The answer is the first matching contact (creation
    order); the `X-Updated-Count` header gives how many contacts matched, each of them updated with the
    Values (those already holding them counted too).

    Args:
        contact_list_id (int):
        customevents (list[str] | Unset):
        match (list[str] | Unset):
        match_values (PatchContactsMatchValues | Unset):
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
        match_values=match_values,
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
    match_values: PatchContactsMatchValues | Unset = UNSET,
) -> Contact | Error | None:
    """Update every contact that matches the query-string values

     Updates, with the body's Values, every existing contact of the list whose properties named in
    `match` hold the values given in the query string (`?match=P1,P2&P1=v1&P2=v2`). Nothing is inserted:
    when no contact matches the answer is 404. The answer is the first matching contact (creation
    order); the `X-Updated-Count` header gives how many contacts matched, each of them updated with the
    Values (those already holding them counted too).

    Args:
        contact_list_id (int):
        customevents (list[str] | Unset):
        match (list[str] | Unset):
        match_values (PatchContactsMatchValues | Unset):
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
        match_values=match_values,
    ).parsed


async def asyncio_detailed(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Contact,
    customevents: list[str] | Unset = UNSET,
    match: list[str] | Unset = UNSET,
    match_values: PatchContactsMatchValues | Unset = UNSET,
) -> Response[Contact | Error]:
    """Update every contact that matches the query-string values

     Updates, with the body's Values, every existing contact of the list whose properties named in
    `match` hold the values given in the query string (`?match=P1,P2&P1=v1&P2=v2`). Nothing is inserted:
    when no contact matches the answer is 404. The answer is the first matching contact (creation
    order); the `X-Updated-Count` header gives how many contacts matched, each of them updated with the
    Values (those already holding them counted too).

    Args:
        contact_list_id (int):
        customevents (list[str] | Unset):
        match (list[str] | Unset):
        match_values (PatchContactsMatchValues | Unset):
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
        match_values=match_values,
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
    match_values: PatchContactsMatchValues | Unset = UNSET,
) -> Contact | Error | None:
    """Update every contact that matches the query-string values

     Updates, with the body's Values, every existing contact of the list whose properties named in
    `match` hold the values given in the query string (`?match=P1,P2&P1=v1&P2=v2`). Nothing is inserted:
    when no contact matches the answer is 404. The answer is the first matching contact (creation
    order); the `X-Updated-Count` header gives how many contacts matched, each of them updated with the
    Values (those already holding them counted too).

    Args:
        contact_list_id (int):
        customevents (list[str] | Unset):
        match (list[str] | Unset):
        match_values (PatchContactsMatchValues | Unset):
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
            match_values=match_values,
        )
    ).parsed
