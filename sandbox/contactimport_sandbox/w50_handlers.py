"""The W50API's operations: each handler reads its call and asks the domain (``w50.Which50``)."""

from __future__ import annotations

from contactimport.querystring import list_item_rule

from .operations import Call, Handler, Result, comma_list
from .state import Sandbox


def w50_handlers(sandbox: Sandbox) -> dict[str, Handler]:
    w50 = sandbox.which50
    match_rule = list_item_rule("match", sandbox.documents["which50"])
    events_rule = list_item_rule("customevents", sandbox.documents["which50"])

    def match_args(call: Call, patch: bool) -> tuple[list[str], dict[str, str] | None, list[str]]:
        match = comma_list(call.request, "match", match_rule)
        events = comma_list(call.request, "customevents", events_rule)
        values = None
        if patch:
            values = {
                k: v
                for k, v in call.request.query_params.items()
                if k not in ("match", "customevents")
            }
        return match, values, events

    def list_contact_lists(call: Call) -> Result:
        return Result(w50.list_contact_lists(call.account), "ArrayOfContactsList")

    def list_fields(call: Call) -> Result:
        return Result(
            w50.list_fields(call.account, call.params["contactListId"]), "ArrayOfContactSchemaField"
        )

    def get_field(call: Call) -> Result:
        value = w50.get_field(call.account, call.params["contactListId"], call.params["fieldId"])
        return Result(value, "ContactSchemaField")

    def create_job(call: Call) -> Result:
        job = w50.create_job(call.account, call.params["contactListId"], call.body["FieldNames"])
        return Result(job, "ImportJob")

    def upload(call: Call) -> Result:
        job = w50.upload_batch(
            call.account, call.params["contactListId"], call.params["importJobId"], call.body
        )
        return Result(job, "ImportJob")

    def get_job(call: Call) -> Result:
        job = w50.get_job(call.account, call.params["contactListId"], call.params["importJobId"])
        return Result(job, "ImportJob")

    def run(patch: bool) -> Handler:
        def handler(call: Call) -> Result:
            match, values, events = match_args(call, patch)
            job = w50.run_job(
                call.account,
                call.params["contactListId"],
                call.params["importJobId"],
                match,
                values,
                events,
            )
            sandbox.worker.wake()
            return Result(job, "ImportJob")

        return handler

    def upsert(patch: bool) -> Handler:
        def handler(call: Call) -> Result:
            match, values, events = match_args(call, patch)
            contact, matched = w50.upsert_contact(
                call.account, call.params["contactListId"], call.body, match, values, events
            )
            headers = {"X-Updated-Count": str(matched)} if patch else {}
            return Result(contact, "Contact", headers=headers)

        return handler

    def get_contact(call: Call) -> Result:
        return Result(w50.get_contact(call.account, call.params["contactId"]), "Contact")

    return {
        "listContactLists": list_contact_lists,
        "listContactListFields": list_fields,
        "getContactListField": get_field,
        "createImportJob": create_job,
        "uploadImportBatch": upload,
        "getImportJob": get_job,
        "runImportJob": run(False),
        "runImportJobPut": run(False),
        "runImportJobPatch": run(True),
        "upsertContact": upsert(False),
        "upsertContactPut": upsert(False),
        "patchContacts": upsert(True),
        "getContact": get_contact,
    }
