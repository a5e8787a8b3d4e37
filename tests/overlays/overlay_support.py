"""Constants and helpers shared by the overlay client tests (imported by conftest and tests)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import httpx
from contactimport.transport import RetryPolicy

W50_TOKEN = "w50-acme-full"
W50_READONLY_TOKEN = "w50-acme-readonly"
W50_OTHER_TOKEN = "w50-globex-full"
CM_MASTER = "cm-acme-master"
CM_KEY = "cm-acme-contacts-write"
CM_READ_KEY = "cm-acme-contacts-read"
SANDBOX_ADMIN = {"X-Sandbox-Admin-Key": "sandbox-admin-local"}  # /_sandbox/faults and reset
CUSTOMERS_LIST = 1  # the default fixtures' "Customers" list: Email, Mobile, FirstName, ...

FAST_RETRIES = RetryPolicy(max_retries=3, initial_backoff=0.001, max_backoff=0.01, jitter=0.5)


@dataclass
class LiveSandbox:
    """A sandbox served by uvicorn over real HTTP."""

    origin: str
    app: Any

    @property
    def w50_url(self) -> str:
        return f"{self.origin}/Which50API"

    @property
    def cm_url(self) -> str:
        return self.origin

    def set_faults(self, *rules: dict[str, Any], seed: int = 7) -> None:
        response = httpx.put(
            f"{self.origin}/_sandbox/faults",
            json={"seed": seed, "rules": list(rules)},
            headers=SANDBOX_ADMIN,
        )
        response.raise_for_status()

    def clear_faults(self) -> None:
        httpx.delete(f"{self.origin}/_sandbox/faults", headers=SANDBOX_ADMIN).raise_for_status()


def run(coroutine: Any) -> Any:
    """Run a coroutine to completion (the async tests need no pytest plugin)."""
    return asyncio.run(coroutine)
