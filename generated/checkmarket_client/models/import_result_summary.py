# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_result_row import ImportResultRow


T = TypeVar("T", bound="ImportResultSummary")


@_attrs_define
class ImportResultSummary:
    """The result of a processed import, as counts per result code.

    Attributes:
        import_result (list[ImportResultRow]): One row per result code that occurred.
    """

    import_result: list[ImportResultRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        import_result = []
        for import_result_item_data in self.import_result:
            import_result_item = import_result_item_data.to_dict()
            import_result.append(import_result_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ImportResult": import_result,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_result_row import ImportResultRow  # noqa: PLC0415

        d = dict(src_dict)
        import_result = []
        _import_result = d.pop("ImportResult")
        for import_result_item_data in _import_result:
            import_result_item = ImportResultRow.from_dict(import_result_item_data)

            import_result.append(import_result_item)

        import_result_summary = cls(
            import_result=import_result,
        )

        import_result_summary.additional_properties = d
        return import_result_summary

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
