# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_result_summary import ImportResultSummary


T = TypeVar("T", bound="ImportQueueItem")


@_attrs_define
class ImportQueueItem:
    """A bulk import in the queue: its status and, once processed, how many contacts got each result code. The vendor's
    type is `QueueItem<ImportContactsTaskResult>` (contract name `QueueItemOfImportContactsTaskResult`).

        Attributes:
            queue_item_id (int): The import's id in the queue.
            status_id (int): The import's state: 1 queued, 2 processing, 3 failed, 4 completed. Only 4 is final with a
                complete `Result`.
            result (ImportResultSummary | Unset): The result of a processed import, as counts per result code.
    """

    queue_item_id: int
    status_id: int
    result: ImportResultSummary | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        queue_item_id = self.queue_item_id

        status_id = self.status_id

        result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = self.result.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "QueueItemId": queue_item_id,
                "StatusId": status_id,
            }
        )
        if result is not UNSET:
            field_dict["Result"] = result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_result_summary import ImportResultSummary  # noqa: PLC0415

        d = dict(src_dict)
        queue_item_id = d.pop("QueueItemId")

        status_id = d.pop("StatusId")

        _result = d.pop("Result", UNSET)
        result: ImportResultSummary | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = ImportResultSummary.from_dict(_result)

        import_queue_item = cls(
            queue_item_id=queue_item_id,
            status_id=status_id,
            result=result,
        )

        import_queue_item.additional_properties = d
        return import_queue_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
