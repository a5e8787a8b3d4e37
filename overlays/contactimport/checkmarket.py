"""CheckMarket API v3 clients: `CheckMarket` (sync) and `AsyncCheckMarket` (async).

Every operation of `spec/checkmarket.openapi.yaml` is a method named after its operationId
(generated from the spec; plus `rename_import_config`, the `?name=` form of
updateImportConfig). Each returns the `Data` of the answer's Payload as the generated
`contactimport.generated.checkmarket_client.models` class, whichever wire format was used. A
Payload whose `Meta.Status` is an error raises the typed exception of `contactimport.errors` even
when the HTTP status is 200; a result with `Succeeded: false` raises `OperationFailedError`.
`with_raw_response.<operation>(...)` gives the whole answer: `.payload()` has `Meta` and `Links`.

For example::

    from contactimport.checkmarket import CheckMarket

    with CheckMarket(master_key="...", key="...", region="eu") as cm:   # or the environment
        created = cm.create_import_config({"Name": "API import", "IsReusable": True})
        queued = cm.bulk_import_contacts(created.import_config_id, [
            {"FirstName": "Ada", "LastName": "Lovelace", "Email": "ada@example.com",
             "LangCode": "en"},
        ])
        result = cm.get_import_result(queued.queue_item_id)

`create_import_config` and `bulk_import_contacts` are never replayed automatically after a failure
that may have reached the server (see `contactimport.transport.retry`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import httpx

from contactimport.generated.checkmarket_client import Client
from contactimport.generated.checkmarket_client.models import ActionResult
from contactimport.generated.checkmarket_operations import (
    AsyncCheckMarketOperations,
    CheckMarketOperations,
)

from ._core import DEFAULT_TIMEOUT, ClientCore
from ._lifecycle import AsyncLifecycle, SyncLifecycle
from ._operations import NOT_GIVEN, APIResponse, Binding, NotGiven, RequestOptions, TimeoutInput
from ._parameters import ImportConfigInput, ImportContactInput
from ._requests import prepare_call
from ._senders import AsyncSender, SyncSender
from ._spec import security_schemes, server_urls
from .errors import ContactImportError, InvalidParameterError
from .settings import (
    CHECKMARKET_BASE_URL_ENV,
    CHECKMARKET_KEY_ENV,
    CHECKMARKET_MASTER_KEY_ENV,
    CHECKMARKET_REGION_ENV,
    WireFormat,
    env_value,
)
from .transport.retry import RetryPolicy

__all__ = [
    "AsyncCheckMarket",
    "CheckMarket",
    "ImportConfigInput",
    "ImportContactInput",
    "auth_header_names",
    "default_base_url",
    "regions",
]

T = TypeVar("T")


def regions() -> dict[str, str]:
    """Region name -> base URL: each of the spec's `servers` under its `x-region` (first =
    default). A server without `x-region` is a spec error (docs/spec-conventions.md), never
    named by guessing from its host."""
    found: dict[str, str] = {}
    for url, server in server_urls("checkmarket"):
        name = server.get("x-region")
        if not isinstance(name, str) or not name.strip():
            raise ContactImportError(
                f"the CheckMarket spec's server {url} has no x-region: each server needs the "
                "region name clients choose it by (docs/spec-conventions.md)"
            )
        found.setdefault(name.strip().lower(), url)
    return found


def default_base_url() -> str:
    """The first `servers` entry of the CheckMarket spec."""
    return server_urls("checkmarket")[0][0]


def auth_header_names() -> tuple[str, str]:
    """(master key header, key header), read from the spec's security schemes."""
    schemes = security_schemes("checkmarket")
    return schemes["MasterKey"]["name"], schemes["Key"]["name"]


def _base_url(region: str | None, base_url: str | None) -> str:
    if base_url:
        return base_url
    env_url = env_value(CHECKMARKET_BASE_URL_ENV)
    if env_url and region is None:
        return env_url  # an explicit region argument wins over the environment's URL
    region = region if region is not None else env_value(CHECKMARKET_REGION_ENV)
    if region is None:
        return default_base_url()
    known = regions()
    if region.lower() not in known:
        raise InvalidParameterError(
            f"unknown CheckMarket region {region!r}; known: {', '.join(sorted(known))}"
        )
    return known[region.lower()]


def _new_name(name: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise InvalidParameterError(f"the new name must be a non-empty string, got {name!r}")
    return name


class _CheckMarketBase:
    def __init__(
        self,
        master_key: str | None,
        key: str | None,
        *,
        region: str | None,
        base_url: str | None,
        wire_format: WireFormat | str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        retry_policy: RetryPolicy | None,
        user_agent: str | None,
        headers: Mapping[str, str] | None,
    ) -> None:
        master_key = master_key if master_key is not None else env_value(CHECKMARKET_MASTER_KEY_ENV)
        key = key if key is not None else env_value(CHECKMARKET_KEY_ENV)
        missing = [
            f"{what} (argument {arg}= or {env})"
            for what, arg, env, value in (
                ("the master key", "master_key", CHECKMARKET_MASTER_KEY_ENV, master_key),
                ("the key", "key", CHECKMARKET_KEY_ENV, key),
            )
            if not value
        ]
        if missing or master_key is None or key is None:
            raise InvalidParameterError(
                "CheckMarket needs both keys; missing: " + ", ".join(missing)
            )
        master_header, key_header = auth_header_names()
        self._auth = {master_header: master_key, key_header: key}
        self._core = ClientCore(
            api="checkmarket",
            base_url=_base_url(region, base_url),
            auth_headers=self._auth,
            wire_format=wire_format,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            user_agent_extra=user_agent,
            headers=headers,
        )
        self._generated: Client | None = None

    @property
    def base_url(self) -> str:
        """The CheckMarket base URL (the origin; paths begin with `/3/`) requests go to."""
        return self._core.base_url

    @property
    def wire_format(self) -> WireFormat:
        """The default wire format of this client (each method also takes `wire_format=`)."""
        return self._core.wire_format

    def _new_generated(self) -> Client:
        """The generated client with this client's base URL, credentials and timeout; the
        sync and async `generated` properties give it this client's connection pool."""
        return Client(
            base_url=self._core.base_url, headers=dict(self._auth), timeout=self._core.timeout
        )

    def _after_copy(self) -> None:
        self._generated = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._core.describe()})"


class CheckMarket(CheckMarketOperations, _CheckMarketBase, SyncLifecycle):
    """Synchronous CheckMarket API v3 client. Use as a context manager (or call `close()`).

    Every operation of the spec is a method (generated: `contactimport.generated.
    checkmarket_operations`) returning the `Data` of the answer's Payload; a Payload whose
    `Meta.Status` is an error raises the typed error, a result with `Succeeded: false` raises
    `OperationFailedError`. `with_raw_response.<operation>(...)` gives the whole answer (status,
    headers, `.payload()` with `Meta` and `Links`); `with_options(...)` a copy with other
    defaults over the same connection pool.

    Args:
        master_key, key: the `X-Master-Key` and `X-Key` (default: CHECKMARKET_MASTER_KEY and
            CHECKMARKET_KEY environment variables).
        region: a name of `regions()` ("global", "eu", "us", "ca"; default CHECKMARKET_REGION,
            else the spec's first server).
        base_url: wins over the region (default CHECKMARKET_BASE_URL).
        others: `wire_format`, `timeout`, `max_retries`, `retry_policy`, `transport`,
            `http_client`, `user_agent` and `headers` as for `contactimport.which50.Which50`.
    """

    def __init__(
        self,
        master_key: str | None = None,
        key: str | None = None,
        *,
        region: str | None = None,
        base_url: str | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        http_client: httpx.Client | None = None,
        user_agent: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            master_key,
            key,
            region=region,
            base_url=base_url,
            wire_format=wire_format,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            user_agent=user_agent,
            headers=headers,
        )
        self._sender = SyncSender(self._core, transport=transport, http_client=http_client)

    @property
    def generated(self) -> Client:
        """The generated `contactimport.generated.checkmarket_client.Client` over this client's
        connection pool."""
        if self._generated is None:
            self._generated = self._new_generated().set_httpx_client(self._sender.http)
        return self._generated

    def _invoke(self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions) -> T:
        return self._sender.send(prepare_call(self._core, binding, arguments, options))

    def _invoke_raw(
        self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions
    ) -> APIResponse[T]:
        return self._sender.send_raw(prepare_call(self._core, binding, arguments, options))

    def rename_import_config(
        self,
        import_config_id: int,
        name: str,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ActionResult:
        """Rename a configuration and change nothing else: `update_import_config` with `name`
        and no body (`PUT /3/contacts/import/configs/{id}?name=...`)."""
        return self.update_import_config(
            import_config_id,
            name=_new_name(name),
            wire_format=wire_format,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AsyncCheckMarket(AsyncCheckMarketOperations, _CheckMarketBase, AsyncLifecycle):
    """Asynchronous CheckMarket API v3 client (`async with AsyncCheckMarket() as cm: ...`).

    The methods of `CheckMarket`, awaited; `with_raw_response` and `with_options` as there.

    Args:
        master_key, key: the `X-Master-Key` and `X-Key` (default: CHECKMARKET_MASTER_KEY and
            CHECKMARKET_KEY environment variables).
        region: a name of `regions()` ("global", "eu", "us", "ca"; default CHECKMARKET_REGION,
            else the spec's first server).
        base_url: wins over the region (default CHECKMARKET_BASE_URL).
        others: `wire_format`, `timeout`, `max_retries`, `retry_policy`, `transport`,
            `http_client`, `user_agent` and `headers` as for `contactimport.which50.AsyncWhich50`.
    """

    def __init__(
        self,
        master_key: str | None = None,
        key: str | None = None,
        *,
        region: str | None = None,
        base_url: str | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        user_agent: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            master_key,
            key,
            region=region,
            base_url=base_url,
            wire_format=wire_format,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            user_agent=user_agent,
            headers=headers,
        )
        self._sender = AsyncSender(self._core, transport=transport, http_client=http_client)

    @property
    def generated(self) -> Client:
        """The generated `contactimport.generated.checkmarket_client.Client` over this client's
        connection pool."""
        if self._generated is None:
            self._generated = self._new_generated().set_async_httpx_client(self._sender.http)
        return self._generated

    async def _invoke(
        self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions
    ) -> T:
        return await self._sender.send(prepare_call(self._core, binding, arguments, options))

    async def _invoke_raw(
        self, binding: Binding[T], arguments: dict[str, Any], options: RequestOptions
    ) -> APIResponse[T]:
        call = prepare_call(self._core, binding, arguments, options)
        return await self._sender.send_raw(call)

    async def rename_import_config(
        self,
        import_config_id: int,
        name: str,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ActionResult:
        """As `CheckMarket.rename_import_config`."""
        return await self.update_import_config(
            import_config_id,
            name=_new_name(name),
            wire_format=wire_format,
            timeout=timeout,
            extra_headers=extra_headers,
        )
