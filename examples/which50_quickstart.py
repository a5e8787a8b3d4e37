"""Import contacts into a Which50 contact list with the typed client.

Run against the sandbox (`python -m contactimport_sandbox --db :memory:` in another shell):

    WHICH50_API_TOKEN=w50-acme-full WHICH50_BASE_URL=http://127.0.0.1:8080/Which50API \\
        python examples/which50_quickstart.py
"""

from __future__ import annotations

import time

from contactimport.errors import ContactImportError, NotFoundError
from contactimport.querystring import CustomEvents, MatchOn, MatchValues
from contactimport.which50 import Which50, contact
from contactimport.workflows import TERMINAL_STATES

LIST_ID = 1  # the sandbox's "Customers" list


def main() -> None:
    # Credentials and base URL come from WHICH50_API_TOKEN / WHICH50_BASE_URL.
    with Which50() as w50:
        fields = [field.name for field in w50.list_contact_list_fields(LIST_ID)]
        print("fields:", ", ".join(str(name) for name in fields))

        # 1. A bulk import: create a job, load a batch, run it matching on Email.
        job = w50.create_import_job(LIST_ID, ["Email", "FirstName", "ReferanceAccountId"])
        w50.upload_import_batch(
            LIST_ID,
            job.id,
            [
                contact({"Email": "ada@example.com", "FirstName": "Ada", "ReferanceAccountId": 1}),
                contact(
                    {"Email": "alan@example.com", "FirstName": "Alan", "ReferanceAccountId": 2}
                ),
            ],
        )
        w50.run_import_job(
            LIST_ID,
            job.id,
            match=MatchOn("Email"),  # update contacts with the same Email, insert the others
            custom_events=CustomEvents("SendWelcomeEmail", "SendEventInvite"),
            check_fields=True,  # fail before sending if Email is not a field of the list
        )
        # Finished or Failed: the job states the spec marks final.
        while (status := w50.get_import_job(LIST_ID, job.id)).current_status not in TERMINAL_STATES:
            time.sleep(0.1)
        print(
            f"job {status.id}: {status.current_status}, inserted {status.inserted_contacts}, "
            f"updated {status.updated_contacts}"
        )

        # 2. One contact at a time; this call speaks DataContract XML on the wire.
        ada = w50.upsert_contact(
            LIST_ID,
            contact({"Email": "ada@example.com", "FirstName": "Augusta Ada"}),
            match=MatchOn("Email"),
            wire_format="xml",
        )
        # 3. PATCH: update every contact whose ReferanceAccountId is 2.
        w50.patch_contacts(
            LIST_ID, contact({"FirstName": "Alan M."}), match=MatchValues({"ReferanceAccountId": 2})
        )
        if ada.enc_contact_id:  # None or absent would be falsy: no isinstance needed
            print("ada is now:", w50.get_contact(ada.enc_contact_id).values.to_dict())
        try:
            w50.get_contact("no-such-contact")
        except NotFoundError as error:
            print("as expected:", error.status_code, error.message)


if __name__ == "__main__":
    try:
        main()
    except ContactImportError as error:
        raise SystemExit(f"import failed: {error}") from None
