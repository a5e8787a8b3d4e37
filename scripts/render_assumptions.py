"""Render the specs' `info.x-assumptions` into README.md, between two marker comments.

The specs are the truth; the README shows what they assume about the vendors so a user sees it
without opening YAML. `python scripts/render_assumptions.py` rewrites the section;
`--check` exits 1 when the README is out of date (run by the test suite).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spec_reader import load_document

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START = "<!-- assumptions:start (scripts/render_assumptions.py writes this section) -->"
END = "<!-- assumptions:end -->"
SPECS = (
    ("W50API", "spec/which50.openapi.yaml"),
    ("CheckMarket API v3", "spec/checkmarket.openapi.yaml"),
)


def render() -> str:
    """The section between the markers, markers included."""
    lines = [START]
    for title, path in SPECS:
        document = load_document(ROOT / path)
        lines += ["", f"**{title}** (`{path}`)", ""]
        for assumption in document["info"]["x-assumptions"]:
            text = " ".join(str(assumption["text"]).split())
            lines.append(f"- `{assumption['id']}`: {text}")
    lines += ["", END]
    return "\n".join(lines)


def updated(readme: str) -> str:
    """The README with its assumptions section replaced by a fresh rendering."""
    head, found, rest = readme.partition(START)
    if not found or END not in rest:
        raise SystemExit(f"README.md lacks the markers {START!r} ... {END!r}")
    _, _, tail = rest.partition(END)
    return head + render() + tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if README.md is out of date")
    args = parser.parse_args(argv)
    current = README.read_text(encoding="utf-8")
    fresh = updated(current)
    if args.check:
        if fresh != current:
            print(
                "README.md's assumptions section differs from the specs; "
                "run: python scripts/render_assumptions.py",
                file=sys.stderr,
            )
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
