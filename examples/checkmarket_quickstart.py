"""Bulk-import contacts into CheckMarket with the typed client.

    CHECKMARKET_MASTER_KEY=cm-acme-master CHECKMARKET_KEY=cm-acme-contacts-write \\
    CHECKMARKET_BASE_URL=http://127.0.0.1:8080 python examples/checkmarket_quickstart.py

Without CHECKMARKET_BASE_URL the client talks to the vendor (`region="eu"` etc. to pick a host).
"""

from __future__ import annotations

import time

from contactimport.checkmarket import CheckMarket
from contactimport.errors import ContactImportError
from contactimport.generated.checkmarket_client.types import Unset
from contactimport.workflows import queue_states

FINAL = queue_states().final  # the StatusIds the spec's x-status-values marks final


def main() -> None:
    with CheckMarket() as cm:  # keys and base URL from the environment
        created = cm.create_import_config(
            {"Name": "API import", "IsReusable": True, "EmailIsRequired": True, "UpdateTypeId": 1}
        )
        config_id = created.data.import_config_id
        assert isinstance(config_id, int)
        queued = cm.bulk_import_contacts(
            config_id,
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
        queue_item_id = queued.data.queue_item_id
        assert isinstance(queue_item_id, int)
        while (result := cm.get_import_result(queue_item_id)).data.status_id not in FINAL:
            time.sleep(0.1)
        summary = result.data.result  # generated models mark absent members as UNSET
        rows = [] if isinstance(summary, Unset) else summary.import_result
        for row in [] if isinstance(rows, Unset) else rows:
            print(f"{row.result_code}: {row.contact_count} contact(s)")
        cm.delete_import_config(config_id)


if __name__ == "__main__":
    try:
        main()
    except ContactImportError as error:
        raise SystemExit(f"import failed: {error}") from None
