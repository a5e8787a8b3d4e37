"""End-to-end helpers: a handle on a running sandbox, the fixtures' public credentials.

``Sandbox.contacts(list_id)`` reads a list's contacts straight from the sandbox's database: the
W50API has no "list contacts" operation, and these tests must check contents, not only counters.
"""

from __future__ import annotations

import json
import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

W50_TOKEN = "w50-acme-full"
CM_MASTER_KEY = "cm-acme-master"
CM_KEY = "cm-acme-contacts-write"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Sandbox:
    url: str
    db: Path

    @property
    def which50_url(self) -> str:
        return f"{self.url}/Which50API"

    def contacts(self, list_id: int) -> list[dict[str, Any]]:
        """The ``Values`` of every contact of a W50 list, in insertion order."""
        with sqlite3.connect(self.db) as connection:
            rows = connection.execute(
                "SELECT values_json FROM w50_contacts WHERE list_id = ? ORDER BY id", (list_id,)
            ).fetchall()
        return [json.loads(row[0]) for row in rows]

    def set_faults(self, settings: dict[str, Any] | None) -> None:
        if settings is None:
            httpx.delete(f"{self.url}/_sandbox/faults").raise_for_status()
        else:
            httpx.put(f"{self.url}/_sandbox/faults", json=settings).raise_for_status()

    def env(self) -> dict[str, str]:
        """Environment variables pointing the CLI at this sandbox with full credentials."""
        return {
            "WHICH50_BASE_URL": self.which50_url,
            "WHICH50_API_TOKEN": W50_TOKEN,
            "CHECKMARKET_BASE_URL": self.url,
            "CHECKMARKET_MASTER_KEY": CM_MASTER_KEY,
            "CHECKMARKET_KEY": CM_KEY,
        }
