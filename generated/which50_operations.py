# Generated from spec/which50.openapi.yaml and overlays/contactimport/_parameters.py by scripts/generate.py (scripts/operations_codegen.py). Do not edit: change the source, then run `nox -s generate`.
"""The operations of spec/which50.openapi.yaml as methods of `Which50`,
`AsyncWhich50` and their `with_raw_response` views (see contactimport._operations).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from contactimport import _parameters as _p
from contactimport._operations import (
    NOT_GIVEN,
    APIResponse,
    AsyncOperations,
    AsyncRawOperations,
    Binding,
    NotGiven,
    RequestOptions,
    SyncOperations,
    SyncRawOperations,
    TimeoutInput,
)
from contactimport._parameters import (
    ContactInput,
    CustomEventsInput,
    FieldNamesInput,
    MatchOnInput,
    MatchValuesInput,
)
from contactimport.generated.which50_client.api.contact_lists import (
    list_contact_lists as _list_contact_lists,
)
from contactimport.generated.which50_client.api.contacts import get_contact as _get_contact
from contactimport.generated.which50_client.api.contacts import patch_contacts as _patch_contacts
from contactimport.generated.which50_client.api.contacts import upsert_contact as _upsert_contact
from contactimport.generated.which50_client.api.contacts import (
    upsert_contact_put as _upsert_contact_put,
)
from contactimport.generated.which50_client.api.fields import (
    get_contact_list_field as _get_contact_list_field,
)
from contactimport.generated.which50_client.api.fields import (
    list_contact_list_fields as _list_contact_list_fields,
)
from contactimport.generated.which50_client.api.import_jobs import (
    create_import_job as _create_import_job,
)
from contactimport.generated.which50_client.api.import_jobs import get_import_job as _get_import_job
from contactimport.generated.which50_client.api.import_jobs import run_import_job as _run_import_job
from contactimport.generated.which50_client.api.import_jobs import (
    run_import_job_patch as _run_import_job_patch,
)
from contactimport.generated.which50_client.api.import_jobs import (
    run_import_job_put as _run_import_job_put,
)
from contactimport.generated.which50_client.api.import_jobs import (
    upload_import_batch as _upload_import_batch,
)
from contactimport.generated.which50_client.models import (
    Contact,
    ContactSchemaField,
    ContactsList,
    ImportJob,
    PatchContactsMatchValues,
    RunImportJobPatchMatchValues,
)
from contactimport.generated.which50_client.types import UNSET
from contactimport.settings import WireFormat


def _none(data: Any) -> None:
    return None


__all__ = [
    "Which50Operations",
    "Which50WithRawResponse",
    "AsyncWhich50Operations",
    "AsyncWhich50WithRawResponse",
]

_LIST_CONTACT_LISTS: Binding[list[ContactsList]] = Binding(
    "listContactLists",
    _list_contact_lists._get_kwargs,
    path=(),
    keywords={},
    parse=lambda data: [ContactsList.from_dict(item) for item in data],
    unset=UNSET,
    convert={},
    envelope=None,
)
_LIST_CONTACT_LIST_FIELDS: Binding[list[ContactSchemaField]] = Binding(
    "listContactListFields",
    _list_contact_list_fields._get_kwargs,
    path=("contactListId",),
    keywords={},
    parse=lambda data: [ContactSchemaField.from_dict(item) for item in data],
    unset=UNSET,
    convert={},
    envelope=None,
)
_GET_CONTACT_LIST_FIELD: Binding[ContactSchemaField] = Binding(
    "getContactListField",
    _get_contact_list_field._get_kwargs,
    path=("contactListId", "fieldId"),
    keywords={},
    parse=ContactSchemaField.from_dict,
    unset=UNSET,
    convert={},
    envelope=None,
)
_CREATE_IMPORT_JOB: Binding[ImportJob] = Binding(
    "createImportJob",
    _create_import_job._get_kwargs,
    path=("contactListId",),
    keywords={"body": "body"},
    parse=ImportJob.from_dict,
    unset=UNSET,
    convert={},
    envelope=None,
)
_GET_IMPORT_JOB: Binding[ImportJob] = Binding(
    "getImportJob",
    _get_import_job._get_kwargs,
    path=("contactListId", "importJobId"),
    keywords={},
    parse=ImportJob.from_dict,
    unset=UNSET,
    convert={},
    envelope=None,
)
_UPLOAD_IMPORT_BATCH: Binding[ImportJob] = Binding(
    "uploadImportBatch",
    _upload_import_batch._get_kwargs,
    path=("contactListId", "importJobId"),
    keywords={"body": "body"},
    parse=ImportJob.from_dict,
    unset=UNSET,
    convert={},
    envelope=None,
)
_RUN_IMPORT_JOB_PUT: Binding[ImportJob] = Binding(
    "runImportJobPut",
    _run_import_job_put._get_kwargs,
    path=("contactListId", "importJobId"),
    keywords={"customevents": "customevents", "match": "match"},
    parse=ImportJob.from_dict,
    unset=UNSET,
    convert={},
    envelope=None,
)
_RUN_IMPORT_JOB: Binding[ImportJob] = Binding(
    "runImportJob",
    _run_import_job._get_kwargs,
    path=("contactListId", "importJobId"),
    keywords={"customevents": "customevents", "match": "match"},
    parse=ImportJob.from_dict,
    unset=UNSET,
    convert={},
    envelope=None,
)
_RUN_IMPORT_JOB_PATCH: Binding[ImportJob] = Binding(
    "runImportJobPatch",
    _run_import_job_patch._get_kwargs,
    path=("contactListId", "importJobId"),
    keywords={"customevents": "customevents", "match": "match", "matchValues": "match_values"},
    parse=ImportJob.from_dict,
    unset=UNSET,
    convert={"matchValues": RunImportJobPatchMatchValues.from_dict},
    envelope=None,
)
_UPSERT_CONTACT_PUT: Binding[Contact] = Binding(
    "upsertContactPut",
    _upsert_contact_put._get_kwargs,
    path=("contactListId",),
    keywords={"body": "body", "customevents": "customevents", "match": "match"},
    parse=Contact.from_dict,
    unset=UNSET,
    convert={},
    envelope=None,
)
_UPSERT_CONTACT: Binding[Contact] = Binding(
    "upsertContact",
    _upsert_contact._get_kwargs,
    path=("contactListId",),
    keywords={"body": "body", "customevents": "customevents", "match": "match"},
    parse=Contact.from_dict,
    unset=UNSET,
    convert={},
    envelope=None,
)
_PATCH_CONTACTS: Binding[Contact] = Binding(
    "patchContacts",
    _patch_contacts._get_kwargs,
    path=("contactListId",),
    keywords={
        "body": "body",
        "customevents": "customevents",
        "match": "match",
        "matchValues": "match_values",
    },
    parse=Contact.from_dict,
    unset=UNSET,
    convert={"matchValues": PatchContactsMatchValues.from_dict},
    envelope=None,
)
_GET_CONTACT: Binding[Contact] = Binding(
    "getContact",
    _get_contact._get_kwargs,
    path=("contactId",),
    keywords={},
    parse=Contact.from_dict,
    unset=UNSET,
    convert={},
    envelope=None,
)


class Which50Operations(SyncOperations):
    """Every operation of the Which50 spec (see contactimport._operations)."""

    @property
    def with_raw_response(self) -> Which50WithRawResponse:
        """The same operations, answering with the raw response (`APIResponse`):
        status, headers, the request sent, and `.parse()` for the model.
        """
        return Which50WithRawResponse(self)

    def list_contact_lists(
        self,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> list[ContactsList]:
        """List the contact lists.

        The contact lists of the account, each with its id, name and number of contacts.

        `GET /contactLists` (operationId `listContactLists`).

        Args:
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The contact lists.

        Raises:
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _LIST_CONTACT_LISTS,
            {},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def list_contact_list_fields(
        self,
        contact_list_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> list[ContactSchemaField]:
        """List the fields of a contact list.

        The field schema of a contact list: each field's name (the key to use in Contact
        Values), default value, mapping type, position and, for fields with a fixed set of
        values, those values.

        `GET /contactLists/{contactListId}/fields` (operationId `listContactListFields`).

        Args:
            contact_list_id: The contact list's id.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The fields of the contact list.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _LIST_CONTACT_LIST_FIELDS,
            {"contactListId": contact_list_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def get_contact_list_field(
        self,
        contact_list_id: int,
        field_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ContactSchemaField:
        """Get one field of a contact list.

        One field of a contact list's schema, with its fixed values if it has any.

        `GET /contactLists/{contactListId}/fields/{fieldId}` (operationId `getContactListField`).

        Args:
            contact_list_id: The contact list's id.
            field_id: The field's id (ContactSchemaField.Id).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The field.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or its field was
                not found.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _GET_CONTACT_LIST_FIELD,
            {"contactListId": contact_list_id, "fieldId": field_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def create_import_job(
        self,
        contact_list_id: int,
        field_names: FieldNamesInput,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportJob:
        """Create an import job for a contact list.

        Creates an empty import job (`CurrentStatus` `Created`) for the contact list.
        `FieldNames` says which fields the job takes from each contact loaded into it; load
        contacts with `uploadImportBatch`, then start the job with `runImportJob`.

        `POST /contactLists/{contactListId}/import` (operationId `createImportJob`).

        Args:
            contact_list_id: The contact list's id.
            field_names: The names of the list's fields the job imports (or an
                `ImportJobCreateRequest`). The names of the fields to import from the
                contacts.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import job was created; it is returned with status `Created`.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, so
                no import job was created.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: FieldNames names a field that the
                contact list does not have; the message names the unknown names and the
                list's fields.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _CREATE_IMPORT_JOB,
            {"contactListId": contact_list_id, "body": _p.field_names(field_names)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def get_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportJob:
        """Get the status of an import job.

        The job's status, progress and counters. Poll it after `runImportJob` until
        `CurrentStatus` is `Finished` or `Failed`.

        `GET /contactLists/{contactListId}/import/{importJobId}` (operationId `getImportJob`).

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import job.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _GET_IMPORT_JOB,
            {"contactListId": contact_list_id, "importJobId": import_job_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def upload_import_batch(
        self,
        contact_list_id: int,
        import_job_id: int,
        contacts: Iterable[ContactInput],
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportJob:
        """Load a batch of contacts into an import job.

        Adds up to 10,000 contacts to the job (`Created` or `Loaded`); call it as often as
        needed before running the job. Only the job's `FieldNames` are taken from each
        contact's Values. The job becomes `Loaded`; the answer is the job, its
        `TotalContacts` counting every contact loaded so far. A job that is `Running`,
        `Finished` or `Failed` takes no more contacts (409).

        `POST /contactLists/{contactListId}/import/{importJobId}` (operationId `uploadImportBatch`).

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            contacts: `Contact`s or their JSON shapes. The contacts to load into the
                job: 1 to 10,000 per request. Only the job's FieldNames are taken from each
                contact's Values.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The contacts were loaded; the job is returned, `TotalContacts` counting all
            contacts loaded so far.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: the batch holds no contacts or more
                than 10,000.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _UPLOAD_IMPORT_BATCH,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                "body": _p.contacts(contacts),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def run_import_job_put(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportJob:
        """Run an import job (PUT form, same as POST).

        Same as `runImportJob`: with `match`, each loaded contact's own values of the named
        properties select the existing contacts to update, a loaded contact matching none is
        inserted; without `match` every loaded contact is inserted. `customevents` names
        custom events to run for every inserted or updated contact. 409 when the job is not
        `Loaded`.

        `PUT /contactLists/{contactListId}/import/{importJobId}/run` (operationId `runImportJobPut`).

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import job was started (`Running`; a small job may already be `Finished`);
            poll `getImportJob` for progress.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            ValidationError: 417 Expectation Failed: invalid run parameters — a `match`
                name that is not among the job's FieldNames, or (PATCH) no `match` or a
                `match` name without a value in the query string.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _RUN_IMPORT_JOB_PUT,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    def run_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportJob:
        """Run an import job (insert or update by match).

        Starts the batch insert/update of the contacts loaded into a `Loaded` job; the job
        becomes `Running` and finishes in the background (poll `getImportJob`). Without
        `match` every loaded contact is inserted. With `match`, each loaded contact's own
        values of the named properties select the existing contacts to update (all of them
        when several match); a loaded contact matching none is inserted. `customevents`
        names custom events to run for every inserted or updated contact. Running a job that
        is not `Loaded` (empty, already run) is refused with 409 and changes nothing.

        `POST /contactLists/{contactListId}/import/{importJobId}/run` (operationId `runImportJob`).

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import job was started (`Running`; a small job may already be `Finished`);
            poll `getImportJob` for progress.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            ValidationError: 417 Expectation Failed: invalid run parameters — a `match`
                name that is not among the job's FieldNames, or (PATCH) no `match` or a
                `match` name without a value in the query string.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _RUN_IMPORT_JOB,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    def run_import_job_patch(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: MatchValuesInput,
        check_fields: bool | None = None,
        custom_events: CustomEventsInput = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportJob:
        """Run an import job as an update of matching contacts only.

        Runs the job as a pure update: `match` names the properties and the query string
        carries the value of each (`?match=P1,P2&P1=v1&P2=v2`). Every existing contact of
        the list holding those values is updated with each loaded contact's values, in load
        order; nothing is inserted, and a loaded contact that changes nothing counts in
        `NotUpdatedContacts`. `customevents` names custom events to run for every updated
        contact. 409 when the job is not `Loaded`.

        `PATCH /contactLists/{contactListId}/import/{importJobId}/run` (operationId `runImportJobPatch`).

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            match: `MatchValues({"Email": "a@example.com"})` or a mapping: the contacts
                holding these values (sent as `match` plus one query parameter per name).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import job was started (`Running`; a small job may already be `Finished`);
            poll `getImportJob` for progress.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            ValidationError: 417 Expectation Failed: invalid run parameters — a `match`
                name that is not among the job's FieldNames, or (PATCH) no `match` or a
                `match` name without a value in the query string.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _RUN_IMPORT_JOB_PATCH,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                **_p.match_values(match),
                "customevents": _p.custom_events(custom_events),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    def upsert_contact_put(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> Contact:
        """Create or update a contact (PUT form, same as POST).

        Same as `upsertContact`: with `match`, the body's own values of the named properties
        select the existing contacts to update, and the contact is inserted when none
        matches; without `match` it is inserted. The answer is the inserted contact (with
        its new `EncContactId`) or the first updated one.

        `PUT /contactLists/{contactListId}/contact` (operationId `upsertContactPut`).

        Args:
            contact_list_id: The contact list's id.
            contact: A `Contact` (see `contactimport.contact(...)`) or its JSON shape
                `{"Values": {...}}`. The contact. Its Values keys are field names of the
                list; with `match`, the named properties must be among them.
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The contact was created or updated: the inserted contact with its new
            `EncContactId`, or the first updated contact (creation order).

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, so
                no contact was created.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: invalid parameters — a Values key
                or `match` name that is not a field of the list, a `match` name missing from
                the body's Values (POST/PUT) or from the query string (PATCH), or PATCH
                without `match`.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _UPSERT_CONTACT_PUT,
            {
                "contactListId": contact_list_id,
                "body": _p.contact(contact),
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    def upsert_contact(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> Contact:
        """Create or update a contact.

        Without `match` the contact is inserted. With `match`, the body's own values of the
        named properties select the existing contacts of the list to update (all of them
        when several match); when none matches, the contact is inserted. The answer is the
        resulting contact: the inserted one with its new `EncContactId`, or the first
        updated one (creation order). `customevents` names custom events to run for the
        inserted or updated contacts. Values keys must be fields of the list (see
        `listContactListFields`).

        `POST /contactLists/{contactListId}/contact` (operationId `upsertContact`).

        Args:
            contact_list_id: The contact list's id.
            contact: A `Contact` (see `contactimport.contact(...)`) or its JSON shape
                `{"Values": {...}}`. The contact. Its Values keys are field names of the
                list; with `match`, the named properties must be among them.
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The contact was created or updated: the inserted contact with its new
            `EncContactId`, or the first updated contact (creation order).

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, so
                no contact was created.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: invalid parameters — a Values key
                or `match` name that is not a field of the list, a `match` name missing from
                the body's Values (POST/PUT) or from the query string (PATCH), or PATCH
                without `match`.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _UPSERT_CONTACT,
            {
                "contactListId": contact_list_id,
                "body": _p.contact(contact),
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    def patch_contacts(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        match: MatchValuesInput,
        check_fields: bool | None = None,
        custom_events: CustomEventsInput = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> Contact:
        """Update every contact that matches the query-string values.

        Updates, with the body's Values, every existing contact of the list whose properties
        named in `match` hold the values given in the query string
        (`?match=P1,P2&P1=v1&P2=v2`). Nothing is inserted: when no contact matches the
        answer is 404. The answer is the first matching contact (creation order); the
        `X-Updated-Count` header gives how many contacts matched, each of them updated with
        the Values (those already holding them counted too).

        `PATCH /contactLists/{contactListId}/contact` (operationId `patchContacts`).

        Args:
            contact_list_id: The contact list's id.
            contact: A `Contact` (see `contactimport.contact(...)`) or its JSON shape
                `{"Values": {...}}`. The values to set on every matching contact.
            match: `MatchValues({"Email": "a@example.com"})` or a mapping: the contacts
                holding these values (sent as `match` plus one query parameter per name).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            At least one contact matched and had the Values applied; the body is the first
            of them (creation order).

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, or
                no contact of it matches the query-string values (PATCH never inserts).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: invalid parameters — a Values key
                or `match` name that is not a field of the list, a `match` name missing from
                the body's Values (POST/PUT) or from the query string (PATCH), or PATCH
                without `match`.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _PATCH_CONTACTS,
            {
                "contactListId": contact_list_id,
                "body": _p.contact(contact),
                **_p.match_values(match),
                "customevents": _p.custom_events(custom_events),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    def get_contact(
        self,
        contact_id: str,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> Contact:
        """Get a contact by its encrypted id.

        One contact, addressed by its `EncContactId` (the encrypted id, not the numeric
        `Id`).

        `GET /contacts/{contactId}` (operationId `getContact`).

        Args:
            contact_id: The contact's `EncContactId`. The contact's encrypted id
                (Contact.EncContactId), a string.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The contact.

        Raises:
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact was not found.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._invoke(
            _GET_CONTACT,
            {"contactId": _p.contact_id(contact_id)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )


class AsyncWhich50Operations(AsyncOperations):
    """Every operation of the Which50 spec (see contactimport._operations)."""

    @property
    def with_raw_response(self) -> AsyncWhich50WithRawResponse:
        """The same operations, answering with the raw response (`APIResponse`):
        status, headers, the request sent, and `.parse()` for the model.
        """
        return AsyncWhich50WithRawResponse(self)

    async def list_contact_lists(
        self,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> list[ContactsList]:
        """List the contact lists.

        The contact lists of the account, each with its id, name and number of contacts.

        `GET /contactLists` (operationId `listContactLists`).

        Args:
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The contact lists.

        Raises:
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _LIST_CONTACT_LISTS,
            {},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def list_contact_list_fields(
        self,
        contact_list_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> list[ContactSchemaField]:
        """List the fields of a contact list.

        The field schema of a contact list: each field's name (the key to use in Contact
        Values), default value, mapping type, position and, for fields with a fixed set of
        values, those values.

        `GET /contactLists/{contactListId}/fields` (operationId `listContactListFields`).

        Args:
            contact_list_id: The contact list's id.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The fields of the contact list.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _LIST_CONTACT_LIST_FIELDS,
            {"contactListId": contact_list_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def get_contact_list_field(
        self,
        contact_list_id: int,
        field_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ContactSchemaField:
        """Get one field of a contact list.

        One field of a contact list's schema, with its fixed values if it has any.

        `GET /contactLists/{contactListId}/fields/{fieldId}` (operationId `getContactListField`).

        Args:
            contact_list_id: The contact list's id.
            field_id: The field's id (ContactSchemaField.Id).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The field.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or its field was
                not found.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _GET_CONTACT_LIST_FIELD,
            {"contactListId": contact_list_id, "fieldId": field_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def create_import_job(
        self,
        contact_list_id: int,
        field_names: FieldNamesInput,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportJob:
        """Create an import job for a contact list.

        Creates an empty import job (`CurrentStatus` `Created`) for the contact list.
        `FieldNames` says which fields the job takes from each contact loaded into it; load
        contacts with `uploadImportBatch`, then start the job with `runImportJob`.

        `POST /contactLists/{contactListId}/import` (operationId `createImportJob`).

        Args:
            contact_list_id: The contact list's id.
            field_names: The names of the list's fields the job imports (or an
                `ImportJobCreateRequest`). The names of the fields to import from the
                contacts.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import job was created; it is returned with status `Created`.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, so
                no import job was created.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: FieldNames names a field that the
                contact list does not have; the message names the unknown names and the
                list's fields.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _CREATE_IMPORT_JOB,
            {"contactListId": contact_list_id, "body": _p.field_names(field_names)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def get_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportJob:
        """Get the status of an import job.

        The job's status, progress and counters. Poll it after `runImportJob` until
        `CurrentStatus` is `Finished` or `Failed`.

        `GET /contactLists/{contactListId}/import/{importJobId}` (operationId `getImportJob`).

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import job.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _GET_IMPORT_JOB,
            {"contactListId": contact_list_id, "importJobId": import_job_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def upload_import_batch(
        self,
        contact_list_id: int,
        import_job_id: int,
        contacts: Iterable[ContactInput],
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportJob:
        """Load a batch of contacts into an import job.

        Adds up to 10,000 contacts to the job (`Created` or `Loaded`); call it as often as
        needed before running the job. Only the job's `FieldNames` are taken from each
        contact's Values. The job becomes `Loaded`; the answer is the job, its
        `TotalContacts` counting every contact loaded so far. A job that is `Running`,
        `Finished` or `Failed` takes no more contacts (409).

        `POST /contactLists/{contactListId}/import/{importJobId}` (operationId `uploadImportBatch`).

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            contacts: `Contact`s or their JSON shapes. The contacts to load into the
                job: 1 to 10,000 per request. Only the job's FieldNames are taken from each
                contact's Values.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The contacts were loaded; the job is returned, `TotalContacts` counting all
            contacts loaded so far.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: the batch holds no contacts or more
                than 10,000.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _UPLOAD_IMPORT_BATCH,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                "body": _p.contacts(contacts),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def run_import_job_put(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportJob:
        """Run an import job (PUT form, same as POST).

        Same as `runImportJob`: with `match`, each loaded contact's own values of the named
        properties select the existing contacts to update, a loaded contact matching none is
        inserted; without `match` every loaded contact is inserted. `customevents` names
        custom events to run for every inserted or updated contact. 409 when the job is not
        `Loaded`.

        `PUT /contactLists/{contactListId}/import/{importJobId}/run` (operationId `runImportJobPut`).

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import job was started (`Running`; a small job may already be `Finished`);
            poll `getImportJob` for progress.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            ValidationError: 417 Expectation Failed: invalid run parameters — a `match`
                name that is not among the job's FieldNames, or (PATCH) no `match` or a
                `match` name without a value in the query string.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _RUN_IMPORT_JOB_PUT,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    async def run_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportJob:
        """Run an import job (insert or update by match).

        Starts the batch insert/update of the contacts loaded into a `Loaded` job; the job
        becomes `Running` and finishes in the background (poll `getImportJob`). Without
        `match` every loaded contact is inserted. With `match`, each loaded contact's own
        values of the named properties select the existing contacts to update (all of them
        when several match); a loaded contact matching none is inserted. `customevents`
        names custom events to run for every inserted or updated contact. Running a job that
        is not `Loaded` (empty, already run) is refused with 409 and changes nothing.

        `POST /contactLists/{contactListId}/import/{importJobId}/run` (operationId `runImportJob`).

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import job was started (`Running`; a small job may already be `Finished`);
            poll `getImportJob` for progress.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            ValidationError: 417 Expectation Failed: invalid run parameters — a `match`
                name that is not among the job's FieldNames, or (PATCH) no `match` or a
                `match` name without a value in the query string.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _RUN_IMPORT_JOB,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    async def run_import_job_patch(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: MatchValuesInput,
        check_fields: bool | None = None,
        custom_events: CustomEventsInput = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> ImportJob:
        """Run an import job as an update of matching contacts only.

        Runs the job as a pure update: `match` names the properties and the query string
        carries the value of each (`?match=P1,P2&P1=v1&P2=v2`). Every existing contact of
        the list holding those values is updated with each loaded contact's values, in load
        order; nothing is inserted, and a loaded contact that changes nothing counts in
        `NotUpdatedContacts`. `customevents` names custom events to run for every updated
        contact. 409 when the job is not `Loaded`.

        `PATCH /contactLists/{contactListId}/import/{importJobId}/run` (operationId `runImportJobPatch`).

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            match: `MatchValues({"Email": "a@example.com"})` or a mapping: the contacts
                holding these values (sent as `match` plus one query parameter per name).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The import job was started (`Running`; a small job may already be `Finished`);
            poll `getImportJob` for progress.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            ValidationError: 417 Expectation Failed: invalid run parameters — a `match`
                name that is not among the job's FieldNames, or (PATCH) no `match` or a
                `match` name without a value in the query string.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _RUN_IMPORT_JOB_PATCH,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                **_p.match_values(match),
                "customevents": _p.custom_events(custom_events),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    async def upsert_contact_put(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> Contact:
        """Create or update a contact (PUT form, same as POST).

        Same as `upsertContact`: with `match`, the body's own values of the named properties
        select the existing contacts to update, and the contact is inserted when none
        matches; without `match` it is inserted. The answer is the inserted contact (with
        its new `EncContactId`) or the first updated one.

        `PUT /contactLists/{contactListId}/contact` (operationId `upsertContactPut`).

        Args:
            contact_list_id: The contact list's id.
            contact: A `Contact` (see `contactimport.contact(...)`) or its JSON shape
                `{"Values": {...}}`. The contact. Its Values keys are field names of the
                list; with `match`, the named properties must be among them.
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The contact was created or updated: the inserted contact with its new
            `EncContactId`, or the first updated contact (creation order).

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, so
                no contact was created.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: invalid parameters — a Values key
                or `match` name that is not a field of the list, a `match` name missing from
                the body's Values (POST/PUT) or from the query string (PATCH), or PATCH
                without `match`.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _UPSERT_CONTACT_PUT,
            {
                "contactListId": contact_list_id,
                "body": _p.contact(contact),
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    async def upsert_contact(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> Contact:
        """Create or update a contact.

        Without `match` the contact is inserted. With `match`, the body's own values of the
        named properties select the existing contacts of the list to update (all of them
        when several match); when none matches, the contact is inserted. The answer is the
        resulting contact: the inserted one with its new `EncContactId`, or the first
        updated one (creation order). `customevents` names custom events to run for the
        inserted or updated contacts. Values keys must be fields of the list (see
        `listContactListFields`).

        `POST /contactLists/{contactListId}/contact` (operationId `upsertContact`).

        Args:
            contact_list_id: The contact list's id.
            contact: A `Contact` (see `contactimport.contact(...)`) or its JSON shape
                `{"Values": {...}}`. The contact. Its Values keys are field names of the
                list; with `match`, the named properties must be among them.
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The contact was created or updated: the inserted contact with its new
            `EncContactId`, or the first updated contact (creation order).

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, so
                no contact was created.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: invalid parameters — a Values key
                or `match` name that is not a field of the list, a `match` name missing from
                the body's Values (POST/PUT) or from the query string (PATCH), or PATCH
                without `match`.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _UPSERT_CONTACT,
            {
                "contactListId": contact_list_id,
                "body": _p.contact(contact),
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    async def patch_contacts(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        match: MatchValuesInput,
        check_fields: bool | None = None,
        custom_events: CustomEventsInput = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> Contact:
        """Update every contact that matches the query-string values.

        Updates, with the body's Values, every existing contact of the list whose properties
        named in `match` hold the values given in the query string
        (`?match=P1,P2&P1=v1&P2=v2`). Nothing is inserted: when no contact matches the
        answer is 404. The answer is the first matching contact (creation order); the
        `X-Updated-Count` header gives how many contacts matched, each of them updated with
        the Values (those already holding them counted too).

        `PATCH /contactLists/{contactListId}/contact` (operationId `patchContacts`).

        Args:
            contact_list_id: The contact list's id.
            contact: A `Contact` (see `contactimport.contact(...)`) or its JSON shape
                `{"Values": {...}}`. The values to set on every matching contact.
            match: `MatchValues({"Email": "a@example.com"})` or a mapping: the contacts
                holding these values (sent as `match` plus one query parameter per name).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            At least one contact matched and had the Values applied; the body is the first
            of them (creation order).

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, or
                no contact of it matches the query-string values (PATCH never inserts).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: invalid parameters — a Values key
                or `match` name that is not a field of the list, a `match` name missing from
                the body's Values (POST/PUT) or from the query string (PATCH), or PATCH
                without `match`.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _PATCH_CONTACTS,
            {
                "contactListId": contact_list_id,
                "body": _p.contact(contact),
                **_p.match_values(match),
                "customevents": _p.custom_events(custom_events),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    async def get_contact(
        self,
        contact_id: str,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> Contact:
        """Get a contact by its encrypted id.

        One contact, addressed by its `EncContactId` (the encrypted id, not the numeric
        `Id`).

        `GET /contacts/{contactId}` (operationId `getContact`).

        Args:
            contact_id: The contact's `EncContactId`. The contact's encrypted id
                (Contact.EncContactId), a string.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Returns:
            The contact.

        Raises:
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact was not found.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._invoke(
            _GET_CONTACT,
            {"contactId": _p.contact_id(contact_id)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )


class Which50WithRawResponse(SyncRawOperations):
    """Every operation of `Which50`, answering with the raw `APIResponse`."""

    def list_contact_lists(
        self,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[list[ContactsList]]:
        """List the contact lists.

        The contact lists of the account, each with its id, name and number of contacts.

        `GET /contactLists` (operationId `listContactLists`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw(
            _LIST_CONTACT_LISTS,
            {},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def list_contact_list_fields(
        self,
        contact_list_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[list[ContactSchemaField]]:
        """List the fields of a contact list.

        The field schema of a contact list: each field's name (the key to use in Contact
        Values), default value, mapping type, position and, for fields with a fixed set of
        values, those values.

        `GET /contactLists/{contactListId}/fields` (operationId `listContactListFields`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw(
            _LIST_CONTACT_LIST_FIELDS,
            {"contactListId": contact_list_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def get_contact_list_field(
        self,
        contact_list_id: int,
        field_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ContactSchemaField]:
        """Get one field of a contact list.

        One field of a contact list's schema, with its fixed values if it has any.

        `GET /contactLists/{contactListId}/fields/{fieldId}` (operationId `getContactListField`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            field_id: The field's id (ContactSchemaField.Id).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or its field was
                not found.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw(
            _GET_CONTACT_LIST_FIELD,
            {"contactListId": contact_list_id, "fieldId": field_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def create_import_job(
        self,
        contact_list_id: int,
        field_names: FieldNamesInput,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ImportJob]:
        """Create an import job for a contact list.

        Creates an empty import job (`CurrentStatus` `Created`) for the contact list.
        `FieldNames` says which fields the job takes from each contact loaded into it; load
        contacts with `uploadImportBatch`, then start the job with `runImportJob`.

        `POST /contactLists/{contactListId}/import` (operationId `createImportJob`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            field_names: The names of the list's fields the job imports (or an
                `ImportJobCreateRequest`). The names of the fields to import from the
                contacts.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, so
                no import job was created.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: FieldNames names a field that the
                contact list does not have; the message names the unknown names and the
                list's fields.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw(
            _CREATE_IMPORT_JOB,
            {"contactListId": contact_list_id, "body": _p.field_names(field_names)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def get_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ImportJob]:
        """Get the status of an import job.

        The job's status, progress and counters. Poll it after `runImportJob` until
        `CurrentStatus` is `Finished` or `Failed`.

        `GET /contactLists/{contactListId}/import/{importJobId}` (operationId `getImportJob`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw(
            _GET_IMPORT_JOB,
            {"contactListId": contact_list_id, "importJobId": import_job_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def upload_import_batch(
        self,
        contact_list_id: int,
        import_job_id: int,
        contacts: Iterable[ContactInput],
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ImportJob]:
        """Load a batch of contacts into an import job.

        Adds up to 10,000 contacts to the job (`Created` or `Loaded`); call it as often as
        needed before running the job. Only the job's `FieldNames` are taken from each
        contact's Values. The job becomes `Loaded`; the answer is the job, its
        `TotalContacts` counting every contact loaded so far. A job that is `Running`,
        `Finished` or `Failed` takes no more contacts (409).

        `POST /contactLists/{contactListId}/import/{importJobId}` (operationId `uploadImportBatch`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            contacts: `Contact`s or their JSON shapes. The contacts to load into the
                job: 1 to 10,000 per request. Only the job's FieldNames are taken from each
                contact's Values.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: the batch holds no contacts or more
                than 10,000.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw(
            _UPLOAD_IMPORT_BATCH,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                "body": _p.contacts(contacts),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    def run_import_job_put(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ImportJob]:
        """Run an import job (PUT form, same as POST).

        Same as `runImportJob`: with `match`, each loaded contact's own values of the named
        properties select the existing contacts to update, a loaded contact matching none is
        inserted; without `match` every loaded contact is inserted. `customevents` names
        custom events to run for every inserted or updated contact. 409 when the job is not
        `Loaded`.

        `PUT /contactLists/{contactListId}/import/{importJobId}/run` (operationId `runImportJobPut`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            ValidationError: 417 Expectation Failed: invalid run parameters — a `match`
                name that is not among the job's FieldNames, or (PATCH) no `match` or a
                `match` name without a value in the query string.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw(
            _RUN_IMPORT_JOB_PUT,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    def run_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ImportJob]:
        """Run an import job (insert or update by match).

        Starts the batch insert/update of the contacts loaded into a `Loaded` job; the job
        becomes `Running` and finishes in the background (poll `getImportJob`). Without
        `match` every loaded contact is inserted. With `match`, each loaded contact's own
        values of the named properties select the existing contacts to update (all of them
        when several match); a loaded contact matching none is inserted. `customevents`
        names custom events to run for every inserted or updated contact. Running a job that
        is not `Loaded` (empty, already run) is refused with 409 and changes nothing.

        `POST /contactLists/{contactListId}/import/{importJobId}/run` (operationId `runImportJob`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            ValidationError: 417 Expectation Failed: invalid run parameters — a `match`
                name that is not among the job's FieldNames, or (PATCH) no `match` or a
                `match` name without a value in the query string.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw(
            _RUN_IMPORT_JOB,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    def run_import_job_patch(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: MatchValuesInput,
        check_fields: bool | None = None,
        custom_events: CustomEventsInput = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ImportJob]:
        """Run an import job as an update of matching contacts only.

        Runs the job as a pure update: `match` names the properties and the query string
        carries the value of each (`?match=P1,P2&P1=v1&P2=v2`). Every existing contact of
        the list holding those values is updated with each loaded contact's values, in load
        order; nothing is inserted, and a loaded contact that changes nothing counts in
        `NotUpdatedContacts`. `customevents` names custom events to run for every updated
        contact. 409 when the job is not `Loaded`.

        `PATCH /contactLists/{contactListId}/import/{importJobId}/run` (operationId `runImportJobPatch`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            match: `MatchValues({"Email": "a@example.com"})` or a mapping: the contacts
                holding these values (sent as `match` plus one query parameter per name).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            ValidationError: 417 Expectation Failed: invalid run parameters — a `match`
                name that is not among the job's FieldNames, or (PATCH) no `match` or a
                `match` name without a value in the query string.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw(
            _RUN_IMPORT_JOB_PATCH,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                **_p.match_values(match),
                "customevents": _p.custom_events(custom_events),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    def upsert_contact_put(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[Contact]:
        """Create or update a contact (PUT form, same as POST).

        Same as `upsertContact`: with `match`, the body's own values of the named properties
        select the existing contacts to update, and the contact is inserted when none
        matches; without `match` it is inserted. The answer is the inserted contact (with
        its new `EncContactId`) or the first updated one.

        `PUT /contactLists/{contactListId}/contact` (operationId `upsertContactPut`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            contact: A `Contact` (see `contactimport.contact(...)`) or its JSON shape
                `{"Values": {...}}`. The contact. Its Values keys are field names of the
                list; with `match`, the named properties must be among them.
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, so
                no contact was created.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: invalid parameters — a Values key
                or `match` name that is not a field of the list, a `match` name missing from
                the body's Values (POST/PUT) or from the query string (PATCH), or PATCH
                without `match`.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw(
            _UPSERT_CONTACT_PUT,
            {
                "contactListId": contact_list_id,
                "body": _p.contact(contact),
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    def upsert_contact(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[Contact]:
        """Create or update a contact.

        Without `match` the contact is inserted. With `match`, the body's own values of the
        named properties select the existing contacts of the list to update (all of them
        when several match); when none matches, the contact is inserted. The answer is the
        resulting contact: the inserted one with its new `EncContactId`, or the first
        updated one (creation order). `customevents` names custom events to run for the
        inserted or updated contacts. Values keys must be fields of the list (see
        `listContactListFields`).

        `POST /contactLists/{contactListId}/contact` (operationId `upsertContact`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            contact: A `Contact` (see `contactimport.contact(...)`) or its JSON shape
                `{"Values": {...}}`. The contact. Its Values keys are field names of the
                list; with `match`, the named properties must be among them.
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, so
                no contact was created.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: invalid parameters — a Values key
                or `match` name that is not a field of the list, a `match` name missing from
                the body's Values (POST/PUT) or from the query string (PATCH), or PATCH
                without `match`.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw(
            _UPSERT_CONTACT,
            {
                "contactListId": contact_list_id,
                "body": _p.contact(contact),
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    def patch_contacts(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        match: MatchValuesInput,
        check_fields: bool | None = None,
        custom_events: CustomEventsInput = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[Contact]:
        """Update every contact that matches the query-string values.

        Updates, with the body's Values, every existing contact of the list whose properties
        named in `match` hold the values given in the query string
        (`?match=P1,P2&P1=v1&P2=v2`). Nothing is inserted: when no contact matches the
        answer is 404. The answer is the first matching contact (creation order); the
        `X-Updated-Count` header gives how many contacts matched, each of them updated with
        the Values (those already holding them counted too).

        `PATCH /contactLists/{contactListId}/contact` (operationId `patchContacts`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            contact: A `Contact` (see `contactimport.contact(...)`) or its JSON shape
                `{"Values": {...}}`. The values to set on every matching contact.
            match: `MatchValues({"Email": "a@example.com"})` or a mapping: the contacts
                holding these values (sent as `match` plus one query parameter per name).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, or
                no contact of it matches the query-string values (PATCH never inserts).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: invalid parameters — a Values key
                or `match` name that is not a field of the list, a `match` name missing from
                the body's Values (POST/PUT) or from the query string (PATCH), or PATCH
                without `match`.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw(
            _PATCH_CONTACTS,
            {
                "contactListId": contact_list_id,
                "body": _p.contact(contact),
                **_p.match_values(match),
                "customevents": _p.custom_events(custom_events),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    def get_contact(
        self,
        contact_id: str,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[Contact]:
        """Get a contact by its encrypted id.

        One contact, addressed by its `EncContactId` (the encrypted id, not the numeric
        `Id`).

        `GET /contacts/{contactId}` (operationId `getContact`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_id: The contact's `EncContactId`. The contact's encrypted id
                (Contact.EncContactId), a string.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact was not found.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return self._raw(
            _GET_CONTACT,
            {"contactId": _p.contact_id(contact_id)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )


class AsyncWhich50WithRawResponse(AsyncRawOperations):
    """Every operation of `AsyncWhich50`, answering with the raw `APIResponse`."""

    async def list_contact_lists(
        self,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[list[ContactsList]]:
        """List the contact lists.

        The contact lists of the account, each with its id, name and number of contacts.

        `GET /contactLists` (operationId `listContactLists`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw(
            _LIST_CONTACT_LISTS,
            {},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def list_contact_list_fields(
        self,
        contact_list_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[list[ContactSchemaField]]:
        """List the fields of a contact list.

        The field schema of a contact list: each field's name (the key to use in Contact
        Values), default value, mapping type, position and, for fields with a fixed set of
        values, those values.

        `GET /contactLists/{contactListId}/fields` (operationId `listContactListFields`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw(
            _LIST_CONTACT_LIST_FIELDS,
            {"contactListId": contact_list_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def get_contact_list_field(
        self,
        contact_list_id: int,
        field_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ContactSchemaField]:
        """Get one field of a contact list.

        One field of a contact list's schema, with its fixed values if it has any.

        `GET /contactLists/{contactListId}/fields/{fieldId}` (operationId `getContactListField`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            field_id: The field's id (ContactSchemaField.Id).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or its field was
                not found.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw(
            _GET_CONTACT_LIST_FIELD,
            {"contactListId": contact_list_id, "fieldId": field_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def create_import_job(
        self,
        contact_list_id: int,
        field_names: FieldNamesInput,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ImportJob]:
        """Create an import job for a contact list.

        Creates an empty import job (`CurrentStatus` `Created`) for the contact list.
        `FieldNames` says which fields the job takes from each contact loaded into it; load
        contacts with `uploadImportBatch`, then start the job with `runImportJob`.

        `POST /contactLists/{contactListId}/import` (operationId `createImportJob`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            field_names: The names of the list's fields the job imports (or an
                `ImportJobCreateRequest`). The names of the fields to import from the
                contacts.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, so
                no import job was created.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: FieldNames names a field that the
                contact list does not have; the message names the unknown names and the
                list's fields.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw(
            _CREATE_IMPORT_JOB,
            {"contactListId": contact_list_id, "body": _p.field_names(field_names)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def get_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ImportJob]:
        """Get the status of an import job.

        The job's status, progress and counters. Poll it after `runImportJob` until
        `CurrentStatus` is `Finished` or `Failed`.

        `GET /contactLists/{contactListId}/import/{importJobId}` (operationId `getImportJob`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw(
            _GET_IMPORT_JOB,
            {"contactListId": contact_list_id, "importJobId": import_job_id},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def upload_import_batch(
        self,
        contact_list_id: int,
        import_job_id: int,
        contacts: Iterable[ContactInput],
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ImportJob]:
        """Load a batch of contacts into an import job.

        Adds up to 10,000 contacts to the job (`Created` or `Loaded`); call it as often as
        needed before running the job. Only the job's `FieldNames` are taken from each
        contact's Values. The job becomes `Loaded`; the answer is the job, its
        `TotalContacts` counting every contact loaded so far. A job that is `Running`,
        `Finished` or `Failed` takes no more contacts (409).

        `POST /contactLists/{contactListId}/import/{importJobId}` (operationId `uploadImportBatch`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            contacts: `Contact`s or their JSON shapes. The contacts to load into the
                job: 1 to 10,000 per request. Only the job's FieldNames are taken from each
                contact's Values.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: the batch holds no contacts or more
                than 10,000.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw(
            _UPLOAD_IMPORT_BATCH,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                "body": _p.contacts(contacts),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )

    async def run_import_job_put(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ImportJob]:
        """Run an import job (PUT form, same as POST).

        Same as `runImportJob`: with `match`, each loaded contact's own values of the named
        properties select the existing contacts to update, a loaded contact matching none is
        inserted; without `match` every loaded contact is inserted. `customevents` names
        custom events to run for every inserted or updated contact. 409 when the job is not
        `Loaded`.

        `PUT /contactLists/{contactListId}/import/{importJobId}/run` (operationId `runImportJobPut`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            ValidationError: 417 Expectation Failed: invalid run parameters — a `match`
                name that is not among the job's FieldNames, or (PATCH) no `match` or a
                `match` name without a value in the query string.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw(
            _RUN_IMPORT_JOB_PUT,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    async def run_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ImportJob]:
        """Run an import job (insert or update by match).

        Starts the batch insert/update of the contacts loaded into a `Loaded` job; the job
        becomes `Running` and finishes in the background (poll `getImportJob`). Without
        `match` every loaded contact is inserted. With `match`, each loaded contact's own
        values of the named properties select the existing contacts to update (all of them
        when several match); a loaded contact matching none is inserted. `customevents`
        names custom events to run for every inserted or updated contact. Running a job that
        is not `Loaded` (empty, already run) is refused with 409 and changes nothing.

        `POST /contactLists/{contactListId}/import/{importJobId}/run` (operationId `runImportJob`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            ValidationError: 417 Expectation Failed: invalid run parameters — a `match`
                name that is not among the job's FieldNames, or (PATCH) no `match` or a
                `match` name without a value in the query string.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw(
            _RUN_IMPORT_JOB,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    async def run_import_job_patch(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: MatchValuesInput,
        check_fields: bool | None = None,
        custom_events: CustomEventsInput = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[ImportJob]:
        """Run an import job as an update of matching contacts only.

        Runs the job as a pure update: `match` names the properties and the query string
        carries the value of each (`?match=P1,P2&P1=v1&P2=v2`). Every existing contact of
        the list holding those values is updated with each loaded contact's values, in load
        order; nothing is inserted, and a loaded contact that changes nothing counts in
        `NotUpdatedContacts`. `customevents` names custom events to run for every updated
        contact. 409 when the job is not `Loaded`.

        `PATCH /contactLists/{contactListId}/import/{importJobId}/run` (operationId `runImportJobPatch`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            import_job_id: The import job's id (ImportJob.Id).
            match: `MatchValues({"Email": "a@example.com"})` or a mapping: the contacts
                holding these values (sent as `match` plus one query parameter per name).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list or import job was
                not found (an import job of another list counts as not found).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            ConflictError: 409 Conflict: the import job is not in a state that allows
                this request (run twice, run an empty job, upload to a `Running`, `Finished`
                or `Failed` job). Nothing was changed.
            ValidationError: 417 Expectation Failed: invalid run parameters — a `match`
                name that is not among the job's FieldNames, or (PATCH) no `match` or a
                `match` name without a value in the query string.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw(
            _RUN_IMPORT_JOB_PATCH,
            {
                "contactListId": contact_list_id,
                "importJobId": import_job_id,
                **_p.match_values(match),
                "customevents": _p.custom_events(custom_events),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    async def upsert_contact_put(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[Contact]:
        """Create or update a contact (PUT form, same as POST).

        Same as `upsertContact`: with `match`, the body's own values of the named properties
        select the existing contacts to update, and the contact is inserted when none
        matches; without `match` it is inserted. The answer is the inserted contact (with
        its new `EncContactId`) or the first updated one.

        `PUT /contactLists/{contactListId}/contact` (operationId `upsertContactPut`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            contact: A `Contact` (see `contactimport.contact(...)`) or its JSON shape
                `{"Values": {...}}`. The contact. Its Values keys are field names of the
                list; with `match`, the named properties must be among them.
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, so
                no contact was created.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: invalid parameters — a Values key
                or `match` name that is not a field of the list, a `match` name missing from
                the body's Values (POST/PUT) or from the query string (PATCH), or PATCH
                without `match`.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw(
            _UPSERT_CONTACT_PUT,
            {
                "contactListId": contact_list_id,
                "body": _p.contact(contact),
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    async def upsert_contact(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        custom_events: CustomEventsInput = None,
        match: MatchOnInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[Contact]:
        """Create or update a contact.

        Without `match` the contact is inserted. With `match`, the body's own values of the
        named properties select the existing contacts of the list to update (all of them
        when several match); when none matches, the contact is inserted. The answer is the
        resulting contact: the inserted one with its new `EncContactId`, or the first
        updated one (creation order). `customevents` names custom events to run for the
        inserted or updated contacts. Values keys must be fields of the list (see
        `listContactListFields`).

        `POST /contactLists/{contactListId}/contact` (operationId `upsertContact`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            contact: A `Contact` (see `contactimport.contact(...)`) or its JSON shape
                `{"Values": {...}}`. The contact. Its Values keys are field names of the
                list; with `match`, the named properties must be among them.
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            match: `MatchOn("Email")` or a list of property names; the values come from
                the contacts. The properties (field names of the list) that identify the
                existing contacts to update, e.g. `match=ReferanceAccountId,Email`. One
                comma-separated value on the wire. On POST/PUT the values to match come from
                the contact(s) themselves; on PATCH from the query string (see
                `matchValues`), and there `match` is required. Each item is a name: no
                comma, no blank at either end, no control character (400 otherwise).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, so
                no contact was created.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: invalid parameters — a Values key
                or `match` name that is not a field of the list, a `match` name missing from
                the body's Values (POST/PUT) or from the query string (PATCH), or PATCH
                without `match`.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw(
            _UPSERT_CONTACT,
            {
                "contactListId": contact_list_id,
                "body": _p.contact(contact),
                "customevents": _p.custom_events(custom_events),
                "match": _p.match_on(match),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    async def patch_contacts(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        match: MatchValuesInput,
        check_fields: bool | None = None,
        custom_events: CustomEventsInput = None,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[Contact]:
        """Update every contact that matches the query-string values.

        Updates, with the body's Values, every existing contact of the list whose properties
        named in `match` hold the values given in the query string
        (`?match=P1,P2&P1=v1&P2=v2`). Nothing is inserted: when no contact matches the
        answer is 404. The answer is the first matching contact (creation order); the
        `X-Updated-Count` header gives how many contacts matched, each of them updated with
        the Values (those already holding them counted too).

        `PATCH /contactLists/{contactListId}/contact` (operationId `patchContacts`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_list_id: The contact list's id.
            contact: A `Contact` (see `contactimport.contact(...)`) or its JSON shape
                `{"Values": {...}}`. The values to set on every matching contact.
            match: `MatchValues({"Email": "a@example.com"})` or a mapping: the contacts
                holding these values (sent as `match` plus one query parameter per name).
            check_fields: Check the match names against the list's fields before sending
                (fetched once per list; default: the client's `check_match_fields`).
            custom_events: `CustomEvents("A", "B")` or a list of names (None: none).
                Custom events to run for the contacts this call inserts or updates, e.g.
                `customevents=SendWelcomeEmail,SendEventInvite`. One comma-separated value
                on the wire; each item is a name: no comma, no blank at either end, no
                control character (400 otherwise).
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            ValidationError: 400 Bad Request: the body or a parameter is malformed or
                invalid (unreadable JSON or XML, a value of the wrong type, a required value
                missing, an empty list where one item is the minimum, a list longer than its
                maxItems, a `match` or `customevents` item that is not a name (empty, with a
                blank at either end or a control character: query-list-items), a body over
                the size limit).
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact list was not found, or
                no contact of it matches the query-string values (PATCH never inserts).
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            APIStatusError: 415 Unsupported Media Type: the Content-Type is not one the
                service reads (application/json, text/json, application/xml, text/xml).
            ValidationError: 417 Expectation Failed: invalid parameters — a Values key
                or `match` name that is not a field of the list, a `match` name missing from
                the body's Values (POST/PUT) or from the query string (PATCH), or PATCH
                without `match`.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw(
            _PATCH_CONTACTS,
            {
                "contactListId": contact_list_id,
                "body": _p.contact(contact),
                **_p.match_values(match),
                "customevents": _p.custom_events(custom_events),
            },
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={"check_fields": check_fields},
            ),
        )

    async def get_contact(
        self,
        contact_id: str,
        *,
        wire_format: WireFormat | str | None = None,
        timeout: TimeoutInput | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
    ) -> APIResponse[Contact]:
        """Get a contact by its encrypted id.

        One contact, addressed by its `EncContactId` (the encrypted id, not the numeric
        `Id`).

        `GET /contacts/{contactId}` (operationId `getContact`).

        Returns the answer as received (status, headers, the request sent);
        `.parse()` gives what the plain method returns.

        Args:
            contact_id: The contact's `EncContactId`. The contact's encrypted id
                (Contact.EncContactId), a string.
            wire_format: "json" or "xml" for this call (default: the client's).
            timeout: seconds or an `httpx.Timeout` for this call; None: no timeout
                (default: the client's).
            extra_headers: headers added to this request (they win over the client's).
            extra_query: query parameters added to this request.

        Raises:
            AuthenticationError: 401 Unauthorized: the request was denied because it
                lacks valid authentication credentials.
            PermissionDeniedError: 403 Forbidden: the credentials do not carry the
                permission this action needs.
            NotFoundError: 404 Not Found: the specified contact was not found.
            APIStatusError: 406 Not Acceptable: the Accept header names no media type
                the service can write (application/json, text/json, application/xml,
                text/xml), or only XML and the answer holds text XML 1.0 cannot carry
                (info.x-assumptions xml-unwritable-text). The body is JSON.
            RateLimitError: 429 Too Many Requests: the request was not processed; send
                it again after Retry-After seconds.
            ServerError: 500 Internal Server Error: an error occurred while processing
                the request.
            ServerError: 503 Service Unavailable: the request was not processed; send it
                again after Retry-After seconds.
            APIConnectionError: the request did not complete (after the retries).
        """
        return await self._raw(
            _GET_CONTACT,
            {"contactId": _p.contact_id(contact_id)},
            RequestOptions(
                wire_format=wire_format,
                timeout=timeout,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extras={},
            ),
        )
