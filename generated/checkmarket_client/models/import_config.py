# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.update_type import UpdateType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_column_mapping import ImportColumnMapping
    from ..models.import_survey_link import ImportSurveyLink


T = TypeVar("T", bound="ImportConfig")


@_attrs_define
class ImportConfig:
    """An import configuration: how a bulk import matches, validates and links the contacts it receives. The same shape is
    sent to create or replace a configuration and returned when reading one (then with its `ImportConfigId`).

        Attributes:
            name (str): A name for your own reference; the web tool shows it too.
            import_config_id (int | Unset): The configuration's id, set by the server. Ignored in requests.
            contact_group_id (int | Unset): Obsolete: the contact group all imported contacts were linked to. Contact groups
                no longer exist; import the contacts into a survey instead.
            contact_list_id (int | Unset): The contact list all imported contacts are linked to.
            survey_settings (ImportSurveyLink | Unset): Links imported contacts to a survey: which survey, when the
                invitation goes out and expires, and the cooldown periods that keep contacts from being surveyed too often.
                Times of day are TimeSpans (UTC): JSON `"hh:mm:ss[.fffffff]"`, XML `xs:duration` (`"00:00:00.1234567"` in JSON
                is `PT0.1234567S` in XML).
            column_mappings (list[ImportColumnMapping] | Unset): For file uploads in the web tool: which file column goes to
                which contact field. Not used by API imports; a configuration for API imports can leave it empty (the server
                fills it in on the first import).
            email_must_be_unique_within_account (bool | Unset): An email address is unique across the whole account: an
                imported contact whose address already exists updates that contact. Default: False.
            email_must_be_unique_within_group (bool | Unset): An email address is unique within the group: an imported
                contact whose address already exists in the group updates that contact. Default: False.
            email_must_be_unique_within_file (bool | Unset): An email address may occur only once within one import (file or
                request); repeats get result code R0315. Default: False.
            email_is_required (bool | Unset): Every contact must have an email address; a contact without one gets result
                code R0307. Default: False.
            date_format (str | Unset): How dates are written in the imported data, case-sensitive: `y` year, `M` month, `d`
                day (e.g. `dd/MM/yyyy`). Absent: the account's date format.
            first_row (int | Unset): For file uploads in the web tool: the row holding the first line of data. Not used by
                API imports.
            field_delimiter (str | Unset): The string separating columns in an uploaded file.
            row_delimiter (str | Unset): The string separating lines in an uploaded file, e.g. `\\n` or `\\r`.
            send_notification_mail (bool | Unset): Send a notification email for every import run through this
                configuration. Default: False.
            is_reusable (bool | Unset): Whether the configuration can be used again. When false it is no longer available,
                in the API or the web tool, once it has been used. Default: False.
            default_language_code (str | Unset): The language code given to contacts that have none (no language column, or
                a blank value).
            update_type_id (UpdateType | Unset): How an import treats contacts that already exist: 1 = update the existing
                contacts within the survey; 2 = always create new contacts. Default: UpdateType.UPDATE_EXISTING.
    """

    name: str
    import_config_id: int | Unset = UNSET
    contact_group_id: int | Unset = UNSET
    contact_list_id: int | Unset = UNSET
    survey_settings: ImportSurveyLink | Unset = UNSET
    column_mappings: list[ImportColumnMapping] | Unset = UNSET
    email_must_be_unique_within_account: bool | Unset = False
    email_must_be_unique_within_group: bool | Unset = False
    email_must_be_unique_within_file: bool | Unset = False
    email_is_required: bool | Unset = False
    date_format: str | Unset = UNSET
    first_row: int | Unset = UNSET
    field_delimiter: str | Unset = UNSET
    row_delimiter: str | Unset = UNSET
    send_notification_mail: bool | Unset = False
    is_reusable: bool | Unset = False
    default_language_code: str | Unset = UNSET
    update_type_id: UpdateType | Unset = UpdateType.UPDATE_EXISTING
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        import_config_id = self.import_config_id

        contact_group_id = self.contact_group_id

        contact_list_id = self.contact_list_id

        survey_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.survey_settings, Unset):
            survey_settings = self.survey_settings.to_dict()

        column_mappings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.column_mappings, Unset):
            column_mappings = []
            for column_mappings_item_data in self.column_mappings:
                column_mappings_item = column_mappings_item_data.to_dict()
                column_mappings.append(column_mappings_item)

        email_must_be_unique_within_account = self.email_must_be_unique_within_account

        email_must_be_unique_within_group = self.email_must_be_unique_within_group

        email_must_be_unique_within_file = self.email_must_be_unique_within_file

        email_is_required = self.email_is_required

        date_format = self.date_format

        first_row = self.first_row

        field_delimiter = self.field_delimiter

        row_delimiter = self.row_delimiter

        send_notification_mail = self.send_notification_mail

        is_reusable = self.is_reusable

        default_language_code = self.default_language_code

        update_type_id: int | Unset = UNSET
        if not isinstance(self.update_type_id, Unset):
            update_type_id = self.update_type_id.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Name": name,
            }
        )
        if import_config_id is not UNSET:
            field_dict["ImportConfigId"] = import_config_id
        if contact_group_id is not UNSET:
            field_dict["ContactGroupId"] = contact_group_id
        if contact_list_id is not UNSET:
            field_dict["ContactListId"] = contact_list_id
        if survey_settings is not UNSET:
            field_dict["SurveySettings"] = survey_settings
        if column_mappings is not UNSET:
            field_dict["ColumnMappings"] = column_mappings
        if email_must_be_unique_within_account is not UNSET:
            field_dict["EmailMustBeUniqueWithinAccount"] = email_must_be_unique_within_account
        if email_must_be_unique_within_group is not UNSET:
            field_dict["EmailMustBeUniqueWithinGroup"] = email_must_be_unique_within_group
        if email_must_be_unique_within_file is not UNSET:
            field_dict["EmailMustBeUniqueWithinFile"] = email_must_be_unique_within_file
        if email_is_required is not UNSET:
            field_dict["EmailIsRequired"] = email_is_required
        if date_format is not UNSET:
            field_dict["DateFormat"] = date_format
        if first_row is not UNSET:
            field_dict["FirstRow"] = first_row
        if field_delimiter is not UNSET:
            field_dict["FieldDelimiter"] = field_delimiter
        if row_delimiter is not UNSET:
            field_dict["RowDelimiter"] = row_delimiter
        if send_notification_mail is not UNSET:
            field_dict["SendNotificationMail"] = send_notification_mail
        if is_reusable is not UNSET:
            field_dict["IsReusable"] = is_reusable
        if default_language_code is not UNSET:
            field_dict["DefaultLanguageCode"] = default_language_code
        if update_type_id is not UNSET:
            field_dict["UpdateTypeId"] = update_type_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_column_mapping import ImportColumnMapping  # noqa: PLC0415
        from ..models.import_survey_link import ImportSurveyLink  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("Name")

        import_config_id = d.pop("ImportConfigId", UNSET)

        contact_group_id = d.pop("ContactGroupId", UNSET)

        contact_list_id = d.pop("ContactListId", UNSET)

        _survey_settings = d.pop("SurveySettings", UNSET)
        survey_settings: ImportSurveyLink | Unset
        if isinstance(_survey_settings, Unset):
            survey_settings = UNSET
        else:
            survey_settings = ImportSurveyLink.from_dict(_survey_settings)

        _column_mappings = d.pop("ColumnMappings", UNSET)
        column_mappings: list[ImportColumnMapping] | Unset = UNSET
        if _column_mappings is not UNSET:
            column_mappings = []
            for column_mappings_item_data in _column_mappings:
                column_mappings_item = ImportColumnMapping.from_dict(column_mappings_item_data)

                column_mappings.append(column_mappings_item)

        email_must_be_unique_within_account = d.pop("EmailMustBeUniqueWithinAccount", UNSET)

        email_must_be_unique_within_group = d.pop("EmailMustBeUniqueWithinGroup", UNSET)

        email_must_be_unique_within_file = d.pop("EmailMustBeUniqueWithinFile", UNSET)

        email_is_required = d.pop("EmailIsRequired", UNSET)

        date_format = d.pop("DateFormat", UNSET)

        first_row = d.pop("FirstRow", UNSET)

        field_delimiter = d.pop("FieldDelimiter", UNSET)

        row_delimiter = d.pop("RowDelimiter", UNSET)

        send_notification_mail = d.pop("SendNotificationMail", UNSET)

        is_reusable = d.pop("IsReusable", UNSET)

        default_language_code = d.pop("DefaultLanguageCode", UNSET)

        _update_type_id = d.pop("UpdateTypeId", UNSET)
        update_type_id: UpdateType | Unset
        if isinstance(_update_type_id, Unset):
            update_type_id = UNSET
        else:
            update_type_id = UpdateType(_update_type_id)

        import_config = cls(
            name=name,
            import_config_id=import_config_id,
            contact_group_id=contact_group_id,
            contact_list_id=contact_list_id,
            survey_settings=survey_settings,
            column_mappings=column_mappings,
            email_must_be_unique_within_account=email_must_be_unique_within_account,
            email_must_be_unique_within_group=email_must_be_unique_within_group,
            email_must_be_unique_within_file=email_must_be_unique_within_file,
            email_is_required=email_is_required,
            date_format=date_format,
            first_row=first_row,
            field_delimiter=field_delimiter,
            row_delimiter=row_delimiter,
            send_notification_mail=send_notification_mail,
            is_reusable=is_reusable,
            default_language_code=default_language_code,
            update_type_id=update_type_id,
        )

        import_config.additional_properties = d
        return import_config

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
