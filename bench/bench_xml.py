"""XML versus JSON for one full W50 batch: 10,000 contacts with 8 values each.

Encodes and decodes the batch with the DataContract codec (`ArrayOfContact`) and with
json.dumps/json.loads, side by side in one process, and prints the times and the ratio.

    python bench/bench_xml.py [--contacts 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def load_codec() -> Any:
    """The W50 codec from the installed package, or from the source tree."""
    try:
        from contactimport.datacontract import DataContractCodec
    except ImportError:
        sys.path[:0] = [str(ROOT / "overlays"), str(ROOT / "generated")]
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


def best_of(rounds: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    codec = load_codec()
    contacts = batch(args.contacts)
    xml = codec.encode("ArrayOfContact", contacts)
    text = json.dumps(contacts)
    if codec.decode("ArrayOfContact", xml) != contacts or json.loads(text) != contacts:
        print("round trip failed", file=sys.stderr)
        return 1

    xml_encode = best_of(args.rounds, lambda: codec.encode("ArrayOfContact", contacts))
    xml_decode = best_of(args.rounds, lambda: codec.decode("ArrayOfContact", xml))
    json_encode = best_of(args.rounds, lambda: json.dumps(contacts))
    json_decode = best_of(args.rounds, lambda: json.loads(text))

    xml_total = xml_encode + xml_decode
    json_total = json_encode + json_decode
    print(f"{args.contacts} contacts x 8 values, best of {args.rounds} rounds")
    print(
        f"  XML : encode {xml_encode * 1000:7.1f} ms  decode {xml_decode * 1000:7.1f} ms"
        f"  total {xml_total * 1000:7.1f} ms  ({len(xml) / 1e6:.1f} MB)"
    )
    print(
        f"  JSON: encode {json_encode * 1000:7.1f} ms  decode {json_decode * 1000:7.1f} ms"
        f"  total {json_total * 1000:7.1f} ms  ({len(text) / 1e6:.1f} MB)"
    )
    print(
        f"  ratio XML/JSON: {xml_total / json_total:.2f}x"
        f" (encode {xml_encode / json_encode:.2f}x, decode {xml_decode / json_decode:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
