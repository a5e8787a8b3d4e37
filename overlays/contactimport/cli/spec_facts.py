"""The facts of the two specs the CLI shows or checks, read from ``contactimport.generated.spec``.

Help texts and option choices are built from these when the command modules are imported, so the
CLI follows the spec: the W50 batch limit (``maxItems``), the CheckMarket ``ImportContact``
members, ``ResultCode`` meanings, ``ImportConfig.Name`` length limits, ``UpdateTypeId`` values,
descriptions and default, and the states of a W50 ``ImportJob.CurrentStatus`` and a CheckMarket
``ImportQueueItem.StatusId``.

Which states are final, and whether a final one failed, is marked in the spec: each
``x-status-values`` item has a ``stage`` and, when final, an ``outcome``. :func:`job_states` and
:func:`queue_states` are the workflows' readers of those lists (:mod:`..workflows.states`), so
the CLI decides what a state means exactly as the import it runs does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import _spec
from .._spec import ApiName
from ..workflows.checkmarket import (
    contact_properties,
    queue_states,
    queue_status,
    result_code_meanings,
)
from ..workflows.which50 import job_states, upload_batch_limit

__all__ = [
    "config_name_length",
    "contact_properties",
    "default_update_type",
    "job_states",
    "queue_states",
    "queue_status",
    "result_code_label",
    "result_code_meanings",
    "spec_document",
    "update_types",
    "upload_batch_limit",
]


def spec_document(api: ApiName) -> Mapping[str, Any]:
    """The API's spec, as ``contactimport.generated.spec`` holds it."""
    return _spec.document(api)


def _schemas(api: ApiName, document: Mapping[str, Any] | None) -> Mapping[str, Any]:
    schemas: Mapping[str, Any] = _spec.document(api, document)["components"]["schemas"]
    return schemas


def _config_property(name: str, document: Mapping[str, Any] | None) -> Mapping[str, Any]:
    member: Mapping[str, Any] = _schemas("checkmarket", document)["ImportConfig"]["properties"][
        name
    ]
    return member


def config_name_length(document: Mapping[str, Any] | None = None) -> tuple[int, int]:
    """``(minLength, maxLength)`` of a CheckMarket ``ImportConfig.Name``."""
    name = _config_property("Name", document)
    return int(name.get("minLength", 0)), int(name["maxLength"])


def update_types(document: Mapping[str, Any] | None = None) -> dict[int, str]:
    """``{UpdateTypeId: description}`` from the ``UpdateType`` enum and its descriptions."""
    member = _config_property("UpdateTypeId", document)
    schema: Mapping[str, Any] = member
    for part in member.get("allOf", ()):
        reference = str(part.get("$ref", ""))
        if reference.startswith("#/components/schemas/"):
            schema = _schemas("checkmarket", document)[reference.rsplit("/", 1)[1]]
    values = [int(value) for value in schema["enum"]]
    descriptions = [str(text) for text in schema.get("x-enum-descriptions", ())]
    if len(descriptions) != len(values):
        descriptions = [str(value) for value in values]
    return dict(zip(values, descriptions, strict=True))


def default_update_type(document: Mapping[str, Any] | None = None) -> int:
    """The ``UpdateTypeId`` a configuration gets when it names none (the member's ``default``)."""
    return int(_config_property("UpdateTypeId", document)["default"])


def result_code_label(code: str, document: Mapping[str, Any] | None = None) -> str:
    """``"R0308 Invalid email address"``: a result code with its meaning (the code alone if the
    spec does not list it)."""
    meaning = result_code_meanings(document).get(code)
    return code if meaning is None else f"{code} {meaning}"
