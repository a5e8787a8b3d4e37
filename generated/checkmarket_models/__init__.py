# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (datamodel-code-generator 0.89.0). Do not edit: change the source, then run `nox -s generate`.

from __future__ import annotations

from enum import IntEnum
from typing import Annotated

from pydantic import MISSING, AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class UpdateType(IntEnum):
    """
    How an import treats contacts that already exist: 1 = update the existing contacts within the survey; 2 = always create new contacts.
    """

    UPDATE_EXISTING = 1
    ALWAYS_CREATE = 2


class ImportSurveyLink(BaseModel):
    """
    Links imported contacts to a survey: which survey, when the invitation goes out and expires, and the cooldown periods that keep contacts from being surveyed too often. Times of day are TimeSpans (UTC): JSON `"hh:mm:ss[.fffffff]"`, XML `xs:duration` (`"00:00:00.1234567"` in JSON is `PT0.1234567S` in XML).
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "ImportSurveyLink"}},
    )
    SurveyId: Annotated[
        int,
        Field(
            description="The survey the imported contacts are added to.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "SurveyId"}},
            le=2147483647,
        ),
    ]
    InvitationDelayInDays: Annotated[
        int | MISSING,
        Field(
            description="Days between the import and the invitation.",
            ge=0,
            json_schema_extra={"xml": {"name": "InvitationDelayInDays"}},
            le=2147483647,
        ),
    ] = MISSING
    InvitationTime: Annotated[
        str | MISSING,
        Field(
            description="Time of day (UTC, hours and minutes matter) the invitation is sent. Absent: sent right away.",
            json_schema_extra={"xml": {"name": "InvitationTime"}},
            pattern="^-?(?:(?:\\d{1,7}\\.)?(?:[01]?\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,7})?|(?:2[4-9]|[3-9]\\d):(?:[01]\\d|2[0-3]):[0-5]\\d)$",
        ),
    ] = MISSING
    ExpirationAfterDays: Annotated[
        int | MISSING,
        Field(
            description="Days after the invitation when the survey link expires.",
            ge=0,
            json_schema_extra={"xml": {"name": "ExpirationAfterDays"}},
            le=2147483647,
        ),
    ] = MISSING
    ExpirationTime: Annotated[
        str | MISSING,
        Field(
            description="Time of day (UTC) the survey link expires.",
            json_schema_extra={"xml": {"name": "ExpirationTime"}},
            pattern="^-?(?:(?:\\d{1,7}\\.)?(?:[01]?\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,7})?|(?:2[4-9]|[3-9]\\d):(?:[01]\\d|2[0-3]):[0-5]\\d)$",
        ),
    ] = MISSING
    ConsiderCooldownPeriod: Annotated[
        bool | MISSING,
        Field(
            description="Apply the cooldown periods below when inviting the imported contacts.",
            json_schema_extra={"xml": {"name": "ConsiderCooldownPeriod"}},
        ),
    ] = MISSING
    SurveyCooldownAfterInvitation: Annotated[
        int | MISSING,
        Field(
            description="Days after an invitation to this survey before a contact may be invited again.",
            ge=0,
            json_schema_extra={"xml": {"name": "SurveyCooldownAfterInvitation"}},
            le=2147483647,
        ),
    ] = MISSING
    SurveyCooldownAfterResponse: Annotated[
        int | MISSING,
        Field(
            description="Days after a response to this survey before a contact may be invited again.",
            ge=0,
            json_schema_extra={"xml": {"name": "SurveyCooldownAfterResponse"}},
            le=2147483647,
        ),
    ] = MISSING
    AccountCooldownAfterInvitation: Annotated[
        int | MISSING,
        Field(
            description="Days after an invitation to any survey of the account before a contact may be invited again.",
            ge=0,
            json_schema_extra={"xml": {"name": "AccountCooldownAfterInvitation"}},
            le=2147483647,
        ),
    ] = MISSING
    AccountCooldownAfterResponse: Annotated[
        int | MISSING,
        Field(
            description="Days after a response to any survey of the account before a contact may be invited again.",
            ge=0,
            json_schema_extra={"xml": {"name": "AccountCooldownAfterResponse"}},
            le=2147483647,
        ),
    ] = MISSING


class ImportColumnMapping(BaseModel):
    """
    One column of an uploaded file and the contact field it fills (web tool only; not used by API imports).
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "ImportColumnMapping"}},
    )
    SourceColumnNumber: Annotated[
        int | MISSING,
        Field(
            description="The column's number in the file.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "SourceColumnNumber"}},
            le=2147483647,
        ),
    ] = MISSING
    TargetColumnName: Annotated[
        str | MISSING,
        Field(
            description="The contact field the column fills.",
            json_schema_extra={"xml": {"name": "TargetColumnName"}},
        ),
    ] = MISSING


class ImportContact(BaseModel):
    """
    One contact of a bulk import. Nothing is required by the schema: a missing or bad value is reported per contact in the import result (e.g. R0307 no email address, R0305 no language code, R0308 invalid email address).
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "ImportContact"}},
    )
    FirstName: Annotated[
        str | MISSING,
        Field(
            description="The contact's first name.",
            json_schema_extra={"xml": {"name": "FirstName"}},
        ),
    ] = MISSING
    LastName: Annotated[
        str | MISSING,
        Field(
            description="The contact's last name.", json_schema_extra={"xml": {"name": "LastName"}}
        ),
    ] = MISSING
    Email: Annotated[
        str | MISSING,
        Field(
            description="The contact's email address. Checked during the import: invalid gives R0308, missing R0307 when the configuration requires one.",
            json_schema_extra={"xml": {"name": "Email"}},
        ),
    ] = MISSING
    LangCode: Annotated[
        str | MISSING,
        Field(
            description="The contact's language code (e.g. `en`, `nl`). Missing gives R0305 (or R0318 when the configuration has a default language code); unknown gives R0306.",
            json_schema_extra={"xml": {"name": "LangCode"}},
        ),
    ] = MISSING
    CountryCode: Annotated[
        str | MISSING,
        Field(
            description="The contact's ISO 3166-1 alpha-2 country code; unknown gives R0303.",
            json_schema_extra={"xml": {"name": "CountryCode"}},
        ),
    ] = MISSING
    StateCode: Annotated[
        str | MISSING,
        Field(
            description="The contact's state or province code within its country; unknown gives R0304.",
            json_schema_extra={"xml": {"name": "StateCode"}},
        ),
    ] = MISSING
    Phone: Annotated[
        str | MISSING,
        Field(
            description="The contact's phone number, written `+[country code][area code][number]`; anything else gives R0322.",
            json_schema_extra={"xml": {"name": "Phone"}},
        ),
    ] = MISSING
    DateOfBirth: Annotated[
        str | MISSING,
        Field(
            description="The contact's date of birth, written in the configuration's `DateFormat` (or the account's); a value that does not parse gives R0302.",
            json_schema_extra={"xml": {"name": "DateOfBirth"}},
        ),
    ] = MISSING
    CustomFields: Annotated[
        dict[str, str] | MISSING,
        Field(
            description="Values of the account's custom contact fields, by field name.",
            json_schema_extra={"xml": {"name": "CustomFields"}},
        ),
    ] = MISSING


class ImportContactList(RootModel[list[ImportContact]]):
    """
    The contacts of one bulk import.
    """

    root: Annotated[
        list[ImportContact],
        Field(
            description="The contacts of one bulk import.",
            json_schema_extra={"xml": {"name": "ArrayOfImportContact", "wrapped": True}},
            max_length=100000,
            min_length=1,
        ),
    ]


class MetaData(BaseModel):
    """
    What the response is about: its status code, paging of list results and when it was produced. Every member is optional; live responses leave null members out.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "MetaData"}},
    )
    Status: Annotated[
        int | MISSING,
        Field(
            description="The HTTP status code of the response (200 on success).",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "Status"}},
            le=2147483647,
        ),
    ] = MISSING
    TotalRowCount: Annotated[
        int | MISSING,
        Field(
            description="For list results, the number of items in all pages.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "TotalRowCount"}},
            le=2147483647,
        ),
    ] = MISSING
    Limit: Annotated[
        int | MISSING,
        Field(
            description="For list results, the page size.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "Limit"}},
            le=2147483647,
        ),
    ] = MISSING
    Offset: Annotated[
        int | MISSING,
        Field(
            description="For list results, the number of items skipped before this page.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "Offset"}},
            le=2147483647,
        ),
    ] = MISSING
    TotalPageCount: Annotated[
        int | MISSING,
        Field(
            description="For list results, the number of pages.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "TotalPageCount"}},
            le=2147483647,
        ),
    ] = MISSING
    StartRec: Annotated[
        int | MISSING,
        Field(
            description="For list results, the position of the page's first item.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "StartRec"}},
            le=2147483647,
        ),
    ] = MISSING
    StopRec: Annotated[
        int | MISSING,
        Field(
            description="For list results, the position of the page's last item.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "StopRec"}},
            le=2147483647,
        ),
    ] = MISSING
    Timestamp: Annotated[
        AwareDatetime | MISSING,
        Field(
            description="When the response was produced.",
            json_schema_extra={"xml": {"name": "Timestamp"}},
        ),
    ] = MISSING
    IsFiltered: Annotated[
        bool | MISSING,
        Field(
            description="For list results, whether a filter was applied.",
            json_schema_extra={"xml": {"name": "IsFiltered"}},
        ),
    ] = MISSING


class HateoasLink(BaseModel):
    """
    A link to a related request.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "HateoasLink"}},
    )
    Href: Annotated[
        str | MISSING,
        Field(description="The URL to call.", json_schema_extra={"xml": {"name": "Href"}}),
    ] = MISSING
    Title: Annotated[
        str | MISSING,
        Field(description="What the link does.", json_schema_extra={"xml": {"name": "Title"}}),
    ] = MISSING
    Method: Annotated[
        str | MISSING,
        Field(
            description="The HTTP method to call it with.",
            json_schema_extra={"xml": {"name": "Method"}},
        ),
    ] = MISSING


class Hateoas(BaseModel):
    """
    Links to the requests that naturally follow this one (next page, update, delete, ...). Every member is optional.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "Hateoas"}},
    )
    Self: Annotated[
        HateoasLink | MISSING,
        Field(description="This request.", json_schema_extra={"xml": {"name": "Self"}}),
    ] = MISSING
    Create: Annotated[
        HateoasLink | MISSING,
        Field(
            description="Create a resource of this kind.",
            json_schema_extra={"xml": {"name": "Create"}},
        ),
    ] = MISSING
    Update: Annotated[
        HateoasLink | MISSING,
        Field(description="Update this resource.", json_schema_extra={"xml": {"name": "Update"}}),
    ] = MISSING
    Delete: Annotated[
        HateoasLink | MISSING,
        Field(description="Delete this resource.", json_schema_extra={"xml": {"name": "Delete"}}),
    ] = MISSING
    Next: Annotated[
        HateoasLink | MISSING,
        Field(description="The next page of a list.", json_schema_extra={"xml": {"name": "Next"}}),
    ] = MISSING
    Previous: Annotated[
        HateoasLink | MISSING,
        Field(
            description="The previous page of a list.",
            json_schema_extra={"xml": {"name": "Previous"}},
        ),
    ] = MISSING
    Help: Annotated[
        HateoasLink | MISSING,
        Field(
            description="The documentation of this request.",
            json_schema_extra={"xml": {"name": "Help"}},
        ),
    ] = MISSING
    Progress: Annotated[
        HateoasLink | MISSING,
        Field(
            description="Where to follow the progress of asynchronous work.",
            json_schema_extra={"xml": {"name": "Progress"}},
        ),
    ] = MISSING
    AlternateLink: Annotated[
        HateoasLink | MISSING,
        Field(
            description="Another representation of this resource.",
            json_schema_extra={"xml": {"name": "AlternateLink"}},
        ),
    ] = MISSING
    ListLink: Annotated[
        HateoasLink | MISSING,
        Field(
            description="The list this resource belongs to.",
            json_schema_extra={"xml": {"name": "ListLink"}},
        ),
    ] = MISSING
    Other: Annotated[
        list[HateoasLink] | MISSING,
        Field(
            description="Further links.",
            json_schema_extra={"xml": {"name": "Other", "wrapped": True}},
        ),
    ] = MISSING


class CreateImportConfigResult(BaseModel):
    """
    The outcome of creating a configuration: `Succeeded`, and either the new `ImportConfigId` or a `FailureMessage`.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "CreateImportConfigResult"}},
    )
    ImportConfigId: Annotated[
        int | MISSING,
        Field(
            description="The new configuration's id (when `Succeeded`).",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "ImportConfigId"}},
            le=2147483647,
        ),
    ] = MISSING
    Succeeded: Annotated[
        bool,
        Field(
            description="Whether the configuration was created.",
            json_schema_extra={"xml": {"name": "Succeeded"}},
        ),
    ]
    FailureMessage: Annotated[
        str | MISSING,
        Field(
            description="Why the configuration was not created (when not `Succeeded`).",
            json_schema_extra={"xml": {"name": "FailureMessage"}},
        ),
    ] = MISSING


class ActionResult(BaseModel):
    """
    The outcome of replacing, renaming or deleting a configuration: `Succeeded`, and a `FailureMessage` when it did not.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "ActionResult"}},
    )
    Succeeded: Annotated[
        bool,
        Field(
            description="Whether the request was carried out.",
            json_schema_extra={"xml": {"name": "Succeeded"}},
        ),
    ]
    FailureMessage: Annotated[
        str | MISSING,
        Field(
            description="Why the request was not carried out (when not `Succeeded`).",
            json_schema_extra={"xml": {"name": "FailureMessage"}},
        ),
    ] = MISSING


class BulkImportResult(BaseModel):
    """
    The queued bulk import.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "BulkImportResult"}},
    )
    QueueItemId: Annotated[
        int,
        Field(
            description="The import's id in the queue; read its result with `getImportResult`.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "QueueItemId"}},
            le=2147483647,
        ),
    ]


class ResultCode(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="A per-contact import result code, `R` and four digits. The known codes and their meanings are in `x-result-codes`; other codes are valid too. Each known code's `outcome` says what it means for the contact: `imported` (created or updated), `rejected` (not imported) or `warning` (reported in addition to the contact's `imported` code, so not a contact of its own).",
            json_schema_extra={"xml": {"name": "ResultCode"}},
            pattern="^R\\d{4}$",
        ),
    ]


class ErrorData(BaseModel):
    """
    What went wrong.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "ErrorData"}},
    )
    ErrorCode: Annotated[
        int | MISSING,
        Field(
            description="A numeric error code.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "ErrorCode"}},
            le=2147483647,
        ),
    ] = MISSING
    ErrorMessage: Annotated[
        str | MISSING,
        Field(
            description="A readable explanation.",
            json_schema_extra={"xml": {"name": "ErrorMessage"}},
        ),
    ] = MISSING
    ErrorType: Annotated[
        str | MISSING,
        Field(description="The kind of error.", json_schema_extra={"xml": {"name": "ErrorType"}}),
    ] = MISSING


class CreateImportConfigPayload(BaseModel):
    """
    The response to creating an import configuration.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "Payload"}},
    )
    Data: Annotated[
        CreateImportConfigResult,
        Field(
            description="Whether the configuration was created, and its id or why not.",
            json_schema_extra={"xml": {"name": "Data"}},
        ),
    ]
    Links: Annotated[
        Hateoas | MISSING,
        Field(
            description="Links to the requests that naturally follow.",
            json_schema_extra={"xml": {"name": "Links"}},
        ),
    ] = MISSING
    Meta: Annotated[
        MetaData,
        Field(
            description="The status code and timestamp of the response.",
            json_schema_extra={"xml": {"name": "Meta"}},
        ),
    ]


class ImportConfigActionPayload(BaseModel):
    """
    The response to replacing, renaming or deleting an import configuration.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "Payload"}},
    )
    Data: Annotated[
        ActionResult,
        Field(
            description="Whether the request was carried out, and why not.",
            json_schema_extra={"xml": {"name": "Data"}},
        ),
    ]
    Links: Annotated[
        Hateoas | MISSING,
        Field(
            description="Links to the requests that naturally follow.",
            json_schema_extra={"xml": {"name": "Links"}},
        ),
    ] = MISSING
    Meta: Annotated[
        MetaData,
        Field(
            description="The status code and timestamp of the response.",
            json_schema_extra={"xml": {"name": "Meta"}},
        ),
    ]


class BulkImportPayload(BaseModel):
    """
    The response to a bulk import.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "Payload"}},
    )
    Data: Annotated[
        BulkImportResult,
        Field(description="The queued import's id.", json_schema_extra={"xml": {"name": "Data"}}),
    ]
    Links: Annotated[
        Hateoas | MISSING,
        Field(
            description="Links to the requests that naturally follow.",
            json_schema_extra={"xml": {"name": "Links"}},
        ),
    ] = MISSING
    Meta: Annotated[
        MetaData,
        Field(
            description="The status code and timestamp of the response.",
            json_schema_extra={"xml": {"name": "Meta"}},
        ),
    ]


class ErrorPayload(BaseModel):
    """
    The response to a failed request: `Meta.Status` is the HTTP status and `Data` says what went wrong, as an error object or as plain text.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "Payload"}},
    )
    Data: Annotated[
        str | ErrorData | MISSING,
        Field(
            description="What went wrong, as an error object or as plain text.",
            json_schema_extra={"xml": {"name": "Data"}},
        ),
    ] = MISSING
    Links: Annotated[
        Hateoas | MISSING,
        Field(
            description="Links to the requests that naturally follow.",
            json_schema_extra={"xml": {"name": "Links"}},
        ),
    ] = MISSING
    Meta: Annotated[
        MetaData,
        Field(
            description="The HTTP status code and timestamp of the response.",
            json_schema_extra={"xml": {"name": "Meta"}},
        ),
    ]


class ImportConfig(BaseModel):
    """
    An import configuration: how a bulk import matches, validates and links the contacts it receives. The same shape is sent to create or replace a configuration and returned when reading one (then with its `ImportConfigId`).
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "BaseImportConfig"}},
    )
    ImportConfigId: Annotated[
        int | MISSING,
        Field(
            description="The configuration's id, set by the server. Ignored in requests.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "ImportConfigId"}},
            le=2147483647,
        ),
    ] = MISSING
    Name: Annotated[
        str,
        Field(
            description="A name for your own reference; the web tool shows it too.",
            json_schema_extra={"xml": {"name": "Name"}},
            max_length=50,
            min_length=1,
        ),
    ]
    ContactGroupId: Annotated[
        int | MISSING,
        Field(
            deprecated=True,
            description="Obsolete: the contact group all imported contacts were linked to. Contact groups no longer exist; import the contacts into a survey instead.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "ContactGroupId"}},
            le=2147483647,
        ),
    ] = MISSING
    ContactListId: Annotated[
        int | MISSING,
        Field(
            description="The contact list all imported contacts are linked to.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "ContactListId"}},
            le=2147483647,
        ),
    ] = MISSING
    SurveySettings: Annotated[
        ImportSurveyLink | MISSING,
        Field(
            description="Set this to add the imported contacts to an existing survey at once: which survey, and when they are invited and may be invited again.",
            json_schema_extra={"xml": {"name": "SurveySettings"}},
        ),
    ] = MISSING
    ColumnMappings: Annotated[
        list[ImportColumnMapping] | MISSING,
        Field(
            description="For file uploads in the web tool: which file column goes to which contact field. Not used by API imports; a configuration for API imports can leave it empty (the server fills it in on the first import).",
            json_schema_extra={"xml": {"name": "ColumnMappings", "wrapped": True}},
            max_length=1000,
        ),
    ] = MISSING
    EmailMustBeUniqueWithinAccount: Annotated[
        bool,
        Field(
            description="An email address is unique across the whole account: an imported contact whose address already exists updates that contact.",
            json_schema_extra={"xml": {"name": "EmailMustBeUniqueWithinAccount"}},
        ),
    ] = False
    EmailMustBeUniqueWithinGroup: Annotated[
        bool,
        Field(
            description="An email address is unique within the group: an imported contact whose address already exists in the group updates that contact.",
            json_schema_extra={"xml": {"name": "EmailMustBeUniqueWithinGroup"}},
        ),
    ] = False
    EmailMustBeUniqueWithinFile: Annotated[
        bool,
        Field(
            description="An email address may occur only once within one import (file or request); repeats get result code R0315.",
            json_schema_extra={"xml": {"name": "EmailMustBeUniqueWithinFile"}},
        ),
    ] = False
    EmailIsRequired: Annotated[
        bool,
        Field(
            description="Every contact must have an email address; a contact without one gets result code R0307.",
            json_schema_extra={"xml": {"name": "EmailIsRequired"}},
        ),
    ] = False
    DateFormat: Annotated[
        str | MISSING,
        Field(
            description="How dates are written in the imported data, case-sensitive: `y` year, `M` month, `d` day (e.g. `dd/MM/yyyy`). Absent: the account's date format.",
            json_schema_extra={"xml": {"name": "DateFormat"}},
            max_length=10,
        ),
    ] = MISSING
    FirstRow: Annotated[
        int | MISSING,
        Field(
            description="For file uploads in the web tool: the row holding the first line of data. Not used by API imports.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "FirstRow"}},
            le=2147483647,
        ),
    ] = MISSING
    FieldDelimiter: Annotated[
        str | MISSING,
        Field(
            description="The string separating columns in an uploaded file.",
            json_schema_extra={"xml": {"name": "FieldDelimiter"}},
            max_length=10,
        ),
    ] = MISSING
    RowDelimiter: Annotated[
        str | MISSING,
        Field(
            description="The string separating lines in an uploaded file, e.g. `\\n` or `\\r`.",
            json_schema_extra={"xml": {"name": "RowDelimiter"}},
            max_length=10,
        ),
    ] = MISSING
    SendNotificationMail: Annotated[
        bool,
        Field(
            description="Send a notification email for every import run through this configuration.",
            json_schema_extra={"xml": {"name": "SendNotificationMail"}},
        ),
    ] = False
    IsReusable: Annotated[
        bool,
        Field(
            description="Whether the configuration can be used again. When false it is no longer available, in the API or the web tool, once it has been used.",
            json_schema_extra={"xml": {"name": "IsReusable"}},
        ),
    ] = False
    DefaultLanguageCode: Annotated[
        str | MISSING,
        Field(
            description="The language code given to contacts that have none (no language column, or a blank value).",
            json_schema_extra={"xml": {"name": "DefaultLanguageCode"}},
        ),
    ] = MISSING
    UpdateTypeId: Annotated[
        UpdateType,
        Field(
            description="What happens to contacts that already exist: 1 = update the existing contacts within this survey; 2 = always create new contacts.",
            json_schema_extra={"xml": {"name": "UpdateTypeId"}},
        ),
    ] = UpdateType.UPDATE_EXISTING


class ImportResultRow(BaseModel):
    """
    How many contacts of the import got one result code.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "ImportResultRow"}},
    )
    ResultCode_1: Annotated[
        ResultCode,
        Field(
            alias="ResultCode",
            description="The result code.",
            json_schema_extra={"xml": {"name": "ResultCode"}},
        ),
    ]
    ContactCount: Annotated[
        int,
        Field(
            description="How many contacts got it.",
            ge=0,
            json_schema_extra={"xml": {"name": "ContactCount"}},
            le=2147483647,
        ),
    ]


class ImportConfigPayload(BaseModel):
    """
    The response to reading an import configuration.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "Payload"}},
    )
    Data: Annotated[
        ImportConfig,
        Field(description="The configuration.", json_schema_extra={"xml": {"name": "Data"}}),
    ]
    Links: Annotated[
        Hateoas | MISSING,
        Field(
            description="Links to the requests that naturally follow.",
            json_schema_extra={"xml": {"name": "Links"}},
        ),
    ] = MISSING
    Meta: Annotated[
        MetaData,
        Field(
            description="The status code and timestamp of the response.",
            json_schema_extra={"xml": {"name": "Meta"}},
        ),
    ]


class ImportConfigListPayload(BaseModel):
    """
    The response to listing import configurations.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "Payload"}},
    )
    Data: Annotated[
        list[ImportConfig],
        Field(
            description="The configurations.",
            json_schema_extra={"xml": {"name": "Data", "wrapped": True}},
        ),
    ]
    Links: Annotated[
        Hateoas | MISSING,
        Field(
            description="Links to the requests that naturally follow.",
            json_schema_extra={"xml": {"name": "Links"}},
        ),
    ] = MISSING
    Meta: Annotated[
        MetaData,
        Field(
            description="The status code, the number of configurations and the timestamp.",
            json_schema_extra={"xml": {"name": "Meta"}},
        ),
    ]


class ImportResultSummary(BaseModel):
    """
    The result of a processed import, as counts per result code.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "ImportContactsTaskResult"}},
    )
    ImportResult: Annotated[
        list[ImportResultRow],
        Field(
            description="One row per result code that occurred.",
            json_schema_extra={"xml": {"name": "ImportResult", "wrapped": True}},
        ),
    ]


class ImportQueueItem(BaseModel):
    """
    A bulk import in the queue: its status and, once processed, how many contacts got each result code. The vendor's type is `QueueItem<ImportContactsTaskResult>` (contract name `QueueItemOfImportContactsTaskResult`).
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "QueueItemOfImportContactsTaskResult"}},
    )
    QueueItemId: Annotated[
        int,
        Field(
            description="The import's id in the queue.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "QueueItemId"}},
            le=2147483647,
        ),
    ]
    StatusId: Annotated[
        int,
        Field(
            description="The import's state: 1 queued, 2 processing, 3 failed, 4 completed. Only 4 is final with a complete `Result`.",
            ge=-2147483648,
            json_schema_extra={"xml": {"name": "StatusId"}},
            le=2147483647,
        ),
    ]
    Result: Annotated[
        ImportResultSummary | MISSING,
        Field(
            description="The counts per result code; absent until the import has been processed.",
            json_schema_extra={"xml": {"name": "Result"}},
        ),
    ] = MISSING


class ImportResultPayload(BaseModel):
    """
    The response to reading a bulk import's result.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "Payload"}},
    )
    Data: Annotated[
        ImportQueueItem,
        Field(
            description="The import's status and result counts.",
            json_schema_extra={"xml": {"name": "Data"}},
        ),
    ]
    Links: Annotated[
        Hateoas | MISSING,
        Field(
            description="Links to the requests that naturally follow.",
            json_schema_extra={"xml": {"name": "Links"}},
        ),
    ] = MISSING
    Meta: Annotated[
        MetaData,
        Field(
            description="The status code and timestamp of the response.",
            json_schema_extra={"xml": {"name": "Meta"}},
        ),
    ]
