"""Adapters from the overlay clients to the small call protocols the workflows need.

The workflows speak JSON-shaped dicts (what the JSON wire format carries); the clients return the
generated models. These adapters convert with the models' own ``to_dict()``, so a client talking
DataContract XML serves the workflows exactly as a JSON one does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import OperationFailedError
from .resume import RunMethod

if TYPE_CHECKING:
    from ..checkmarket import AsyncCheckMarket, CheckMarket
    from ..which50 import AsyncWhich50, Which50

__all__ = [
    "AsyncCheckMarketAdapter",
    "AsyncWhich50Adapter",
    "CheckMarketAdapter",
    "Which50Adapter",
]


def _data(data: Any) -> Any:
    """A CheckMarket answer's ``Data`` (what the client methods return) as JSON-shaped values."""
    if isinstance(data, list):
        return [item.to_dict() for item in data]
    return data.to_dict()


def _failed(failed: OperationFailedError) -> Mapping[str, Any]:
    body = failed.body if isinstance(failed.body, Mapping) else {}
    return {"Succeeded": False, "FailureMessage": failed.failure_message, **body}


def _run_import_job(
    client: Which50 | AsyncWhich50,
    contact_list_id: int,
    import_job_id: int,
    match: Sequence[str],
    custom_events: Sequence[str],
    match_values: Mapping[str, str],
    method: RunMethod,
) -> Any:
    """Call the client method running an import job by ``method`` (PATCH: ``match_values``).

    Returns the ImportJob model, or with an async client the coroutine giving it.
    """
    events = list(custom_events) or None
    if method == "PATCH":
        return client.run_import_job_patch(
            contact_list_id, import_job_id, match=match_values, custom_events=events
        )
    run = client.run_import_job_put if method == "PUT" else client.run_import_job
    return run(contact_list_id, import_job_id, match=list(match) or None, custom_events=events)


class Which50Adapter:
    """:class:`~contactimport.workflows.which50.Which50ImportApi` over a ``Which50`` client."""

    def __init__(self, client: Which50) -> None:
        self.client = client

    def create_import_job(
        self, contact_list_id: int, field_names: Sequence[str]
    ) -> Mapping[str, Any]:
        """Create an import job for the list's `field_names`; the job as a JSON-shaped mapping."""
        return self.client.create_import_job(contact_list_id, list(field_names)).to_dict()

    def upload_import_batch(
        self, contact_list_id: int, import_job_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> None:
        """Load one batch of contacts into the job."""
        self.client.upload_import_batch(contact_list_id, import_job_id, contacts)

    def get_import_job(self, contact_list_id: int, import_job_id: int) -> Mapping[str, Any]:
        """The import job (status and counters) as a JSON-shaped mapping."""
        return self.client.get_import_job(contact_list_id, import_job_id).to_dict()

    def run_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: Sequence[str],
        custom_events: Sequence[str],
        match_values: Mapping[str, str],
        method: RunMethod,
    ) -> Mapping[str, Any]:
        """Run the loaded job: insert or update by `match`, firing `custom_events`."""
        job: Mapping[str, Any] = _run_import_job(
            self.client, contact_list_id, import_job_id, match, custom_events, match_values, method
        ).to_dict()
        return job


class AsyncWhich50Adapter:
    """:class:`~contactimport.workflows.which50.AsyncWhich50ImportApi` over ``AsyncWhich50``."""

    def __init__(self, client: AsyncWhich50) -> None:
        self.client = client

    async def create_import_job(
        self, contact_list_id: int, field_names: Sequence[str]
    ) -> Mapping[str, Any]:
        """Create an import job for the list's `field_names`; the job as a JSON-shaped mapping."""
        job = await self.client.create_import_job(contact_list_id, list(field_names))
        return job.to_dict()

    async def upload_import_batch(
        self, contact_list_id: int, import_job_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> None:
        """Load one batch of contacts into the job."""
        await self.client.upload_import_batch(contact_list_id, import_job_id, contacts)

    async def get_import_job(self, contact_list_id: int, import_job_id: int) -> Mapping[str, Any]:
        """The import job (status and counters) as a JSON-shaped mapping."""
        return (await self.client.get_import_job(contact_list_id, import_job_id)).to_dict()

    async def run_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: Sequence[str],
        custom_events: Sequence[str],
        match_values: Mapping[str, str],
        method: RunMethod,
    ) -> Mapping[str, Any]:
        """Run the loaded job: insert or update by `match`, firing `custom_events`."""
        job = await _run_import_job(
            self.client, contact_list_id, import_job_id, match, custom_events, match_values, method
        )
        result: Mapping[str, Any] = job.to_dict()
        return result


class CheckMarketAdapter:
    """:class:`~contactimport.workflows.checkmarket.CheckMarketImportApi` over ``CheckMarket``."""

    def __init__(self, client: CheckMarket) -> None:
        self.client = client

    def list_import_configs(self) -> Sequence[Mapping[str, Any]]:
        """The account's reusable import configurations (the Payload's Data)."""
        result: Sequence[Mapping[str, Any]] = _data(self.client.list_import_configs())
        return result

    def get_import_config(self, import_config_id: int) -> Mapping[str, Any]:
        """The import configuration with that id (the Payload's Data)."""
        result: Mapping[str, Any] = _data(self.client.get_import_config(import_config_id))
        return result

    def create_import_config(self, config: Mapping[str, Any]) -> Mapping[str, Any]:
        """Create an import configuration; the Payload's Data (its id, or why not)."""
        try:
            result: Mapping[str, Any] = _data(self.client.create_import_config(config))
        except OperationFailedError as failed:  # the workflow reports Succeeded: false itself
            return _failed(failed)
        return result

    def bulk_import_contacts(
        self, import_config_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> Mapping[str, Any]:
        """Queue a bulk import of `contacts` through the configuration; the Payload's Data."""
        result: Mapping[str, Any] = _data(
            self.client.bulk_import_contacts(import_config_id, contacts)
        )
        return result

    def get_import_result(self, queue_item_id: int) -> Mapping[str, Any]:
        """The status and result of a bulk import (the Payload's Data)."""
        result: Mapping[str, Any] = _data(self.client.get_import_result(queue_item_id))
        return result


class AsyncCheckMarketAdapter:
    """:class:`~contactimport.workflows.checkmarket.AsyncCheckMarketImportApi` over
    ``AsyncCheckMarket``."""

    def __init__(self, client: AsyncCheckMarket) -> None:
        self.client = client

    async def list_import_configs(self) -> Sequence[Mapping[str, Any]]:
        """The account's reusable import configurations (the Payload's Data)."""
        result: Sequence[Mapping[str, Any]] = _data(await self.client.list_import_configs())
        return result

    async def get_import_config(self, import_config_id: int) -> Mapping[str, Any]:
        """The import configuration with that id (the Payload's Data)."""
        result: Mapping[str, Any] = _data(await self.client.get_import_config(import_config_id))
        return result

    async def create_import_config(self, config: Mapping[str, Any]) -> Mapping[str, Any]:
        """Create an import configuration; the Payload's Data (its id, or why not)."""
        try:
            result: Mapping[str, Any] = _data(await self.client.create_import_config(config))
        except OperationFailedError as failed:  # the workflow reports Succeeded: false itself
            return _failed(failed)
        return result

    async def bulk_import_contacts(
        self, import_config_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> Mapping[str, Any]:
        """Queue a bulk import of `contacts` through the configuration; the Payload's Data."""
        result: Mapping[str, Any] = _data(
            await self.client.bulk_import_contacts(import_config_id, contacts)
        )
        return result

    async def get_import_result(self, queue_item_id: int) -> Mapping[str, Any]:
        """The status and result of a bulk import (the Payload's Data)."""
        result: Mapping[str, Any] = _data(await self.client.get_import_result(queue_item_id))
        return result
