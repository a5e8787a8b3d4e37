# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_contact_custom_fields import ImportContactCustomFields


T = TypeVar("T", bound="ImportContact")


@_attrs_define
class ImportContact:
    """One contact of a bulk import. Nothing is required by the schema: a missing or bad value is reported per contact in
    the import result (e.g. R0307 no email address, R0305 no language code, R0308 invalid email address).

        Attributes:
            first_name (str | Unset): The contact's first name.
            last_name (str | Unset): The contact's last name.
            email (str | Unset): The contact's email address. Checked during the import: invalid gives R0308, missing R0307
                when the configuration requires one.
            lang_code (str | Unset): The contact's language code (e.g. `en`, `nl`). Missing gives R0305 (or R0318 when the
                configuration has a default language code); unknown gives R0306.
            country_code (str | Unset): The contact's ISO 3166-1 alpha-2 country code; unknown gives R0303.
            state_code (str | Unset): The contact's state or province code within its country; unknown gives R0304.
            phone (str | Unset): The contact's phone number, written `+[country code][area code][number]`; anything else
                gives R0322.
            date_of_birth (str | Unset): The contact's date of birth, written in the configuration's `DateFormat` (or the
                account's); a value that does not parse gives R0302.
            custom_fields (ImportContactCustomFields | Unset): Values of the account's custom contact fields, by field name.
    """

    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    email: str | Unset = UNSET
    lang_code: str | Unset = UNSET
    country_code: str | Unset = UNSET
    state_code: str | Unset = UNSET
    phone: str | Unset = UNSET
    date_of_birth: str | Unset = UNSET
    custom_fields: ImportContactCustomFields | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

        email = self.email

        lang_code = self.lang_code

        country_code = self.country_code

        state_code = self.state_code

        phone = self.phone

        date_of_birth = self.date_of_birth

        custom_fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_fields, Unset):
            custom_fields = self.custom_fields.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if first_name is not UNSET:
            field_dict["FirstName"] = first_name
        if last_name is not UNSET:
            field_dict["LastName"] = last_name
        if email is not UNSET:
            field_dict["Email"] = email
        if lang_code is not UNSET:
            field_dict["LangCode"] = lang_code
        if country_code is not UNSET:
            field_dict["CountryCode"] = country_code
        if state_code is not UNSET:
            field_dict["StateCode"] = state_code
        if phone is not UNSET:
            field_dict["Phone"] = phone
        if date_of_birth is not UNSET:
            field_dict["DateOfBirth"] = date_of_birth
        if custom_fields is not UNSET:
            field_dict["CustomFields"] = custom_fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_contact_custom_fields import ImportContactCustomFields  # noqa: PLC0415

        d = dict(src_dict)
        first_name = d.pop("FirstName", UNSET)

        last_name = d.pop("LastName", UNSET)

        email = d.pop("Email", UNSET)

        lang_code = d.pop("LangCode", UNSET)

        country_code = d.pop("CountryCode", UNSET)

        state_code = d.pop("StateCode", UNSET)

        phone = d.pop("Phone", UNSET)

        date_of_birth = d.pop("DateOfBirth", UNSET)

        _custom_fields = d.pop("CustomFields", UNSET)
        custom_fields: ImportContactCustomFields | Unset
        if isinstance(_custom_fields, Unset):
            custom_fields = UNSET
        else:
            custom_fields = ImportContactCustomFields.from_dict(_custom_fields)

        import_contact = cls(
            first_name=first_name,
            last_name=last_name,
            email=email,
            lang_code=lang_code,
            country_code=country_code,
            state_code=state_code,
            phone=phone,
            date_of_birth=date_of_birth,
            custom_fields=custom_fields,
        )

        import_contact.additional_properties = d
        return import_contact

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
