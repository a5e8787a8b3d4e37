# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HateoasLink")


@_attrs_define
class HateoasLink:
    """A link to a related request.

    Attributes:
        href (str | Unset): The URL to call.
        title (str | Unset): What the link does.
        method (str | Unset): The HTTP method to call it with.
    """

    href: str | Unset = UNSET
    title: str | Unset = UNSET
    method: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        href = self.href

        title = self.title

        method = self.method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if href is not UNSET:
            field_dict["Href"] = href
        if title is not UNSET:
            field_dict["Title"] = title
        if method is not UNSET:
            field_dict["Method"] = method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        href = d.pop("Href", UNSET)

        title = d.pop("Title", UNSET)

        method = d.pop("Method", UNSET)

        hateoas_link = cls(
            href=href,
            title=title,
            method=method,
        )

        hateoas_link.additional_properties = d
        return hateoas_link

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
