# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hateoas import Hateoas
    from ..models.import_queue_item import ImportQueueItem
    from ..models.meta_data import MetaData


T = TypeVar("T", bound="ImportResultPayload")


@_attrs_define
class ImportResultPayload:
    """The response to reading a bulk import's result.

    Attributes:
        data (ImportQueueItem): A bulk import in the queue: its status and, once processed, how many contacts got each
            result code. The vendor's type is `QueueItem<ImportContactsTaskResult>` (contract name
            `QueueItemOfImportContactsTaskResult`).
        meta (MetaData): What the response is about: its status code, paging of list results and when it was produced.
            Every member is optional; live responses leave null members out.
        links (Hateoas | Unset): Links to the requests that naturally follow this one (next page, update, delete, ...).
            Every member is optional.
    """

    data: ImportQueueItem
    meta: MetaData
    links: Hateoas | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        meta = self.meta.to_dict()

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Data": data,
                "Meta": meta,
            }
        )
        if links is not UNSET:
            field_dict["Links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hateoas import Hateoas  # noqa: PLC0415
        from ..models.import_queue_item import ImportQueueItem  # noqa: PLC0415
        from ..models.meta_data import MetaData  # noqa: PLC0415

        d = dict(src_dict)
        data = ImportQueueItem.from_dict(d.pop("Data"))

        meta = MetaData.from_dict(d.pop("Meta"))

        _links = d.pop("Links", UNSET)
        links: Hateoas | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = Hateoas.from_dict(_links)

        import_result_payload = cls(
            data=data,
            meta=meta,
            links=links,
        )

        import_result_payload.additional_properties = d
        return import_result_payload

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
