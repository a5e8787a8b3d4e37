"""Which50 W50API clients: `Which50` (sync) and `AsyncWhich50` (async).

Every operation of `spec/which50.openapi.yaml` is a method named after its operationId; results
are the generated `contactimport.generated.which50_client.models` classes whichever wire format
(JSON or DataContract XML) was used. Errors are the typed exceptions of `contactimport.errors`.

For example::

    from contactimport.querystring import CustomEvents, MatchOn
    from contactimport.which50 import Which50, contact

    with Which50(token="...") as w50:                  # or WHICH50_API_TOKEN in the environment
        job = w50.create_import_job(7, ["Email", "FirstName"])
        w50.upload_import_batch(7, job.id, [contact({"Email": "a@example.com", "FirstName": "A"})])
        w50.run_import_job(7, job.id, match=MatchOn("Email"), custom_events=CustomEvents("Welcome"))
        print(w50.get_import_job(7, job.id).current_status)

For workflows built on top (batching, polling): `Which50.max_batch_contacts` is the spec's
batch limit; `upload_import_batch` and `run_import_job*` are never replayed automatically after a
failure that may have reached the server (see `contactimport.transport.retry`), so a caller that
gets `APIConnectionError`/`ServerError` from them must check `get_import_job` before resending.
The generated client (`contactimport.generated.which50_client`) sharing this client's connection
pool, retries and credentials is available as `.generated` for anything not wrapped here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import httpx

from contactimport.generated.which50_client import AuthenticatedClient
from contactimport.generated.which50_client.models import Contact, ContactSchemaField
from contactimport.generated.which50_operations import AsyncWhich50Operations, Which50Operations

from ._core import DEFAULT_TIMEOUT, ClientCore
from ._lifecycle import AsyncLifecycle, SyncLifecycle
from ._operations import APIResponse, Binding, RequestOptions
from ._parameters import ContactInput, to_contact
from ._requests import PreparedCall, prepare_call
from ._senders import AsyncSender, SyncSender
from ._spec import operation_specs, security_schemes, server_urls
from .errors import InvalidParameterError
from .querystring import MatchOn, check_contacts_carry_match, check_names_against_fields
from .settings import WHICH50_BASE_URL_ENV, WHICH50_TOKEN_ENV, WireFormat, env_value
from .transport.retry import RetryPolicy

__all__ = [
    "AsyncWhich50",
    "ContactInput",
    "Which50",
    "contact",
    "default_base_url",
]

T = TypeVar("T")


def default_base_url() -> str:
    """The vendor's base URL: the first `servers` entry of the W50 spec."""
    return server_urls("which50")[0][0]


def contact(values: Mapping[str, Any], **fields: Any) -> Contact:
    """A `Contact` from its values (`contact({"Email": "a@example.com"})`); other members
    (`EncContactId`, `ListId`) may be given by their JSON names as keyword arguments."""
    return to_contact({"Values": dict(values), **fields}, "contact")


def _resolve_credentials(token: str | None, base_url: str | None) -> tuple[str, str]:
    token = token if token is not None else env_value(WHICH50_TOKEN_ENV)
    if not token:
        raise InvalidParameterError(
            f"no W50API token: pass token=... or set the {WHICH50_TOKEN_ENV} environment variable"
        )
    url = base_url or env_value(WHICH50_BASE_URL_ENV) or default_base_url()
    return token, url


def _field_names(fields: Sequence[ContactSchemaField]) -> tuple[str, ...]:
    return tuple(f.name for f in fields if isinstance(f.name, str))


def bearer_auth_headers(token: str) -> dict[str, str]:
    """The request header that carries `token`, by the spec's security scheme (HTTP bearer)."""
    schemes = [s for s in security_schemes("which50").values() if s.get("type") == "http"]
    if len(schemes) != 1 or str(schemes[0].get("scheme", "")).lower() != "bearer":
        raise RuntimeError("the W50API spec must declare exactly one HTTP bearer security scheme")
    return {"Authorization": f"Bearer {token}"}


class _Which50Base:
    """Constructor and configuration shared by `Which50` and `AsyncWhich50`."""

    def __init__(
        self,
        token: str | None,
        *,
        base_url: str | None,
        wire_format: WireFormat | str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        retry_policy: RetryPolicy | None,
        check_match_fields: bool,
        user_agent: str | None,
        headers: Mapping[str, str] | None,
    ) -> None:
        token, url = _resolve_credentials(token, base_url)
        self._core = ClientCore(
            api="which50",
            base_url=url,
            auth_headers=bearer_auth_headers(token),
            wire_format=wire_format,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            user_agent_extra=user_agent,
            headers=headers,
        )
        self._token = token
        self._check_match_fields = check_match_fields
        self._field_cache: dict[int, tuple[str, ...]] = {}
        self._generated: AuthenticatedClient | None = None

    @property
    def base_url(self) -> str:
        """The W50API base URL (ending with `/Which50API`) requests go to."""
        return self._core.base_url

    @property
    def wire_format(self) -> WireFormat:
        """The default wire format of this client (each method also takes `wire_format=`)."""
        return self._core.wire_format

    @property
    def max_batch_contacts(self) -> int:
        """At most this many contacts per `upload_import_batch` (the spec's maxItems)."""
        limit = operation_specs("which50")["uploadImportBatch"].request_max_items
        if limit is None:  # pragma: no cover - the spec states it; a spec without it is a bug
            raise RuntimeError("the W50 spec does not state the batch limit (maxItems)")
        return limit

    def clear_field_cache(self) -> None:
        """Forget the contact-list fields fetched to check match names."""
        self._field_cache.clear()

    def _new_generated(self) -> AuthenticatedClient:
        """The generated client with this client's base URL, credentials and timeout; the
        sync and async `generated` properties give it this client's connection pool."""
        return AuthenticatedClient(
            base_url=self._core.base_url, token=self._token, timeout=self._core.timeout
        )

    def _prepare(
        self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions
    ) -> PreparedCall[T]:
        """The call of an operation method, with the W50 checks the spec cannot express: a
        POST/PUT upsert's contact must carry the values of its `match` names, and (when asked)
        the match names must be fields of the list."""
        names = arguments.get("match")
        names = names if isinstance(names, list) and names else None
        body = arguments.get("body")
        if names is not None and isinstance(body, Contact) and "matchValues" not in arguments:
            check_contacts_carry_match(MatchOn(names), [body.values.to_dict()])
        wanted = options.extras.get("check_fields")
        wanted = self._check_match_fields if wanted is None else wanted
        check = None
        if wanted and names is not None and isinstance(arguments.get("contactListId"), int):
            check = (arguments["contactListId"], tuple(names))
        return prepare_call(self._core, binding, arguments, options, check_fields=check)

    def _after_copy(self) -> None:
        self._generated = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._core.describe()})"


class Which50(Which50Operations, _Which50Base, SyncLifecycle):
    """Synchronous W50API client. Use as a context manager (or call `close()`).

    Every operation of the spec is a method (generated: `contactimport.generated.
    which50_operations`); `with_raw_response.<operation>(...)` answers with the raw response,
    `with_options(...)` makes a copy with other defaults over the same connection pool.

    Args:
        token: the bearer token (default: the WHICH50_API_TOKEN environment variable).
        base_url: default WHICH50_BASE_URL, else the vendor's URL from the spec.
        wire_format: "json" (default, or CONTACTIMPORT_WIRE_FORMAT) or "xml"; per call too.
        timeout: seconds or an `httpx.Timeout` (default 60 s read, 10 s connect).
        max_retries: retries of failed requests (default 2); see `contactimport.transport.retry`.
        retry_policy: full control over retries and backoff (instead of max_retries).
        transport: the httpx transport to send through (wrapped with retries and logging),
            e.g. `httpx.WSGITransport(app=...)` in tests.
        http_client: an `httpx.Client` to use as is (not closed by us; no retries are added:
            mount `contactimport.transport.RetryTransport` in it if you want them).
        check_match_fields: check match names against the list's fields (fetched once per list
            and cached) before sending; per call with `check_fields=`.
        user_agent: appended to our User-Agent, e.g. "my-app/1.0".
        headers: extra headers sent with every request.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        http_client: httpx.Client | None = None,
        check_match_fields: bool = False,
        user_agent: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            token,
            base_url=base_url,
            wire_format=wire_format,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            check_match_fields=check_match_fields,
            user_agent=user_agent,
            headers=headers,
        )
        self._sender = SyncSender(self._core, transport=transport, http_client=http_client)

    @property
    def generated(self) -> AuthenticatedClient:
        """The generated `contactimport.generated.which50_client.AuthenticatedClient` over this
        client's connection pool."""
        if self._generated is None:
            self._generated = self._new_generated().set_httpx_client(self._sender.http)
        return self._generated

    def _invoke(self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions) -> T:
        return self._sender.send(self._checked(self._prepare(binding, arguments, options)))

    def _invoke_raw(
        self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions
    ) -> APIResponse[T]:
        return self._sender.send_raw(self._checked(self._prepare(binding, arguments, options)))

    def _checked(self, call: PreparedCall[T]) -> PreparedCall[T]:
        if call.check_fields is not None:
            contact_list_id, names = call.check_fields
            check_names_against_fields(
                names, self.field_names(contact_list_id), contact_list_id=contact_list_id
            )
        return call

    def field_names(self, contact_list_id: int) -> tuple[str, ...]:
        """The names of the list's fields, fetched once and cached (see `clear_field_cache`)."""
        if contact_list_id not in self._field_cache:
            fields = self.list_contact_list_fields(contact_list_id)
            self._field_cache[contact_list_id] = _field_names(fields)
        return self._field_cache[contact_list_id]


class AsyncWhich50(AsyncWhich50Operations, _Which50Base, AsyncLifecycle):
    """Asynchronous W50API client (`async with AsyncWhich50() as w50: await w50...`).

    The methods of `Which50`, awaited; `with_raw_response` and `with_options` as there.

    Args:
        token: the bearer token (default: the WHICH50_API_TOKEN environment variable).
        base_url: default WHICH50_BASE_URL, else the vendor's URL from the spec.
        wire_format: "json" (default, or CONTACTIMPORT_WIRE_FORMAT) or "xml"; per call too.
        timeout: seconds or an `httpx.Timeout` (default 60 s read, 10 s connect).
        max_retries: retries of failed requests (default 2); see `contactimport.transport.retry`.
        retry_policy: full control over retries and backoff (instead of max_retries).
        transport: the httpx transport to send through (wrapped with retries and logging),
            e.g. `httpx.ASGITransport(app=...)` in tests.
        http_client: an `httpx.AsyncClient` to use as is (not closed by us; no retries are added:
            mount `contactimport.transport.AsyncRetryTransport` in it if you want them).
        check_match_fields: check match names against the list's fields (fetched once per list
            and cached) before sending; per call with `check_fields=`.
        user_agent: appended to our User-Agent, e.g. "my-app/1.0".
        headers: extra headers sent with every request.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        check_match_fields: bool = False,
        user_agent: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            token,
            base_url=base_url,
            wire_format=wire_format,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            check_match_fields=check_match_fields,
            user_agent=user_agent,
            headers=headers,
        )
        self._sender = AsyncSender(self._core, transport=transport, http_client=http_client)

    @property
    def generated(self) -> AuthenticatedClient:
        """The generated `contactimport.generated.which50_client.AuthenticatedClient` over this
        client's connection pool."""
        if self._generated is None:
            self._generated = self._new_generated().set_async_httpx_client(self._sender.http)
        return self._generated

    async def _invoke(
        self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions
    ) -> T:
        call = await self._checked(self._prepare(binding, arguments, options))
        return await self._sender.send(call)

    async def _invoke_raw(
        self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions
    ) -> APIResponse[T]:
        call = await self._checked(self._prepare(binding, arguments, options))
        return await self._sender.send_raw(call)

    async def _checked(self, call: PreparedCall[T]) -> PreparedCall[T]:
        if call.check_fields is not None:
            contact_list_id, names = call.check_fields
            check_names_against_fields(
                names, await self.field_names(contact_list_id), contact_list_id=contact_list_id
            )
        return call

    async def field_names(self, contact_list_id: int) -> tuple[str, ...]:
        """The names of the list's fields, fetched once and cached (see `clear_field_cache`)."""
        if contact_list_id not in self._field_cache:
            fields = await self.list_contact_list_fields(contact_list_id)
            self._field_cache[contact_list_id] = _field_names(fields)
        return self._field_cache[contact_list_id]
