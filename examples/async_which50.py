"""The async client: several requests in flight over one connection pool.

WHICH50_API_TOKEN=... WHICH50_BASE_URL=... python examples/async_which50.py
"""

from __future__ import annotations

import asyncio

from contactimport.querystring import MatchOn
from contactimport.which50 import AsyncWhich50, contact

LIST_ID = 1


async def main() -> None:
    async with AsyncWhich50(wire_format="xml") as w50:
        saved = await asyncio.gather(
            *(
                w50.upsert_contact(
                    LIST_ID,
                    contact({"Email": f"async-{n}@example.com", "FirstName": f"Async {n}"}),
                    match=MatchOn("Email"),  # a retried request cannot insert a duplicate
                )
                for n in range(5)
            )
        )
        print("saved", len(saved), "contacts:", ", ".join(str(c.enc_contact_id) for c in saved))


if __name__ == "__main__":
    asyncio.run(main())
