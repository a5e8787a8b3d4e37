"""XML versus JSON for one full W50 batch: 10,000 contacts with 8 values each.

Two comparisons, measured side by side in one process (each round times every path in turn;
one warm-up round first; the median of N rounds is kept; the process's CPU time is measured,
not the wall clock, as other processes share the machine; the garbage collector is off while a
path runs, as timeit does):

- raw: json.dumps / json.loads against the DataContract codec's encode / decode
  (`ArrayOfContact`) of the same JSON-shaped batch; both give the UTF-8 bytes a request carries;
- model: the path users take with the generated attrs models
  (`contactimport.generated.which50_client.models.Contact`):
  `to_dict()` -> json.dumps -> json.loads -> `Contact.from_dict` against
  `to_dict()` -> codec.encode -> codec.decode -> `Contact.from_dict`.

In the same rounds it times libxml2 parsing the XML and freeing the tree, no walk: the floor
under any decode.
Before timing anything it checks that both formats give back the batch they were given (raw
values and models), so a fast wrong codec cannot report a good ratio. `--quick` runs only a
small batch for CI: it checks the output, and its timings mean nothing.

    python bench/bench_xml.py [--contacts 10000] [--rounds 7] [--quick]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = "ArrayOfContact"
# CPU time of this process: every way is single-threaded and does no I/O, and on a shared
# machine the wall clock also counts the time other processes hold the core.
_clock = time.process_time


def _import_path() -> None:
    """Make the source tree importable when the package is not installed."""
    try:
        import contactimport.datacontract
        import contactimport.generated.which50_client.models  # noqa: F401
    except ImportError:
        sys.path[:0] = [str(ROOT / "overlays"), str(ROOT / "generated")]


def load_codec() -> Any:
    """The W50 codec from the generated spec package, or from the spec's YAML source."""
    from contactimport.datacontract import DataContractCodec

    try:
        return DataContractCodec.for_api("which50")
    except ImportError:
        import yaml

        source = ROOT / "spec" / "which50.openapi.yaml"
        return DataContractCodec.from_document(yaml.safe_load(source.read_text(encoding="utf-8")))


def batch(count: int, seed: int = 50) -> list[dict[str, Any]]:
    """Contacts as an import would send them: 8 values of the usual kinds each."""
    rng = random.Random(seed)
    first = ["Anna", "Bram", "Chloé", "Dmitri", "Eva", "Finn", "Grace", "Hiro"]
    last = ["Jansen", "O'Neill", "Müller", "Smith", "García", "Nguyen", "Kowalski", "Dubois"]
    return [
        {
            "Values": {
                "Email": f"contact{n}@example.com",
                "FirstName": rng.choice(first),
                "LastName": rng.choice(last),
                "Mobile": f"3538{rng.randint(10_000_000, 99_999_999)}",
                "ReferanceAccountId": rng.randint(100_000, 999_999),
                "Score": round(rng.uniform(0, 100), 2),
                "OptIn": rng.random() < 0.5,
                "Notes": None if rng.random() < 0.7 else "Prefers e-mail & calls < 6pm",
            }
        }
        for n in range(count)
    ]


@dataclass
class Way:
    """One way through: `encode` makes the document, `decode` reads it back."""

    name: str
    encode: Callable[[], bytes | str]
    decode: Callable[[bytes | str], object]
    encodes: list[float] = field(default_factory=list)
    decodes: list[float] = field(default_factory=list)
    size: int = 0

    @property
    def encode_time(self) -> float:
        """Median encode time of the timed rounds."""
        return statistics.median(self.encodes)

    @property
    def decode_time(self) -> float:
        """Median decode time of the timed rounds."""
        return statistics.median(self.decodes)

    @property
    def total(self) -> float:
        """Median round trip (encode then decode, timed in the same round)."""
        return statistics.median(e + d for e, d in zip(self.encodes, self.decodes, strict=True))


def paths(codec: Any, contacts: list[dict[str, Any]]) -> list[Way]:
    from contactimport.generated.which50_client.models import Contact

    models = [Contact.from_dict(contact) for contact in contacts]
    return [
        Way(
            "raw JSON",
            lambda: json.dumps(contacts).encode("utf-8"),
            json.loads,
        ),
        Way(
            "raw XML",
            lambda: codec.encode(SCHEMA, contacts),
            lambda document: codec.decode(SCHEMA, document),
        ),
        Way(
            "model JSON",
            lambda: json.dumps([model.to_dict() for model in models]).encode("utf-8"),
            lambda document: [Contact.from_dict(item) for item in json.loads(document)],
        ),
        Way(
            "model XML",
            lambda: codec.encode(SCHEMA, [model.to_dict() for model in models]),
            lambda document: [Contact.from_dict(item) for item in codec.decode(SCHEMA, document)],
        ),
    ]


def parse_floor(codec: Any, contacts: list[dict[str, Any]]) -> Callable[[], None]:
    """The floor under any decode: libxml2 parsing the document with the codec's hardened
    parser (size limit, DOCTYPE refused, attributes and namespace declarations per element
    limited, no network, depth limit) and freeing the tree, no walk. Parsed without the item
    bounds a decode counts while parsing (a pull parser: slower), so the floor is the faster
    parse."""
    from contactimport.datacontract._decoder import parse

    document = codec.encode(SCHEMA, contacts)

    def floor() -> None:
        root = parse(document, len(document))
        del root  # the tree is freed inside the timing, as a decode frees its own

    return floor


def check(codec: Any, contacts: list[dict[str, Any]], ways: list[Way]) -> list[str]:
    """What is wrong with the output of each way (nothing: an empty list)."""
    from contactimport.generated.which50_client.models import Contact

    models = [Contact.from_dict(contact) for contact in contacts]
    problems: list[str] = []
    for way in ways:
        decoded = way.decode(way.encode())
        expected: object = models if way.name.startswith("model") else contacts
        if decoded != expected:
            problems.append(f"{way.name}: decode(encode(batch)) differs from the batch")
    xml = codec.encode(SCHEMA, contacts)
    # The document is DataContract XML of the batch, as .NET would write it (spot checks).
    if not xml.startswith(b'<ArrayOfContact xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'):
        problems.append("raw XML: the document does not start with the ArrayOfContact root")
    entries = sum(len(contact["Values"]) for contact in contacts)
    if xml.count(b":KeyValueOfstringanyType>") != 2 * entries:
        problems.append(f"raw XML: expected {entries} dictionary entries")
    if contacts and codec.decode(SCHEMA, xml.decode("utf-8")) != contacts:
        problems.append("raw XML: decoding the document as str differs from decoding bytes")
    return problems


def _settle() -> None:
    """Work the allocator off the clock. Freeing a parsed tree (hundreds of thousands of small
    blocks) leaves the C allocator work it does lazily on later allocations: about 60 ms of
    CPU landed in whichever way ran next (the JSON encode after the floor took 4x its time).
    Allocating and dropping many small objects here pays that cost outside every timing, so
    each way and the floor are timed alone."""
    churn = [str(number) for number in range(400_000)]
    del churn


def measure(ways: list[Way], floor: Callable[[], None], rounds: int) -> list[float]:
    """`rounds` timed rounds after one warm-up round; every round runs every way in turn, then
    the parse floor, so that each figure and its baseline see the same load. As timeit does, the
    garbage collector is off while a way runs (and collects before it): otherwise a full
    collection of the heap the other ways left lands in whichever way runs next. Returns the
    floor's times; the ways keep theirs."""
    documents = {way.name: way.encode() for way in ways}
    for way in ways:
        way.size = len(documents[way.name])
    del documents
    floors: list[float] = []
    for round_number in range(rounds + 1):
        for way in ways:
            gc.collect()
            gc.disable()
            try:
                started = _clock()
                document = way.encode()
                encoded = _clock()
                way.decode(document)
                decoded = _clock()
            finally:
                gc.enable()
            del document
            _settle()
            if round_number:  # round 0 warms up
                way.encodes.append(encoded - started)
                way.decodes.append(decoded - encoded)
        gc.collect()
        gc.disable()
        try:
            started = _clock()
            floor()
            parsed = _clock()
        finally:
            gc.enable()
        _settle()
        if round_number:
            floors.append(parsed - started)
    return floors


def report(ways: list[Way], count: int, rounds: int, floor: float) -> None:
    by_name = {way.name: way for way in ways}
    print(f"{count} contacts x 8 values, median of {rounds} interleaved rounds after a warm-up")
    for way in ways:
        print(
            f"  {way.name:<10}: encode {way.encode_time * 1000:7.1f} ms"
            f"  decode {way.decode_time * 1000:7.1f} ms  total {way.total * 1000:7.1f} ms"
            f"  ({way.size / 1e6:.2f} MB)"
        )
    for level in ("raw", "model"):
        xml, json_ = by_name[f"{level} XML"], by_name[f"{level} JSON"]
        print(
            f"  {level:<5} ratio XML/JSON: {xml.total / json_.total:5.2f}x"
            f" (encode {xml.encode_time / json_.encode_time:.2f}x,"
            f" decode {xml.decode_time / json_.decode_time:.2f}x,"
            f" size {xml.size / json_.size:.1f}x)"
        )
    print(
        f"  floor: parsing the XML and freeing the tree take {floor * 1000:.1f} ms,"
        f" {floor / by_name['raw JSON'].total:.2f}x the raw JSON round trip and"
        f" {floor / by_name['model JSON'].total:.2f}x the model-level one"
    )


def figures(quick: bool) -> list[Any]:
    """The harness's figures (bench/run_benchmarks.py): model-level XML against JSON, and the XML
    decode against libxml2's parse-and-free floor."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from figures import Figure

    count, rounds = (200, 1) if quick else (10_000, 7)
    _import_path()
    codec = load_codec()
    contacts = batch(count)
    ways = paths(codec, contacts)
    problems = check(codec, contacts, ways)
    if problems:
        raise SystemExit("; ".join(problems))
    floor = statistics.median(measure(ways, parse_floor(codec, contacts), rounds))
    by_name = {way.name: way for way in ways}
    return [
        Figure(
            "xml",
            f"model-level XML round trip, {count:,} contacts",
            by_name["model XML"].total * 1000,
            "ms",
            by_name["model JSON"].total * 1000,
            "model-level JSON round trip",
            3.0,
            "to_dict, encode, decode, from_dict",
            rounds,
        ),
        Figure(
            "xml",
            f"XML decode, {count:,} contacts",
            by_name["raw XML"].decode_time * 1000,
            "ms",
            floor * 1000,
            "libxml2 parse and free (the floor)",
            1.3,
            "",
            rounds,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--contacts", type=int, default=None, help="batch size (10,000)")
    parser.add_argument("--rounds", type=int, default=None, help="timed rounds (7)")
    parser.add_argument(
        "--quick", action="store_true", help="CI smoke run: 200 contacts, 1 round, checks output"
    )
    args = parser.parse_args(argv)
    count = args.contacts if args.contacts is not None else (200 if args.quick else 10_000)
    rounds = args.rounds if args.rounds is not None else (1 if args.quick else 7)

    _import_path()
    codec = load_codec()
    contacts = batch(count)
    ways = paths(codec, contacts)
    problems = check(codec, contacts, ways)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    floor = statistics.median(measure(ways, parse_floor(codec, contacts), rounds))
    report(ways, count, rounds, floor)
    if args.quick:
        print("  (--quick: output checked; timings of a small batch are not meaningful)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
