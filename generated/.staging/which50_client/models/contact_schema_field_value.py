# Generated from spec/which50.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactSchemaFieldValue")


@_attrs_define
class ContactSchemaFieldValue:
    """One of the fixed values a contact list field may take.

    Attributes:
        id (int): The value's id.
        value (None | str): The value itself, as it is stored in a contact's Values.
        order (int): The value's place in the list of values (ascending).
        in_use (bool): Whether the value is currently offered (false for retired values).
    """

    id: int
    value: None | str
    order: int
    in_use: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        value: None | str
        value = self.value

        order = self.order

        in_use = self.in_use

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Value": value,
                "Order": order,
                "InUse": in_use,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("Id")

        def _parse_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        value = _parse_value(d.pop("Value"))

        order = d.pop("Order")

        in_use = d.pop("InUse")

        contact_schema_field_value = cls(
            id=id,
            value=value,
            order=order,
            in_use=in_use,
        )

        contact_schema_field_value.additional_properties = d
        return contact_schema_field_value

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
