# Generated from spec/checkmarket.openapi.yaml and overlays/contactimport/_parameters.py by scripts/generate.py (scripts/operations_codegen.py). Do not edit: change the source, then run `nox -s generate`.
"""The operations of spec/checkmarket.openapi.yaml as methods of `CheckMarket`,
`AsyncCheckMarket` and their `with_raw_response` views (see contactimport._operations).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from contactimport import _parameters as _p
from contactimport._operations import (
    NOT_GIVEN,
    AsyncOperations,
    AsyncRawOperations,
    Binding,
    EnvelopeAPIResponse,
    NotGiven,
    RequestOptions,
    SyncOperations,
    SyncRawOperations,
    TimeoutInput,
)
from contactimport._parameters import ImportConfigInput, ImportContactInput
from contactimport.generated.checkmarket_client.api.bulk_import import (
    bulk_import_contacts as _bulk_import_contacts,
)
from contactimport.generated.checkmarket_client.api.bulk_import import (
    get_import_result as _get_import_result,
)
from contactimport.generated.checkmarket_client.api.bulk_import import (
    get_import_result_legacy as _get_import_result_legacy,
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
    ActionResult,
    BulkImportPayload,
    BulkImportResult,
    CreateImportConfigPayload,
    CreateImportConfigResult,
    ImportConfig,
    ImportConfigActionPayload,
    ImportConfigListPayload,
    ImportConfigPayload,
    ImportQueueItem,
    ImportResultPayload,
)
from contactimport.generated.checkmarket_client.types import UNSET
from contactimport.settings import WireFormat


def _none(data: Any) -> None:
    return None


__all__ = [
    "CheckMarketOperations",
    "CheckMarketWithRawResponse",
    "AsyncCheckMarketOperations",
    "AsyncCheckMarketWithRawResponse",
]

_LIST_IMPORT_CONFIGS: Binding[list[ImportConfig]] = Binding(
    "listImportConfigs",
    _list_import_configs._get_kwargs,
    path=(),
    keywords={},
    parse=lambda data: ImportConfigListPayload.from_dict(data).data,
    unset=UNSET,
    convert={},
    envelope=ImportConfigListPayload.from_dict,
)
_CREATE_IMPORT_CONFIG: Binding[CreateImportConfigResult] = Binding(
    "createImportConfig",
    _create_import_config._get_kwargs,
    path=(),
    keywords={"body": "body"},
    parse=lambda data: CreateImportConfigPayload.from_dict(data).data,
    unset=UNSET,
    convert={},
    envelope=CreateImportConfigPayload.from_dict,
)
_GET_IMPORT_CONFIG: Binding[ImportConfig] = Binding(
    "getImportConfig",
    _get_import_config._get_kwargs,
    path=("importConfigId",),
    keywords={},
    parse=lambda data: ImportConfigPayload.from_dict(data).data,
    unset=UNSET,
    convert={},
    envelope=ImportConfigPayload.from_dict,
)
_UPDATE_IMPORT_CONFIG: Binding[ActionResult] = Binding(
    "updateImportConfig",
    _update_import_config._get_kwargs,
    path=("importConfigId",),
    keywords={"body": "body", "name": "name"},
    parse=lambda data: ImportConfigActionPayload.from_dict(data).data,
    unset=UNSET,
    convert={},
    envelope=ImportConfigActionPayload.from_dict,
)
_DELETE_IMPORT_CONFIG: Binding[ActionResult] = Binding(
    "deleteImportConfig",
    _delete_import_config._get_kwargs,
    path=("importConfigId",),
    keywords={},
    parse=lambda data: ImportConfigActionPayload.from_dict(data).data,
    unset=UNSET,
    convert={},
    envelope=ImportConfigActionPayload.from_dict,
)
_GET_IMPORT_RESULT: Binding[ImportQueueItem] = Binding(
    "getImportResult",
    _get_import_result._get_kwargs,
    path=("queueItemId",),
    keywords={},
    parse=lambda data: ImportResultPayload.from_dict(data).data,
    unset=UNSET,
    convert={},
    envelope=ImportResultPayload.from_dict,
)
_BULK_IMPORT_CONTACTS: Binding[BulkImportResult] = Binding(
    "bulkImportContacts",
    _bulk_import_contacts._get_kwargs,
    path=("importConfigId",),
    keywords={"body": "body"},
    parse=lambda data: BulkImportPayload.from_dict(data).data,
    unset=UNSET,
    convert={},
    envelope=BulkImportPayload.from_dict,
)
_GET_IMPORT_RESULT_LEGACY: Binding[ImportQueueItem] = Binding(
    "getImportResultLegacy",
    _get_import_result_legacy._get_kwargs,
    path=("queueItemId",),
    keywords={},
    parse=lambda data: ImportResultPayload.from_dict(data).data,
    unset=UNSET,
    convert={},
    envelope=ImportResultPayload.from_dict,
)


class CheckMarketOperations(SyncOperations):
    """Every operation of the CheckMarket spec (see contactimport._operations)."""

    @property
    def with_raw_response(self) -> CheckMarketWithRawResponse:
        """The same operations, answering with the raw response (`APIResponse`):
        status, headers, the request sent, and `.parse()` for the model.
        """
        return CheckMarketWithRawResponse(self)

    def list_import_configs(
        self,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> list[ImportConfig]:
        """List the import configurations.

        Returns the account's reusable import configurations (`IsReusable` true), ordered by
        id. A non-reusable configuration is not listed; read it by id until it has served
        its import.

        `GET /3/contacts/import/configs` (operationId `listImportConfigs`).

        Args:
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The configurations; an empty list when there are none.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _LIST_IMPORT_CONFIGS,
            {},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def create_import_config(
        self,
        config: ImportConfigInput,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> CreateImportConfigResult:
        """Create an import configuration.

        Creates an import configuration and returns its id. A configuration meant only for
        API imports can leave `ColumnMappings` empty; the server fills them in on the first
        import.

        `POST /3/contacts/import/configs` (operationId `createImportConfig`).

        Args:
            config: An `ImportConfig` or its JSON shape (`{"Name": ..., "UpdateTypeId":
                1, ...}`). The new import configuration.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The configuration was created (`Data.Succeeded` true, `Data.ImportConfigId` its
            id) or could not be (`Data.Succeeded` false, `Data.FailureMessage` says why).

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            APIStatusError: 415 The body's `Content-Type` is not one the API reads.
                `Meta.Status` is 415.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _CREATE_IMPORT_CONFIG,
            {"body": _p.import_config(config)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def get_import_config(
        self,
        import_config_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportConfig:
        """Read an import configuration.

        Returns one import configuration with its id.

        `GET /3/contacts/import/configs/{importConfigId}` (operationId `getImportConfig`).

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The configuration.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _GET_IMPORT_CONFIG,
            {"importConfigId": import_config_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def update_import_config(
        self,
        import_config_id: int,
        config: ImportConfigInput | None = None,
        *,
        name: str | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ActionResult:
        """Replace or rename an import configuration.

        With a body, replaces the configuration: every member the body leaves out is reset
        to its default (it is not a partial update). With the `name` query parameter and no
        body, renames the configuration and changes nothing else. With both, replaces it and
        takes the name from `name`.

        `PUT /3/contacts/import/configs/{importConfigId}` (operationId `updateImportConfig`).

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`).
            config: An `ImportConfig` or its JSON shape; None: no body. The
                configuration's new content (full replace). Leave it out to rename with
                `name`.
            name: The configuration's new name. Given without a body, the request
                renames the configuration; given with a body, it wins over the body's
                `Name`.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            Whether the configuration was replaced or renamed (`Data.Succeeded`), and why
            not (`Data.FailureMessage`).

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            APIStatusError: 415 The body's `Content-Type` is not one the API reads.
                `Meta.Status` is 415.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _UPDATE_IMPORT_CONFIG,
            {
                "importConfigId": import_config_id,
                "body": _p.optional_import_config(config),
                "name": name,
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def delete_import_config(
        self,
        import_config_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ActionResult:
        """Delete an import configuration.

        Deletes the configuration. Imports already queued through it are not affected.

        `DELETE /3/contacts/import/configs/{importConfigId}` (operationId `deleteImportConfig`).

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            Whether the configuration was deleted (`Data.Succeeded`), and why not.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _DELETE_IMPORT_CONFIG,
            {"importConfigId": import_config_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def get_import_result(
        self,
        queue_item_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportQueueItem:
        """Read the status and result of a bulk import.

        Returns the import's queue status (`StatusId`, 4 = completed) and, per result code,
        how many contacts got it (the vendor's current path,
        `/3/contacts/import/{queueItemId}`; see `result-path`). The vendor mentions links to
        detailed result files it generates; their shape is not documented, so they are not
        modelled (clients keep unknown members).

        `GET /3/contacts/import/{queueItemId}` (operationId `getImportResult`).

        Args:
            queue_item_id: The bulk import's queue item id (`QueueItemId`); the vendor
                names this parameter `queueItemId` (see `result-path`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import's status and, once processed, its result counts.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _GET_IMPORT_RESULT,
            {"queueItemId": queue_item_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def bulk_import_contacts(
        self,
        import_config_id: int,
        contacts: Iterable[ImportContactInput],
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> BulkImportResult:
        """Import contacts in bulk.

        Queues many contacts (thousands in one call) for import through the configuration
        and returns the queue item's id at once; the import runs asynchronously. Poll
        `getImportResult` with the id for its status and per-result-code counts.

        `POST /3/contacts/import/{importConfigId}` (operationId `bulkImportContacts`).

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`) to import
                through; the vendor names this parameter `importConfigId` (see
                `result-path`).
            contacts: `ImportContact`s or their JSON shapes (`{"Email": ..., "LangCode":
                ...}`). The contacts to import.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import was queued; `Data.QueueItemId` identifies it.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            APIStatusError: 415 The body's `Content-Type` is not one the API reads.
                `Meta.Status` is 415.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _BULK_IMPORT_CONTACTS,
            {"importConfigId": import_config_id, "body": _p.import_contacts(contacts)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def get_import_result_legacy(
        self,
        queue_item_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportQueueItem:
        """Read the status and result of a bulk import (older path).

        Deprecated by the vendor.

        Deprecated: the vendor's older path for `getImportResult`, which it still serves and
        documents as an alias. Same answer as `getImportResult`; use that one.

        `GET /3/contacts/import/result/{queueItemId}` (operationId `getImportResultLegacy`).

        Args:
            queue_item_id: The bulk import's queue item id (`QueueItemId`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import's status and, once processed, its result counts.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _GET_IMPORT_RESULT_LEGACY,
            {"queueItemId": queue_item_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )


class AsyncCheckMarketOperations(AsyncOperations):
    """Every operation of the CheckMarket spec (see contactimport._operations)."""

    @property
    def with_raw_response(self) -> AsyncCheckMarketWithRawResponse:
        """The same operations, answering with the raw response (`APIResponse`):
        status, headers, the request sent, and `.parse()` for the model.
        """
        return AsyncCheckMarketWithRawResponse(self)

    async def list_import_configs(
        self,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> list[ImportConfig]:
        """List the import configurations.

        Returns the account's reusable import configurations (`IsReusable` true), ordered by
        id. A non-reusable configuration is not listed; read it by id until it has served
        its import.

        `GET /3/contacts/import/configs` (operationId `listImportConfigs`).

        Args:
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The configurations; an empty list when there are none.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _LIST_IMPORT_CONFIGS,
            {},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def create_import_config(
        self,
        config: ImportConfigInput,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> CreateImportConfigResult:
        """Create an import configuration.

        Creates an import configuration and returns its id. A configuration meant only for
        API imports can leave `ColumnMappings` empty; the server fills them in on the first
        import.

        `POST /3/contacts/import/configs` (operationId `createImportConfig`).

        Args:
            config: An `ImportConfig` or its JSON shape (`{"Name": ..., "UpdateTypeId":
                1, ...}`). The new import configuration.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The configuration was created (`Data.Succeeded` true, `Data.ImportConfigId` its
            id) or could not be (`Data.Succeeded` false, `Data.FailureMessage` says why).

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            APIStatusError: 415 The body's `Content-Type` is not one the API reads.
                `Meta.Status` is 415.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _CREATE_IMPORT_CONFIG,
            {"body": _p.import_config(config)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def get_import_config(
        self,
        import_config_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportConfig:
        """Read an import configuration.

        Returns one import configuration with its id.

        `GET /3/contacts/import/configs/{importConfigId}` (operationId `getImportConfig`).

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The configuration.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _GET_IMPORT_CONFIG,
            {"importConfigId": import_config_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def update_import_config(
        self,
        import_config_id: int,
        config: ImportConfigInput | None = None,
        *,
        name: str | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ActionResult:
        """Replace or rename an import configuration.

        With a body, replaces the configuration: every member the body leaves out is reset
        to its default (it is not a partial update). With the `name` query parameter and no
        body, renames the configuration and changes nothing else. With both, replaces it and
        takes the name from `name`.

        `PUT /3/contacts/import/configs/{importConfigId}` (operationId `updateImportConfig`).

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`).
            config: An `ImportConfig` or its JSON shape; None: no body. The
                configuration's new content (full replace). Leave it out to rename with
                `name`.
            name: The configuration's new name. Given without a body, the request
                renames the configuration; given with a body, it wins over the body's
                `Name`.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            Whether the configuration was replaced or renamed (`Data.Succeeded`), and why
            not (`Data.FailureMessage`).

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            APIStatusError: 415 The body's `Content-Type` is not one the API reads.
                `Meta.Status` is 415.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _UPDATE_IMPORT_CONFIG,
            {
                "importConfigId": import_config_id,
                "body": _p.optional_import_config(config),
                "name": name,
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def delete_import_config(
        self,
        import_config_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ActionResult:
        """Delete an import configuration.

        Deletes the configuration. Imports already queued through it are not affected.

        `DELETE /3/contacts/import/configs/{importConfigId}` (operationId `deleteImportConfig`).

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            Whether the configuration was deleted (`Data.Succeeded`), and why not.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _DELETE_IMPORT_CONFIG,
            {"importConfigId": import_config_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def get_import_result(
        self,
        queue_item_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportQueueItem:
        """Read the status and result of a bulk import.

        Returns the import's queue status (`StatusId`, 4 = completed) and, per result code,
        how many contacts got it (the vendor's current path,
        `/3/contacts/import/{queueItemId}`; see `result-path`). The vendor mentions links to
        detailed result files it generates; their shape is not documented, so they are not
        modelled (clients keep unknown members).

        `GET /3/contacts/import/{queueItemId}` (operationId `getImportResult`).

        Args:
            queue_item_id: The bulk import's queue item id (`QueueItemId`); the vendor
                names this parameter `queueItemId` (see `result-path`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import's status and, once processed, its result counts.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _GET_IMPORT_RESULT,
            {"queueItemId": queue_item_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def bulk_import_contacts(
        self,
        import_config_id: int,
        contacts: Iterable[ImportContactInput],
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> BulkImportResult:
        """Import contacts in bulk.

        Queues many contacts (thousands in one call) for import through the configuration
        and returns the queue item's id at once; the import runs asynchronously. Poll
        `getImportResult` with the id for its status and per-result-code counts.

        `POST /3/contacts/import/{importConfigId}` (operationId `bulkImportContacts`).

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`) to import
                through; the vendor names this parameter `importConfigId` (see
                `result-path`).
            contacts: `ImportContact`s or their JSON shapes (`{"Email": ..., "LangCode":
                ...}`). The contacts to import.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import was queued; `Data.QueueItemId` identifies it.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            APIStatusError: 415 The body's `Content-Type` is not one the API reads.
                `Meta.Status` is 415.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _BULK_IMPORT_CONTACTS,
            {"importConfigId": import_config_id, "body": _p.import_contacts(contacts)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def get_import_result_legacy(
        self,
        queue_item_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportQueueItem:
        """Read the status and result of a bulk import (older path).

        Deprecated by the vendor.

        Deprecated: the vendor's older path for `getImportResult`, which it still serves and
        documents as an alias. Same answer as `getImportResult`; use that one.

        `GET /3/contacts/import/result/{queueItemId}` (operationId `getImportResultLegacy`).

        Args:
            queue_item_id: The bulk import's queue item id (`QueueItemId`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import's status and, once processed, its result counts.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _GET_IMPORT_RESULT_LEGACY,
            {"queueItemId": queue_item_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )


class CheckMarketWithRawResponse(SyncRawOperations):
    """Every operation of `CheckMarket`, answering with the raw `APIResponse`."""

    def list_import_configs(
        self,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[list[ImportConfig], ImportConfigListPayload]:
        """List the import configurations.

        Returns the account's reusable import configurations (`IsReusable` true), ordered by
        id. A non-reusable configuration is not listed; read it by id until it has served
        its import.

        `GET /3/contacts/import/configs` (operationId `listImportConfigs`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw_envelope(
            _LIST_IMPORT_CONFIGS,
            ImportConfigListPayload,
            {},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def create_import_config(
        self,
        config: ImportConfigInput,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[CreateImportConfigResult, CreateImportConfigPayload]:
        """Create an import configuration.

        Creates an import configuration and returns its id. A configuration meant only for
        API imports can leave `ColumnMappings` empty; the server fills them in on the first
        import.

        `POST /3/contacts/import/configs` (operationId `createImportConfig`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            config: An `ImportConfig` or its JSON shape (`{"Name": ..., "UpdateTypeId":
                1, ...}`). The new import configuration.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            APIStatusError: 415 The body's `Content-Type` is not one the API reads.
                `Meta.Status` is 415.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw_envelope(
            _CREATE_IMPORT_CONFIG,
            CreateImportConfigPayload,
            {"body": _p.import_config(config)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def get_import_config(
        self,
        import_config_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[ImportConfig, ImportConfigPayload]:
        """Read an import configuration.

        Returns one import configuration with its id.

        `GET /3/contacts/import/configs/{importConfigId}` (operationId `getImportConfig`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw_envelope(
            _GET_IMPORT_CONFIG,
            ImportConfigPayload,
            {"importConfigId": import_config_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def update_import_config(
        self,
        import_config_id: int,
        config: ImportConfigInput | None = None,
        *,
        name: str | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[ActionResult, ImportConfigActionPayload]:
        """Replace or rename an import configuration.

        With a body, replaces the configuration: every member the body leaves out is reset
        to its default (it is not a partial update). With the `name` query parameter and no
        body, renames the configuration and changes nothing else. With both, replaces it and
        takes the name from `name`.

        `PUT /3/contacts/import/configs/{importConfigId}` (operationId `updateImportConfig`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`).
            config: An `ImportConfig` or its JSON shape; None: no body. The
                configuration's new content (full replace). Leave it out to rename with
                `name`.
            name: The configuration's new name. Given without a body, the request
                renames the configuration; given with a body, it wins over the body's
                `Name`.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            APIStatusError: 415 The body's `Content-Type` is not one the API reads.
                `Meta.Status` is 415.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw_envelope(
            _UPDATE_IMPORT_CONFIG,
            ImportConfigActionPayload,
            {
                "importConfigId": import_config_id,
                "body": _p.optional_import_config(config),
                "name": name,
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def delete_import_config(
        self,
        import_config_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[ActionResult, ImportConfigActionPayload]:
        """Delete an import configuration.

        Deletes the configuration. Imports already queued through it are not affected.

        `DELETE /3/contacts/import/configs/{importConfigId}` (operationId `deleteImportConfig`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw_envelope(
            _DELETE_IMPORT_CONFIG,
            ImportConfigActionPayload,
            {"importConfigId": import_config_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def get_import_result(
        self,
        queue_item_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[ImportQueueItem, ImportResultPayload]:
        """Read the status and result of a bulk import.

        Returns the import's queue status (`StatusId`, 4 = completed) and, per result code,
        how many contacts got it (the vendor's current path,
        `/3/contacts/import/{queueItemId}`; see `result-path`). The vendor mentions links to
        detailed result files it generates; their shape is not documented, so they are not
        modelled (clients keep unknown members).

        `GET /3/contacts/import/{queueItemId}` (operationId `getImportResult`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            queue_item_id: The bulk import's queue item id (`QueueItemId`); the vendor
                names this parameter `queueItemId` (see `result-path`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw_envelope(
            _GET_IMPORT_RESULT,
            ImportResultPayload,
            {"queueItemId": queue_item_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def bulk_import_contacts(
        self,
        import_config_id: int,
        contacts: Iterable[ImportContactInput],
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[BulkImportResult, BulkImportPayload]:
        """Import contacts in bulk.

        Queues many contacts (thousands in one call) for import through the configuration
        and returns the queue item's id at once; the import runs asynchronously. Poll
        `getImportResult` with the id for its status and per-result-code counts.

        `POST /3/contacts/import/{importConfigId}` (operationId `bulkImportContacts`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`) to import
                through; the vendor names this parameter `importConfigId` (see
                `result-path`).
            contacts: `ImportContact`s or their JSON shapes (`{"Email": ..., "LangCode":
                ...}`). The contacts to import.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            APIStatusError: 415 The body's `Content-Type` is not one the API reads.
                `Meta.Status` is 415.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw_envelope(
            _BULK_IMPORT_CONTACTS,
            BulkImportPayload,
            {"importConfigId": import_config_id, "body": _p.import_contacts(contacts)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def get_import_result_legacy(
        self,
        queue_item_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[ImportQueueItem, ImportResultPayload]:
        """Read the status and result of a bulk import (older path).

        Deprecated by the vendor.

        Deprecated: the vendor's older path for `getImportResult`, which it still serves and
        documents as an alias. Same answer as `getImportResult`; use that one.

        `GET /3/contacts/import/result/{queueItemId}` (operationId `getImportResultLegacy`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            queue_item_id: The bulk import's queue item id (`QueueItemId`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw_envelope(
            _GET_IMPORT_RESULT_LEGACY,
            ImportResultPayload,
            {"queueItemId": queue_item_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )


class AsyncCheckMarketWithRawResponse(AsyncRawOperations):
    """Every operation of `AsyncCheckMarket`, answering with the raw `APIResponse`."""

    async def list_import_configs(
        self,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[list[ImportConfig], ImportConfigListPayload]:
        """List the import configurations.

        Returns the account's reusable import configurations (`IsReusable` true), ordered by
        id. A non-reusable configuration is not listed; read it by id until it has served
        its import.

        `GET /3/contacts/import/configs` (operationId `listImportConfigs`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw_envelope(
            _LIST_IMPORT_CONFIGS,
            ImportConfigListPayload,
            {},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def create_import_config(
        self,
        config: ImportConfigInput,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[CreateImportConfigResult, CreateImportConfigPayload]:
        """Create an import configuration.

        Creates an import configuration and returns its id. A configuration meant only for
        API imports can leave `ColumnMappings` empty; the server fills them in on the first
        import.

        `POST /3/contacts/import/configs` (operationId `createImportConfig`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            config: An `ImportConfig` or its JSON shape (`{"Name": ..., "UpdateTypeId":
                1, ...}`). The new import configuration.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            APIStatusError: 415 The body's `Content-Type` is not one the API reads.
                `Meta.Status` is 415.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw_envelope(
            _CREATE_IMPORT_CONFIG,
            CreateImportConfigPayload,
            {"body": _p.import_config(config)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def get_import_config(
        self,
        import_config_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[ImportConfig, ImportConfigPayload]:
        """Read an import configuration.

        Returns one import configuration with its id.

        `GET /3/contacts/import/configs/{importConfigId}` (operationId `getImportConfig`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw_envelope(
            _GET_IMPORT_CONFIG,
            ImportConfigPayload,
            {"importConfigId": import_config_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def update_import_config(
        self,
        import_config_id: int,
        config: ImportConfigInput | None = None,
        *,
        name: str | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[ActionResult, ImportConfigActionPayload]:
        """Replace or rename an import configuration.

        With a body, replaces the configuration: every member the body leaves out is reset
        to its default (it is not a partial update). With the `name` query parameter and no
        body, renames the configuration and changes nothing else. With both, replaces it and
        takes the name from `name`.

        `PUT /3/contacts/import/configs/{importConfigId}` (operationId `updateImportConfig`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`).
            config: An `ImportConfig` or its JSON shape; None: no body. The
                configuration's new content (full replace). Leave it out to rename with
                `name`.
            name: The configuration's new name. Given without a body, the request
                renames the configuration; given with a body, it wins over the body's
                `Name`.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            APIStatusError: 415 The body's `Content-Type` is not one the API reads.
                `Meta.Status` is 415.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw_envelope(
            _UPDATE_IMPORT_CONFIG,
            ImportConfigActionPayload,
            {
                "importConfigId": import_config_id,
                "body": _p.optional_import_config(config),
                "name": name,
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def delete_import_config(
        self,
        import_config_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[ActionResult, ImportConfigActionPayload]:
        """Delete an import configuration.

        Deletes the configuration. Imports already queued through it are not affected.

        `DELETE /3/contacts/import/configs/{importConfigId}` (operationId `deleteImportConfig`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw_envelope(
            _DELETE_IMPORT_CONFIG,
            ImportConfigActionPayload,
            {"importConfigId": import_config_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def get_import_result(
        self,
        queue_item_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[ImportQueueItem, ImportResultPayload]:
        """Read the status and result of a bulk import.

        Returns the import's queue status (`StatusId`, 4 = completed) and, per result code,
        how many contacts got it (the vendor's current path,
        `/3/contacts/import/{queueItemId}`; see `result-path`). The vendor mentions links to
        detailed result files it generates; their shape is not documented, so they are not
        modelled (clients keep unknown members).

        `GET /3/contacts/import/{queueItemId}` (operationId `getImportResult`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            queue_item_id: The bulk import's queue item id (`QueueItemId`); the vendor
                names this parameter `queueItemId` (see `result-path`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw_envelope(
            _GET_IMPORT_RESULT,
            ImportResultPayload,
            {"queueItemId": queue_item_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def bulk_import_contacts(
        self,
        import_config_id: int,
        contacts: Iterable[ImportContactInput],
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[BulkImportResult, BulkImportPayload]:
        """Import contacts in bulk.

        Queues many contacts (thousands in one call) for import through the configuration
        and returns the queue item's id at once; the import runs asynchronously. Poll
        `getImportResult` with the id for its status and per-result-code counts.

        `POST /3/contacts/import/{importConfigId}` (operationId `bulkImportContacts`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            import_config_id: The import configuration's id (`ImportConfigId`) to import
                through; the vendor names this parameter `importConfigId` (see
                `result-path`).
            contacts: `ImportContact`s or their JSON shapes (`{"Email": ..., "LangCode":
                ...}`). The contacts to import.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            APIStatusError: 415 The body's `Content-Type` is not one the API reads.
                `Meta.Status` is 415.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw_envelope(
            _BULK_IMPORT_CONTACTS,
            BulkImportPayload,
            {"importConfigId": import_config_id, "body": _p.import_contacts(contacts)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def get_import_result_legacy(
        self,
        queue_item_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> EnvelopeAPIResponse[ImportQueueItem, ImportResultPayload]:
        """Read the status and result of a bulk import (older path).

        Deprecated by the vendor.

        Deprecated: the vendor's older path for `getImportResult`, which it still serves and
        documents as an alias. Same answer as `getImportResult`; use that one.

        `GET /3/contacts/import/result/{queueItemId}` (operationId `getImportResultLegacy`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            queue_item_id: The bulk import's queue item id (`QueueItemId`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 The request is malformed: an unreadable body, a value
                that breaks the schema (a list longer than its maxItems too), a body over
                the size limit, or a bad parameter. `Meta.Status` is 400.
            AuthenticationError: 401 `X-Master-Key` or `X-Key` is missing or not valid.
                `Meta.Status` is 401.
            PermissionDeniedError: 403 The key lacks the role the operation needs
                (`x-required-roles`). `Meta.Status` is 403.
            NotFoundError: 404 No import configuration or import with that id exists
                (for this account). `Meta.Status` is 404.
            APIStatusError: 406 The `Accept` header names no media type the API can
                write, or only XML and the answer holds text XML 1.0 cannot carry (see
                `xml-unwritable-text`). The body is JSON. `Meta.Status` is 406.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 The server failed. `Meta.Status` is 500.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw_envelope(
            _GET_IMPORT_RESULT_LEGACY,
            ImportResultPayload,
            {"queueItemId": queue_item_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )
