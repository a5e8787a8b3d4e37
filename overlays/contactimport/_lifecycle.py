"""What the clients share beside their operations: `with_options()` (a copy with other defaults
over the same connection pool), `close()`/`aclose()` and the `with`/`async with` forms.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from types import TracebackType
from typing import Self

import httpx

from ._core import ClientCore
from ._operations import NOT_GIVEN, JsonBody, NotGiven
from ._requests import encode_ahead
from ._senders import AsyncSender, SyncSender
from .settings import WireFormat
from .transport.retry import RetryPolicy

__all__ = ["AsyncLifecycle", "SyncLifecycle"]


class _Options:
    """`with_options()`: a copy of the client with other defaults, over the same pool."""

    _core: ClientCore
    _sender: SyncSender | AsyncSender

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        wire_format: WireFormat | str | None = None,
    ) -> Self:
        """A copy of this client with other defaults, sharing its connection pool (closing the
        copy leaves the pool open; closing this client closes it for both).

        Args:
            timeout: seconds, an `httpx.Timeout`, or None for no timeout.
            max_retries: retries of failed requests (0: none); as the constructor's.
            retry_policy: full control over retries and backoff (instead of max_retries).
            headers: headers added to every request of the copy (not the credential headers).
            wire_format: "json" or "xml".

        Retries are applied by the client's own retry transport: with an injected
        `http_client` they apply only if that client mounts one.
        """
        clone = copy.copy(self)
        clone._core = self._core.copy_with(
            timeout=timeout,
            retry_policy=retry_policy,
            max_retries=max_retries,
            headers=headers,
            wire_format=wire_format,
        )
        clone._sender = self._sender.sharing(clone._core)
        clone._after_copy()
        return clone

    def _after_copy(self) -> None:
        """Hook for state a copy must not share (the clients reset their generated client)."""

    def _encode_ahead(self, operation_id: str, body: JsonBody) -> None:
        """Encode ``body`` for ``operation_id`` in this client's wire format now (the import
        workflows do it in their reader, ahead of the batch's turn); the request sends it."""
        encode_ahead(self._core, operation_id, body)


class SyncLifecycle(_Options):
    """`close()` and `with` for the sync clients (the pool is theirs to close only if they
    made it)."""

    _sender: SyncSender

    def close(self) -> None:
        """Close the connection pool (only if this client created it)."""
        self._sender.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncLifecycle(_Options):
    """`aclose()` and `async with` for the async clients."""

    _sender: AsyncSender

    async def aclose(self) -> None:
        """Close the connection pool (only if this client created it)."""
        await self._sender.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
