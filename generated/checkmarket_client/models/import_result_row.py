# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ImportResultRow")


@_attrs_define
class ImportResultRow:
    """How many contacts of the import got one result code.

    Attributes:
        result_code (str): A per-contact import result code, `R` and four digits. The known codes and their meanings are
            in `x-result-codes`; other codes are valid too. Each known code's `outcome` says what it means for the contact:
            `imported` (created or updated), `rejected` (not imported) or `warning` (reported in addition to the contact's
            `imported` code, so not a contact of its own).
        contact_count (int): How many contacts got it.
    """

    result_code: str
    contact_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result_code = self.result_code

        contact_count = self.contact_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ResultCode": result_code,
                "ContactCount": contact_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        result_code = d.pop("ResultCode")

        contact_count = d.pop("ContactCount")

        import_result_row = cls(
            result_code=result_code,
            contact_count=contact_count,
        )

        import_result_row.additional_properties = d
        return import_result_row

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
