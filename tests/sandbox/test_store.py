"""The store: ids are never handed out twice (not after a delete, not after a reset, not in a file
made before that rule)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest
from contactimport_sandbox.store import ID_TABLES, SCHEMA, Store

from .conftest import CM_AUTH, CUSTOMERS, W50, W50_AUTH, check, cm_error, upsert, w50_error
from .test_checkmarket import CONFIGS, bulk, create, result

pytestmark = pytest.mark.anyio

JOBS = f"{W50}/contactLists/{CUSTOMERS}/import"


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
    assert (await client.post("/_sandbox/reset")).json() == {"reset": True}
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
