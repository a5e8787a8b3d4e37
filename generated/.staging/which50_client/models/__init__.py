# Generated from spec/which50.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
"""Contains all the data models used in inputs/outputs"""

from .contact import Contact
from .contact_schema_field import ContactSchemaField
from .contact_schema_field_value import ContactSchemaFieldValue
from .contact_values import ContactValues
from .contacts_list import ContactsList
from .error import Error
from .import_job import ImportJob
from .import_job_create_request import ImportJobCreateRequest
from .patch_contacts_match_values import PatchContactsMatchValues
from .run_import_job_patch_match_values import RunImportJobPatchMatchValues

__all__ = (
    "Contact",
    "ContactSchemaField",
    "ContactSchemaFieldValue",
    "ContactsList",
    "ContactValues",
    "Error",
    "ImportJob",
    "ImportJobCreateRequest",
    "PatchContactsMatchValues",
    "RunImportJobPatchMatchValues",
)
