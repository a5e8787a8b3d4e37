"""DataContract XML for both APIs: what .NET's DataContractSerializer writes, read from the spec.

    >>> codec = DataContractCodec.for_api("which50")
    >>> xml = codec.encode("ImportJobCreateRequest", {"FieldNames": ["Email"]})
    >>> codec.decode("ImportJobCreateRequest", xml)
    {'FieldNames': ['Email']}

Values are JSON-shaped (exactly what the JSON wire format carries), so the models generated for
the JSON path read decoded XML unchanged. See docs/spec-conventions.md for the spec side.
"""

from ._errors import DataContractError, DataContractSpecError, XmlDecodeError, XmlEncodeError
from .codec import DEFAULT_MAX_BYTES, DataContractCodec

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DataContractCodec",
    "DataContractError",
    "DataContractSpecError",
    "XmlDecodeError",
    "XmlEncodeError",
]
