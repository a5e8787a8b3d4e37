"""contactimport: typed clients, DataContract XML, import workflows and a CLI.

For the Which50 W50API and CheckMarket API v3 contact import APIs. The clients, the error
classes and the import workflows are importable from here::

    from contactimport import Which50, NotFoundError, begin_import
"""

from ._operations import NOT_GIVEN, APIResponse, EnvelopeAPIResponse, NotGiven
from ._version import VERSION as __version__
from .checkmarket import AsyncCheckMarket, CheckMarket
from .errors import (
    APIConnectionError,
    APIResponseError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ConflictError,
    ContactImportError,
    InvalidParameterError,
    NotFoundError,
    OperationFailedError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    ValidationError,
)
from .querystring import CustomEvents, MatchOn, MatchValues
from .which50 import AsyncWhich50, Which50, contact
from .workflows import (
    begin_bulk_import,
    begin_bulk_import_async,
    begin_import,
    begin_import_async,
)

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIResponse",
    "APIResponseError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncCheckMarket",
    "AsyncWhich50",
    "AuthenticationError",
    "CheckMarket",
    "ConflictError",
    "ContactImportError",
    "CustomEvents",
    "EnvelopeAPIResponse",
    "InvalidParameterError",
    "MatchOn",
    "MatchValues",
    "NotFoundError",
    "NotGiven",
    "OperationFailedError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "ValidationError",
    "Which50",
    "__version__",
    "begin_bulk_import",
    "begin_bulk_import_async",
    "begin_import",
    "begin_import_async",
    "contact",
]
