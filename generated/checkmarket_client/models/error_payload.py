# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_data import ErrorData
    from ..models.hateoas import Hateoas
    from ..models.meta_data import MetaData


T = TypeVar("T", bound="ErrorPayload")


@_attrs_define
class ErrorPayload:
    """The response to a failed request: `Meta.Status` is the HTTP status and `Data` says what went wrong, as an error
    object or as plain text.

        Attributes:
            meta (MetaData): What the response is about: its status code, paging of list results and when it was produced.
                Every member is optional; live responses leave null members out.
            data (ErrorData | str | Unset): What went wrong, as an error object or as plain text.
            links (Hateoas | Unset): Links to the requests that naturally follow this one (next page, update, delete, ...).
                Every member is optional.
    """

    meta: MetaData
    data: ErrorData | str | Unset = UNSET
    links: Hateoas | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_data import ErrorData  # noqa: PLC0415

        meta = self.meta.to_dict()

        data: dict[str, Any] | str | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, ErrorData):
            data = self.data.to_dict()
        else:
            data = self.data

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Meta": meta,
            }
        )
        if data is not UNSET:
            field_dict["Data"] = data
        if links is not UNSET:
            field_dict["Links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_data import ErrorData  # noqa: PLC0415
        from ..models.hateoas import Hateoas  # noqa: PLC0415
        from ..models.meta_data import MetaData  # noqa: PLC0415

        d = dict(src_dict)
        meta = MetaData.from_dict(d.pop("Meta"))

        def _parse_data(data: object) -> ErrorData | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_1 = ErrorData.from_dict(data)

                return data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorData | str | Unset, data)

        data = _parse_data(d.pop("Data", UNSET))

        _links = d.pop("Links", UNSET)
        links: Hateoas | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = Hateoas.from_dict(_links)

        error_payload = cls(
            meta=meta,
            data=data,
            links=links,
        )

        error_payload.additional_properties = d
        return error_payload

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
