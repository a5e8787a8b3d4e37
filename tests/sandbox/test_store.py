"""The store: reads of a file database go on beside a write in progress and see the last committed
state (a step held open, a reset half done); an in-memory store's reads wait for the write; ids are
never handed out twice (not after a delete, not after a reset, not in a file made before that rule).

Writes are held open with events, so nothing here depends on how fast anything runs; SAFETY is a
timeout reached only when a test fails (a read waiting for the held write).
"""

from __future__ import annotations

import base64
import sqlite3
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from contactimport_sandbox import SandboxOptions, create_app
from contactimport_sandbox.store import ID_TABLES, MEMORY, SCHEMA, Store
from contactimport_sandbox.w50 import Which50

from .conftest import (
    ADMIN,
    CM_AUTH,
    CUSTOMERS,
    W50,
    W50_AUTH,
    check,
    cm_error,
    list_count,
    upsert,
    w50_error,
    wait_for_job,
)
from .test_checkmarket import CONFIGS, bulk, create, result

pytestmark = pytest.mark.anyio

JOBS = f"{W50}/contactLists/{CUSTOMERS}/import"
SAFETY = 30.0


class Held:
    """A write held open in another thread until ``release``; ``timed_out`` if nobody released it
    (a read that waited for the write instead of going on beside it)."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.timed_out = False

    def hold(self) -> None:
        self.entered.set()
        if not self.release.wait(SAFETY):
            self.timed_out = True


def counts(store: Store) -> dict[str, int]:
    """Rows per table, in one read."""
    with store.read() as conn:
        names = [
            str(row[0])
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
            )
        ]
        return {
            name: int(conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])
            for name in names
        }


def insert_in(conn: sqlite3.Connection) -> int:
    cursor = conn.execute(
        "INSERT INTO w50_jobs (account_id, list_id, field_names_json, status, created_at) "
        "VALUES ('acme', 1, '[]', 'Created', 'now')"
    )
    return int(cursor.lastrowid or 0)


def holding_write(store: Store, held: Held, commit: bool) -> threading.Thread:
    """A thread inserting a job inside a write it holds until released, then commits or not."""

    class Rollback(Exception):
        pass

    def run() -> None:
        try:
            with store.write() as conn:
                insert_in(conn)
                held.hold()
                if not commit:
                    raise Rollback
        except Rollback:
            pass

    thread = threading.Thread(target=run)
    thread.start()
    assert held.entered.wait(SAFETY)
    return thread


# -- reads beside a write --------------------------------------------------------------------
def test_a_file_store_reads_the_last_committed_state_while_a_write_is_held(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "a b?#%.db")  # the readers' URI quotes what a URI would misread
    try:
        assert store.concurrent_reads
        with store.write() as conn:
            insert_in(conn)
        held = Held()
        thread = holding_write(store, held, commit=True)
        try:
            assert counts(store)["w50_jobs"] == 1  # not the held insert, and no waiting for it
            assert not held.timed_out
        finally:
            held.release.set()
            thread.join(SAFETY)
        assert counts(store)["w50_jobs"] == 2  # committed now
    finally:
        store.close()


# -- a write inside a write (a request's handler inside the request's transaction) ----------
@pytest.fixture(params=["memory", "file"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    store = Store(MEMORY if request.param == "memory" else tmp_path / "s.db")
    yield store
    store.close()


def test_a_write_inside_a_write_commits_only_with_the_outer_one(any_store: Store) -> None:
    class Refused(Exception):
        pass

    with pytest.raises(Refused), any_store.write():
        with any_store.write() as conn:
            insert_in(conn)
        with any_store.read() as conn:  # a read inside the write sees what it wrote so far
            assert conn.execute("SELECT COUNT(*) FROM w50_jobs").fetchone()[0] == 1
        raise Refused  # e.g. the answer could not be written: nothing of the request stays
    assert counts(any_store)["w50_jobs"] == 0
    with any_store.write(), any_store.write() as conn:
        insert_in(conn)
    assert counts(any_store)["w50_jobs"] == 1


def test_a_failed_inner_write_is_undone_alone(any_store: Store) -> None:
    with any_store.write() as outer:
        insert_in(outer)
        with pytest.raises(ValueError), any_store.write() as inner:
            insert_in(inner)
            raise ValueError
        insert_in(outer)
    assert counts(any_store)["w50_jobs"] == 2  # the outer two; the inner one was rolled back


def test_a_read_in_another_thread_never_sees_an_uncommitted_outer_write(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    try:
        seen: list[int] = []
        with store.write():
            with store.write() as conn:  # the inner write is "done", the outer one is not
                insert_in(conn)
            reader = threading.Thread(target=lambda: seen.append(counts(store)["w50_jobs"]))
            reader.start()
            reader.join(SAFETY)
        assert seen == [0]
        assert counts(store)["w50_jobs"] == 1
    finally:
        store.close()


def test_a_read_of_a_file_store_cannot_write(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"), store.read() as conn:
            insert_in(conn)
        assert counts(store)["w50_jobs"] == 0  # and the store reads on afterwards
    finally:
        store.close()


def test_close_closes_every_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[sqlite3.Connection] = []
    connect = sqlite3.connect

    def recorded(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        opened.append(connect(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(sqlite3, "connect", recorded)
    path = tmp_path / "s.db"
    store = Store(path)
    with store.read() as first, store.read() as second:  # two readers at once: two connections
        assert first is not second
    with store.read() as in_use:
        store.close()  # a reader in use is closed when its read ends
    assert len(opened) == 3 and in_use in opened
    for conn in opened:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            conn.execute("SELECT 1")
    with pytest.raises(sqlite3.ProgrammingError, match="closed"), store.read():
        pass
    # The last connection closed checkpointed the WAL and removed its files.
    assert not path.with_name("s.db-wal").exists()


def test_an_in_memory_store_read_waits_for_the_write_and_sees_what_it_committed() -> None:
    store = Store(MEMORY)
    try:
        assert not store.concurrent_reads
        held = Held()
        thread = holding_write(store, held, commit=False)
        seen: list[int] = []
        try:
            assert not store.acquire_if_free()  # a read would wait: the app reads off the loop
            reader = threading.Thread(target=lambda: seen.append(counts(store)["w50_jobs"]))
            reader.start()
        finally:
            held.release.set()
            thread.join(SAFETY)
        reader.join(SAFETY)
        assert seen == [0]  # the held insert was rolled back; the read never saw it
        assert store.acquire_if_free()
        store.release()
    finally:
        store.close()


def test_a_reader_never_sees_a_half_done_reset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "s.db")
    try:
        with store.write() as conn:
            for _ in range(3):
                insert_in(conn)
        before = counts(store)
        # meta: the secret behind contact ids, and which kind of contact ids the file holds
        assert before["w50_jobs"] == 3 and before["meta"] == 2
        held = Held()
        original = Store._new_secret

        def new_secret_after_a_pause(conn: sqlite3.Connection) -> bytes:
            held.hold()  # every row is deleted by now, not yet committed
            return original(conn)

        monkeypatch.setattr(Store, "_new_secret", staticmethod(new_secret_after_a_pause))
        resetting = threading.Thread(target=store.reset)
        resetting.start()
        try:
            assert held.entered.wait(SAFETY)
            assert counts(store) == before
            assert not held.timed_out
        finally:
            held.release.set()
            resetting.join(SAFETY)
        after = counts(store)
        assert after == {name: 2 if name == "meta" else 0 for name in before}
    finally:
        store.close()


@pytest.fixture
def file_app(tmp_path: Path) -> Iterator[Any]:
    application = create_app(db=tmp_path / "s.db", options=SandboxOptions(chunk_size=10))
    yield application
    application.state.sandbox.close()


@pytest.fixture
async def file_client(file_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=file_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as http:
        yield http


async def test_a_get_answers_the_last_committed_state_while_a_step_is_held(
    file_app: Any, file_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    store: Store = file_app.state.sandbox.store
    held = Held()
    original = Which50._step

    def step_then_wait(self: Which50, conn: sqlite3.Connection, row: Any, size: int) -> None:
        original(self, conn, row, size)  # the first 10 contacts written, not committed
        if not held.entered.is_set():
            held.hold()

    monkeypatch.setattr(Which50, "_step", step_then_wait)
    job = await new_job(file_client)
    url = f"{JOBS}/{job}"
    contacts = [{"Values": {"Email": f"c{n}@x.io"}} for n in range(30)]
    upload = await file_client.post(url, headers=W50_AUTH, json=contacts)
    check("which50", "uploadImportBatch", upload)
    check("which50", "runImportJob", await file_client.post(f"{url}/run", headers=W50_AUTH))
    try:
        assert await anyio.to_thread.run_sync(held.entered.wait, SAFETY)
        with store.read() as conn:
            assert conn.execute("SELECT processed FROM w50_jobs").fetchone() == (0,)
        status = check("which50", "getImportJob", await file_client.get(url, headers=W50_AUTH))
        progress = (status["CurrentStatus"], status["ProgressPercent"], status["InsertedContacts"])
        assert progress == ("Running", 0, 0)
        assert await list_count(file_client) == 0
        assert not held.timed_out
    finally:
        held.release.set()
    finished = await wait_for_job(file_client, CUSTOMERS, job)
    assert (finished["CurrentStatus"], finished["InsertedContacts"]) == ("Finished", 30)
    assert await list_count(file_client) == 30


# -- ids ---------------------------------------------------------------------------------------


async def new_job(client: httpx.AsyncClient) -> int:
    response = await client.post(JOBS, headers=W50_AUTH, json={"FieldNames": ["Email"]})
    return int(check("which50", "createImportJob", response)["Id"])


async def event_sequences(client: httpx.AsyncClient) -> list[int]:
    response = await client.get("/_sandbox/which50/custom-events", headers=W50_AUTH)
    assert response.status_code == 200
    return [int(event["Sequence"]) for event in response.json()["Events"]]


async def objects(client: httpx.AsyncClient) -> dict[str, int]:
    """One object of each kind a client is handed an id of (the newest id of each)."""
    check("which50", "upsertContact", await upsert(client, {"Email": "a@x.io"}, "?customevents=E"))
    config = await create(client, {"Name": "ids", "IsReusable": True})
    item = await bulk(client, config, [{"Email": "b@x.io"}])
    await result(client, item)
    return {
        "job": await new_job(client),
        "config": config,
        "item": item,
        "event": max(await event_sequences(client)),
    }


async def assert_gone(client: httpx.AsyncClient, ids: dict[str, int]) -> None:
    job = await client.get(f"{JOBS}/{ids['job']}", headers=W50_AUTH)
    assert w50_error("getImportJob", job, 404)
    config = await client.get(f"{CONFIGS}/{ids['config']}", headers=CM_AUTH)
    assert cm_error("getImportConfig", config, 404)
    item = await client.get(f"/3/contacts/import/result/{ids['item']}", headers=CM_AUTH)
    assert cm_error("getImportResult", item, 404)


async def test_ids_go_on_after_a_reset_and_an_old_id_answers_404(
    client: httpx.AsyncClient,
) -> None:
    for _ in range(3):  # a few of each, so a restart from 1 would land on an old id
        before = await objects(client)
    assert (await client.post("/_sandbox/reset", headers=ADMIN)).json() == {"reset": True}
    await assert_gone(client, before)
    after = await objects(client)
    assert all(after[kind] > before[kind] for kind in before), (before, after)
    await assert_gone(client, before)  # still nothing there, not the new objects
    assert await event_sequences(client) == [after["event"]]


async def test_the_id_of_a_deleted_configuration_is_not_given_again(
    client: httpx.AsyncClient,
) -> None:
    first = await create(client, {"Name": "first"})
    last = await create(client, {"Name": "last"})
    assert (await client.delete(f"{CONFIGS}/{last}", headers=CM_AUTH)).status_code == 200
    again = await create(client, {"Name": "again"})
    assert again > last > first
    stale = await client.get(f"{CONFIGS}/{last}", headers=CM_AUTH)
    assert cm_error("getImportConfig", stale, 404)


def old_file(path: Path) -> None:
    """A database as the store made it before ids were AUTOINCREMENT: 3 jobs, the first deleted."""
    old_schema = SCHEMA.replace(" AUTOINCREMENT", "")
    assert old_schema != SCHEMA
    conn = sqlite3.connect(path)
    try:
        conn.executescript(old_schema)
        for n in range(3):
            conn.execute(
                "INSERT INTO w50_jobs (account_id, list_id, field_names_json, status, created_at) "
                "VALUES ('acme', 1, '[]', 'Created', ?)",
                (f"t{n}",),
            )
        conn.execute("DELETE FROM w50_jobs WHERE id = 1")
        conn.commit()
    finally:
        conn.close()


def table_sql(store: Store) -> dict[str, Any]:
    with store.read() as conn:
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))


def insert_job(store: Store) -> int:
    with store.write() as conn:
        cursor = conn.execute(
            "INSERT INTO w50_jobs (account_id, list_id, field_names_json, status, created_at) "
            "VALUES ('acme', 1, '[]', 'Created', 'now')"
        )
        return int(cursor.lastrowid or 0)


def test_a_file_from_before_autoincrement_is_rebuilt_keeping_rows_ids_and_indexes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    old_file(path)
    store = Store(path)
    try:
        sql = table_sql(store)
        for table in ID_TABLES:
            assert "AUTOINCREMENT" in sql[table].upper(), table
        assert {"w50_jobs_status", "w50_contacts_list", "cm_queue_status"} <= set(sql)
        assert not any(name.endswith("__autoincrement") for name in sql)
        with store.read() as conn:
            rows = conn.execute("SELECT id, created_at FROM w50_jobs ORDER BY id").fetchall()
        assert rows == [(2, "t1"), (3, "t2")]
        store.reset()
        assert insert_job(store) == 4
    finally:
        store.close()
    again = Store(path)  # opened again: nothing left to rebuild, ids go on
    try:
        assert table_sql(again) == sql
        assert insert_job(again) == 5
    finally:
        again.close()


async def test_a_file_with_contact_ids_of_the_mac_only_kind_still_finds_those_contacts(
    tmp_path: Path,
) -> None:
    """Contact ids now name their row (no index on them is kept up); a file made before holds
    ids that do not, found through an index on the ids, beside new ones that do."""
    import hashlib

    path = tmp_path / "old-ids.db"
    secret = bytes(range(32))
    digest = hashlib.blake2b(b"w50-contact:1", key=secret, digest_size=18).digest()
    old_id = base64.urlsafe_b64encode(digest).decode("ascii")
    conn = sqlite3.connect(path)
    try:
        conn.executescript(SCHEMA.replace("enc_id TEXT NOT NULL,", "enc_id TEXT NOT NULL UNIQUE,"))
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('contact_id_secret', ?)", (secret.hex(),)
        )
        conn.execute(
            "INSERT INTO w50_contacts (id, list_id, enc_id, values_json, created_at, updated_at) "
            "VALUES (1, ?, ?, '{\"FirstName\": \"Old\"}', 't', 't')",
            (CUSTOMERS, old_id),
        )
        conn.commit()
    finally:
        conn.close()
    app = create_app(db=path)
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://s") as http:
            found = await http.get(f"{W50}/contacts/{old_id}", headers=W50_AUTH)
            assert check("which50", "getContact", found)["Values"] == {"FirstName": "Old"}
            new = check("which50", "upsertContact", await upsert(http, {"FirstName": "New"}))
            again = await http.get(f"{W50}/contacts/{new['EncContactId']}", headers=W50_AUTH)
            assert check("which50", "getContact", again) == new
            altered = old_id[:-2] + ("AA" if old_id[-2:] != "AA" else "BB")
            missing = await http.get(f"{W50}/contacts/{altered}", headers=W50_AUTH)
            assert w50_error("getContact", missing, 404)
    finally:
        app.state.sandbox.close()


def test_a_new_file_keeps_no_index_on_contact_ids(tmp_path: Path) -> None:
    store = Store(tmp_path / "new.db")
    try:
        with store.read() as conn:
            indexes = [str(row[1]) for row in conn.execute("PRAGMA index_list(w50_contacts)")]
        assert indexes == ["w50_contacts_list"]
        assert not store.legacy_contact_ids
    finally:
        store.close()
