# Generated from spec/which50.openapi.yaml by scripts/generate.py (datamodel-code-generator 0.89.0). Do not edit: change the source, then run `nox -s generate`.

from __future__ import annotations

from typing import Annotated

from pydantic import MISSING, AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class ContactsList(BaseModel):
    """
    A contact list of the account.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "xml": {
                "name": "ContactsList",
                "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
            }
        },
    )
    Id: Annotated[
        int,
        Field(
            description="The contact list's id (the contactListId of the other operations).",
            ge=-2147483648,
            json_schema_extra={
                "xml": {
                    "name": "Id",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]
    Name: Annotated[
        str | None,
        Field(
            description="The contact list's name.",
            json_schema_extra={
                "xml": {
                    "name": "Name",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
        ),
    ]
    Count: Annotated[
        int,
        Field(
            description="How many contacts the list holds.",
            ge=0,
            json_schema_extra={
                "xml": {
                    "name": "Count",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]


class ArrayOfContactsList(RootModel[list[ContactsList]]):
    """
    The account's contact lists.
    """

    root: Annotated[
        list[ContactsList],
        Field(
            description="The account's contact lists.",
            json_schema_extra={
                "xml": {
                    "name": "ArrayOfContactsList",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                    "wrapped": True,
                }
            },
        ),
    ]


class ContactSchemaFieldValue(BaseModel):
    """
    One of the fixed values a contact list field may take.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "xml": {
                "name": "ContactSchemaFieldValue",
                "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
            }
        },
    )
    Id: Annotated[
        int,
        Field(
            description="The value's id.",
            ge=-2147483648,
            json_schema_extra={
                "xml": {
                    "name": "Id",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]
    Value: Annotated[
        str | None,
        Field(
            description="The value itself, as it is stored in a contact's Values.",
            json_schema_extra={
                "xml": {
                    "name": "Value",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
        ),
    ]
    Order: Annotated[
        int,
        Field(
            description="The value's place in the list of values (ascending).",
            ge=-2147483648,
            json_schema_extra={
                "xml": {
                    "name": "Order",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]
    InUse: Annotated[
        bool,
        Field(
            description="Whether the value is currently offered (false for retired values).",
            json_schema_extra={
                "xml": {
                    "name": "InUse",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
        ),
    ]


class ContactSchemaField(BaseModel):
    """
    A field of a contact list's schema. Its Name is the key to use in Contact Values and in `match`.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "xml": {
                "name": "ContactSchemaField",
                "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
            }
        },
    )
    Id: Annotated[
        int,
        Field(
            description="The field's id (the fieldId of getContactListField).",
            ge=-2147483648,
            json_schema_extra={
                "xml": {
                    "name": "Id",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]
    Name: Annotated[
        str,
        Field(
            description="The field's name, the key used in Contact Values.",
            json_schema_extra={
                "xml": {
                    "name": "Name",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
        ),
    ]
    DefaultValue: Annotated[
        str | None,
        Field(
            description="The value a contact gets when it is inserted without one for this field; null (or empty) when none (info.x-assumptions field-defaults-and-values).",
            json_schema_extra={
                "xml": {
                    "name": "DefaultValue",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
        ),
    ]
    MapType: Annotated[
        str | None,
        Field(
            description="The kind of data the field holds, in the vendor's own words (e.g. Text, Email, Mobile); the vendor does not list the possible values.",
            json_schema_extra={
                "xml": {
                    "name": "MapType",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
        ),
    ]
    Position: Annotated[
        int,
        Field(
            description="The field's place in the list's schema (ascending).",
            ge=-2147483648,
            json_schema_extra={
                "xml": {
                    "name": "Position",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]
    ContactSchemaFieldValues: Annotated[
        list[ContactSchemaFieldValue] | None,
        Field(
            description="The fixed values the field may take; empty when any value is allowed. Another value is imported with a ValidationWarnings entry (info.x-assumptions field-defaults-and-values).",
            json_schema_extra={
                "xml": {
                    "name": "ContactSchemaFieldValues",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                    "wrapped": True,
                }
            },
        ),
    ]


class ArrayOfContactSchemaField(RootModel[list[ContactSchemaField]]):
    """
    The fields of a contact list, in schema order.
    """

    root: Annotated[
        list[ContactSchemaField],
        Field(
            description="The fields of a contact list, in schema order.",
            json_schema_extra={
                "xml": {
                    "name": "ArrayOfContactSchemaField",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                    "wrapped": True,
                }
            },
        ),
    ]


class FieldName(RootModel[str]):
    root: Annotated[
        str,
        Field(
            json_schema_extra={
                "xml": {
                    "name": "string",
                    "namespace": "http://schemas.microsoft.com/2003/10/Serialization/Arrays",
                }
            },
            min_length=1,
        ),
    ]


class ImportJobCreateRequest(BaseModel):
    """
    What a new import job takes from the contacts loaded into it.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "xml": {
                "name": "ImportJobCreateRequest",
                "namespace": "http://schemas.datacontract.org/2004/07/W50API.Controllers",
            }
        },
    )
    FieldNames: Annotated[
        list[FieldName],
        Field(
            description="The names of the fields to take from each loaded contact's Values; they must be fields of the contact list.",
            json_schema_extra={
                "xml": {
                    "name": "FieldNames",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Controllers",
                    "wrapped": True,
                }
            },
            max_length=1000,
            min_length=1,
        ),
    ]


class ImportJob(BaseModel):
    """
    An import job of a contact list, with its status, progress and counters.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "xml": {
                "name": "ImportJob",
                "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
            }
        },
    )
    Id: Annotated[
        int,
        Field(
            description="The import job's id (the importJobId of the other job operations).",
            ge=-2147483648,
            json_schema_extra={
                "xml": {
                    "name": "Id",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]
    ContactListId: Annotated[
        int,
        Field(
            description="The contact list the job imports into.",
            ge=-2147483648,
            json_schema_extra={
                "xml": {
                    "name": "ContactListId",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]
    InvalidEmailCount: Annotated[
        int,
        Field(
            description="How many loaded contacts carry an `Email` value that is not a valid e-mail address. Such contacts are still imported, with a ValidationWarnings entry.",
            ge=0,
            json_schema_extra={
                "xml": {
                    "name": "InvalidEmailCount",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]
    InvalidSmsCount: Annotated[
        int,
        Field(
            description="How many loaded contacts carry a `Mobile` value that is not a valid text-message number. Such contacts are still imported, with a ValidationWarnings entry.",
            ge=0,
            json_schema_extra={
                "xml": {
                    "name": "InvalidSmsCount",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]
    ProgressPercent: Annotated[
        int,
        Field(
            description="How far the run has got: floor(processed contacts / TotalContacts × 100); 0 before the run, 100 once the job is Finished.",
            ge=0,
            json_schema_extra={
                "xml": {
                    "name": "ProgressPercent",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=100,
        ),
    ]
    CurrentStatus: Annotated[
        str,
        Field(
            description="Where the job stands: Created (no contacts loaded), Loaded (at least one batch loaded, not yet run), Running, Finished or Failed. Clients must accept other values.",
            json_schema_extra={
                "xml": {
                    "name": "CurrentStatus",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
        ),
    ]
    StartDate: Annotated[
        AwareDatetime | None,
        Field(
            description="When the job was run; null until then.",
            json_schema_extra={
                "xml": {
                    "name": "StartDate",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
        ),
    ]
    FinishDate: Annotated[
        AwareDatetime | None,
        Field(
            description="When the job became Finished or Failed; null until then.",
            json_schema_extra={
                "xml": {
                    "name": "FinishDate",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
        ),
    ]
    InsertedContacts: Annotated[
        int,
        Field(
            description="How many new contacts the job created.",
            ge=0,
            json_schema_extra={
                "xml": {
                    "name": "InsertedContacts",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]
    UpdatedContacts: Annotated[
        int,
        Field(
            description="How many existing contacts the job changed. Counted per existing contact: one loaded contact that matches three contacts, all of which change, counts 3.",
            ge=0,
            json_schema_extra={
                "xml": {
                    "name": "UpdatedContacts",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]
    DroppedContacts: Annotated[
        int,
        Field(
            description="How many existing contacts the job deleted. No operation of this API deletes contacts, so it is always 0.",
            ge=0,
            json_schema_extra={
                "xml": {
                    "name": "DroppedContacts",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]
    NotUpdatedContacts: Annotated[
        int,
        Field(
            description="How many loaded contacts changed nothing: on PATCH, those that match no contact; with a match, those whose every matching contact already held their values.",
            ge=0,
            json_schema_extra={
                "xml": {
                    "name": "NotUpdatedContacts",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]
    TotalContacts: Annotated[
        int,
        Field(
            description="How many contacts have been loaded into the job (all batches together).",
            ge=0,
            json_schema_extra={
                "xml": {
                    "name": "TotalContacts",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                }
            },
            le=2147483647,
        ),
    ]


class Contact(BaseModel):
    """
    A contact of a contact list: its field values keyed by field name, and the ids the service gives it.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "xml": {
                "name": "Contact",
                "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
            }
        },
    )
    EncContactId: Annotated[
        str | None | MISSING,
        Field(
            description="The contact's encrypted id, the contactId of getContact. Set by the service (always returned for an inserted contact); ignored in request bodies.",
            json_schema_extra={
                "xml": {
                    "name": "EncContactId",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50Common.Model.DTO",
                }
            },
        ),
    ] = MISSING
    Id: Annotated[
        int | MISSING,
        Field(
            description="The contact's internal numeric id. It appears only in the vendor's XML samples, never in JSON; do not rely on it, use EncContactId.",
            ge=-2147483648,
            json_schema_extra={
                "xml": {
                    "name": "Id",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50Common.Model.DTO",
                }
            },
            le=2147483647,
        ),
    ] = MISSING
    ListId: Annotated[
        int | MISSING,
        Field(
            description="The contact list the contact belongs to; in a request body the path's list wins.",
            ge=-2147483648,
            json_schema_extra={
                "xml": {
                    "name": "ListId",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50Common.Model.DTO",
                }
            },
            le=2147483647,
        ),
    ] = MISSING
    Values: Annotated[
        dict[str, str | int | float | bool | None],
        Field(
            description="The contact's values keyed by field name (see listContactListFields). Each value is a string, a number, a boolean or null.",
            json_schema_extra={
                "xml": {
                    "name": "Values",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50Common.Model.DTO",
                }
            },
        ),
    ]
    ValidationWarnings: Annotated[
        list[str] | None | MISSING,
        Field(
            description="Problems the service noticed in the values without refusing the contact (an invalid e-mail address or mobile number, a value outside a field's fixed values); set by the service only.",
            json_schema_extra={
                "xml": {
                    "name": "ValidationWarnings",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                    "wrapped": True,
                }
            },
            max_length=1000,
        ),
    ] = MISSING


class ArrayOfContact(RootModel[list[Contact]]):
    """
    A batch of contacts for an import job (1 to 10,000).
    """

    root: Annotated[
        list[Contact],
        Field(
            description="A batch of contacts for an import job (1 to 10,000).",
            json_schema_extra={
                "xml": {
                    "name": "ArrayOfContact",
                    "namespace": "http://schemas.datacontract.org/2004/07/W50API.Models.DTO",
                    "wrapped": True,
                }
            },
            max_length=10000,
            min_length=1,
        ),
    ]


class Error(BaseModel):
    """
    The error body (ASP.NET Web API HttpError): a message and, sometimes, more detail.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "Error"}},
    )
    Message: Annotated[
        str,
        Field(
            description="What went wrong, for people.",
            json_schema_extra={"xml": {"name": "Message"}},
        ),
    ]
    MessageDetail: Annotated[
        str | MISSING,
        Field(
            description="More detail, when the service has any.",
            json_schema_extra={"xml": {"name": "MessageDetail"}},
        ),
    ] = MISSING
