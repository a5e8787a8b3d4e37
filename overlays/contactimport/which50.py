"""Which50 W50API clients: `Which50` (sync) and `AsyncWhich50` (async).

Every operation of `spec/which50.openapi.yaml` is a method named after its operationId; results
are the generated `contactimport.generated.which50_client.models` classes whichever wire format
(JSON or DataContract XML) was used. Errors are the typed exceptions of `contactimport.errors`.

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

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

import httpx

from contactimport.generated.which50_client import AuthenticatedClient
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
    ImportJobCreateRequest,
    PatchContactsMatchValues,
    RunImportJobPatchMatchValues,
)
from contactimport.generated.which50_client.types import UNSET, Unset

from ._client import (
    DEFAULT_TIMEOUT,
    AsyncLifecycle,
    AsyncSender,
    ClientCore,
    PreparedCall,
    SyncLifecycle,
    SyncSender,
    operation_specs,
    security_schemes,
    server_urls,
)
from .errors import InvalidParameterError
from .querystring import (
    CustomEvents,
    MatchOn,
    MatchValues,
    check_contacts_carry_match,
    check_names_against_fields,
)
from .settings import WHICH50_BASE_URL_ENV, WHICH50_TOKEN_ENV, WireFormat, env_value
from .transport.retry import RetryPolicy

__all__ = [
    "AsyncWhich50",
    "ContactInput",
    "Which50",
    "contact",
    "default_base_url",
]

ContactInput = Contact | Mapping[str, Any]
"""A generated `Contact`, or its JSON shape (`{"Values": {...}}`)."""

CustomEventsInput = CustomEvents | Sequence[str] | None
T = TypeVar("T")


def default_base_url() -> str:
    """The vendor's base URL: the first `servers` entry of the W50 spec."""
    return server_urls("which50")[0][0]


def contact(values: Mapping[str, Any], **fields: Any) -> Contact:
    """A `Contact` from its values (`contact({"Email": "a@example.com"})`); other members
    (`EncContactId`, `ListId`) may be given by their JSON names as keyword arguments."""
    return _to_contact({"Values": dict(values), **fields}, "contact")


def _to_contact(item: ContactInput, where: str) -> Contact:
    if isinstance(item, Contact):
        return item
    if not isinstance(item, Mapping):
        raise InvalidParameterError(f"{where} must be a Contact or a mapping, got {item!r}")
    values = item.get("Values")
    if not isinstance(values, Mapping):
        raise InvalidParameterError(f"{where} needs a 'Values' mapping (field name -> value)")
    for name, value in values.items():
        if not isinstance(name, str) or not name:
            raise InvalidParameterError(f"{where}: value names must be non-empty strings: {name!r}")
        if value is not None and not isinstance(value, str | int | float | bool):
            raise InvalidParameterError(
                f"{where}: Values[{name!r}] must be a string, number, boolean or None, "
                f"got {type(value).__name__}"
            )
    try:
        return Contact.from_dict(dict(item))
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidParameterError(f"{where} is not a valid Contact: {error}") from None


def _events(custom_events: CustomEventsInput) -> list[str] | Unset:
    if custom_events is None:
        return UNSET
    if not isinstance(custom_events, CustomEvents):
        if isinstance(custom_events, str):
            raise InvalidParameterError(
                f"custom_events must be CustomEvents(...) or a list of names, got the string "
                f"{custom_events!r}"
            )
        custom_events = CustomEvents(list(custom_events))
    return list(custom_events.names)


def _match_on(match: MatchOn | Sequence[str] | None) -> MatchOn | None:
    if match is None or isinstance(match, MatchOn):
        return match
    if isinstance(match, MatchValues):
        raise InvalidParameterError(
            "MatchValues (names with values) is for the PATCH operations; use MatchOn(...) "
            "with POST/PUT, where the values come from the contacts"
        )
    if isinstance(match, str):
        raise InvalidParameterError(
            f"match must be MatchOn(...) or a list of names, got the string {match!r}"
        )
    return MatchOn(list(match))


def _match_values(match: MatchValues | Mapping[str, Any]) -> MatchValues:
    if isinstance(match, MatchValues):
        return match
    if isinstance(match, MatchOn):
        raise InvalidParameterError(
            "PATCH needs the values to match: use MatchValues({name: value, ...}), not MatchOn"
        )
    return MatchValues(match)


def _resolve_credentials(token: str | None, base_url: str | None) -> tuple[str, str]:
    token = token if token is not None else env_value(WHICH50_TOKEN_ENV)
    if not token:
        raise InvalidParameterError(
            f"no W50API token: pass token=... or set the {WHICH50_TOKEN_ENV} environment variable"
        )
    url = base_url or env_value(WHICH50_BASE_URL_ENV) or default_base_url()
    return token, url


class _Calls:
    """Builds the PreparedCall of every operation (shared by the sync and async clients)."""

    def __init__(self, core: ClientCore, check_match_fields: bool) -> None:
        self.core = core
        self.check_match_fields = check_match_fields

    def _check(
        self, contact_list_id: int, names: Sequence[str] | None, check_fields: bool | None
    ) -> tuple[int, tuple[str, ...]] | None:
        wanted = self.check_match_fields if check_fields is None else check_fields
        if not wanted or not names:
            return None
        return contact_list_id, tuple(names)

    def list_contact_lists(
        self, wire_format: WireFormat | None
    ) -> PreparedCall[list[ContactsList]]:
        return self.core.prepare(
            "listContactLists",
            _list_contact_lists._get_kwargs(),
            lambda data: [ContactsList.from_dict(item) for item in data],
            wire_format=wire_format,
        )

    def list_contact_list_fields(
        self, contact_list_id: int, wire_format: WireFormat | None
    ) -> PreparedCall[list[ContactSchemaField]]:
        return self.core.prepare(
            "listContactListFields",
            _list_contact_list_fields._get_kwargs(contact_list_id),
            lambda data: [ContactSchemaField.from_dict(item) for item in data],
            wire_format=wire_format,
        )

    def get_contact_list_field(
        self, contact_list_id: int, field_id: int, wire_format: WireFormat | None
    ) -> PreparedCall[ContactSchemaField]:
        return self.core.prepare(
            "getContactListField",
            _get_contact_list_field._get_kwargs(contact_list_id, field_id),
            ContactSchemaField.from_dict,
            wire_format=wire_format,
        )

    def create_import_job(
        self,
        contact_list_id: int,
        field_names: Iterable[str] | ImportJobCreateRequest,
        wire_format: WireFormat | None,
    ) -> PreparedCall[ImportJob]:
        if isinstance(field_names, ImportJobCreateRequest):
            body = field_names
        else:
            if isinstance(field_names, str):
                raise InvalidParameterError(
                    f"field_names must be a list of names, got the string {field_names!r}"
                )
            names = list(field_names)
            bad = [n for n in names if not isinstance(n, str) or not n.strip()]
            if bad:
                raise InvalidParameterError(f"field_names holds empty or non-string names: {bad!r}")
            body = ImportJobCreateRequest(field_names=names)
        return self.core.prepare(
            "createImportJob",
            _create_import_job._get_kwargs(contact_list_id, body=body),
            ImportJob.from_dict,
            wire_format=wire_format,
        )

    def upload_import_batch(
        self,
        contact_list_id: int,
        import_job_id: int,
        contacts: Iterable[ContactInput],
        wire_format: WireFormat | None,
    ) -> PreparedCall[ImportJob]:
        body = [_to_contact(item, f"contact #{n + 1}") for n, item in enumerate(contacts)]
        limit = operation_specs("which50")["uploadImportBatch"].request_max_items
        if not body:
            raise InvalidParameterError("upload_import_batch needs at least one contact")
        if limit is not None and len(body) > limit:
            raise InvalidParameterError(
                f"a batch holds at most {limit} contacts (the API's limit); this one holds "
                f"{len(body)}: split it"
            )
        return self.core.prepare(
            "uploadImportBatch",
            _upload_import_batch._get_kwargs(contact_list_id, import_job_id, body=body),
            ImportJob.from_dict,
            wire_format=wire_format,
            replay_safe=False,
        )

    def get_import_job(
        self, contact_list_id: int, import_job_id: int, wire_format: WireFormat | None
    ) -> PreparedCall[ImportJob]:
        return self.core.prepare(
            "getImportJob",
            _get_import_job._get_kwargs(contact_list_id, import_job_id),
            ImportJob.from_dict,
            wire_format=wire_format,
        )

    def run_import_job(
        self,
        method: str,
        contact_list_id: int,
        import_job_id: int,
        match: MatchOn | MatchValues | None,
        custom_events: CustomEventsInput,
        check_fields: bool | None,
        wire_format: WireFormat | None,
    ) -> PreparedCall[ImportJob]:
        events = _events(custom_events)
        names = list(match.names) if match is not None else None
        kwargs: dict[str, Any]
        if method == "PATCH":
            assert isinstance(match, MatchValues)
            kwargs = _run_import_job_patch._get_kwargs(
                contact_list_id,
                import_job_id,
                customevents=events,
                match=list(match.names),
                match_values=RunImportJobPatchMatchValues.from_dict(dict(match.values)),
            )
            operation_id = "runImportJobPatch"
        else:
            module = _run_import_job if method == "POST" else _run_import_job_put
            operation_id = "runImportJob" if method == "POST" else "runImportJobPut"
            kwargs = module._get_kwargs(
                contact_list_id,
                import_job_id,
                customevents=events,
                match=names if names else UNSET,
            )
        return self.core.prepare(
            operation_id,
            kwargs,
            ImportJob.from_dict,
            wire_format=wire_format,
            replay_safe=False,
            check_fields=self._check(contact_list_id, names, check_fields),
        )

    def upsert(
        self,
        method: str,
        contact_list_id: int,
        item: ContactInput,
        match: MatchOn | MatchValues | None,
        custom_events: CustomEventsInput,
        check_fields: bool | None,
        wire_format: WireFormat | None,
    ) -> PreparedCall[Contact]:
        body = _to_contact(item, "contact")
        events = _events(custom_events)
        names = list(match.names) if match is not None else None
        fires_events = isinstance(events, list) and bool(events)
        kwargs: dict[str, Any]
        if method == "PATCH":
            assert isinstance(match, MatchValues)
            kwargs = _patch_contacts._get_kwargs(
                contact_list_id,
                body=body,
                customevents=events,
                match=list(match.names),
                match_values=PatchContactsMatchValues.from_dict(dict(match.values)),
            )
            operation_id = "patchContacts"
            # PATCH never inserts, so a repeat sets the same values again, unless it fires custom
            # events: those would run a second time for every updated contact.
            replay_safe = not fires_events
        else:
            if isinstance(match, MatchOn):
                check_contacts_carry_match(match, [body.values.to_dict()])
            module = _upsert_contact if method == "POST" else _upsert_contact_put
            operation_id = "upsertContact" if method == "POST" else "upsertContactPut"
            kwargs = module._get_kwargs(
                contact_list_id, body=body, customevents=events, match=names if names else UNSET
            )
            # With match a repeat finds the contact the first attempt wrote; without, it inserts.
            # Custom events would run a second time, so a call that fires them is never replayed.
            replay_safe = match is not None and not fires_events
        return self.core.prepare(
            operation_id,
            kwargs,
            Contact.from_dict,
            wire_format=wire_format,
            replay_safe=replay_safe,
            check_fields=self._check(contact_list_id, names, check_fields),
        )

    def get_contact(self, contact_id: str, wire_format: WireFormat | None) -> PreparedCall[Contact]:
        if not isinstance(contact_id, str) or not contact_id:
            raise InvalidParameterError(
                f"contact_id is the contact's EncContactId, a non-empty string; got {contact_id!r}"
            )
        return self.core.prepare(
            "getContact",
            _get_contact._get_kwargs(contact_id),
            Contact.from_dict,
            wire_format=wire_format,
        )


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
        self._calls = _Calls(self._core, check_match_fields)
        self._field_cache: dict[int, tuple[str, ...]] = {}
        self._generated: AuthenticatedClient | None = None

    @property
    def base_url(self) -> str:
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

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._core.describe()})"


class Which50(_Which50Base, SyncLifecycle):
    """Synchronous W50API client. Use as a context manager (or call `close()`).

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

    def _send(self, call: PreparedCall[T]) -> T:
        if call.check_fields is not None:
            contact_list_id, names = call.check_fields
            check_names_against_fields(
                names, self.field_names(contact_list_id), contact_list_id=contact_list_id
            )
        return self._sender.send(call)

    def field_names(self, contact_list_id: int) -> tuple[str, ...]:
        """The names of the list's fields, fetched once and cached (see `clear_field_cache`)."""
        if contact_list_id not in self._field_cache:
            fields = self.list_contact_list_fields(contact_list_id)
            self._field_cache[contact_list_id] = _field_names(fields)
        return self._field_cache[contact_list_id]

    # -- contact lists and fields -------------------------------------------------------------
    def list_contact_lists(self, *, wire_format: WireFormat | None = None) -> list[ContactsList]:
        """GET /contactLists: the account's contact lists."""
        return self._send(self._calls.list_contact_lists(wire_format))

    def list_contact_list_fields(
        self, contact_list_id: int, *, wire_format: WireFormat | None = None
    ) -> list[ContactSchemaField]:
        """GET /contactLists/{id}/fields: the list's fields (its schema)."""
        return self._send(self._calls.list_contact_list_fields(contact_list_id, wire_format))

    def get_contact_list_field(
        self, contact_list_id: int, field_id: int, *, wire_format: WireFormat | None = None
    ) -> ContactSchemaField:
        """GET /contactLists/{id}/fields/{fieldId}: one field."""
        return self._send(
            self._calls.get_contact_list_field(contact_list_id, field_id, wire_format)
        )

    # -- import jobs ---------------------------------------------------------------------------
    def create_import_job(
        self,
        contact_list_id: int,
        field_names: Iterable[str] | ImportJobCreateRequest,
        *,
        wire_format: WireFormat | None = None,
    ) -> ImportJob:
        """POST /contactLists/{id}/import: a new job importing the named fields. Not replayed."""
        return self._send(self._calls.create_import_job(contact_list_id, field_names, wire_format))

    def upload_import_batch(
        self,
        contact_list_id: int,
        import_job_id: int,
        contacts: Iterable[ContactInput],
        *,
        wire_format: WireFormat | None = None,
    ) -> ImportJob:
        """POST /contactLists/{id}/import/{jobId}: load up to `max_batch_contacts` contacts.

        Not replayed automatically after a failure that may have reached the server."""
        return self._send(
            self._calls.upload_import_batch(contact_list_id, import_job_id, contacts, wire_format)
        )

    def get_import_job(
        self, contact_list_id: int, import_job_id: int, *, wire_format: WireFormat | None = None
    ) -> ImportJob:
        """GET /contactLists/{id}/import/{jobId}: the job's status and counters."""
        return self._send(self._calls.get_import_job(contact_list_id, import_job_id, wire_format))

    def run_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: MatchOn | Sequence[str] | None = None,
        custom_events: CustomEventsInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | None = None,
    ) -> ImportJob:
        """POST .../run: start the job; `match` takes values from each loaded contact."""
        call = self._calls.run_import_job(
            "POST",
            contact_list_id,
            import_job_id,
            _match_on(match),
            custom_events,
            check_fields,
            wire_format,
        )
        return self._send(call)

    def run_import_job_put(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: MatchOn | Sequence[str] | None = None,
        custom_events: CustomEventsInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | None = None,
    ) -> ImportJob:
        """PUT .../run: as `run_import_job`."""
        call = self._calls.run_import_job(
            "PUT",
            contact_list_id,
            import_job_id,
            _match_on(match),
            custom_events,
            check_fields,
            wire_format,
        )
        return self._send(call)

    def run_import_job_patch(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: MatchValues | Mapping[str, Any],
        custom_events: CustomEventsInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | None = None,
    ) -> ImportJob:
        """PATCH .../run: update, with the loaded contacts, the contacts holding these values."""
        call = self._calls.run_import_job(
            "PATCH",
            contact_list_id,
            import_job_id,
            _match_values(match),
            custom_events,
            check_fields,
            wire_format,
        )
        return self._send(call)

    # -- contacts ------------------------------------------------------------------------------
    def upsert_contact(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        match: MatchOn | Sequence[str] | None = None,
        custom_events: CustomEventsInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | None = None,
    ) -> Contact:
        """POST /contactLists/{id}/contact: insert, or update the contacts matching `match`."""
        call = self._calls.upsert(
            "POST",
            contact_list_id,
            contact,
            _match_on(match),
            custom_events,
            check_fields,
            wire_format,
        )
        return self._send(call)

    def upsert_contact_put(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        match: MatchOn | Sequence[str] | None = None,
        custom_events: CustomEventsInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | None = None,
    ) -> Contact:
        """PUT /contactLists/{id}/contact: as `upsert_contact`."""
        call = self._calls.upsert(
            "PUT",
            contact_list_id,
            contact,
            _match_on(match),
            custom_events,
            check_fields,
            wire_format,
        )
        return self._send(call)

    def patch_contacts(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        match: MatchValues | Mapping[str, Any],
        custom_events: CustomEventsInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | None = None,
    ) -> Contact:
        """PATCH /contactLists/{id}/contact: update every contact holding `match`'s values."""
        call = self._calls.upsert(
            "PATCH",
            contact_list_id,
            contact,
            _match_values(match),
            custom_events,
            check_fields,
            wire_format,
        )
        return self._send(call)

    def get_contact(self, contact_id: str, *, wire_format: WireFormat | None = None) -> Contact:
        """GET /contacts/{EncContactId}: one contact."""
        return self._send(self._calls.get_contact(contact_id, wire_format))


class AsyncWhich50(_Which50Base, AsyncLifecycle):
    """Asynchronous W50API client (`async with AsyncWhich50() as w50: await w50...`).

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

    async def _send(self, call: PreparedCall[T]) -> T:
        if call.check_fields is not None:
            contact_list_id, names = call.check_fields
            check_names_against_fields(
                names, await self.field_names(contact_list_id), contact_list_id=contact_list_id
            )
        return await self._sender.send(call)

    async def field_names(self, contact_list_id: int) -> tuple[str, ...]:
        """The names of the list's fields, fetched once and cached (see `clear_field_cache`)."""
        if contact_list_id not in self._field_cache:
            fields = await self.list_contact_list_fields(contact_list_id)
            self._field_cache[contact_list_id] = _field_names(fields)
        return self._field_cache[contact_list_id]

    # -- contact lists and fields -------------------------------------------------------------
    async def list_contact_lists(
        self, *, wire_format: WireFormat | None = None
    ) -> list[ContactsList]:
        """GET /contactLists: the account's contact lists."""
        return await self._send(self._calls.list_contact_lists(wire_format))

    async def list_contact_list_fields(
        self, contact_list_id: int, *, wire_format: WireFormat | None = None
    ) -> list[ContactSchemaField]:
        """GET /contactLists/{id}/fields: the list's fields (its schema)."""
        return await self._send(self._calls.list_contact_list_fields(contact_list_id, wire_format))

    async def get_contact_list_field(
        self, contact_list_id: int, field_id: int, *, wire_format: WireFormat | None = None
    ) -> ContactSchemaField:
        """GET /contactLists/{id}/fields/{fieldId}: one field."""
        return await self._send(
            self._calls.get_contact_list_field(contact_list_id, field_id, wire_format)
        )

    # -- import jobs ---------------------------------------------------------------------------
    async def create_import_job(
        self,
        contact_list_id: int,
        field_names: Iterable[str] | ImportJobCreateRequest,
        *,
        wire_format: WireFormat | None = None,
    ) -> ImportJob:
        """POST /contactLists/{id}/import: a new job importing the named fields. Not replayed."""
        return await self._send(
            self._calls.create_import_job(contact_list_id, field_names, wire_format)
        )

    async def upload_import_batch(
        self,
        contact_list_id: int,
        import_job_id: int,
        contacts: Iterable[ContactInput],
        *,
        wire_format: WireFormat | None = None,
    ) -> ImportJob:
        """POST /contactLists/{id}/import/{jobId}: load up to `max_batch_contacts` contacts.

        Not replayed automatically after a failure that may have reached the server."""
        return await self._send(
            self._calls.upload_import_batch(contact_list_id, import_job_id, contacts, wire_format)
        )

    async def get_import_job(
        self, contact_list_id: int, import_job_id: int, *, wire_format: WireFormat | None = None
    ) -> ImportJob:
        """GET /contactLists/{id}/import/{jobId}: the job's status and counters."""
        return await self._send(
            self._calls.get_import_job(contact_list_id, import_job_id, wire_format)
        )

    async def run_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: MatchOn | Sequence[str] | None = None,
        custom_events: CustomEventsInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | None = None,
    ) -> ImportJob:
        """POST .../run: start the job; `match` takes values from each loaded contact."""
        call = self._calls.run_import_job(
            "POST",
            contact_list_id,
            import_job_id,
            _match_on(match),
            custom_events,
            check_fields,
            wire_format,
        )
        return await self._send(call)

    async def run_import_job_put(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: MatchOn | Sequence[str] | None = None,
        custom_events: CustomEventsInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | None = None,
    ) -> ImportJob:
        """PUT .../run: as `run_import_job`."""
        call = self._calls.run_import_job(
            "PUT",
            contact_list_id,
            import_job_id,
            _match_on(match),
            custom_events,
            check_fields,
            wire_format,
        )
        return await self._send(call)

    async def run_import_job_patch(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: MatchValues | Mapping[str, Any],
        custom_events: CustomEventsInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | None = None,
    ) -> ImportJob:
        """PATCH .../run: update, with the loaded contacts, the contacts holding these values."""
        call = self._calls.run_import_job(
            "PATCH",
            contact_list_id,
            import_job_id,
            _match_values(match),
            custom_events,
            check_fields,
            wire_format,
        )
        return await self._send(call)

    # -- contacts ------------------------------------------------------------------------------
    async def upsert_contact(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        match: MatchOn | Sequence[str] | None = None,
        custom_events: CustomEventsInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | None = None,
    ) -> Contact:
        """POST /contactLists/{id}/contact: insert, or update the contacts matching `match`."""
        call = self._calls.upsert(
            "POST",
            contact_list_id,
            contact,
            _match_on(match),
            custom_events,
            check_fields,
            wire_format,
        )
        return await self._send(call)

    async def upsert_contact_put(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        match: MatchOn | Sequence[str] | None = None,
        custom_events: CustomEventsInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | None = None,
    ) -> Contact:
        """PUT /contactLists/{id}/contact: as `upsert_contact`."""
        call = self._calls.upsert(
            "PUT",
            contact_list_id,
            contact,
            _match_on(match),
            custom_events,
            check_fields,
            wire_format,
        )
        return await self._send(call)

    async def patch_contacts(
        self,
        contact_list_id: int,
        contact: ContactInput,
        *,
        match: MatchValues | Mapping[str, Any],
        custom_events: CustomEventsInput = None,
        check_fields: bool | None = None,
        wire_format: WireFormat | None = None,
    ) -> Contact:
        """PATCH /contactLists/{id}/contact: update every contact holding `match`'s values."""
        call = self._calls.upsert(
            "PATCH",
            contact_list_id,
            contact,
            _match_values(match),
            custom_events,
            check_fields,
            wire_format,
        )
        return await self._send(call)

    async def get_contact(
        self, contact_id: str, *, wire_format: WireFormat | None = None
    ) -> Contact:
        """GET /contacts/{EncContactId}: one contact."""
        return await self._send(self._calls.get_contact(contact_id, wire_format))
