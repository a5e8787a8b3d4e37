"""CheckMarket v3's operations: each handler reads its call and asks the domain
(``checkmarket.CheckMarket``); answers carry CheckMarket's ``Meta``."""

from __future__ import annotations

from typing import Any

from .answers import cm_meta
from .checkmarket import FINAL_STATUSES
from .errors import BadRequest
from .operations import Call, Handler, Result
from .state import Sandbox


def cm_handlers(sandbox: Sandbox) -> dict[str, Handler]:
    cm = sandbox.checkmarket

    def ok(data: Any, schema: str, **meta: Any) -> Result:
        return Result({"Meta": cm_meta(200, **meta), "Data": data}, schema)

    def create(call: Call) -> Result:
        failure = cm.check_links(call.account, call.body)
        if failure is not None:
            return ok({"Succeeded": False, "FailureMessage": failure}, "CreateImportConfigPayload")
        config_id = cm.create_config(call.account, call.body)
        return ok({"ImportConfigId": config_id, "Succeeded": True}, "CreateImportConfigPayload")

    def list_configs(call: Call) -> Result:
        configs = cm.list_configs(call.account)
        return ok(configs, "ImportConfigListPayload", TotalRowCount=len(configs))

    def get_config(call: Call) -> Result:
        return ok(cm.get_config(call.account, call.params["importConfigId"]), "ImportConfigPayload")

    def update(call: Call) -> Result:
        """Body: full replace (``name`` wins over its Name); ``name`` alone: rename."""
        name = call.request.query_params.get("name")
        config_id = call.params["importConfigId"]
        if name is not None and not 1 <= len(name) <= 50:
            raise BadRequest("The request is invalid. name: must be 1 to 50 characters long.")
        cm.get_config(call.account, config_id)  # 404 before anything else
        if not call.has_body:
            if name is None:
                return ok(
                    {
                        "Succeeded": False,
                        "FailureMessage": "Send a body to replace the configuration, or the "
                        "name parameter to rename it.",
                    },
                    "ImportConfigActionPayload",
                )
            cm.rename_config(call.account, config_id, name)
            return ok({"Succeeded": True}, "ImportConfigActionPayload")
        config = dict(call.body)
        if name is not None:
            config["Name"] = name
        failure = cm.check_links(call.account, config)
        if failure is not None:
            return ok({"Succeeded": False, "FailureMessage": failure}, "ImportConfigActionPayload")
        cm.replace_config(call.account, config_id, config)
        return ok({"Succeeded": True}, "ImportConfigActionPayload")

    def delete(call: Call) -> Result:
        cm.delete_config(call.account, call.params["importConfigId"])
        return ok({"Succeeded": True}, "ImportConfigActionPayload")

    def bulk(call: Call) -> Result:
        item = cm.queue_import(call.account, call.params["importConfigId"], call.body)
        sandbox.worker.wake()
        return ok({"QueueItemId": item}, "BulkImportPayload")

    def result(call: Call) -> Result:
        value = cm.import_result(call.account, call.params["queueItemId"])
        if value["StatusId"] not in FINAL_STATUSES:
            value.pop("Result")  # "absent until the import has been processed"
        return ok(value, "ImportResultPayload")

    return {
        "createImportConfig": create,
        "listImportConfigs": list_configs,
        "getImportConfig": get_config,
        "updateImportConfig": update,
        "deleteImportConfig": delete,
        "bulkImportContacts": bulk,
        "getImportResult": result,
        "getImportResultLegacy": result,
    }
