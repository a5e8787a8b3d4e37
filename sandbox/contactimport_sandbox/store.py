"""The sandbox's SQLite store: one connection, WAL on files, every write in one transaction.

All access goes through one connection guarded by a lock: SQLite has a single writer anyway, and a
shared connection is the only way an in-memory database is seen by every thread. Writes use
``BEGIN IMMEDIATE`` so two clients upserting the same contact are serialised, never interleaved.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MEMORY = ":memory:"

# Idempotent DDL: a new table is added with IF NOT EXISTS. Every table with an ``id`` is
# AUTOINCREMENT, so an id is never handed out twice, not even after its row was deleted or the
# sandbox reset (reset keeps sqlite_sequence): a client holding an old id gets a 404, never another
# object. Files made before that are rebuilt once when opened (``_autoincrement_ids``).
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS w50_contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    list_id INTEGER NOT NULL,
    enc_id TEXT NOT NULL UNIQUE,
    values_json TEXT NOT NULL,
    warnings_json TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS w50_contacts_list ON w50_contacts (list_id);
-- One row per (contact, matched-on property): what makes matching a lookup, not a scan.
CREATE TABLE IF NOT EXISTS w50_contact_values (
    list_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    contact_id INTEGER NOT NULL,
    PRIMARY KEY (list_id, name, value, contact_id)
) WITHOUT ROWID;
-- The properties of a list that have rows in w50_contact_values (indexed when first matched on).
CREATE TABLE IF NOT EXISTS w50_indexed_properties (
    list_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (list_id, name)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS w50_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    list_id INTEGER NOT NULL,
    field_names_json TEXT NOT NULL,
    status TEXT NOT NULL,
    total INTEGER NOT NULL DEFAULT 0,
    processed INTEGER NOT NULL DEFAULT 0,
    inserted INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    not_updated INTEGER NOT NULL DEFAULT 0,
    dropped INTEGER NOT NULL DEFAULT 0,
    invalid_email INTEGER NOT NULL DEFAULT 0,
    invalid_sms INTEGER NOT NULL DEFAULT 0,
    start_date TEXT,
    finish_date TEXT,
    run_method TEXT,
    match_json TEXT,
    match_values_json TEXT,
    custom_events_json TEXT,
    failure TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS w50_jobs_status ON w50_jobs (status);
CREATE TABLE IF NOT EXISTS w50_job_contacts (
    job_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    values_json TEXT NOT NULL,
    PRIMARY KEY (job_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS w50_custom_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    list_id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    enc_contact_id TEXT NOT NULL,
    event TEXT NOT NULL,
    action TEXT NOT NULL,
    job_id INTEGER,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS w50_custom_events_account ON w50_custom_events (account_id, id);
CREATE TABLE IF NOT EXISTS cm_configs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    document_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cm_configs_account ON cm_configs (account_id);
CREATE TABLE IF NOT EXISTS cm_queue (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    config_id INTEGER NOT NULL,
    config_json TEXT NOT NULL,
    status_id INTEGER NOT NULL,
    contacts_json TEXT NOT NULL,
    result_json TEXT,
    created_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX IF NOT EXISTS cm_queue_status ON cm_queue (status_id);
CREATE TABLE IF NOT EXISTS cm_contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    contact_list_id INTEGER,
    survey_id INTEGER,
    email TEXT,
    lang_code TEXT,
    values_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cm_contacts_email ON cm_contacts (account_id, email);
"""

# The tables whose ``id`` is handed out to clients (or used as a cursor): never reused.
ID_TABLES = (
    "w50_contacts",
    "w50_jobs",
    "w50_custom_events",
    "cm_configs",
    "cm_queue",
    "cm_contacts",
)


def _table_ddl(table: str) -> tuple[str, list[str]]:
    """A table's CREATE TABLE body (from SCHEMA) and the CREATE INDEX statements on it."""
    found = re.search(rf"CREATE TABLE IF NOT EXISTS {table} (\(.*?\n\));", SCHEMA, re.DOTALL)
    if found is None:
        raise LookupError(f"table {table} is not in SCHEMA")
    indexes = re.findall(rf"CREATE INDEX IF NOT EXISTS \w+ ON {table} \([^)]*\);", SCHEMA)
    return found.group(1), indexes


def _autoincrement_ids(conn: sqlite3.Connection) -> None:
    """Rebuild the ID_TABLES of a file made before they were AUTOINCREMENT (in a transaction).

    The rows keep their ids; copying them sets sqlite_sequence to the largest, so new ids go on
    from there. A table already AUTOINCREMENT is left alone, so opening a file twice, or two
    processes opening it at once, rebuild nothing twice.
    """
    for table in ID_TABLES:
        row = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        if row is None or "AUTOINCREMENT" in str(row[0]).upper():
            continue
        body, indexes = _table_ddl(table)
        columns = ", ".join(f'"{r[1]}"' for r in conn.execute(f'PRAGMA table_info("{table}")'))
        rebuilt = f"{table}__autoincrement"
        conn.execute(f'CREATE TABLE "{rebuilt}" {body}')
        conn.execute(f'INSERT INTO "{rebuilt}" ({columns}) SELECT {columns} FROM "{table}"')
        conn.execute(f'DROP TABLE "{table}"')  # and its indexes, made again below
        conn.execute(f'ALTER TABLE "{rebuilt}" RENAME TO "{table}"')
        for index in indexes:
            conn.execute(index)


class Store:
    """A SQLite database (a file, or ``:memory:``) shared by the app and its background worker."""

    def __init__(self, path: str | Path = MEMORY) -> None:
        self.path = str(path)
        self.in_memory = self.path == MEMORY
        if not self.in_memory:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            self.path, check_same_thread=False, isolation_level=None, timeout=30.0
        )
        self._conn.execute("PRAGMA busy_timeout = 30000")
        if not self.in_memory:
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.executescript(SCHEMA)
        with self.write() as conn:
            _autoincrement_ids(conn)
        self.secret = self._secret()

    def _secret(self) -> bytes:
        """The per-database secret behind encrypted contact ids (made once, kept in the file)."""
        with self.write() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'contact_id_secret'").fetchone()
            if row is not None:
                return bytes.fromhex(str(row[0]))
            return self._new_secret(conn)

    @staticmethod
    def _new_secret(conn: sqlite3.Connection) -> bytes:
        secret = secrets.token_bytes(32)
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('contact_id_secret', ?)",
            (secret.hex(),),
        )
        return secret

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE ... COMMIT), rolled back on any exception."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent read (one deferred transaction)."""
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                self._conn.execute("COMMIT")

    def acquire_if_free(self) -> bool:
        """Take the store's lock only if no other thread holds it (True when taken; release it).

        Lets a quick read run on the event loop when the store is free, and go to a worker thread
        instead of blocking the loop while the background worker's step holds the store.
        """
        return self._lock.acquire(blocking=False)

    def release(self) -> None:
        self._lock.release()

    def reset(self) -> None:
        """Delete every row in one transaction: a fresh sandbox, same file.

        Ids go on from where they were (sqlite_sequence is kept), so an id handed out before the
        reset never names an object made after it: it answers 404. The secret behind
        EncContactIds is replaced as well.
        """
        with self._lock:  # nobody writes between the commit and the new secret taking effect
            with self.write() as conn:
                tables = [
                    str(row[0])
                    for row in conn.execute(
                        "SELECT name FROM sqlite_master "
                        "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                    )
                ]
                for table in tables:
                    conn.execute(f'DELETE FROM "{table}"')
                secret = self._new_secret(conn)
            self.secret = secret

    def close(self) -> None:
        with self._lock:
            self._conn.close()
