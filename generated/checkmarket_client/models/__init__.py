# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
"""Contains all the data models used in inputs/outputs"""

from .action_result import ActionResult
from .bulk_import_payload import BulkImportPayload
from .bulk_import_result import BulkImportResult
from .create_import_config_payload import CreateImportConfigPayload
from .create_import_config_result import CreateImportConfigResult
from .error_data import ErrorData
from .error_payload import ErrorPayload
from .hateoas import Hateoas
from .hateoas_link import HateoasLink
from .import_column_mapping import ImportColumnMapping
from .import_config import ImportConfig
from .import_config_action_payload import ImportConfigActionPayload
from .import_config_list_payload import ImportConfigListPayload
from .import_config_payload import ImportConfigPayload
from .import_contact import ImportContact
from .import_contact_custom_fields import ImportContactCustomFields
from .import_queue_item import ImportQueueItem
from .import_result_payload import ImportResultPayload
from .import_result_row import ImportResultRow
from .import_result_summary import ImportResultSummary
from .import_survey_link import ImportSurveyLink
from .meta_data import MetaData
from .update_type import UpdateType

__all__ = (
    "ActionResult",
    "BulkImportPayload",
    "BulkImportResult",
    "CreateImportConfigPayload",
    "CreateImportConfigResult",
    "ErrorData",
    "ErrorPayload",
    "Hateoas",
    "HateoasLink",
    "ImportColumnMapping",
    "ImportConfig",
    "ImportConfigActionPayload",
    "ImportConfigListPayload",
    "ImportConfigPayload",
    "ImportContact",
    "ImportContactCustomFields",
    "ImportQueueItem",
    "ImportResultPayload",
    "ImportResultRow",
    "ImportResultSummary",
    "ImportSurveyLink",
    "MetaData",
    "UpdateType",
)
