"""CheckMarket API v3 clients: `CheckMarket` (sync) and `AsyncCheckMarket` (async).

Every operation of `spec/checkmarket.openapi.yaml` is a method named after its operationId
(plus `rename_import_config`, the `?name=` form of updateImportConfig). Results are the
generated `contactimport.generated.checkmarket_client.models` Payload classes (`.meta`,
`.data`, `.links`) whichever wire format was used. A Payload whose `Meta.Status` is an error
raises the typed exception of `contactimport.errors` even when the HTTP status is 200.

    from contactimport.checkmarket import CheckMarket

    with CheckMarket(master_key="...", key="...", region="eu") as cm:   # or the environment
        created = cm.create_import_config({"Name": "API import", "IsReusable": True})
        queued = cm.bulk_import_contacts(created.data.import_config_id, [
            {"FirstName": "Ada", "LastName": "Lovelace", "Email": "ada@example.com",
             "LangCode": "en"},
        ])
        result = cm.get_import_result(queued.data.queue_item_id)

`create_import_config` and `bulk_import_contacts` are never replayed automatically after a failure
that may have reached the server (see `contactimport.transport.retry`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import httpx

from contactimport.generated.checkmarket_client import Client
from contactimport.generated.checkmarket_client.api.bulk_import import (
    bulk_import_contacts as _bulk_import_contacts,
)
from contactimport.generated.checkmarket_client.api.bulk_import import (
    get_import_result as _get_import_result,
)
from contactimport.generated.checkmarket_client.api.import_configs import (
    create_import_config as _create_import_config,
)
from contactimport.generated.checkmarket_client.api.import_configs import (
    delete_import_config as _delete_import_config,
)
from contactimport.generated.checkmarket_client.api.import_configs import (
    get_import_config as _get_import_config,
)
from contactimport.generated.checkmarket_client.api.import_configs import (
    list_import_configs as _list_import_configs,
)
from contactimport.generated.checkmarket_client.api.import_configs import (
    update_import_config as _update_import_config,
)
from contactimport.generated.checkmarket_client.models import (
    BulkImportPayload,
    CreateImportConfigPayload,
    ImportConfig,
    ImportConfigActionPayload,
    ImportConfigListPayload,
    ImportConfigPayload,
    ImportContact,
    ImportResultPayload,
)

from ._client import (
    DEFAULT_TIMEOUT,
    AsyncLifecycle,
    AsyncSender,
    ClientCore,
    PreparedCall,
    SyncLifecycle,
    SyncSender,
    security_schemes,
    server_urls,
)
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

ImportConfigInput = ImportConfig | Mapping[str, Any]
"""A generated `ImportConfig`, or its JSON shape (`{"Name": ..., "UpdateTypeId": 1, ...}`)."""
ImportContactInput = ImportContact | Mapping[str, Any]
"""A generated `ImportContact`, or its JSON shape (`{"Email": ..., "LangCode": ...}`)."""


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


def _to_model(item: Any, model: type[ImportConfig] | type[ImportContact], where: str) -> Any:
    if isinstance(item, model):
        return item
    if not isinstance(item, Mapping):
        raise InvalidParameterError(
            f"{where} must be a {model.__name__} or a mapping of its JSON members, got {item!r}"
        )
    try:
        return model.from_dict(dict(item))
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidParameterError(f"{where} is not a valid {model.__name__}: {error!r}") from None


def _config(item: ImportConfigInput) -> ImportConfig:
    config: ImportConfig = _to_model(item, ImportConfig, "the import configuration")
    return config


class _Calls:
    def __init__(self, core: ClientCore) -> None:
        self.core = core

    def create_import_config(
        self, config: ImportConfigInput, wire_format: WireFormat | None
    ) -> PreparedCall[CreateImportConfigPayload]:
        return self.core.prepare(
            "createImportConfig",
            _create_import_config._get_kwargs(body=_config(config)),
            CreateImportConfigPayload.from_dict,
            wire_format=wire_format,
            replay_safe=False,
        )

    def list_import_configs(
        self, wire_format: WireFormat | None
    ) -> PreparedCall[ImportConfigListPayload]:
        return self.core.prepare(
            "listImportConfigs",
            _list_import_configs._get_kwargs(),
            ImportConfigListPayload.from_dict,
            wire_format=wire_format,
        )

    def get_import_config(
        self, import_config_id: int, wire_format: WireFormat | None
    ) -> PreparedCall[ImportConfigPayload]:
        return self.core.prepare(
            "getImportConfig",
            _get_import_config._get_kwargs(import_config_id),
            ImportConfigPayload.from_dict,
            wire_format=wire_format,
        )

    def update_import_config(
        self, import_config_id: int, config: ImportConfigInput, wire_format: WireFormat | None
    ) -> PreparedCall[ImportConfigActionPayload]:
        return self.core.prepare(
            "updateImportConfig",
            _update_import_config._get_kwargs(import_config_id, body=_config(config)),
            ImportConfigActionPayload.from_dict,
            wire_format=wire_format,
            replay_safe=True,  # a full replace: sending it twice leaves the same configuration
        )

    def rename_import_config(
        self, import_config_id: int, name: str, wire_format: WireFormat | None
    ) -> PreparedCall[ImportConfigActionPayload]:
        if not isinstance(name, str) or not name.strip():
            raise InvalidParameterError(f"the new name must be a non-empty string, got {name!r}")
        return self.core.prepare(
            "updateImportConfig",
            _update_import_config._get_kwargs(import_config_id, name=name),
            ImportConfigActionPayload.from_dict,
            wire_format=wire_format,
            replay_safe=True,
        )

    def delete_import_config(
        self, import_config_id: int, wire_format: WireFormat | None
    ) -> PreparedCall[ImportConfigActionPayload]:
        return self.core.prepare(
            "deleteImportConfig",
            _delete_import_config._get_kwargs(import_config_id),
            ImportConfigActionPayload.from_dict,
            wire_format=wire_format,
        )

    def bulk_import_contacts(
        self,
        import_config_id: int,
        contacts: Iterable[ImportContactInput],
        wire_format: WireFormat | None,
    ) -> PreparedCall[BulkImportPayload]:
        body: list[ImportContact] = [
            _to_model(item, ImportContact, f"contact #{n + 1}") for n, item in enumerate(contacts)
        ]
        if not body:
            raise InvalidParameterError("bulk_import_contacts needs at least one contact")
        return self.core.prepare(
            "bulkImportContacts",
            _bulk_import_contacts._get_kwargs(import_config_id, body=body),
            BulkImportPayload.from_dict,
            wire_format=wire_format,
            replay_safe=False,
        )

    def get_import_result(
        self, queue_item_id: int, wire_format: WireFormat | None
    ) -> PreparedCall[ImportResultPayload]:
        return self.core.prepare(
            "getImportResult",
            _get_import_result._get_kwargs(queue_item_id),
            ImportResultPayload.from_dict,
            wire_format=wire_format,
        )


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
        self._calls = _Calls(self._core)
        self._generated: Client | None = None

    @property
    def base_url(self) -> str:
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

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._core.describe()})"


class CheckMarket(_CheckMarketBase, SyncLifecycle):
    """Synchronous CheckMarket API v3 client. Use as a context manager (or call `close()`).

    Args:
        master_key, key: the `X-Master-Key` and `X-Key` (default: CHECKMARKET_MASTER_KEY and
            CHECKMARKET_KEY environment variables).
        region: a name of `regions()` ("global", "eu", "us", "ca"; default CHECKMARKET_REGION,
            else the spec's first server).
        base_url: wins over the region (default CHECKMARKET_BASE_URL).
        wire_format, timeout, max_retries, retry_policy, transport, http_client, user_agent,
        headers: as for `contactimport.which50.Which50`.
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

    def _send(self, call: PreparedCall[T]) -> T:
        return self._sender.send(call)

    def create_import_config(
        self, config: ImportConfigInput, *, wire_format: WireFormat | None = None
    ) -> CreateImportConfigPayload:
        """POST /3/contacts/import/configs (role Contacts (write)). Not replayed."""
        return self._send(self._calls.create_import_config(config, wire_format))

    def list_import_configs(
        self, *, wire_format: WireFormat | None = None
    ) -> ImportConfigListPayload:
        """GET /3/contacts/import/configs."""
        return self._send(self._calls.list_import_configs(wire_format))

    def get_import_config(
        self, import_config_id: int, *, wire_format: WireFormat | None = None
    ) -> ImportConfigPayload:
        """GET /3/contacts/import/configs/{id}."""
        return self._send(self._calls.get_import_config(import_config_id, wire_format))

    def update_import_config(
        self,
        import_config_id: int,
        config: ImportConfigInput,
        *,
        wire_format: WireFormat | None = None,
    ) -> ImportConfigActionPayload:
        """PUT /3/contacts/import/configs/{id}: full replace (absent members reset to defaults)."""
        return self._send(self._calls.update_import_config(import_config_id, config, wire_format))

    def rename_import_config(
        self, import_config_id: int, name: str, *, wire_format: WireFormat | None = None
    ) -> ImportConfigActionPayload:
        """PUT /3/contacts/import/configs/{id}?name=...: rename, nothing else changes."""
        return self._send(self._calls.rename_import_config(import_config_id, name, wire_format))

    def delete_import_config(
        self, import_config_id: int, *, wire_format: WireFormat | None = None
    ) -> ImportConfigActionPayload:
        """DELETE /3/contacts/import/configs/{id}."""
        return self._send(self._calls.delete_import_config(import_config_id, wire_format))

    def bulk_import_contacts(
        self,
        import_config_id: int,
        contacts: Iterable[ImportContactInput],
        *,
        wire_format: WireFormat | None = None,
    ) -> BulkImportPayload:
        """POST /3/contacts/import/{configId}: queue contacts for import. Not replayed."""
        return self._send(self._calls.bulk_import_contacts(import_config_id, contacts, wire_format))

    def get_import_result(
        self, queue_item_id: int, *, wire_format: WireFormat | None = None
    ) -> ImportResultPayload:
        """GET /3/contacts/import/result/{queueItemId}: the queue item's status and result."""
        return self._send(self._calls.get_import_result(queue_item_id, wire_format))


class AsyncCheckMarket(_CheckMarketBase, AsyncLifecycle):
    """Asynchronous CheckMarket API v3 client (`async with AsyncCheckMarket() as cm: ...`).

    Args:
        master_key, key: the `X-Master-Key` and `X-Key` (default: CHECKMARKET_MASTER_KEY and
            CHECKMARKET_KEY environment variables).
        region: a name of `regions()` ("global", "eu", "us", "ca"; default CHECKMARKET_REGION,
            else the spec's first server).
        base_url: wins over the region (default CHECKMARKET_BASE_URL).
        wire_format, timeout, max_retries, retry_policy, transport, http_client, user_agent,
        headers: as for `contactimport.which50.AsyncWhich50`.
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

    async def _send(self, call: PreparedCall[T]) -> T:
        return await self._sender.send(call)

    async def create_import_config(
        self, config: ImportConfigInput, *, wire_format: WireFormat | None = None
    ) -> CreateImportConfigPayload:
        """POST /3/contacts/import/configs (role Contacts (write)). Not replayed."""
        return await self._send(self._calls.create_import_config(config, wire_format))

    async def list_import_configs(
        self, *, wire_format: WireFormat | None = None
    ) -> ImportConfigListPayload:
        """GET /3/contacts/import/configs."""
        return await self._send(self._calls.list_import_configs(wire_format))

    async def get_import_config(
        self, import_config_id: int, *, wire_format: WireFormat | None = None
    ) -> ImportConfigPayload:
        """GET /3/contacts/import/configs/{id}."""
        return await self._send(self._calls.get_import_config(import_config_id, wire_format))

    async def update_import_config(
        self,
        import_config_id: int,
        config: ImportConfigInput,
        *,
        wire_format: WireFormat | None = None,
    ) -> ImportConfigActionPayload:
        """PUT /3/contacts/import/configs/{id}: full replace (absent members reset to defaults)."""
        return await self._send(
            self._calls.update_import_config(import_config_id, config, wire_format)
        )

    async def rename_import_config(
        self, import_config_id: int, name: str, *, wire_format: WireFormat | None = None
    ) -> ImportConfigActionPayload:
        """PUT /3/contacts/import/configs/{id}?name=...: rename, nothing else changes."""
        return await self._send(
            self._calls.rename_import_config(import_config_id, name, wire_format)
        )

    async def delete_import_config(
        self, import_config_id: int, *, wire_format: WireFormat | None = None
    ) -> ImportConfigActionPayload:
        """DELETE /3/contacts/import/configs/{id}."""
        return await self._send(self._calls.delete_import_config(import_config_id, wire_format))

    async def bulk_import_contacts(
        self,
        import_config_id: int,
        contacts: Iterable[ImportContactInput],
        *,
        wire_format: WireFormat | None = None,
    ) -> BulkImportPayload:
        """POST /3/contacts/import/{configId}: queue contacts for import. Not replayed."""
        return await self._send(
            self._calls.bulk_import_contacts(import_config_id, contacts, wire_format)
        )

    async def get_import_result(
        self, queue_item_id: int, *, wire_format: WireFormat | None = None
    ) -> ImportResultPayload:
        """GET /3/contacts/import/result/{queueItemId}: the queue item's status and result."""
        return await self._send(self._calls.get_import_result(queue_item_id, wire_format))
