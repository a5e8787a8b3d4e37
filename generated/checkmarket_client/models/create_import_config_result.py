# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateImportConfigResult")


@_attrs_define
class CreateImportConfigResult:
    """The outcome of creating a configuration: `Succeeded`, and either the new `ImportConfigId` or a `FailureMessage`.

    Attributes:
        import_config_id (int): The new configuration's id (when `Succeeded`).
        succeeded (bool): Whether the configuration was created.
        failure_message (str | Unset): Why the configuration was not created (when not `Succeeded`).
    """

    import_config_id: int
    succeeded: bool
    failure_message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        import_config_id = self.import_config_id

        succeeded = self.succeeded

        failure_message = self.failure_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ImportConfigId": import_config_id,
                "Succeeded": succeeded,
            }
        )
        if failure_message is not UNSET:
            field_dict["FailureMessage"] = failure_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        import_config_id = d.pop("ImportConfigId")

        succeeded = d.pop("Succeeded")

        failure_message = d.pop("FailureMessage", UNSET)

        create_import_config_result = cls(
            import_config_id=import_config_id,
            succeeded=succeeded,
            failure_message=failure_message,
        )

        create_import_config_result.additional_properties = d
        return create_import_config_result

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
