"""Hostile XML is refused fast, with a clear error, without expanding, fetching or reading
anything: billion laughs, quadratic blow-up, XXE by file and by URL, external DTDs, deep nesting,
oversized documents. Each case also runs UTF-16 encoded, which skips the codec's quick DOCTYPE
scan and so proves the parser settings on their own."""

from __future__ import annotations

import functools
import http.server
import re
import resource
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from contactimport.datacontract import DataContractCodec, XmlDecodeError

DTO = "http://schemas.datacontract.org/2004/07/W50API.Models.DTO"
SCHEMAS = {
    "Job": {
        "type": "object",
        "x-datacontract": {"name": "ImportJob", "namespace": DTO, "isReference": False},
        "properties": {"CurrentStatus": {"type": "string"}},
    }
}
CODEC = DataContractCodec.from_document({"components": {"schemas": SCHEMAS}})
FAST = 2.0  # seconds; each of these is refused in milliseconds
MEMORY_GROWTH_LIMIT_KB = 64 * 1024

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE ImportJob [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'
        for n in range(1, 10)
    )
    + f']>\n<ImportJob xmlns="{DTO}"><CurrentStatus>&lol9;</CurrentStatus></ImportJob>'
)
QUADRATIC = (
    f'<!DOCTYPE ImportJob [<!ENTITY a "{"x" * 50_000}">]>'
    f'<ImportJob xmlns="{DTO}"><CurrentStatus>{"&a;" * 50_000}</CurrentStatus></ImportJob>'
)
XXE_FILE = (
    '<!DOCTYPE ImportJob [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    f'<ImportJob xmlns="{DTO}"><CurrentStatus>&e;</CurrentStatus></ImportJob>'
)
PARAMETER_ENTITY = (
    '<!DOCTYPE ImportJob [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
    f'<ImportJob xmlns="{DTO}"/>'
)


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server recording every path requested from it."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            body = b'<!ENTITY e "fetched">'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def utf8(text: str) -> bytes:
    return text.encode("utf-8")


def utf16(text: str) -> bytes:
    return text.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode(
        "utf-16"
    )


ENCODINGS: list[Callable[[str], bytes]] = [utf8, utf16]


def refused(xml: bytes | str, message: str) -> XmlDecodeError:
    memory_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(XmlDecodeError, match=message) as caught:
        CODEC.decode("Job", xml)
    assert time.perf_counter() - started < FAST
    growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - memory_before
    assert growth < MEMORY_GROWTH_LIMIT_KB, f"memory grew by {growth} kB"
    return caught.value


@pytest.mark.parametrize("encode", ENCODINGS)
def test_billion_laughs_is_refused_without_expansion(encode: Callable[[str], bytes]) -> None:
    refused(encode(BILLION_LAUGHS), "DOCTYPE is not allowed")


@pytest.mark.parametrize("encode", ENCODINGS)
def test_quadratic_blowup_is_refused_without_expansion(encode: Callable[[str], bytes]) -> None:
    refused(encode(QUADRATIC), "DOCTYPE is not allowed")


@pytest.mark.parametrize("encode", ENCODINGS)
@pytest.mark.parametrize("document", [XXE_FILE, PARAMETER_ENTITY], ids=["entity", "parameter"])
def test_xxe_by_file_is_refused_and_reads_nothing(
    encode: Callable[[str], bytes], document: str
) -> None:
    error = refused(encode(document), "DOCTYPE is not allowed")
    assert "root:" not in str(error)


@pytest.mark.parametrize("encode", ENCODINGS)
def test_xxe_by_url_is_refused_and_fetches_nothing(
    encode: Callable[[str], bytes], listener: tuple[str, list[str]]
) -> None:
    url, hits = listener
    document = (
        f'<!DOCTYPE ImportJob [<!ENTITY e SYSTEM "{url}/entity">]>'
        f'<ImportJob xmlns="{DTO}"><CurrentStatus>&e;</CurrentStatus></ImportJob>'
    )
    refused(encode(document), "DOCTYPE is not allowed")
    assert hits == []


@pytest.mark.parametrize("encode", ENCODINGS)
def test_external_dtd_is_refused_and_not_fetched(
    encode: Callable[[str], bytes], listener: tuple[str, list[str]]
) -> None:
    url, hits = listener
    document = f'<!DOCTYPE ImportJob SYSTEM "{url}/contract.dtd"><ImportJob xmlns="{DTO}"/>'
    refused(encode(document), "DOCTYPE is not allowed")
    assert hits == []


def test_a_doctype_after_comments_and_processing_instructions_is_still_found() -> None:
    document = f'<?xml version="1.0"?><!-- hi --><?pi x?>\n{XXE_FILE}'
    refused(document, "DOCTYPE is not allowed")


@pytest.mark.parametrize("encode", ENCODINGS)
def test_ten_thousand_deep_nesting_is_refused(encode: Callable[[str], bytes]) -> None:
    deep = f'<ImportJob xmlns="{DTO}">' + "<x>" * 10_000 + "</x>" * 10_000 + "</ImportJob>"
    refused(encode(deep), "nesting deeper than 256 levels")


def test_documents_over_the_size_limit_are_refused_before_parsing() -> None:
    small = DataContractCodec.from_document({"components": {"schemas": SCHEMAS}}, max_bytes=100)
    document = f'<ImportJob xmlns="{DTO}"><CurrentStatus>{"x" * 200}</CurrentStatus></ImportJob>'
    with pytest.raises(XmlDecodeError, match="larger than the limit of 100 bytes"):
        small.decode("Job", document)
    assert CODEC.decode("Job", document) == {"CurrentStatus": "x" * 200}


def test_undeclared_entities_and_invalid_characters_are_not_well_formed() -> None:
    with pytest.raises(XmlDecodeError, match="not well-formed XML"):
        CODEC.decode(
            "Job", f'<ImportJob xmlns="{DTO}"><CurrentStatus>&e;</CurrentStatus></ImportJob>'
        )
    with pytest.raises(XmlDecodeError, match="not well-formed XML"):
        CODEC.decode(
            "Job", f'<ImportJob xmlns="{DTO}"><CurrentStatus>&#1;</CurrentStatus></ImportJob>'
        )
    with pytest.raises(XmlDecodeError, match="lone surrogate"):
        CODEC.decode(
            "Job", f'<ImportJob xmlns="{DTO}"><CurrentStatus>\ud800</CurrentStatus></ImportJob>'
        )


def test_predefined_entities_and_character_references_still_work() -> None:
    document = (
        f'<ImportJob xmlns="{DTO}"><CurrentStatus>&lt;&amp;&#x41;&#xD;</CurrentStatus></ImportJob>'
    )
    assert CODEC.decode("Job", document) == {"CurrentStatus": "<&A\r"}


@pytest.mark.parametrize(
    "document",
    [PARAMETER_ENTITY, XXE_FILE, '<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>'],
    ids=["parameter-entity", "general-entity", "external-dtd"],
)
def test_the_parser_alone_reads_no_external_entity(document: str) -> None:
    """Defense in depth: even without the DOCTYPE check, the parser resolves nothing external."""
    from contactimport.datacontract._safexml import _parser
    from lxml import etree

    root = etree.fromstring(document.encode(), _parser())
    assert b"root:" not in etree.tostring(root)


# -- attributes and namespace declarations: capped per element, refused in linear time ------------
W50 = DataContractCodec.for_api("which50")
BOMB = 100_000  # the finding: 100,000 attributes on one element took 89 s to refuse


def contacts(count: int) -> list[dict[str, object]]:
    return [
        {"Values": {"Email": f"c{n}@example.com", "FirstName": "Anna", "ReferanceAccountId": n}}
        for n in range(count)
    ]


def batch_document(size: int) -> bytes:
    """A normal W50 batch (what the API takes) of at least `size` bytes."""
    one = len(W50.encode("ArrayOfContact", contacts(1)))
    count = 1 + size // max(1, one - 300)
    document = W50.encode("ArrayOfContact", contacts(count))
    while len(document) < size:  # pragma: no cover - the estimate is generous
        count *= 2
        document = W50.encode("ArrayOfContact", contacts(count))
    return document


def with_attributes(name: str, extra: str, document: bytes) -> bytes:
    """`document` with `extra` (attributes or declarations) added to the first element whose
    local name is `name`, with or without a prefix."""
    tag = re.compile(rb"<(?:[\w.-]+:)?%s(?=[ />])" % name.encode())
    match = tag.search(document)
    assert match is not None, name
    return document[: match.end()] + b" " + extra.encode() + document[match.end() :]


def attributes(count: int) -> str:
    return " ".join(f'a{n}="x"' for n in range(count))


def declarations(count: int) -> str:
    return " ".join(f'xmlns:p{n}="urn:p{n}"' for n in range(count))


def best_time(action: Callable[[], object], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def refusal_time(document: bytes, message: str) -> float:
    def decode() -> None:
        with pytest.raises(XmlDecodeError, match=message):
            W50.decode("ArrayOfContact", document)

    return best_time(decode)


# A refusal may cost a few parses of the document, never more: a ratio to decoding a normal
# batch of the same size, measured side by side, plus a constant for timer noise on tiny times.
RATIO = 5.0
SLACK = 0.05  # seconds


@pytest.mark.parametrize(
    ("where", "extra", "message", "encode"),
    [
        ("ArrayOfContact", attributes(BOMB), "more than 64 attributes", utf8),
        ("ArrayOfContact", declarations(BOMB), "more than 64 namespace declarations", utf8),
        ("Contact", attributes(BOMB), "more than 64 attributes", utf8),
        ("Value", declarations(BOMB), "more than 64 namespace declarations", utf8),
        ("ArrayOfContact", attributes(BOMB), "more than 64 attributes", utf16),
        ("Value", declarations(BOMB), "more than 64 namespace declarations", utf16),
    ],
    ids=[
        "attributes-on-root",
        "declarations-on-root",
        "attributes-inside",
        "declarations-inside",
        "attributes-on-root-utf16",
        "declarations-inside-utf16",
    ],
)
def test_attribute_and_namespace_bombs_are_refused_in_linear_time(
    where: str, extra: str, message: str, encode: Callable[[str], bytes]
) -> None:
    bomb = with_attributes(where, extra, batch_document(1000))
    normal = batch_document(len(bomb))
    bomb, normal = encode(bomb.decode("utf-8")), encode(normal.decode("utf-8"))
    assert abs(len(normal) - len(bomb)) < len(bomb) // 2
    refused_in = refusal_time(bomb, message)
    decoded_in = best_time(lambda: W50.decode("ArrayOfContact", normal))
    assert refused_in < RATIO * decoded_in + SLACK, (refused_in, decoded_in)


def test_an_attribute_bomb_on_an_element_the_contract_ignores_is_refused_too() -> None:
    """The limits hold for the whole document, not only for what the decoder reads."""
    document = with_attributes("Contact", f"><Unknown {attributes(BOMB)}/", batch_document(1000))
    with pytest.raises(XmlDecodeError, match="more than 64 attributes on one element"):
        W50.decode("ArrayOfContact", document)


@pytest.mark.parametrize(
    ("where", "has_attributes", "has_declarations"),
    [("ArrayOfContact", 0, 2), ("Contact", 0, 0), ("Values", 0, 2), ("Value", 1, 1)],
)
def test_up_to_the_limits_an_element_is_read(
    where: str, has_attributes: int, has_declarations: int
) -> None:
    from contactimport.datacontract import MAX_ATTRIBUTES, MAX_NAMESPACE_DECLARATIONS

    base = W50.encode("ArrayOfContact", contacts(2))
    room = MAX_ATTRIBUTES - has_attributes
    ns_room = MAX_NAMESPACE_DECLARATIONS - has_declarations
    at_the_limits = with_attributes(where, f"{attributes(room)} {declarations(ns_room)}", base)
    assert W50.decode("ArrayOfContact", at_the_limits) == contacts(2)
    one_more = with_attributes(where, attributes(room + 1), base)
    with pytest.raises(XmlDecodeError, match=f"more than {MAX_ATTRIBUTES} attributes"):
        W50.decode("ArrayOfContact", one_more)
    one_more = with_attributes(where, declarations(ns_room + 1), base)
    with pytest.raises(
        XmlDecodeError, match=f"more than {MAX_NAMESPACE_DECLARATIONS} namespace declarations"
    ):
        W50.decode("ArrayOfContact", one_more)


def test_text_that_only_looks_like_many_attributes_is_read() -> None:
    """Text, comments and CDATA full of `name="value"` pairs are not attributes."""
    lookalike = " ".join(f'a{n}="x"' for n in range(200))
    status = f"{lookalike} &lt;x {lookalike}&gt; {'=' * 500}"
    document = (
        f'<ImportJob xmlns="{DTO}"><!-- <x {lookalike}> --><CurrentStatus>{status}'
        f"<![CDATA[ <y {lookalike}> ]]></CurrentStatus></ImportJob>"
    )
    assert CODEC.decode("Job", document) == {
        "CurrentStatus": f"{lookalike} <x {lookalike}> {'=' * 500} <y {lookalike}> "
    }


@pytest.mark.parametrize("where", ["ArrayOfContact", "Contact", "Values", "Key", "Value"])
def test_every_decoder_path_is_linear_in_attributes(where: str) -> None:
    """Even on a tree the parser's limits did not check (lxml's own parser here), reading an
    element's attributes costs no more than their number: no quadratic `values()` or `items()`."""
    from contactimport.datacontract._decoder import Decoder
    from lxml import etree

    bomb = with_attributes(where, attributes(20_000), batch_document(1000))
    normal = batch_document(len(bomb))
    root_contract = W50._root("ArrayOfContact")
    bomb_root, normal_root = etree.fromstring(bomb), etree.fromstring(normal)
    bomb_in = best_time(lambda: Decoder().decode(root_contract, bomb_root))
    normal_in = best_time(lambda: Decoder().decode(root_contract, normal_root))
    assert bomb_in < RATIO * normal_in + SLACK, (bomb_in, normal_in)


def test_an_array_over_its_max_items_is_refused_while_parsing() -> None:
    """Issue 20: the array's items are counted as they arrive; parsing stops at the first item
    past maxItems, so the rest of the document (here malformed, megabytes later) is never read
    and its tree never built."""
    import contactimport.generated.spec

    codec = DataContractCodec.from_document(contactimport.generated.spec.document("which50"))
    schema = contactimport.generated.spec.document("which50")["components"]["schemas"]
    limit = schema["ImportJobCreateRequest"]["properties"]["FieldNames"]["maxItems"]
    arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
    head = (
        '<ImportJobCreateRequest xmlns="http://schemas.datacontract.org/2004/07/W50API.Controllers"'
        f' xmlns:d2p1="{arrays}"><FieldNames>'
    )
    items = "".join(f"<d2p1:string>F{n}</d2p1:string>" for n in range(limit))
    ok = (head + items + "</FieldNames></ImportJobCreateRequest>").encode()
    assert len(codec.decode("ImportJobCreateRequest", ok)["FieldNames"]) == limit
    more = "<d2p1:string>F</d2p1:string>" * 100_000  # 2.8 MB: several feeds of the parser
    too_many = (head + items + more + "<broken").encode()
    with pytest.raises(XmlDecodeError) as caught:
        codec.decode("ImportJobCreateRequest", too_many)
    assert str(caught.value) == (
        f"ImportJobCreateRequest.FieldNames: holds more than {limit} items (maxItems)"
    )


def _outcome(read: Callable[[], object]) -> tuple[str, object]:
    from contactimport.datacontract import NotStreamable

    try:
        return "value", read()
    except NotStreamable:
        return "not streamable", None
    except XmlDecodeError as error:
        return "error", str(error)


def _items(codec: DataContractCodec, document: bytes) -> list[object]:
    return list(codec.iter_items("ArrayOfContact", document))


def test_iter_items_reads_what_decode_reads_one_item_at_a_time() -> None:
    """Issue 20: the sandbox reads an XML batch or bulk import item by item; every document,
    good or bad, gives the same items or the same error as reading it whole (a root with
    attributes is left to `decode`)."""
    import contactimport.generated.spec

    codec = DataContractCodec.from_document(contactimport.generated.spec.document("which50"))
    contacts = [
        {
            "Values": {"Email": f"a{n}@x.io", "N": n, "B": True, "Z": None},
            "ValidationWarnings": ["w"],
        }
        for n in range(5)
    ]
    good = codec.encode("ArrayOfContact", contacts)
    opening = good[: good.index(b">") + 1]
    warning = b"<d3p1:string>w</d3p1:string>"
    assert warning in good
    documents = {
        "good": good,
        "empty": opening[:-1] + b"/>",
        "text before the items": good.replace(b"<Contact>", b"x<Contact>", 1),
        "text between items": good.replace(b"</Contact><Contact>", b"</Contact>x<Contact>", 1),
        "text after the items": good.replace(b"</ArrayOfContact>", b"x</ArrayOfContact>"),
        "another element": good.replace(b"<Contact>", b"<Other/><Contact>", 2),
        "another root": good.replace(b"ArrayOfContact", b"ArrayOfOther"),
        "malformed": good[:-5],
        "an element in a value": good.replace(b">a1@x.io<", b"><x/>a<", 1),
        "warnings over maxItems": good.replace(warning, warning * 1001, 1),
    }
    for name, document in documents.items():
        whole = _outcome(functools.partial(codec.decode, "ArrayOfContact", document))
        items = _outcome(functools.partial(_items, codec, document))
        assert items == whole, name
    assert _outcome(lambda: list(codec.iter_items("ArrayOfContact", good)))[1] == contacts
    nil = opening[:-1] + b' i:nil="true"/>'
    assert _outcome(lambda: list(codec.iter_items("ArrayOfContact", nil)))[0] == "not streamable"
