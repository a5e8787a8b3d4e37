# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ExactDateTime, Unset

T = TypeVar("T", bound="MetaData")


@_attrs_define
class MetaData:
    """What the response is about: its status code, paging of list results and when it was produced. Every member is
    optional; live responses leave null members out.

        Attributes:
            status (int | Unset): The HTTP status code of the response (200 on success).
            total_row_count (int | Unset): For list results, the number of items in all pages.
            limit (int | Unset): For list results, the page size.
            offset (int | Unset): For list results, the number of items skipped before this page.
            total_page_count (int | Unset): For list results, the number of pages.
            start_rec (int | Unset): For list results, the position of the page's first item.
            stop_rec (int | Unset): For list results, the position of the page's last item.
            timestamp (datetime.datetime | Unset): When the response was produced.
            is_filtered (bool | Unset): For list results, whether a filter was applied.
    """

    status: int | Unset = UNSET
    total_row_count: int | Unset = UNSET
    limit: int | Unset = UNSET
    offset: int | Unset = UNSET
    total_page_count: int | Unset = UNSET
    start_rec: int | Unset = UNSET
    stop_rec: int | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET
    is_filtered: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        total_row_count = self.total_row_count

        limit = self.limit

        offset = self.offset

        total_page_count = self.total_page_count

        start_rec = self.start_rec

        stop_rec = self.stop_rec

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        is_filtered = self.is_filtered

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["Status"] = status
        if total_row_count is not UNSET:
            field_dict["TotalRowCount"] = total_row_count
        if limit is not UNSET:
            field_dict["Limit"] = limit
        if offset is not UNSET:
            field_dict["Offset"] = offset
        if total_page_count is not UNSET:
            field_dict["TotalPageCount"] = total_page_count
        if start_rec is not UNSET:
            field_dict["StartRec"] = start_rec
        if stop_rec is not UNSET:
            field_dict["StopRec"] = stop_rec
        if timestamp is not UNSET:
            field_dict["Timestamp"] = timestamp
        if is_filtered is not UNSET:
            field_dict["IsFiltered"] = is_filtered

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("Status", UNSET)

        total_row_count = d.pop("TotalRowCount", UNSET)

        limit = d.pop("Limit", UNSET)

        offset = d.pop("Offset", UNSET)

        total_page_count = d.pop("TotalPageCount", UNSET)

        start_rec = d.pop("StartRec", UNSET)

        stop_rec = d.pop("StopRec", UNSET)

        _timestamp = d.pop("Timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = ExactDateTime.parse(_timestamp)

        is_filtered = d.pop("IsFiltered", UNSET)

        meta_data = cls(
            status=status,
            total_row_count=total_row_count,
            limit=limit,
            offset=offset,
            total_page_count=total_page_count,
            start_rec=start_rec,
            stop_rec=stop_rec,
            timestamp=timestamp,
            is_filtered=is_filtered,
        )

        meta_data.additional_properties = d
        return meta_data

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
