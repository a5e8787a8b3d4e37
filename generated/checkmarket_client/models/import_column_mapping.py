# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportColumnMapping")


@_attrs_define
class ImportColumnMapping:
    """One column of an uploaded file and the contact field it fills (web tool only; not used by API imports).

    Attributes:
        source_column_number (int | Unset): The column's number in the file.
        target_column_name (str | Unset): The contact field the column fills.
    """

    source_column_number: int | Unset = UNSET
    target_column_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source_column_number = self.source_column_number

        target_column_name = self.target_column_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if source_column_number is not UNSET:
            field_dict["SourceColumnNumber"] = source_column_number
        if target_column_name is not UNSET:
            field_dict["TargetColumnName"] = target_column_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source_column_number = d.pop("SourceColumnNumber", UNSET)

        target_column_name = d.pop("TargetColumnName", UNSET)

        import_column_mapping = cls(
            source_column_number=source_column_number,
            target_column_name=target_column_name,
        )

        import_column_mapping.additional_properties = d
        return import_column_mapping

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
