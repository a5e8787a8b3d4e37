"""Bulk-import contacts into CheckMarket with the typed client.

    CHECKMARKET_MASTER_KEY=cm-acme-master CHECKMARKET_KEY=cm-acme-contacts-write \\
    CHECKMARKET_BASE_URL=http://127.0.0.1:8080 python examples/checkmarket_quickstart.py

Without CHECKMARKET_BASE_URL the client talks to the vendor (`region="eu"` etc. to pick a host).
"""

from __future__ import annotations

import time

from contactimport import CheckMarket, ContactImportError
from contactimport.workflows import queue_states

FINAL = queue_states().final  # the StatusIds the spec's x-status-values marks final


def main() -> None:
    with CheckMarket() as cm:  # keys and base URL from the environment
        created = cm.create_import_config(
            {"Name": "API import", "IsReusable": True, "EmailIsRequired": True, "UpdateTypeId": 1}
        )  # the Payload's Data; Succeeded: false raises OperationFailedError
        queued = cm.bulk_import_contacts(
            created.import_config_id,
            [
                {
                    "FirstName": "Ada",
                    "LastName": "Lovelace",
                    "Email": "ada@example.com",
                    "LangCode": "en",
                },
                {"FirstName": "No", "LastName": "Email", "LangCode": "en"},
            ],
        )
        while (result := cm.get_import_result(queued.queue_item_id)).status_id not in FINAL:
            time.sleep(0.1)
        if result.result:  # absent until the import has run
            for row in result.result.import_result:
                print(f"{row.result_code}: {row.contact_count} contact(s)")
        raw = cm.with_raw_response.get_import_result(queued.queue_item_id)
        print("answered", raw.status_code, "at", raw.meta.timestamp)  # Meta via the raw answer
        cm.delete_import_config(created.import_config_id)


if __name__ == "__main__":
    try:
        main()
    except ContactImportError as error:
        raise SystemExit(f"import failed: {error}") from None
