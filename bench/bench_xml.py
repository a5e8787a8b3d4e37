"""XML versus JSON for one full W50 batch: 10,000 contacts with 8 values each.

Two comparisons, measured side by side in one process (each round times every path in turn;
one warm-up round first; the best of N rounds is kept; the garbage collector is off while a
path runs, as timeit does):

- raw: json.dumps / json.loads against the DataContract codec's encode / decode
  (`ArrayOfContact`) of the same JSON-shaped batch;
- model: the path users take with the generated attrs models
  (`contactimport.generated.which50_client.models.Contact`):
  `to_dict()` -> json.dumps -> json.loads -> `Contact.from_dict` against
  `to_dict()` -> codec.encode -> codec.decode -> `Contact.from_dict`.

It also times libxml2 parsing the XML and freeing the tree, no walk: the floor under any decode.
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
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = "ArrayOfContact"


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
    best_encode: float = float("inf")
    best_decode: float = float("inf")
    size: int = 0

    @property
    def total(self) -> float:
        return self.best_encode + self.best_decode


def paths(codec: Any, contacts: list[dict[str, Any]]) -> list[Way]:
    from contactimport.generated.which50_client.models import Contact

    models = [Contact.from_dict(contact) for contact in contacts]
    return [
        Way(
            "raw JSON",
            lambda: json.dumps(contacts),
            json.loads,
        ),
        Way(
            "raw XML",
            lambda: codec.encode(SCHEMA, contacts),
            lambda document: codec.decode(SCHEMA, document),
        ),
        Way(
            "model JSON",
            lambda: json.dumps([model.to_dict() for model in models]),
            lambda document: [Contact.from_dict(item) for item in json.loads(document)],
        ),
        Way(
            "model XML",
            lambda: codec.encode(SCHEMA, [model.to_dict() for model in models]),
            lambda document: [Contact.from_dict(item) for item in codec.decode(SCHEMA, document)],
        ),
    ]


def parse_floor(codec: Any, contacts: list[dict[str, Any]], rounds: int) -> float:
    """The floor under any decode: libxml2 parsing the document with the codec's hardened
    parser (size limit, DOCTYPE refused, attributes and namespace declarations per element
    limited, no network, depth limit) and freeing the tree, no walk.
    Timed on its own after the other ways: freeing a tree this size leaves the allocator work
    that would otherwise land in whichever way ran next."""
    from contactimport.datacontract._decoder import parse

    document = codec.encode(SCHEMA, contacts)
    best = float("inf")
    for round_number in range(rounds + 1):
        gc.collect()
        started = time.perf_counter()
        root = parse(document, len(document))
        del root
        if round_number:
            best = min(best, time.perf_counter() - started)
    return best


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


def measure(ways: list[Way], rounds: int) -> None:
    """Best of `rounds` after one warm-up round; every round runs every way in turn. As timeit
    does, the garbage collector is off while a way runs (and collects before it): otherwise a
    full collection of the heap the other ways left lands in whichever way runs next."""
    documents = {way.name: way.encode() for way in ways}
    for way in ways:
        way.size = len(documents[way.name])
    del documents
    for round_number in range(rounds + 1):
        for way in ways:
            gc.collect()
            gc.disable()
            try:
                started = time.perf_counter()
                document = way.encode()
                encoded = time.perf_counter()
                way.decode(document)
                decoded = time.perf_counter()
            finally:
                gc.enable()
            del document
            if round_number:  # round 0 warms up
                way.best_encode = min(way.best_encode, encoded - started)
                way.best_decode = min(way.best_decode, decoded - encoded)


def report(ways: list[Way], count: int, rounds: int, floor: float) -> None:
    by_name = {way.name: way for way in ways}
    print(f"{count} contacts x 8 values, best of {rounds} rounds after a warm-up")
    for way in ways:
        print(
            f"  {way.name:<10}: encode {way.best_encode * 1000:7.1f} ms"
            f"  decode {way.best_decode * 1000:7.1f} ms  total {way.total * 1000:7.1f} ms"
            f"  ({way.size / 1e6:.2f} MB)"
        )
    for level in ("raw", "model"):
        xml, json_ = by_name[f"{level} XML"], by_name[f"{level} JSON"]
        print(
            f"  {level:<5} ratio XML/JSON: {xml.total / json_.total:5.2f}x"
            f" (encode {xml.best_encode / json_.best_encode:.2f}x,"
            f" decode {xml.best_decode / json_.best_decode:.2f}x,"
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
    measure(ways, rounds)
    floor = parse_floor(codec, contacts, rounds)
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
            by_name["raw XML"].best_decode * 1000,
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
    measure(ways, rounds)
    report(ways, count, rounds, parse_floor(codec, contacts, rounds))
    if args.quick:
        print("  (--quick: output checked; timings of a small batch are not meaningful)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
