"""DataContract XML for both APIs: what .NET's DataContractSerializer writes, read from the spec.

    >>> codec = DataContractCodec.for_api("which50")
    >>> xml = codec.encode("ImportJobCreateRequest", {"FieldNames": ["Email"]})
    >>> codec.decode("ImportJobCreateRequest", xml)
    {'FieldNames': ['Email']}

Values are JSON-shaped (exactly what the JSON wire format carries), so the models generated for
the JSON path read decoded XML unchanged. Everything about the XML comes from the spec
(docs/spec-conventions.md); the XML written is what ASP.NET Web API writes (checked byte for byte
against Mono's DataContractSerializer in tests/interop).

Choices where JSON and XML differ:

- date-time strings cross unchanged (`t`/`z` upper-cased): .NET's rendering depends on a
  DateTime's Kind and the server's zone, which a JSON string cannot tell; more than 7 fraction
  digits (finer than .NET's 100 ns) is an error, not a silent rounding;
- TimeSpan: JSON `[-][d.]hh:mm:ss[.fffffff]`, read as Json.NET reads it (`24:00:00` is 24
  days: `canonical_timespan`), XML `xs:duration`; decoding gives Json.NET's canonical text
  (`00:00:00.5000000` for `PT0.5S`); MinValue and MaxValue included;
- a `Dictionary<string, object>` marked `x-jsonnet-dates` writes a string Json.NET would read
  as a DateTime (`2025-01-22T05:05:51Z`) as xs:dateTime, as the vendor does;
- `Dictionary<string, object>` values: str -> xs:string, int -> xs:long (as Json.NET reads
  integers), float -> xs:double, bool -> xs:boolean, None -> i:nil, `{}` -> a bare `<Value />`
  (the help pages' sample `object`); reading also takes xs:int/short/byte/unsigned* (int),
  xs:decimal/float (float), xs:dateTime (its text), xs:duration and ser:duration (TimeSpan),
  ser:char, the other types .NET knows (ser:guid, xs:anyURI, xs:base64Binary, ...) as their
  text; an i:type naming a type .NET does not know is refused, as .NET refuses it (an unbound
  prefix names no namespace, as in .NET); an i:type on an object, a collection or a dictionary
  must name its own contract; on a primitive member it is ignored, as .NET ignores it;
- `type: integer` without a format is an Int64 (xs:long), bounded like one both ways;
- a union of a string and an object (CheckMarket's error `Data`): `""` is `<Data></Data>`, an
  object is its member elements, and `{}` is `<Data i:type="ErrorData" />` (an empty element
  alone would read back as `""`);
- doubles as .NET Framework writes them ("R": `1E+15`, `0.33333333333333331`, `0` for -0.0);
- CR is written `&#xD;` so it survives (.NET's own writer turns it into a line break);
- text XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) is an
  XmlEncodeError naming the field, never dropped or replaced;
- reading refuses any DOCTYPE (so no entity is ever expanded and nothing external is fetched),
  documents over `max_bytes` (64 MiB by default), nesting deeper than `MAX_DEPTH` (256) levels,
  more than `MAX_ATTRIBUTES` (64) attributes or `MAX_NAMESPACE_DECLARATIONS` (64) namespace
  declarations on one element, in time linear in the document's size, and an array longer than
  its schema's `maxItems` (counted while parsing; the root array's length is the reader's to
  check); `iter_items` reads an array document one item at a time. The client reads XML error
  bodies with the same parser.
"""

from ._decoder import NotStreamable
from ._errors import DataContractError, DataContractSpecError, XmlDecodeError, XmlEncodeError
from ._safexml import MAX_ATTRIBUTES, MAX_DEPTH, MAX_NAMESPACE_DECLARATIONS
from .codec import DEFAULT_MAX_BYTES, DataContractCodec, canonical_timespan

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_ATTRIBUTES",
    "MAX_DEPTH",
    "MAX_NAMESPACE_DECLARATIONS",
    "DataContractCodec",
    "DataContractError",
    "DataContractSpecError",
    "NotStreamable",
    "XmlDecodeError",
    "XmlEncodeError",
    "canonical_timespan",
]
