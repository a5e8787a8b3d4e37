"""The W50API domain: contact lists, contacts, import jobs, match semantics, custom events.

Contacts are written by ``w50_writer.ContactWriter`` (matching is an indexed lookup, never a
scan) and checked by ``w50_values.Validation``; they carry an opaque ``EncContactId``
(``contact_ids``) that cannot be guessed from a sequence.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import spec
from .clock import Clock
from .contact_ids import decrypt_contact_id
from .errors import BadRequest, Conflict, ExpectationFailed, NotFound, SandboxError
from .fixtures import ContactList, Fixtures, W50Account
from .store import SLICE_CONTACTS, Store
from .w50_values import Validation, match_key
from .w50_writer import ContactWriter

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
