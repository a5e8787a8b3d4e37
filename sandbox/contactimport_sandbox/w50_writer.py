"""Writing W50 contacts: inserts, updates and matches of many contacts in one transaction
(``ContactWriter``), the index rows matching looks up (``w50_contact_values``), custom events.

Matching is a lookup in ``w50_contact_values`` (one indexed row per contact property), never a
scan; inserts are written in bulk at ``flush``."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .contact_ids import encrypt_contact_id
from .w50_values import Validation, match_key, now_iso


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
