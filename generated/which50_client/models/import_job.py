# Generated from spec/which50.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import ExactDateTime

T = TypeVar("T", bound="ImportJob")


@_attrs_define
class ImportJob:
    """An import job of a contact list, with its status, progress and counters.

    Attributes:
        id (int): The import job's id (the importJobId of the other job operations).
        contact_list_id (int): The contact list the job imports into.
        invalid_email_count (int): How many loaded contacts carry an `Email` value that is not a valid e-mail address.
            Such contacts are still imported, with a ValidationWarnings entry.
        invalid_sms_count (int): How many loaded contacts carry a `Mobile` value that is not a valid text-message
            number. Such contacts are still imported, with a ValidationWarnings entry.
        progress_percent (int): How far the run has got: floor(processed contacts / TotalContacts × 100); 0 before the
            run, 100 once the job is Finished.
        current_status (str): Where the job stands: Created (no contacts loaded), Loaded (at least one batch loaded, not
            yet run), Running, Finished or Failed. Clients must accept other values.
        start_date (datetime.datetime | None): When the job was run; null until then.
        finish_date (datetime.datetime | None): When the job became Finished or Failed; null until then.
        inserted_contacts (int): How many new contacts the job created.
        updated_contacts (int): How many existing contacts the job changed. Counted per existing contact: one loaded
            contact that matches three contacts, all of which change, counts 3.
        dropped_contacts (int): How many existing contacts the job deleted. No operation of this API deletes contacts,
            so it is always 0.
        not_updated_contacts (int): How many loaded contacts changed nothing: on PATCH, those that match no contact;
            with a match, those whose every matching contact already held their values.
        total_contacts (int): How many contacts have been loaded into the job (all batches together).
    """

    id: int
    contact_list_id: int
    invalid_email_count: int
    invalid_sms_count: int
    progress_percent: int
    current_status: str
    start_date: datetime.datetime | None
    finish_date: datetime.datetime | None
    inserted_contacts: int
    updated_contacts: int
    dropped_contacts: int
    not_updated_contacts: int
    total_contacts: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        contact_list_id = self.contact_list_id

        invalid_email_count = self.invalid_email_count

        invalid_sms_count = self.invalid_sms_count

        progress_percent = self.progress_percent

        current_status = self.current_status

        start_date: None | str
        if isinstance(self.start_date, datetime.datetime):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        finish_date: None | str
        if isinstance(self.finish_date, datetime.datetime):
            finish_date = self.finish_date.isoformat()
        else:
            finish_date = self.finish_date

        inserted_contacts = self.inserted_contacts

        updated_contacts = self.updated_contacts

        dropped_contacts = self.dropped_contacts

        not_updated_contacts = self.not_updated_contacts

        total_contacts = self.total_contacts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "ContactListId": contact_list_id,
                "InvalidEmailCount": invalid_email_count,
                "InvalidSmsCount": invalid_sms_count,
                "ProgressPercent": progress_percent,
                "CurrentStatus": current_status,
                "StartDate": start_date,
                "FinishDate": finish_date,
                "InsertedContacts": inserted_contacts,
                "UpdatedContacts": updated_contacts,
                "DroppedContacts": dropped_contacts,
                "NotUpdatedContacts": not_updated_contacts,
                "TotalContacts": total_contacts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("Id")

        contact_list_id = d.pop("ContactListId")

        invalid_email_count = d.pop("InvalidEmailCount")

        invalid_sms_count = d.pop("InvalidSmsCount")

        progress_percent = d.pop("ProgressPercent")

        current_status = d.pop("CurrentStatus")

        def _parse_start_date(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = ExactDateTime.parse(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        start_date = _parse_start_date(d.pop("StartDate"))

        def _parse_finish_date(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finish_date_type_0 = ExactDateTime.parse(data)

                return finish_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finish_date = _parse_finish_date(d.pop("FinishDate"))

        inserted_contacts = d.pop("InsertedContacts")

        updated_contacts = d.pop("UpdatedContacts")

        dropped_contacts = d.pop("DroppedContacts")

        not_updated_contacts = d.pop("NotUpdatedContacts")

        total_contacts = d.pop("TotalContacts")

        import_job = cls(
            id=id,
            contact_list_id=contact_list_id,
            invalid_email_count=invalid_email_count,
            invalid_sms_count=invalid_sms_count,
            progress_percent=progress_percent,
            current_status=current_status,
            start_date=start_date,
            finish_date=finish_date,
            inserted_contacts=inserted_contacts,
            updated_contacts=updated_contacts,
            dropped_contacts=dropped_contacts,
            not_updated_contacts=not_updated_contacts,
            total_contacts=total_contacts,
        )

        import_job.additional_properties = d
        return import_job

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
