"""End-to-end helpers: a handle on a running sandbox, the fixtures' public credentials.

``Sandbox.contacts(list_id)`` reads a list's contacts over HTTP from the sandbox-only endpoint
``GET /_sandbox/which50/contact-lists/{id}/contacts``: the W50API has no "list contacts"
operation, and these tests must check contents, not only counters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

W50_TOKEN = "w50-acme-full"
CM_MASTER_KEY = "cm-acme-master"
CM_KEY = "cm-acme-contacts-write"
SANDBOX_ADMIN = {"X-Sandbox-Admin-Key": "sandbox-admin-local"}  # /_sandbox/faults and reset


@dataclass
class Sandbox:
    url: str

    @property
    def which50_url(self) -> str:
        return f"{self.url}/Which50API"

    def contact_records(self, list_id: int) -> list[dict[str, Any]]:
        """Every contact of a W50 list (``EncContactId``, ``Values``, ``ValidationWarnings``), in
        insertion order, read page by page (10,000 a page) with the account's token."""
        records: list[dict[str, Any]] = []
        params = {"limit": "10000"}
        url = f"{self.url}/_sandbox/which50/contact-lists/{list_id}/contacts"
        with httpx.Client(headers={"Authorization": f"Bearer {W50_TOKEN}"}, timeout=60) as http:
            while True:
                response = http.get(url, params=params)
                response.raise_for_status()
                page = response.json()
                records += page["Contacts"]
                if page["Next"] is None:
                    return records
                params["after"] = str(page["Next"])

    def contacts(self, list_id: int) -> list[dict[str, Any]]:
        """The ``Values`` of every contact of a W50 list, in insertion order."""
        return [record["Values"] for record in self.contact_records(list_id)]

    def set_faults(self, settings: dict[str, Any] | None) -> None:
        if settings is None:
            httpx.delete(f"{self.url}/_sandbox/faults", headers=SANDBOX_ADMIN).raise_for_status()
        else:
            answer = httpx.put(f"{self.url}/_sandbox/faults", json=settings, headers=SANDBOX_ADMIN)
            answer.raise_for_status()

    def env(self) -> dict[str, str]:
        """Environment variables pointing the CLI at this sandbox with full credentials."""
        return {
            "WHICH50_BASE_URL": self.which50_url,
            "WHICH50_API_TOKEN": W50_TOKEN,
            "CHECKMARKET_BASE_URL": self.url,
            "CHECKMARKET_MASTER_KEY": CM_MASTER_KEY,
            "CHECKMARKET_KEY": CM_KEY,
        }
