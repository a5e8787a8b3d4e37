"""The W50API domain: contact lists, contacts, import jobs, match semantics, custom events.

Matching is a lookup in ``w50_contact_values`` (one indexed row per contact property), never a scan.
Contacts are stored with an opaque ``EncContactId`` (an HMAC of the row id under a per-database
secret), so ids cannot be guessed from a sequence.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from . import spec
from .clock import Clock, iso
from .errors import BadRequest, Conflict, ExpectationFailed, NotFound, SandboxError
from .fixtures import ContactList, Fixtures, W50Account
from .store import SLICE_CONTACTS, Store
from .validation import is_blank, is_phone_number, is_valid_email

# Job states: the values this server writes, each checked to have the stage the spec gives it
# (x-status-values); which states take uploads and runs, and which succeeded, are the stages'.
_JOB_STATES = spec.status_values(spec.document("which50"), "ImportJob", "CurrentStatus")
CREATED = str(_JOB_STATES.by_value("Created", "open"))  # no contacts loaded yet
LOADED = str(_JOB_STATES.by_value("Loaded", "open"))
RUNNING = str(_JOB_STATES.by_value("Running", "in-progress"))
FINISHED = str(_JOB_STATES.by_value("Finished", "final", "succeeded"))
FAILED = str(_JOB_STATES.by_value("Failed", "final", "failed"))
OPEN_STATES = frozenset(str(value) for value in _JOB_STATES.in_stage("open"))
SUCCEEDED_STATES = frozenset(str(value) for value in _JOB_STATES.in_stage("final", "succeeded"))

LIST_NOT_FOUND = "The specified Contactlist was not found."
FIELD_NOT_FOUND = "The specified Contactlist or it's field was not found."
JOB_NOT_FOUND = "The specified Contactlist or ImportJob were not found."
CONTACT_NOT_FOUND = "The specified Contact was not found."
CREATE_LIST_NOT_FOUND = "The specified Contactlist was not found - could not create Import Job."
CONTACT_LIST_NOT_FOUND = "The specified Contactlist was not found - could not create contact."
NO_MATCHING_CONTACT = "No contact matches the given values."

Scalar = str | int | float | bool | None


def now_iso() -> str:
    """The current UTC time as .NET writes a DateTime: 7 fraction digits and an offset."""
    return iso(datetime.now(UTC))


def match_key(value: Any) -> str | None:
    """The text a value is matched by: query-string text and JSON values compare equal."""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[no-any-return]
    if value is None:
        return None
    if kind is bool:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


@dataclass(frozen=True)
class Validation:
    """How a contact list checks and completes a contact's values: which properties are checked
    as e-mail addresses and as SMS numbers, which take only fixed values, and the defaults an
    inserted contact gets (assumption field-defaults-and-values)."""

    email_fields: frozenset[str]
    sms_fields: frozenset[str]
    choices: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(field, its fixed values) for the fields that have any."""
    defaults: tuple[tuple[str, str], ...] = ()
    """(field, DefaultValue) for the fields whose DefaultValue is neither null nor empty."""
    _email_order: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _sms_order: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _defaults_text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The order warnings are written in, planned once rather than sorted for each contact.
        object.__setattr__(self, "_email_order", tuple(sorted(self.email_fields)))
        object.__setattr__(self, "_sms_order", tuple(sorted(self.sms_fields)))
        object.__setattr__(self, "_defaults_text", json.dumps(dict(self.defaults)))

    @classmethod
    def for_list(cls, contact_list: ContactList) -> Validation:
        email = contact_list.field_by_map_type("email")
        sms = contact_list.field_by_map_type("mobile") | contact_list.field_by_map_type("sms")
        choices = tuple(
            (str(f["Name"]), tuple(str(v["Value"]) for v in f["ContactSchemaFieldValues"]))
            for f in contact_list.fields
            if f.get("ContactSchemaFieldValues")
        )
        defaults = tuple(
            (str(f["Name"]), str(f["DefaultValue"]))
            for f in contact_list.fields
            if f.get("DefaultValue") not in (None, "")
        )
        return cls(email, sms, choices, defaults)

    def completed(self, values: dict[str, Any]) -> dict[str, Any]:
        """The values of a contact being inserted, with the defaults of the fields it has no
        value for (absent or null)."""
        missing = {name: value for name, value in self.defaults if values.get(name) is None}
        return {**values, **missing} if missing else values

    def completed_with_text(
        self, values: dict[str, Any], text: str
    ) -> tuple[dict[str, Any], str | None]:
        """``completed(values)`` and its ``json.dumps``, made from ``text`` (``json.dumps(values)``)
        without encoding the values again; None for the text when the defaults would not simply
        follow the values (a default replacing a null value in its place)."""
        missing = {name: value for name, value in self.defaults if values.get(name) is None}
        if not missing:
            return values, text
        completed = {**values, **missing}
        if len(completed) != len(values) + len(missing):
            return completed, None
        added = self._defaults_text if len(missing) == len(self.defaults) else json.dumps(missing)
        return completed, added if not values else text[:-1] + ", " + added[1:]

    def check(self, values: Mapping[str, Any]) -> tuple[list[str], bool, bool]:
        """(warnings, has an invalid e-mail, has an invalid SMS number) for one contact's values."""
        warnings: list[str] = []
        for name, allowed in self.choices:
            value = values.get(name)
            if not is_blank(value) and match_key(value) not in allowed:
                warnings.append(
                    f"{name}: '{value}' is not one of the field's values ({', '.join(allowed)})."
                )
        bad_email = bad_sms = False
        for name in self._email_order:
            value = values.get(name)
            if not is_blank(value) and not is_valid_email(str(value)):
                warnings.append(f"{name}: '{value}' is not a valid e-mail address.")
                bad_email = True
        for name in self._sms_order:
            value = values.get(name)
            if not is_blank(value) and not is_phone_number(str(value)):
                warnings.append(f"{name}: '{value}' is not a valid mobile (SMS) number.")
                bad_sms = True
        return warnings, bad_email, bad_sms


def encrypt_contact_id(secret: bytes, contact_id: int) -> str:
    """An opaque, url-safe id: a keyed BLAKE2b MAC of the row id under the database's secret
    (12 bytes), then the row id (6 bytes) masked by a keyed hash of that MAC.

    It starts with the MAC, so the ids of consecutive rows share no prefix and none can be
    guessed; the server reads the row id back (``decrypt_contact_id``) rather than looking the
    text up in an index, which every insert updated at a random place (issue 21: that index cost
    as much as the rest of the insert).
    """
    tag = hashlib.blake2b(b"w50-contact:%d" % contact_id, key=secret, digest_size=12).digest()
    pad = hashlib.blake2b(tag, key=secret, digest_size=6, person=b"w50-contact-pad").digest()
    masked = (contact_id ^ int.from_bytes(pad, "big")).to_bytes(6, "big")
    return base64.urlsafe_b64encode(tag + masked).decode("ascii")


def decrypt_contact_id(secret: bytes, enc_id: str) -> int | None:
    """The row id of an id made by ``encrypt_contact_id`` under ``secret``; None for any other
    text (another secret's id, a made-up or altered one, an id of the earlier MAC-only kind)."""
    if len(enc_id) != 24 or not enc_id.isascii():
        return None
    try:
        raw = base64.urlsafe_b64decode(enc_id)
    except ValueError:
        return None
    if len(raw) != 18:
        return None
    pad = hashlib.blake2b(raw[:12], key=secret, digest_size=6, person=b"w50-contact-pad").digest()
    contact_id = int.from_bytes(raw[12:], "big") ^ int.from_bytes(pad, "big")
    if not hmac.compare_digest(encrypt_contact_id(secret, contact_id), enc_id):
        return None
    return contact_id


def ensure_indexed(conn: sqlite3.Connection, list_id: int, names: Iterable[str]) -> frozenset[str]:
    """Index the named properties of a list's contacts (once); return every indexed name.

    Properties get rows in ``w50_contact_values`` from the first time they are matched on, so
    imports without ``match`` write no index rows, and matching is always an indexed lookup.
    """
    indexed = {
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM w50_indexed_properties WHERE list_id = ?", (list_id,)
        )
    }
    missing = [name for name in dict.fromkeys(names) if name not in indexed]
    if missing:
        rows = []
        for contact_id, values_json in conn.execute(
            "SELECT id, values_json FROM w50_contacts WHERE list_id = ?", (list_id,)
        ):
            values = json.loads(values_json)
            for name in missing:
                key = match_key(values.get(name))
                if key is not None:
                    rows.append((list_id, name, key, contact_id))
        conn.executemany(
            "INSERT OR IGNORE INTO w50_contact_values (list_id, name, value, contact_id) "
            "VALUES (?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO w50_indexed_properties (list_id, name) VALUES (?, ?)",
            [(list_id, name) for name in missing],
        )
        indexed.update(missing)
    return frozenset(indexed)


@dataclass
class Outcome:
    """What applying one contact did."""

    inserted: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)

    @property
    def touched(self) -> list[int]:
        return self.inserted + self.updated + self.unchanged


NO_WARNINGS = "[]"


def _changes(current: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """The ``values`` that differ from ``current`` (1 replacing 1.0 or True is a change)."""
    return {
        k: v
        for k, v in values.items()
        if k not in current or current[k] != v or type(current[k]) is not type(v)
    }


class ContactWriter:
    """Applies contacts to one list inside one write transaction; inserts are written in bulk.

    ``match_names`` are the properties lookups will use: they are indexed before the first one.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        secret: bytes,
        account_id: str,
        list_id: int,
        validation: Validation,
        custom_events: Sequence[str],
        job_id: int | None,
        match_names: Iterable[str] = (),
        now: str | None = None,
    ) -> None:
        self.conn = conn
        self.secret = secret
        self.account_id = account_id
        self.list_id = list_id
        self.validation = validation
        self.custom_events = tuple(custom_events)
        self.job_id = job_id
        self.now = now or now_iso()
        self.match_names = frozenset(match_names)
        self.indexed = ensure_indexed(conn, list_id, self.match_names)
        row = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM w50_contacts").fetchone()
        self.next_id = int(row[0])
        self.pending: dict[int, dict[str, Any]] = {}
        self.pending_warnings: dict[int, list[str]] = {}
        # The JSON text of a pending contact's values when it is known already (the loaded
        # contact's, unchanged): written as it is instead of encoding the values again.
        self.pending_text: dict[int, str] = {}
        self.pending_index: dict[tuple[str, str], set[int]] = {}
        # Stored contacts by (property, value) for the keys looked up so far; kept current as
        # this writer updates contacts, so a key is read from the database at most once.
        self.stored_index: dict[tuple[str, str], set[int]] = {}
        self.events: list[tuple[Any, ...]] = []

    # -- lookups -----------------------------------------------------------------------------
    def prefetch(self, name: str, keys: Iterable[str]) -> None:
        """Load the stored contacts of many values of one property at once (one query a slice)."""
        wanted = sorted({key for key in keys if (name, key) not in self.stored_index})
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            for key in part:
                self.stored_index[(name, key)] = set()
            marks = ",".join("?" * len(part))
            for value, contact_id in self.conn.execute(
                "SELECT value, contact_id FROM w50_contact_values "
                f"WHERE list_id = ? AND name = ? AND value IN ({marks})",
                [self.list_id, name, *part],
            ):
                self.stored_index[(name, str(value))].add(int(contact_id))

    def _stored(self, name: str, key: str) -> set[int]:
        found = self.stored_index.get((name, key))
        if found is None:
            found = {
                int(row[0])
                for row in self.conn.execute(
                    "SELECT contact_id FROM w50_contact_values "
                    "WHERE list_id = ? AND name = ? AND value = ?",
                    (self.list_id, name, key),
                )
            }
            self.stored_index[(name, key)] = found
        return found

    def find(self, criteria: Mapping[str, str]) -> list[int]:
        """Ids of the list's contacts whose every property in ``criteria`` has that text value."""
        if not criteria:
            return []
        result: set[int] | None = None
        for name, key in criteria.items():
            ids = self._stored(name, key) | self.pending_index.get((name, key), set())
            result = set(ids) if result is None else result & ids
            if not result:
                return []
        return sorted(result or ())

    # -- writes ------------------------------------------------------------------------------
    def insert(
        self, values: dict[str, Any], warnings: list[str] | None = None, text: str | None = None
    ) -> int:
        """Insert a contact (written by ``flush``); ``text``: ``json.dumps(values)``, if known."""
        contact_id = self.next_id
        self.next_id += 1
        if text is None:
            values = self.validation.completed(values)
        else:
            values, text = self.validation.completed_with_text(values, text)
            if text is not None:
                self.pending_text[contact_id] = text
        self.pending[contact_id] = dict(values)
        if warnings is None:
            warnings, _, _ = self.validation.check(values)
        if warnings:
            self.pending_warnings[contact_id] = warnings
        self._index_pending(contact_id, values)
        self._events(contact_id, "inserted")
        return contact_id

    def update(self, contact_id: int, values: Mapping[str, Any]) -> bool:
        """Merge ``values`` into a contact; True when a stored value changed."""
        if contact_id in self.pending:
            current = self.pending[contact_id]
            changed = _changes(current, values)
            if not changed:
                return False
            self._unindex_pending(contact_id, current)
            current.update(changed)
            self.pending_text.pop(contact_id, None)
            self._index_pending(contact_id, current)
            warnings, _, _ = self.validation.check(current)
            self.pending_warnings[contact_id] = warnings
            self._events(contact_id, "updated")
            return True
        row = self.conn.execute(
            "SELECT values_json FROM w50_contacts WHERE id = ?", (contact_id,)
        ).fetchone()
        stored: dict[str, Any] = json.loads(row[0])
        changed = _changes(stored, values)
        if not changed:
            return False
        old_keys = {k: match_key(stored.get(k)) for k in changed if k in self.indexed}
        stored.update(changed)
        warnings, _, _ = self.validation.check(stored)
        self.conn.execute(
            "UPDATE w50_contacts SET values_json = ?, warnings_json = ?, updated_at = ? "
            "WHERE id = ?",
            (json.dumps(stored), json.dumps(warnings), self.now, contact_id),
        )
        for name, old in old_keys.items():
            if old is not None:
                self.conn.execute(
                    "DELETE FROM w50_contact_values "
                    "WHERE list_id = ? AND name = ? AND value = ? AND contact_id = ?",
                    (self.list_id, name, old, contact_id),
                )
                self.stored_index.get((name, old), set()).discard(contact_id)
            new = match_key(changed[name])
            if new is not None:
                self.conn.execute(
                    "INSERT OR IGNORE INTO w50_contact_values (list_id, name, value, contact_id) "
                    "VALUES (?, ?, ?, ?)",
                    (self.list_id, name, new, contact_id),
                )
                cached = self.stored_index.get((name, new))
                if cached is not None:
                    cached.add(contact_id)
        self._events(contact_id, "updated")
        return True

    def apply(
        self,
        values: dict[str, Any],
        match: Sequence[str],
        match_values: Mapping[str, str] | None,
        warnings: list[str] | None = None,
        text: str | None = None,
    ) -> Outcome:
        """One contact, as POST/PUT (``match_values`` None) or PATCH (``match_values`` given);
        ``text``: ``json.dumps(values)``, if known (see ``insert``)."""
        outcome = Outcome()
        if match_values is not None:
            targets = self.find(match_values)
            insert_if_none = False
        elif match:
            criteria: dict[str, str] = {}
            for name in match:
                key = match_key(values.get(name))
                if key is None:
                    break
                criteria[name] = key
            targets = self.find(criteria) if len(criteria) == len(match) else []
            insert_if_none = True
        else:
            targets = []
            insert_if_none = True
        if not targets:
            if insert_if_none:
                outcome.inserted.append(self.insert(values, warnings, text))
            return outcome
        for contact_id in targets:
            if self.update(contact_id, values):
                outcome.updated.append(contact_id)
            else:
                outcome.unchanged.append(contact_id)
        return outcome

    def flush(self) -> None:
        """Write pending inserts and custom events (executemany, same transaction)."""
        if self.pending:
            secret = self.secret
            now = self.now
            list_id = self.list_id
            warnings = self.pending_warnings
            texts = self.pending_text
            dumps = json.dumps
            rows = [
                (
                    contact_id,
                    list_id,
                    encrypt_contact_id(secret, contact_id),
                    texts[contact_id] if contact_id in texts else dumps(values),
                    dumps(warnings[contact_id]) if contact_id in warnings else NO_WARNINGS,
                    now,
                    now,
                )
                for contact_id, values in self.pending.items()
            ]
            value_rows = []
            for name in self.indexed:
                for contact_id, values in self.pending.items():
                    key = match_key(values.get(name))
                    if key is not None:
                        value_rows.append((list_id, name, key, contact_id))
            self.conn.executemany(
                "INSERT INTO w50_contacts "
                "(id, list_id, enc_id, values_json, warnings_json, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            if value_rows:
                self.conn.executemany(
                    "INSERT OR IGNORE INTO w50_contact_values (list_id, name, value, contact_id) "
                    "VALUES (?, ?, ?, ?)",
                    value_rows,
                )
            for index_key, ids in self.pending_index.items():
                cached = self.stored_index.get(index_key)
                if cached is not None:
                    cached.update(ids)
            self.pending.clear()
            self.pending_warnings.clear()
            self.pending_text.clear()
            self.pending_index.clear()
        if self.events:
            self.conn.executemany(
                "INSERT INTO w50_custom_events "
                "(account_id, list_id, contact_id, enc_contact_id, event, action, job_id, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                self.events,
            )
            self.events.clear()

    def _events(self, contact_id: int, action: str) -> None:
        if not self.custom_events:
            return
        enc = encrypt_contact_id(self.secret, contact_id)
        for event in self.custom_events:
            self.events.append(
                (
                    self.account_id,
                    self.list_id,
                    contact_id,
                    enc,
                    event,
                    action,
                    self.job_id,
                    self.now,
                )
            )

    def _index_pending(self, contact_id: int, values: Mapping[str, Any]) -> None:
        for name in self.match_names:
            key = match_key(values.get(name))
            if key is not None:
                self.pending_index.setdefault((name, key), set()).add(contact_id)

    def _unindex_pending(self, contact_id: int, values: Mapping[str, Any]) -> None:
        for name in self.match_names:
            key = match_key(values.get(name))
            if key is not None:
                self.pending_index.get((name, key), set()).discard(contact_id)


def _job_json(row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
    (
        job_id,
        list_id,
        status,
        total,
        processed,
        inserted,
        updated,
        not_updated,
        dropped,
        invalid_email,
        invalid_sms,
        start_date,
        finish_date,
    ) = row
    if status in SUCCEEDED_STATES:
        progress = 100
    elif total:
        progress = math.floor(processed * 100 / total)
    else:
        progress = 0
    return {
        "Id": job_id,
        "ContactListId": list_id,
        "InvalidEmailCount": invalid_email,
        "InvalidSmsCount": invalid_sms,
        "ProgressPercent": progress,
        "CurrentStatus": status,
        "StartDate": start_date,
        "FinishDate": finish_date,
        "InsertedContacts": inserted,
        "UpdatedContacts": updated,
        "DroppedContacts": dropped,
        "NotUpdatedContacts": not_updated,
        "TotalContacts": total,
    }


JOB_COLUMNS = (
    "id, list_id, status, total, processed, inserted, updated, not_updated, dropped, "
    "invalid_email, invalid_sms, start_date, finish_date"
)


class JobStepFailed(Exception):
    """A step of a running import job failed; the step was rolled back."""

    def __init__(self, job_id: int) -> None:
        super().__init__(f"a step of import job {job_id} failed")
        self.job_id = job_id


class Which50:
    """The W50API's behaviour over the store; every method is one transaction."""

    def __init__(
        self,
        store: Store,
        fixtures: Fixtures,
        batch_limit: int,
        batch_minimum: int = 1,
        clock: Clock | None = None,
    ) -> None:
        self.store = store
        self.clock = clock or Clock()
        self.fixtures = fixtures
        self.batch_limit = batch_limit
        self.batch_minimum = batch_minimum
        self._last_job_id = 0

    # -- contact lists and fields ----------------------------------------------------------
    def contact_list(self, account: W50Account, list_id: int, message: str) -> ContactList:
        found = self.fixtures.contact_list(account.id, list_id)
        if found is None:
            raise NotFound(message)
        return found

    def list_contact_lists(self, account: W50Account) -> list[dict[str, Any]]:
        ids = [item.id for item in account.lists]
        counts: dict[int, int] = {}
        if ids:
            marks = ",".join("?" * len(ids))
            with self.store.read() as conn:
                for list_id, count in conn.execute(
                    f"SELECT list_id, COUNT(*) FROM w50_contacts WHERE list_id IN ({marks}) "
                    "GROUP BY list_id",
                    ids,
                ):
                    counts[int(list_id)] = int(count)
        return [
            {"Id": item.id, "Name": item.name, "Count": counts.get(item.id, 0)}
            for item in account.lists
        ]

    def list_fields(self, account: W50Account, list_id: int) -> list[dict[str, Any]]:
        contact_list = self.contact_list(account, list_id, LIST_NOT_FOUND)
        return [dict(f) for f in sorted(contact_list.fields, key=lambda f: int(f["Position"]))]

    def get_field(self, account: W50Account, list_id: int, field_id: int) -> dict[str, Any]:
        contact_list = self.contact_list(account, list_id, FIELD_NOT_FOUND)
        for item in contact_list.fields:
            if item["Id"] == field_id:
                return dict(item)
        raise NotFound(FIELD_NOT_FOUND)

    # -- parameter checks -------------------------------------------------------------------
    @staticmethod
    def check_names(
        contact_list: ContactList,
        names: Iterable[str],
        what: str,
        error: type[SandboxError] = ExpectationFailed,
    ) -> None:
        unknown = sorted({n for n in names if n not in contact_list.field_names})
        if unknown:
            raise error(
                f"Unknown {what} for Contactlist {contact_list.id}: {', '.join(unknown)}. "
                f"Valid names are the list's fields: {', '.join(sorted(contact_list.field_names))}."
            )

    @staticmethod
    def check_match(
        contact_list: ContactList,
        match: Sequence[str],
        match_values: Mapping[str, str] | None,
        error: type[SandboxError] = ExpectationFailed,
    ) -> dict[str, str] | None:
        """Validate ``match`` (and PATCH's query values); return PATCH's criteria."""
        Which50.check_names(contact_list, match, "match properties", error)
        if match_values is None:
            return None
        if not match:
            raise error(
                "A PATCH request needs the 'match' parameter naming the properties to match on."
            )
        missing = [name for name in match if name not in match_values]
        if missing:
            raise error(
                "A PATCH request needs a query value for every match property; missing: "
                + ", ".join(missing)
                + "."
            )
        return {name: match_values[name] for name in match}

    # -- single contacts --------------------------------------------------------------------
    def upsert_contact(
        self,
        account: W50Account,
        list_id: int,
        contact: Mapping[str, Any],
        match: Sequence[str],
        match_values: Mapping[str, str] | None,
        custom_events: Sequence[str],
    ) -> tuple[dict[str, Any], int]:
        """POST/PUT (``match_values`` None) or PATCH of one contact.

        Returns the resulting contact (the inserted one, or the first matching one in creation
        order) and how many existing contacts matched.
        """
        contact_list = self.contact_list(account, list_id, CONTACT_LIST_NOT_FOUND)
        values: dict[str, Any] = dict(contact.get("Values") or {})
        self.check_names(contact_list, values, "properties in Values")
        criteria = self.check_match(contact_list, match, match_values)
        if criteria is None:
            absent = [name for name in match if match_key(values.get(name)) is None]
            if absent:
                raise ExpectationFailed(
                    "Every match property must have a value in the contact's Values; missing: "
                    + ", ".join(absent)
                    + "."
                )
        validation = Validation.for_list(contact_list)
        with self.store.write() as conn:
            writer = ContactWriter(
                conn,
                self.store.secret,
                account.id,
                list_id,
                validation,
                custom_events,
                None,
                match_names=match,
                now=self.clock.now_iso(),
            )
            outcome = writer.apply(values, match, criteria)
            writer.flush()
            if not outcome.touched:
                raise NotFound(NO_MATCHING_CONTACT)
            matched = sorted(outcome.updated + outcome.unchanged)
            first = outcome.inserted[0] if outcome.inserted else matched[0]
            return self._contact(conn, first), len(matched)

    def get_contact(self, account: W50Account, enc_id: str) -> dict[str, Any]:
        contact_id = decrypt_contact_id(self.store.secret, enc_id)
        with self.store.read() as conn:
            if contact_id is not None:
                row = conn.execute(
                    "SELECT id, list_id FROM w50_contacts WHERE id = ? AND enc_id = ?",
                    (contact_id, enc_id),
                )
            elif self.store.legacy_contact_ids:  # a file with ids of the MAC-only kind
                row = conn.execute(
                    "SELECT id, list_id FROM w50_contacts WHERE enc_id = ?", (enc_id,)
                )
            else:
                raise NotFound(CONTACT_NOT_FOUND)
            found = row.fetchone()
            if found is None or self.fixtures.contact_list(account.id, int(found[1])) is None:
                raise NotFound(CONTACT_NOT_FOUND)
            return self._contact(conn, int(found[0]))

    @staticmethod
    def _contact(conn: sqlite3.Connection, contact_id: int) -> dict[str, Any]:
        enc_id, list_id, values_json, warnings_json = conn.execute(
            "SELECT enc_id, list_id, values_json, warnings_json FROM w50_contacts WHERE id = ?",
            (contact_id,),
        ).fetchone()
        return {
            "EncContactId": enc_id,
            "Id": contact_id,
            "ListId": list_id,
            "Values": json.loads(values_json),
            "ValidationWarnings": json.loads(warnings_json),
        }

    # -- import jobs ------------------------------------------------------------------------
    def create_job(
        self, account: W50Account, list_id: int, field_names: Sequence[str]
    ) -> dict[str, Any]:
        contact_list = self.contact_list(account, list_id, CREATE_LIST_NOT_FOUND)
        self.check_names(contact_list, field_names, "FieldNames")
        with self.store.write() as conn:
            cursor = conn.execute(
                "INSERT INTO w50_jobs (account_id, list_id, field_names_json, status, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (account.id, list_id, json.dumps(list(field_names)), CREATED, self.clock.now_iso()),
            )
            job_id = int(cursor.lastrowid or 0)
            return self._job(conn, job_id)

    def _owned_job(
        self, conn: sqlite3.Connection, account: W50Account, list_id: int, job_id: int
    ) -> tuple[str, list[str]]:
        if self.fixtures.contact_list(account.id, list_id) is None:
            raise NotFound(JOB_NOT_FOUND)
        row = conn.execute(
            "SELECT status, field_names_json FROM w50_jobs "
            "WHERE id = ? AND list_id = ? AND account_id = ?",
            (job_id, list_id, account.id),
        ).fetchone()
        if row is None:
            raise NotFound(JOB_NOT_FOUND)
        return str(row[0]), list(json.loads(row[1]))

    @staticmethod
    def _job(conn: sqlite3.Connection, job_id: int) -> dict[str, Any]:
        row = conn.execute(f"SELECT {JOB_COLUMNS} FROM w50_jobs WHERE id = ?", (job_id,))
        return _job_json(row.fetchone())

    def get_job(self, account: W50Account, list_id: int, job_id: int) -> dict[str, Any]:
        with self.store.read() as conn:
            self._owned_job(conn, account, list_id, job_id)
            return self._job(conn, job_id)

    def upload_batch(
        self,
        account: W50Account,
        list_id: int,
        job_id: int,
        contacts: Sequence[Mapping[str, Any]],
    ) -> dict[str, Any]:
        dumps = json.dumps
        rows = [dumps(contact.get("Values") or {}) for contact in contacts]
        with self.store.write() as conn:
            status, _ = self._owned_job(conn, account, list_id, job_id)
            if status not in OPEN_STATES:
                raise Conflict(
                    f"ImportJob {job_id} is {status}: contacts can only be loaded into a job "
                    f"that has not been run."
                )
            (start,) = conn.execute("SELECT total FROM w50_jobs WHERE id = ?", (job_id,)).fetchone()
            conn.executemany(
                "INSERT INTO w50_job_contacts (job_id, seq, values_json) VALUES (?, ?, ?)",
                ((job_id, start + offset, text) for offset, text in enumerate(rows)),
            )
            conn.execute(
                "UPDATE w50_jobs SET total = total + ?, status = ? WHERE id = ?",
                (len(rows), LOADED if rows or status == LOADED else CREATED, job_id),
            )
            return self._job(conn, job_id)

    def check_batch_size(self, size: int) -> None:
        """417 for a batch outside the spec's bounds (the app checks it before validating)."""
        if size > self.batch_limit:
            raise ExpectationFailed(
                f"A batch holds at most {self.batch_limit} contacts; this one holds {size}."
            )
        if size < self.batch_minimum:
            raise ExpectationFailed(
                f"A batch holds at least {self.batch_minimum} contact(s); this one holds {size}."
            )

    def run_job(
        self,
        account: W50Account,
        list_id: int,
        job_id: int,
        match: Sequence[str],
        match_values: Mapping[str, str] | None,
        custom_events: Sequence[str],
    ) -> dict[str, Any]:
        contact_list = self.contact_list(account, list_id, JOB_NOT_FOUND)
        with self.store.write() as conn:
            status, field_names = self._owned_job(conn, account, list_id, job_id)
            if status not in OPEN_STATES:
                raise Conflict(f"ImportJob {job_id} is {status}: a job runs only once.")
            if status == CREATED:
                raise Conflict(f"ImportJob {job_id} has no contacts loaded: nothing to run.")
            criteria = self.check_match(contact_list, match, match_values)
            if criteria is None:
                outside = [name for name in match if name not in field_names]
                if outside:
                    raise ExpectationFailed(
                        "Match properties must be among the job's FieldNames; not there: "
                        + ", ".join(outside)
                        + "."
                    )
            conn.execute(
                "UPDATE w50_jobs SET status = ?, start_date = ?, run_method = ?, match_json = ?, "
                "match_values_json = ?, custom_events_json = ? WHERE id = ?",
                (
                    RUNNING,
                    self.clock.now_iso(),
                    "PATCH" if criteria is not None else "POST",
                    json.dumps(list(match)),
                    None if criteria is None else json.dumps(criteria),
                    json.dumps(list(custom_events)),
                    job_id,
                ),
            )
            return self._job(conn, job_id)

    def process_step(self, max_contacts: int) -> bool:
        """Process up to ``max_contacts`` loaded contacts of the next running job (in turn).

        One transaction: the contacts, the counters and the progress move together, so a restart
        resumes exactly where the last committed step ended. False when no job is running. A step
        that fails once its job is chosen raises ``JobStepFailed`` naming that job (the step is
        rolled back); a failure before that (e.g. the store refusing the transaction) propagates
        as it is, blaming no job.
        """
        job_id: int | None = None
        try:
            with self.store.write() as conn:
                row = conn.execute(
                    "SELECT id, account_id, list_id, field_names_json, total, processed, "
                    "match_json, match_values_json, custom_events_json "
                    "FROM w50_jobs WHERE status = ? ORDER BY id <= ?, id LIMIT 1",
                    (RUNNING, self._last_job_id),
                ).fetchone()
                if row is None:
                    return False
                job_id = int(row[0])
                self._last_job_id = job_id  # round robin: the next step serves the next job
                self._step(conn, row, max_contacts)
                return True
        except Exception as exc:
            if job_id is None:
                raise
            raise JobStepFailed(job_id) from exc

    def _step(self, conn: sqlite3.Connection, row: tuple[Any, ...], max_contacts: int) -> None:
        """The body of ``process_step`` for the chosen job's row, inside its transaction."""
        (job_id, account_id, list_id, names_json, total, processed) = row[:6]
        contact_list = self.fixtures.contact_list(str(account_id), int(list_id))
        if contact_list is None:
            conn.execute(
                "UPDATE w50_jobs SET status = ?, finish_date = ?, failure = ? WHERE id = ?",
                (FAILED, self.clock.now_iso(), "contact list no longer exists", job_id),
            )
            conn.execute("DELETE FROM w50_job_contacts WHERE job_id = ?", (job_id,))
            return
        field_names = set(json.loads(names_json))
        match: list[str] = json.loads(row[6] or "[]")
        criteria: dict[str, str] | None = None if row[7] is None else json.loads(row[7])
        events: list[str] = json.loads(row[8] or "[]")
        validation = Validation.for_list(contact_list)
        writer = ContactWriter(
            conn,
            self.store.secret,
            str(account_id),
            int(list_id),
            validation,
            events,
            job_id,
            match_names=match,
            now=self.clock.now_iso(),
        )
        loaded = conn.execute(
            "SELECT seq, values_json FROM w50_job_contacts "
            "WHERE job_id = ? AND seq >= ? ORDER BY seq LIMIT ?",
            (job_id, processed, max_contacts),
        ).fetchall()
        inserted = updated = not_updated = bad_email = bad_sms = 0
        # Slices of a bounded size, with a yield point to reads between them (see the store).
        for start in range(0, len(loaded), SLICE_CONTACTS):
            if start:
                self.store.wait_for_reads()
            chunk: list[dict[str, Any]] = []
            texts: list[str | None] = []
            for _, values_json in loaded[start : start + SLICE_CONTACTS]:
                raw: dict[str, Any] = json.loads(values_json)
                kept = {k: v for k, v in raw.items() if k in field_names}
                chunk.append(kept)
                # The stored text is json.dumps of the uploaded values: still theirs if the
                # job's FieldNames kept every one.
                texts.append(values_json if len(kept) == len(raw) else None)
            if criteria is None:
                for name in match:  # one query per slice of keys instead of one per contact
                    keys = (match_key(values.get(name)) for values in chunk)
                    writer.prefetch(name, (key for key in keys if key is not None))
            for values, text in zip(chunk, texts, strict=True):
                warnings, invalid_email, invalid_sms = validation.check(values)
                bad_email += invalid_email
                bad_sms += invalid_sms
                outcome = writer.apply(values, match, criteria, warnings, text)
                inserted += len(outcome.inserted)
                updated += len(outcome.updated)
                if not outcome.inserted and not outcome.updated:
                    not_updated += 1
            writer.flush()  # same transaction: later slices find these contacts in the table
        done = processed + len(loaded)
        finished = done >= total
        conn.execute(
            "UPDATE w50_jobs SET processed = ?, inserted = inserted + ?, updated = updated + ?,"
            " not_updated = not_updated + ?, invalid_email = invalid_email + ?,"
            " invalid_sms = invalid_sms + ?, status = ?, finish_date = ? WHERE id = ?",
            (
                done,
                inserted,
                updated,
                not_updated,
                bad_email,
                bad_sms,
                FINISHED if finished else RUNNING,
                self.clock.now_iso() if finished else None,
                job_id,
            ),
        )
        conn.execute("DELETE FROM w50_job_contacts WHERE job_id = ? AND seq < ?", (job_id, done))

    def fail_job(self, job_id: int, message: str) -> None:
        """Mark a running job Failed after its step failed (that step was rolled back whole)."""
        with self.store.write() as conn:
            cursor = conn.execute(
                "UPDATE w50_jobs SET status = ?, finish_date = ?, failure = ? "
                "WHERE id = ? AND status = ?",
                (FAILED, self.clock.now_iso(), message, job_id, RUNNING),
            )
            if cursor.rowcount:
                conn.execute("DELETE FROM w50_job_contacts WHERE job_id = ?", (job_id,))

    def has_running_jobs(self) -> bool:
        with self.store.read() as conn:
            row = conn.execute("SELECT 1 FROM w50_jobs WHERE status = ? LIMIT 1", (RUNNING,))
            return row.fetchone() is not None

    # -- sandbox-only ---------------------------------------------------------------------
    def seed_contacts(
        self, list_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> list[dict[str, Any]]:
        """Store contacts in a list as they are (``{"Values": {...}}`` each), in one transaction,
        without an import job or custom events: a test's starting state. Returns them stored."""
        owner = next(
            (a for a in self.fixtures.w50_accounts if any(c.id == list_id for c in a.lists)), None
        )
        if owner is None:
            raise NotFound(LIST_NOT_FOUND)
        contact_list = self.contact_list(owner, list_id, LIST_NOT_FOUND)
        values = []
        for contact in contacts:
            given = contact.get("Values") if isinstance(contact, Mapping) else None
            if not isinstance(given, Mapping):
                raise BadRequest('Each contact is an object with "Values": {field: value}.')
            self.check_names(contact_list, given, "properties in Values", BadRequest)
            values.append(dict(given))
        validation = Validation.for_list(contact_list)
        with self.store.write() as conn:
            writer = ContactWriter(
                conn,
                self.store.secret,
                owner.id,
                list_id,
                validation,
                (),
                None,
                now=self.clock.now_iso(),
            )
            ids = [writer.insert(item) for item in values]
            writer.flush()
            return [self._contact(conn, contact_id) for contact_id in ids]

    def custom_events_log(
        self, account: W50Account, after: int = 0, limit: int = 1000
    ) -> list[dict[str, Any]]:
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT id, list_id, enc_contact_id, event, action, job_id, created_at "
                "FROM w50_custom_events WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?",
                (account.id, after, limit),
            ).fetchall()
        return [
            {
                "Sequence": r[0],
                "ContactListId": r[1],
                "EncContactId": r[2],
                "Event": r[3],
                "Action": r[4],
                "ImportJobId": r[5],
                "Timestamp": r[6],
            }
            for r in rows
        ]
