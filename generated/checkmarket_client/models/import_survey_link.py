# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportSurveyLink")


@_attrs_define
class ImportSurveyLink:
    """Links imported contacts to a survey: which survey, when the invitation goes out and expires, and the cooldown
    periods that keep contacts from being surveyed too often. Times of day are TimeSpans (UTC): JSON
    `"hh:mm:ss[.fffffff]"`, XML `xs:duration` (`"00:00:00.1234567"` in JSON is `PT0.1234567S` in XML).

        Attributes:
            survey_id (int): The survey the imported contacts are added to.
            invitation_delay_in_days (int | Unset): Days between the import and the invitation.
            invitation_time (str | Unset): Time of day (UTC, hours and minutes matter) the invitation is sent. Absent: sent
                right away.
            expiration_after_days (int | Unset): Days after the invitation when the survey link expires.
            expiration_time (str | Unset): Time of day (UTC) the survey link expires.
            consider_cooldown_period (bool | Unset): Apply the cooldown periods below when inviting the imported contacts.
            survey_cooldown_after_invitation (int | Unset): Days after an invitation to this survey before a contact may be
                invited again.
            survey_cooldown_after_response (int | Unset): Days after a response to this survey before a contact may be
                invited again.
            account_cooldown_after_invitation (int | Unset): Days after an invitation to any survey of the account before a
                contact may be invited again.
            account_cooldown_after_response (int | Unset): Days after a response to any survey of the account before a
                contact may be invited again.
    """

    survey_id: int
    invitation_delay_in_days: int | Unset = UNSET
    invitation_time: str | Unset = UNSET
    expiration_after_days: int | Unset = UNSET
    expiration_time: str | Unset = UNSET
    consider_cooldown_period: bool | Unset = UNSET
    survey_cooldown_after_invitation: int | Unset = UNSET
    survey_cooldown_after_response: int | Unset = UNSET
    account_cooldown_after_invitation: int | Unset = UNSET
    account_cooldown_after_response: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        survey_id = self.survey_id

        invitation_delay_in_days = self.invitation_delay_in_days

        invitation_time = self.invitation_time

        expiration_after_days = self.expiration_after_days

        expiration_time = self.expiration_time

        consider_cooldown_period = self.consider_cooldown_period

        survey_cooldown_after_invitation = self.survey_cooldown_after_invitation

        survey_cooldown_after_response = self.survey_cooldown_after_response

        account_cooldown_after_invitation = self.account_cooldown_after_invitation

        account_cooldown_after_response = self.account_cooldown_after_response

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "SurveyId": survey_id,
            }
        )
        if invitation_delay_in_days is not UNSET:
            field_dict["InvitationDelayInDays"] = invitation_delay_in_days
        if invitation_time is not UNSET:
            field_dict["InvitationTime"] = invitation_time
        if expiration_after_days is not UNSET:
            field_dict["ExpirationAfterDays"] = expiration_after_days
        if expiration_time is not UNSET:
            field_dict["ExpirationTime"] = expiration_time
        if consider_cooldown_period is not UNSET:
            field_dict["ConsiderCooldownPeriod"] = consider_cooldown_period
        if survey_cooldown_after_invitation is not UNSET:
            field_dict["SurveyCooldownAfterInvitation"] = survey_cooldown_after_invitation
        if survey_cooldown_after_response is not UNSET:
            field_dict["SurveyCooldownAfterResponse"] = survey_cooldown_after_response
        if account_cooldown_after_invitation is not UNSET:
            field_dict["AccountCooldownAfterInvitation"] = account_cooldown_after_invitation
        if account_cooldown_after_response is not UNSET:
            field_dict["AccountCooldownAfterResponse"] = account_cooldown_after_response

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        survey_id = d.pop("SurveyId")

        invitation_delay_in_days = d.pop("InvitationDelayInDays", UNSET)

        invitation_time = d.pop("InvitationTime", UNSET)

        expiration_after_days = d.pop("ExpirationAfterDays", UNSET)

        expiration_time = d.pop("ExpirationTime", UNSET)

        consider_cooldown_period = d.pop("ConsiderCooldownPeriod", UNSET)

        survey_cooldown_after_invitation = d.pop("SurveyCooldownAfterInvitation", UNSET)

        survey_cooldown_after_response = d.pop("SurveyCooldownAfterResponse", UNSET)

        account_cooldown_after_invitation = d.pop("AccountCooldownAfterInvitation", UNSET)

        account_cooldown_after_response = d.pop("AccountCooldownAfterResponse", UNSET)

        import_survey_link = cls(
            survey_id=survey_id,
            invitation_delay_in_days=invitation_delay_in_days,
            invitation_time=invitation_time,
            expiration_after_days=expiration_after_days,
            expiration_time=expiration_time,
            consider_cooldown_period=consider_cooldown_period,
            survey_cooldown_after_invitation=survey_cooldown_after_invitation,
            survey_cooldown_after_response=survey_cooldown_after_response,
            account_cooldown_after_invitation=account_cooldown_after_invitation,
            account_cooldown_after_response=account_cooldown_after_response,
        )

        import_survey_link.additional_properties = d
        return import_survey_link

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
