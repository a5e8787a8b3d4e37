# Generated from spec/which50.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_values import ContactValues


T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """A contact of a contact list: its field values keyed by field name, and the ids the service gives it.

    Attributes:
        values (ContactValues): The contact's values keyed by field name (see listContactListFields). Each value is a
            string, a number, a boolean or null.
        enc_contact_id (None | str | Unset): The contact's encrypted id, the contactId of getContact. Set by the service
            (always returned for an inserted contact); ignored in request bodies.
        id (int | Unset): The contact's internal numeric id. It appears only in the vendor's XML samples, never in JSON;
            do not rely on it, use EncContactId.
        list_id (int | Unset): The contact list the contact belongs to; in a request body the path's list wins.
        validation_warnings (list[str] | None | Unset): Problems the service noticed in the values without refusing the
            contact (an invalid e-mail address or mobile number, a value outside a field's fixed values); set by the service
            only.
    """

    values: ContactValues
    enc_contact_id: None | str | Unset = UNSET
    id: int | Unset = UNSET
    list_id: int | Unset = UNSET
    validation_warnings: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        values = self.values.to_dict()

        enc_contact_id: None | str | Unset
        if isinstance(self.enc_contact_id, Unset):
            enc_contact_id = UNSET
        else:
            enc_contact_id = self.enc_contact_id

        id = self.id

        list_id = self.list_id

        validation_warnings: list[str] | None | Unset
        if isinstance(self.validation_warnings, Unset):
            validation_warnings = UNSET
        elif isinstance(self.validation_warnings, list):
            validation_warnings = self.validation_warnings

        else:
            validation_warnings = self.validation_warnings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Values": values,
            }
        )
        if enc_contact_id is not UNSET:
            field_dict["EncContactId"] = enc_contact_id
        if id is not UNSET:
            field_dict["Id"] = id
        if list_id is not UNSET:
            field_dict["ListId"] = list_id
        if validation_warnings is not UNSET:
            field_dict["ValidationWarnings"] = validation_warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_values import ContactValues  # noqa: PLC0415

        d = dict(src_dict)
        values = ContactValues.from_dict(d.pop("Values"))

        def _parse_enc_contact_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        enc_contact_id = _parse_enc_contact_id(d.pop("EncContactId", UNSET))

        id = d.pop("Id", UNSET)

        list_id = d.pop("ListId", UNSET)

        def _parse_validation_warnings(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                validation_warnings_type_0 = cast(list[str], data)

                return validation_warnings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        validation_warnings = _parse_validation_warnings(d.pop("ValidationWarnings", UNSET))

        contact = cls(
            values=values,
            enc_contact_id=enc_contact_id,
            id=id,
            list_id=list_id,
            validation_warnings=validation_warnings,
        )

        contact.additional_properties = d
        return contact

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
