"""The sandbox's SQLite store: WAL on files, every write in one transaction, reads beside writes.

Writes go through one connection guarded by a lock: SQLite has a single writer anyway, and they
use ``BEGIN IMMEDIATE`` so two clients upserting the same contact are serialised, never
interleaved.

Reads of a file database use connections of their own (read-only, from a small pool): under WAL
a read sees the last committed state and never waits for a write in progress, so a client
polling a status is answered while the background worker is in the middle of a long step (a W50
job's chunk, a whole CheckMarket bulk import). Each read is one transaction, one snapshot: it sees
a reset (one transaction too) either wholly done or not begun.

An in-memory database (``:memory:``) lives in its one connection, so its reads share the write
connection and lock, and wait for a write in progress (then see what it committed). Several
connections could share it only through shared cache, whose table-level locks make a read of a
table being written fail with SQLITE_LOCKED instead of reading the last committed state
(unless read_uncommitted, which shows exactly the half-done step a read must not see).

Reads come first. A read of a file database waits for no lock, but it runs in the same process
as the background worker, whose steps are long stretches of Python holding the GIL: every time a
read lets the GIL go (each SQLite call does) the worker takes it for up to the interpreter's
switch interval, so a read of a few SQLite calls took tens of milliseconds, and polls queued
behind each other on the event loop. So a long write parts its work into bounded slices and
calls ``wait_for_reads`` between them: it waits there (not holding the GIL) until the reads in
progress when it got there have ended, and the reads run uncontested. Reads begun after that do
not hold it back, so a stream of reads never starves it. A read in progress is a ``read`` of a
file database, and, in the server, a whole GET request (parsing, answer and all).
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
IDLE_READERS = 8  # reader connections kept open between reads (more are opened when needed)
BUSY_TIMEOUT_MS = 30_000
# Contacts a long write (a W50 job step, a CheckMarket bulk import) processes between two yield
# points (``Store.wait_for_reads``): a few milliseconds of Python, about the interpreter's switch
# interval, so a read waits at most about that long for the GIL.
SLICE_CONTACTS = 200
# Seconds a yield point waits at most for the reads in progress: a read held longer (a GET under
# an injected latency fault, say) lets the write go on after that.
READS_FIRST_LIMIT_S = 0.25

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
    enc_id TEXT NOT NULL,
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
-- A queued bulk import's contacts, one row each (cm_queue.contacts_json is '[]' since issue 20:
-- one JSON text of a whole import was built, stored and read back whole).
CREATE TABLE IF NOT EXISTS cm_queue_contacts (
    queue_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    values_json TEXT NOT NULL,
    PRIMARY KEY (queue_id, seq)
) WITHOUT ROWID;
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


def _legacy_contact_ids(conn: sqlite3.Connection) -> bool:
    """Whether the file may hold contact ids of the MAC-only kind (made before issue 21), which
    are found by an index on ``enc_id`` (made here when missing); newer ids name their row.

    Noted once in ``meta`` (``contact_ids``): a file is "legacy" when it first meets this code
    holding contacts, else "masked" for good.
    """
    row = conn.execute("SELECT value FROM meta WHERE key = 'contact_ids'").fetchone()
    if row is None:
        held = conn.execute("SELECT 1 FROM w50_contacts LIMIT 1").fetchone() is not None
        kind = "legacy" if held else "masked"
        if held:
            conn.execute("CREATE INDEX IF NOT EXISTS w50_contacts_enc_id ON w50_contacts (enc_id)")
        conn.execute("INSERT INTO meta (key, value) VALUES ('contact_ids', ?)", (kind,))
        return held
    return str(row[0]) == "legacy"


class Store:
    """A SQLite database (a file, or ``:memory:``) shared by the app and its background worker."""

    def __init__(self, path: str | Path = MEMORY) -> None:
        self.path = str(path)
        self.in_memory = self.path == MEMORY
        if not self.in_memory:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        # How deep the thread holding _lock is in write transactions (0: none); only that
        # thread reads or changes it.
        self._write_depth = 0
        # Reader connections of a file database not in use now; guarded by _readers_lock.
        self._idle_readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        # The reads in progress (``start_read``), by ticket (increasing), the condition a long
        # write waits on for them (``wait_for_reads``) and how many wait; guarded by _readers_lock.
        self._reads_in_progress: set[int] = set()
        self._last_ticket = 0
        self._reads_ended = threading.Condition(self._readers_lock)
        self._writes_waiting = 0
        self._closed = False
        # Read-only by URI: mode=ro keeps a read from ever writing. Resolved now: a later chdir
        # must not send readers to another file.
        self._reader_uri = "" if self.in_memory else Path(self.path).resolve().as_uri() + "?mode=ro"
        self._conn = sqlite3.connect(
            self.path, check_same_thread=False, isolation_level=None, timeout=30.0
        )
        self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not self.in_memory:
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.executescript(SCHEMA)
        with self.write() as conn:
            _autoincrement_ids(conn)
            self.legacy_contact_ids = _legacy_contact_ids(conn)
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
        """One write transaction (BEGIN IMMEDIATE ... COMMIT), rolled back on any exception.

        Inside another write of the same thread it is a savepoint of that transaction: rolled
        back alone on an exception, committed only with the outer write (so a request can make
        its handler's writes and its answer one: see the app's ``work``).
        """
        with self._lock:
            nested = self._write_depth > 0
            self._conn.execute("SAVEPOINT nested" if nested else "BEGIN IMMEDIATE")
            self._write_depth += 1
            try:
                yield self._conn
            except BaseException:
                if nested:
                    self._conn.execute("ROLLBACK TO nested")
                    self._conn.execute("RELEASE nested")
                else:
                    self._conn.execute("ROLLBACK")
                raise
            finally:
                self._write_depth -= 1
            self._conn.execute("RELEASE nested" if nested else "COMMIT")

    def _in_write(self) -> bool:
        """Whether this thread is inside a write (it holds the lock and the depth is its own)."""
        if not self._lock.acquire(blocking=False):
            return False
        try:
            return self._write_depth > 0
        finally:
            self._lock.release()

    @property
    def concurrent_reads(self) -> bool:
        """Whether reads go on beside a write in progress (a file database: True).

        False for ``:memory:``: a read waits for the write lock (``acquire_if_free`` tells).
        """
        return not self.in_memory

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent read (one deferred transaction) of the last committed state.

        A file database reads on a read-only connection of its own, never waiting for the write
        lock; ``:memory:`` reads on the write connection, under the lock. The connection is for
        this read only: nothing may be written through it (a file's refuses). Inside a write of
        the same thread, a read is part of that transaction and sees what it wrote so far.
        """
        if self._in_write():
            with self._lock:
                yield self._conn
            return
        if not self.concurrent_reads:
            with self._lock:
                self._conn.execute("BEGIN")
                try:
                    yield self._conn
                finally:
                    self._conn.execute("COMMIT")
            return
        ticket = self.start_read()
        try:
            conn = self._take_reader()
            try:
                conn.execute("BEGIN")
                try:
                    yield conn
                finally:
                    conn.execute("COMMIT")
            finally:
                self._give_back(conn)
        finally:
            self.end_read(ticket)

    def start_read(self) -> int:
        """Mark a read in progress until ``end_read`` with the ticket this returns: long writes
        wait for it at their yield points (``wait_for_reads``). Every ``read`` of a file store is
        one; the server marks each GET request as one until its answer (``ReadsFirst``)."""
        with self._readers_lock:
            self._last_ticket += 1
            self._reads_in_progress.add(self._last_ticket)
            return self._last_ticket

    def end_read(self, ticket: int) -> None:
        """The read of ``ticket`` has ended (idempotent)."""
        with self._readers_lock:
            self._reads_in_progress.discard(ticket)
            if self._writes_waiting:
                self._reads_ended.notify_all()

    def _take_reader(self) -> sqlite3.Connection:
        with self._readers_lock:
            if self._closed:
                raise sqlite3.ProgrammingError("The sandbox store is closed.")
            if self._idle_readers:
                return self._idle_readers.pop()
        # The file exists (made by the write connection, which stays open, so the WAL's -shm
        # file, which a read-only connection cannot make, does too).
        conn = sqlite3.connect(
            self._reader_uri, uri=True, check_same_thread=False, isolation_level=None, timeout=30.0
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return conn

    def _give_back(self, conn: sqlite3.Connection) -> None:
        """Back to the pool; closed instead when its transaction did not end (a failed COMMIT),
        the store is closed, or enough are idle."""
        with self._readers_lock:
            if (
                not conn.in_transaction
                and not self._closed
                and len(self._idle_readers) < IDLE_READERS
            ):
                self._idle_readers.append(conn)
                return
        conn.close()

    def wait_for_reads(self) -> bool:
        """Wait until every read in progress now (``start_read``) has ended: a yield point.

        For long writes (a W50 job step, a CheckMarket bulk import) between slices of their
        work: the reads in progress finish without competing with the write for the GIL. Reads
        begun while it waits are not waited for, and it waits READS_FIRST_LIMIT_S at most (False
        then). ``:memory:`` returns at once: its reads wait for the write lock, which the caller
        may hold.
        """
        if not self.concurrent_reads:
            return True
        with self._readers_lock:
            last = self._last_ticket
            self._writes_waiting += 1
            try:
                return self._reads_ended.wait_for(
                    lambda: not self._reads_in_progress or min(self._reads_in_progress) > last,
                    READS_FIRST_LIMIT_S,
                )
            finally:
                self._writes_waiting -= 1

    def acquire_if_free(self) -> bool:
        """Take the store's write lock only if no other thread holds it (True when taken; then
        ``release`` it).

        For an in-memory store, whose reads take that lock: a quick read may run on the event
        loop when the store is free, and goes to a worker thread instead of blocking the loop
        while the background worker's step holds the store.
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
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('contact_ids', ?)",
                    ("legacy" if self.legacy_contact_ids else "masked",),
                )
                secret = self._new_secret(conn)
            self.secret = secret

    def close(self) -> None:
        """Close every connection (a reader in use is closed when its read ends); idempotent."""
        with self._readers_lock:
            self._closed = True
            idle, self._idle_readers = self._idle_readers, []
        for conn in idle:
            conn.close()
        with self._lock:
            self._conn.close()
