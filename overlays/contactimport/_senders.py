"""Senders: one pooled httpx client per client (ours, wrapped in the retry transport, or one the
caller injected), through which prepared calls are exchanged and their answers read. The sync
and async senders differ only in awaiting the I/O.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

import httpx

from ._core import ClientCore
from ._operations import APIResponse
from ._requests import PreparedCall, request_args
from ._responses import read, read_raw, transport_error
from .errors import InvalidParameterError
from .transport.retry import AsyncRetryTransport, RetryTransport

__all__ = ["AsyncSender", "SyncSender"]

T = TypeVar("T")
H = TypeVar("H", httpx.Client, httpx.AsyncClient)


class _Pool(Generic[H]):
    """The pooled httpx client of a sender, and whether it is the sender's to close."""

    def __init__(
        self,
        core: ClientCore,
        *,
        transport: object,
        http_client: H | None,
        make: Callable[..., H],
    ) -> None:
        if http_client is not None and transport is not None:
            raise InvalidParameterError("give transport or http_client, not both")
        self.core = core
        self.owns_client = http_client is None
        self.client_headers: dict[str, str] = {}
        """What our own pooled client sends by default (not repeated per request)."""
        self.client_timeout: httpx.Timeout | None = None
        if http_client is None:
            http_client = make(base_url=core.base_url, headers=core.headers, timeout=core.timeout)
            self.client_headers = dict(core.headers)
            self.client_timeout = core.timeout
        self.http: H = http_client

    def _args(self, call: PreparedCall[Any]) -> dict[str, Any]:
        return request_args(self.core, call, self.client_headers, self.client_timeout)

    def sharing(self, core: ClientCore) -> Self:
        """A sender over this one's connection pool, for a client copy (`with_options`): it
        never closes the pool."""
        clone = copy.copy(self)
        clone.core = core
        clone.owns_client = False
        return clone


class SyncSender(_Pool[httpx.Client]):
    """Sends prepared calls over one pooled `httpx.Client` (ours, or one the caller injected)."""

    def __init__(
        self,
        core: ClientCore,
        *,
        transport: httpx.BaseTransport | None,
        http_client: httpx.Client | None,
    ) -> None:
        def make(**options: Any) -> httpx.Client:
            retrying = RetryTransport(transport, policy=core.retry_policy)
            return httpx.Client(**options, transport=retrying)

        super().__init__(core, transport=transport, http_client=http_client, make=make)

    def send(self, call: PreparedCall[T]) -> T:
        return read(self.core, call, self._exchange(call))

    def send_raw(self, call: PreparedCall[T]) -> APIResponse[T]:
        return read_raw(self.core, call, self._exchange(call))

    def _exchange(self, call: PreparedCall[Any]) -> httpx.Response:
        args = self._args(call)
        try:
            return self.http.request(**args)
        except httpx.TransportError as error:
            failure = transport_error(self.core, call, args, error)
        raise failure  # outside the handler: no __context__ holding the credentialed request

    def close(self) -> None:
        if self.owns_client:
            self.http.close()


class AsyncSender(_Pool[httpx.AsyncClient]):
    """Sends prepared calls over one pooled `httpx.AsyncClient` (ours, or an injected one)."""

    def __init__(
        self,
        core: ClientCore,
        *,
        transport: httpx.AsyncBaseTransport | None,
        http_client: httpx.AsyncClient | None,
    ) -> None:
        def make(**options: Any) -> httpx.AsyncClient:
            retrying = AsyncRetryTransport(transport, policy=core.retry_policy)
            return httpx.AsyncClient(**options, transport=retrying)

        super().__init__(core, transport=transport, http_client=http_client, make=make)

    async def send(self, call: PreparedCall[T]) -> T:
        return read(self.core, call, await self._exchange(call))

    async def send_raw(self, call: PreparedCall[T]) -> APIResponse[T]:
        return read_raw(self.core, call, await self._exchange(call))

    async def _exchange(self, call: PreparedCall[Any]) -> httpx.Response:
        args = self._args(call)
        try:
            return await self.http.request(**args)
        except httpx.TransportError as error:
            failure = transport_error(self.core, call, args, error)
        raise failure  # outside the handler: no __context__ holding the credentialed request

    async def aclose(self) -> None:
        if self.owns_client:
            await self.http.aclose()
